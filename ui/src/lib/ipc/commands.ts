// The only module (with its siblings in lib/ipc) that talks to the Rust core.
// One typed async function per Tauri command; every rejection becomes a
// CommandError (see errors.ts).
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import type {
  ClientRowDto,
  CreateUnitRequest,
  NewClientRequest,
  PasswordCheckDto,
  SessionDto,
  StartupDto,
  UnitDto,
  UnlockRequest,
} from './bindings';
import { toCommandError } from './errors';

export { CommandError, toCommandError, UNEXPECTED_MESSAGE } from './errors';

export type InvokeFn = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

export interface Commands {
  startupState(): Promise<StartupDto>;
  checkNewPassword(password: string, username?: string): Promise<PasswordCheckDto>;
  createUnit(request: CreateUnitRequest): Promise<SessionDto>;
  openDemoUnit(): Promise<UnitDto>;
  unlock(request: UnlockRequest): Promise<SessionDto>;
  lock(): Promise<null>;
  listClients(): Promise<ClientRowDto[]>;
  addClient(request: NewClientRequest): Promise<ClientRowDto>;
}

/** Builds the command functions on top of an invoke function (injectable for tests). */
export function makeCommands(invoke: InvokeFn): Commands {
  async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    try {
      return (await invoke(command, args)) as T;
    } catch (reason) {
      throw toCommandError(reason);
    }
  }

  return {
    startupState: () => call<StartupDto>('startup_state'),
    checkNewPassword: (password, username) =>
      call<PasswordCheckDto>('check_new_password', { password, username: username ?? null }),
    createUnit: (request) => call<SessionDto>('create_unit', { request }),
    openDemoUnit: () => call<UnitDto>('open_demo_unit'),
    unlock: (request) => call<SessionDto>('unlock', { request }),
    lock: () => call<null>('lock'),
    listClients: () => call<ClientRowDto[]>('list_clients'),
    addClient: (request) => call<ClientRowDto>('add_client', { request }),
  };
}

const commands = makeCommands((command, args) => tauriInvoke(command, args));

export const startupState = commands.startupState;
export const checkNewPassword = commands.checkNewPassword;
export const createUnit = commands.createUnit;
export const openDemoUnit = commands.openDemoUnit;
export const unlock = commands.unlock;
export const lock = commands.lock;
export const listClients = commands.listClients;
export const addClient = commands.addClient;

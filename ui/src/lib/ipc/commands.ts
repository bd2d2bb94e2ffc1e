// The only module (with its siblings in lib/ipc) that talks to the Rust core.
// One typed async function per Tauri command; every rejection becomes a
// CommandError (see errors.ts).
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import type {
  AccountDto,
  AuditCheckDto,
  AuditEntryDto,
  AuditFilterDto,
  ChangePasswordRequest,
  ClientRowDto,
  CreatedUnitDto,
  CreateUnitRequest,
  NewAccountRequest,
  NewClientRequest,
  OneTimePasswordDto,
  PasswordCheckDto,
  RecoverRequest,
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
  createUnit(request: CreateUnitRequest): Promise<CreatedUnitDto>;
  openDemoUnit(): Promise<UnitDto>;
  unlock(request: UnlockRequest): Promise<SessionDto>;
  lock(): Promise<null>;
  listClients(): Promise<ClientRowDto[]>;
  addClient(request: NewClientRequest): Promise<ClientRowDto>;
  changePassword(request: ChangePasswordRequest): Promise<SessionDto>;
  recoverWithKey(request: RecoverRequest): Promise<SessionDto>;
  /** A new recovery key; the old one stops working. */
  issueRecoveryKey(): Promise<string>;
  listAccounts(): Promise<AccountDto[]>;
  addAccount(request: NewAccountRequest): Promise<OneTimePasswordDto>;
  disableAccount(accountId: string): Promise<AccountDto>;
  enableAccount(accountId: string): Promise<OneTimePasswordDto>;
  /** Clears the lock on a username after too many failed sign-ins. */
  releaseSignIn(username: string): Promise<null>;
  auditTrail(filter: AuditFilterDto): Promise<AuditEntryDto[]>;
  verifyAuditTrail(): Promise<AuditCheckDto>;
  /** Saves the filtered trail as CSV; resolves to the saved file's path. */
  exportAuditCsv(filter: AuditFilterDto): Promise<string>;
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
    createUnit: (request) => call<CreatedUnitDto>('create_unit', { request }),
    openDemoUnit: () => call<UnitDto>('open_demo_unit'),
    unlock: (request) => call<SessionDto>('unlock', { request }),
    lock: () => call<null>('lock'),
    listClients: () => call<ClientRowDto[]>('list_clients'),
    addClient: (request) => call<ClientRowDto>('add_client', { request }),
    changePassword: (request) => call<SessionDto>('change_password', { request }),
    recoverWithKey: (request) => call<SessionDto>('recover_with_key', { request }),
    issueRecoveryKey: () => call<string>('issue_recovery_key'),
    listAccounts: () => call<AccountDto[]>('list_accounts'),
    addAccount: (request) => call<OneTimePasswordDto>('add_account', { request }),
    disableAccount: (accountId) => call<AccountDto>('disable_account', { accountId }),
    enableAccount: (accountId) => call<OneTimePasswordDto>('enable_account', { accountId }),
    releaseSignIn: (username) => call<null>('release_sign_in', { username }),
    auditTrail: (filter) => call<AuditEntryDto[]>('audit_trail', { filter }),
    verifyAuditTrail: () => call<AuditCheckDto>('verify_audit_trail'),
    exportAuditCsv: (filter) => call<string>('export_audit_csv', { filter }),
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
export const changePassword = commands.changePassword;
export const recoverWithKey = commands.recoverWithKey;
export const issueRecoveryKey = commands.issueRecoveryKey;
export const listAccounts = commands.listAccounts;
export const addAccount = commands.addAccount;
export const disableAccount = commands.disableAccount;
export const enableAccount = commands.enableAccount;
export const releaseSignIn = commands.releaseSignIn;
export const auditTrail = commands.auditTrail;
export const verifyAuditTrail = commands.verifyAuditTrail;
export const exportAuditCsv = commands.exportAuditCsv;

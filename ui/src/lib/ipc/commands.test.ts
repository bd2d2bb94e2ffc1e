import { describe, expect, it, vi } from 'vitest';
import { CommandError, makeCommands, toCommandError, UNEXPECTED_MESSAGE } from './commands';

describe('toCommandError', () => {
  it('keeps a well-formed IPC error', () => {
    const error = toCommandError({ code: 'wrong_credentials', message: 'That username or password is not right.' });
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('wrong_credentials');
    expect(error.message).toBe('That username or password is not right.');
  });

  it.each([
    ['a string', 'panicked at src/lib.rs:12'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a JS Error', new TypeError('window.__TAURI_INTERNALS__ is undefined')],
    ['an unknown code', { code: 'exploded', message: 'boom' }],
    ['a missing message', { code: 'locked' }],
    ['a non-string message', { code: 'locked', message: 7 }],
    ['an empty message', { code: 'locked', message: '  ' }],
  ])('turns %s into the generic internal error', (_label, reason) => {
    const error = toCommandError(reason);
    expect(error.code).toBe('internal');
    expect(error.message).toBe(UNEXPECTED_MESSAGE);
  });

  it('passes an existing CommandError through', () => {
    const original = new CommandError('locked', 'Casebook is locked.');
    expect(toCommandError(original)).toBe(original);
  });
});

describe('makeCommands', () => {
  it('calls invoke with the command name and camelCase arguments', async () => {
    const invoke = vi.fn().mockResolvedValue({ id: 'c1', givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-01-02' });
    const commands = makeCommands(invoke);
    const request = { givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-01-02' };
    await expect(commands.addClient(request)).resolves.toMatchObject({ id: 'c1' });
    expect(invoke).toHaveBeenCalledWith('add_client', { request });
  });

  it('maps every command to its Tauri name', async () => {
    const invoke = vi.fn().mockResolvedValue(null);
    const c = makeCommands(invoke);
    await c.startupState();
    await c.checkNewPassword('pw');
    await c.createUnit({ unitName: 'U', username: 'u', fullName: 'F', password: 'p' });
    await c.openDemoUnit();
    await c.unlock({ unit: 'real', username: 'u', password: 'p' });
    await c.lock();
    await c.listClients();
    expect(invoke.mock.calls).toEqual([
      ['startup_state', undefined],
      ['check_new_password', { password: 'pw', username: null }],
      ['create_unit', { request: { unitName: 'U', username: 'u', fullName: 'F', password: 'p' } }],
      ['open_demo_unit', undefined],
      ['unlock', { request: { unit: 'real', username: 'u', password: 'p' } }],
      ['lock', undefined],
      ['list_clients', undefined],
    ]);
  });

  it('throws a CommandError when invoke rejects', async () => {
    const commands = makeCommands(() => Promise.reject({ code: 'locked', message: 'Casebook is locked.' }));
    await expect(commands.listClients()).rejects.toMatchObject({ name: 'CommandError', code: 'locked', message: 'Casebook is locked.' });
  });

  it('throws the generic internal error for an unexpected rejection', async () => {
    const commands = makeCommands(() => Promise.reject('something odd'));
    const error = await commands.lock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'internal', message: UNEXPECTED_MESSAGE });
  });
});

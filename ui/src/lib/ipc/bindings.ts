// Generated from src-tauri/src/ipc.rs by ts-rs. Do not edit by hand:
// run `make bindings` after changing the Rust types.

export type UnitKind = "real" | "demo";

export type UnitDto = { kind: UnitKind, name: string, };

export type SessionDto = { unit: UnitDto, username: string, fullName: string, };

export type DemoCredentialsDto = { username: string, password: string, };

export type StartupDto = { realUnit: UnitDto | null, demoUnit: UnitDto | null, session: SessionDto | null, passwordRules: Array<string>, demoCredentials: DemoCredentialsDto, };

export type PasswordCheckDto = { acceptable: boolean, problems: Array<string>, };

export type CreateUnitRequest = { unitName: string, username: string, fullName: string, password: string, };

export type UnlockRequest = { unit: UnitKind, username: string, password: string, };

export type NewClientRequest = { givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`, as a date field sends it.
 */
dateOfBirth: string, };

export type ClientRowDto = { id: string, givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, };

export type ErrorCode = "invalid_input" | "password_rejected" | "wrong_credentials" | "unit_exists" | "no_unit" | "locked" | "key_file_missing" | "key_file_damaged" | "database_unreadable" | "storage_read_only" | "storage_full" | "storage_unavailable" | "internal";

export type IpcError = { code: ErrorCode, message: string, };

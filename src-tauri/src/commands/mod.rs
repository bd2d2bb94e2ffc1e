//! The commands the UI invokes. Each deserialises its request, calls the
//! core, and converts the answer; logic in a command is a bug.
//!
//! Each command is written twice over, thinly: a plain function taking
//! `&AppState`, which the scenario tests call without a webview, and the
//! `#[tauri::command]` wrapper that only unwraps Tauri's state. The wrappers
//! run off the main thread (`async`), so a one-second key derivation never
//! freezes the window.

mod administration;
mod audit;
mod casework;
mod client_records;
mod clients;
mod pathways;
mod session;
mod sync;
pub mod tauri_commands;

pub use administration::*;
pub use audit::*;
pub use casework::*;
pub use client_records::*;
pub use clients::*;
pub use pathways::*;
pub use session::*;
pub use sync::*;

use crate::ipc::IpcError;

type Answer<T> = Result<T, IpcError>;

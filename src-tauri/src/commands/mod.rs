//! The commands the UI invokes. Each deserialises its request, calls the
//! core, and converts the answer; logic in a command is a bug.
//!
//! Each command is a plain function taking `&AppState`, which the scenario
//! tests call without a webview, and a row of the command table
//! (`table.rs`), from which its Tauri wrapper, the handler list and the list
//! of names are made.

mod administration;
mod audit;
mod casework;
mod client_records;
mod clients;
mod pathways;
mod session;
mod sync;
mod table;
mod wrappers_by_hand;

pub use administration::*;
pub use audit::*;
pub use casework::*;
pub use client_records::*;
pub use clients::*;
pub use pathways::*;
pub use session::*;
pub use sync::*;
pub use table::{COMMANDS, CommandSignature, camel_case, invoke_handler, tauri_commands};

use crate::ipc::IpcError;

type Answer<T> = Result<T, IpcError>;

//! What the end-to-end tests share: starting tauri-driver and a private
//! system bus, launching the app, finding, typing, clicking, waiting and
//! taking screenshots, and units prepared through the core. Each part is a
//! module of its own; all of it is re-exported here, so a stage needs only
//! `use crate::webview_support::*;`.

mod page;
mod prepared_units;
mod processes;
mod screens;
mod screenshots;

use std::time::Duration;

pub use page::*;
pub use prepared_units::*;
pub use processes::*;
pub use screens::*;
pub use screenshots::*;

pub const DRIVER_PORT: u16 = 4444;
pub const PASSWORD: &str = "otter lamp river cloud";
pub const WAIT: Duration = Duration::from_secs(20);
pub const IDLE_LOCK_SECONDS: u64 = 45;

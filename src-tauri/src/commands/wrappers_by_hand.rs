//! The five commands whose Tauri wrapper is not the table's one shape
//! (`state` and the request in, the plain function called): two need no
//! signed-in unit or state at all, and three need the window itself (a
//! sync that reports its progress to the page, the system's folder picker,
//! and WebKit's print dialog). They are still rows of the command table,
//! under `by_hand`, so the handler list and the list of names include them.

use tauri::State;

use crate::app_state::AppState;
use crate::ipc::{PasswordCheckDto, ProfileChoicesDto, SyncReportDto};

use super::Answer;

#[tauri::command(async)]
pub fn check_new_password(password: String, username: Option<String>) -> Answer<PasswordCheckDto> {
    super::check_new_password(&password, username.as_deref())
}

#[tauri::command]
pub fn profile_choices() -> ProfileChoicesDto {
    super::profile_choices()
}

#[tauri::command(async)]
pub fn sync_now(state: State<'_, AppState>, window: tauri::WebviewWindow) -> Answer<SyncReportDto> {
    use tauri::Emitter;
    super::sync_now_reporting(&state, &mut |progress| {
        // A lost progress event only leaves the header saying "Syncing…".
        let _ = window.emit(crate::SYNC_PROGRESS_EVENT, progress);
    })
}

#[tauri::command]
pub async fn choose_folder(window: tauri::WebviewWindow, title: String) -> Option<String> {
    super::choose_folder(Some(&window), &title).await
}

/// Opens the system's print dialog for the page as it is (the support plan's
/// print preview), through WebKit's own print operation: the dialog can also
/// save the page as PDF.
#[tauri::command]
pub fn print_page(webview: tauri::Webview) -> Answer<()> {
    webview
        .print()
        .map_err(|e| casebook_core::CoreError::internal(&e).into())
}

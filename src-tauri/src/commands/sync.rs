//! Joining a unit from a shared folder, syncing, the unit's computers and resolve items.

use casebook_core::clock::OsEntropy;

use crate::app_state::{AppState, lock_open_unit, with_unlocked};
use casebook_core::domain::ids::ClientId;

use crate::ipc::{
    ComputerDto, ConnectShareRequest, JoinUnitRequest, RefusedChangeDto, ResolveItemDto,
    ResolveRequest, SessionDto, SyncProgressDto, SyncReportDto, SyncStatusDto,
    WithdrawComputerRequest,
};

use super::Answer;

/// Joins the unit in a shared folder as this computer's unit, and signs in.
pub fn join_unit(state: &AppState, request: &JoinUnitRequest) -> Answer<SessionDto> {
    lock_open_unit(state);
    let unit = casebook_core::sync::joining::join_from_share(
        std::path::Path::new(request.folder.trim()),
        &state.data_folder,
        &request.username,
        &request.password,
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("joined a unit from a shared folder");
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}

pub fn sync_status(state: &AppState) -> Answer<SyncStatusDto> {
    let status = with_unlocked(state, |unit| unit.sync_status())?;
    Ok(SyncStatusDto::from_status(&status))
}

pub fn connect_shared_folder(
    state: &AppState,
    request: &ConnectShareRequest,
) -> Answer<SyncReportDto> {
    let report = with_unlocked(state, |unit| {
        unit.connect_share(
            std::path::Path::new(request.folder.trim()),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(SyncReportDto::from_report(&report))
}

pub fn sync_now(state: &AppState) -> Answer<SyncReportDto> {
    sync_now_reporting(state, &mut |_| {})
}

/// One sync, telling `progress` how far receiving has got.
pub fn sync_now_reporting(
    state: &AppState,
    progress: &mut dyn FnMut(SyncProgressDto),
) -> Answer<SyncReportDto> {
    let report = with_unlocked(state, |unit| {
        unit.sync_now_with_progress(
            state.clock.as_ref(),
            &mut OsEntropy,
            &mut |p| progress(SyncProgressDto::from_progress(p)),
            &|| state.someone_waits_for_unit(),
        )
    })?;
    Ok(SyncReportDto::from_report(&report))
}

/// The system's folder picker; `None` when the person cancels or the system
/// has no picker to offer (they can still type the path).
pub async fn choose_folder(parent: Option<&tauri::WebviewWindow>, title: &str) -> Option<String> {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
    if let Some(parent) = parent {
        dialog = dialog.set_parent(parent);
    }
    let picked = dialog.pick_folder().await?;
    Some(picked.path().to_string_lossy().into_owned())
}

pub fn computers(state: &AppState) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| unit.computers())?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn refused_changes(state: &AppState) -> Answer<Vec<RefusedChangeDto>> {
    let lines = with_unlocked(state, |unit| {
        unit.refused_changes(state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(lines.into_iter().map(RefusedChangeDto::from_line).collect())
}

pub fn approve_computer(state: &AppState, device: &str) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| {
        unit.approve_computer(device, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn withdraw_computer(
    state: &AppState,
    request: &WithdrawComputerRequest,
) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| {
        unit.withdraw_computer(
            &request.device,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn resolve_items(state: &AppState) -> Answer<Vec<ResolveItemDto>> {
    let items = with_unlocked(state, |unit| unit.resolve_items())?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

pub fn resolve_items_of_client(state: &AppState, client_id: &str) -> Answer<Vec<ResolveItemDto>> {
    let id = ClientId::parse(client_id)?;
    let items = with_unlocked(state, |unit| {
        unit.resolve_items_of_client(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

/// Records the side chosen; answers the unit's remaining resolve items.
pub fn resolve(state: &AppState, request: &ResolveRequest) -> Answer<Vec<ResolveItemDto>> {
    let items = with_unlocked(state, |unit| {
        unit.resolve(
            request.subject.to_subject(),
            &request.subject_id,
            &request.chosen,
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        unit.resolve_items()
    })?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

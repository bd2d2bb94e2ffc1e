//! The audit trail: browsing, checking and exporting it.

use casebook_core::clock::OsEntropy;

use crate::app_state::{AppState, with_unlocked};
use casebook_core::domain::audit::AuditFilter;

use crate::ipc::{AuditCheckDto, AuditFilterDto, AuditPageDto, IpcError};

use super::Answer;

fn audit_filter(filter: &AuditFilterDto) -> Result<AuditFilter, IpcError> {
    Ok(AuditFilter::parse(
        filter.account_id.as_deref(),
        filter.client_id.as_deref(),
        filter.action.as_deref(),
        filter.from.as_deref(),
        filter.to.as_deref(),
    )?)
}

/// One page (counting from 0) of the entries the filter selects.
pub fn audit_trail(state: &AppState, filter: &AuditFilterDto, page: &u32) -> Answer<AuditPageDto> {
    let filter = audit_filter(filter)?;
    let page = usize::try_from(*page).unwrap_or(usize::MAX);
    let answer = with_unlocked(state, |unit| {
        unit.audit_trail_page(&filter, page, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AuditPageDto::from_page(&answer))
}

pub fn verify_audit_trail(state: &AppState) -> Answer<AuditCheckDto> {
    let verdict = with_unlocked(state, |unit| {
        unit.verify_audit_trail(state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AuditCheckDto::from_verdict(&verdict))
}

pub fn export_audit_csv(state: &AppState, filter: &AuditFilterDto) -> Answer<String> {
    let filter = audit_filter(filter)?;
    let path = with_unlocked(state, |unit| {
        unit.export_audit_trail(
            &filter,
            &state.export_folder,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(path.display().to_string())
}

pub fn export_audit_csv_to_share(state: &AppState, filter: &AuditFilterDto) -> Answer<String> {
    let filter = audit_filter(filter)?;
    let path = with_unlocked(state, |unit| {
        unit.export_audit_trail_to_share(&filter, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(path.display().to_string())
}

//! What the command-layer tests share: a fresh app over a temporary data
//! folder, the unit creator's request and password, and request builders.

#![allow(dead_code)]

use casebook::app_state::{AppState, KdfPolicy};
use casebook::ipc::{
    AuditFilterDto, CreateUnitRequest, NewClientRequest, UnitKindDto, UnitSettingsDto,
    UnlockRequest,
};
use casebook_core::vault::slot::KdfCost;

pub const PASSWORD: &str = "otter lamp river cloud";

pub fn fresh_state() -> (tempfile::TempDir, AppState) {
    let data = tempfile::tempdir().unwrap();
    let state = AppState::new(
        data.path().join("Casebook"),
        KdfPolicy::Fixed(KdfCost::cheap_for_tests()),
    );
    (data, state)
}

pub fn create_request() -> CreateUnitRequest {
    CreateUnitRequest {
        unit_name: "Hampshire IOM – Basingstoke".to_owned(),
        username: "admin".to_owned(),
        full_name: "Alex Admin".to_owned(),
        password: PASSWORD.to_owned(),
    }
}

pub fn unlock_request(password: &str) -> UnlockRequest {
    sign_in("admin", password)
}

pub fn sign_in(username: &str, password: &str) -> UnlockRequest {
    UnlockRequest {
        unit: UnitKindDto::Real,
        username: username.to_owned(),
        password: password.to_owned(),
    }
}

pub fn client(given: &str, family: &str, born: &str) -> NewClientRequest {
    NewClientRequest {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        date_of_birth: born.to_owned(),
        crn: String::new(),
        pnc_id: String::new(),
        nhs_number: String::new(),
        gender: String::new(),
        wants_same_sex_keyworker: false,
        confirmed_new_person: false,
    }
}

pub fn hide_other_clients() -> UnitSettingsDto {
    UnitSettingsDto {
        idle_lock_minutes: 5,
        keyworkers_see_other_clients: false,
        partners_keep_summary_after_withdrawal: false,
        custody_screening_hours: 24,
        new_computers_need_approval: false,
        keep_sync_files_days: 30,
        absence_warning_at: 1,
        absence_breach_referral_at: 2,
        initial_assessment_within_days: 14,
        review_assessment_every_days: 84,
    }
}

pub fn no_filter() -> AuditFilterDto {
    AuditFilterDto {
        account_id: None,
        client_id: None,
        action: None,
        from: None,
        to: None,
    }
}

/// Everyone this account may see, on one page of the caseload with no
/// filter: the tests' units are small.
pub fn everyone_query() -> casebook::ipc::CaseloadQueryDto {
    use casebook::ipc::{
        CaseloadSortDto, ClockFilterDto, EpisodeFilterDto, RagFilterDto, WhoseDto,
    };
    casebook::ipc::CaseloadQueryDto {
        whose: WhoseDto::All,
        keyworker_id: None,
        episodes: EpisodeFilterDto::Any,
        rag: RagFilterDto::Any,
        cohort: None,
        clock: ClockFilterDto::Any,
        area: None,
        sort: CaseloadSortDto::Name,
        descending: false,
        page: 0,
    }
}

/// The whole caseload's rows, in name order, through the caseload's pages.
pub fn whole_caseload(
    state: &AppState,
) -> Result<Vec<casebook::ipc::ClientRowDto>, casebook::ipc::IpcError> {
    let mut rows = Vec::new();
    let mut query = everyone_query();
    loop {
        let page = casebook::commands::caseload_page(state, &query)?;
        rows.extend(page.rows);
        if page.page + 1 >= page.page_count {
            return Ok(rows);
        }
        query.page += 1;
    }
}

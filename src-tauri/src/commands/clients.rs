//! The caseload and client records: adding, finding, viewing, changing, merging, deleting and allocating.

use casebook_core::clock::OsEntropy;

use crate::app_state::{AppState, with_unlocked};
use casebook_core::domain::ids::{AccountId, ClientId};

use crate::ipc::{
    AllocationRequest, BreakGlassRequest, CaseloadPageDto, CaseloadQueryDto, ClientDetailsRequest,
    ClientMatchDto, ClientProfileDto, ClientProfileRequest, ClientRowDto, ClientViewDto,
    DuplicateMatchDto, FindClientRequest, MergeRequest, NewClientRequest, ProfileChoicesDto,
    StaffMemberDto,
};

use super::Answer;

/// One page of the caseload as the filters and order ask.
pub fn caseload_page(state: &AppState, query: &CaseloadQueryDto) -> Answer<CaseloadPageDto> {
    let query = query.to_query()?;
    let page = with_unlocked(state, |unit| {
        unit.view_caseload_page(&query, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CaseloadPageDto::from_page(&page, state.clock.local_now()))
}

pub fn add_client(state: &AppState, request: &NewClientRequest) -> Answer<ClientRowDto> {
    let entry = with_unlocked(state, |unit| {
        let client = unit.add_client(&request.as_text(), state.clock.as_ref(), &mut OsEntropy)?;
        unit.caseload_entry(client)
    })?;
    Ok(ClientRowDto::from_entry(&entry, state.clock.local_now()))
}

pub fn find_probable_duplicates(
    state: &AppState,
    request: &NewClientRequest,
) -> Answer<Vec<DuplicateMatchDto>> {
    let found = with_unlocked(state, |unit| {
        unit.find_probable_duplicates(&request.as_text(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(found.iter().map(DuplicateMatchDto::from_match).collect())
}

pub fn duplicates_of_client(state: &AppState, client_id: &str) -> Answer<Vec<DuplicateMatchDto>> {
    let id = ClientId::parse(client_id)?;
    let found = with_unlocked(state, |unit| unit.duplicates_of_client(id))?;
    Ok(found.iter().map(DuplicateMatchDto::from_match).collect())
}

pub fn merge_clients(state: &AppState, request: &MergeRequest) -> Answer<ClientViewDto> {
    let kept = ClientId::parse(&request.kept_id)?;
    let merged = ClientId::parse(&request.merged_id)?;
    let record = with_unlocked(state, |unit| {
        unit.merge_clients(
            kept,
            merged,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

pub fn delete_client(state: &AppState, client_id: &str, reason: &str) -> Answer<()> {
    let id = ClientId::parse(client_id)?;
    with_unlocked(state, |unit| {
        unit.delete_client(id, reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(())
}

pub fn search_clients(state: &AppState, query: &str) -> Answer<Vec<ClientRowDto>> {
    let found = with_unlocked(state, |unit| unit.search_clients(query))?;
    Ok(found
        .iter()
        .map(|c| ClientRowDto::from_entry(c, state.clock.local_now()))
        .collect())
}

pub fn view_client(state: &AppState, client_id: &str) -> Answer<ClientViewDto> {
    let id = ClientId::parse(client_id)?;
    let view = with_unlocked(state, |unit| {
        unit.view_client(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_view(&view, state.clock.local_now()))
}

pub fn open_client_with_reason(
    state: &AppState,
    request: &BreakGlassRequest,
) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let record = with_unlocked(state, |unit| {
        unit.open_client_with_reason(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

pub fn find_clients_outside_caseload(
    state: &AppState,
    request: &FindClientRequest,
) -> Answer<Vec<ClientMatchDto>> {
    let found = with_unlocked(state, |unit| {
        unit.find_clients_outside_caseload(
            &request.family_name,
            &request.date_of_birth,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(found.iter().map(ClientMatchDto::from_match).collect())
}

pub fn update_client_details(
    state: &AppState,
    request: &ClientDetailsRequest,
) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let view = with_unlocked(state, |unit| {
        unit.update_client_details(
            id,
            &request.details.as_text(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        unit.view_client(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_view(&view, state.clock.local_now()))
}

pub fn update_client_profile(
    state: &AppState,
    request: &ClientProfileRequest,
) -> Answer<ClientProfileDto> {
    let id = ClientId::parse(&request.client_id)?;
    let other_names = request.profile.other_names.join("\n");
    let saved = with_unlocked(state, |unit| {
        unit.update_client_profile(
            id,
            &request.profile.as_text(&other_names),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientProfileDto::from_profile(&saved))
}

/// The closed lists need no unit: they are the same for everyone.
pub fn profile_choices() -> ProfileChoicesDto {
    ProfileChoicesDto::from_core()
}

pub fn allocatable_staff(state: &AppState) -> Answer<Vec<StaffMemberDto>> {
    let staff = with_unlocked(state, |unit| unit.allocatable_staff())?;
    Ok(staff.iter().map(StaffMemberDto::from_staff).collect())
}

pub fn allocate_client(state: &AppState, request: &AllocationRequest) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let account = |text: &Option<String>| text.as_deref().map(AccountId::parse).transpose();
    let keyworker = account(&request.keyworker_id)?;
    let co_worker = account(&request.co_worker_id)?;
    let record = with_unlocked(state, |unit| {
        unit.allocate_client(
            id,
            keyworker,
            co_worker,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

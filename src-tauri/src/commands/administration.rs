//! Unit settings, accounts and recovery keys.

use casebook_core::clock::OsEntropy;

use crate::app_state::{AppState, with_unlocked};
use casebook_core::domain::account::{CaseRole, NewAccount};
use casebook_core::domain::ids::AccountId;
use casebook_core::domain::unit_settings::UnitSettings;

use crate::ipc::{
    AccountDto, NewAccountRequest, OneTimePasswordDto, RoleChangeRequest, SessionDto,
    UnitSettingsDto,
};

use casebook_core::domain::assessments::AssessmentSchedule;
use casebook_core::domain::compliance::AbsenceThresholds;

use super::Answer;

pub fn unit_settings(state: &AppState) -> Answer<UnitSettingsDto> {
    let settings = with_unlocked(state, |unit| Ok(unit.settings()))?;
    Ok(UnitSettingsDto::from_settings(settings))
}

pub fn change_unit_settings(state: &AppState, request: &UnitSettingsDto) -> Answer<SessionDto> {
    let settings = UnitSettings::parse(
        request.idle_lock_minutes,
        request.keyworkers_see_other_clients,
        request.partners_keep_summary_after_withdrawal,
        request.custody_screening_hours,
    )?
    .with_computer_approval(request.new_computers_need_approval)
    .keeping_sync_files(request.keep_sync_files_days)?
    .with_absence_thresholds(AbsenceThresholds::parse(
        request.absence_warning_at,
        request.absence_breach_referral_at,
    )?)
    .with_assessment_schedule(AssessmentSchedule::parse(
        request.initial_assessment_within_days,
        request.review_assessment_every_days,
    )?);
    let session = with_unlocked(state, |unit| {
        unit.change_unit_settings(settings, state.clock.as_ref(), &mut OsEntropy)?;
        Ok(SessionDto::from_unit(unit, state.idle_lock_override))
    })?;
    Ok(session)
}

pub fn issue_recovery_key(state: &AppState) -> Answer<String> {
    let key = with_unlocked(state, |unit| {
        unit.issue_recovery_key(state.kdf_cost(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(key.grouped())
}

pub fn list_accounts(state: &AppState) -> Answer<Vec<AccountDto>> {
    let accounts = with_unlocked(state, |unit| unit.list_accounts())?;
    Ok(accounts.iter().map(AccountDto::from_account).collect())
}

pub fn add_account(state: &AppState, request: &NewAccountRequest) -> Answer<OneTimePasswordDto> {
    let new_account = NewAccount::parse(
        &request.username,
        &request.full_name,
        &request.agency,
        request.case_role.map(Into::into),
        request.administrator,
        request.gender.as_deref(),
    )?;
    let (account, one_time) = with_unlocked(state, |unit| {
        unit.add_account(
            &new_account,
            state.kdf_cost(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(OneTimePasswordDto {
        account: AccountDto::from_account(&account),
        one_time_password: one_time.to_string(),
    })
}

pub fn disable_account(state: &AppState, account_id: &str) -> Answer<AccountDto> {
    let id = AccountId::parse(account_id)?;
    let account = with_unlocked(state, |unit| {
        unit.disable_account(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AccountDto::from_account(&account))
}

pub fn change_account_role(state: &AppState, request: &RoleChangeRequest) -> Answer<AccountDto> {
    let id = AccountId::parse(&request.account_id)?;
    let case_role = request.case_role.map(CaseRole::from);
    let account = with_unlocked(state, |unit| {
        unit.change_account_role(
            id,
            case_role,
            request.administrator,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AccountDto::from_account(&account))
}

pub fn enable_account(state: &AppState, account_id: &str) -> Answer<OneTimePasswordDto> {
    let id = AccountId::parse(account_id)?;
    let (account, one_time) = with_unlocked(state, |unit| {
        unit.enable_account(id, state.kdf_cost(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(OneTimePasswordDto {
        account: AccountDto::from_account(&account),
        one_time_password: one_time.to_string(),
    })
}

pub fn release_sign_in(state: &AppState, username: &str) -> Answer<()> {
    with_unlocked(state, |unit| {
        unit.release_sign_in(username, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(())
}

//! Unit settings and staff accounts.

use super::*;
use casebook_core::domain::account::Account;
use casebook_core::domain::unit_settings::UnitSettings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitSettingsDto {
    /// 1 to 15.
    pub idle_lock_minutes: u32,
    pub keyworkers_see_other_clients: bool,
    pub partners_keep_summary_after_withdrawal: bool,
    pub custody_screening_hours: u32,
    pub new_computers_need_approval: bool,
    /// 7 to 365.
    pub keep_sync_files_days: u32,
    /// Unacceptable absences in 12 months at which a warning is due (1 to 10).
    pub absence_warning_at: u32,
    /// … and at which a referral for breach is due (above the warning).
    pub absence_breach_referral_at: u32,
    /// Days after pick-up within which the initial assessment is due (1 to 365).
    pub initial_assessment_within_days: u32,
    /// Days between review assessments (1 to 365).
    pub review_assessment_every_days: u32,
}

impl UnitSettingsDto {
    pub fn from_settings(settings: UnitSettings) -> UnitSettingsDto {
        UnitSettingsDto {
            idle_lock_minutes: settings.idle_lock_minutes,
            keyworkers_see_other_clients: settings.keyworkers_see_other_clients,
            partners_keep_summary_after_withdrawal: settings.partners_keep_summary_after_withdrawal,
            custody_screening_hours: settings.custody_screening_hours,
            new_computers_need_approval: settings.new_computers_need_approval,
            keep_sync_files_days: settings.keep_sync_files_days,
            absence_warning_at: settings.absence_thresholds.warning_at,
            absence_breach_referral_at: settings.absence_thresholds.breach_referral_at,
            initial_assessment_within_days: settings.assessment_schedule.initial_within_days,
            review_assessment_every_days: settings.assessment_schedule.review_every_days,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "AccountStatus")]
pub enum AccountStatusDto {
    Active,
    MustChangePassword,
    Disabled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountDto {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub agency: String,
    pub case_role: Option<CaseRoleDto>,
    pub administrator: bool,
    pub gender: Option<String>,
    pub status: AccountStatusDto,
}

impl AccountDto {
    pub fn from_account(account: &Account) -> AccountDto {
        let status = if account.disabled {
            AccountStatusDto::Disabled
        } else if account.must_change_password {
            AccountStatusDto::MustChangePassword
        } else {
            AccountStatusDto::Active
        };
        AccountDto {
            id: account.id.to_string(),
            username: account.username.as_str().to_owned(),
            full_name: account.full_name.as_str().to_owned(),
            agency: account.agency.clone(),
            case_role: account.case_role.map(CaseRoleDto::from),
            administrator: account.administrator,
            gender: account.gender.clone(),
            status,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAccountRequest {
    pub username: String,
    pub full_name: String,
    pub agency: String,
    pub case_role: Option<CaseRoleDto>,
    pub administrator: bool,
    pub gender: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleChangeRequest {
    pub account_id: String,
    /// `null` for an account that only administers.
    pub case_role: Option<CaseRoleDto>,
    pub administrator: bool,
}

/// An account and its one-time password, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OneTimePasswordDto {
    pub account: AccountDto,
    pub one_time_password: String,
}

//! Units, sessions and signing in.

use casebook_core::domain::account::CaseRole;
use casebook_core::unit::folder::{UnitDescription, UnitKind};
use casebook_core::unit::unlocked::UnlockedUnit;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which unit: the real one or the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "UnitKind")]
pub enum UnitKindDto {
    Real,
    Demo,
}

impl From<UnitKindDto> for UnitKind {
    fn from(kind: UnitKindDto) -> UnitKind {
        match kind {
            UnitKindDto::Real => UnitKind::Real,
            UnitKindDto::Demo => UnitKind::Demo,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitDto {
    pub kind: UnitKindDto,
    pub name: String,
}

impl UnitDto {
    pub fn from_description(description: &UnitDescription) -> UnitDto {
        let kind = if description.demo {
            UnitKindDto::Demo
        } else {
            UnitKindDto::Real
        };
        UnitDto {
            kind,
            name: description.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "CaseRole")]
pub enum CaseRoleDto {
    Keyworker,
    Manager,
    Partner,
}

impl From<CaseRole> for CaseRoleDto {
    fn from(role: CaseRole) -> CaseRoleDto {
        match role {
            CaseRole::Keyworker => CaseRoleDto::Keyworker,
            CaseRole::Manager => CaseRoleDto::Manager,
            CaseRole::Partner => CaseRoleDto::Partner,
        }
    }
}

impl From<CaseRoleDto> for CaseRole {
    fn from(role: CaseRoleDto) -> CaseRole {
        match role {
            CaseRoleDto::Keyworker => CaseRole::Keyworker,
            CaseRoleDto::Manager => CaseRole::Manager,
            CaseRoleDto::Partner => CaseRole::Partner,
        }
    }
}

/// Who is signed in, to which unit, and what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDto {
    pub unit: UnitDto,
    pub account_id: String,
    pub username: String,
    pub full_name: String,
    pub case_role: Option<CaseRoleDto>,
    pub administrator: bool,
    pub must_change_password: bool,
    /// Lock after this many seconds without keyboard or mouse input.
    pub idle_lock_seconds: u32,
}

impl SessionDto {
    /// `idle_lock_override` (seconds) replaces the unit's setting when the
    /// shell was started with one, for tests.
    pub fn from_unit(unit: &UnlockedUnit, idle_lock_override: Option<u32>) -> SessionDto {
        let account = unit.account();
        let idle_lock_seconds =
            idle_lock_override.unwrap_or(unit.settings().idle_lock_minutes * 60);
        SessionDto {
            unit: UnitDto::from_description(unit.description()),
            account_id: account.id.to_string(),
            username: account.username.as_str().to_owned(),
            full_name: account.full_name.as_str().to_owned(),
            case_role: account.case_role.map(CaseRoleDto::from),
            administrator: account.administrator,
            must_change_password: account.must_change_password,
            idle_lock_seconds,
        }
    }
}

/// A new unit's session and its recovery key, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatedUnitDto {
    pub session: SessionDto,
    pub recovery_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoCredentialsDto {
    pub username: String,
    pub password: String,
}

/// What the UI needs to choose its first screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupDto {
    pub real_unit: Option<UnitDto>,
    pub demo_unit: Option<UnitDto>,
    pub session: Option<SessionDto>,
    pub password_rules: Vec<String>,
    pub demo_credentials: DemoCredentialsDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCheckDto {
    pub acceptable: bool,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateUnitRequest {
    pub unit_name: String,
    pub username: String,
    pub full_name: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnlockRequest {
    pub unit: UnitKindDto,
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoverRequest {
    pub unit: UnitKindDto,
    pub recovery_key: String,
    pub username: String,
    pub new_password: String,
}

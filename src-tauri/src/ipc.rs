//! The wire types: everything that crosses between the web UI and the shell.
//!
//! Only this module defines types that cross IPC. Core types never do: each
//! is converted here, so the core can change shape without the UI noticing,
//! and the UI's TypeScript types (generated from these by ts-rs into
//! `ui/src/lib/ipc/bindings.ts`) describe exactly what is sent.

use casebook_core::client_records::{
    CaseloadEntry, ClientMatch, ClientRecord, ClientView, DuplicateMatch, StaffMember,
};
use casebook_core::cohort_records::Cohort;
use casebook_core::domain::access::ClientAccess;
use casebook_core::domain::account::{Account, CaseRole};
use casebook_core::domain::audit::ChainVerdict;
use casebook_core::domain::client::{ClientDetailsText, ClientIdentifiers, DateOfBirth};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::duplicates::DuplicateReason;
use casebook_core::domain::rag::Rag;
use casebook_core::domain::safety_flags::SafetyFlagKind;
use casebook_core::domain::unit_settings::UnitSettings;
use casebook_core::safety_flag_records::DueReview;
use casebook_core::store::audit::AuditView;
use casebook_core::store::consent_decisions::ConsentRecord;
use casebook_core::store::rag_reviews::RagReview;
use casebook_core::store::safety_flags::SafetyFlag;
use casebook_core::unit_folder::{UnitDescription, UnitKind};
use casebook_core::unlocked_unit::UnlockedUnit;
use casebook_core::{CoreError, ErrorCode};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewClientRequest {
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`, as a date field sends it.
    pub date_of_birth: String,
    /// nDelius CRN; blank when not known.
    pub crn: String,
    /// PNC ID; blank when not known.
    pub pnc_id: String,
    /// NHS number; blank when not known.
    pub nhs_number: String,
    /// Blank, or one of: woman, man, non-binary, prefer not to say.
    pub gender: String,
    pub wants_same_sex_keyworker: bool,
    /// The person has seen the probable duplicates and says this is
    /// someone else.
    pub confirmed_new_person: bool,
}

impl NewClientRequest {
    pub fn as_text(&self) -> ClientDetailsText<'_> {
        ClientDetailsText {
            given_name: &self.given_name,
            family_name: &self.family_name,
            date_of_birth: &self.date_of_birth,
            crn: &self.crn,
            pnc_id: &self.pnc_id,
            nhs_number: &self.nhs_number,
            gender: &self.gender,
            wants_same_sex_keyworker: self.wants_same_sex_keyworker,
            confirmed_new_person: self.confirmed_new_person,
        }
    }
}

/// A client's identifiers as stored; absent when not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientIdentifiersDto {
    pub crn: Option<String>,
    pub pnc_id: Option<String>,
    /// Ten digits, no spaces.
    pub nhs_number: Option<String>,
}

impl ClientIdentifiersDto {
    fn from_identifiers(ids: &ClientIdentifiers) -> ClientIdentifiersDto {
        ClientIdentifiersDto {
            crn: ids.crn.as_ref().map(|c| c.as_str().to_owned()),
            pnc_id: ids.pnc_id.as_ref().map(|p| p.as_str().to_owned()),
            nhs_number: ids.nhs_number.as_ref().map(|n| n.as_str().to_owned()),
        }
    }
}

/// What the signed-in account may do with one client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ClientAccess")]
pub enum ClientAccessDto {
    /// Read and change: the allocated keyworker, or a manager.
    Full,
    /// Read only: another keyworker's client.
    ReadOnly,
    /// The partner summary.
    Summary,
}

impl ClientAccessDto {
    /// `None` for access that never reaches the UI as a visible client
    /// (hidden, or no client data at all).
    fn from_access(access: ClientAccess) -> Option<ClientAccessDto> {
        match access {
            ClientAccess::Full => Some(ClientAccessDto::Full),
            ClientAccess::ReadOnly => Some(ClientAccessDto::ReadOnly),
            ClientAccess::Summary => Some(ClientAccessDto::Summary),
            ClientAccess::NeedsReason | ClientAccess::Withheld | ClientAccess::None => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffMemberDto {
    pub id: String,
    pub full_name: String,
}

impl StaffMemberDto {
    pub fn from_staff(staff: &StaffMember) -> StaffMemberDto {
        StaffMemberDto {
            id: staff.id.to_string(),
            full_name: staff.full_name.as_str().to_owned(),
        }
    }
}

fn iso_date(date: DateOfBirth) -> String {
    date.date().format("%Y-%m-%d").to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "Rag")]
pub enum RagDto {
    Red,
    Amber,
    Green,
}

impl From<Rag> for RagDto {
    fn from(rag: Rag) -> RagDto {
        match rag {
            Rag::Red => RagDto::Red,
            Rag::Amber => RagDto::Amber,
            Rag::Green => RagDto::Green,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RagReviewDto {
    pub rating: RagDto,
    pub reason: Option<String>,
    /// `YYYY-MM-DD`.
    pub next_review: Option<String>,
    pub reviewed_by: Option<String>,
    /// RFC 3339.
    pub reviewed_at: String,
}

impl RagReviewDto {
    pub fn from_review(review: &RagReview) -> RagReviewDto {
        RagReviewDto {
            rating: review.rating.into(),
            reason: review.reason.clone(),
            next_review: review.next_review.map(|d| d.format("%Y-%m-%d").to_string()),
            reviewed_by: review.reviewed_by.clone(),
            reviewed_at: review.reviewed_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RagReviewRequest {
    pub client_id: String,
    /// `red`, `amber` or `green`.
    pub rating: String,
    pub reason: String,
    /// `YYYY-MM-DD`, or blank.
    pub next_review: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "SafetyFlagKind")]
pub enum SafetyFlagKindDto {
    Mappa,
    RiskToStaff,
    LoneVisitNotAdvised,
    SafeguardingChildren,
    SafeguardingAdult,
}

impl From<SafetyFlagKind> for SafetyFlagKindDto {
    fn from(kind: SafetyFlagKind) -> SafetyFlagKindDto {
        match kind {
            SafetyFlagKind::Mappa => SafetyFlagKindDto::Mappa,
            SafetyFlagKind::RiskToStaff => SafetyFlagKindDto::RiskToStaff,
            SafetyFlagKind::LoneVisitNotAdvised => SafetyFlagKindDto::LoneVisitNotAdvised,
            SafetyFlagKind::SafeguardingChildren => SafetyFlagKindDto::SafeguardingChildren,
            SafetyFlagKind::SafeguardingAdult => SafetyFlagKindDto::SafeguardingAdult,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SafetyFlagDto {
    pub id: String,
    pub kind: SafetyFlagKindDto,
    pub mappa_category: Option<u8>,
    pub mappa_level: Option<u8>,
    pub note: String,
    /// `YYYY-MM-DD`.
    pub review_by: String,
    pub raised_by: Option<String>,
    pub raised_at: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub ended_by: Option<String>,
    pub ended_at: Option<String>,
    pub end_reason: Option<String>,
    pub active: bool,
}

impl SafetyFlagDto {
    pub fn from_flag(flag: &SafetyFlag) -> SafetyFlagDto {
        SafetyFlagDto {
            id: flag.id.to_string(),
            kind: flag.kind.into(),
            mappa_category: flag.mappa.map(|m| m.category),
            mappa_level: flag.mappa.map(|m| m.level),
            note: flag.note.clone(),
            review_by: flag.review_by.format("%Y-%m-%d").to_string(),
            raised_by: flag.raised_by.clone(),
            raised_at: flag.raised_at.clone(),
            reviewed_by: flag.reviewed_by.clone(),
            reviewed_at: flag.reviewed_at.clone(),
            ended_by: flag.ended_by.clone(),
            ended_at: flag.ended_at.clone(),
            end_reason: flag.end_reason.clone(),
            active: flag.is_active(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RaiseSafetyFlagRequest {
    pub client_id: String,
    /// A `SafetyFlagKind` name.
    pub kind: String,
    /// "1" to "3" for MAPPA; blank otherwise.
    pub mappa_category: String,
    pub mappa_level: String,
    pub note: String,
    /// `YYYY-MM-DD`.
    pub review_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSafetyFlagRequest {
    pub flag_id: String,
    pub note: String,
    /// `YYYY-MM-DD`.
    pub review_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndSafetyFlagRequest {
    pub flag_id: String,
    pub reason: String,
}

/// A flag review that is due within a week, or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueReviewDto {
    pub flag: SafetyFlagDto,
    pub client_id: String,
    /// "Given Family".
    pub client_name: String,
    pub overdue: bool,
}

impl DueReviewDto {
    pub fn from_due(due: &DueReview) -> DueReviewDto {
        DueReviewDto {
            client_id: due.flag.client.to_string(),
            client_name: format!("{} {}", due.given_name.as_str(), due.family_name.as_str()),
            flag: SafetyFlagDto::from_flag(&due.flag),
            overdue: due.overdue,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "CohortFlag")]
pub enum CohortFlagDto {
    Ppo,
    StatutoryIom,
    Sac,
    Vap,
    WomanShortLicence,
    Eto,
    NeighbourhoodCrime,
    DomesticAbuse,
    Drr,
    Atr,
    LicenceDtcDac,
    CommunityOrder,
    Voluntary,
}

impl From<CohortFlag> for CohortFlagDto {
    fn from(flag: CohortFlag) -> CohortFlagDto {
        match flag {
            CohortFlag::Ppo => CohortFlagDto::Ppo,
            CohortFlag::StatutoryIom => CohortFlagDto::StatutoryIom,
            CohortFlag::Sac => CohortFlagDto::Sac,
            CohortFlag::Vap => CohortFlagDto::Vap,
            CohortFlag::WomanShortLicence => CohortFlagDto::WomanShortLicence,
            CohortFlag::Eto => CohortFlagDto::Eto,
            CohortFlag::NeighbourhoodCrime => CohortFlagDto::NeighbourhoodCrime,
            CohortFlag::DomesticAbuse => CohortFlagDto::DomesticAbuse,
            CohortFlag::Drr => CohortFlagDto::Drr,
            CohortFlag::Atr => CohortFlagDto::Atr,
            CohortFlag::LicenceDtcDac => CohortFlagDto::LicenceDtcDac,
            CohortFlag::CommunityOrder => CohortFlagDto::CommunityOrder,
            CohortFlag::Voluntary => CohortFlagDto::Voluntary,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CohortFlagEntryDto {
    pub id: String,
    pub flag: CohortFlagDto,
    pub set_by: Option<String>,
    pub set_at: String,
    pub removed_by: Option<String>,
    pub removed_at: Option<String>,
    pub removal_reason: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CohortDto {
    /// Active first.
    pub flags: Vec<CohortFlagEntryDto>,
    pub ogrs_score: Option<u8>,
    /// `YYYY-MM-DD`.
    pub ogrs_scored_on: Option<String>,
    /// Flags the facts suggest that are not set; a person confirms each.
    pub proposed: Vec<CohortFlagDto>,
}

impl CohortDto {
    pub fn from_cohort(cohort: &Cohort) -> CohortDto {
        CohortDto {
            flags: cohort
                .flags
                .iter()
                .map(|f| CohortFlagEntryDto {
                    id: f.id.to_string(),
                    flag: f.flag.into(),
                    set_by: f.set_by.clone(),
                    set_at: f.set_at.clone(),
                    removed_by: f.removed_by.clone(),
                    removed_at: f.removed_at.clone(),
                    removal_reason: f.removal_reason.clone(),
                    active: f.is_active(),
                })
                .collect(),
            ogrs_score: cohort.ogrs.map(|o| o.score),
            ogrs_scored_on: cohort
                .ogrs
                .map(|o| o.scored_on.format("%Y-%m-%d").to_string()),
            proposed: cohort.proposed.iter().map(|f| (*f).into()).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetCohortFlagRequest {
    pub client_id: String,
    /// A `CohortFlag` name.
    pub flag: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoveCohortFlagRequest {
    pub flag_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OgrsRequest {
    pub client_id: String,
    /// 0 to 99, as typed.
    pub score: String,
    /// `YYYY-MM-DD`.
    pub scored_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DuplicateReason")]
pub enum DuplicateReasonDto {
    SameCrn,
    SamePncId,
    SameNhsNumber,
    SameBirthAndSimilarName,
}

/// Someone already in the unit who is probably the person being added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateMatchDto {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub keyworker: Option<StaffMemberDto>,
    pub reason: DuplicateReasonDto,
}

impl DuplicateMatchDto {
    pub fn from_match(found: &DuplicateMatch) -> DuplicateMatchDto {
        DuplicateMatchDto {
            id: found.client.id.to_string(),
            given_name: found.client.given_name.as_str().to_owned(),
            family_name: found.client.family_name.as_str().to_owned(),
            date_of_birth: iso_date(found.client.date_of_birth),
            keyworker: found.keyworker.as_ref().map(StaffMemberDto::from_staff),
            reason: match found.reason {
                DuplicateReason::SameCrn => DuplicateReasonDto::SameCrn,
                DuplicateReason::SamePncId => DuplicateReasonDto::SamePncId,
                DuplicateReason::SameNhsNumber => DuplicateReasonDto::SameNhsNumber,
                DuplicateReason::SameBirthAndSimilarName => {
                    DuplicateReasonDto::SameBirthAndSimilarName
                }
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRecordDto {
    pub agency: String,
    /// `given` or `withdrawn`.
    pub decision: String,
    pub how: Option<String>,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

impl ConsentRecordDto {
    pub fn from_record(record: &ConsentRecord) -> ConsentRecordDto {
        ConsentRecordDto {
            agency: record.agency.clone(),
            decision: record.decision.as_str().to_owned(),
            how: record.how.clone(),
            decided_on: record.decided_on.format("%Y-%m-%d").to_string(),
            recorded_by: record.recorded_by.clone(),
            recorded_at: record.recorded_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRequest {
    pub client_id: String,
    /// Police, Probation, Council or Other.
    pub agency: String,
    /// `given` or `withdrawn`.
    pub decision: String,
    /// How consent was given (in writing, verbally, electronically); blank
    /// for a withdrawal.
    pub how: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
}

/// One line of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientRowDto {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub identifiers: ClientIdentifiersDto,
    pub keyworker: Option<StaffMemberDto>,
    pub rag: Option<RagDto>,
    /// Kinds of the client's active safety flags.
    pub active_flags: Vec<SafetyFlagKindDto>,
    pub cohort_flags: Vec<CohortFlagDto>,
    pub access: ClientAccessDto,
}

impl ClientRowDto {
    pub fn from_entry(entry: &CaseloadEntry) -> ClientRowDto {
        ClientRowDto {
            id: entry.client.id.to_string(),
            given_name: entry.client.given_name.as_str().to_owned(),
            family_name: entry.client.family_name.as_str().to_owned(),
            date_of_birth: iso_date(entry.client.date_of_birth),
            identifiers: ClientIdentifiersDto::from_identifiers(&entry.client.identifiers),
            keyworker: entry.keyworker.as_ref().map(StaffMemberDto::from_staff),
            rag: entry.rag.map(RagDto::from),
            active_flags: entry.active_flags.iter().map(|k| (*k).into()).collect(),
            cohort_flags: entry.cohort_flags.iter().map(|f| (*f).into()).collect(),
            // The core lists only clients the account may see, so the
            // fallback never shows; read-only is the safe reading if it did.
            access: ClientAccessDto::from_access(entry.access).unwrap_or(ClientAccessDto::ReadOnly),
        }
    }
}

/// One client's record, or a partner's summary of it (`access` says which).
/// The summary carries identity and keyworker only; later work adds the
/// other summary fields, and keeps notes out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientViewDto {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub identifiers: ClientIdentifiersDto,
    pub keyworker: Option<StaffMemberDto>,
    /// The current rating.
    pub rag: Option<RagDto>,
    /// Every review, newest first; empty in a partner's summary.
    pub rag_history: Vec<RagReviewDto>,
    /// Every safety flag, active first; empty in a partner's summary.
    pub safety_flags: Vec<SafetyFlagDto>,
    /// Active cohort flags (the partner summary has these too).
    pub cohort_flags: Vec<CohortFlagDto>,
    /// The whole cohort record; absent in a partner's summary.
    pub cohort: Option<CohortDto>,
    /// Every consent decision, newest first; empty in a partner's summary.
    pub consent: Vec<ConsentRecordDto>,
    pub access: ClientAccessDto,
    /// The reason given when the record was opened through break-glass.
    pub break_glass_reason: Option<String>,
    pub gender: Option<String>,
    pub wants_same_sex_keyworker: bool,
    /// Absent in a partner's summary.
    pub co_worker: Option<StaffMemberDto>,
    /// The client asked for a keyworker of the same sex and the allocated
    /// one may not be.
    pub same_sex_warning: bool,
}

impl ClientViewDto {
    pub fn from_record(record: &ClientRecord) -> ClientViewDto {
        ClientViewDto {
            id: record.client.id.to_string(),
            given_name: record.client.given_name.as_str().to_owned(),
            family_name: record.client.family_name.as_str().to_owned(),
            date_of_birth: iso_date(record.client.date_of_birth),
            identifiers: ClientIdentifiersDto::from_identifiers(&record.client.identifiers),
            keyworker: record.keyworker.as_ref().map(StaffMemberDto::from_staff),
            rag: record.rag_history.first().map(|r| r.rating.into()),
            rag_history: record
                .rag_history
                .iter()
                .map(RagReviewDto::from_review)
                .collect(),
            safety_flags: record
                .safety_flags
                .iter()
                .map(SafetyFlagDto::from_flag)
                .collect(),
            cohort_flags: record
                .cohort
                .active()
                .into_iter()
                .map(CohortFlagDto::from)
                .collect(),
            cohort: Some(CohortDto::from_cohort(&record.cohort)),
            consent: record
                .consent
                .iter()
                .map(ConsentRecordDto::from_record)
                .collect(),
            access: ClientAccessDto::from_access(record.access)
                .unwrap_or(ClientAccessDto::ReadOnly),
            break_glass_reason: record.break_glass_reason.clone(),
            gender: record.client.gender.clone(),
            wants_same_sex_keyworker: record.client.wants_same_sex_keyworker,
            co_worker: record.co_worker.as_ref().map(StaffMemberDto::from_staff),
            same_sex_warning: record.same_sex_warning,
        }
    }

    pub fn from_view(view: &ClientView) -> ClientViewDto {
        match view {
            ClientView::Record(record) => ClientViewDto::from_record(record),
            ClientView::Summary(summary) => ClientViewDto {
                id: summary.id.to_string(),
                given_name: summary.given_name.as_str().to_owned(),
                family_name: summary.family_name.as_str().to_owned(),
                date_of_birth: iso_date(summary.date_of_birth),
                identifiers: ClientIdentifiersDto::from_identifiers(&summary.identifiers),
                keyworker: summary.keyworker.as_ref().map(StaffMemberDto::from_staff),
                rag: summary.rag.map(RagDto::from),
                rag_history: Vec::new(),
                safety_flags: Vec::new(),
                cohort_flags: summary.cohort_flags.iter().map(|f| (*f).into()).collect(),
                cohort: None,
                consent: Vec::new(),
                access: ClientAccessDto::Summary,
                break_glass_reason: None,
                gender: None,
                wants_same_sex_keyworker: false,
                co_worker: None,
                same_sex_warning: false,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientDetailsRequest {
    pub client_id: String,
    pub details: NewClientRequest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AllocationRequest {
    pub client_id: String,
    /// `null` takes the allocation away.
    pub keyworker_id: Option<String>,
    pub co_worker_id: Option<String>,
    /// Needed when the client moves from one keyworker to another.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BreakGlassRequest {
    pub client_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindClientRequest {
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientMatchDto {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
}

impl ClientMatchDto {
    pub fn from_match(found: &ClientMatch) -> ClientMatchDto {
        ClientMatchDto {
            id: found.id.to_string(),
            given_name: found.given_name.as_str().to_owned(),
            family_name: found.family_name.as_str().to_owned(),
            date_of_birth: iso_date(found.date_of_birth),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitSettingsDto {
    /// 1 to 15.
    pub idle_lock_minutes: u32,
    pub keyworkers_see_other_clients: bool,
    pub partners_keep_summary_after_withdrawal: bool,
}

impl UnitSettingsDto {
    pub fn from_settings(settings: UnitSettings) -> UnitSettingsDto {
        UnitSettingsDto {
            idle_lock_minutes: settings.idle_lock_minutes,
            keyworkers_see_other_clients: settings.keyworkers_see_other_clients,
            partners_keep_summary_after_withdrawal: settings.partners_keep_summary_after_withdrawal,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditFilterDto {
    pub account_id: Option<String>,
    pub client_id: Option<String>,
    pub action: Option<String>,
    /// `YYYY-MM-DD`, first day included.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, last day included.
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryDto {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub client_id: Option<String>,
    /// "Family, Given"; absent for readers who see no client data.
    pub client_name: Option<String>,
    pub detail: String,
}

impl AuditEntryDto {
    pub fn from_view(view: &AuditView) -> AuditEntryDto {
        AuditEntryDto {
            seq: view.entry.seq,
            at: view.entry.at.clone(),
            who: view
                .who
                .clone()
                .unwrap_or_else(|| "(before sign-in)".to_owned()),
            action: view.entry.action.clone(),
            client_id: view.entry.client_id.clone(),
            client_name: view.client_name.clone(),
            detail: view.entry.detail.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheckDto {
    pub intact: bool,
    #[ts(type = "number")]
    pub entries: i64,
    #[ts(type = "number | null")]
    pub broken_at_seq: Option<i64>,
    pub reason: Option<String>,
}

impl AuditCheckDto {
    pub fn from_verdict(verdict: &ChainVerdict) -> AuditCheckDto {
        match verdict {
            ChainVerdict::Intact { entries } => AuditCheckDto {
                intact: true,
                entries: i64::try_from(*entries).unwrap_or(i64::MAX),
                broken_at_seq: None,
                reason: None,
            },
            ChainVerdict::Broken { seq, reason } => AuditCheckDto {
                intact: false,
                entries: 0,
                broken_at_seq: Some(*seq),
                reason: Some(reason.clone()),
            },
        }
    }
}

/// The stable code of an error, as the UI sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ErrorCode")]
pub enum ErrorCodeDto {
    InvalidInput,
    PasswordRejected,
    WrongCredentials,
    UnitExists,
    NoUnit,
    Locked,
    KeyFileMissing,
    KeyFileDamaged,
    DatabaseUnreadable,
    StorageReadOnly,
    StorageFull,
    StorageUnavailable,
    Forbidden,
    ProbableDuplicate,
    ReasonRequired,
    SignInDelayed,
    AccountLockedOut,
    PasswordChangeRequired,
    Internal,
}

impl From<ErrorCode> for ErrorCodeDto {
    fn from(code: ErrorCode) -> ErrorCodeDto {
        match code {
            ErrorCode::InvalidInput => ErrorCodeDto::InvalidInput,
            ErrorCode::PasswordRejected => ErrorCodeDto::PasswordRejected,
            ErrorCode::WrongCredentials => ErrorCodeDto::WrongCredentials,
            ErrorCode::UnitExists => ErrorCodeDto::UnitExists,
            ErrorCode::NoUnit => ErrorCodeDto::NoUnit,
            ErrorCode::Locked => ErrorCodeDto::Locked,
            ErrorCode::KeyFileMissing => ErrorCodeDto::KeyFileMissing,
            ErrorCode::KeyFileDamaged => ErrorCodeDto::KeyFileDamaged,
            ErrorCode::DatabaseUnreadable => ErrorCodeDto::DatabaseUnreadable,
            ErrorCode::StorageReadOnly => ErrorCodeDto::StorageReadOnly,
            ErrorCode::StorageFull => ErrorCodeDto::StorageFull,
            ErrorCode::StorageUnavailable => ErrorCodeDto::StorageUnavailable,
            ErrorCode::Forbidden => ErrorCodeDto::Forbidden,
            ErrorCode::ProbableDuplicate => ErrorCodeDto::ProbableDuplicate,
            ErrorCode::ReasonRequired => ErrorCodeDto::ReasonRequired,
            ErrorCode::SignInDelayed => ErrorCodeDto::SignInDelayed,
            ErrorCode::AccountLockedOut => ErrorCodeDto::AccountLockedOut,
            ErrorCode::PasswordChangeRequired => ErrorCodeDto::PasswordChangeRequired,
            ErrorCode::Internal => ErrorCodeDto::Internal,
        }
    }
}

/// Every failure crosses IPC as this: a code for the program, a message in
/// plain words for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCodeDto,
    pub message: String,
}

impl From<CoreError> for IpcError {
    fn from(error: CoreError) -> IpcError {
        IpcError {
            code: error.code.into(),
            message: error.message,
        }
    }
}

/// The TypeScript of every wire type, in one file, in a fixed order.
pub fn typescript_bindings() -> String {
    let config = ts_rs::Config::default();
    let declarations = [
        UnitKindDto::decl(&config),
        UnitDto::decl(&config),
        CaseRoleDto::decl(&config),
        SessionDto::decl(&config),
        CreatedUnitDto::decl(&config),
        DemoCredentialsDto::decl(&config),
        StartupDto::decl(&config),
        PasswordCheckDto::decl(&config),
        CreateUnitRequest::decl(&config),
        UnlockRequest::decl(&config),
        ChangePasswordRequest::decl(&config),
        RecoverRequest::decl(&config),
        NewClientRequest::decl(&config),
        ClientIdentifiersDto::decl(&config),
        DuplicateReasonDto::decl(&config),
        DuplicateMatchDto::decl(&config),
        ClientAccessDto::decl(&config),
        StaffMemberDto::decl(&config),
        RagDto::decl(&config),
        RagReviewDto::decl(&config),
        RagReviewRequest::decl(&config),
        CohortFlagDto::decl(&config),
        CohortFlagEntryDto::decl(&config),
        CohortDto::decl(&config),
        SetCohortFlagRequest::decl(&config),
        RemoveCohortFlagRequest::decl(&config),
        OgrsRequest::decl(&config),
        SafetyFlagKindDto::decl(&config),
        SafetyFlagDto::decl(&config),
        RaiseSafetyFlagRequest::decl(&config),
        ReviewSafetyFlagRequest::decl(&config),
        EndSafetyFlagRequest::decl(&config),
        DueReviewDto::decl(&config),
        ClientRowDto::decl(&config),
        ClientViewDto::decl(&config),
        ClientDetailsRequest::decl(&config),
        AllocationRequest::decl(&config),
        BreakGlassRequest::decl(&config),
        FindClientRequest::decl(&config),
        ClientMatchDto::decl(&config),
        UnitSettingsDto::decl(&config),
        ConsentRecordDto::decl(&config),
        ConsentRequest::decl(&config),
        AccountStatusDto::decl(&config),
        AccountDto::decl(&config),
        NewAccountRequest::decl(&config),
        RoleChangeRequest::decl(&config),
        OneTimePasswordDto::decl(&config),
        AuditFilterDto::decl(&config),
        AuditEntryDto::decl(&config),
        AuditCheckDto::decl(&config),
        ErrorCodeDto::decl(&config),
        IpcError::decl(&config),
    ];
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by ts-rs. Do not edit by hand:\n// run `make bindings` after changing the Rust types.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

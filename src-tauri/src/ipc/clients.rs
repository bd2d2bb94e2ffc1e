//! Clients: what is entered, the caseload line, and the record or summary.

use super::*;
use casebook_core::clients::caseload::CaseloadEntry;
use casebook_core::clients::client_records::{ClientMatch, ClientRecord, ClientView, StaffMember};
use casebook_core::domain::access::ClientAccess;
use casebook_core::domain::client::{ClientDetailsText, ClientIdentifiers, DateOfBirth};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

pub(super) fn iso_date(date: DateOfBirth) -> String {
    date.date().format("%Y-%m-%d").to_string()
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
    /// `YYYY-MM-DD`: when the current RAG rating is due for review.
    pub rag_review_due: Option<String>,
    /// A local authority area code (see `ProfileChoicesDto`).
    pub local_authority: Option<String>,
    /// Kinds of the client's active safety flags.
    pub active_flags: Vec<SafetyFlagKindDto>,
    pub cohort_flags: Vec<CohortFlagDto>,
    /// The open episode's referral route and clock, if there is one.
    pub open_referral: Option<ReferralRouteDto>,
    pub referral_clock: Option<ReferralClockDto>,
    /// The seven pathways assessment the open episode waits for.
    pub assessment_due: Option<AssessmentDueDto>,
    pub access: ClientAccessDto,
}

impl ClientRowDto {
    /// `now` is local time, for the referral clock.
    pub fn from_entry(entry: &CaseloadEntry, now: NaiveDateTime) -> ClientRowDto {
        ClientRowDto {
            id: entry.client.id.to_string(),
            given_name: entry.client.given_name.as_str().to_owned(),
            family_name: entry.client.family_name.as_str().to_owned(),
            date_of_birth: iso_date(entry.client.date_of_birth),
            identifiers: ClientIdentifiersDto::from_identifiers(&entry.client.identifiers),
            keyworker: entry.keyworker.as_ref().map(StaffMemberDto::from_staff),
            rag: entry.rag.map(RagDto::from),
            rag_review_due: entry
                .rag_review_due
                .map(|d| d.format("%Y-%m-%d").to_string()),
            local_authority: entry.local_authority.clone(),
            active_flags: entry.active_flags.iter().map(|k| (*k).into()).collect(),
            cohort_flags: entry.cohort_flags.iter().map(|f| (*f).into()).collect(),
            open_referral: entry.open_episode.as_ref().map(|e| e.route.into()),
            referral_clock: entry
                .open_episode
                .as_ref()
                .and_then(|e| ReferralClockDto::from_episode(e, now)),
            assessment_due: entry
                .assessment_due
                .as_ref()
                .map(AssessmentDueDto::from_due),
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
    /// Every episode, newest first; empty in a partner's summary.
    pub episodes: Vec<EpisodeDto>,
    /// Absent in a partner's summary.
    pub profile: Option<ClientProfileDto>,
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
    /// Appointments, sessions, tasks, compliance and the timeline; absent
    /// in a partner's summary.
    pub casework: Option<CaseworkDto>,
    /// The next appointment still to happen: the partner's summary has
    /// this (and `summary_compliance`) instead of the casework.
    pub next_appointment: Option<NextAppointmentDto>,
    /// Each order's absences and standing, in a partner's summary.
    pub summary_compliance: Vec<OrderStandingDto>,
}

impl ClientViewDto {
    /// `now` is local time, for the referral clocks.
    pub fn from_record(record: &ClientRecord, now: NaiveDateTime) -> ClientViewDto {
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
            episodes: record
                .episodes
                .iter()
                .map(|e| EpisodeDto::from_episode(e, now))
                .collect(),
            profile: Some(ClientProfileDto::from_profile(&record.profile)),
            access: ClientAccessDto::from_access(record.access)
                .unwrap_or(ClientAccessDto::ReadOnly),
            break_glass_reason: record.break_glass_reason.clone(),
            gender: record.client.gender.clone(),
            wants_same_sex_keyworker: record.client.wants_same_sex_keyworker,
            co_worker: record.co_worker.as_ref().map(StaffMemberDto::from_staff),
            same_sex_warning: record.same_sex_warning,
            casework: Some(CaseworkDto {
                appointments: record
                    .appointments
                    .iter()
                    .map(AppointmentDto::from_appointment)
                    .collect(),
                sessions: record
                    .sessions
                    .iter()
                    .map(SessionRecordDto::from_record)
                    .collect(),
                tasks: record.tasks.iter().map(TaskDto::from_task).collect(),
                compliance: record
                    .compliance
                    .iter()
                    .map(OrderStandingDto::from_standing)
                    .collect(),
                probation_notices: record
                    .probation_notices
                    .iter()
                    .map(ProbationNoticeDto::from_notice)
                    .collect(),
                timeline: record
                    .timeline
                    .iter()
                    .map(TimelineEntryDto::from_entry)
                    .collect(),
                pathways: super::PathwaysDto::from_pathways(&record.pathways),
            }),
            next_appointment: None,
            summary_compliance: Vec::new(),
        }
    }

    pub fn from_view(view: &ClientView, now: NaiveDateTime) -> ClientViewDto {
        match view {
            ClientView::Record(record) => ClientViewDto::from_record(record, now),
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
                episodes: Vec::new(),
                profile: None,
                access: ClientAccessDto::Summary,
                break_glass_reason: None,
                gender: None,
                wants_same_sex_keyworker: false,
                co_worker: None,
                same_sex_warning: false,
                casework: None,
                next_appointment: summary
                    .next_appointment
                    .as_ref()
                    .map(NextAppointmentDto::from_next),
                summary_compliance: summary
                    .compliance
                    .iter()
                    .map(OrderStandingDto::from_standing)
                    .collect(),
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

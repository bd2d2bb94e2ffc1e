//! The parts of a client's record: RAG reviews, safety flags, cohort
//! flags, probable duplicates and consent.

use super::clients::iso_date;
use super::*;
use casebook_core::clients::client_records::DuplicateMatch;
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::duplicates::DuplicateReason;
use casebook_core::domain::rag::Rag;
use casebook_core::domain::safety_flags::SafetyFlagKind;
use casebook_core::risk::cohort_flags::Cohort;
use casebook_core::risk::safety_flags::DueReview;
use casebook_core::store::consent_decisions::ConsentRecord;
use casebook_core::store::rag_reviews::RagReview;
use casebook_core::store::safety_flags::SafetyFlag;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

impl From<CohortFlagDto> for CohortFlag {
    fn from(flag: CohortFlagDto) -> CohortFlag {
        match flag {
            CohortFlagDto::Ppo => CohortFlag::Ppo,
            CohortFlagDto::StatutoryIom => CohortFlag::StatutoryIom,
            CohortFlagDto::Sac => CohortFlag::Sac,
            CohortFlagDto::Vap => CohortFlag::Vap,
            CohortFlagDto::WomanShortLicence => CohortFlag::WomanShortLicence,
            CohortFlagDto::Eto => CohortFlag::Eto,
            CohortFlagDto::NeighbourhoodCrime => CohortFlag::NeighbourhoodCrime,
            CohortFlagDto::DomesticAbuse => CohortFlag::DomesticAbuse,
            CohortFlagDto::Drr => CohortFlag::Drr,
            CohortFlagDto::Atr => CohortFlag::Atr,
            CohortFlagDto::LicenceDtcDac => CohortFlag::LicenceDtcDac,
            CohortFlagDto::CommunityOrder => CohortFlag::CommunityOrder,
            CohortFlagDto::Voluntary => CohortFlag::Voluntary,
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

/// A manager merges `merged_id` into `kept_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeRequest {
    pub kept_id: String,
    pub merged_id: String,
    pub reason: String,
}

//! Seven pathways assessments, support plans, cohort outcomes and saving
//! a chart to a file: the wire types.

use casebook_core::domain::assessments::{
    AssessmentDue, AssessmentForm, GoalForm, PathwayEntryForm,
};
use casebook_core::domain::session_records::{ActionForm, Pathway};
use casebook_core::pathways::assessments::ClientPathways;
use casebook_core::reports::cohort_outcomes::CohortOutcomes;
use casebook_core::store::assessments::{Assessment, AssessmentDraft};
use casebook_core::store::plan_goals::{PlanReview, StoredGoal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ActionFormDto, AddendumDto};

/// One pathway of an assessment form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PathwayEntryFormDto {
    pub pathway: String,
    pub score: String,
    pub client_score: String,
    pub evidence: String,
}

/// The assessment form as typed: every field text, so a draft holds
/// anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentFormDto {
    /// `initial`, `review` or `termination`.
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub assessed_on: String,
    pub pathways: Vec<PathwayEntryFormDto>,
    pub termination_while_open: bool,
}

impl AssessmentFormDto {
    pub fn from_form(f: &AssessmentForm) -> AssessmentFormDto {
        AssessmentFormDto {
            kind: f.kind.clone(),
            assessed_on: f.assessed_on.clone(),
            pathways: f
                .pathways
                .iter()
                .map(|p| PathwayEntryFormDto {
                    pathway: p.pathway.clone(),
                    score: p.score.clone(),
                    client_score: p.client_score.clone(),
                    evidence: p.evidence.clone(),
                })
                .collect(),
            termination_while_open: f.termination_while_open,
        }
    }

    pub fn to_form(&self) -> AssessmentForm {
        AssessmentForm {
            kind: self.kind.clone(),
            assessed_on: self.assessed_on.clone(),
            pathways: self
                .pathways
                .iter()
                .map(|p| PathwayEntryForm {
                    pathway: p.pathway.clone(),
                    score: p.score.clone(),
                    client_score: p.client_score.clone(),
                    evidence: p.evidence.clone(),
                })
                .collect(),
            termination_while_open: self.termination_while_open,
        }
    }
}

/// One pathway of a signed assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PathwayScoreDto {
    pub pathway: String,
    pub score: u8,
    /// The client's own score, where they see it differently.
    pub client_score: Option<u8>,
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDto {
    pub id: String,
    /// `initial`, `review` or `termination`.
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub assessed_on: String,
    /// The seven pathways, in the usual order.
    pub pathways: Vec<PathwayScoreDto>,
    pub assessor_name: Option<String>,
    /// RFC 3339.
    pub signed_at: String,
    pub addenda: Vec<AddendumDto>,
}

impl AssessmentDto {
    pub fn from_assessment(a: &Assessment) -> AssessmentDto {
        AssessmentDto {
            id: a.id.to_string(),
            kind: a.kind.as_str().to_owned(),
            assessed_on: a.assessed_on.format("%Y-%m-%d").to_string(),
            pathways: Pathway::ALL
                .iter()
                .map(|p| PathwayScoreDto {
                    pathway: p.as_str().to_owned(),
                    score: a.scores.score(*p).unwrap_or_default(),
                    client_score: a.client_views.get(p.as_str()).copied(),
                    evidence: a.evidence.get(p.as_str()).cloned(),
                })
                .collect(),
            assessor_name: a.assessor_name.clone(),
            signed_at: a.signed_at.clone(),
            addenda: a
                .addenda
                .iter()
                .map(|d| AddendumDto {
                    text: d.text.clone(),
                    written_by: d.written_by.clone(),
                    written_at: d.written_at.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDraftDto {
    pub id: String,
    pub form: AssessmentFormDto,
    /// RFC 3339.
    pub saved_at: String,
}

impl AssessmentDraftDto {
    pub fn from_draft(d: &AssessmentDraft) -> AssessmentDraftDto {
        AssessmentDraftDto {
            id: d.id.to_string(),
            form: AssessmentFormDto::from_form(&d.form),
            saved_at: d.saved_at.clone(),
        }
    }
}

/// A support plan goal as typed; its actions become tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalFormDto {
    pub pathway: String,
    pub client_words: String,
    pub keyworker_words: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: String,
    /// `YYYY-MM-DD`.
    pub target_on: String,
    /// `not_started`, `in_progress`, `achieved` or `no_longer_relevant`.
    pub status: String,
    pub actions: Vec<ActionFormDto>,
}

impl GoalFormDto {
    pub fn to_form(&self) -> GoalForm {
        GoalForm {
            pathway: self.pathway.clone(),
            client_words: self.client_words.clone(),
            keyworker_words: self.keyworker_words.clone(),
            who: self.who.clone(),
            partner_agency: self.partner_agency.clone(),
            target_on: self.target_on.clone(),
            status: self.status.clone(),
            actions: self
                .actions
                .iter()
                .map(|a| ActionForm {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    partner_agency: a.partner_agency.clone(),
                    due_on: a.due_on.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalDto {
    pub id: String,
    pub pathway: String,
    pub client_words: String,
    pub keyworker_words: Option<String>,
    pub who: String,
    pub partner_agency: Option<String>,
    /// `YYYY-MM-DD`.
    pub target_on: String,
    pub status: String,
    pub updated_by: Option<String>,
    /// RFC 3339.
    pub updated_at: String,
}

impl GoalDto {
    pub fn from_goal(g: &StoredGoal) -> GoalDto {
        GoalDto {
            id: g.id.to_string(),
            pathway: g.pathway.clone(),
            client_words: g.client_words.clone(),
            keyworker_words: g.keyworker_words.clone(),
            who: g.who.clone(),
            partner_agency: g.partner_agency.clone(),
            target_on: g.target_on.format("%Y-%m-%d").to_string(),
            status: g.status.clone(),
            updated_by: g.updated_by.clone(),
            updated_at: g.updated_at.clone(),
        }
    }
}

/// A goal as it stood at a review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GoalAtReviewDto {
    pub pathway: String,
    pub client_words: String,
    pub keyworker_words: Option<String>,
    pub who: String,
    pub partner_agency: Option<String>,
    pub target_on: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanReviewDto {
    pub assessment_id: String,
    pub goals: Vec<GoalAtReviewDto>,
    pub reviewed_by: Option<String>,
    /// RFC 3339.
    pub reviewed_at: String,
}

impl PlanReviewDto {
    pub fn from_review(r: &PlanReview) -> PlanReviewDto {
        PlanReviewDto {
            assessment_id: r.assessment.to_string(),
            // The goals were written by this version's code, so they read
            // back; a damaged entry shows as an empty plan, not a failure.
            goals: serde_json::from_value(r.goals.clone()).unwrap_or_default(),
            reviewed_by: r.reviewed_by.clone(),
            reviewed_at: r.reviewed_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDueDto {
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub overdue: bool,
}

impl AssessmentDueDto {
    pub fn from_due(d: &AssessmentDue) -> AssessmentDueDto {
        AssessmentDueDto {
            kind: d.kind.as_str().to_owned(),
            due_on: d.due_on.format("%Y-%m-%d").to_string(),
            overdue: d.overdue,
        }
    }
}

/// A client's assessments (oldest first), this account's drafts, the
/// support plan, its history and the assessment due next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PathwaysDto {
    pub assessments: Vec<AssessmentDto>,
    pub drafts: Vec<AssessmentDraftDto>,
    pub goals: Vec<GoalDto>,
    pub plan_reviews: Vec<PlanReviewDto>,
    pub due: Option<AssessmentDueDto>,
}

impl PathwaysDto {
    pub fn from_pathways(p: &ClientPathways) -> PathwaysDto {
        PathwaysDto {
            assessments: p
                .assessments
                .iter()
                .map(AssessmentDto::from_assessment)
                .collect(),
            drafts: p
                .drafts
                .iter()
                .map(AssessmentDraftDto::from_draft)
                .collect(),
            goals: p.goals.iter().map(GoalDto::from_goal).collect(),
            plan_reviews: p
                .plan_reviews
                .iter()
                .map(PlanReviewDto::from_review)
                .collect(),
            due: p.due.as_ref().map(AssessmentDueDto::from_due),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveAssessmentRequest {
    pub client_id: String,
    /// The draft this came from, if any: saved over, or removed on signing.
    pub draft_id: Option<String>,
    pub form: AssessmentFormDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentAddendumRequest {
    pub assessment_id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveGoalRequest {
    pub client_id: String,
    /// The goal to change; none adds a goal.
    pub goal_id: Option<String>,
    pub goal: GoalFormDto,
}

/// Which episodes a cohort holds; an empty field lets every episode through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CohortRequest {
    pub route: String,
    pub cohort_flag: String,
    pub order: String,
    pub gender: String,
    pub area: String,
    pub keyworker_id: String,
    /// `YYYY-MM-DD`: episodes that ended on or after this day.
    pub closed_from: String,
    /// `YYYY-MM-DD`: episodes that ended on or before this day.
    pub closed_to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CohortOutcomesDto {
    pub counted: u32,
    pub left_out: u32,
    /// Average initial need per pathway, in the usual order; absent when no
    /// client matches.
    pub initial: Option<Vec<f64>>,
    pub termination: Option<Vec<f64>>,
    /// (Σ termination − Σ initial) / Σ initial, as a fraction.
    pub overall_improvement: Option<f64>,
}

impl CohortOutcomesDto {
    pub fn from_outcomes(o: &CohortOutcomes) -> CohortOutcomesDto {
        CohortOutcomesDto {
            counted: u32::try_from(o.counted).unwrap_or(u32::MAX),
            left_out: u32::try_from(o.left_out).unwrap_or(u32::MAX),
            initial: o.initial.map(|a| a.to_vec()),
            termination: o.termination.map(|a| a.to_vec()),
            overall_improvement: o.overall_improvement,
        }
    }
}

/// A chart (or other export) to save where the person chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveExportRequest {
    /// The file name offered in the save dialog, like `radar.png`.
    pub suggested_name: String,
    pub bytes: Vec<u8>,
}

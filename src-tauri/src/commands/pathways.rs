//! Seven pathways assessments, support plan goals, cohort outcomes and
//! saving a chart as a picture.

use casebook_core::clock::OsEntropy;
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::ids::{
    AccountId, AssessmentDraftId, AssessmentId, ClientId, PlanGoalId,
};
use casebook_core::domain::referrals::ReferralRoute;
use casebook_core::reports::cohort_outcomes::CohortFilter;
use casebook_core::{CoreError, CoreResult};
use chrono::NaiveDate;

use crate::app_state::{AppState, with_unlocked};
use crate::ipc::{
    AssessmentAddendumRequest, AssessmentDraftDto, AssessmentDto, CohortOutcomesDto, CohortRequest,
    GoalDto, SaveAssessmentRequest, SaveExportRequest, SaveGoalRequest,
};

use super::Answer;

fn draft_id(text: Option<&str>) -> CoreResult<Option<AssessmentDraftId>> {
    text.filter(|t| !t.trim().is_empty())
        .map(AssessmentDraftId::parse)
        .transpose()
}

pub fn save_assessment_draft(
    state: &AppState,
    request: &SaveAssessmentRequest,
) -> Answer<AssessmentDraftDto> {
    let client = ClientId::parse(&request.client_id)?;
    let draft = draft_id(request.draft_id.as_deref())?;
    let saved = with_unlocked(state, |unit| {
        unit.save_assessment_draft(
            client,
            draft,
            request.form.to_form(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AssessmentDraftDto::from_draft(&saved))
}

pub fn discard_assessment_draft(state: &AppState, draft_id: &str) -> Answer<()> {
    let draft = AssessmentDraftId::parse(draft_id)?;
    with_unlocked(state, |unit| unit.discard_assessment_draft(draft))?;
    Ok(())
}

pub fn sign_assessment(state: &AppState, request: &SaveAssessmentRequest) -> Answer<AssessmentDto> {
    let client = ClientId::parse(&request.client_id)?;
    let draft = draft_id(request.draft_id.as_deref())?;
    let signed = with_unlocked(state, |unit| {
        unit.sign_assessment(
            client,
            &request.form.to_form(),
            draft,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AssessmentDto::from_assessment(&signed))
}

pub fn add_assessment_addendum(
    state: &AppState,
    request: &AssessmentAddendumRequest,
) -> Answer<AssessmentDto> {
    let id = AssessmentId::parse(&request.assessment_id)?;
    let saved = with_unlocked(state, |unit| {
        unit.add_assessment_addendum(id, &request.text, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AssessmentDto::from_assessment(&saved))
}

pub fn save_plan_goal(state: &AppState, request: &SaveGoalRequest) -> Answer<GoalDto> {
    let client = ClientId::parse(&request.client_id)?;
    let goal = request
        .goal_id
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(PlanGoalId::parse)
        .transpose()?;
    let saved = with_unlocked(state, |unit| {
        unit.save_plan_goal(
            client,
            goal,
            &request.goal.to_form(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(GoalDto::from_goal(&saved))
}

/// An empty field is no filter.
fn chosen<T>(text: &str, parse: impl Fn(&str) -> CoreResult<T>) -> CoreResult<Option<T>> {
    match text.trim() {
        "" => Ok(None),
        text => parse(text).map(Some),
    }
}

fn cohort_filter(request: &CohortRequest) -> CoreResult<CohortFilter> {
    let day = |text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            CoreError::invalid("Enter the period's dates as real dates, like 2026-03-14.")
        })
    };
    Ok(CohortFilter {
        route: chosen(&request.route, ReferralRoute::parse)?,
        cohort_flag: chosen(&request.cohort_flag, CohortFlag::parse)?,
        order: chosen(&request.order, CohortFlag::parse)?,
        gender: chosen(&request.gender, |g| Ok(g.to_owned()))?,
        area: chosen(&request.area, |a| Ok(a.to_owned()))?,
        keyworker: chosen(&request.keyworker_id, AccountId::parse)?,
        closed_from: chosen(&request.closed_from, day)?,
        closed_to: chosen(&request.closed_to, day)?,
    })
}

pub fn cohort_outcomes(state: &AppState, request: &CohortRequest) -> Answer<CohortOutcomesDto> {
    let filter = cohort_filter(request)?;
    let outcomes = with_unlocked(state, |unit| {
        unit.cohort_outcomes(&filter, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CohortOutcomesDto::from_outcomes(&outcomes))
}

/// Saves a chart in the export folder; answers where it went.
pub fn export_chart(state: &AppState, request: &SaveExportRequest) -> Answer<String> {
    let path = with_unlocked(state, |unit| {
        unit.export_chart(
            &state.export_folder,
            &request.suggested_name,
            &request.bytes,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(path.display().to_string())
}

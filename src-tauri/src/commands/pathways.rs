//! Seven pathways assessments, support plan goals, cohort outcomes and
//! saving a chart as a picture.

use casebook_core::CoreResult;
use casebook_core::clock::OsEntropy;
use casebook_core::domain::cohort_filter::{CohortFilter, CohortFilterText};
use casebook_core::domain::ids::{AssessmentDraftId, AssessmentId, ClientId, PlanGoalId};

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

fn cohort_filter(request: &CohortRequest) -> CoreResult<CohortFilter> {
    CohortFilter::parse(&CohortFilterText {
        route: &request.route,
        cohort_flag: &request.cohort_flag,
        order: &request.order,
        gender: &request.gender,
        area: &request.area,
        keyworker: &request.keyworker_id,
        closed_from: &request.closed_from,
        closed_to: &request.closed_to,
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

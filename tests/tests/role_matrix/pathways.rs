//! Rows for the seven pathways: assessments, the support plan, cohort
//! outcomes and exporting a chart.

use crate::requests::{assessment_form, json};
use crate::{CASE_ROLES, CASEWORK, MANAGERS, On, Row, row};
use casebook::commands;
use casebook::ipc::{
    AssessmentAddendumRequest, CohortRequest, GoalFormDto, SaveAssessmentRequest,
    SaveExportRequest, SaveGoalRequest,
};

/// Assessments, the support plan, outcomes and charts.
#[rustfmt::skip]
pub(crate) fn rows() -> Vec<Row> {
    vec![
        // Seven pathways assessments and the support plan.
        row("save_assessment_draft", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            json(commands::save_assessment_draft(c.s, &request))
        }),
        row("discard_assessment_draft", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            let draft = commands::save_assessment_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.assessment_draft.clone());
            c.mark();
            json(commands::discard_assessment_draft(c.s, &draft))
        }),
        row("sign_assessment", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            json(commands::sign_assessment(c.s, &request))
        }),
        row("add_assessment_addendum", On::Own, CASEWORK, |c| {
            let request = AssessmentAddendumRequest { assessment_id: c.t.assessment.clone(), text: "The housing score was agreed with the client.".to_owned() };
            json(commands::add_assessment_addendum(c.s, &request))
        }),
        row("save_plan_goal", On::Own, CASEWORK, |c| {
            let target = c.s.clock.local_now().date() + chrono::Duration::days(60);
            let request = SaveGoalRequest {
                client_id: c.client.to_owned(),
                goal_id: None,
                goal: GoalFormDto { pathway: "accommodation".to_owned(), client_words: "Somewhere settled to live".to_owned(), who: "client".to_owned(), target_on: target.to_string(), ..GoalFormDto::default() },
            };
            json(commands::save_plan_goal(c.s, &request))
        }),
        row("cohort_outcomes", On::Unit, MANAGERS, |c| json(commands::cohort_outcomes(c.s, &CohortRequest::default()))),
        // A chart the page drew leaves Casebook: anyone with a case role,
        // audited (the core cannot see what the picture holds).
        row("export_chart", On::Unit, CASE_ROLES, |c| {
            let request = SaveExportRequest { suggested_name: "radar.svg".to_owned(), bytes: b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".to_vec() };
            json(commands::export_chart(c.s, &request))
        }),
    ]
}

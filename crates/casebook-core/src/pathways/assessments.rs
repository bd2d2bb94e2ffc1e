//! Seven pathways assessments and support plans for one client: drafts,
//! signing off, addenda, goals whose actions become tasks, the plan kept
//! as it stood at each review, and which assessment is due next. One
//! action, one transaction, access-checked and audited.

use chrono::NaiveDate;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::assessments::{
    AssessmentDue, AssessmentForm, AssessmentKind, EpisodeSoFar, GoalForm, PlanGoal,
    SignedAssessment, assessment_due,
};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{AssessmentDraftId, AssessmentId, ClientId, PlanGoalId, TaskId};
use crate::domain::session_records::parse_addendum;
use crate::error::{CoreError, CoreResult};
use crate::store::assessments::{Assessment, AssessmentDraft};
use crate::store::episodes::Episode;
use crate::store::plan_goals::{PlanReview, StoredGoal};
use crate::store::{self};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

const ASSESSMENTS_FORBIDDEN: &str =
    "assess this client or change their plan: they are allocated to another keyworker";

/// Everything about a client's seven pathways: assessments (oldest
/// first), this account's drafts, the support plan and its history, and
/// the assessment due next.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientPathways {
    pub assessments: Vec<Assessment>,
    pub drafts: Vec<AssessmentDraft>,
    pub goals: Vec<StoredGoal>,
    /// The plan as it stood at each review assessment, newest first.
    pub plan_reviews: Vec<PlanReview>,
    pub due: Option<AssessmentDue>,
}

/// What is known of an episode's assessments so far.
fn episode_so_far(episode: Option<&Episode>, assessments: &[Assessment]) -> EpisodeSoFar {
    let of_episode = |a: &&Assessment| a.episode == episode.map(|e| e.id);
    EpisodeSoFar {
        initial_on: assessments
            .iter()
            .filter(of_episode)
            .filter(|a| a.kind == AssessmentKind::Initial)
            .map(|a| a.assessed_on)
            .min(),
        has_termination: assessments
            .iter()
            .filter(of_episode)
            .any(|a| a.kind == AssessmentKind::Termination),
        open: episode.is_none_or(Episode::is_open),
    }
}

impl UnlockedUnit {
    /// A client's pathways as this account sees them, on `today`.
    /// `episodes` are the client's, newest referral first, as the record
    /// has already read them.
    pub(crate) fn pathways_of(
        &self,
        client: ClientId,
        episodes: &[Episode],
        today: NaiveDate,
    ) -> CoreResult<ClientPathways> {
        let assessments = store::assessments::for_client(&self.conn, client)?;
        let due = match episodes.first() {
            Some(episode) if episode.is_open() => {
                let latest_on = assessments
                    .iter()
                    .filter(|a| a.episode == Some(episode.id))
                    .filter(|a| a.kind != AssessmentKind::Termination)
                    .map(|a| a.assessed_on)
                    .max();
                assessment_due(
                    self.settings.assessment_schedule,
                    episode.picked_up_at.map(|at| at.date()),
                    latest_on,
                    today,
                )
            }
            _ => None,
        };
        Ok(ClientPathways {
            drafts: store::assessments::drafts_for(&self.conn, client, self.account.id)?,
            goals: store::plan_goals::for_client(&self.conn, client)?,
            plan_reviews: store::plan_goals::reviews_for(&self.conn, client)?,
            assessments,
            due,
        })
    }

    /// Saves an assessment as typed so far, whatever it holds (a draft may
    /// leave pathways unscored). Not audited: signing off is.
    pub fn save_assessment_draft(
        &mut self,
        client: ClientId,
        draft: Option<AssessmentDraftId>,
        form: AssessmentForm,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<AssessmentDraft> {
        self.find_client(client)?;
        self.require_full_access_to(client, ASSESSMENTS_FORBIDDEN)?;
        let now = clock.now().to_rfc3339();
        let saved = match draft {
            Some(id) => {
                let held = self.own_assessment_draft(id)?;
                if held.client != client {
                    return Err(CoreError::invalid(
                        "That draft is for another client. Open it from their page.",
                    ));
                }
                AssessmentDraft {
                    form,
                    saved_at: now,
                    ..held
                }
            }
            None => AssessmentDraft {
                id: AssessmentDraftId(new_uuid_v7(clock, entropy)),
                client,
                author: self.account.id,
                form,
                started_at: now.clone(),
                saved_at: now,
            },
        };
        let tx = store::begin(&mut self.conn, "save the draft")?;
        store::assessments::save_draft(&tx, &saved)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the draft",
        )?;
        Ok(saved)
    }

    pub fn discard_assessment_draft(&mut self, id: AssessmentDraftId) -> CoreResult<()> {
        let draft = self.own_assessment_draft(id)?;
        let tx = store::begin(&mut self.conn, "remove the draft")?;
        store::assessments::delete_draft(&tx, draft.id)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "remove the draft",
        )
    }

    fn own_assessment_draft(&self, id: AssessmentDraftId) -> CoreResult<AssessmentDraft> {
        match store::assessments::find_draft(&self.conn, id)? {
            Some(draft) if draft.author == self.account.id => Ok(draft),
            Some(_) => Err(CoreError::forbidden("change another person's draft")),
            None => Err(CoreError::invalid(
                "That draft is not on this computer any more: it was signed off or discarded.",
            )),
        }
    }

    /// Signs off an assessment: checks it against the client's current
    /// episode, saves it read-only, keeps the support plan as it stands
    /// when it is a review, and removes the draft it came from, all in one
    /// transaction.
    pub fn sign_assessment(
        &mut self,
        client: ClientId,
        form: &AssessmentForm,
        draft: Option<AssessmentDraftId>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Assessment> {
        self.find_client(client)?;
        self.require_full_access_to(client, ASSESSMENTS_FORBIDDEN)?;
        if let Some(draft) = draft {
            self.own_assessment_draft(draft)?;
        }
        let episode = store::episodes::for_client(&self.conn, client)?
            .into_iter()
            .next();
        let so_far = episode_so_far(
            episode.as_ref(),
            &store::assessments::for_client(&self.conn, client)?,
        );
        let signed = SignedAssessment::parse(form, clock.local_now().date(), so_far)?;
        let id = AssessmentId(new_uuid_v7(clock, entropy));
        let review_id = new_uuid_v7(clock, entropy);
        let goals = store::plan_goals::for_client(&self.conn, client)?;
        let detail = serde_json::json!({ "kind": signed.kind.as_str() });
        let audit = self.audit_record(
            AuditAction::AssessmentSigned,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "sign off the assessment")?;
        store::assessments::insert(&tx, stamp, id, client, episode.map(|e| e.id), me, &signed)?;
        if signed.kind == AssessmentKind::Review {
            store::plan_goals::insert_review(&tx, stamp, review_id, client, id, me, &goals)?;
        }
        if let Some(draft) = draft {
            store::assessments::delete_draft(&tx, draft)?;
        }
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "sign off the assessment",
        )?;
        store::assessments::find(&self.conn, id)?
            .ok_or_else(|| CoreError::internal(&"a signed assessment that did not save"))
    }

    /// Adds a correction or addition to a signed assessment; the
    /// assessment itself never changes.
    pub fn add_assessment_addendum(
        &mut self,
        id: AssessmentId,
        text: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Assessment> {
        self.require_case_role()?;
        let assessment = store::assessments::find(&self.conn, id)?.ok_or_else(|| {
            CoreError::invalid(
                "That assessment is not in this unit. Look at the client's page again.",
            )
        })?;
        self.require_full_access_to(assessment.client, ASSESSMENTS_FORBIDDEN)?;
        let text = parse_addendum(text)?;
        let detail = serde_json::json!({});
        let audit = self.audit_record(
            AuditAction::AssessmentAddendumAdded,
            Some(assessment.client),
            &detail,
            clock,
            entropy,
        );
        let addendum = new_uuid_v7(clock, entropy);
        let stamp = self.stamp(clock);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the addendum")?;
        store::assessments::insert_addendum(&tx, stamp, addendum, &assessment, me, &text)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the addendum",
        )?;
        store::assessments::find(&self.conn, id)?
            .ok_or_else(|| CoreError::internal(&"an addendum to an assessment that went"))
    }

    /// Adds a goal to the client's plan, or changes one (`goal` names it).
    /// Each action typed with it becomes a task for this keyworker, who
    /// follows it up whoever is to carry it out, in the same transaction.
    pub fn save_plan_goal(
        &mut self,
        client: ClientId,
        goal: Option<PlanGoalId>,
        form: &GoalForm,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<StoredGoal> {
        self.find_client(client)?;
        self.require_full_access_to(client, ASSESSMENTS_FORBIDDEN)?;
        let parsed = PlanGoal::parse(form, clock.local_now().date())?;
        if let Some(id) = goal {
            match store::plan_goals::find(&self.conn, id)? {
                Some(held) if held.client == client => {}
                _ => {
                    return Err(CoreError::invalid(
                        "That goal is not on this client's plan. Look at the client's page again.",
                    ));
                }
            }
        }
        let id = goal.unwrap_or_else(|| PlanGoalId(new_uuid_v7(clock, entropy)));
        let task_ids: Vec<TaskId> = parsed
            .actions
            .iter()
            .map(|_| TaskId(new_uuid_v7(clock, entropy)))
            .collect();
        let detail = serde_json::json!({
            "pathway": parsed.pathway.as_str(),
            "status": parsed.status.as_str(),
            "actions": parsed.actions.len(),
        });
        let audit = self.audit_record(
            AuditAction::PlanGoalSaved,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the goal")?;
        if goal.is_some() {
            store::plan_goals::update(&tx, stamp, id, me, &parsed)?;
        } else {
            store::plan_goals::insert(&tx, stamp, id, client, me, &parsed)?;
        }
        for (task, action) in task_ids.iter().zip(&parsed.actions) {
            store::tasks::insert(&tx, stamp, *task, client, None, Some(id), me, me, action)?;
        }
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the goal",
        )?;
        store::plan_goals::find(&self.conn, id)?
            .ok_or_else(|| CoreError::internal(&"a goal that did not save"))
    }
}

//! Seven pathways assessments and support plan goals: what a form must hold
//! to be signed off or saved, and when the next assessment is due. A draft
//! is the form as typed, kept whatever it holds; only signing off checks it.

use crate::domain::dates::parse_day;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::appointments::closed_list;
use super::free_text::parse_free_text;
use super::pathway_scores::PathwayScores;
use super::session_records::{ActionForm, ActionOwner, AgreedAction, Pathway};
use crate::error::{CoreError, CoreResult};

closed_list!(
    /// When in an episode an assessment is made.
    AssessmentKind,
    "Choose whether this is an initial, review or termination assessment.",
    [
        Initial => "initial",
        Review => "review",
        Termination => "termination",
    ]
);

closed_list!(
    /// Where a support plan goal stands.
    GoalStatus,
    "Choose where the goal stands: not started, in progress, achieved or no longer relevant.",
    [
        NotStarted => "not_started",
        InProgress => "in_progress",
        Achieved => "achieved",
        NoLongerRelevant => "no_longer_relevant",
    ]
);

/// The longest evidence note for one pathway: a few sentences.
pub const MAX_EVIDENCE_CHARACTERS: usize = 2_000;

/// One pathway of the assessment form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PathwayEntryForm {
    pub pathway: String,
    /// The keyworker's score, 1 to 10, or blank in a draft.
    pub score: String,
    /// The client's own score, where they see it differently; else blank.
    pub client_score: String,
    pub evidence: String,
}

/// The assessment form as typed, kept whole in a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AssessmentForm {
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub assessed_on: String,
    pub pathways: Vec<PathwayEntryForm>,
    /// The keyworker has read the warning that the episode is still open
    /// and records a termination assessment all the same.
    pub termination_while_open: bool,
}

/// What is already known of the client's episode, which the form is
/// checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpisodeSoFar {
    /// The date of the episode's initial assessment, if it has one.
    pub initial_on: Option<NaiveDate>,
    pub has_termination: bool,
    /// The episode has not ended (no outcome and no exit yet).
    pub open: bool,
}

/// An assessment ready to be signed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAssessment {
    pub kind: AssessmentKind,
    pub assessed_on: NaiveDate,
    /// Every pathway scored.
    pub scores: PathwayScores,
    /// The client's own score where it differs, by pathway.
    pub client_views: Vec<(Pathway, u8)>,
    pub evidence: Vec<(Pathway, String)>,
}

impl SignedAssessment {
    pub fn parse(
        form: &AssessmentForm,
        today: NaiveDate,
        episode: EpisodeSoFar,
    ) -> CoreResult<SignedAssessment> {
        let kind = AssessmentKind::parse(&form.kind)?;
        let assessed_on = parse_day(form.assessed_on.trim()).map_err(|_| {
            CoreError::invalid("Enter the date of the assessment as a real date, like 2026-03-14.")
        })?;
        if assessed_on > today {
            return Err(CoreError::invalid(
                "An assessment cannot be dated in the future. Check the date.",
            ));
        }
        let entered: Vec<(&str, &str)> = form
            .pathways
            .iter()
            .map(|p| (p.pathway.as_str(), p.score.as_str()))
            .collect();
        let scores = PathwayScores::parse(&entered)?;
        scores.require_complete()?;
        let mut client_views = Vec::new();
        let mut evidence = Vec::new();
        for entry in &form.pathways {
            let pathway = Pathway::parse(&entry.pathway)?;
            if !entry.client_score.trim().is_empty() {
                let view = PathwayScores::parse(&[(pathway.as_str(), entry.client_score.as_str())])
                    .map_err(|_| {
                        CoreError::invalid(
                            "The client's own score is also from 1 (no need) to 10 (severe, urgent need), or blank where they agree.",
                        )
                    })?;
                if let Some(score) = view.score(pathway) {
                    client_views.push((pathway, score));
                }
            }
            if !entry.evidence.trim().is_empty() {
                evidence.push((
                    pathway,
                    parse_free_text(&entry.evidence, 1, MAX_EVIDENCE_CHARACTERS, "")?,
                ));
            }
        }
        match (kind, episode.initial_on) {
            (AssessmentKind::Initial, Some(_)) => {
                return Err(CoreError::invalid(
                    "This episode already has an initial assessment. Record a review instead, or add an addendum to correct the initial one.",
                ));
            }
            (AssessmentKind::Review | AssessmentKind::Termination, None) => {
                return Err(CoreError::invalid(
                    "Record the initial assessment first: reviews and the termination assessment are measured against it.",
                ));
            }
            (AssessmentKind::Review | AssessmentKind::Termination, Some(initial))
                if assessed_on < initial =>
            {
                return Err(CoreError::invalid(format!(
                    "A {} cannot be dated before the initial assessment ({}). Check the date.",
                    if kind == AssessmentKind::Review {
                        "review"
                    } else {
                        "termination assessment"
                    },
                    initial.format("%-d %B %Y")
                )));
            }
            _ => {}
        }
        if kind == AssessmentKind::Termination {
            if episode.has_termination {
                return Err(CoreError::invalid(
                    "This episode already has a termination assessment. Add an addendum to correct it.",
                ));
            }
            if episode.open && !form.termination_while_open {
                return Err(CoreError::invalid(
                    "The client's episode is still open. A termination assessment is made when the episode ends: record the exit first, or confirm that you are recording it before the exit.",
                ));
            }
        }
        Ok(SignedAssessment {
            kind,
            assessed_on,
            scores,
            client_views,
            evidence,
        })
    }
}

/// When the unit expects assessments: the initial one within some days of
/// the referral being picked up, then a review at a fixed interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssessmentSchedule {
    pub initial_within_days: u32,
    pub review_every_days: u32,
}

pub const MAX_ASSESSMENT_DAYS: u32 = 365;

impl Default for AssessmentSchedule {
    /// Two weeks for the initial assessment and a review every twelve
    /// weeks: the rhythm of a typical community order's reviews.
    fn default() -> AssessmentSchedule {
        AssessmentSchedule {
            initial_within_days: 14,
            review_every_days: 84,
        }
    }
}

impl AssessmentSchedule {
    pub fn parse(
        initial_within_days: u32,
        review_every_days: u32,
    ) -> CoreResult<AssessmentSchedule> {
        if !(1..=MAX_ASSESSMENT_DAYS).contains(&initial_within_days)
            || !(1..=MAX_ASSESSMENT_DAYS).contains(&review_every_days)
        {
            return Err(CoreError::invalid(format!(
                "The days for the initial assessment and between reviews must each be between 1 and {MAX_ASSESSMENT_DAYS}."
            )));
        }
        Ok(AssessmentSchedule {
            initial_within_days,
            review_every_days,
        })
    }
}

/// The next assessment an open, picked-up episode is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssessmentDue {
    pub kind: AssessmentKind,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// What is due for an episode picked up on `picked_up_on` whose latest
/// initial or review assessment was on `latest_on`. Nothing is due for an
/// episode not picked up yet, or one that has ended (the caller passes
/// only open ones).
pub fn assessment_due(
    schedule: AssessmentSchedule,
    picked_up_on: Option<NaiveDate>,
    latest_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<AssessmentDue> {
    let (kind, due_on) = match latest_on {
        Some(latest) => (
            AssessmentKind::Review,
            latest.checked_add_days(Days::new(u64::from(schedule.review_every_days)))?,
        ),
        None => (
            AssessmentKind::Initial,
            picked_up_on?.checked_add_days(Days::new(u64::from(schedule.initial_within_days)))?,
        ),
    };
    Some(AssessmentDue {
        kind,
        due_on,
        overdue: due_on < today,
    })
}

/// A support plan goal as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GoalForm {
    pub pathway: String,
    pub client_words: String,
    pub keyworker_words: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: String,
    /// `YYYY-MM-DD`.
    pub target_on: String,
    pub status: String,
    /// Actions toward the goal; each becomes a task.
    pub actions: Vec<ActionForm>,
}

/// A goal, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanGoal {
    pub pathway: Pathway,
    pub client_words: String,
    pub keyworker_words: Option<String>,
    pub who: ActionOwner,
    pub partner_agency: Option<String>,
    pub target_on: NaiveDate,
    pub status: GoalStatus,
    pub actions: Vec<AgreedAction>,
}

impl PlanGoal {
    pub fn parse(form: &GoalForm, today: NaiveDate) -> CoreResult<PlanGoal> {
        if form.pathway.trim().is_empty() {
            return Err(CoreError::invalid(
                "Choose the pathway this goal is on: every goal belongs to one of the seven.",
            ));
        }
        let pathway = Pathway::parse(&form.pathway)?;
        let client_words = parse_free_text(
            &form.client_words,
            3,
            1_000,
            "Write the goal in the client's own words.",
        )?;
        let keyworker_words = if form.keyworker_words.trim().is_empty() {
            None
        } else {
            Some(parse_free_text(&form.keyworker_words, 1, 1_000, "")?)
        };
        let who = ActionOwner::parse(&form.who)?;
        let partner_agency = if who == ActionOwner::PartnerAgency {
            Some(parse_free_text(
                &form.partner_agency,
                2,
                120,
                "Name the partner agency that owns the goal.",
            )?)
        } else {
            None
        };
        let target_on = parse_day(form.target_on.trim()).map_err(|_| {
            CoreError::invalid("Enter the goal's target date as a real date, like 2026-03-14.")
        })?;
        let status = if form.status.trim().is_empty() {
            GoalStatus::NotStarted
        } else {
            GoalStatus::parse(&form.status)?
        };
        let actions = form
            .actions
            .iter()
            .filter(|a| **a != ActionForm::default())
            .map(|a| AgreedAction::parse(a, today))
            .collect::<CoreResult<Vec<_>>>()?;
        Ok(PlanGoal {
            pathway,
            client_words,
            keyworker_words,
            who,
            partner_agency,
            target_on,
            status,
            actions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_day(text).unwrap()
    }

    fn form(kind: &str, on: &str, score: &str) -> AssessmentForm {
        AssessmentForm {
            kind: kind.into(),
            assessed_on: on.into(),
            pathways: Pathway::ALL
                .iter()
                .map(|p| PathwayEntryForm {
                    pathway: p.as_str().into(),
                    score: score.into(),
                    ..PathwayEntryForm::default()
                })
                .collect(),
            termination_while_open: false,
        }
    }

    const NEW_EPISODE: EpisodeSoFar = EpisodeSoFar {
        initial_on: None,
        has_termination: false,
        open: true,
    };

    #[test]
    fn an_initial_assessment_needs_all_seven_scores_in_range() {
        let today = day("2026-03-20");
        assert!(
            SignedAssessment::parse(&form("initial", "2026-03-14", "6"), today, NEW_EPISODE)
                .is_ok()
        );
        let mut partial = form("initial", "2026-03-14", "6");
        partial.pathways[2].score = String::new();
        let refused = SignedAssessment::parse(&partial, today, NEW_EPISODE).unwrap_err();
        assert!(
            refused.message.contains("One pathway has no score"),
            "{}",
            refused.message
        );
        for bad in ["0", "11", "x"] {
            assert!(
                SignedAssessment::parse(&form("initial", "2026-03-14", bad), today, NEW_EPISODE)
                    .is_err()
            );
        }
        assert!(
            SignedAssessment::parse(&form("initial", "2026-02-30", "5"), today, NEW_EPISODE)
                .is_err()
        );
        assert!(
            SignedAssessment::parse(&form("initial", "2026-03-21", "5"), today, NEW_EPISODE)
                .is_err()
        );
    }

    #[test]
    fn a_review_cannot_come_before_the_initial_or_without_one() {
        let today = day("2026-06-20");
        let refused =
            SignedAssessment::parse(&form("review", "2026-06-01", "4"), today, NEW_EPISODE)
                .unwrap_err();
        assert!(
            refused.message.contains("initial assessment first"),
            "{}",
            refused.message
        );
        let assessed = EpisodeSoFar {
            initial_on: Some(day("2026-03-14")),
            ..NEW_EPISODE
        };
        let early = SignedAssessment::parse(&form("review", "2026-03-01", "4"), today, assessed)
            .unwrap_err();
        assert!(early.message.contains("14 March 2026"), "{}", early.message);
        assert!(
            SignedAssessment::parse(&form("review", "2026-06-01", "4"), today, assessed).is_ok()
        );
        assert!(
            SignedAssessment::parse(&form("initial", "2026-06-01", "4"), today, assessed).is_err()
        );
    }

    #[test]
    fn a_termination_on_an_open_episode_is_warned_about_until_confirmed() {
        let today = day("2026-06-20");
        let assessed = EpisodeSoFar {
            initial_on: Some(day("2026-03-14")),
            ..NEW_EPISODE
        };
        let mut termination = form("termination", "2026-06-01", "3");
        let warned = SignedAssessment::parse(&termination, today, assessed).unwrap_err();
        assert!(warned.message.contains("still open"), "{}", warned.message);
        termination.termination_while_open = true;
        assert!(SignedAssessment::parse(&termination, today, assessed).is_ok());
        let ended = EpisodeSoFar {
            open: false,
            ..assessed
        };
        assert!(
            SignedAssessment::parse(&form("termination", "2026-06-01", "3"), today, ended).is_ok()
        );
    }

    #[test]
    fn the_client_s_own_view_is_kept_beside_the_keyworker_s() {
        let mut both = form("initial", "2026-03-14", "6");
        both.pathways[0].client_score = "3".into();
        both.pathways[0].evidence = "Sofa-surfing at a friend's.".into();
        let signed = SignedAssessment::parse(&both, day("2026-03-20"), NEW_EPISODE).unwrap();
        assert_eq!(signed.client_views, vec![(Pathway::Accommodation, 3)]);
        assert_eq!(signed.scores.score(Pathway::Accommodation), Some(6));
        assert_eq!(signed.evidence.len(), 1);
        both.pathways[1].client_score = "12".into();
        assert!(SignedAssessment::parse(&both, day("2026-03-20"), NEW_EPISODE).is_err());
    }

    #[test]
    fn the_initial_is_due_after_pick_up_and_reviews_after_the_latest() {
        let schedule = AssessmentSchedule::default();
        let due =
            assessment_due(schedule, Some(day("2026-03-01")), None, day("2026-03-10")).unwrap();
        assert_eq!(
            (due.kind, due.due_on, due.overdue),
            (AssessmentKind::Initial, day("2026-03-15"), false)
        );
        let late =
            assessment_due(schedule, Some(day("2026-03-01")), None, day("2026-03-16")).unwrap();
        assert!(late.overdue);
        let review = assessment_due(
            schedule,
            Some(day("2026-03-01")),
            Some(day("2026-03-10")),
            day("2026-03-16"),
        )
        .unwrap();
        assert_eq!(
            (review.kind, review.due_on),
            (AssessmentKind::Review, day("2026-06-02"))
        );
        assert_eq!(
            assessment_due(schedule, None, None, day("2026-03-16")),
            None
        );
        assert!(AssessmentSchedule::parse(0, 10).is_err());
    }

    #[test]
    fn a_goal_needs_a_pathway_and_the_client_s_words() {
        let today = day("2026-03-20");
        let goal = GoalForm {
            pathway: "accommodation".into(),
            client_words: "Somewhere of my own by the summer".into(),
            who: "client".into(),
            target_on: "2026-07-01".into(),
            ..GoalForm::default()
        };
        let parsed = PlanGoal::parse(&goal, today).unwrap();
        assert_eq!(parsed.status, GoalStatus::NotStarted);
        let no_pathway = PlanGoal::parse(
            &GoalForm {
                pathway: String::new(),
                ..goal.clone()
            },
            today,
        )
        .unwrap_err();
        assert!(
            no_pathway.message.contains("Choose the pathway"),
            "{}",
            no_pathway.message
        );
        assert!(
            PlanGoal::parse(
                &GoalForm {
                    client_words: " ".into(),
                    ..goal.clone()
                },
                today
            )
            .is_err()
        );
        assert!(
            PlanGoal::parse(
                &GoalForm {
                    target_on: "2026-13-01".into(),
                    ..goal
                },
                today
            )
            .is_err()
        );
    }
}

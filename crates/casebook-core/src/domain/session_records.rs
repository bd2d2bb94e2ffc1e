//! One-to-one session records: the seven pathways, the interventions
//! delivered, the actions agreed, and the checks a record must pass to be
//! signed off. A draft is the form as typed, kept whatever it holds; only
//! signing off checks it, because nothing typed may be lost to a check.

use crate::domain::dates::{parse_day, parse_time_of_day};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::appointments::{AppointmentPlace, closed_list};
use super::free_text::parse_free_text;
use crate::error::{CoreError, CoreResult};

/// The longest note a session record holds: a long session written up in
/// full is a few thousand words.
pub const MAX_NOTE_CHARACTERS: usize = 50_000;

/// How old a draft may grow before its author and their manager are told.
pub const STALE_DRAFT_DAYS: i64 = 7;

closed_list!(
    /// The seven pathways to reduce re-offending.
    Pathway,
    "Choose pathways from the list of seven.",
    [
        Accommodation => "accommodation",
        EducationTrainingEmployment => "education_training_employment",
        Health => "health",
        DrugsAndAlcohol => "drugs_and_alcohol",
        FinanceBenefitsDebt => "finance_benefits_debt",
        ChildrenAndFamilies => "children_and_families",
        AttitudesThinkingBehaviour => "attitudes_thinking_behaviour",
    ]
);

closed_list!(
    /// What was delivered in a session.
    Intervention,
    "Choose interventions from the list.",
    [
        AdviceAndBriefIntervention => "advice_and_brief_intervention",
        RecoverySupport => "recovery_support",
        RelapsePrevention => "relapse_prevention",
        HarmReductionAdvice => "harm_reduction_advice",
        NaloxoneSupplied => "naloxone_supplied",
        MotivationalWork => "motivational_work",
        PracticalSupport => "practical_support",
        OnwardReferral => "onward_referral",
    ]
);

closed_list!(
    /// Who is to carry out an action agreed in a session.
    ActionOwner,
    "Say who is to do each action: the client, the keyworker or a partner agency.",
    [
        Client => "client",
        Keyworker => "keyworker",
        PartnerAgency => "partner_agency",
    ]
);

/// An action agreed, as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ActionForm {
    pub what: String,
    pub who: String,
    pub partner_agency: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// The session form as typed, kept whole in a draft. Every field is text
/// (or a list of codes) so a draft can hold anything half-typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SessionForm {
    pub appointment_id: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// `HH:MM`.
    pub starts_at: String,
    pub minutes: String,
    pub place: String,
    pub present: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
    pub concerns: String,
    pub confidential: bool,
    pub actions: Vec<ActionForm>,
}

/// An action agreed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreedAction {
    pub what: String,
    pub who: ActionOwner,
    pub partner_agency: Option<String>,
    pub due_on: NaiveDate,
}

/// A session record ready to be signed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedSession {
    pub held_on: NaiveDate,
    pub starts_at: NaiveTime,
    pub minutes: u32,
    pub place: AppointmentPlace,
    pub present: String,
    pub pathways: Vec<Pathway>,
    pub interventions: Vec<Intervention>,
    pub notes: String,
    pub concerns: Option<String>,
    pub confidential: bool,
    pub actions: Vec<AgreedAction>,
}

impl SignedSession {
    /// Checks the form for signing off, against the local time `now`.
    pub fn parse(form: &SessionForm, now: NaiveDateTime) -> CoreResult<SignedSession> {
        let held_on = parse_day(form.held_on.trim()).map_err(|_| {
            CoreError::invalid("Enter the date of the session as a real date, like 2026-03-14.")
        })?;
        let starts_at = parse_time_of_day(form.starts_at.trim())
            .map_err(|_| CoreError::invalid("Enter when the session started, like 09:30."))?;
        if held_on.and_time(starts_at) > now {
            return Err(CoreError::invalid(
                "A session record cannot be dated in the future. Check the date and start time.",
            ));
        }
        let minutes: u32 =
            form.minutes.trim().parse().map_err(|_| {
                CoreError::invalid("Enter how long the session lasted, in minutes.")
            })?;
        if !(1..=720).contains(&minutes) {
            return Err(CoreError::invalid(
                "A session lasts between 1 minute and 12 hours.",
            ));
        }
        let place = AppointmentPlace::parse(&form.place)?;
        let present = parse_free_text(&form.present, 0, 500, "")?;
        let pathways = unique(&form.pathways, Pathway::parse)?;
        let interventions = unique(&form.interventions, Intervention::parse)?;
        if form.notes.trim().is_empty() {
            return Err(CoreError::invalid(
                "The note is empty. Write what happened in the session before signing it off.",
            ));
        }
        let notes = parse_free_text(&form.notes, 1, MAX_NOTE_CHARACTERS, "")?;
        let concerns = if form.concerns.trim().is_empty() {
            None
        } else {
            Some(parse_free_text(&form.concerns, 1, 5000, "")?)
        };
        let today = now.date();
        let actions = form
            .actions
            .iter()
            // A row left wholly blank in the form is no action.
            .filter(|a| **a != ActionForm::default())
            .map(|a| AgreedAction::parse(a, today))
            .collect::<CoreResult<Vec<_>>>()?;
        Ok(SignedSession {
            held_on,
            starts_at,
            minutes,
            place,
            present,
            pathways,
            interventions,
            notes,
            concerns,
            confidential: form.confidential,
            actions,
        })
    }
}

impl AgreedAction {
    /// `today` is the day the task is made: it cannot be due before it.
    pub fn parse(form: &ActionForm, today: NaiveDate) -> CoreResult<AgreedAction> {
        let what = parse_free_text(&form.what, 3, 500, "Say what each action is.")?;
        let who = ActionOwner::parse(&form.who)?;
        let partner_agency = if who == ActionOwner::PartnerAgency {
            Some(parse_free_text(
                &form.partner_agency,
                2,
                120,
                "Name the partner agency that is to do the action.",
            )?)
        } else {
            None
        };
        let due_on = parse_due_date(&form.due_on, today)?;
        Ok(AgreedAction {
            what,
            who,
            partner_agency,
            due_on,
        })
    }
}

/// A task's due date: a real date, not before the day the task is made.
pub fn parse_due_date(text: &str, today: NaiveDate) -> CoreResult<NaiveDate> {
    let due = parse_day(text.trim()).map_err(|_| {
        CoreError::invalid("Enter when each action is due as a real date, like 2026-03-14.")
    })?;
    if due < today {
        return Err(CoreError::invalid(
            "A task cannot be due before the day it is made. Choose today or a later date.",
        ));
    }
    Ok(due)
}

/// An addendum to a signed record: what is corrected or added.
pub fn parse_addendum(text: &str) -> CoreResult<String> {
    parse_free_text(
        text,
        5,
        10_000,
        "Write the correction or addition (at least a few words).",
    )
}

fn unique<T: PartialEq>(codes: &[String], parse: fn(&str) -> CoreResult<T>) -> CoreResult<Vec<T>> {
    let mut found = Vec::new();
    for code in codes {
        let value = parse(code)?;
        if !found.contains(&value) {
            found.push(value);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 14)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn form() -> SessionForm {
        SessionForm {
            held_on: "2026-03-14".into(),
            starts_at: "10:00".into(),
            minutes: "50".into(),
            place: "office".into(),
            pathways: vec!["accommodation".into(), "health".into(), "health".into()],
            interventions: vec!["relapse_prevention".into()],
            notes: "Talked about the move.".into(),
            actions: vec![
                ActionForm {
                    what: "Ring the housing officer".into(),
                    who: "keyworker".into(),
                    due_on: "2026-03-21".into(),
                    ..ActionForm::default()
                },
                ActionForm::default(),
            ],
            ..SessionForm::default()
        }
    }

    #[test]
    fn a_complete_form_signs_with_each_pathway_once_and_blank_actions_dropped() {
        let signed = SignedSession::parse(&form(), now()).unwrap();
        assert_eq!(
            signed.pathways,
            vec![Pathway::Accommodation, Pathway::Health]
        );
        assert_eq!(signed.actions.len(), 1);
        assert_eq!(signed.actions[0].who, ActionOwner::Keyworker);
    }

    #[test]
    fn an_empty_note_or_a_future_date_cannot_be_signed() {
        let empty = SessionForm {
            notes: "   ".into(),
            ..form()
        };
        let refused = SignedSession::parse(&empty, now()).unwrap_err();
        assert!(refused.message.contains("note is empty"));
        let later_today = SessionForm {
            starts_at: "12:30".into(),
            ..form()
        };
        let refused = SignedSession::parse(&later_today, now()).unwrap_err();
        assert!(refused.message.contains("future"));
        let tomorrow = SessionForm {
            held_on: "2026-03-15".into(),
            ..form()
        };
        assert!(SignedSession::parse(&tomorrow, now()).is_err());
    }

    #[test]
    fn an_action_needs_a_due_date_from_today_and_a_named_partner_agency() {
        let today = now().date();
        let overdue = ActionForm {
            what: "Book a GP appointment".into(),
            who: "client".into(),
            due_on: "2026-03-13".into(),
            ..ActionForm::default()
        };
        let refused = AgreedAction::parse(&overdue, today).unwrap_err();
        assert!(refused.message.contains("before the day it is made"));
        let partner = ActionForm {
            who: "partner_agency".into(),
            due_on: "2026-03-14".into(),
            ..overdue.clone()
        };
        assert!(AgreedAction::parse(&partner, today).is_err());
        let named = ActionForm {
            partner_agency: "Housing Options".into(),
            ..partner
        };
        assert!(AgreedAction::parse(&named, today).is_ok());
    }

    #[test]
    fn unknown_codes_and_impossible_dates_are_refused() {
        let bad_pathway = SessionForm {
            pathways: vec!["luck".into()],
            ..form()
        };
        assert!(SignedSession::parse(&bad_pathway, now()).is_err());
        let bad_date = SessionForm {
            held_on: "2026-02-30".into(),
            ..form()
        };
        assert!(SignedSession::parse(&bad_date, now()).is_err());
        let zero = SessionForm {
            minutes: "0".into(),
            ..form()
        };
        assert!(SignedSession::parse(&zero, now()).is_err());
    }
}

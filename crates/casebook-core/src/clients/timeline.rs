//! A client's timeline: everything that happened (referrals, appointments
//! and their outcomes, sessions, safety flags, RAG changes, tasks) in one
//! list, newest first, built from the parts of the record already read.

use crate::store::appointments::Appointment;
use crate::store::episodes::Episode;
use crate::store::rag_reviews::RagReview;
use crate::store::safety_flags::SafetyFlag;
use crate::store::session_records::SessionRecord;
use crate::store::tasks::Task;

/// Which filter an entry falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineKind {
    Referral,
    Appointment,
    Session,
    SafetyFlag,
    Rag,
    Task,
}

impl TimelineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimelineKind::Referral => "referral",
            TimelineKind::Appointment => "appointment",
            TimelineKind::Session => "session",
            TimelineKind::SafetyFlag => "safety_flag",
            TimelineKind::Rag => "rag",
            TimelineKind::Task => "task",
        }
    }
}

/// One thing that happened. `event` is a code the UI words
/// (`referral_received`, `appointment_outcome`, …); `detail` is the code
/// or short text that goes with it (an outcome, a rating, a task).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// Local time, `YYYY-MM-DDTHH:MM`, so entries sort as text.
    pub at: String,
    pub kind: TimelineKind,
    pub event: &'static str,
    pub detail: String,
    /// The row it comes from, so the UI can go to it.
    pub id: String,
}

/// The record's parts a timeline is made of.
#[derive(Debug, Clone, Copy)]
pub struct TimelineParts<'a> {
    pub episodes: &'a [Episode],
    pub appointments: &'a [Appointment],
    pub sessions: &'a [SessionRecord],
    pub safety_flags: &'a [SafetyFlag],
    pub rag_history: &'a [RagReview],
    pub tasks: &'a [Task],
}

/// A stamp written in UTC (`2026-03-14T09:30:00+00:00`) as local time to the
/// minute, like the times people type.
fn local(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stamp.chars().take(16).collect())
}

/// Every entry, newest first.
pub fn timeline(parts: &TimelineParts<'_>) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    let mut push = |at: String, kind, event, detail: String, id: String| {
        entries.push(TimelineEntry {
            at,
            kind,
            event,
            detail,
            id,
        });
    };
    for episode in parts.episodes {
        let id = episode.id.to_string();
        push(
            episode.received_at.format("%Y-%m-%dT%H:%M").to_string(),
            TimelineKind::Referral,
            "referral_received",
            episode.route.as_str().to_owned(),
            id.clone(),
        );
        if let Some(picked) = episode.picked_up_at {
            push(
                picked.format("%Y-%m-%dT%H:%M").to_string(),
                TimelineKind::Referral,
                "referral_picked_up",
                String::new(),
                id.clone(),
            );
        }
        if let Some(ended) = episode.ended_on {
            let why = episode
                .exit_reason
                .map(|r| r.as_str())
                .or(episode.outcome.as_ref().map(|o| o.as_str()))
                .unwrap_or_default();
            push(
                format!("{}T23:59", ended.format("%Y-%m-%d")),
                TimelineKind::Referral,
                "episode_ended",
                why.to_owned(),
                id,
            );
        }
    }
    for appointment in parts.appointments {
        let id = appointment.id.to_string();
        let at = appointment
            .times
            .starts
            .format("%Y-%m-%dT%H:%M")
            .to_string();
        match appointment.outcome {
            Some(outcome) => push(
                at,
                TimelineKind::Appointment,
                "appointment_outcome",
                match appointment.absence.as_deref() {
                    Some(absence) => format!("{} ({absence})", outcome.as_str()),
                    None => outcome.as_str().to_owned(),
                },
                id,
            ),
            None => push(
                at,
                TimelineKind::Appointment,
                "appointment_booked",
                appointment.kind.as_str().to_owned(),
                id,
            ),
        }
    }
    for session in parts.sessions {
        let id = session.id.to_string();
        push(
            format!("{}T{}", session.held_on, session.starts_at),
            TimelineKind::Session,
            "session_signed",
            session.pathways.join(", "),
            id.clone(),
        );
        for addendum in &session.addenda {
            push(
                local(&addendum.written_at),
                TimelineKind::Session,
                "session_addendum",
                String::new(),
                id.clone(),
            );
        }
    }
    for flag in parts.safety_flags {
        let id = flag.id.to_string();
        push(
            local(&flag.raised_at),
            TimelineKind::SafetyFlag,
            "safety_flag_raised",
            flag.kind.as_str().to_owned(),
            id.clone(),
        );
        if let Some(ended) = &flag.ended_at {
            push(
                local(ended),
                TimelineKind::SafetyFlag,
                "safety_flag_ended",
                flag.kind.as_str().to_owned(),
                id,
            );
        }
    }
    for (index, review) in parts.rag_history.iter().enumerate() {
        push(
            local(&review.reviewed_at),
            TimelineKind::Rag,
            "rag_reviewed",
            review.rating.as_str().to_owned(),
            format!("rag-{index}"),
        );
    }
    for task in parts.tasks {
        let id = task.id.to_string();
        push(
            local(&task.created_at),
            TimelineKind::Task,
            "task_created",
            task.what.clone(),
            id.clone(),
        );
        if let Some(closed) = &task.closed_at {
            push(
                local(closed),
                TimelineKind::Task,
                if task.status == "done" {
                    "task_done"
                } else {
                    "task_cancelled"
                },
                task.what.clone(),
                id,
            );
        }
    }
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    entries
}

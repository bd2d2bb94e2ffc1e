//! The steps a case is made of: what one computer does (add, rename, rate,
//! flag, book, write up, assess, merge, send, receive, ...) or what the
//! share does to its files, and the strategy proptest draws them from.

use casebook_core::domain::session_records::Pathway;
use proptest::prelude::*;

pub(crate) const NAMES: [&str; 6] = ["Jordan", "Sam", "Ali", "Chris", "Dana", "Robin"];

#[derive(Debug, Clone)]
pub(crate) enum Step {
    Add {
        device: usize,
        name: usize,
    },
    Rename {
        device: usize,
        client: usize,
        name: usize,
    },
    Rate {
        device: usize,
        client: usize,
        rating: usize,
    },
    Flag {
        device: usize,
        client: usize,
    },
    Cohort {
        device: usize,
        client: usize,
        flag: usize,
    },
    Allocate {
        device: usize,
        client: usize,
        staff: usize,
    },
    ChangeFlag {
        device: usize,
        client: usize,
        end: bool,
    },
    Resolve {
        device: usize,
        side: usize,
    },
    Snapshot {
        device: usize,
    },
    Merge {
        device: usize,
        kept: usize,
        merged: usize,
    },
    Delete {
        device: usize,
        client: usize,
    },
    /// Books an appointment (yesterday, so what happened can be recorded).
    Book {
        device: usize,
        client: usize,
        hour: usize,
    },
    /// Records what happened at an appointment still open.
    Outcome {
        device: usize,
        appointment: usize,
        outcome: usize,
    },
    /// Writes up a session and signs it off, with one action agreed.
    Session {
        device: usize,
        client: usize,
    },
    /// Adds an addendum to a signed session record.
    Addendum {
        device: usize,
        session: usize,
    },
    /// Signs off a seven pathways assessment (initial, review or
    /// termination) dated some days ago. The clients have no episode, so
    /// a computer refuses a second initial or termination for a client,
    /// though computers apart may each sign one.
    Assess {
        device: usize,
        client: usize,
        kind: usize,
        scores: [u8; 7],
        days_ago: u64,
    },
    /// Adds an addendum to a signed assessment.
    AssessmentAddendum {
        device: usize,
        assessment: usize,
    },
    /// Adds a goal to a client's support plan, maybe with an action (which
    /// becomes a task).
    Goal {
        device: usize,
        client: usize,
        pathway: usize,
        action: bool,
    },
    /// Changes one field of a goal: its status (0–3) or its target date
    /// (4–5), so that computers apart change the same goal's fields.
    ChangeGoal {
        device: usize,
        goal: usize,
        change: usize,
    },
    /// A computer sends, then writes a bundle by hand holding one change no
    /// honest computer writes (kind 0–3: an insert-only row changed, a
    /// change naming another computer, an audit entry of another computer,
    /// a row removed). Every other computer must refuse it alike.
    Forge {
        device: usize,
        kind: usize,
    },
    /// A bundle on the share is copied under another name, as a file
    /// manager's "copy" would (it must be passed over).
    Duplicate {
        pick: usize,
    },
    /// A bundle on the share is out of sight for a while, as a share's cache
    /// can show files late and out of order.
    Delay {
        pick: usize,
    },
    /// Every delayed bundle comes into sight.
    Deliver,
    Send {
        device: usize,
    },
    Receive {
        device: usize,
    },
}

pub(crate) fn step(devices: usize) -> impl Strategy<Value = Step> {
    let d = 0..devices;
    prop_oneof![
        3 => (d.clone(), 0..NAMES.len()).prop_map(|(device, name)| Step::Add { device, name }),
        2 => (d.clone(), 0..8usize, 0..NAMES.len()).prop_map(|(device, client, name)| Step::Rename { device, client, name }),
        2 => (d.clone(), 0..8usize, 0..3usize).prop_map(|(device, client, rating)| Step::Rate { device, client, rating }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Flag { device, client }),
        1 => (d.clone(), 0..8usize, 0..3usize).prop_map(|(device, client, flag)| Step::Cohort { device, client, flag }),
        1 => (d.clone(), 0..8usize, 0..4usize).prop_map(|(device, client, staff)| Step::Allocate { device, client, staff }),
        2 => (d.clone(), 0..8usize, any::<bool>()).prop_map(|(device, client, end)| Step::ChangeFlag { device, client, end }),
        1 => (d.clone(), 0..2usize).prop_map(|(device, side)| Step::Resolve { device, side }),
        1 => d.clone().prop_map(|device| Step::Snapshot { device }),
        1 => (d.clone(), 0..8usize, 0..8usize).prop_map(|(device, kept, merged)| Step::Merge { device, kept, merged }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Delete { device, client }),
        2 => (d.clone(), 0..8usize, 0..10usize).prop_map(|(device, client, hour)| Step::Book { device, client, hour }),
        2 => (d.clone(), 0..16usize, 0..3usize).prop_map(|(device, appointment, outcome)| Step::Outcome { device, appointment, outcome }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Session { device, client }),
        1 => (d.clone(), 0..16usize).prop_map(|(device, session)| Step::Addendum { device, session }),
        2 => (d.clone(), 0..8usize, 0..3usize, proptest::array::uniform7(1..=10u8), 1..=7u64)
            .prop_map(|(device, client, kind, scores, days_ago)| Step::Assess { device, client, kind, scores, days_ago }),
        1 => (d.clone(), 0..16usize).prop_map(|(device, assessment)| Step::AssessmentAddendum { device, assessment }),
        1 => (d.clone(), 0..8usize, 0..Pathway::ALL.len(), any::<bool>())
            .prop_map(|(device, client, pathway, action)| Step::Goal { device, client, pathway, action }),
        2 => (d.clone(), 0..16usize, 0..6usize)
            .prop_map(|(device, goal, change)| Step::ChangeGoal { device, goal, change }),
        1 => (d.clone(), 0..4usize).prop_map(|(device, kind)| Step::Forge { device, kind }),
        1 => (0..64usize).prop_map(|pick| Step::Duplicate { pick }),
        1 => (0..64usize).prop_map(|pick| Step::Delay { pick }),
        1 => Just(Step::Deliver),
        2 => d.clone().prop_map(|device| Step::Send { device }),
        2 => d.prop_map(|device| Step::Receive { device }),
    ]
}

pub(crate) fn device_of(step: &Step) -> usize {
    match *step {
        Step::Add { device, .. }
        | Step::Rename { device, .. }
        | Step::Rate { device, .. }
        | Step::Flag { device, .. }
        | Step::Cohort { device, .. }
        | Step::Allocate { device, .. }
        | Step::ChangeFlag { device, .. }
        | Step::Resolve { device, .. }
        | Step::Snapshot { device }
        | Step::Merge { device, .. }
        | Step::Delete { device, .. }
        | Step::Book { device, .. }
        | Step::Outcome { device, .. }
        | Step::Session { device, .. }
        | Step::Addendum { device, .. }
        | Step::Assess { device, .. }
        | Step::AssessmentAddendum { device, .. }
        | Step::Goal { device, .. }
        | Step::ChangeGoal { device, .. }
        | Step::Forge { device, .. }
        | Step::Send { device }
        | Step::Receive { device } => device,
        Step::Duplicate { .. } | Step::Delay { .. } | Step::Deliver => 0,
    }
}

//! Rows for casework: referrals and episodes, appointments and the diary,
//! session records, tasks, note search and session templates.

use crate::requests::{
    at, booking, close, decline, fresh_episode, id_of, json, pick_up, referral, session_form,
};
use crate::{CASE_ROLES, CASEWORK, MANAGERS, On, Row, row};
use casebook::commands;
use casebook::ipc::{
    AddendumRequest, ChangeTaskRequest, DiaryRequest, MoveAppointmentRequest,
    ProbationNoticeRequest, RecordOutcomeRequest, SaveDraftRequest, SaveTemplateRequest,
    SearchNotesRequest, SignSessionRequest,
};

/// Episodes, appointments, session records and tasks.
#[rustfmt::skip]
pub(crate) fn rows() -> Vec<Row> {
    vec![
        // Referrals and episodes: each who may starts one and ends it, so
        // the next can start one too (one open episode at a time).
        row("receive_referral", On::Own, CASEWORK, |c| {
            let episodes = json(commands::receive_referral(c.s, &referral(c, c.client)))?;
            decline(c, id_of(&episodes[0]))?;
            Ok(episodes)
        }),
        row("record_pick_up", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            c.mark();
            let answer = pick_up(c, episode.clone())?;
            close(c, episode)?;
            Ok(answer)
        }),
        row("record_referral_outcome", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            c.mark();
            decline(c, episode)
        }),
        row("close_episode", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            if episode != c.t.episode {
                pick_up(c, episode.clone())?;
            }
            c.mark();
            close(c, episode)
        }),
        // Appointments and the diary.
        row("booking_warnings", On::Own, CASEWORK, |c| {
            json(commands::booking_warnings(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("book_appointment", On::Own, CASEWORK, |c| {
            json(commands::book_appointment(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("book_appointment", On::Other, MANAGERS, |c| {
            json(commands::book_appointment(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("move_appointment", On::Own, CASEWORK, |c| {
            let request = MoveAppointmentRequest {
                appointment_id: c.t.appointment.clone(),
                starts_at: at(c.s, 5, 14),
                ends_at: at(c.s, 5, 15),
                room: String::new(),
            };
            json(commands::move_appointment(c.s, &request))
        }),
        row("move_appointment", On::Other, MANAGERS, |c| {
            let request = MoveAppointmentRequest {
                appointment_id: c.t.other_appointment.clone(),
                starts_at: at(c.s, 5, 16),
                ends_at: at(c.s, 5, 17),
                room: String::new(),
            };
            json(commands::move_appointment(c.s, &request))
        }),
        row("record_appointment_outcome", On::Own, CASEWORK, |c| {
            let request = RecordOutcomeRequest {
                appointment_id: c.t.past_appointments.take(),
                outcome: "attended".to_owned(),
                reason: String::new(),
                absence: String::new(),
                absence_reason: String::new(),
                absence_note: String::new(),
                new_starts_at: String::new(),
                new_ends_at: String::new(),
            };
            json(commands::record_appointment_outcome(c.s, &request))
        }),
        row("diary", On::Unit, CASE_ROLES, |c| {
            let yesterday = c.s.clock.local_now().date() - chrono::Duration::days(1);
            let request = DiaryRequest { first_day: yesterday.to_string(), days: 7, staff_id: None, whole_unit: false };
            json(commands::diary(c.s, &request))
        }),
        row("diary", On::Unit, MANAGERS, |c| {
            let request = DiaryRequest { first_day: c.today(), days: 7, staff_id: None, whole_unit: true };
            json(commands::diary(c.s, &request))
        }),
        // Session records: drafts are their author's; signing, addenda and
        // actions need full access to the client.
        row("save_session_draft", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            json(commands::save_session_draft(c.s, &request))
        }),
        row("save_session_draft", On::Other, MANAGERS, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            json(commands::save_session_draft(c.s, &request))
        }),
        row("discard_session_draft", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            let draft = commands::save_session_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.session_draft.clone());
            c.mark();
            json(commands::discard_session_draft(c.s, &draft))
        }),
        row("session_drafts", On::Unit, CASE_ROLES, |c| json(commands::session_drafts(c.s))),
        row("sign_session_record", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "Talked about the weekend", Vec::new()) };
            let draft = commands::save_session_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.session_draft.clone());
            c.mark();
            json(commands::sign_session_record(c.s, &SignSessionRequest { draft_id: draft }))
        }),
        row("add_session_addendum", On::Own, CASEWORK, |c| {
            let request = AddendumRequest { session_id: c.t.session.clone(), text: "The use was on Saturday.".to_owned() };
            json(commands::add_session_addendum(c.s, &request))
        }),
        row("add_session_addendum", On::Other, MANAGERS, |c| {
            let request = AddendumRequest { session_id: c.t.other_session.clone(), text: "The use was on Saturday.".to_owned() };
            json(commands::add_session_addendum(c.s, &request))
        }),
        // Tasks: one's own list; changing one that is someone else's needs
        // full access to the client.
        row("my_tasks", On::Unit, CASE_ROLES, |c| json(commands::my_tasks(c.s))),
        row("change_task", On::Own, CASEWORK, |c| {
            let request = ChangeTaskRequest { task_id: c.t.tasks.take(), change: casebook::ipc::TaskChangeKindDto::Done, reason: String::new(), to_account_id: None };
            json(commands::change_task(c.s, &request))
        }),
        row("record_probation_notice", On::Own, CASEWORK, |c| {
            let request = ProbationNoticeRequest { client_id: c.client.to_owned(), order_flag: "drr".to_owned(), what: "warning".to_owned(), sent_on: c.today(), note: String::new() };
            json(commands::record_probation_notice(c.s, &request))
        }),
        // Note search finds notes only on clients the account may read
        // whole: a partner's search answers nothing (the search box offers
        // it to everyone). Opening a note found is an audited view.
        row("search_session_notes", On::Unit, CASE_ROLES, |c| {
            json(commands::search_session_notes(c.s, &SearchNotesRequest { words: "casenote".to_owned() }))
        }),
        row("session_templates", On::Unit, CASE_ROLES, |c| json(commands::session_templates(c.s))),
        row("save_session_template", On::Unit, MANAGERS, |c| {
            let request = SaveTemplateRequest {
                template_id: None,
                name: "Relapse prevention review".to_owned(),
                pathways: vec!["drugs_and_alcohol".to_owned()],
                interventions: vec!["relapse_prevention".to_owned()],
                notes: "Triggers since last time:".to_owned(),
                retired: false,
            };
            json(commands::save_session_template(c.s, &request))
        }),
    ]
}

//! Appointments, the diary, session records and drafts, tasks, notices to
//! probation, note search and session templates.

use casebook_core::casework::appointments::{DiaryOf, OutcomeText};
use casebook_core::casework::tasks::TaskChange;
use casebook_core::clock::OsEntropy;
use casebook_core::domain::appointments::{AppointmentText, parse_diary_day};
use casebook_core::domain::ids::{
    AccountId, AppointmentId, ClientId, SessionDraftId, SessionTemplateId, TaskId,
};

use crate::app_state::{AppState, with_unlocked};
use crate::ipc::{
    AddendumRequest, AppointmentDto, BookAppointmentRequest, BookingWarningsDto, ChangeTaskRequest,
    DiaryEntryDto, DiaryRequest, DraftListedDto, MoveAppointmentRequest, NoteFoundDto,
    OutcomeRecordedDto, ProbationNoticeDto, ProbationNoticeRequest, RecordOutcomeRequest,
    SaveDraftRequest, SaveTemplateRequest, SearchNotesRequest, SessionDraftDto, SessionRecordDto,
    SessionTemplateDto, SignSessionRequest, TaskChangeKindDto, TaskDto, TaskListedDto,
};

use super::Answer;

fn appointment_text(request: &BookAppointmentRequest) -> AppointmentText<'_> {
    AppointmentText {
        starts_at: &request.starts_at,
        ends_at: &request.ends_at,
        kind: &request.kind,
        place: &request.place,
        room: &request.room,
        other_attendees: &request.other_attendees,
    }
}

pub fn booking_warnings(
    state: &AppState,
    request: &BookAppointmentRequest,
) -> Answer<BookingWarningsDto> {
    let client = ClientId::parse(&request.client_id)?;
    let moving = request
        .moving_appointment_id
        .as_deref()
        .map(AppointmentId::parse)
        .transpose()?;
    let staff: Vec<&str> = request.staff_ids.iter().map(String::as_str).collect();
    let warnings = with_unlocked(state, |unit| {
        unit.booking_warnings(client, &appointment_text(request), &staff, moving)
    })?;
    Ok(BookingWarningsDto::from_warnings(&warnings))
}

pub fn book_appointment(
    state: &AppState,
    request: &BookAppointmentRequest,
) -> Answer<AppointmentDto> {
    let client = ClientId::parse(&request.client_id)?;
    let staff: Vec<&str> = request.staff_ids.iter().map(String::as_str).collect();
    let booked = with_unlocked(state, |unit| {
        unit.book_appointment(
            client,
            &appointment_text(request),
            &staff,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AppointmentDto::from_appointment(&booked))
}

pub fn move_appointment(
    state: &AppState,
    request: &MoveAppointmentRequest,
) -> Answer<AppointmentDto> {
    let id = AppointmentId::parse(&request.appointment_id)?;
    let moved = with_unlocked(state, |unit| {
        unit.move_appointment(
            id,
            &request.starts_at,
            &request.ends_at,
            &request.room,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AppointmentDto::from_appointment(&moved))
}

pub fn record_appointment_outcome(
    state: &AppState,
    request: &RecordOutcomeRequest,
) -> Answer<OutcomeRecordedDto> {
    let id = AppointmentId::parse(&request.appointment_id)?;
    let entered = OutcomeText {
        outcome: &request.outcome,
        reason: &request.reason,
        absence: &request.absence,
        absence_reason: &request.absence_reason,
        absence_note: &request.absence_note,
        new_starts_at: &request.new_starts_at,
        new_ends_at: &request.new_ends_at,
    };
    let (appointment, rebooked) = with_unlocked(state, |unit| {
        unit.record_appointment_outcome(id, &entered, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(OutcomeRecordedDto {
        appointment: AppointmentDto::from_appointment(&appointment),
        rebooked: rebooked.as_ref().map(AppointmentDto::from_appointment),
    })
}

pub fn diary(state: &AppState, request: &DiaryRequest) -> Answer<Vec<DiaryEntryDto>> {
    let first_day = parse_diary_day(&request.first_day)?;
    let whose = match (&request.staff_id, request.whole_unit) {
        (_, true) => DiaryOf::WholeUnit,
        (Some(id), false) => DiaryOf::Staff(AccountId::parse(id)?),
        (None, false) => DiaryOf::Me,
    };
    let entries = with_unlocked(state, |unit| unit.diary(whose, first_day, request.days))?;
    Ok(entries.iter().map(DiaryEntryDto::from_entry).collect())
}

pub fn save_session_draft(state: &AppState, request: &SaveDraftRequest) -> Answer<SessionDraftDto> {
    let client = ClientId::parse(&request.client_id)?;
    let draft = request
        .draft_id
        .as_deref()
        .map(SessionDraftId::parse)
        .transpose()?;
    let saved = with_unlocked(state, |unit| {
        unit.save_session_draft(
            draft,
            client,
            request.form.to_form(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(SessionDraftDto::from_draft(&saved))
}

pub fn discard_session_draft(state: &AppState, draft_id: &str) -> Answer<()> {
    let id = SessionDraftId::parse(draft_id)?;
    with_unlocked(state, |unit| unit.discard_session_draft(id))?;
    Ok(())
}

pub fn session_drafts(state: &AppState) -> Answer<Vec<DraftListedDto>> {
    let drafts = with_unlocked(state, |unit| {
        unit.session_drafts(state.clock.now().naive_utc())
    })?;
    Ok(drafts.iter().map(DraftListedDto::from_listed).collect())
}

pub fn sign_session_record(
    state: &AppState,
    request: &SignSessionRequest,
) -> Answer<SessionRecordDto> {
    let id = SessionDraftId::parse(&request.draft_id)?;
    let record = with_unlocked(state, |unit| {
        unit.sign_session_record(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(SessionRecordDto::from_record(&record))
}

pub fn add_session_addendum(
    state: &AppState,
    request: &AddendumRequest,
) -> Answer<SessionRecordDto> {
    let record = with_unlocked(state, |unit| {
        unit.add_session_addendum(
            &request.session_id,
            &request.text,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(SessionRecordDto::from_record(&record))
}

pub fn my_tasks(state: &AppState) -> Answer<Vec<TaskListedDto>> {
    let tasks = with_unlocked(state, |unit| unit.my_tasks(state.clock.local_now().date()))?;
    Ok(tasks.iter().map(TaskListedDto::from_listed).collect())
}

pub fn change_task(state: &AppState, request: &ChangeTaskRequest) -> Answer<TaskDto> {
    let id = TaskId::parse(&request.task_id)?;
    let to = request
        .to_account_id
        .as_deref()
        .map(AccountId::parse)
        .transpose()?;
    let change = match request.change {
        TaskChangeKindDto::Done => TaskChange::Done,
        TaskChangeKindDto::Cancelled => TaskChange::Cancelled {
            reason: &request.reason,
        },
        TaskChangeKindDto::Reassigned => TaskChange::reassigned(to, &request.reason)?,
    };
    let task = with_unlocked(state, |unit| {
        unit.change_task(id, change, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(TaskDto::from_task(&task))
}

pub fn record_probation_notice(
    state: &AppState,
    request: &ProbationNoticeRequest,
) -> Answer<Vec<ProbationNoticeDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let notices = with_unlocked(state, |unit| {
        unit.record_probation_notice(
            client,
            &request.order_flag,
            &request.what,
            &request.sent_on,
            &request.note,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(notices
        .iter()
        .map(ProbationNoticeDto::from_notice)
        .collect())
}

pub fn search_session_notes(
    state: &AppState,
    request: &SearchNotesRequest,
) -> Answer<Vec<NoteFoundDto>> {
    let found = with_unlocked(state, |unit| unit.search_session_notes(&request.words))?;
    Ok(found.iter().map(NoteFoundDto::from_found).collect())
}

pub fn session_templates(state: &AppState) -> Answer<Vec<SessionTemplateDto>> {
    let templates = with_unlocked(state, |unit| unit.session_templates())?;
    Ok(templates
        .iter()
        .map(SessionTemplateDto::from_template)
        .collect())
}

pub fn save_session_template(
    state: &AppState,
    request: &SaveTemplateRequest,
) -> Answer<Vec<SessionTemplateDto>> {
    let id = request
        .template_id
        .as_deref()
        .map(SessionTemplateId::parse)
        .transpose()?;
    let templates = with_unlocked(state, |unit| {
        unit.save_session_template(
            id,
            &request.name,
            &request.pathways,
            &request.interventions,
            &request.notes,
            request.retired,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(templates
        .iter()
        .map(SessionTemplateDto::from_template)
        .collect())
}

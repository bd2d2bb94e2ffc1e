//! Writing up one-to-one sessions: drafts saved as they are typed, signing
//! off (which makes the record read-only and turns the actions agreed into
//! tasks), addenda, reading records with confidential notes withheld from
//! those who may not see them, searching the notes, and templates.

use chrono::NaiveDateTime;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::access::ClientAccess;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{
    AppointmentId, ClientId, SessionDraftId, SessionRecordId, SessionTemplateId, TaskId,
};
use crate::domain::names::PersonName;
use crate::domain::session_records::{
    Intervention, Pathway, STALE_DRAFT_DAYS, SessionForm, SignedSession, parse_addendum,
};
use crate::error::{CoreError, CoreResult};
use crate::store::session_records::{SessionDraft, SessionRecord};
use crate::store::session_templates::SessionTemplate;
use crate::store::tasks::Task;
use crate::store::{self};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// What a task from a confidential session says to those who may not read
/// the session.
pub const CONFIDENTIAL_ACTION: &str = "An action from a confidential session";

const SESSIONS_FORBIDDEN: &str =
    "write session records for this client: it is allocated to another keyworker";

/// A draft as its author sees it in a list, with the client's name and
/// whether it has waited too long to be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftListed {
    pub draft: SessionDraft,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub author_name: Option<String>,
    pub stale: bool,
}

/// A note found by searching, with the client's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFound {
    pub session: SessionRecordId,
    pub client: ClientId,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub held_on: String,
}

impl UnlockedUnit {
    /// A client's signed records as this account may read them: a
    /// confidential record's notes and concerns are withheld (left empty)
    /// from anyone but its author and managers.
    pub(crate) fn session_records_for(&self, client: ClientId) -> CoreResult<Vec<SessionRecord>> {
        let mut records = store::session_records::for_client(&self.conn, client)?;
        for record in &mut records {
            self.withhold_confidential(record);
        }
        Ok(records)
    }

    /// A client's tasks as this account may read them: an action agreed in
    /// a confidential session says what it is only to the session's author,
    /// managers and whoever the task now belongs to, since what a client
    /// agreed to do can say as much as the note.
    pub(crate) fn tasks_for(&self, client: ClientId) -> CoreResult<Vec<Task>> {
        let withheld: Vec<SessionRecordId> =
            store::session_records::for_client(&self.conn, client)?
                .into_iter()
                .filter(|r| r.confidential && !self.may_read_confidential(r.author))
                .map(|r| r.id)
                .collect();
        let mut tasks = store::tasks::for_client(&self.conn, client)?;
        for task in &mut tasks {
            let from_withheld = task.session.is_some_and(|s| withheld.contains(&s));
            if from_withheld && task.owner != self.account.id {
                task.what = CONFIDENTIAL_ACTION.to_owned();
            }
        }
        Ok(tasks)
    }

    /// Empties what a confidential record says (its notes, concerns and
    /// the text of its addenda, which correct or add to the notes) unless
    /// this account may read it; who wrote what, and when, stays.
    fn withhold_confidential(&self, record: &mut SessionRecord) {
        if record.confidential && !self.may_read_confidential(record.author) {
            record.notes = String::new();
            record.concerns = None;
            for addendum in &mut record.addenda {
                addendum.text = String::new();
            }
        }
    }

    /// Saves what is typed so far, whatever it holds; returns the draft.
    /// Called every few seconds while someone writes, so it is one small
    /// transaction and is not audited (signing off is).
    pub fn save_session_draft(
        &mut self,
        draft: Option<SessionDraftId>,
        client: ClientId,
        form: SessionForm,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SessionDraft> {
        self.require_full_access_to(client, SESSIONS_FORBIDDEN)?;
        let now = clock.now().to_rfc3339();
        let existing = match draft {
            Some(id) => store::session_records::find_draft(&self.conn, id)?,
            None => None,
        };
        let saved = match existing {
            Some(existing) => {
                if existing.author != self.account.id || existing.client != client {
                    return Err(CoreError::forbidden(
                        "change a draft someone else is writing",
                    ));
                }
                SessionDraft {
                    form,
                    saved_at: now,
                    ..existing
                }
            }
            None => SessionDraft {
                id: draft.unwrap_or_else(|| SessionDraftId(new_uuid_v7(clock, entropy))),
                client,
                author: self.account.id,
                form,
                started_at: now.clone(),
                saved_at: now,
            },
        };
        let tx = store::begin(&mut self.conn, "save the draft")?;
        store::session_records::save_draft(&tx, &saved)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the draft",
        )?;
        Ok(saved)
    }

    /// Throws a draft away (its author only).
    pub fn discard_session_draft(&mut self, id: SessionDraftId) -> CoreResult<()> {
        self.require_case_role()?;
        let draft = self.own_draft(id)?;
        let tx = store::begin(&mut self.conn, "discard the draft")?;
        store::session_records::delete_draft(&tx, draft.id)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "discard the draft",
        )
    }

    fn own_draft(&self, id: SessionDraftId) -> CoreResult<SessionDraft> {
        let draft = store::session_records::find_draft(&self.conn, id)?.ok_or_else(|| {
            CoreError::invalid("That draft is not on this computer any more: it may have been signed off or discarded.")
        })?;
        if draft.author != self.account.id {
            return Err(CoreError::forbidden(
                "sign off or discard someone else's draft",
            ));
        }
        Ok(draft)
    }

    /// Drafts on this computer that this account should know of: its own,
    /// and for a manager everyone's that have waited more than 7 days.
    pub fn session_drafts(&self, now: NaiveDateTime) -> CoreResult<Vec<DraftListed>> {
        self.require_case_role()?;
        let manager = self.is_manager();
        let staff = self.staff_names()?;
        let mut listed = Vec::new();
        for draft in store::session_records::drafts(&self.conn)? {
            let started = chrono::DateTime::parse_from_rfc3339(&draft.started_at)
                .map(|t| t.naive_utc())
                .unwrap_or(now);
            let stale = (now - started).num_days() >= STALE_DRAFT_DAYS;
            let mine = draft.author == self.account.id;
            if !(mine || manager && stale) {
                continue;
            }
            let Some(client) = store::clients::find(&self.conn, draft.client)? else {
                continue;
            };
            listed.push(DraftListed {
                author_name: staff
                    .get(&draft.author)
                    .map(|s| s.full_name.as_str().to_owned()),
                given_name: client.given_name,
                family_name: client.family_name,
                stale,
                draft,
            });
        }
        Ok(listed)
    }

    /// Signs off a draft: checks it, saves the record (read-only from now
    /// on), makes a task of each action agreed, and removes the draft, all
    /// in one transaction. The draft stays as it was if anything is wrong.
    pub fn sign_session_record(
        &mut self,
        draft: SessionDraftId,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SessionRecord> {
        let draft = self.own_draft(draft)?;
        self.require_full_access_to(draft.client, SESSIONS_FORBIDDEN)?;
        let session = SignedSession::parse(&draft.form, clock.local_now())?;
        let appointment = match draft.form.appointment_id.trim() {
            "" => None,
            text => {
                let id = AppointmentId::parse(text)?;
                match store::appointments::find(&self.conn, id)? {
                    Some(found) if found.client == draft.client => Some(id),
                    _ => {
                        return Err(CoreError::invalid(
                            "The appointment this record was written for is not this client's any more. Clear it and sign again.",
                        ));
                    }
                }
            }
        };
        let id = SessionRecordId(new_uuid_v7(clock, entropy));
        let task_ids: Vec<TaskId> = session
            .actions
            .iter()
            .map(|_| TaskId(new_uuid_v7(clock, entropy)))
            .collect();
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({
            "pathways": session.pathways.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            "actions": session.actions.len(),
            "confidential": session.confidential,
        });
        let audit = self.audit_record(
            AuditAction::SessionRecordSigned,
            Some(draft.client),
            &detail,
            clock,
            entropy,
        );
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "sign off the session record")?;
        store::session_records::insert(&tx, stamp, id, draft.client, appointment, me, &session)?;
        // Every action is followed up by the keyworker who agreed it, so it
        // sits on their list whoever is to carry it out.
        for (task, action) in task_ids.iter().zip(&session.actions) {
            store::tasks::insert(
                &tx,
                stamp,
                *task,
                draft.client,
                Some(id),
                None,
                me,
                me,
                action,
            )?;
        }
        store::session_records::delete_draft(&tx, draft.id)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "sign off the session record",
        )?;
        store::session_records::find(&self.conn, id)?
            .ok_or_else(|| CoreError::internal(&"a signed record that did not save"))
    }

    /// Adds a correction or addition to a signed record, with who and
    /// when; the record itself never changes. `id` may name a draft by
    /// mistake, which is refused with what to do instead.
    pub fn add_session_addendum(
        &mut self,
        id: &str,
        text: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SessionRecord> {
        self.require_case_role()?;
        let record = match SessionRecordId::parse(id) {
            Ok(record) => store::session_records::find(&self.conn, record)?,
            Err(_) => None,
        };
        let Some(record) = record else {
            let is_draft = SessionDraftId::parse(id)
                .ok()
                .map(|draft| store::session_records::find_draft(&self.conn, draft))
                .transpose()?
                .flatten()
                .is_some();
            return Err(CoreError::invalid(if is_draft {
                "This record is still a draft: change the draft itself. Addenda are for records already signed off."
            } else {
                "That session record is not in this unit. Look at the client's page again."
            }));
        };
        self.require_full_access_to(record.client, SESSIONS_FORBIDDEN)?;
        let text = parse_addendum(text)?;
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({});
        let audit = self.audit_record(
            AuditAction::SessionAddendumAdded,
            Some(record.client),
            &detail,
            clock,
            entropy,
        );
        let addendum = new_uuid_v7(clock, entropy);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the addendum")?;
        store::session_records::insert_addendum(&tx, stamp, addendum, &record, me, &text)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the addendum",
        )?;
        let mut saved = store::session_records::find(&self.conn, record.id)?
            .ok_or_else(|| CoreError::internal(&"an addendum to a record that went"))?;
        self.withhold_confidential(&mut saved);
        Ok(saved)
    }

    /// Signed notes matching the words, on clients this account may read
    /// whole, leaving out confidential notes it may not see.
    pub fn search_session_notes(&self, words: &str) -> CoreResult<Vec<NoteFound>> {
        self.require_case_role()?;
        let mut found = Vec::new();
        for (session, client) in store::session_records::search_notes(&self.conn, words, 200)? {
            let Some(record) = store::session_records::find(&self.conn, session)? else {
                continue;
            };
            if record.confidential && !self.may_read_confidential(record.author) {
                continue;
            }
            let Some(client) = store::clients::find(&self.conn, client)? else {
                continue;
            };
            if !matches!(
                self.access_to(&client),
                ClientAccess::Full | ClientAccess::ReadOnly
            ) {
                continue;
            }
            found.push(NoteFound {
                session,
                client: client.id,
                given_name: client.given_name,
                family_name: client.family_name,
                held_on: record.held_on,
            });
            if found.len() == 50 {
                break;
            }
        }
        Ok(found)
    }

    /// The templates in use, for anyone writing a session.
    pub fn session_templates(&self) -> CoreResult<Vec<SessionTemplate>> {
        self.require_case_role()?;
        store::session_templates::in_use(&self.conn)
    }

    /// Saves a template (managers only): a new one when `id` is `None`.
    #[allow(clippy::too_many_arguments)]
    pub fn save_session_template(
        &mut self,
        id: Option<SessionTemplateId>,
        name: &str,
        pathways: &[String],
        interventions: &[String],
        notes: &str,
        retired: bool,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<SessionTemplate>> {
        self.require_manager("change session templates (managers can)")?;
        let name = crate::domain::free_text::parse_free_text(
            name,
            3,
            80,
            "Give the template a name of at least three characters.",
        )?;
        let codes = |list: &[String], parse: fn(&str) -> CoreResult<&'static str>| {
            list.iter()
                .map(|code| parse(code).map(str::to_owned))
                .collect::<CoreResult<Vec<String>>>()
        };
        let template = SessionTemplate {
            id: id.unwrap_or_else(|| SessionTemplateId(new_uuid_v7(clock, entropy))),
            name,
            pathways: codes(pathways, |c| Pathway::parse(c).map(Pathway::as_str))?,
            interventions: codes(interventions, |c| {
                Intervention::parse(c).map(Intervention::as_str)
            })?,
            notes: crate::domain::free_text::parse_free_text(notes, 0, 5000, "")?,
        };
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "retired": retired });
        let audit = self.audit_record(
            AuditAction::SessionTemplateSaved,
            None,
            &detail,
            clock,
            entropy,
        );
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the template")?;
        store::session_templates::save(&tx, stamp, &template, retired, me)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the template",
        )?;
        store::session_templates::in_use(&self.conn)
    }
}

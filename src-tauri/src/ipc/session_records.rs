//! Session records: the form as typed, drafts kept on this computer,
//! signed records with their addenda, note search and session templates.
//! Pathways and interventions cross as the core's snake_case codes.

use casebook_core::casework::session_records::{DraftListed, NoteFound};
use casebook_core::domain::session_records::{ActionForm, SessionForm};
use casebook_core::store::session_records::{SessionDraft, SessionRecord};
use casebook_core::store::session_templates::SessionTemplate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionFormDto {
    pub what: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// The session form as typed: every field text, so a draft holds anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionFormDto {
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
    pub actions: Vec<ActionFormDto>,
}

impl SessionFormDto {
    pub fn from_form(f: &SessionForm) -> SessionFormDto {
        SessionFormDto {
            appointment_id: f.appointment_id.clone(),
            held_on: f.held_on.clone(),
            starts_at: f.starts_at.clone(),
            minutes: f.minutes.clone(),
            place: f.place.clone(),
            present: f.present.clone(),
            pathways: f.pathways.clone(),
            interventions: f.interventions.clone(),
            notes: f.notes.clone(),
            concerns: f.concerns.clone(),
            confidential: f.confidential,
            actions: f
                .actions
                .iter()
                .map(|a| ActionFormDto {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    partner_agency: a.partner_agency.clone(),
                    due_on: a.due_on.clone(),
                })
                .collect(),
        }
    }

    pub fn to_form(&self) -> SessionForm {
        SessionForm {
            appointment_id: self.appointment_id.clone(),
            held_on: self.held_on.clone(),
            starts_at: self.starts_at.clone(),
            minutes: self.minutes.clone(),
            place: self.place.clone(),
            present: self.present.clone(),
            pathways: self.pathways.clone(),
            interventions: self.interventions.clone(),
            notes: self.notes.clone(),
            concerns: self.concerns.clone(),
            confidential: self.confidential,
            actions: self
                .actions
                .iter()
                .map(|a| ActionForm {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    partner_agency: a.partner_agency.clone(),
                    due_on: a.due_on.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveDraftRequest {
    /// Absent for a new draft; the UI may also make the id itself.
    pub draft_id: Option<String>,
    pub client_id: String,
    pub form: SessionFormDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDraftDto {
    pub id: String,
    pub client_id: String,
    pub form: SessionFormDto,
    /// RFC 3339.
    pub started_at: String,
    pub saved_at: String,
}

impl SessionDraftDto {
    pub fn from_draft(d: &SessionDraft) -> SessionDraftDto {
        SessionDraftDto {
            id: d.id.to_string(),
            client_id: d.client.to_string(),
            form: SessionFormDto::from_form(&d.form),
            started_at: d.started_at.clone(),
            saved_at: d.saved_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftListedDto {
    pub draft: SessionDraftDto,
    pub given_name: String,
    pub family_name: String,
    pub author_id: String,
    pub author_name: Option<String>,
    /// Waiting more than 7 days to be signed off.
    pub stale: bool,
}

impl DraftListedDto {
    pub fn from_listed(d: &DraftListed) -> DraftListedDto {
        DraftListedDto {
            draft: SessionDraftDto::from_draft(&d.draft),
            given_name: d.given_name.as_str().to_owned(),
            family_name: d.family_name.as_str().to_owned(),
            author_id: d.draft.author.to_string(),
            author_name: d.author_name.clone(),
            stale: d.stale,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddendumDto {
    pub text: String,
    pub written_by: Option<String>,
    /// RFC 3339.
    pub written_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionRecordDto {
    pub id: String,
    pub client_id: String,
    pub appointment_id: Option<String>,
    pub held_on: String,
    pub starts_at: String,
    pub minutes: u32,
    pub place: String,
    pub present: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    /// Empty when the record is confidential and this account may not
    /// read it (`withheld`).
    pub notes: String,
    pub concerns: Option<String>,
    pub confidential: bool,
    pub withheld: bool,
    pub author_name: Option<String>,
    /// RFC 3339.
    pub signed_at: String,
    pub addenda: Vec<AddendumDto>,
}

impl SessionRecordDto {
    pub fn from_record(r: &SessionRecord) -> SessionRecordDto {
        SessionRecordDto {
            id: r.id.to_string(),
            client_id: r.client.to_string(),
            appointment_id: r.appointment.map(|a| a.to_string()),
            held_on: r.held_on.clone(),
            starts_at: r.starts_at.clone(),
            minutes: r.minutes,
            place: r.place.clone(),
            present: r.present.clone(),
            pathways: r.pathways.clone(),
            interventions: r.interventions.clone(),
            notes: r.notes.clone(),
            concerns: r.concerns.clone(),
            confidential: r.confidential,
            withheld: r.confidential && r.notes.is_empty(),
            author_name: r.author_name.clone(),
            signed_at: r.signed_at.clone(),
            addenda: r
                .addenda
                .iter()
                .map(|a| AddendumDto {
                    text: a.text.clone(),
                    written_by: a.written_by.clone(),
                    written_at: a.written_at.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignSessionRequest {
    pub draft_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddendumRequest {
    pub session_id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchNotesRequest {
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteFoundDto {
    pub session_id: String,
    pub client_id: String,
    pub given_name: String,
    pub family_name: String,
    pub held_on: String,
}

impl NoteFoundDto {
    pub fn from_found(n: &NoteFound) -> NoteFoundDto {
        NoteFoundDto {
            session_id: n.session.to_string(),
            client_id: n.client.to_string(),
            given_name: n.given_name.as_str().to_owned(),
            family_name: n.family_name.as_str().to_owned(),
            held_on: n.held_on.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionTemplateDto {
    pub id: String,
    pub name: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
}

impl SessionTemplateDto {
    pub fn from_template(t: &SessionTemplate) -> SessionTemplateDto {
        SessionTemplateDto {
            id: t.id.to_string(),
            name: t.name.clone(),
            pathways: t.pathways.clone(),
            interventions: t.interventions.clone(),
            notes: t.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveTemplateRequest {
    /// Absent for a new template.
    pub template_id: Option<String>,
    pub name: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
    pub retired: bool,
}

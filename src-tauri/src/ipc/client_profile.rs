//! The rest of a client's record: other names, contact and place, access
//! needs and equality monitoring, and the closed lists its answers come
//! from (sent by the core, so the UI never keeps its own copy).

use casebook_core::domain::client_profile::{
    ARMED_FORCES_STATUSES, Choices, ClientProfile, ClientProfileText, DISABILITY_ANSWERS,
    ETHNICITIES, LOCAL_AUTHORITY_AREAS, Postcode, RELIGIONS, SEXUAL_ORIENTATIONS,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The profile as entered and as shown: blank strings are "not recorded".
/// Closed answers are codes from `ProfileChoicesDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientProfileDto {
    pub other_names: Vec<String>,
    pub pronouns: String,
    pub address: String,
    pub postcode: String,
    pub local_authority: String,
    pub phone: String,
    pub safe_contact_times: String,
    /// `yes`, `no` or blank.
    pub letters_home: String,
    pub preferred_language: String,
    pub needs_interpreter: bool,
    pub reasonable_adjustments: String,
    pub needs_literacy_support: bool,
    pub ethnicity: String,
    pub religion: String,
    pub sexual_orientation: String,
    pub disability: String,
    pub armed_forces: String,
}

impl ClientProfileDto {
    pub fn from_profile(profile: &ClientProfile) -> ClientProfileDto {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        ClientProfileDto {
            other_names: profile.other_names.clone(),
            pronouns: text(&profile.pronouns),
            address: text(&profile.address),
            postcode: profile
                .postcode
                .as_ref()
                .map(Postcode::as_str)
                .unwrap_or_default()
                .to_owned(),
            local_authority: text(&profile.local_authority),
            phone: text(&profile.phone),
            safe_contact_times: text(&profile.safe_contact_times),
            letters_home: match profile.letters_home {
                Some(true) => "yes".to_owned(),
                Some(false) => "no".to_owned(),
                None => String::new(),
            },
            preferred_language: text(&profile.preferred_language),
            needs_interpreter: profile.needs_interpreter,
            reasonable_adjustments: text(&profile.reasonable_adjustments),
            needs_literacy_support: profile.needs_literacy_support,
            ethnicity: text(&profile.ethnicity),
            religion: text(&profile.religion),
            sexual_orientation: text(&profile.sexual_orientation),
            disability: text(&profile.disability),
            armed_forces: text(&profile.armed_forces),
        }
    }

    /// Borrowed as the core's unchecked input; `other_names` is joined one
    /// a line, as a person would type them.
    pub fn as_text<'a>(&'a self, other_names: &'a str) -> ClientProfileText<'a> {
        ClientProfileText {
            other_names,
            pronouns: &self.pronouns,
            address: &self.address,
            postcode: &self.postcode,
            local_authority: &self.local_authority,
            phone: &self.phone,
            safe_contact_times: &self.safe_contact_times,
            letters_home: &self.letters_home,
            preferred_language: &self.preferred_language,
            needs_interpreter: self.needs_interpreter,
            reasonable_adjustments: &self.reasonable_adjustments,
            needs_literacy_support: self.needs_literacy_support,
            ethnicity: &self.ethnicity,
            religion: &self.religion,
            sexual_orientation: &self.sexual_orientation,
            disability: &self.disability,
            armed_forces: &self.armed_forces,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientProfileRequest {
    pub client_id: String,
    pub profile: ClientProfileDto,
}

/// One answer of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceDto {
    pub code: String,
    pub label: String,
}

/// The closed lists of the profile's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileChoicesDto {
    pub local_authorities: Vec<ChoiceDto>,
    pub ethnicities: Vec<ChoiceDto>,
    pub religions: Vec<ChoiceDto>,
    pub sexual_orientations: Vec<ChoiceDto>,
    pub disability: Vec<ChoiceDto>,
    pub armed_forces: Vec<ChoiceDto>,
}

impl ProfileChoicesDto {
    pub fn from_core() -> ProfileChoicesDto {
        let list = |choices: Choices| {
            choices
                .iter()
                .map(|(code, label)| ChoiceDto {
                    code: (*code).to_owned(),
                    label: (*label).to_owned(),
                })
                .collect()
        };
        ProfileChoicesDto {
            local_authorities: list(LOCAL_AUTHORITY_AREAS),
            ethnicities: list(ETHNICITIES),
            religions: list(RELIGIONS),
            sexual_orientations: list(SEXUAL_ORIENTATIONS),
            disability: list(DISABILITY_ANSWERS),
            armed_forces: list(ARMED_FORCES_STATUSES),
        }
    }
}

//! Identifiers of rows and things. All are UUIDv7, wrapped so that a client's
//! id cannot be passed where an account's is expected.

use std::fmt;

use crate::error::{CoreError, CoreResult};

macro_rules! uuid_identifier {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub fn parse(text: &str) -> CoreResult<$name> {
                uuid::Uuid::try_parse(text.trim())
                    .map($name)
                    .map_err(|_| CoreError::invalid(concat!("That is not a valid ", $what, " identifier.")))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_identifier!(
    /// A unit: one team's set of case records, shared by its devices.
    UnitId, "unit"
);
uuid_identifier!(
    /// One installation of Casebook holding a copy of a unit.
    DeviceId, "device"
);
uuid_identifier!(
    /// A staff account.
    AccountId, "account"
);
uuid_identifier!(
    /// A client (a person the service works with).
    ClientId, "client"
);
uuid_identifier!(
    /// A key slot: one wrapping of the unit key.
    SlotId, "key slot"
);
uuid_identifier!(
    /// A safety flag on a client.
    SafetyFlagId, "safety flag"
);
uuid_identifier!(
    /// A cohort flag on a client.
    CohortFlagId, "cohort flag"
);
uuid_identifier!(
    /// A client's episode with the service, opened by a referral.
    EpisodeId, "episode"
);
uuid_identifier!(
    /// An appointment with a client.
    AppointmentId, "appointment"
);
uuid_identifier!(
    /// A signed session record.
    SessionRecordId, "session record"
);
uuid_identifier!(
    /// A draft of a session record, on this computer only.
    SessionDraftId, "session draft"
);
uuid_identifier!(
    /// A task: an action agreed with a client, with an owner and a due date.
    TaskId, "task"
);
uuid_identifier!(
    /// A signed seven pathways assessment.
    AssessmentId, "assessment"
);
uuid_identifier!(
    /// A draft of an assessment, on this computer only.
    AssessmentDraftId, "assessment draft"
);
uuid_identifier!(
    /// A goal of a client's support plan.
    PlanGoalId, "plan goal"
);
uuid_identifier!(
    /// A template for a common kind of session.
    SessionTemplateId, "session template"
);

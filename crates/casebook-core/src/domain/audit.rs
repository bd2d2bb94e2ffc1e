//! The audit trail's entries and the hash chain that makes tampering show.
//!
//! Each device keeps its own chain: every entry holds the hash of the entry
//! its device wrote before it, and its own hash covers every field and that
//! link. Editing an entry breaks its hash; deleting or reordering entries
//! breaks a link. Chains are per device so that devices which were apart
//! never have to agree on one order: sync only ever adds whole chains'
//! entries, and each chain can still be checked on its own.

use crate::domain::dates::parse_day;
use sha2::{Digest, Sha256};

/// The link before a device's first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened. Stored as its snake_case name, so names never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    UnitCreated,
    SignedIn,
    SignInFailed,
    Locked,
    ViewedCaseload,
    ClientCreated,
    AccountCreated,
    AccountDisabled,
    AccountEnabled,
    PasswordChanged,
    /// An account made before accounts had keys of their own got them.
    AccountKeysMade,
    RecoveredWithKey,
    RecoveryKeyIssued,
    SignInReleased,
    ViewedAuditTrail,
    CheckedAuditTrail,
    ExportedAuditTrail,
    ViewedClient,
    BrokeGlass,
    SearchedUnit,
    ClientUpdated,
    ClientAllocated,
    UnitSettingsChanged,
    RagReviewed,
    SafetyFlagRaised,
    SafetyFlagReviewed,
    SafetyFlagEnded,
    CohortFlagSet,
    CohortFlagRemoved,
    OgrsRecorded,
    ConsentRecorded,
    RoleChanged,
    ReferralReceived,
    ReferralPickedUp,
    ReferralEnded,
    EpisodeClosed,
    ClientsMerged,
    SharedFolderConnected,
    JoinedFromSharedFolder,
    ChangesResolved,
    ComputerApproved,
    ComputerWithdrawn,
    ClientDeleted,
    AppointmentBooked,
    AppointmentMoved,
    AppointmentOutcomeRecorded,
    SessionRecordSigned,
    SessionAddendumAdded,
    TaskChanged,
    ProbationNoticeRecorded,
    SessionTemplateSaved,
    AssessmentSigned,
    AssessmentAddendumAdded,
    PlanGoalSaved,
    ViewedCohortOutcomes,
    ChartExported,
    ChangesRefused,
    ViewedRefusedChanges,
}

impl AuditAction {
    pub const ALL: [AuditAction; 58] = [
        AuditAction::UnitCreated,
        AuditAction::SignedIn,
        AuditAction::SignInFailed,
        AuditAction::Locked,
        AuditAction::ViewedCaseload,
        AuditAction::ClientCreated,
        AuditAction::AccountCreated,
        AuditAction::AccountDisabled,
        AuditAction::AccountEnabled,
        AuditAction::PasswordChanged,
        AuditAction::AccountKeysMade,
        AuditAction::RecoveredWithKey,
        AuditAction::RecoveryKeyIssued,
        AuditAction::SignInReleased,
        AuditAction::ViewedAuditTrail,
        AuditAction::CheckedAuditTrail,
        AuditAction::ExportedAuditTrail,
        AuditAction::ViewedClient,
        AuditAction::BrokeGlass,
        AuditAction::SearchedUnit,
        AuditAction::ClientUpdated,
        AuditAction::ClientAllocated,
        AuditAction::UnitSettingsChanged,
        AuditAction::RagReviewed,
        AuditAction::SafetyFlagRaised,
        AuditAction::SafetyFlagReviewed,
        AuditAction::SafetyFlagEnded,
        AuditAction::CohortFlagSet,
        AuditAction::CohortFlagRemoved,
        AuditAction::OgrsRecorded,
        AuditAction::ConsentRecorded,
        AuditAction::RoleChanged,
        AuditAction::ReferralReceived,
        AuditAction::ReferralPickedUp,
        AuditAction::ReferralEnded,
        AuditAction::EpisodeClosed,
        AuditAction::ClientsMerged,
        AuditAction::SharedFolderConnected,
        AuditAction::JoinedFromSharedFolder,
        AuditAction::ChangesResolved,
        AuditAction::ComputerApproved,
        AuditAction::ComputerWithdrawn,
        AuditAction::ClientDeleted,
        AuditAction::AppointmentBooked,
        AuditAction::AppointmentMoved,
        AuditAction::AppointmentOutcomeRecorded,
        AuditAction::SessionRecordSigned,
        AuditAction::SessionAddendumAdded,
        AuditAction::TaskChanged,
        AuditAction::ProbationNoticeRecorded,
        AuditAction::SessionTemplateSaved,
        AuditAction::AssessmentSigned,
        AuditAction::AssessmentAddendumAdded,
        AuditAction::PlanGoalSaved,
        AuditAction::ViewedCohortOutcomes,
        AuditAction::ChartExported,
        AuditAction::ChangesRefused,
        AuditAction::ViewedRefusedChanges,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::UnitCreated => "unit_created",
            AuditAction::SignedIn => "signed_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::Locked => "locked",
            AuditAction::ViewedCaseload => "viewed_caseload",
            AuditAction::ClientCreated => "client_created",
            AuditAction::AccountCreated => "account_created",
            AuditAction::AccountDisabled => "account_disabled",
            AuditAction::AccountEnabled => "account_enabled",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::AccountKeysMade => "account_keys_made",
            AuditAction::RecoveredWithKey => "recovered_with_key",
            AuditAction::RecoveryKeyIssued => "recovery_key_issued",
            AuditAction::SignInReleased => "sign_in_released",
            AuditAction::ViewedAuditTrail => "viewed_audit_trail",
            AuditAction::CheckedAuditTrail => "checked_audit_trail",
            AuditAction::ExportedAuditTrail => "exported_audit_trail",
            AuditAction::ViewedClient => "viewed_client",
            AuditAction::BrokeGlass => "broke_glass",
            AuditAction::SearchedUnit => "searched_unit",
            AuditAction::ClientUpdated => "client_updated",
            AuditAction::ClientAllocated => "client_allocated",
            AuditAction::UnitSettingsChanged => "unit_settings_changed",
            AuditAction::RagReviewed => "rag_reviewed",
            AuditAction::SafetyFlagRaised => "safety_flag_raised",
            AuditAction::SafetyFlagReviewed => "safety_flag_reviewed",
            AuditAction::SafetyFlagEnded => "safety_flag_ended",
            AuditAction::CohortFlagSet => "cohort_flag_set",
            AuditAction::CohortFlagRemoved => "cohort_flag_removed",
            AuditAction::OgrsRecorded => "ogrs_recorded",
            AuditAction::ConsentRecorded => "consent_recorded",
            AuditAction::RoleChanged => "role_changed",
            AuditAction::ReferralReceived => "referral_received",
            AuditAction::ReferralPickedUp => "referral_picked_up",
            AuditAction::ReferralEnded => "referral_ended",
            AuditAction::EpisodeClosed => "episode_closed",
            AuditAction::ClientsMerged => "clients_merged",
            AuditAction::SharedFolderConnected => "shared_folder_connected",
            AuditAction::JoinedFromSharedFolder => "joined_from_shared_folder",
            AuditAction::ChangesResolved => "changes_resolved",
            AuditAction::ComputerApproved => "computer_approved",
            AuditAction::ComputerWithdrawn => "computer_withdrawn",
            AuditAction::ClientDeleted => "client_deleted",
            AuditAction::AppointmentBooked => "appointment_booked",
            AuditAction::AppointmentMoved => "appointment_moved",
            AuditAction::AppointmentOutcomeRecorded => "appointment_outcome_recorded",
            AuditAction::SessionRecordSigned => "session_record_signed",
            AuditAction::SessionAddendumAdded => "session_addendum_added",
            AuditAction::TaskChanged => "task_changed",
            AuditAction::ProbationNoticeRecorded => "probation_notice_recorded",
            AuditAction::SessionTemplateSaved => "session_template_saved",
            AuditAction::AssessmentSigned => "assessment_signed",
            AuditAction::AssessmentAddendumAdded => "assessment_addendum_added",
            AuditAction::PlanGoalSaved => "plan_goal_saved",
            AuditAction::ViewedCohortOutcomes => "viewed_cohort_outcomes",
            AuditAction::ChartExported => "chart_exported",
            AuditAction::ChangesRefused => "changes_refused",
            AuditAction::ViewedRefusedChanges => "viewed_refused_changes",
        }
    }

    pub fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL
            .into_iter()
            .find(|action| action.as_str() == text)
    }
}

/// One entry as stored, with its place in the table and its links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub id: String,
    pub at: String,
    pub device_id: String,
    pub account_id: Option<String>,
    pub action: String,
    pub client_id: Option<String>,
    /// JSON: which fields changed, a reason, never the values themselves
    /// where a name would do.
    pub detail: String,
    pub previous_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over every field and the link, each field
/// prefixed with its length so no two different entries hash the same text.
pub fn entry_hash(entry: &AuditEntry) -> String {
    let mut hasher = Sha256::new();
    let fields = [
        entry.previous_hash.as_str(),
        entry.id.as_str(),
        entry.at.as_str(),
        entry.device_id.as_str(),
        entry.account_id.as_deref().unwrap_or(""),
        entry.action.as_str(),
        entry.client_id.as_deref().unwrap_or(""),
        entry.detail.as_str(),
    ];
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// What checking the chains found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainVerdict {
    /// Every link holds.
    Intact { entries: usize },
    /// The first entry, in table order, whose hash or link is wrong.
    Broken { seq: i64, reason: String },
}

/// Walks every device's chain in table order and reports the first broken
/// link. `entries` must be in ascending `seq` order.
pub fn verify_chains(entries: &[AuditEntry]) -> ChainVerdict {
    let mut last_hash_by_device: std::collections::HashMap<&str, &str> =
        std::collections::HashMap::new();
    let mut previous_seq = i64::MIN;
    for entry in entries {
        if entry.seq <= previous_seq {
            return ChainVerdict::Broken {
                seq: entry.seq,
                reason: "entries are out of order".to_owned(),
            };
        }
        previous_seq = entry.seq;
        if entry_hash(entry) != entry.hash {
            return ChainVerdict::Broken {
                seq: entry.seq,
                reason: "the entry was changed after it was written".to_owned(),
            };
        }
        let expected = last_hash_by_device
            .get(entry.device_id.as_str())
            .copied()
            .unwrap_or(GENESIS_HASH);
        if entry.previous_hash != expected {
            return ChainVerdict::Broken {
                seq: entry.seq,
                reason: "an entry before this one was removed, added or moved".to_owned(),
            };
        }
        last_hash_by_device.insert(entry.device_id.as_str(), entry.hash.as_str());
    }
    ChainVerdict::Intact {
        entries: entries.len(),
    }
}

/// Which audit entries a person asked to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub account: Option<super::ids::AccountId>,
    pub client: Option<super::ids::ClientId>,
    pub action: Option<AuditAction>,
    /// First day included (UTC).
    pub from: Option<chrono::NaiveDate>,
    /// Last day included (UTC).
    pub to: Option<chrono::NaiveDate>,
}

impl AuditFilter {
    /// Checks a filter as typed: an account id, a client id, an action name
    /// and two `YYYY-MM-DD` dates, each optional.
    pub fn parse(
        account: Option<&str>,
        client: Option<&str>,
        action: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> crate::error::CoreResult<AuditFilter> {
        use crate::error::CoreError;
        let present = |t: Option<&str>| {
            t.map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        let date = |t: Option<String>, which: &str| {
            t.map(|t| {
                parse_day(&t).map_err(|_| {
                    CoreError::invalid(format!("The {which} date is not a real date. Use year-month-day, for example 2026-11-25."))
                })
            })
            .transpose()
        };
        let filter = AuditFilter {
            account: present(account)
                .map(|a| super::ids::AccountId::parse(&a))
                .transpose()?,
            client: present(client)
                .map(|c| super::ids::ClientId::parse(&c))
                .transpose()?,
            action: present(action)
                .map(|a| {
                    AuditAction::parse(&a).ok_or_else(|| {
                        CoreError::invalid("That is not an action the audit trail records.")
                    })
                })
                .transpose()?,
            from: date(present(from), "from")?,
            to: date(present(to), "to")?,
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            return Err(CoreError::invalid("The from date is after the to date."));
        }
        Ok(filter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A known answer, worked out by a separate SHA-256 over the same
    /// length-prefixed fields (Python's `hashlib`) when this test was
    /// written. If it fails, every existing unit's audit trail would stop
    /// verifying: a new hash needs a new version beside this one.
    #[test]
    fn an_entry_hashes_to_its_known_answer() {
        let entry = AuditEntry {
            seq: 1,
            id: "01a25150-0000-7000-8000-000000000001".to_owned(),
            at: "2026-12-07T10:00:00Z".to_owned(),
            device_id: "01a25150-0000-7000-8000-0000000000d1".to_owned(),
            account_id: Some("01a25150-0000-7000-8000-0000000000a1".to_owned()),
            action: "signed_in".to_owned(),
            client_id: None,
            detail: r#"{"reason":"test"}"#.to_owned(),
            previous_hash: "0".repeat(64),
            hash: String::new(),
        };
        assert_eq!(
            entry_hash(&entry),
            "50b358e517480aa28f3707093df2844a61dae8dae9a82db5bc32a8a9a88eb066"
        );
    }

    fn chain(devices: &[&str]) -> Vec<AuditEntry> {
        let mut last: std::collections::HashMap<String, String> = Default::default();
        devices
            .iter()
            .enumerate()
            .map(|(i, device)| {
                let mut entry = AuditEntry {
                    seq: i as i64 + 1,
                    id: format!("id-{i}"),
                    at: format!("2026-11-25T10:00:{i:02}Z"),
                    device_id: (*device).to_owned(),
                    account_id: Some("acct".to_owned()),
                    action: "signed_in".to_owned(),
                    client_id: None,
                    detail: "{}".to_owned(),
                    previous_hash: last
                        .get(*device)
                        .cloned()
                        .unwrap_or_else(|| GENESIS_HASH.to_owned()),
                    hash: String::new(),
                };
                entry.hash = entry_hash(&entry);
                last.insert((*device).to_owned(), entry.hash.clone());
                entry
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_of_interleaved_devices_is_intact() {
        let entries = chain(&["a", "b", "a", "a", "b"]);
        assert_eq!(verify_chains(&entries), ChainVerdict::Intact { entries: 5 });
    }

    #[test]
    fn an_edit_a_deletion_and_a_swap_are_each_found_at_the_right_entry() {
        let entries = chain(&["a", "a", "a", "a"]);
        let mut edited = entries.clone();
        edited[1].action = "locked".to_owned();
        assert!(matches!(
            verify_chains(&edited),
            ChainVerdict::Broken { seq: 2, .. }
        ));

        let mut deleted = entries.clone();
        deleted.remove(1);
        assert!(matches!(
            verify_chains(&deleted),
            ChainVerdict::Broken { seq: 3, .. }
        ));

        let mut swapped = entries.clone();
        swapped.swap(1, 2);
        swapped[1].seq = 2;
        swapped[2].seq = 3;
        assert!(matches!(
            verify_chains(&swapped),
            ChainVerdict::Broken { seq: 2, .. }
        ));
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let mut a = chain(&["a"]).remove(0);
        let mut b = a.clone();
        a.detail = "xy".to_owned();
        a.client_id = Some(String::new());
        b.detail = "y".to_owned();
        b.client_id = Some("x".to_owned());
        assert_ne!(entry_hash(&a), entry_hash(&b));
    }

    #[test]
    fn action_names_round_trip() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
        }
    }
}

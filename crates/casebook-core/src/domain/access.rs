//! How much of one client's record a signed-in account may see and change.
//! The rule lives here, pure, so that every operation on a client asks the
//! same question and a test can try every role against it.

use super::account::{Account, CaseRole};
use super::ids::AccountId;
use super::unit_settings::UnitSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientAccess {
    /// Read and change the whole record: a manager, or the keyworker the
    /// client is allocated to.
    Full,
    /// Read the whole record, change nothing: another keyworker of the unit,
    /// while the unit lets keyworkers see each other's clients.
    ReadOnly,
    /// The partner summary: identity, cohort flags, RAG, keyworker, next
    /// appointment and compliance; never session notes or anything marked
    /// confidential.
    Summary,
    /// Outside this keyworker's access: opening the record needs a reason,
    /// and is then read-only, flagged and audited (break-glass).
    NeedsReason,
    /// A partner whose agency the client withdrew consent for: nothing.
    Withheld,
    /// No client data at all: an account that only administers.
    None,
}

impl ClientAccess {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientAccess::Full => "full",
            ClientAccess::ReadOnly => "read_only",
            ClientAccess::Summary => "summary",
            ClientAccess::NeedsReason => "needs_reason",
            ClientAccess::Withheld => "withheld",
            ClientAccess::None => "none",
        }
    }

    /// Whether the client appears in this account's caseload list.
    pub fn is_listed(self) -> bool {
        matches!(
            self,
            ClientAccess::Full | ClientAccess::ReadOnly | ClientAccess::Summary
        )
    }
}

/// Who a client is allocated to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allocation {
    pub keyworker: Option<AccountId>,
    /// A second worker on the case, with the same access as the keyworker.
    pub co_worker: Option<AccountId>,
}

impl Allocation {
    pub fn includes(&self, account: AccountId) -> bool {
        self.keyworker == Some(account) || self.co_worker == Some(account)
    }
}

/// Whether a client who asked for a keyworker of the same sex has one who
/// may not be: the genders differ, or either is not recorded (so nobody can
/// say it is met). Casebook warns; a manager decides.
pub fn same_sex_request_unmet(
    wants_same_sex_keyworker: bool,
    client_gender: Option<&str>,
    keyworker_gender: Option<&str>,
) -> bool {
    wants_same_sex_keyworker
        && match (client_gender, keyworker_gender) {
            (Some(client), Some(keyworker)) => client != keyworker,
            _ => true,
        }
}

/// `consent_withdrawn` says whether the client's latest decision for the
/// account's agency is a withdrawal (it matters only for partners).
pub fn client_access(
    account: &Account,
    allocation: Allocation,
    consent_withdrawn: bool,
    settings: &UnitSettings,
) -> ClientAccess {
    match account.case_role {
        None => ClientAccess::None,
        Some(CaseRole::Manager) => ClientAccess::Full,
        Some(CaseRole::Partner)
            if consent_withdrawn && !settings.partners_keep_summary_after_withdrawal =>
        {
            ClientAccess::Withheld
        }
        Some(CaseRole::Partner) => ClientAccess::Summary,
        Some(CaseRole::Keyworker) if allocation.includes(account.id) => ClientAccess::Full,
        Some(CaseRole::Keyworker) if settings.keyworkers_see_other_clients => {
            ClientAccess::ReadOnly
        }
        Some(CaseRole::Keyworker) => ClientAccess::NeedsReason,
    }
}

/// A break-glass reason: enough words that a reviewer can judge it later.
pub fn parse_break_glass_reason(text: &str) -> crate::error::CoreResult<String> {
    super::free_text::parse_free_text(
        text,
        10,
        500,
        "Say why you need to open this record (at least 10 characters). The reason is kept in the audit trail.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::names::{PersonName, Username};

    fn account(case_role: Option<CaseRole>, n: u128) -> Account {
        Account {
            id: AccountId(uuid::Uuid::from_u128(n)),
            username: Username::parse("kim").unwrap(),
            full_name: PersonName::parse("Kim", "full name").unwrap(),
            agency: "Police".to_owned(),
            case_role,
            administrator: case_role.is_none(),
            gender: None,
            must_change_password: false,
            disabled: false,
        }
    }

    #[test]
    fn every_role_against_own_others_and_unallocated_clients() {
        let open = UnitSettings::default();
        let hidden = UnitSettings {
            keyworkers_see_other_clients: false,
            ..open
        };
        let me = AccountId(uuid::Uuid::from_u128(1));
        let other = AccountId(uuid::Uuid::from_u128(2));
        let keyworker = account(Some(CaseRole::Keyworker), 1);
        let to = |keyworker, co_worker| Allocation {
            keyworker,
            co_worker,
        };
        let cases = [
            (to(Some(me), None), open, ClientAccess::Full),
            (to(Some(other), None), open, ClientAccess::ReadOnly),
            (to(None, None), open, ClientAccess::ReadOnly),
            (to(Some(me), None), hidden, ClientAccess::Full),
            (to(Some(other), Some(me)), hidden, ClientAccess::Full),
            (to(Some(other), None), hidden, ClientAccess::NeedsReason),
            (to(None, None), hidden, ClientAccess::NeedsReason),
        ];
        for (allocation, settings, expected) in cases {
            assert_eq!(
                client_access(&keyworker, allocation, false, &settings),
                expected
            );
        }
        for settings in [open, hidden] {
            for keyworker in [Some(me), Some(other), None] {
                let allocated = Allocation {
                    keyworker,
                    co_worker: None,
                };
                assert_eq!(
                    client_access(
                        &account(Some(CaseRole::Manager), 1),
                        allocated,
                        true,
                        &settings
                    ),
                    ClientAccess::Full
                );
                assert_eq!(
                    client_access(
                        &account(Some(CaseRole::Partner), 1),
                        allocated,
                        false,
                        &settings
                    ),
                    ClientAccess::Summary
                );
                assert_eq!(
                    client_access(&account(None, 1), allocated, false, &settings),
                    ClientAccess::None
                );
            }
        }
    }

    #[test]
    fn a_withdrawal_of_consent_hides_the_client_from_that_agency_unless_the_unit_keeps_it() {
        let partner = account(Some(CaseRole::Partner), 1);
        let mut settings = UnitSettings::default();
        let none = Allocation::default();
        assert_eq!(
            client_access(&partner, none, true, &settings),
            ClientAccess::Withheld
        );
        assert!(!ClientAccess::Withheld.is_listed());
        settings.partners_keep_summary_after_withdrawal = true;
        assert_eq!(
            client_access(&partner, none, true, &settings),
            ClientAccess::Summary
        );
        let keyworker = account(Some(CaseRole::Keyworker), 1);
        assert_eq!(
            client_access(&keyworker, none, true, &UnitSettings::default()),
            ClientAccess::ReadOnly,
            "consent is about partner agencies"
        );
    }

    #[test]
    fn a_same_sex_request_is_met_only_by_a_recorded_match() {
        assert!(!same_sex_request_unmet(false, Some("woman"), Some("man")));
        assert!(!same_sex_request_unmet(true, Some("woman"), Some("woman")));
        assert!(same_sex_request_unmet(true, Some("woman"), Some("man")));
        assert!(same_sex_request_unmet(true, Some("woman"), None));
        assert!(same_sex_request_unmet(true, None, Some("woman")));
    }

    #[test]
    fn a_break_glass_reason_must_say_something() {
        assert!(parse_break_glass_reason("   urgent ").is_err());
        assert!(parse_break_glass_reason(&"x".repeat(501)).is_err());
        assert_eq!(
            parse_break_glass_reason(" Police call about a missing person ").unwrap(),
            "Police call about a missing person"
        );
    }
}

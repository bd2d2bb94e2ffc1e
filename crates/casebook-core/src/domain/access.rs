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

pub fn client_access(
    account: &Account,
    allocated_keyworker: Option<AccountId>,
    settings: &UnitSettings,
) -> ClientAccess {
    match account.case_role {
        None => ClientAccess::None,
        Some(CaseRole::Manager) => ClientAccess::Full,
        Some(CaseRole::Partner) => ClientAccess::Summary,
        Some(CaseRole::Keyworker) if allocated_keyworker == Some(account.id) => ClientAccess::Full,
        Some(CaseRole::Keyworker) if settings.keyworkers_see_other_clients => {
            ClientAccess::ReadOnly
        }
        Some(CaseRole::Keyworker) => ClientAccess::NeedsReason,
    }
}

/// A break-glass reason: enough words that a reviewer can judge it later.
pub fn parse_break_glass_reason(text: &str) -> crate::error::CoreResult<String> {
    let reason = text.trim();
    if reason.chars().count() < 10 {
        return Err(crate::error::CoreError::invalid(
            "Say why you need to open this record (at least 10 characters). The reason is kept in the audit trail.",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(crate::error::CoreError::invalid(
            "Keep the reason under 500 characters.",
        ));
    }
    Ok(reason.to_owned())
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
        let cases = [
            (&keyworker, Some(me), open, ClientAccess::Full),
            (&keyworker, Some(other), open, ClientAccess::ReadOnly),
            (&keyworker, None, open, ClientAccess::ReadOnly),
            (&keyworker, Some(me), hidden, ClientAccess::Full),
            (&keyworker, Some(other), hidden, ClientAccess::NeedsReason),
            (&keyworker, None, hidden, ClientAccess::NeedsReason),
        ];
        for (who, allocated, settings, expected) in cases {
            assert_eq!(client_access(who, allocated, &settings), expected);
        }
        for settings in [open, hidden] {
            for allocated in [Some(me), Some(other), None] {
                assert_eq!(
                    client_access(&account(Some(CaseRole::Manager), 1), allocated, &settings),
                    ClientAccess::Full
                );
                assert_eq!(
                    client_access(&account(Some(CaseRole::Partner), 1), allocated, &settings),
                    ClientAccess::Summary
                );
                assert_eq!(
                    client_access(&account(None, 1), allocated, &settings),
                    ClientAccess::None
                );
            }
        }
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

//! Staff accounts: who they are, what case role they hold, and whether they
//! administer the unit. Roles are enforced here in the core; the UI only
//! hides what a role cannot do.

use super::ids::AccountId;
use super::names::{PersonName, Username};
use crate::error::{CoreError, CoreResult};

/// What an account may do with client records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRole {
    /// Works with clients one to one.
    Keyworker,
    /// The whole unit: allocation, reports, the audit trail.
    Manager,
    /// Police or probation staff in the unit: a summary of each client.
    Partner,
}

impl CaseRole {
    pub const ALL: [CaseRole; 3] = [CaseRole::Keyworker, CaseRole::Manager, CaseRole::Partner];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseRole::Keyworker => "keyworker",
            CaseRole::Manager => "manager",
            CaseRole::Partner => "partner",
        }
    }

    pub fn parse(text: &str) -> Option<CaseRole> {
        CaseRole::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

/// The `role` column's value for an account with no case role: it
/// administers the unit and sees no client data.
pub const ADMINISTRATION_ONLY: &str = "administrator";

/// Agencies whose staff share a unit's workstations.
pub const AGENCIES: [&str; 5] = [
    "Casebook charity service",
    "Police",
    "Probation",
    "Council",
    "Other",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub username: Username,
    pub full_name: PersonName,
    pub agency: String,
    pub case_role: Option<CaseRole>,
    pub administrator: bool,
    /// For requests for a keyworker of the same sex; optional.
    pub gender: Option<String>,
    pub must_change_password: bool,
    pub disabled: bool,
}

impl Account {
    pub fn can_see_clients(&self) -> bool {
        self.case_role.is_some()
    }

    pub fn can_add_clients(&self) -> bool {
        matches!(
            self.case_role,
            Some(CaseRole::Keyworker | CaseRole::Manager)
        )
    }

    pub fn can_read_audit_trail(&self) -> bool {
        self.administrator || self.case_role == Some(CaseRole::Manager)
    }
}

/// What an administrator enters to add an account, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub username: Username,
    pub full_name: PersonName,
    pub agency: String,
    pub case_role: Option<CaseRole>,
    pub administrator: bool,
    pub gender: Option<String>,
}

/// Genders an account may record, for same-sex keyworker requests.
pub const GENDERS: [&str; 3] = ["woman", "man", "non-binary"];

impl NewAccount {
    pub fn parse(
        username: &str,
        full_name: &str,
        agency: &str,
        case_role: Option<CaseRole>,
        administrator: bool,
        gender: Option<&str>,
    ) -> CoreResult<NewAccount> {
        let username = Username::parse(username)?;
        let full_name = PersonName::parse(full_name, "full name")?;
        let agency = agency.trim();
        if !AGENCIES.contains(&agency) {
            return Err(CoreError::invalid(format!(
                "Choose an agency: {}.",
                AGENCIES.join(", ")
            )));
        }
        if case_role.is_none() && !administrator {
            return Err(CoreError::invalid(
                "An account needs a case role, or to be an administrator, or both.",
            ));
        }
        let gender = match gender.map(str::trim).filter(|g| !g.is_empty()) {
            None => None,
            Some(g) if GENDERS.contains(&g) => Some(g.to_owned()),
            Some(_) => {
                return Err(CoreError::invalid(format!(
                    "Gender can be left blank or be one of: {}.",
                    GENDERS.join(", ")
                )));
            }
        };
        Ok(NewAccount {
            username,
            full_name,
            agency: agency.to_owned(),
            case_role,
            administrator,
            gender,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_needs_some_role() {
        let error =
            NewAccount::parse("kw1", "Kim Worker", "Police", None, false, None).unwrap_err();
        assert!(error.message.contains("case role"));
        assert!(
            NewAccount::parse(
                "kw1",
                "Kim Worker",
                "Police",
                Some(CaseRole::Partner),
                false,
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn unknown_agencies_and_genders_are_refused() {
        assert!(
            NewAccount::parse("kw1", "Kim", "MI5", Some(CaseRole::Keyworker), false, None).is_err()
        );
        assert!(
            NewAccount::parse(
                "kw1",
                "Kim",
                "Council",
                Some(CaseRole::Keyworker),
                false,
                Some("robot")
            )
            .is_err()
        );
    }

    #[test]
    fn what_each_role_may_do() {
        let mut account = Account {
            id: AccountId(uuid::Uuid::nil()),
            username: Username::parse("kim").unwrap(),
            full_name: PersonName::parse("Kim", "full name").unwrap(),
            agency: "Police".to_owned(),
            case_role: None,
            administrator: true,
            gender: None,
            must_change_password: false,
            disabled: false,
        };
        assert!(!account.can_see_clients() && account.can_read_audit_trail());
        account.administrator = false;
        account.case_role = Some(CaseRole::Partner);
        assert!(
            account.can_see_clients()
                && !account.can_add_clients()
                && !account.can_read_audit_trail()
        );
        account.case_role = Some(CaseRole::Manager);
        assert!(account.can_add_clients() && account.can_read_audit_trail());
    }
}

/// A member of staff as the caseload names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: AccountId,
    pub full_name: PersonName,
}

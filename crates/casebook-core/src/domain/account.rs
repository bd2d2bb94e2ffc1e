//! Staff accounts and their roles. Roles are enforced in the core; this
//! issue has the administrator only, and the rest arrive with the accounts
//! work.

use super::ids::AccountId;
use super::names::{PersonName, Username};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Administrator,
    Manager,
    Keyworker,
    Partner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Manager => "manager",
            Role::Keyworker => "keyworker",
            Role::Partner => "partner",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        [
            Role::Administrator,
            Role::Manager,
            Role::Keyworker,
            Role::Partner,
        ]
        .into_iter()
        .find(|role| role.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub username: Username,
    pub full_name: PersonName,
    pub role: Role,
}

//! The access guards every feature asks before it reads or changes
//! anything: one place for who may do what. Each guard refuses with
//! `forbidden` and a message that finishes "Your account cannot …", and
//! every guard first refuses an account that still has its one-time
//! password. What an account may do with one client is the pure rule
//! `domain::access::client_access`; the guards here read what that rule
//! needs (the client's allocation, consent for a partner's agency) and ask
//! it.
//!
//! A feature never reads the signed-in account's role itself: it asks a
//! guard here (`tests/architecture.rs`,
//! `roles_are_read_only_by_the_access_guards`). A rule about one record
//! rather than a role (a draft is its author's, a task is its owner's)
//! stays beside its action.

use std::collections::HashSet;

use crate::domain::access::{Allocation, ClientAccess, client_access};
use crate::domain::account::CaseRole;
use crate::domain::client::Client;
use crate::domain::ids::{AccountId, ClientId};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::store;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Refuses everything but choosing a password while the account still
    /// has its one-time password.
    pub(crate) fn require_own_password(&self) -> CoreResult<()> {
        if self.account.must_change_password {
            return Err(CoreError::new(
                ErrorCode::PasswordChangeRequired,
                "Choose your own password first: the one you signed in with was for one use only.",
            ));
        }
        Ok(())
    }

    pub(crate) fn require_case_role(&self) -> CoreResult<()> {
        self.require_own_password()?;
        if self.account.can_see_clients() {
            Ok(())
        } else {
            Err(CoreError::forbidden(
                "see client records (it is for administration only)",
            ))
        }
    }

    /// Refuses unless this account has full access to the client (their
    /// keyworker or co-worker, or a manager). `what` finishes "Your account
    /// cannot …".
    pub(crate) fn require_full_access_to(&self, client: ClientId, what: &str) -> CoreResult<()> {
        self.client_with_full_access(client, what).map(drop)
    }

    /// The client, when this account has full access to them; otherwise a
    /// refusal. `what` finishes "Your account cannot …".
    pub(crate) fn client_with_full_access(
        &self,
        client: ClientId,
        what: &str,
    ) -> CoreResult<Client> {
        self.require_case_role()?;
        let client = self.find_client(client)?;
        if self.access_to(&client) == ClientAccess::Full {
            Ok(client)
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    /// Refuses unless this account holds a caseload: keyworkers and
    /// managers add clients and act on them; partners see a summary only.
    pub(crate) fn require_keyworker_or_manager(&self, what: &str) -> CoreResult<()> {
        self.require_own_password()?;
        if self.account.can_add_clients() {
            Ok(())
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    /// Refuses unless this account is a keyworker (break-glass is theirs:
    /// managers and partners see the whole unit already).
    pub(crate) fn require_keyworker(&self, what: &str) -> CoreResult<()> {
        self.require_own_password()?;
        if self.is_keyworker() {
            Ok(())
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    /// Whether this account is a manager, for what a manager sees more of
    /// (anyone's diary, every confidential note) rather than whether to go
    /// on.
    pub(crate) fn is_manager(&self) -> bool {
        self.account.case_role == Some(CaseRole::Manager)
    }

    /// Whether this account may see anything of a client (a name in the
    /// audit trail, a rating in an entry's detail): an account that only
    /// administers may not.
    pub(crate) fn may_see_client_data(&self) -> bool {
        self.account.can_see_clients()
    }

    /// Whether this account is a keyworker, for the caseload a keyworker
    /// starts on.
    pub(crate) fn is_keyworker(&self) -> bool {
        self.account.case_role == Some(CaseRole::Keyworker)
    }

    /// The client, or a plain refusal: a record merged into another says
    /// so, since someone may have its page open from before the merge.
    pub(crate) fn find_client(&self, id: ClientId) -> CoreResult<Client> {
        if let Some(client) = store::clients::find(&self.conn, id)? {
            return Ok(client);
        }
        if store::clients::merged_into(&self.conn, id)?.is_some() {
            return Err(CoreError::invalid(
                "This record was merged into another record of the same person. Find them again from the caseload.",
            ));
        }
        if store::client_deletions::is_client_deleted(&self.conn, id)? {
            return Err(CoreError::invalid(
                "This record was deleted as entered in error. Refresh the caseload.",
            ));
        }
        Err(store::clients::no_such_client())
    }

    /// What this account may do with `client`. For a partner this reads
    /// the client's consent for the partner's agency; if that read fails the
    /// answer is as if consent were withdrawn, so a fault shows less, never
    /// more.
    pub(crate) fn access_to(&self, client: &Client) -> ClientAccess {
        let withdrawn = self.account.case_role == Some(CaseRole::Partner)
            && self
                .clients_withdrawn_from_my_agency()
                .map_or(true, |withdrawn| withdrawn.contains(&client.id));
        self.access_given(client, withdrawn)
    }

    pub(crate) fn access_given(&self, client: &Client, consent_withdrawn: bool) -> ClientAccess {
        let allocation = Allocation {
            keyworker: client.keyworker,
            co_worker: client.co_worker,
        };
        client_access(&self.account, allocation, consent_withdrawn, &self.settings)
    }

    /// Clients who withdrew consent for this account's agency (read once for
    /// a whole list).
    pub(crate) fn clients_withdrawn_from_my_agency(&self) -> CoreResult<HashSet<ClientId>> {
        Ok(store::consent_decisions::withdrawn_by_client(&self.conn)?
            .into_iter()
            .filter(|(_, agencies)| agencies.contains(&self.account.agency))
            .map(|(client, _)| client)
            .collect())
    }

    /// Refuses unless this account is a manager. `what` finishes "Your
    /// account cannot …".
    pub(crate) fn require_manager(&self, what: &str) -> CoreResult<()> {
        self.require_own_password()?;
        if self.is_manager() {
            Ok(())
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    pub(crate) fn require_administrator(&self, what: &str) -> CoreResult<()> {
        self.require_own_password()?;
        if self.account.administrator {
            Ok(())
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    pub(crate) fn require_audit_reader(&self) -> CoreResult<()> {
        self.require_own_password()?;
        if self.account.can_read_audit_trail() {
            Ok(())
        } else {
            Err(CoreError::forbidden("read the audit trail"))
        }
    }

    /// Managers and administrators decide about the unit's computers and
    /// connect it to a shared folder.
    pub(crate) fn may_decide_about_computers(&self) -> bool {
        self.account.administrator || self.is_manager()
    }

    pub(crate) fn require_computer_decider(&self, what: &str) -> CoreResult<()> {
        self.require_own_password()?;
        if self.may_decide_about_computers() {
            Ok(())
        } else {
            Err(CoreError::forbidden(what))
        }
    }

    /// Whether this account may read a confidential note of `author`'s:
    /// its author, and managers. Partners never get this far (they see
    /// the summary only).
    pub(crate) fn may_read_confidential(&self, author: AccountId) -> bool {
        author == self.account.id || self.is_manager()
    }
}

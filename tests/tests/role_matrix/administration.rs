//! Rows for one's own sign-in and password, and for administering the
//! unit: its settings, accounts, recovery and the audit trail.

use crate::common::{hide_other_clients, no_filter, sign_in};
use crate::requests::{exported, json};
use crate::{ADMINISTRATORS, EVERYONE, OVERSIGHT, On, Row, row};
use casebook::commands;
use casebook::ipc::{
    CaseRoleDto, ChangePasswordRequest, ErrorCodeDto, NewAccountRequest, RoleChangeRequest,
};

/// Signing out and changing one's own password.
#[rustfmt::skip]
pub(crate) fn own_account() -> Vec<Row> {
    vec![
        // Signing out and one's own password: every account.
        row("lock", On::Unit, EVERYONE, |c| {
            commands::lock(c.s)?;
            let locked = crate::whole_caseload(c.s).unwrap_err();
            assert_eq!(locked.code, ErrorCodeDto::Locked);
            json(commands::unlock(c.s, &sign_in(c.username, &c.password.borrow())))
        }),
        row("change_password", On::Unit, EVERYONE, |c| {
            let current = c.password.borrow().clone();
            let new = if current.ends_with("again") {
                current.trim_end_matches(" again").to_owned()
            } else {
                format!("{current} again")
            };
            let request = ChangePasswordRequest { current_password: current, new_password: new.clone() };
            let answer = json(commands::change_password(c.s, &request))?;
            *c.password.borrow_mut() = new;
            Ok(answer)
        }),
    ]
}

/// The unit's settings, accounts, recovery and the audit trail.
#[rustfmt::skip]
pub(crate) fn rows() -> Vec<Row> {
    vec![
        // The unit's settings: everyone reads them (the idle lock applies
        // to all); administrators change them.
        row("unit_settings", On::Unit, EVERYONE, |c| json(commands::unit_settings(c.s))),
        row("change_unit_settings", On::Unit, ADMINISTRATORS, |c| json(commands::change_unit_settings(c.s, &hide_other_clients()))),
        // Accounts and recovery.
        row("issue_recovery_key", On::Unit, ADMINISTRATORS, |c| json(commands::issue_recovery_key(c.s))),
        row("list_accounts", On::Unit, ADMINISTRATORS, |c| json(commands::list_accounts(c.s))),
        row("add_account", On::Unit, ADMINISTRATORS, |c| {
            let request = NewAccountRequest {
                username: format!("extra{}", c.username),
                full_name: "Extra Person".to_owned(),
                agency: "Council".to_owned(),
                case_role: Some(CaseRoleDto::Partner),
                administrator: false,
                gender: None,
            };
            json(commands::add_account(c.s, &request))
        }),
        row("disable_account", On::Unit, ADMINISTRATORS, |c| json(commands::disable_account(c.s, &c.t.spare_account))),
        row("enable_account", On::Unit, ADMINISTRATORS, |c| json(commands::enable_account(c.s, &c.t.spare_account))),
        row("change_account_role", On::Unit, ADMINISTRATORS, |c| {
            // The spare account becomes a partner: only whether the change
            // is allowed matters here.
            let request = RoleChangeRequest { account_id: c.t.spare_account.clone(), case_role: Some(CaseRoleDto::Partner), administrator: false };
            json(commands::change_account_role(c.s, &request))
        }),
        row("release_sign_in", On::Unit, ADMINISTRATORS, |c| json(commands::release_sign_in(c.s, "someone"))),
        // The audit trail names the client of each entry for a manager; an
        // administration-only account gets the entries without the names.
        // An export answers with the file's contents, so they are checked too.
        row("audit_trail", On::Unit, OVERSIGHT, |c| json(commands::audit_trail(c.s, &no_filter(), &0))),
        row("verify_audit_trail", On::Unit, OVERSIGHT, |c| json(commands::verify_audit_trail(c.s))),
        row("export_audit_csv", On::Unit, OVERSIGHT, |c| exported(commands::export_audit_csv(c.s, &no_filter()))),
        row("export_audit_csv_to_share", On::Unit, OVERSIGHT, |c| exported(commands::export_audit_csv_to_share(c.s, &no_filter()))),
    ]
}

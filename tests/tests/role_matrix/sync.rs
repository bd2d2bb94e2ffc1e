//! Rows for syncing: this computer's share and other computers, and the
//! items a change from another computer leaves to resolve.

use crate::May::{No, Reaches, Reason, Yes};
use crate::Roles;
use crate::requests::json;
use crate::{ADMINISTRATORS, CASE_ROLES, CASEWORK, EVERYONE, OVERSIGHT, On, Row, row};
use casebook::commands;
use casebook::ipc::{
    ConnectShareRequest, ContestedSubjectDto, ResolveRequest, WithdrawComputerRequest,
};

/// Syncing, computers and resolving what two computers changed.
#[rustfmt::skip]
pub(crate) fn rows() -> Vec<Row> {
    vec![
        // Sync: every account's computer syncs; only managers and
        // administrators connect it or decide about other computers.
        row("sync_status", On::Unit, EVERYONE, |c| json(commands::sync_status(c.s))),
        row("sync_now", On::Unit, EVERYONE, |c| json(commands::sync_now(c.s))),
        row("connect_shared_folder", On::Unit, OVERSIGHT, |c| {
            json(commands::connect_shared_folder(c.s, &ConnectShareRequest { folder: c.t.share.clone() }))
        }),
        row("computers", On::Unit, OVERSIGHT, |c| json(commands::computers(c.s))),
        // Refused changes are for administrators, who answer for accounts
        // and computers.
        row("refused_changes", On::Unit, ADMINISTRATORS, |c| json(commands::refused_changes(c.s))),
        // A second computer is needed to approve or withdraw one for real.
        row("approve_computer", On::Unit, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: Reaches, admin: Reaches }, |c| {
            json(commands::approve_computer(c.s, "0190f5b2-7c1d-7000-8000-000000000001"))
        }),
        row("withdraw_computer", On::Unit, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: Reaches, admin: Reaches }, |c| {
            let request = WithdrawComputerRequest {
                device: "0190f5b2-7c1d-7000-8000-000000000001".to_owned(),
                reason: "The laptop was stolen from a car".to_owned(),
            };
            json(commands::withdraw_computer(c.s, &request))
        }),
        // Resolve items show case notes: the unit's list holds only clients
        // the account has full access to (a partner's is empty); a client's
        // list is for those who may read the whole record, and is audited.
        row("resolve_items", On::Unit, CASE_ROLES, |c| json(commands::resolve_items(c.s))),
        row("resolve_items_of_client", On::Own, CASEWORK, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        // (The keyworker has not yet opened this client with a reason: that
        // row comes later, and another row of this command after it.)
        row("resolve_items_of_client", On::Other, Roles { keyworker: Reason, manager: Yes, partner: No, admin_only: No, admin: Yes }, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        row("resolve_items_of_client", On::Withdrawn, CASEWORK, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        // Nothing is contested without a second computer; those who may
        // choose get past the access check (choosing is in the core's
        // sync_resolve_items tests).
        row("resolve", On::Own, Roles { keyworker: Reaches, manager: Reaches, partner: No, admin_only: No, admin: Reaches }, |c| {
            let request = ResolveRequest {
                subject: ContestedSubjectDto::Rag,
                subject_id: c.client.to_owned(),
                chosen: "0190f5b2-7c1d-7000-8000-000000000002".to_owned(),
            };
            json(commands::resolve(c.s, &request))
        }),
        row("resolve", On::Other, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: No, admin: Reaches }, |c| {
            let request = ResolveRequest {
                subject: ContestedSubjectDto::Rag,
                subject_id: c.client.to_owned(),
                chosen: "0190f5b2-7c1d-7000-8000-000000000002".to_owned(),
            };
            json(commands::resolve(c.s, &request))
        }),
    ]
}

//! Applying one received bundle's changes, in the caller's transaction:
//! each change is judged by `domain::received_changes` first; a refused
//! change is kept aside (`store::refused_changes`) and never applied; the
//! rest are applied field by field (`store::sync_apply`), their client
//! stamps noted and merges followed; and the bundle is recorded in the
//! version vector. Reading and checking bundles, and the order they are
//! applied in, are `inbox.rs`.

use crate::clock::{Clock, HlcStamp};
use crate::domain::ids::DeviceId;
use crate::domain::received_changes::{self, ReceivedChange};
use crate::error::CoreResult;
use crate::store;
use crate::store::change_log::Change;
use crate::sync::bundle::OpenedBundle;

/// Applies one bundle's changes and records it in the version vector, in
/// the caller's transaction; returns the rows changed and its latest stamp.
pub(crate) fn apply_changes(
    tx: &rusqlite::Transaction<'_>,
    device: &DeviceId,
    bundle: &OpenedBundle,
    clock: &dyn Clock,
) -> CoreResult<Applied> {
    let mut changed = 0;
    let mut refused = 0;
    let mut latest = HlcStamp::default();
    let bundle_device = device.to_string();
    for (index, change) in bundle.changes.iter().enumerate() {
        if let Err(refusal) = received_changes::judge(&received_change(&bundle_device, change)) {
            store::refused_changes::keep(
                tx,
                &store::refused_changes::RefusedChange {
                    device: bundle_device.clone(),
                    bundle_sequence: bundle.header.sequence,
                    change_index: index,
                    change: change.clone(),
                    reason: refusal.as_str().to_owned(),
                    refused_at: clock.now().to_rfc3339(),
                },
            )?;
            refused += 1;
            continue;
        }
        let fields = store::sync_apply::apply_change(tx, change)?;
        store::client_change_stamps::note_change(
            tx,
            &change.table,
            &change.row_id,
            &change.row,
            &change.hlc,
            &change.device,
        )?;
        if !fields.is_empty() {
            changed += 1;
            store::client_merges::follow_merges(tx, &change.table, &change.row_id, &fields)?;
        }
        if let Some(stamp) = HlcStamp::decode(&change.hlc) {
            latest = latest.max(stamp);
        }
    }
    store::sync_apply::record_applied(
        tx,
        &device.to_string(),
        bundle.header.sequence,
        &bundle.hash,
        clock.now(),
    )?;
    store::sync_apply::record_acks(tx, &device.to_string(), &bundle.header.acks)?;
    Ok(Applied {
        changed,
        refused,
        latest,
    })
}

/// What applying one bundle, or several together, did.
pub(crate) struct Applied {
    /// Rows changed here (the rest were already outdone).
    pub(crate) changed: usize,
    /// Changes refused and kept aside.
    pub(crate) refused: usize,
    /// The latest stamp among the changes.
    pub(crate) latest: HlcStamp,
}

/// A change as the rules of `domain::received_changes` read it.
fn received_change<'a>(bundle_device: &'a str, change: &'a Change) -> ReceivedChange<'a> {
    ReceivedChange {
        bundle_device,
        change_device: &change.device,
        table: &change.table,
        operation: &change.operation,
        columns: change.columns.as_deref(),
        insert_only: store::tables::is_insert_only(&change.table),
        moves_with_a_merge: store::tables::belongs_to_one_client(&change.table),
        stamp_is_valid: HlcStamp::decode(&change.hlc).is_some(),
        audit_entry_device: (change.table == store::tables::AUDIT_LOG.name).then(|| {
            change
                .row
                .get("device_id")
                .and_then(|d| d.as_str())
                .unwrap_or("")
        }),
    }
}

/// The tables some bundles change, each once.
pub(crate) fn tables_of<'a>(bundles: &[&'a OpenedBundle]) -> Vec<&'a str> {
    let mut tables: Vec<&str> = bundles
        .iter()
        .flat_map(|bundle| bundle.changes.iter().map(|c| c.table.as_str()))
        .collect();
    tables.sort_unstable();
    tables.dedup();
    tables
}

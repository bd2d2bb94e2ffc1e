//! Sync through a shared folder (SYNC.md): the bundle file, sealed and
//! signed by the device that writes it and checked by every reader; sending
//! this device's changes to the share; receiving other devices' bundles,
//! checked, in order, and applied; connecting a unit to a share and joining
//! it from there on another computer; a copied unit taking its own
//! device identity; snapshots that a joining computer starts from; the unit's
//! computers as a manager sees them; and resolve items, the changes made
//! apart that need a person to choose; and the changes refused on receipt.

pub mod applying;
pub mod bundle;
pub mod computers;
pub mod device_copy;
pub mod inbox;
pub mod joining;
pub mod old_bundles;
pub mod outbox;
pub mod refused_changes;
pub mod resolve_items;
pub mod snapshot;
pub mod sync_now;

//! Sync through a shared folder (SYNC.md): the bundle file, sealed and
//! signed by the device that writes it and checked by every reader; sending
//! this device's changes to the share; receiving other devices' bundles,
//! checked, in order, and applied; connecting a unit to a share and joining
//! it from there on another computer; and a copied unit taking its own
//! device identity. Conflicts that need a person and snapshots come next.

pub mod bundle;
pub mod device_copy;
pub mod inbox;
pub mod joining;
pub mod old_bundles;
pub mod outbox;
pub mod snapshot;
pub mod sync_now;

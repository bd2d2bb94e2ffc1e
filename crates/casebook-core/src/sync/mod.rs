//! Sync through a shared folder (SYNC.md). So far: the bundle file, sealed
//! and signed by the device that writes it and checked by every reader, and
//! sending this device's changes to the share and reading other devices'
//! bundles back, checked and in order. Applying them comes next.

pub mod bundle;
pub mod inbox;
pub mod outbox;

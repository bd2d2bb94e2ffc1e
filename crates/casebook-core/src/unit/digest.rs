//! A read-only fingerprint of the whole open unit, for tests that show an
//! action refused changed nothing: every table's row count and contents,
//! the change log and the audit trail included.

use std::collections::BTreeMap;

use crate::error::CoreResult;
use crate::store::table_digest::{TableDigest, table_digests};
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Every table's fingerprint, by table name. Reads only; needs no role,
    /// and shows nothing of any record but how many rows there are.
    pub fn table_digests(&self) -> CoreResult<BTreeMap<String, TableDigest>> {
        table_digests(&self.conn)
    }
}

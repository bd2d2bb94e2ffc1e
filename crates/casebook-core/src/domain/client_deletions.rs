//! When a deleted client record stays deleted. A deletion keeps, for each
//! computer, the stamp of the latest change to the record it had seen. A
//! change it had not seen (made apart, on a computer that had not heard of
//! the deletion) beats it and the record comes back, so nothing entered is
//! lost. Each computer's stamps only grow, so "seen" is "no later than what
//! the deletion saw from that computer", and the answer depends only on the
//! changes and deletions held, never on the order they arrived in.

use std::collections::BTreeMap;

/// Computer → stamp of the latest change to one record from it.
pub type ChangeStamps = BTreeMap<String, String>;

/// Whether the record is deleted: some deletion saw every change to it.
pub fn is_deleted(changes: &ChangeStamps, deletions: &[ChangeStamps]) -> bool {
    deletions.iter().any(|seen| {
        changes
            .iter()
            .all(|(device, latest)| seen.get(device).is_some_and(|saw| latest <= saw))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamps(pairs: &[(&str, &str)]) -> ChangeStamps {
        pairs
            .iter()
            .map(|(d, h)| ((*d).to_owned(), (*h).to_owned()))
            .collect()
    }

    #[test]
    fn a_deletion_that_saw_every_change_stands() {
        let changes = stamps(&[("office", "05"), ("laptop", "03")]);
        assert!(is_deleted(
            &changes,
            &[stamps(&[("office", "05"), ("laptop", "04")])]
        ));
    }

    #[test]
    fn a_change_the_deletion_had_not_seen_brings_the_record_back() {
        // The laptop changed the record apart; its clock is behind the
        // office's, which must not matter.
        let changes = stamps(&[("office", "05"), ("laptop", "02")]);
        assert!(!is_deleted(&changes, &[stamps(&[("office", "05")])]));
        let later = stamps(&[("office", "06"), ("laptop", "01")]);
        assert!(!is_deleted(
            &later,
            &[stamps(&[("office", "05"), ("laptop", "01")])]
        ));
    }

    #[test]
    fn with_no_deletion_nothing_is_deleted() {
        assert!(!is_deleted(&stamps(&[("office", "01")]), &[]));
    }
}

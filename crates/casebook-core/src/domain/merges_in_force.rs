//! Which merges of client records stand, given every merge made on every
//! computer. Computers apart can merge two records into each other (A into B
//! on one, B into A on another), or round a loop of three or more. Such a
//! loop would leave no record to keep, so in each loop the merge made last
//! (by its clock stamp, then device) does not stand: the record it merged
//! away is the one kept, and the others stay merged into it. This depends
//! only on the merges, never on the order they arrived in, so every
//! computer that holds the same merges keeps the same records.

use std::collections::BTreeMap;

/// One merge as made: `merged` was merged into `into`, stamped `stamp`
/// (the clock stamp and device of the change, which order the same way
/// everywhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeMade {
    pub merged: String,
    pub into: String,
    pub stamp: (String, String),
}

/// The merges that stand: merged record → record it was merged into. Each
/// record is merged into at most one other (the latest merge of it wins, by
/// the per-field rule), so following them from any record either ends or
/// comes back round; what comes back round loses its latest merge.
pub fn merges_in_force(made: &[MergeMade]) -> BTreeMap<String, String> {
    let mut in_force: BTreeMap<String, String> = made
        .iter()
        .map(|m| (m.merged.clone(), m.into.clone()))
        .collect();
    let stamps: BTreeMap<&str, &(String, String)> =
        made.iter().map(|m| (m.merged.as_str(), &m.stamp)).collect();
    let starts: Vec<String> = in_force.keys().cloned().collect();
    for start in starts {
        let mut path = vec![start.clone()];
        while let Some(next) = in_force.get(&path[path.len() - 1]) {
            if let Some(back) = path.iter().position(|c| c == next) {
                // A loop: path[back..]. Undo the latest merge in it.
                let latest = path[back..]
                    .iter()
                    .max_by_key(|client| stamps.get(client.as_str()))
                    .cloned();
                if let Some(latest) = latest {
                    in_force.remove(&latest);
                }
                break;
            }
            path.push(next.clone());
        }
    }
    in_force
}

/// The record `client`'s rows belong with under `in_force`: the end of its
/// chain of merges, or `None` if it was not merged.
pub fn kept_record<'a>(in_force: &'a BTreeMap<String, String>, client: &str) -> Option<&'a str> {
    let mut current = in_force.get(client)?;
    // `in_force` has no loops, so a chain is at most as long as it.
    for _ in 0..in_force.len() {
        match in_force.get(current) {
            Some(next) => current = next,
            None => break,
        }
    }
    Some(current.as_str())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn merge(merged: &str, into: &str, at: &str) -> MergeMade {
        MergeMade {
            merged: merged.to_owned(),
            into: into.to_owned(),
            stamp: (at.to_owned(), "device".to_owned()),
        }
    }

    #[test]
    fn merges_without_a_loop_all_stand() {
        let made = [merge("a", "b", "1"), merge("b", "c", "2")];
        let in_force = merges_in_force(&made);
        assert_eq!(in_force.len(), 2);
        assert_eq!(kept_record(&in_force, "a"), Some("c"));
        assert_eq!(kept_record(&in_force, "c"), None);
    }

    #[test]
    fn in_a_loop_of_two_the_later_merge_is_undone() {
        let made = [merge("a", "b", "1"), merge("b", "a", "2")];
        let in_force = merges_in_force(&made);
        assert_eq!(kept_record(&in_force, "a"), Some("b"));
        assert_eq!(kept_record(&in_force, "b"), None);
    }

    #[test]
    fn in_a_loop_of_three_the_latest_merge_is_undone_whatever_the_order() {
        let made = vec![
            merge("a", "b", "1"),
            merge("b", "c", "3"),
            merge("c", "a", "2"),
            merge("d", "a", "0"),
        ];
        let mut reversed = made.clone();
        reversed.reverse();
        for made in [made, reversed] {
            let in_force = merges_in_force(&made);
            assert_eq!(
                kept_record(&in_force, "b"),
                None,
                "b's merge was the latest"
            );
            for client in ["a", "c", "d"] {
                assert_eq!(kept_record(&in_force, client), Some("b"));
            }
        }
    }
}

//! Resolve items: a safety-critical value (a client's RAG, their
//! allocation, a safety flag's state) that two computers changed while
//! apart, so that a person must choose which stands.
//!
//! Every change to such a value is kept as a version naming the versions it
//! replaced (those its computer held when the change was made). The latest
//! versions of a value, its *heads*, are those no other version replaced.
//! One head, or several that agree, is a settled value; heads that disagree
//! are a resolve item. Choosing writes one more version that replaces every
//! head. All of this is worked out from the set of versions alone, and sync
//! only ever adds versions, so every computer that holds the same versions
//! shows the same resolve items, whatever order they arrived in.

use std::collections::HashSet;

use crate::error::{CoreError, CoreResult};

/// Which kind of value a version is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContestedSubject {
    /// A client's RAG status; the subject id is the client's.
    Rag,
    /// A client's keyworker and co-worker; the subject id is the client's.
    Allocation,
    /// One safety flag's note, review date and whether it has ended; the
    /// subject id is the flag's.
    SafetyFlag,
    /// What happened at one appointment; the subject id is the
    /// appointment's.
    AppointmentOutcome,
}

impl ContestedSubject {
    pub const ALL: [ContestedSubject; 4] = [
        ContestedSubject::Rag,
        ContestedSubject::Allocation,
        ContestedSubject::SafetyFlag,
        ContestedSubject::AppointmentOutcome,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContestedSubject::Rag => "rag",
            ContestedSubject::Allocation => "allocation",
            ContestedSubject::SafetyFlag => "safety_flag",
            ContestedSubject::AppointmentOutcome => "appointment_outcome",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ContestedSubject> {
        ContestedSubject::ALL
            .into_iter()
            .find(|subject| subject.as_str() == text)
            .ok_or_else(|| {
                CoreError::invalid("That is not something Casebook asks people to resolve.")
            })
    }
}

/// One version of a value, as the resolve rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueVersion {
    pub id: String,
    /// The value as canonical JSON text: equal text is an equal value.
    pub value: String,
    /// The ids of the versions this one replaced.
    pub replaces: Vec<String>,
    /// Its clock stamp, which orders versions the same way on every device.
    pub hlc: String,
}

/// The versions of one value that no other version replaced, latest first.
pub fn heads(versions: &[ValueVersion]) -> Vec<&ValueVersion> {
    let replaced: HashSet<&str> = versions
        .iter()
        .flat_map(|version| version.replaces.iter().map(String::as_str))
        .collect();
    let mut heads: Vec<&ValueVersion> = versions
        .iter()
        .filter(|version| !replaced.contains(version.id.as_str()))
        .collect();
    heads.sort_by(|a, b| (&b.hlc, &b.id).cmp(&(&a.hlc, &a.id)));
    heads
}

/// Whether the heads disagree, so a person must choose.
pub fn is_contested(heads: &[&ValueVersion]) -> bool {
    heads
        .iter()
        .map(|head| head.value.as_str())
        .collect::<HashSet<_>>()
        .len()
        > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(id: &str, value: &str, replaces: &[&str], hlc: &str) -> ValueVersion {
        ValueVersion {
            id: id.to_owned(),
            value: value.to_owned(),
            replaces: replaces.iter().map(|r| (*r).to_owned()).collect(),
            hlc: hlc.to_owned(),
        }
    }

    #[test]
    fn a_chain_of_changes_has_one_head() {
        let versions = [
            version("a", "red", &[], "1"),
            version("b", "amber", &["a"], "2"),
            version("c", "green", &["b"], "3"),
        ];
        let heads = heads(&versions);
        assert_eq!(heads.len(), 1);
        assert_eq!(heads[0].id, "c");
        assert!(!is_contested(&heads));
    }

    #[test]
    fn changes_made_apart_from_the_same_start_are_contested_until_one_replaces_both() {
        let mut versions = vec![
            version("a", "amber", &[], "1"),
            version("b", "red", &["a"], "2"),
            version("c", "green", &["a"], "3"),
        ];
        let found = heads(&versions);
        assert_eq!(
            found.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ["c", "b"],
            "latest first"
        );
        assert!(is_contested(&found));
        versions.push(version("d", "red", &["b", "c"], "4"));
        assert!(!is_contested(&heads(&versions)));
    }

    #[test]
    fn changes_made_apart_that_agree_need_no_one() {
        let versions = [
            version("a", "amber", &[], "1"),
            version("b", "red", &["a"], "2"),
            version("c", "red", &["a"], "3"),
        ];
        let heads = heads(&versions);
        assert_eq!(heads.len(), 2);
        assert!(!is_contested(&heads));
    }

    #[test]
    fn the_order_versions_arrive_in_does_not_change_the_heads() {
        let mut versions = vec![
            version("a", "amber", &[], "1"),
            version("b", "red", &["a"], "2"),
            version("c", "green", &["a"], "3"),
            version("d", "amber", &["b"], "4"),
        ];
        let expected: Vec<String> = heads(&versions).iter().map(|h| h.id.clone()).collect();
        versions.reverse();
        let reversed: Vec<String> = heads(&versions).iter().map(|h| h.id.clone()).collect();
        assert_eq!(expected, reversed);
        assert_eq!(expected, ["d", "c"]);
    }
}

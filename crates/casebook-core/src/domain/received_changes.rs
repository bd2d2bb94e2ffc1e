//! Whether a change received from another computer may stand, judged from
//! the change itself and the bundle that carried it.
//!
//! The rules here are the ones no honest computer ever breaks, so a change
//! that breaks one was written by hand by someone holding a key: a change
//! always names the computer whose bundle carries it; an audit entry comes
//! only from the computer that made it; rows of an insert-only table (a RAG
//! review, a signed session record, a consent decision, …) are never
//! changed, except to follow their client into a merge; and no row is ever
//! removed by sync (a deletion is a row of its own); and a change's clock
//! stamp is one Casebook writes. A refused change is
//! never applied. The receiver keeps it aside and lists it for
//! administrators (`store::refused_changes`); it is not silently dropped.
//!
//! Every computer judges a change from the change alone, never from what
//! it happens to hold, so every computer refuses the same changes whatever
//! order bundles arrive in.

/// A received change, as much of it as the rules read.
#[derive(Debug, Clone, Copy)]
pub struct ReceivedChange<'a> {
    /// The computer whose bundle carries the change (its folder, its key).
    pub bundle_device: &'a str,
    /// The computer the change says made it.
    pub change_device: &'a str,
    pub table: &'a str,
    /// `insert` or `update`; anything else is refused.
    pub operation: &'a str,
    /// For an update, the fields it sets; `None` means every field.
    pub columns: Option<&'a [String]>,
    /// Whether rows of the table are only ever added (`store::tables`).
    pub insert_only: bool,
    /// Whether rows of the table belong to one client and so move with a
    /// merge (`store::tables`): the only change an insert-only row takes.
    pub moves_with_a_merge: bool,
    /// Whether the change's clock stamp is one Casebook writes
    /// (`HlcStamp::decode`).
    pub stamp_is_valid: bool,
    /// For an audit entry, the computer the entry says it was made on.
    pub audit_entry_device: Option<&'a str>,
}

/// The fields a change may set on a row of an insert-only table: the
/// client it belongs to, which follows a merge of two client records.
pub const FOLLOWS_A_MERGE: &str = "client_id";

/// Why a received change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The change names another computer than the one whose bundle holds it.
    NamesAnotherComputer,
    /// An audit entry claims to come from another computer.
    AuditEntryOfAnotherComputer,
    /// A row that is only ever added was changed.
    InsertOnlyChanged,
    /// A row was removed, or the change is of no kind Casebook writes.
    Removed,
    /// The change's clock stamp is not one Casebook writes.
    BadStamp,
}

impl Refusal {
    /// A stable name, for the list kept and for tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NamesAnotherComputer => "names_another_computer",
            Refusal::AuditEntryOfAnotherComputer => "audit_entry_of_another_computer",
            Refusal::InsertOnlyChanged => "insert_only_changed",
            Refusal::Removed => "removed",
            Refusal::BadStamp => "bad_stamp",
        }
    }

    pub fn parse(text: &str) -> Option<Refusal> {
        [
            Refusal::NamesAnotherComputer,
            Refusal::AuditEntryOfAnotherComputer,
            Refusal::InsertOnlyChanged,
            Refusal::Removed,
            Refusal::BadStamp,
        ]
        .into_iter()
        .find(|refusal| refusal.as_str() == text)
    }

    /// The reason in plain words, for an administrator.
    pub fn plain_words(self) -> &'static str {
        match self {
            Refusal::NamesAnotherComputer => {
                "the change claims to come from another computer than the one that sent it"
            }
            Refusal::AuditEntryOfAnotherComputer => {
                "audit entries can only come from the computer they were made on"
            }
            Refusal::InsertOnlyChanged => {
                "records of this kind are only ever added to, never changed"
            }
            Refusal::Removed => "Casebook never removes a record through sync",
            Refusal::BadStamp => "its time stamp is not one Casebook writes",
        }
    }
}

/// Whether the change may be applied.
pub fn judge(change: &ReceivedChange<'_>) -> Result<(), Refusal> {
    if change.change_device != change.bundle_device {
        return Err(Refusal::NamesAnotherComputer);
    }
    // A stamp that is not one Casebook writes would order as text against
    // every real one (and could win every later edit), so it never stands.
    if !change.stamp_is_valid {
        return Err(Refusal::BadStamp);
    }
    if change
        .audit_entry_device
        .is_some_and(|device| device != change.bundle_device)
    {
        return Err(Refusal::AuditEntryOfAnotherComputer);
    }
    match change.operation {
        // An honest insert carries no field list; one that does is applied
        // field by field, as an update is, and judged as one.
        "insert" if change.columns.is_none() => Ok(()),
        "insert" | "update" if !change.insert_only => Ok(()),
        "insert" | "update" => match change.columns {
            Some(columns)
                if change.moves_with_a_merge
                    && !columns.is_empty()
                    && columns.iter().all(|column| column == FOLLOWS_A_MERGE) =>
            {
                Ok(())
            }
            _ => Err(Refusal::InsertOnlyChanged),
        },
        _ => Err(Refusal::Removed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change<'a>(operation: &'a str, columns: Option<&'a [String]>) -> ReceivedChange<'a> {
        ReceivedChange {
            bundle_device: "A",
            change_device: "A",
            table: "rag_reviews",
            operation,
            columns,
            insert_only: true,
            moves_with_a_merge: true,
            stamp_is_valid: true,
            audit_entry_device: None,
        }
    }

    #[test]
    fn an_honest_computers_changes_stand() {
        assert_eq!(judge(&change("insert", None)), Ok(()));
        let moved = ["client_id".to_owned()];
        assert_eq!(judge(&change("update", Some(&moved))), Ok(()));
        let edit = ["reason".to_owned()];
        let mutable = ReceivedChange {
            insert_only: false,
            ..change("update", Some(&edit))
        };
        assert_eq!(judge(&mutable), Ok(()));
        let whole = ReceivedChange {
            insert_only: false,
            ..change("update", None)
        };
        assert_eq!(judge(&whole), Ok(()));
    }

    #[test]
    fn an_insert_only_row_is_never_changed_nor_any_row_removed() {
        let edit = ["rating".to_owned(), "client_id".to_owned()];
        assert_eq!(
            judge(&change("update", Some(&edit))),
            Err(Refusal::InsertOnlyChanged)
        );
        assert_eq!(
            judge(&change("update", None)),
            Err(Refusal::InsertOnlyChanged)
        );
        assert_eq!(judge(&change("delete", None)), Err(Refusal::Removed));
        let mutable = ReceivedChange {
            insert_only: false,
            ..change("delete", None)
        };
        assert_eq!(judge(&mutable), Err(Refusal::Removed));
        assert_eq!(judge(&change("upsert", None)), Err(Refusal::Removed));
        let rating = ["rating".to_owned()];
        assert_eq!(
            judge(&change("insert", Some(&rating))),
            Err(Refusal::InsertOnlyChanged)
        );
    }

    #[test]
    fn only_a_row_that_moves_with_a_merge_may_follow_one_and_only_by_its_client() {
        let moved = ["client_id".to_owned()];
        let never_moved = ReceivedChange {
            moves_with_a_merge: false,
            ..change("update", Some(&moved))
        };
        assert_eq!(judge(&never_moved), Err(Refusal::InsertOnlyChanged));
        assert_eq!(
            judge(&change("update", Some(&[]))),
            Err(Refusal::InsertOnlyChanged)
        );
    }

    #[test]
    fn a_stamp_casebook_does_not_write_is_refused() {
        let forged = ReceivedChange {
            stamp_is_valid: false,
            ..change("insert", None)
        };
        assert_eq!(judge(&forged), Err(Refusal::BadStamp));
    }

    #[test]
    fn a_change_or_audit_entry_claiming_another_computer_is_refused() {
        let forged = ReceivedChange {
            change_device: "B",
            ..change("insert", None)
        };
        assert_eq!(judge(&forged), Err(Refusal::NamesAnotherComputer));
        let audit = ReceivedChange {
            table: "audit_log",
            audit_entry_device: Some("B"),
            ..change("insert", None)
        };
        assert_eq!(judge(&audit), Err(Refusal::AuditEntryOfAnotherComputer));
        let own = ReceivedChange {
            audit_entry_device: Some("A"),
            ..audit
        };
        assert_eq!(judge(&own), Ok(()));
    }
}

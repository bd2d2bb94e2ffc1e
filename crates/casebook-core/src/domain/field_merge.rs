//! Which value wins when a change from another computer meets a row held
//! here, worked out from stamps alone (no SQLite): the pure half of applying
//! a received change, whose other half (`store::sync_apply::apply_change`)
//! reads the stamps and writes what this plan says.
//!
//! The rule is last writer wins per field. A stamp is a change's hybrid
//! logical clock reading and its device, compared as text in that order,
//! so every computer orders any two changes the same way. Each field keeps
//! the stamp of the change that last set it; a change sets a field only if
//! it is later than that stamp, so two computers that changed different
//! fields of one record apart both keep theirs. The row's own stamp becomes
//! the later of the row's and the change's.

use std::collections::HashMap;

/// A change's place in the order of all changes: `(hlc, device)`.
pub type Stamp<'a> = (&'a str, &'a str);

/// What a received change does to a row held here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPlan {
    /// The fields the change sets, each later than its field's stamp.
    pub winners: Vec<String>,
    /// The row's stamp afterwards.
    pub row_stamp: (String, String),
}

/// The fields a change sets: those it names (format 1.1), or, for an update
/// of format 1.0, which names none, every field it carries. An insert names
/// none and sets none of a row already held: its fields either still hold
/// the inserted values or were changed since by later updates.
pub fn fields_set<'f>(
    fields: &'f [String],
    named: Option<&[String]>,
    is_insert: bool,
) -> Vec<&'f String> {
    match named {
        Some(named) => fields.iter().filter(|f| named.contains(f)).collect(),
        None if is_insert => Vec::new(),
        None => fields.iter().collect(),
    }
}

/// The plan for a change stamped `incoming` that sets `set` on a row whose
/// own stamp is `held` and whose fields carry `stamps`; `None` when it
/// changes nothing here.
///
/// The same stamp twice is one transaction writing a row twice (a merge
/// fills the kept record's profile, then adds the merged name to it):
/// those changes arrive in the order they were made, so the later wins.
pub fn plan_fields(
    incoming: Stamp<'_>,
    held: Stamp<'_>,
    set: &[&String],
    stamps: &HashMap<String, (String, String)>,
) -> Option<FieldPlan> {
    let winners: Vec<String> = set
        .iter()
        .filter(|column| {
            stamps
                .get(column.as_str())
                .is_none_or(|(hlc, device)| incoming >= (hlc.as_str(), device.as_str()))
        })
        .map(|column| (*column).clone())
        .collect();
    let row_stamp = std::cmp::max(incoming, held);
    if winners.is_empty() && row_stamp != incoming {
        return None;
    }
    Some(FieldPlan {
        winners,
        row_stamp: (row_stamp.0.to_owned(), row_stamp.1.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn stamped(list: &[(&str, &str, &str)]) -> HashMap<String, (String, String)> {
        list.iter()
            .map(|(f, h, d)| ((*f).to_owned(), ((*h).to_owned(), (*d).to_owned())))
            .collect()
    }

    #[test]
    fn a_later_change_sets_its_fields_and_the_row_stamp() {
        let fields = names(&["rating", "reason"]);
        let set = fields_set(&fields, Some(&names(&["rating"])), false);
        let plan = plan_fields(("0002", "b"), ("0001", "a"), &set, &HashMap::new()).unwrap();
        assert_eq!(plan.winners, names(&["rating"]));
        assert_eq!(plan.row_stamp, ("0002".to_owned(), "b".to_owned()));
    }

    #[test]
    fn an_older_change_to_a_field_changed_since_loses_it_but_keeps_the_others() {
        // Computer a changed the phone at 0005; b's change at 0003 set the
        // phone and the postcode while apart. b's postcode stands, a's phone stays.
        let fields = names(&["phone", "postcode"]);
        let set = fields_set(&fields, Some(&fields), false);
        let stamps = stamped(&[("phone", "0005", "a")]);
        let plan = plan_fields(("0003", "b"), ("0005", "a"), &set, &stamps).unwrap();
        assert_eq!(plan.winners, names(&["postcode"]));
        assert_eq!(plan.row_stamp, ("0005".to_owned(), "a".to_owned()));
    }

    #[test]
    fn an_older_change_whose_every_field_was_changed_since_does_nothing() {
        let fields = names(&["phone"]);
        let set = fields_set(&fields, Some(&fields), false);
        let stamps = stamped(&[("phone", "0005", "a")]);
        assert_eq!(
            plan_fields(("0003", "b"), ("0005", "a"), &set, &stamps),
            None
        );
    }

    #[test]
    fn equal_clocks_are_ordered_by_device() {
        let fields = names(&["phone"]);
        let set = fields_set(&fields, Some(&fields), false);
        let stamps = stamped(&[("phone", "0005", "a")]);
        assert!(plan_fields(("0005", "b"), ("0005", "a"), &set, &stamps).is_some());
        assert_eq!(
            plan_fields(
                ("0005", "a0"),
                ("0005", "b"),
                &set,
                &stamped(&[("phone", "0005", "b")])
            ),
            None
        );
    }

    #[test]
    fn the_same_stamp_again_is_the_later_write_of_one_transaction() {
        let fields = names(&["other_names"]);
        let set = fields_set(&fields, Some(&fields), false);
        let stamps = stamped(&[("other_names", "0007", "a")]);
        let plan = plan_fields(("0007", "a"), ("0007", "a"), &set, &stamps).unwrap();
        assert_eq!(plan.winners, fields);
    }

    #[test]
    fn an_insert_of_a_row_held_sets_nothing_and_an_old_update_sets_every_field() {
        let fields = names(&["rating", "reason"]);
        assert!(fields_set(&fields, None, true).is_empty());
        assert_eq!(fields_set(&fields, None, false).len(), 2);
        // A name the table does not have (from a newer Casebook) is passed over.
        assert_eq!(
            fields_set(&fields, Some(&names(&["rating", "colour"])), false).len(),
            1
        );
    }
}

//! Which computers may send changes to a unit. A computer holding the unit
//! key (anyone who can sign in can make one) may read the unit; whether the
//! others apply what it sends is decided here, from the decisions held:
//! a computer whose access was withdrawn is refused for good, under its id
//! and under any other id with the same key; one approved
//! is taken, if its key is the one approved; one neither is taken only when
//! the unit lets people approve their own computers.

/// A decision about one computer, as held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceDecision {
    pub decision: Decision,
    /// Hex of the public key the decision was about.
    pub public_key: String,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approved,
    Withdrawn,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Decision> {
        match text {
            "approved" => Some(Decision::Approved),
            "withdrawn" => Some(Decision::Withdrawn),
            _ => None,
        }
    }
}

/// Where a computer stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComputerStanding {
    Approved,
    /// Its access was withdrawn; nothing more it sends is applied.
    Withdrawn,
    /// Nobody has approved it yet.
    Waiting,
}

/// A computer's standing from the decisions about it (any order) and the
/// keys withdrawn under any id. A withdrawal outweighs any approval, and
/// is by key as well as by id, so a withdrawn computer that turns up under
/// a new id with its old key stays withdrawn; an approval counts only for
/// the key it approved, so a computer that turns up with another key waits
/// again.
pub fn standing(
    decisions: &[DeviceDecision],
    withdrawn_keys: &[String],
    public_key: &str,
) -> ComputerStanding {
    if decisions.iter().any(|d| d.decision == Decision::Withdrawn)
        || withdrawn_keys.iter().any(|key| key == public_key)
    {
        ComputerStanding::Withdrawn
    } else if decisions
        .iter()
        .any(|d| d.decision == Decision::Approved && d.public_key == public_key)
    {
        ComputerStanding::Approved
    } else {
        ComputerStanding::Waiting
    }
}

/// Whether what a computer sends is applied here.
pub fn may_apply(standing: &ComputerStanding, approval_needed: bool) -> bool {
    match standing {
        ComputerStanding::Approved => true,
        ComputerStanding::Withdrawn => false,
        ComputerStanding::Waiting => !approval_needed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(decision: Decision, key: &str) -> DeviceDecision {
        DeviceDecision {
            decision,
            public_key: key.to_owned(),
            reason: None,
            decided_by: None,
            decided_at: String::new(),
        }
    }

    #[test]
    fn a_withdrawal_outweighs_an_approval_whatever_the_order() {
        let both = [
            decided(Decision::Approved, "k"),
            decided(Decision::Withdrawn, "k"),
        ];
        assert_eq!(standing(&both, &[], "k"), ComputerStanding::Withdrawn);
        let reversed = [
            decided(Decision::Withdrawn, "k"),
            decided(Decision::Approved, "k"),
        ];
        assert_eq!(standing(&reversed, &[], "k"), ComputerStanding::Withdrawn);
        assert!(!may_apply(&ComputerStanding::Withdrawn, false));
    }

    #[test]
    fn a_withdrawn_key_stays_withdrawn_under_a_new_id() {
        let approved = [decided(Decision::Approved, "k")];
        let withdrawn_elsewhere = ["k".to_owned()];
        assert_eq!(
            standing(&approved, &withdrawn_elsewhere, "k"),
            ComputerStanding::Withdrawn
        );
        assert_eq!(
            standing(&[], &withdrawn_elsewhere, "fresh"),
            ComputerStanding::Waiting
        );
    }

    #[test]
    fn an_approval_counts_only_for_the_key_approved() {
        let approved = [decided(Decision::Approved, "k")];
        assert_eq!(standing(&approved, &[], "k"), ComputerStanding::Approved);
        assert_eq!(standing(&approved, &[], "other"), ComputerStanding::Waiting);
    }

    #[test]
    fn a_computer_nobody_approved_is_taken_only_where_the_unit_allows() {
        assert_eq!(standing(&[], &[], "k"), ComputerStanding::Waiting);
        assert!(may_apply(&ComputerStanding::Waiting, false));
        assert!(!may_apply(&ComputerStanding::Waiting, true));
        assert!(may_apply(&ComputerStanding::Approved, true));
    }
}

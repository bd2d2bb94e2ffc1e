//! Compliance for clients on an order or licence: unacceptable absences in
//! the last 12 months of each order against the unit's thresholds, and
//! what the keyworker sent to probation and when.

use crate::domain::dates::parse_day;
use crate::unit::authorship;
use chrono::NaiveDate;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::cohort::CohortFlag;
use crate::domain::compliance::{OrderStanding, is_order, order_standing};
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::ClientId;
use crate::error::{CoreError, CoreResult};
use crate::store::probation_notices::{NewProbationNotice, ProbationNotice};
use crate::store::{self};
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Each order the client is on now, with where they stand.
    pub(crate) fn compliance_of(
        &self,
        client: ClientId,
        today: NaiveDate,
    ) -> CoreResult<Vec<OrderStanding>> {
        let orders: Vec<(CohortFlag, NaiveDate)> =
            store::cohort_flags::for_client(&self.conn, client)?
                .into_iter()
                .filter(|f| f.is_active() && is_order(f.flag))
                .map(|f| {
                    let since = chrono::DateTime::parse_from_rfc3339(&f.set_at)
                        .map(|t| t.date_naive())
                        .unwrap_or(today);
                    (f.flag, since)
                })
                .collect();
        if orders.is_empty() {
            return Ok(Vec::new());
        }
        let absences = store::appointments::unacceptable_absence_dates(&self.conn, client)?;
        let thresholds = self.settings.absence_thresholds;
        Ok(orders
            .into_iter()
            .map(|(order, since)| order_standing(order, since, &absences, thresholds, today))
            .collect())
    }

    /// Records what was sent to probation about an order, and when.
    #[allow(clippy::too_many_arguments)]
    pub fn record_probation_notice(
        &mut self,
        client: ClientId,
        order_flag: &str,
        what: &str,
        sent_on: &str,
        note: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ProbationNotice>> {
        self.require_full_access_to(
            client,
            "record notices to probation for this client: it is allocated to another keyworker",
        )?;
        let order = CohortFlag::parse(order_flag)?;
        if !is_order(order) {
            return Err(CoreError::invalid(
                "Choose the order or licence the notice is about.",
            ));
        }
        let what = match what.trim() {
            w @ ("warning" | "breach_referral" | "other") => w.to_owned(),
            _ => {
                return Err(CoreError::invalid(
                    "Say what was sent: a warning, a referral for breach, or something else.",
                ));
            }
        };
        let sent_on = parse_day(sent_on.trim()).map_err(|_| {
            CoreError::invalid("Enter when it was sent as a real date, like 2026-03-14.")
        })?;
        if sent_on > clock.local_now().date() {
            return Err(CoreError::invalid(
                "A notice cannot have been sent in the future. Check the date.",
            ));
        }
        let note = if note.trim().is_empty() {
            None
        } else {
            Some(parse_free_text(note, 1, 2000, "")?)
        };
        let notice = NewProbationNotice {
            order_flag: order.as_str().to_owned(),
            what,
            sent_on,
            note,
        };
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "order": notice.order_flag, "what": notice.what });
        let audit = self.audit_record(
            AuditAction::ProbationNoticeRecorded,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let id = new_uuid_v7(clock, entropy);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save what was sent to probation")?;
        store::probation_notices::insert(&tx, stamp, id, client, me, &notice)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save what was sent to probation",
        )?;
        store::probation_notices::for_client(&self.conn, client)
    }
}

//! Referrals and episodes as a signed-in person records them: a referral
//! received opens an episode and starts its clock; the first face-to-face
//! contact picks it up; an outcome other than acceptance, or later an exit,
//! ends it. Only those with full access to the client (their keyworker or
//! co-worker, or a manager) record any of it, and an ended episode is never
//! changed.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::{ClientId, EpisodeId};
use crate::domain::referrals::{
    ExitReason, NewReferral, PickUpClock, ReferralOutcome, parse_end_date, parse_pick_up,
};
use crate::error::{CoreError, CoreResult};
use crate::store::{self, episodes::Episode};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Records a referral for a client, opening an episode and starting the
    /// clock for its route. A client has one open episode at a time: a
    /// re-referral comes after the last one ended. Returns the client's
    /// episodes, newest first.
    pub fn receive_referral(
        &mut self,
        client: ClientId,
        referral: &NewReferral,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<Episode>> {
        self.require_full_access_to(client, "record a referral for this client")?;
        if let Some(open) = store::episodes::for_client(&self.conn, client)?
            .into_iter()
            .find(Episode::is_open)
        {
            return Err(CoreError::invalid(format!(
                "This client already has an open episode, from a referral received on {}. \
                 Record its outcome or close it before a new referral opens another.",
                open.received_at.format("%-d %B %Y")
            )));
        }
        let pick_up_clock = PickUpClock::for_referral(
            referral.route,
            referral.received_at,
            referral.release_date,
            self.settings().custody_screening_hours,
        );
        let id = EpisodeId(new_uuid_v7(clock, entropy));
        let detail = serde_json::json!({
            "episode": id.to_string(),
            "route": referral.route.as_str(),
        });
        let audit = self.audit_record(
            AuditAction::ReferralReceived,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let tx = store::begin(&mut self.conn, "save the referral")?;
        store::episodes::insert(
            &tx,
            stamp,
            id,
            client,
            self.account.id,
            referral,
            pick_up_clock,
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the referral",
        )?;
        store::episodes::for_client(&self.conn, client)
    }

    /// Records the first attended face-to-face contact: the referral is
    /// accepted and its clock stops.
    pub fn record_pick_up(
        &mut self,
        episode: EpisodeId,
        date: &str,
        time: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<Episode>> {
        let found = self.open_episode(episode, "record a pick-up for this client")?;
        let picked_up = parse_pick_up(date, time, found.received_at, clock.local_now())?;
        let in_time = found.clock.map(|c| picked_up <= c.due);
        let detail = serde_json::json!({ "episode": episode.to_string(), "in_time": in_time });
        let audit = self.audit_record(
            AuditAction::ReferralPickedUp,
            Some(found.client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let tx = store::begin(&mut self.conn, "save the pick-up")?;
        store::episodes::record_pick_up(&tx, stamp, episode, picked_up)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the pick-up",
        )?;
        store::episodes::for_client(&self.conn, found.client)
    }

    /// Ends a referral that was not taken on, with its outcome (not
    /// eligible, declined, did not engage, onward referral) and the day.
    pub fn record_referral_outcome(
        &mut self,
        episode: EpisodeId,
        outcome: &str,
        note: &str,
        date: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<Episode>> {
        let found = self.open_episode(episode, "record this referral's outcome")?;
        if found.outcome.is_some() {
            return Err(CoreError::invalid(
                "This client was picked up: the referral was accepted. Close the episode with an exit reason instead.",
            ));
        }
        let outcome = ReferralOutcome::parse_ending(outcome, note)?;
        let ended_on = parse_end_date(date, found.received_at, clock.local_now().date())?;
        let detail = serde_json::json!({
            "episode": episode.to_string(),
            "outcome": outcome.as_str(),
        });
        let audit = self.audit_record(
            AuditAction::ReferralEnded,
            Some(found.client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let tx = store::begin(&mut self.conn, "save the outcome")?;
        store::episodes::record_ending_outcome(&tx, stamp, episode, &outcome, ended_on)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the outcome",
        )?;
        store::episodes::for_client(&self.conn, found.client)
    }

    /// Closes an accepted episode with its exit reason and the day it
    /// ended. "Other" needs a note saying what happened.
    pub fn close_episode(
        &mut self,
        episode: EpisodeId,
        reason: &str,
        note: &str,
        date: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<Episode>> {
        let found = self.open_episode(episode, "close this client's episode")?;
        let Some(picked_up) = found.picked_up_at else {
            return Err(CoreError::invalid(
                "This referral has not been picked up. Record the pick-up, or the referral's outcome, instead.",
            ));
        };
        let reason = ExitReason::parse(reason)?;
        let note = match (reason, note.trim()) {
            (ExitReason::Other, text) => Some(parse_free_text(
                text,
                5,
                1000,
                "Say why the episode ended: \"other\" needs a few words.",
            )?),
            (_, "") => None,
            (_, text) => Some(parse_free_text(text, 1, 1000, "")?),
        };
        let ended_on = parse_end_date(date, found.received_at, clock.local_now().date())?;
        if ended_on < picked_up.date() {
            return Err(CoreError::invalid(
                "The end date is before the client was picked up. Check the date.",
            ));
        }
        let detail = serde_json::json!({
            "episode": episode.to_string(),
            "exit_reason": reason.as_str(),
        });
        let audit = self.audit_record(
            AuditAction::EpisodeClosed,
            Some(found.client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let tx = store::begin(&mut self.conn, "close the episode")?;
        store::episodes::close(&tx, stamp, episode, reason, note.as_deref(), ended_on)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "close the episode",
        )?;
        store::episodes::for_client(&self.conn, found.client)
    }

    /// The episode, if it is still open and this account has full access
    /// to its client. `what` finishes "Your account cannot …".
    fn open_episode(&self, episode: EpisodeId, what: &str) -> CoreResult<Episode> {
        let found = store::episodes::find(&self.conn, episode)?
            .ok_or_else(|| CoreError::invalid("There is no such episode. Refresh the page."))?;
        self.require_full_access_to(found.client, what)?;
        if !found.is_open() {
            return Err(CoreError::invalid(
                "This episode has ended and cannot be changed. A new referral opens a new episode.",
            ));
        }
        Ok(found)
    }
}

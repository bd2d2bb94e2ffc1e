//! Writing the planned workload through the store, as the app writes it:
//! a unit, a device and a manager, then each client, episode and
//! assessment with its change-log entry, in one transaction.

use crate::signed_commit::commit_signed;
use casebook_core::clock::{Clock, HybridLogicalClock, OsEntropy, SystemClock, new_uuid_v7};
use casebook_core::domain::account::{Account, CaseRole};
use casebook_core::domain::ids::{AccountId, DeviceId, UnitId};
use casebook_core::domain::names::{PersonName, UnitName, Username};
use casebook_core::domain::referrals::PickUpClock;
use casebook_core::store::{self, change_log::WriteStamp};
use rusqlite::Connection;

use crate::workload::{Event, Plan};

/// Writes the plan through the store, in one transaction and in the
/// order of its events: a unit, a device, a manager, then each client at
/// their first referral with their cohort flag, each episode (referral,
/// pick-up, close) and each assessment, every row with its change-log
/// entry as the app writes them.
pub(crate) fn fill(conn: &mut Connection, plan: &Plan) {
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let device = DeviceId(new_uuid_v7(&clock, &mut entropy));
    let mut hlc = HybridLogicalClock::default();
    let mut stamp = || {
        let now = clock.now();
        WriteStamp {
            hlc: hlc.stamp(now),
            device,
            at: now,
        }
    };
    let account = Account {
        id: AccountId(new_uuid_v7(&clock, &mut entropy)),
        username: Username::parse("admin").unwrap(),
        full_name: PersonName::parse("Alex Admin", "full name").unwrap(),
        agency: "Casebook charity service".to_owned(),
        case_role: Some(CaseRole::Manager),
        administrator: true,
        gender: None,
        must_change_password: false,
        disabled: false,
    };
    let tx = store::begin(conn, "set up").unwrap();
    store::unit_rows::insert_unit(
        &tx,
        UnitId(new_uuid_v7(&clock, &mut entropy)),
        &UnitName::parse("Bench").unwrap(),
        clock.now(),
    )
    .unwrap();
    store::unit_rows::insert_this_device(&tx, device, clock.now()).unwrap();
    store::accounts::insert(&tx, stamp(), &account).unwrap();
    let mut added = vec![false; plan.clients.len()];
    for event in &plan.events {
        match *event {
            Event::Referral { client, episode } => {
                let planned = &plan.clients[client];
                if !added[client] {
                    added[client] = true;
                    store::clients::insert(
                        &tx,
                        stamp(),
                        planned.id,
                        account.id,
                        Some(account.id),
                        &planned.details,
                    )
                    .unwrap();
                    if let Some((id, flag)) = planned.flag {
                        store::cohort_flags::insert(&tx, stamp(), id, planned.id, flag, account.id)
                            .unwrap();
                    }
                }
                let episode = &planned.episodes[episode];
                let referral = &episode.referral;
                let pick_up = PickUpClock::for_referral(
                    referral.route,
                    referral.received_at,
                    referral.release_date,
                    24,
                );
                store::episodes::insert(
                    &tx,
                    stamp(),
                    episode.id,
                    planned.id,
                    account.id,
                    referral,
                    pick_up,
                )
                .unwrap();
                store::episodes::record_pick_up(&tx, stamp(), episode.id, episode.picked_up_at)
                    .unwrap();
            }
            Event::Assessment {
                client,
                episode,
                index,
            } => {
                let planned = &plan.clients[client];
                let episode = &planned.episodes[episode];
                let (id, assessment) = &episode.assessments[index];
                store::assessments::insert(
                    &tx,
                    stamp(),
                    *id,
                    planned.id,
                    Some(episode.id),
                    account.id,
                    assessment,
                )
                .unwrap();
            }
            Event::Close { client, episode } => {
                let episode = &plan.clients[client].episodes[episode];
                let (ended_on, reason) = episode.ended.unwrap();
                store::episodes::close(&tx, stamp(), episode.id, reason, None, ended_on).unwrap();
            }
        }
    }
    commit_signed(tx, "set up");
    store::checkpoint(conn).unwrap();
}

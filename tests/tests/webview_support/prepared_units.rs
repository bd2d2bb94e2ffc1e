//! Units prepared through the core the app is built on, before the app
//! starts: the first computer's unit, and a keyworker with her clients.

use std::path::Path;

use super::PASSWORD;

/// Unit, administrator-manager and client on the "first computer", made
/// through the core the app is built on, and connected to `share`.
pub fn prepare_first_computer(data_folder: &Path, share: &Path) {
    use casebook_core::clock::{OsEntropy, SystemClock};
    use casebook_core::domain::client::ClientDetailsText;
    use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
    use casebook_core::vault::slot::KdfCost;

    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let unit =
        NewUnit::parse("Hampshire IOM – Eastleigh", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    let mut admin =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let client = admin
        .add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Casey", "Marsh", "1988-03-14")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin
        .review_rag(
            client.id,
            "amber",
            "Settled in the hostel",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin
        .connect_share(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
}

pub const KEYWORKER_PASSWORD: &str = "maple harbour quietly";

/// A unit with a keyworker (Kim, with her own password) and her client on
/// a DRR who must not be visited alone, with an appointment yesterday that
/// has no outcome yet: made through the core the app is built on.
pub fn prepare_keyworker_and_drr_client(data_folder: &Path) {
    use casebook_core::clock::{Clock, OsEntropy, SystemClock};
    use casebook_core::domain::account::{CaseRole, NewAccount};
    use casebook_core::domain::appointments::AppointmentText;
    use casebook_core::domain::client::ClientDetailsText;
    use casebook_core::domain::safety_flags::SafetyFlagText;
    use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
    use casebook_core::vault::slot::KdfCost;

    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let unit = NewUnit::parse("Hampshire IOM – Havant", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &unit, plan, &clock, entropy).unwrap();
    let mut admin = unit_folder::unlock(&folder, "admin", PASSWORD, &clock, entropy).unwrap();
    let kim = NewAccount::parse(
        "kim",
        "Kim Keyworker",
        "Casebook charity service",
        Some(CaseRole::Keyworker),
        false,
        None,
    )
    .unwrap();
    let (kim, one_time) = admin
        .add_account(&kim, KdfCost::cheap_for_tests(), &clock, entropy)
        .unwrap();
    let client = admin
        .add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Casey", "Marsh", "1988-03-14")
            },
            &clock,
            entropy,
        )
        .unwrap();
    admin
        .allocate_client(client.id, Some(kim.id), None, "", &clock, entropy)
        .unwrap();
    admin
        .set_cohort_flag(client.id, "drr", &clock, entropy)
        .unwrap();
    let review_by = (clock.local_now().date() + chrono::Duration::days(30)).to_string();
    admin
        .raise_safety_flag(
            client.id,
            &SafetyFlagText {
                kind: "lone_visit_not_advised",
                note: "Dog at the address; visit in pairs",
                review_by: &review_by,
                ..SafetyFlagText::default()
            },
            &clock,
            entropy,
        )
        .unwrap();
    let yesterday = clock.local_now().date() - chrono::Duration::days(1);
    let staff = kim.id.to_string();
    admin
        .book_appointment(
            client.id,
            &AppointmentText {
                starts_at: &format!("{yesterday}T10:00"),
                ends_at: &format!("{yesterday}T11:00"),
                kind: "one_to_one",
                place: "office",
                ..AppointmentText::default()
            },
            &[&staff],
            &clock,
            entropy,
        )
        .unwrap();
    admin.lock(&clock, entropy);
    let mut kim_unit = unit_folder::unlock(&folder, "kim", &one_time, &clock, entropy).unwrap();
    kim_unit
        .change_password(
            &one_time,
            KEYWORKER_PASSWORD,
            KdfCost::cheap_for_tests(),
            &clock,
            entropy,
        )
        .unwrap();
    kim_unit.lock(&clock, entropy);
}

/// The keyworker and DRR client of `prepare_keyworker_and_drr_client`,
/// with a probation referral received six weeks ago and picked up two
/// days later, so the client's episode is waiting for its assessments.
pub fn prepare_keyworker_and_referred_client(data_folder: &Path) {
    use casebook_core::clock::{Clock, OsEntropy, SystemClock};
    use casebook_core::domain::referrals::NewReferral;
    use casebook_core::unit::folder::{self as unit_folder, UnitKind};

    prepare_keyworker_and_drr_client(data_folder);
    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let mut admin = unit_folder::unlock(&folder, "admin", PASSWORD, &clock, entropy).unwrap();
    let client = admin.view_caseload(&clock, entropy).unwrap()[0].client.id;
    let received = clock.local_now() - chrono::Duration::days(42);
    let referral = NewReferral::parse(
        "probation",
        "Probation, Hampshire and Isle of Wight",
        &received.format("%Y-%m-%d").to_string(),
        "09:30",
        "Heroin use linked to shoplifting",
        "",
        clock.local_now(),
    )
    .unwrap();
    let episode = admin
        .receive_referral(client, &referral, &clock, entropy)
        .unwrap()[0]
        .id;
    let picked_up = received + chrono::Duration::days(2);
    admin
        .record_pick_up(
            episode,
            &picked_up.format("%Y-%m-%d").to_string(),
            "11:00",
            &clock,
            entropy,
        )
        .unwrap();
    admin.lock(&clock, entropy);
}

/// The demo unit with `clients` generated clients added (seed 1), as
/// `casebook demo --clients N` makes it: most of them with a closed
/// episode, one in ten still open.
pub fn prepare_county_demo_unit(data_folder: &Path, clients: usize) {
    use casebook_core::clock::{OsEntropy, SystemClock};
    use casebook_core::unit::demo::{self, DEMO_PASSWORD, DEMO_USERNAME};
    use casebook_core::unit::demo_generator::add_generated_clients;
    use casebook_core::unit::folder::{self as unit_folder, UnitKind};
    use casebook_core::vault::slot::KdfCost;

    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    demo::ensure_demo_unit(data_folder, KdfCost::cheap_for_tests(), &clock, entropy).unwrap();
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Demo);
    let mut demo =
        unit_folder::unlock(&folder, DEMO_USERNAME, DEMO_PASSWORD, &clock, entropy).unwrap();
    let added =
        add_generated_clients(&mut demo, clients, 1, &clock, entropy, &mut |_| true).unwrap();
    assert_eq!(added, clients);
    demo.lock(&clock, entropy);
}

/// What someone holding a key slot and its password can do by hand: write
/// a bundle as their computer, sealed with the unit's bundle key and signed
/// with the computer's own key (both read from their own database), holding
/// the changes `forge` makes from that database. Honest computers must
/// refuse what no honest computer writes.
pub fn write_hostile_bundle(
    data_folder: &Path,
    username: &str,
    password: &str,
    share: &Path,
    forge: impl FnOnce(&rusqlite::Connection, &str) -> Vec<casebook_core::store::change_log::Change>,
) {
    use casebook_core::clock::OsEntropy;
    use casebook_core::store::{self, OpenMode};
    use casebook_core::sync::bundle::{BundleWriter, seal_bundle};
    use casebook_core::unit::folder::{self as unit_folder, UnitKind};
    use sha2::Digest;

    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let slots = casebook_core::vault::key_files::read_slots(&folder).unwrap();
    let unit_key = slots
        .for_username(username)
        .unwrap()
        .open(password)
        .unwrap()
        .unit_key;
    let conn = store::open(
        &folder.join(store::DATABASE_FILE),
        &unit_key.database_key(),
        OpenMode::ExistingOnly,
    )
    .unwrap();
    let device = store::unit_rows::this_device(&conn).unwrap();
    let seed = store::sync_state::signing_key_seed(&conn).unwrap().unwrap();
    let signing_key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let changes = forge(&conn, &device.to_string());
    let own_folder = share.join("devices").join(device.to_string());
    let mut bundles: Vec<(u64, std::path::PathBuf)> = std::fs::read_dir(&own_folder)
        .unwrap()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            Some((name.split('-').next()?.parse().ok()?, entry.path()))
        })
        .collect();
    bundles.sort();
    let (sequence, previous) = bundles.last().map_or_else(
        || (1, store::change_log::NO_PREVIOUS.to_owned()),
        |(sequence, path)| {
            (
                sequence + 1,
                hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap())),
            )
        },
    );
    let body_key = unit_key.bundle_key();
    let writer = BundleWriter {
        unit: store::unit_rows::unit_id(&conn).unwrap(),
        device,
        signing_key: &signing_key,
        body_key: &body_key,
        key_id: 1,
        acks: Default::default(),
    };
    let sealed = seal_bundle(&writer, sequence, &previous, &changes, &mut OsEntropy).unwrap();
    std::fs::write(own_folder.join(sealed.file_name), sealed.bytes).unwrap();
}

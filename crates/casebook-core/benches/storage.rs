//! Storage benchmarks: what SQLCipher costs beside plain SQLite on the same
//! work, through the same store functions, and what an unlock takes.
//!
//! Run with `make bench`. Each workload runs several times on fresh files and
//! the median is reported; the ratio is encrypted over plain.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "shared/signed_commit.rs"]
mod signed_commit;
use signed_commit::commit_signed;

use std::path::Path;
use std::time::{Duration, Instant};

use casebook_core::clients::caseload::{
    CASELOAD_PAGE_SIZE, CaseloadFilter, CaseloadQuery, CaseloadSort, RagFilter,
};
use casebook_core::clock::{Clock, HybridLogicalClock, OsEntropy, SystemClock, new_uuid_v7};
use casebook_core::domain::account::{Account, CaseRole};
use casebook_core::domain::client::{ClientDetailsText, NewClient};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::ids::{
    AccountId, ClientId, CohortFlagId, DeviceId, EpisodeId, SafetyFlagId, UnitId,
};
use casebook_core::domain::names::{PersonName, UnitName, Username};
use casebook_core::domain::rag::{NewRagReview, Rag};
use casebook_core::domain::referrals::{NewReferral, PickUpClock};
use casebook_core::domain::safety_flags::{NewSafetyFlag, SafetyFlagText};
use casebook_core::domain::search::{SearchExtras, SearchQuery, score};
use casebook_core::store::{self, OpenMode, change_log::WriteStamp};
use casebook_core::unit::demo_generator::add_generated_clients;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::vault::keys::UnitKey;
use casebook_core::vault::slot::KdfCost;
use rusqlite::Connection;

const CLIENTS: usize = 10_000;
const RUNS: usize = 5;
const PASSWORD: &str = "otter lamp river cloud";

fn main() {
    let clients = sample_clients();
    println!("Casebook storage benchmarks: median of {RUNS} runs on fresh files, release build.");
    println!();
    println!(
        "{:<58} {:>11} {:>11} {:>7}",
        "workload", "encrypted", "plain", "ratio"
    );

    let insert_encrypted = median(|dir| {
        let mut conn = open_encrypted(dir);
        timed(|| insert_all(&mut conn, &clients, Batching::OnePerClient))
    });
    let insert_plain = median(|dir| {
        let mut conn = store::open_unencrypted_for_comparison(&dir.join("plain.db")).unwrap();
        timed(|| insert_all(&mut conn, &clients, Batching::OnePerClient))
    });
    row(
        "insert 10,000 clients, one transaction each",
        insert_encrypted,
        Some(insert_plain),
    );

    let open_encrypted_time = median(|dir| {
        let key = UnitKey::generate(&mut OsEntropy);
        {
            let mut conn = store::open(
                &dir.join("unit.db"),
                &key.database_key(),
                OpenMode::CreateNew,
            )
            .unwrap();
            insert_all(&mut conn, &clients, Batching::AllInOne);
        }
        timed(|| {
            let conn = store::open(
                &dir.join("unit.db"),
                &key.database_key(),
                OpenMode::ExistingOnly,
            )
            .unwrap();
            assert_eq!(store::clients::list(&conn).unwrap().len(), CLIENTS);
        })
    });
    let open_plain_time = median(|dir| {
        {
            let mut conn = store::open_unencrypted_for_comparison(&dir.join("plain.db")).unwrap();
            insert_all(&mut conn, &clients, Batching::AllInOne);
        }
        timed(|| {
            let conn = store::open_unencrypted_for_comparison(&dir.join("plain.db")).unwrap();
            assert_eq!(store::clients::list(&conn).unwrap().len(), CLIENTS);
        })
    });
    row(
        "open + first query (list 10,000 clients)",
        open_encrypted_time,
        Some(open_plain_time),
    );

    // Search: one query = read the clients and score each against the query,
    // as `UnlockedUnit::search_clients` does. Queries mix typed names (some
    // with slips), CRNs and dates of birth.
    let queries: Vec<String> = (0..60)
        .map(|i| match i % 3 {
            0 => format!("Family{}", letters(i * 37 / 7)),
            1 => format!("B{:06}", i * 131),
            _ => format!("{:02}/{:02}/{}", 1 + i % 28, 1 + i % 12, 1950 + i % 50),
        })
        .collect();
    let search_encrypted = search_percentiles(open_encrypted, &clients, &queries);
    let search_plain = search_percentiles(
        |dir| store::open_unencrypted_for_comparison(&dir.join("plain.db")).unwrap(),
        &clients,
        &queries,
    );
    row(
        "search 10,000 clients (names, CRN, date of birth): p50",
        search_encrypted.0,
        Some(search_plain.0),
    );
    row(
        "search 10,000 clients (names, CRN, date of birth): p95",
        search_encrypted.1,
        Some(search_plain.1),
    );

    // The caseload for a manager's whole-unit view: every client with its
    // current RAG rating, safety flags, cohort flags and open episode, read
    // by the same store queries `UnlockedUnit::view_caseload` runs.
    let caseload_encrypted = caseload_median(open_encrypted, &clients);
    let caseload_plain = caseload_median(
        |dir| store::open_unencrypted_for_comparison(&dir.join("plain.db")).unwrap(),
        &clients,
    );
    row(
        "caseload, whole unit: 10,000 clients, RAG, flags, episodes",
        caseload_encrypted,
        Some(caseload_plain),
    );

    // The same view through the core (the audit entry, access for each
    // client, staff names) on a unit filled by the demo generator.
    let core_caseload = {
        let dir = tempfile::tempdir().unwrap();
        let folder = unit_folder::unit_folder(dir.path(), UnitKind::Real);
        let new_unit = NewUnit::parse("Bench Unit", "admin", "Alex Admin", PASSWORD).unwrap();
        let plan = CreationPlan {
            kdf_cost: KdfCost::cheap_for_tests(),
            demo: false,
            initial_clients: &[],
        };
        unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
        let mut unit =
            unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
        let generated = Instant::now();
        add_generated_clients(
            &mut unit,
            CLIENTS,
            1,
            &SystemClock,
            &mut OsEntropy,
            &mut |_| true,
        )
        .unwrap();
        println!(
            "(generated 10,000 clients with their histories in {:.1} s)",
            generated.elapsed().as_secs_f64()
        );
        unit.lock(&SystemClock, &mut OsEntropy);
        let median_of = |mut times: Vec<Duration>| {
            times.sort();
            times[times.len() / 2]
        };
        // The first page on a freshly opened unit: the core reads its
        // caseload index from the file, records the look and pages.
        let first_page = median_of(
            (0..RUNS)
                .map(|_| {
                    let mut unit = unit_folder::unlock(
                        &folder,
                        "admin",
                        PASSWORD,
                        &SystemClock,
                        &mut OsEntropy,
                    )
                    .unwrap();
                    let time = timed(|| {
                        let page = unit
                            .view_caseload_page(
                                &everyone_first_page(),
                                &SystemClock,
                                &mut OsEntropy,
                            )
                            .unwrap();
                        assert_eq!(page.counts.listed, CLIENTS);
                    });
                    unit.lock(&SystemClock, &mut OsEntropy);
                    time
                })
                .collect(),
        );
        // Then what a person does on it: change a filter and the order,
        // each answered from the index, audited; and search keystrokes.
        let mut unit =
            unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
        unit.view_caseload_page(&everyone_first_page(), &SystemClock, &mut OsEntropy)
            .unwrap();
        let filter_change = median_of(
            (0..RUNS * 4)
                .map(|run| {
                    let mut asked = everyone_first_page();
                    asked.filter.rag = if run % 2 == 0 {
                        RagFilter::Rated(Rag::Red)
                    } else {
                        RagFilter::Any
                    };
                    asked.sort = if run % 3 == 0 {
                        CaseloadSort::Clock
                    } else {
                        CaseloadSort::Rag
                    };
                    timed(|| {
                        let page = unit
                            .view_caseload_page(&asked, &SystemClock, &mut OsEntropy)
                            .unwrap();
                        assert!(page.entries.len() <= CASELOAD_PAGE_SIZE);
                    })
                })
                .collect(),
        );
        let keystrokes = ["S", "Sm", "Smi", "Smit", "Smith"];
        let search = median_of(
            (0..RUNS * 4)
                .map(|run| {
                    let typed = keystrokes[run % keystrokes.len()];
                    timed(|| {
                        unit.search_clients(typed).unwrap();
                    })
                })
                .collect(),
        );
        unit.lock(&SystemClock, &mut OsEntropy);
        (first_page, filter_change, search)
    };
    row(
        "caseload's first page, freshly opened unit, 10,000 clients",
        core_caseload.0,
        None,
    );
    row(
        "caseload: a filter or sort changed, 10,000 clients",
        core_caseload.1,
        None,
    );
    row("search keystroke, 10,000 clients", core_caseload.2, None);

    let cost = KdfCost::calibrate(Duration::from_millis(750));
    let unlock_time = median(|dir| {
        let folder = unit_folder::unit_folder(dir, UnitKind::Real);
        let new_unit = NewUnit::parse("Bench Unit", "admin", "Alex Admin", PASSWORD).unwrap();
        let plan = CreationPlan {
            kdf_cost: cost,
            demo: false,
            initial_clients: &clients,
        };
        unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
        timed(|| {
            let mut unit =
                unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy)
                    .unwrap();
            let page = unit
                .view_caseload_page(&everyone_first_page(), &SystemClock, &mut OsEntropy)
                .unwrap();
            assert_eq!(page.counts.listed, CLIENTS);
        })
    });
    let label = format!(
        "unlock: Argon2id {} MiB x{} + open + first caseload page of 10,000",
        cost.memory_kib / 1024,
        cost.iterations
    );
    row(&label, unlock_time, None);

    // Switch user, the core's part: record the lock, close the database,
    // wipe the key, and read the unit folder for the next sign-in screen.
    // The webview's part (clearing the page) is measured by the end-to-end
    // test, which writes it to target/e2e-measurements.txt.
    let switch_time = median(|dir| {
        let folder = unit_folder::unit_folder(dir, UnitKind::Real);
        let new_unit = NewUnit::parse("Bench Unit", "admin", "Alex Admin", PASSWORD).unwrap();
        let plan = CreationPlan {
            kdf_cost: KdfCost::cheap_for_tests(),
            demo: false,
            initial_clients: &clients,
        };
        unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
        let mut unit =
            unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
        unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
        timed(|| {
            unit.lock(&SystemClock, &mut OsEntropy);
            assert!(unit_folder::describe(&folder).unwrap().is_some());
        })
    });
    row(
        "switch user: lock, close, wipe key, read unit for sign-in",
        switch_time,
        None,
    );
    println!();
    println!(
        "The unlock is mostly the deliberate key derivation, calibrated to about 0.75 s on this machine."
    );
}

/// The median and 95th percentile time of one search, over every query.
fn search_percentiles(
    open: impl Fn(&Path) -> Connection,
    clients: &[NewClient],
    queries: &[String],
) -> (Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = open(dir.path());
    insert_all(&mut conn, clients, Batching::AllInOne);
    let mut times: Vec<Duration> = queries
        .iter()
        .map(|text| {
            let query = SearchQuery::parse(text).unwrap();
            timed(|| {
                let extras = store::client_profiles::search_extras(&conn).unwrap();
                let none = SearchExtras::default();
                let found = store::clients::list(&conn)
                    .unwrap()
                    .iter()
                    .filter(|client| {
                        score(&query, client, extras.get(&client.id).unwrap_or(&none)).is_some()
                    })
                    .count();
                std::hint::black_box(found);
            })
        })
        .collect();
    times.sort();
    let at = |fraction: f64| times[((times.len() - 1) as f64 * fraction).round() as usize];
    (at(0.5), at(0.95))
}

/// The median time of the whole-unit caseload queries, on a file holding
/// `clients`, each with a RAG review, a cohort flag and an open episode,
/// and one in nine with a safety flag.
fn caseload_median(open: impl Fn(&Path) -> Connection, clients: &[NewClient]) -> Duration {
    median(|dir| {
        let mut conn = open(dir);
        insert_all(&mut conn, clients, Batching::AllInOne);
        add_client_parts(&mut conn);
        timed(|| {
            let listed = store::clients::list(&conn).unwrap();
            let ratings = store::rag_reviews::current_for_all(&conn).unwrap();
            let flags = store::safety_flags::active(&conn).unwrap();
            let cohorts = store::cohort_flags::active(&conn).unwrap();
            let episodes = store::episodes::open(&conn).unwrap();
            assert_eq!(listed.len(), CLIENTS);
            assert_eq!(ratings.len(), CLIENTS);
            std::hint::black_box((flags, cohorts, episodes));
        })
    })
}

/// A RAG review, a cohort flag and a referral for every client, and a
/// safety flag for one in nine, through the store as the app writes them.
fn add_client_parts(conn: &mut Connection) {
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let mut hlc = HybridLogicalClock::default();
    let device: DeviceId = store::unit_rows::this_device(conn).unwrap();
    let account: AccountId = store::accounts::list(conn).unwrap()[0].id;
    let now = clock.local_now();
    let tx = store::begin(conn, "save").unwrap();
    for (i, client) in store::clients::list(&tx).unwrap().into_iter().enumerate() {
        let mut stamp = || WriteStamp {
            hlc: hlc.stamp(clock.now()),
            device,
            at: clock.now(),
        };
        let rating = ["red", "amber", "green"][i % 3];
        let review =
            NewRagReview::parse(rating, "Reviewed at the IOM panel", "", now.date()).unwrap();
        store::rag_reviews::insert(
            &tx,
            stamp(),
            new_uuid_v7(&clock, &mut entropy),
            client.id,
            account,
            &review,
        )
        .unwrap();
        let flag = [
            CohortFlag::NeighbourhoodCrime,
            CohortFlag::Ppo,
            CohortFlag::Drr,
        ][i % 3];
        store::cohort_flags::insert(
            &tx,
            stamp(),
            CohortFlagId(new_uuid_v7(&clock, &mut entropy)),
            client.id,
            flag,
            account,
        )
        .unwrap();
        let received = now - chrono::Duration::days((i % 50) as i64);
        let referral = NewReferral::parse(
            "probation",
            "Probation",
            &received.format("%Y-%m-%d").to_string(),
            "",
            "",
            "",
            now,
        )
        .unwrap();
        let pick_up = PickUpClock::for_referral(referral.route, referral.received_at, None, 24);
        store::episodes::insert(
            &tx,
            stamp(),
            EpisodeId(new_uuid_v7(&clock, &mut entropy)),
            client.id,
            account,
            &referral,
            pick_up,
        )
        .unwrap();
        if i % 9 == 0 {
            let flag = NewSafetyFlag::parse(
                &SafetyFlagText {
                    kind: "risk_to_staff",
                    note: "Threatened staff at the last appointment",
                    review_by: &(now.date() + chrono::Duration::days(30)).to_string(),
                    ..SafetyFlagText::default()
                },
                now.date(),
            )
            .unwrap();
            store::safety_flags::insert(
                &tx,
                stamp(),
                SafetyFlagId(new_uuid_v7(&clock, &mut entropy)),
                client.id,
                account,
                &flag,
            )
            .unwrap();
        }
    }
    commit_signed(tx, "save");
}

fn sample_clients() -> Vec<NewClient> {
    let today = SystemClock.now().date_naive();
    (0..CLIENTS)
        .map(|i| {
            let born = format!("{}-{:02}-{:02}", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
            let given = format!("Given{}", letters(i));
            let family = format!("Family{}", letters(i / 7));
            let crn = format!("B{:06}", i);
            NewClient::parse(
                &ClientDetailsText {
                    crn: &crn,
                    ..ClientDetailsText::named(&given, &family, &born)
                },
                today,
            )
            .unwrap()
        })
        .collect()
}

fn letters(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}

fn open_encrypted(dir: &Path) -> Connection {
    let key = UnitKey::generate(&mut OsEntropy);
    store::open(
        &dir.join("unit.db"),
        &key.database_key(),
        OpenMode::CreateNew,
    )
    .unwrap()
}

/// The same rows through the same store functions as the app: a unit, a
/// device, an account, then each client in its own transaction.
fn insert_all(conn: &mut Connection, clients: &[NewClient], batching: Batching) {
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let device = DeviceId(new_uuid_v7(&clock, &mut entropy));
    let mut hlc = HybridLogicalClock::default();
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
    store::accounts::insert(
        &tx,
        WriteStamp {
            hlc: hlc.stamp(clock.now()),
            device,
            at: clock.now(),
        },
        &account,
    )
    .unwrap();
    commit_signed(tx, "set up");
    let mut insert_one = |tx: &rusqlite::Transaction<'_>, client: &NewClient| {
        let now = clock.now();
        let stamp = WriteStamp {
            hlc: hlc.stamp(now),
            device,
            at: now,
        };
        let id = ClientId(new_uuid_v7(&clock, &mut entropy));
        store::clients::insert(tx, stamp, id, account.id, None, client).unwrap();
    };
    match batching {
        Batching::OnePerClient => {
            for client in clients {
                let tx = store::begin(conn, "save").unwrap();
                insert_one(&tx, client);
                commit_signed(tx, "save");
            }
        }
        Batching::AllInOne => {
            let tx = store::begin(conn, "save").unwrap();
            for client in clients {
                insert_one(&tx, client);
            }
            commit_signed(tx, "save");
        }
    }
}

/// How the inserts are grouped into transactions.
#[derive(Clone, Copy)]
enum Batching {
    /// As the app does: one client added, one transaction.
    OnePerClient,
    /// For setting up the files the other workloads read.
    AllInOne,
}

fn timed(work: impl FnOnce()) -> Duration {
    let started = Instant::now();
    work();
    started.elapsed()
}

fn median(mut run: impl FnMut(&Path) -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            run(dir.path())
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn row(workload: &str, encrypted: Duration, plain: Option<Duration>) {
    let seconds = |d: Duration| format!("{:.3} s", d.as_secs_f64());
    match plain {
        Some(plain) => println!(
            "{:<58} {:>11} {:>11} {:>6.2}x",
            workload,
            seconds(encrypted),
            seconds(plain),
            encrypted.as_secs_f64() / plain.as_secs_f64()
        ),
        None => println!(
            "{:<58} {:>11} {:>11} {:>7}",
            workload,
            seconds(encrypted),
            "-",
            "-"
        ),
    }
}

/// The whole caseload's first page, by name.
fn everyone_first_page() -> CaseloadQuery {
    CaseloadQuery {
        filter: CaseloadFilter::EVERYONE,
        sort: CaseloadSort::Name,
        descending: false,
        page: 0,
    }
}

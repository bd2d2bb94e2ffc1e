//! Casework benchmarks on the county workload: 10,000 clients and
//! 1,000,000 signed session notes (`CASEBOOK_BENCH_NOTES` sets another
//! number for a quick run). Each figure is taken on an encrypted unit
//! database and on plain SQLite with the same schema, through the same
//! store functions, and reported with the ratio:
//!
//! - saving a session note: the record, one task from an action, and their
//!   change-log entries, in one transaction to commit (p50 and p95 of 300);
//! - loading the timeline of a client with 500 entries (appointments and
//!   sessions read and merged, median and p95 of 50);
//! - full-text search over note text (p50 and p95 of 200 queries).
//!
//! Run with `make bench`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "shared/signed_commit.rs"]
mod signed_commit;
use signed_commit::commit_signed;

use std::time::{Duration, Instant};

use casebook_core::clients::timeline::{TimelineParts, timeline};
use casebook_core::clock::{Clock, HybridLogicalClock, OsEntropy, SystemClock, new_uuid_v7};
use casebook_core::domain::account::{Account, CaseRole};
use casebook_core::domain::appointments::{AppointmentText, NewAppointment};
use casebook_core::domain::client::{ClientDetailsText, NewClient};
use casebook_core::domain::ids::{
    AccountId, AppointmentId, ClientId, DeviceId, SessionRecordId, TaskId, UnitId,
};
use casebook_core::domain::names::{PersonName, UnitName, Username};
use casebook_core::domain::session_records::{ActionForm, SessionForm, SignedSession};
use casebook_core::store::{self, OpenMode, change_log::WriteStamp};
use casebook_core::vault::keys::UnitKey;
use rusqlite::Connection;

const CLIENTS: usize = 10_000;
const DEFAULT_NOTES: usize = 1_000_000;

/// Words for generated notes: ordinary keywork vocabulary, so searches hit
/// a realistic share of notes.
const WORDS: &[&str] = &[
    "discussed",
    "housing",
    "tenancy",
    "benefits",
    "appointment",
    "relapse",
    "prevention",
    "methadone",
    "script",
    "pharmacy",
    "alcohol",
    "units",
    "week",
    "family",
    "children",
    "contact",
    "probation",
    "officer",
    "employment",
    "training",
    "course",
    "college",
    "debt",
    "advice",
    "naloxone",
    "kit",
    "supplied",
    "harm",
    "reduction",
    "injecting",
    "sites",
    "GP",
    "mental",
    "health",
    "anxiety",
    "sleep",
    "motivation",
    "goals",
    "recovery",
    "group",
    "mutual",
    "aid",
    "meeting",
    "court",
    "date",
    "licence",
    "conditions",
    "curfew",
    "partner",
    "support",
    "worker",
    "referral",
    "detox",
    "cravings",
    "triggers",
    "plan",
    "agreed",
    "review",
    "next",
    "session",
    "attended",
    "late",
    "phone",
    "text",
    "reminder",
    "landlord",
    "arrears",
    "food",
    "bank",
    "voucher",
    "ID",
    "documents",
    "bank",
    "account",
    "volunteering",
];

struct Bench {
    conn: Connection,
    device: DeviceId,
    hlc: HybridLogicalClock,
    account: AccountId,
    clients: Vec<ClientId>,
}

impl Bench {
    fn stamp(&mut self) -> WriteStamp {
        let now = SystemClock.now();
        WriteStamp {
            hlc: self.hlc.stamp(now),
            device: self.device,
            at: now,
        }
    }
}

fn main() {
    let notes: usize = std::env::var("CASEBOOK_BENCH_NOTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_NOTES);
    println!(
        "Casebook casework benchmarks: {CLIENTS} clients, {notes} signed session notes, release build."
    );
    let dir = tempfile::tempdir().unwrap();
    let key = UnitKey::generate(&mut OsEntropy);
    let encrypted = store::open(
        &dir.path().join("unit.db"),
        &key.database_key(),
        OpenMode::CreateNew,
    )
    .unwrap();
    let plain = store::open_unencrypted_for_comparison(&dir.path().join("plain.db")).unwrap();
    let mut runs = Vec::new();
    for (name, conn) in [("encrypted", encrypted), ("plain", plain)] {
        let started = Instant::now();
        let mut bench = fill(conn, notes);
        println!(
            "  filled the {name} database in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        runs.push(measure(&mut bench));
    }
    let (enc, pla) = (&runs[0], &runs[1]);
    println!();
    println!(
        "{:<52} {:>10} {:>10} {:>7}",
        "workload", "encrypted", "plain", "ratio"
    );
    let line = |what: &str, e: Duration, p: Duration| {
        println!(
            "{:<52} {:>7.2} ms {:>7.2} ms {:>6.2}x",
            what,
            ms(e),
            ms(p),
            e.as_secs_f64() / p.as_secs_f64()
        );
    };
    line("save a session note, p50", enc.save.0, pla.save.0);
    line(
        "save a session note, p95 (budget 30 ms)",
        enc.save.1,
        pla.save.1,
    );
    line(
        "timeline of a client with 500 entries, median",
        enc.timeline.0,
        pla.timeline.0,
    );
    line(
        "timeline of 500 entries, p95 (budget 100 ms)",
        enc.timeline.1,
        pla.timeline.1,
    );
    line("search note text, p50", enc.search.0, pla.search.0);
    line(
        "search note text, p95 (budget 50 ms)",
        enc.search.1,
        pla.search.1,
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Measured {
    save: (Duration, Duration),
    timeline: (Duration, Duration),
    search: (Duration, Duration),
}

fn measure(bench: &mut Bench) -> Measured {
    let busy = bench.clients[0];
    let mut saves = Vec::new();
    for n in 0..300 {
        let session = signed_session(n);
        let started = Instant::now();
        let stamp = bench.stamp();
        let id = SessionRecordId(new_uuid_v7(&SystemClock, &mut OsEntropy));
        let task = TaskId(new_uuid_v7(&SystemClock, &mut OsEntropy));
        let client = bench.clients[(n * 31) % bench.clients.len()];
        let tx = store::begin(&mut bench.conn, "save").unwrap();
        store::session_records::insert(&tx, stamp, id, client, None, bench.account, &session)
            .unwrap();
        store::tasks::insert(
            &tx,
            stamp,
            task,
            client,
            Some(id),
            None,
            bench.account,
            bench.account,
            &session.actions[0],
        )
        .unwrap();
        commit_signed(tx, "save");
        saves.push(started.elapsed());
    }
    let mut timelines = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let appointments = store::appointments::for_client(&bench.conn, busy).unwrap();
        let sessions = store::session_records::for_client(&bench.conn, busy).unwrap();
        let tasks = store::tasks::for_client(&bench.conn, busy).unwrap();
        let entries = timeline(&TimelineParts {
            episodes: &[],
            appointments: &appointments,
            sessions: &sessions,
            safety_flags: &[],
            rag_history: &[],
            tasks: &tasks,
        });
        timelines.push(started.elapsed());
        assert!(entries.len() >= 500, "{}", entries.len());
    }
    let mut searches = Vec::new();
    for n in 0..200 {
        let words = format!(
            "{} {}",
            WORDS[n % WORDS.len()],
            WORDS[(n * 7 + 3) % WORDS.len()]
        );
        let started = Instant::now();
        let found = store::session_records::search_notes(&bench.conn, &words, 50).unwrap();
        searches.push(started.elapsed());
        std::hint::black_box(found);
    }
    Measured {
        save: percentiles(saves),
        timeline: percentiles(timelines),
        search: percentiles(searches),
    }
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

/// A note of 40 to 120 words. Words are drawn with a skew, as in real
/// writing: the keywork words above are common (each is in a fifth to a
/// half of all notes), and thousands of rarer made-up words follow, so a
/// search for two common words matches a realistic share of the unit.
fn note_text(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ren", "tas", "vo", "bri", "dun", "el", "fro", "gan", "hil", "jo", "pra",
        "sut", "wy",
    ];
    const RARE_WORDS: u64 = 3000;
    let mut x = n as u64 * 2_654_435_761 + 12345;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let length = 40 + (next() % 81) as usize;
    let vocabulary = WORDS.len() as u64 + RARE_WORDS;
    let mut words = Vec::with_capacity(length);
    for _ in 0..length {
        let u = (next() % 1_000_000) as f64 / 1_000_000.0;
        let index = (vocabulary as f64 * u * u * u) as u64;
        if (index as usize) < WORDS.len() {
            words.push(WORDS[index as usize].to_owned());
        } else {
            let rare = index - WORDS.len() as u64;
            words.push(format!(
                "{}{}{}",
                SYLLABLES[(rare % 16) as usize],
                SYLLABLES[((rare / 16) % 16) as usize],
                SYLLABLES[((rare / 256) % 16) as usize]
            ));
        }
    }
    words.join(" ")
}

fn signed_session(n: usize) -> SignedSession {
    let now = SystemClock.local_now();
    // Held from yesterday back, so the 10:00 start is in the past whatever
    // the hour the benchmark runs at.
    let form = SessionForm {
        held_on: (now.date() - chrono::Duration::days(1 + (n % 3650) as i64))
            .format("%Y-%m-%d")
            .to_string(),
        starts_at: "10:00".into(),
        minutes: "50".into(),
        place: "office".into(),
        pathways: vec!["accommodation".into(), "drugs_and_alcohol".into()],
        interventions: vec!["relapse_prevention".into()],
        notes: note_text(n),
        actions: vec![ActionForm {
            what: "Ring the housing officer".into(),
            who: "keyworker".into(),
            due_on: now.date().format("%Y-%m-%d").to_string(),
            ..ActionForm::default()
        }],
        ..SessionForm::default()
    };
    SignedSession::parse(&form, now).unwrap()
}

fn fill(mut conn: Connection, notes: usize) -> Bench {
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let device = DeviceId(new_uuid_v7(&clock, &mut entropy));
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
    let mut bench = {
        let tx = store::begin(&mut conn, "set up").unwrap();
        store::unit_rows::insert_unit(
            &tx,
            UnitId(new_uuid_v7(&clock, &mut entropy)),
            &UnitName::parse("Bench").unwrap(),
            clock.now(),
        )
        .unwrap();
        store::unit_rows::insert_this_device(&tx, device, clock.now()).unwrap();
        commit_signed(tx, "set up");
        Bench {
            conn,
            device,
            hlc: HybridLogicalClock::default(),
            account: account.id,
            clients: Vec::new(),
        }
    };
    let today = clock.now().date_naive();
    let stamp = bench.stamp();
    let tx = store::begin(&mut bench.conn, "set up").unwrap();
    store::accounts::insert(&tx, stamp, &account).unwrap();
    let mut clients = Vec::with_capacity(CLIENTS);
    for i in 0..CLIENTS {
        let born = format!("{}-{:02}-{:02}", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
        let given = format!("Given{}", letters(i));
        let client =
            NewClient::parse(&ClientDetailsText::named(&given, "Family", &born), today).unwrap();
        let id = ClientId(new_uuid_v7(&clock, &mut entropy));
        store::clients::insert(&tx, stamp, id, account.id, None, &client).unwrap();
        clients.push(id);
    }
    commit_signed(tx, "set up");
    bench.clients = clients;
    // The busy client: 250 appointments and 250 sessions, 500 entries.
    let busy = bench.clients[0];
    let staff = account.id.to_string();
    let tx = store::begin(&mut bench.conn, "set up").unwrap();
    let base = clock.local_now() - chrono::Duration::days(400);
    for n in 0..250 {
        let starts = base + chrono::Duration::days(n);
        let ends = starts + chrono::Duration::hours(1);
        let booking = NewAppointment::parse(
            &AppointmentText {
                starts_at: &starts.format("%Y-%m-%dT%H:%M").to_string(),
                ends_at: &ends.format("%Y-%m-%dT%H:%M").to_string(),
                kind: "one_to_one",
                place: "office",
                ..AppointmentText::default()
            },
            &[&staff],
        )
        .unwrap();
        let id = AppointmentId(new_uuid_v7(&clock, &mut entropy));
        store::appointments::insert(&tx, stamp, id, busy, account.id, &booking).unwrap();
        let session = signed_session(n as usize);
        let record = SessionRecordId(new_uuid_v7(&clock, &mut entropy));
        store::session_records::insert(&tx, stamp, record, busy, Some(id), account.id, &session)
            .unwrap();
    }
    commit_signed(tx, "set up");
    // Every other note, in transactions of 20,000.
    let mut made = 250;
    while made < notes {
        let batch = (notes - made).min(20_000);
        let stamp = bench.stamp();
        let tx = store::begin(&mut bench.conn, "set up").unwrap();
        for n in made..made + batch {
            let client = bench.clients[n % CLIENTS];
            let session = signed_session(n);
            let record = SessionRecordId(new_uuid_v7(&clock, &mut entropy));
            store::session_records::insert(&tx, stamp, record, client, None, account.id, &session)
                .unwrap();
        }
        commit_signed(tx, "set up");
        made += batch;
    }
    store::checkpoint(&bench.conn).unwrap();
    bench
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

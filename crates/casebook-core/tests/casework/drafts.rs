//! Drafts that survive a lock, and an app killed mid-typing.

use super::*;

#[test]
fn a_draft_is_still_there_after_the_unit_is_locked_and_opened_again() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    let first = kim
        .save_session_draft(
            None,
            client,
            session_form("", "", "Arrived late and"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let typed = SessionForm {
        actions: vec![ActionForm {
            what: "Ring the".into(),
            ..ActionForm::default()
        }],
        ..session_form("", "", "Arrived late and upset about the hostel")
    };
    let saved = kim
        .save_session_draft(
            Some(first.id),
            client,
            typed.clone(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(saved.id, first.id, "saving again keeps one draft");
    // No lock: the app is dropped as a crash would drop it.
    drop(kim);

    let kim = sign_in(unit.folder(), "kim", password_of("kim"));
    let drafts = kim.session_drafts(SystemClock.local_now()).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].draft.id, first.id);
    assert_eq!(
        drafts[0].draft.form, typed,
        "everything typed, half-typed too"
    );
    assert!(!drafts[0].stale);
    // Another keyworker does not see it (nor would a manager, until it
    // has waited a week).
    kim.lock(&SystemClock, &mut OsEntropy);
    let lee = unit.as_("lee");
    assert!(
        lee.session_drafts(SystemClock.local_now())
            .unwrap()
            .is_empty()
    );
    lee.lock(&SystemClock, &mut OsEntropy);
    let admin = unit.as_("admin");
    assert!(
        admin
            .session_drafts(SystemClock.local_now())
            .unwrap()
            .is_empty()
    );
    let week_on = SystemClock.local_now() + chrono::Duration::days(8);
    let stale = admin.session_drafts(week_on).unwrap();
    assert_eq!(stale.len(), 1);
    assert!(stale[0].stale);
}

const DRAFT_CHILD_UNIT: &str = "CASEBOOK_DRAFT_CRASH_UNIT";
const DRAFT_CHILD_CLIENT: &str = "CASEBOOK_DRAFT_CRASH_CLIENT";

/// The note after `n` saves: one word more each time.
fn note_of(n: usize) -> String {
    (1..=n)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn words_in(note: &str) -> usize {
    note.split_whitespace().count()
}

fn saves_hinted(folder: &Path) -> usize {
    std::fs::read_to_string(folder.join("draft-crash-hint"))
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn child_saves_a_draft_until_killed() {
    let (Some(folder), Some(client)) = (
        std::env::var_os(DRAFT_CHILD_UNIT),
        std::env::var_os(DRAFT_CHILD_CLIENT),
    ) else {
        return;
    };
    let folder = Path::new(&folder);
    let client = ClientId::parse(&client.to_string_lossy()).unwrap();
    let mut kim = sign_in(folder, "kim", password_of("kim"));
    // Carry on typing into the draft already there, as the app would.
    let existing = kim
        .session_drafts(SystemClock.local_now())
        .unwrap()
        .into_iter()
        .next();
    let mut draft = existing.as_ref().map(|d| d.draft.id);
    let mut n = existing.map_or(0, |d| words_in(&d.draft.form.notes));
    loop {
        n += 1;
        let saved = kim
            .save_session_draft(
                draft,
                client,
                session_form("", "", &note_of(n)),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap();
        draft = Some(saved.id);
        // Written to a new name and renamed, so a kill never leaves it
        // half written.
        let fresh = folder.join("draft-crash-hint.new");
        std::fs::write(&fresh, n.to_string()).unwrap();
        std::fs::rename(&fresh, folder.join("draft-crash-hint")).unwrap();
    }
}

#[test]
fn a_draft_saved_before_the_app_is_killed_is_kept_to_the_last_save() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    kim.lock(&SystemClock, &mut OsEntropy);

    // Until three kills have landed after the child began saving (the
    // wait grows while none has, however busy the machine).
    let mut delay = Duration::from_millis(400);
    let mut last = 0;
    let mut kills_mid_typing = 0;
    for round in 0..12u64 {
        if kills_mid_typing == 3 {
            break;
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "drafts::child_saves_a_draft_until_killed",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DRAFT_CHILD_UNIT, unit.folder())
            .env(DRAFT_CHILD_CLIENT, client.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay + Duration::from_millis(round * 53));
        // SIGKILL: no chance to tidy up or lock.
        child.kill().unwrap();
        child.wait().unwrap();
        let hinted = saves_hinted(unit.folder());
        let kim = unit.as_("kim");
        let drafts = kim.session_drafts(SystemClock.local_now()).unwrap();
        kim.lock(&SystemClock, &mut OsEntropy);
        let words = match drafts.as_slice() {
            [] => 0,
            [draft] => {
                let words = words_in(&draft.draft.form.notes);
                assert_eq!(draft.draft.form.notes, note_of(words));
                words
            }
            more => panic!("round {round}: one draft, carried on, not {}", more.len()),
        };
        // Every save the child finished is there; the one it was making
        // when killed may be too (if it finished before its hint).
        assert!(
            words == hinted || words == hinted + 1,
            "round {round}: {words} words kept, {hinted} saves finished"
        );
        assert!(words >= last, "round {round}: a save made earlier was lost");
        if words == last {
            // Killed before it saved anything: give it longer.
            delay *= 2;
        } else {
            kills_mid_typing += 1;
        }
        last = words;
    }
    assert_eq!(
        kills_mid_typing, 3,
        "the child saved too little ({last} words) for the kills to land mid-typing"
    );
}

//! What the client tests share: a real encrypted unit with an
//! administrator-manager, two keyworkers, a police partner and an
//! administrator with no case role, each with their own password.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod hostile;

use std::path::{Path, PathBuf};

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::account::{CaseRole, NewAccount};
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::unit_settings::UnitSettings;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::slot::KdfCost;

const ADMIN_PASSWORD: &str = "otter lamp river cloud";
const STAFF_PASSWORD: &str = "heron quilt marble sky";

/// A unit with an administrator-manager, two keyworkers, a partner and an
/// administrator with no case role, each with their own password.
pub struct Unit {
    _data: tempfile::TempDir,
    folder: PathBuf,
}

impl Unit {
    pub fn new() -> Unit {
        show_what_the_core_logs();
        let data = tempfile::tempdir().unwrap();
        let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
        let unit = NewUnit::parse("Access Unit", "admin", "Alex Admin", ADMIN_PASSWORD).unwrap();
        let plan = CreationPlan {
            kdf_cost: KdfCost::cheap_for_tests(),
            demo: false,
            initial_clients: &[],
        };
        unit_folder::create(&folder, &unit, plan, &SystemClock, &mut OsEntropy).unwrap();
        let mut admin = sign_in(&folder, "admin", ADMIN_PASSWORD);
        for (username, role) in [
            ("kim", Some(CaseRole::Keyworker)),
            ("lee", Some(CaseRole::Keyworker)),
            ("pat", Some(CaseRole::Partner)),
            ("ira", None),
        ] {
            let account = NewAccount::parse(
                username,
                "Staff Member",
                "Police",
                role,
                role.is_none(),
                None,
            )
            .unwrap();
            let (_, one_time) = admin
                .add_account(
                    &account,
                    KdfCost::cheap_for_tests(),
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap();
            let mut person = sign_in(&folder, username, one_time.as_ref());
            person
                .change_password(
                    one_time.as_ref(),
                    STAFF_PASSWORD,
                    KdfCost::cheap_for_tests(),
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap();
            person.lock(&SystemClock, &mut OsEntropy);
        }
        // New units wait for a manager to approve each new computer; these
        // tests are about what computers exchange, so anyone may approve
        // their own computer here (approval has its own tests in
        // `sync_computers.rs`).
        let own_approval = admin.settings().with_computer_approval(false);
        admin
            .change_unit_settings(own_approval, &SystemClock, &mut OsEntropy)
            .unwrap();
        admin.lock(&SystemClock, &mut OsEntropy);
        Unit {
            _data: data,
            folder,
        }
    }

    /// A fresh copy of one unit made once per test binary: for tests that
    /// need many units (the property tests), where making each from
    /// scratch would spend most of the time deriving keys.
    pub fn copy_of_template() -> Unit {
        static TEMPLATE: std::sync::OnceLock<Unit> = std::sync::OnceLock::new();
        let template = TEMPLATE.get_or_init(Unit::new);
        let data = tempfile::tempdir().unwrap();
        let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
        copy_folder(&template.folder, &folder);
        Unit {
            _data: data,
            folder,
        }
    }

    /// The unit's folder on this "device".
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Signs in to a copy of this unit kept in `folder` (another "device").
    pub fn as_at(&self, folder: &Path, username: &str) -> UnlockedUnit {
        sign_in(folder, username, password_of(username))
    }

    pub fn as_(&self, username: &str) -> UnlockedUnit {
        sign_in(&self.folder, username, password_of(username))
    }
}

/// Adds a client called `given` Whitlock, born 17 May 1990, confirmed as a
/// new person; returns their id.
pub fn add_whitlock(unit: &mut UnlockedUnit, given: &str) -> ClientId {
    unit.add_client(
        &casebook_core::domain::client::ClientDetailsText {
            confirmed_new_person: true,
            ..casebook_core::domain::client::ClientDetailsText::named(
                given,
                "Whitlock",
                "1990-05-17",
            )
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
    .id
}

/// Each computer sends and receives, twice over, so each has the other's
/// changes and the other's acknowledgement of its own.
pub fn exchange_twice(share: &Path, a: &mut UnlockedUnit, b: &mut UnlockedUnit) {
    for _ in 0..2 {
        for device in [&mut *a, &mut *b] {
            device
                .send_changes(share, &SystemClock, &mut OsEntropy)
                .unwrap();
            device.receive_changes(share, &SystemClock).unwrap();
        }
    }
}

/// The given names on a unit's caseload.
pub fn given_names(unit: &mut UnlockedUnit) -> Vec<String> {
    unit.view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|line| line.client.given_name.as_str().to_owned())
        .collect()
}

/// Joins the unit on `share` from another computer (its data folder
/// `data`), signed in as `username`.
pub fn join_as(share: &Path, data: &Path, username: &str) -> UnlockedUnit {
    casebook_core::sync::joining::join_from_share(
        share,
        data,
        username,
        password_of(username),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
}

/// The password of each account of the unit.
pub fn password_of(username: &str) -> &'static str {
    if username == "admin" {
        ADMIN_PASSWORD
    } else {
        STAFF_PASSWORD
    }
}

/// Sends what the core logs (warnings and errors: an internal error's
/// detail is logged, never put in the message a person sees) to the test's
/// own output, which is shown when the test fails.
pub fn show_what_the_core_logs() {
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_test_writer()
        .try_init();
}

pub fn sign_in(folder: &Path, username: &str, password: &str) -> UnlockedUnit {
    show_what_the_core_logs();
    unit_folder::unlock(folder, username, password, &SystemClock, &mut OsEntropy).unwrap()
}

pub fn set_hide_others(unit: &Unit, hide: bool) {
    let mut admin = unit.as_("admin");
    admin
        .change_unit_settings(
            UnitSettings::parse(5, !hide, false, 24).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
}

/// Copies a unit's folder as it is on disk: another "computer" starting
/// from a copy, or a device's files put back as they were.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

//! `casebook demo --clients N [--seed S]`: fills the demo unit with N
//! generated clients from the command line, without opening a window, for
//! trying Casebook at county scale. Progress goes to the terminal; Ctrl+C
//! stops it, leaving every client added so far complete.

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::unit::demo::{self, DEMO_PASSWORD, DEMO_USERNAME};
use casebook_core::unit::demo_generator::add_generated_clients;
use casebook_core::unit::folder::{self as unit_folder, UnitKind};
use casebook_core::vault::slot::KdfCost;

const USAGE: &str = "Usage: casebook demo --clients N [--seed S]\n\
    Adds N made-up clients (1 to 100,000) to the demo unit. The same seed makes the same people.";

/// The most a person may ask for: far above a county's caseload, and a
/// typing slip of an extra zero or two still finishes in minutes.
const MOST_CLIENTS: usize = 100_000;

/// What was asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct DemoRequest {
    pub clients: usize,
    pub seed: u64,
}

/// Reads the words after `demo`.
pub fn parse_demo_arguments(words: &[String]) -> Result<DemoRequest, String> {
    let mut clients = None;
    let mut seed = 1;
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let value = |name: &str, next: Option<&String>| {
            next.cloned()
                .ok_or_else(|| format!("{name} needs a number after it.\n{USAGE}"))
        };
        match word.as_str() {
            "--clients" => {
                let text = value("--clients", words.next())?;
                let number: usize = text.replace(',', "").parse().map_err(|_| {
                    format!("\"{text}\" is not a whole number of clients.\n{USAGE}")
                })?;
                if !(1..=MOST_CLIENTS).contains(&number) {
                    return Err(format!("Ask for 1 to 100,000 clients.\n{USAGE}"));
                }
                clients = Some(number);
            }
            "--seed" => {
                let text = value("--seed", words.next())?;
                seed = text.parse().map_err(|_| {
                    format!("\"{text}\" is not a whole number for the seed.\n{USAGE}")
                })?;
            }
            other => return Err(format!("Casebook does not know \"{other}\".\n{USAGE}")),
        }
    }
    let clients = clients.ok_or_else(|| format!("Say how many clients.\n{USAGE}"))?;
    Ok(DemoRequest { clients, seed })
}

/// Runs the command; the text is what to print when it fails.
pub fn run_demo_command(words: &[String]) -> Result<(), String> {
    let request = parse_demo_arguments(words)?;
    let data_folder = match std::env::var_os("CASEBOOK_DATA_DIR") {
        Some(folder) => std::path::PathBuf::from(folder),
        None => dirs::data_dir()
            .ok_or("This system has no per-user data folder; set CASEBOOK_DATA_DIR.")?
            .join("uk.org.casebook.desktop"),
    };
    let plain = |e: casebook_core::error::CoreError| e.message;
    demo::ensure_demo_unit(
        &data_folder,
        KdfCost::calibrate(std::time::Duration::from_millis(750)),
        &SystemClock,
        &mut OsEntropy,
    )
    .map_err(plain)?;
    let folder = unit_folder::unit_folder(&data_folder, UnitKind::Demo);
    let mut unit = unit_folder::unlock(
        &folder,
        DEMO_USERNAME,
        DEMO_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .map_err(plain)?;
    let total = request.clients;
    let step = (total / 100).max(1);
    let added = add_generated_clients(
        &mut unit,
        total,
        request.seed,
        &SystemClock,
        &mut OsEntropy,
        &mut |done| {
            if done % step == 0 || done == total {
                eprint!("\rAdded {done} of {total} clients");
            }
            true
        },
    );
    unit.lock(&SystemClock, &mut OsEntropy);
    eprintln!();
    let added = added.map_err(plain)?;
    eprintln!(
        "The demo unit now has {added} more made-up clients. Open it from the sign-in screen."
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn arguments_are_read_and_bad_ones_refused_in_plain_words() {
        assert_eq!(
            parse_demo_arguments(&words("--clients 10,000 --seed 7")),
            Ok(DemoRequest {
                clients: 10_000,
                seed: 7
            })
        );
        assert_eq!(parse_demo_arguments(&words("--clients 5")).unwrap().seed, 1);
        for (bad, says) in [
            ("", "how many"),
            ("--clients", "needs a number"),
            ("--clients lots", "not a whole number"),
            ("--clients 0", "1 to 100,000"),
            ("--clients 100001", "1 to 100,000"),
            ("--clients 5 --colour red", "does not know"),
        ] {
            let refused = parse_demo_arguments(&words(bad)).unwrap_err();
            assert!(refused.contains(says), "{bad}: {refused}");
        }
    }
}

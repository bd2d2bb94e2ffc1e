//! The rules of ARCHITECTURE.md that the folder tree itself must keep, read
//! from the source: SQL only in `store/`, actions of the unlocked unit only
//! in the feature folders, `unit/` and `sync/`, no import cycle between the
//! core's folders nor between the files of `store/`, and a header comment
//! on every file saying its one job.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folders whose files may add actions to `UnlockedUnit`: the features,
/// the unit itself and sync.
const ACTION_FOLDERS: [&str; 9] = [
    "clients",
    "risk",
    "episodes",
    "casework",
    "pathways",
    "administration",
    "reports",
    "sync",
    "unit",
];

/// The folders every feature stands on, and which must never reach up into
/// a feature or into sync.
const FOUNDATIONS: [&str; 7] = [
    "error",
    "clock",
    "write_once",
    "domain",
    "store",
    "vault",
    "unit",
];

/// What gives SQL away in Rust source.
const SQL_MARKS: [&str; 11] = [
    "SELECT ",
    "INSERT INTO",
    "DELETE FROM",
    "UPDATE ",
    "PRAGMA",
    ".execute(",
    ".execute_batch(",
    ".prepare(",
    ".prepare_cached(",
    ".query_row(",
    ".query_map(",
];

fn source_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/`, as (path relative to `src/`, text).
fn sources() -> Vec<(String, String)> {
    fn walk(folder: &Path, root: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).unwrap();
                let relative = relative.to_string_lossy().replace('\\', "/");
                found.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = source_folder();
    let mut found = Vec::new();
    walk(&root, &root, &mut found);
    found.sort();
    assert!(found.len() > 50, "found only {} source files", found.len());
    found
}

/// The code of a file without its comments and its unit tests, which may
/// name SQL or other folders freely.
fn code_of(text: &str) -> String {
    let code = match text.find("#[cfg(test)]") {
        Some(tests) => &text[..tests],
        None => text,
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top folder (or root file) a source path belongs to.
fn top_of(path: &str) -> String {
    path.split('/')
        .next()
        .unwrap()
        .trim_end_matches(".rs")
        .to_owned()
}

/// Which top folders each top folder's code names through `crate::`.
fn folder_imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources() {
        let top = top_of(&path);
        let code = code_of(&text);
        let named = graph.entry(top.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != top && name != "CoreError" && name != "CoreResult" {
                named.insert(name);
            }
        }
    }
    graph
}

/// A cycle in `graph`, if there is one, as the names along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn only_the_store_writes_sql() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        if path.starts_with("store/") {
            continue;
        }
        let code = code_of(&text);
        for mark in SQL_MARKS {
            if code.contains(mark) {
                offenders.push(format!("{path}: {mark}"));
            }
        }
    }
    assert!(offenders.is_empty(), "SQL outside store/: {offenders:#?}");
}

#[test]
fn actions_of_the_unlocked_unit_live_in_the_feature_folders() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        if code_of(&text).contains("impl UnlockedUnit") {
            let top = top_of(&path);
            if !ACTION_FOLDERS.contains(&top.as_str()) {
                offenders.push(path);
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "impl UnlockedUnit outside the feature folders, unit/ and sync/: {offenders:?}"
    );
}

/// Who may do what is decided in one place: a feature asks a guard of
/// `unit/access_guards.rs` (or the pure rule it asks), never the signed-in
/// account's role itself.
#[test]
fn roles_are_read_only_by_the_access_guards() {
    let marks = [
        "self.account.case_role",
        "self.account.administrator",
        "self.account.can_",
    ];
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        if path == "unit/access_guards.rs" {
            continue;
        }
        let code = code_of(&text);
        for mark in marks {
            if code.contains(mark) {
                offenders.push(format!("{path}: {mark}"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "roles read outside unit/access_guards.rs: {offenders:#?}"
    );
}

#[test]
fn the_core_s_folders_import_each_other_without_a_cycle() {
    let graph = folder_imports();
    assert!(graph.contains_key("clients") && graph.contains_key("store"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the core's folders import in a cycle: {}",
            cycle.join(" → ")
        );
    }
}

#[test]
fn the_foundations_never_reach_up_into_a_feature() {
    let graph = folder_imports();
    let mut offenders = Vec::new();
    for foundation in FOUNDATIONS {
        for named in graph.get(foundation).into_iter().flatten() {
            if !FOUNDATIONS.contains(&named.as_str()) {
                offenders.push(format!("{foundation} → {named}"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "a foundation imports a feature or sync: {offenders:?}"
    );
}

/// The files of `store/` stand on `tables.rs` and `change_log.rs` and never
/// the other way round: the change log calls nothing above it.
#[test]
fn the_store_s_files_import_each_other_without_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let stored: Vec<(String, String)> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("store/"))
        .collect();
    let names: BTreeSet<String> = stored
        .iter()
        .map(|(path, _)| {
            path.trim_start_matches("store/")
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    for (path, text) in &stored {
        let name = path.trim_start_matches("store/").trim_end_matches(".rs");
        let code = code_of(text);
        let named = graph.entry(name.to_owned()).or_default();
        for other in &names {
            let uses = [
                format!("super::{other}::"),
                format!("super::{other}}}"),
                format!("super::{other};"),
                format!("store::{other}::"),
            ];
            if other != name && other != "mod" && uses.iter().any(|u| code.contains(u.as_str())) {
                named.insert(other.clone());
            }
        }
    }
    assert!(
        graph["change_log"]
            .iter()
            .all(|n| n == "tables" || n == "client_change_stamps")
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("store/ files import in a cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn every_file_opens_with_a_comment_saying_its_job() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "files without a header comment: {offenders:?}"
    );
}

#[test]
fn no_source_file_is_over_about_six_hundred_lines() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 650)
        .map(|(path, text)| format!("{path}: {}", text.lines().count()))
        .collect();
    assert!(offenders.is_empty(), "files over 650 lines: {offenders:?}");
}

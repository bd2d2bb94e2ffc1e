//! Memory as Linux counts it for a whole app: the proportional set size
//! (PSS, each shared page divided among the processes sharing it) of the
//! app's process and every process below it (WebKit's web and network
//! processes), read from `/proc/PID/smaps_rollup`. The bare Tauri window is
//! measured the same way, so the two figures can be compared.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// How long a process tree may take to show its window and settle.
const SETTLE_LIMIT: Duration = Duration::from_secs(90);
/// How often the tree's PSS is read while it settles.
const SAMPLE_EVERY: Duration = Duration::from_millis(500);
/// The tree has settled when this many readings in a row (three seconds)
/// differ by less than one part in a hundred.
const STEADY_SAMPLES: usize = 6;
/// The shortest time after the web process appears before a reading counts:
/// the page is loaded and painted well within it.
const AFTER_WEB_PROCESS: Duration = Duration::from_secs(3);

/// Every process's parent, from `/proc/PID/stat`.
fn parents() -> HashMap<u32, u32> {
    let mut parents = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return parents;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The command name is in brackets and may hold spaces: the parent
        // is the second field after the last closing bracket.
        let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        if let Some(parent) = after_name
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
        {
            parents.insert(pid, parent);
        }
    }
    parents
}

/// `root` and every process below it.
pub fn process_tree(root: u32) -> Vec<u32> {
    let parents = parents();
    let mut tree = vec![root];
    let mut next = 0;
    while next < tree.len() {
        let parent = tree[next];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| **p == parent)
                .map(|(pid, _)| *pid),
        );
        next += 1;
    }
    tree
}

/// The short command name of a process (at most 15 characters).
fn command_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|name| name.trim().to_owned())
        .unwrap_or_default()
}

/// The sum of `Pss:` over the processes, in KiB; a process that has gone
/// meanwhile counts nothing.
fn pss_kib(pids: &[u32]) -> u64 {
    pids.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .flat_map(|rollup| {
            rollup
                .lines()
                .filter_map(|line| line.strip_prefix("Pss:"))
                .filter_map(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .collect::<Vec<_>>()
        })
        .sum()
}

/// A process tree's memory once it has settled.
#[derive(Debug, Clone)]
pub struct Settled {
    /// The PSS of the whole tree, in KiB.
    pub kib: u64,
    /// Each process with its share ("casebook 105, web 130, network 28
    /// MB"), so a reader of the table sees where memory went.
    pub by_process: String,
}

/// A WebKit process's short name as the table shows it.
fn short_name(command: &str) -> String {
    if command.starts_with("WebKitWebProc") {
        "web".to_owned()
    } else if command.starts_with("WebKitNetwork") {
        "network".to_owned()
    } else {
        command.to_owned()
    }
}

/// Each process of a tree with its PSS, the app's own first.
fn breakdown(tree: &[u32]) -> String {
    let parts: Vec<String> = tree
        .iter()
        .map(|pid| {
            format!(
                "{} {}",
                short_name(&command_name(*pid)),
                pss_kib(&[*pid]) / 1024
            )
        })
        .collect();
    format!("{} MB", parts.join(", "))
}

/// The process below `ancestor` running `program`, waited for.
pub fn find_descendant(ancestor: u32, program: &Path, limit: Duration) -> Result<u32, String> {
    let wanted = program
        .canonicalize()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let started = Instant::now();
    loop {
        let found = process_tree(ancestor).into_iter().find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == wanted)
        });
        if let Some(pid) = found {
            return Ok(pid);
        }
        if started.elapsed() > limit {
            return Err(format!(
                "no process running {} appeared below process {ancestor}",
                wanted.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The PSS of `root`'s tree once its web process has been up a few seconds
/// and the total has stopped changing.
pub fn settled_pss(root: u32) -> Result<Settled, String> {
    let started = Instant::now();
    let mut web_process_seen: Option<Instant> = None;
    let mut readings: Vec<u64> = Vec::new();
    while started.elapsed() < SETTLE_LIMIT {
        let tree = process_tree(root);
        if web_process_seen.is_none()
            && tree
                .iter()
                .any(|pid| command_name(*pid).starts_with("WebKitWebProc"))
        {
            web_process_seen = Some(Instant::now());
        }
        if let Some(seen) = web_process_seen
            && seen.elapsed() >= AFTER_WEB_PROCESS
        {
            readings.push(pss_kib(&tree));
            if let Some(last) = readings.last_chunk::<STEADY_SAMPLES>() {
                let low = last.iter().min().copied().unwrap_or(0);
                let high = last.iter().max().copied().unwrap_or(0);
                if high - low < high / 100 {
                    let by_process = breakdown(&tree);
                    println!("memory by process: {by_process}");
                    return Ok(Settled {
                        kib: last[STEADY_SAMPLES - 1],
                        by_process,
                    });
                }
            }
        }
        std::thread::sleep(SAMPLE_EVERY);
    }
    Err(match web_process_seen {
        None => format!("process {root} started no WebKit web process"),
        Some(_) => format!("the memory of process {root}'s tree kept changing: {readings:?} KiB"),
    })
}

/// Starts the bare Tauri window under the same display and WebKit settings
/// as the app, waits until it has painted and settled, reads its PSS and
/// stops it.
pub fn bare_window_pss(program: &Path) -> Result<Settled, String> {
    let child = Command::new(program)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", program.display()))?;
    let mut window = Stopped(child);
    let measured = settled_pss(window.0.id());
    window.stop();
    measured
}

/// A child process stopped with SIGTERM (then killed if it lingers) when
/// dropped.
struct Stopped(Child);

impl Stopped {
    fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Stopped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            self.stop();
        }
    }
}

/// Stops whatever is left of a process tree once its app has been asked to
/// close: a web process busy with a page that no longer answers outlives
/// its app, and would go on taking a core after the run.
pub fn stop_left_over(pids: &[u32]) {
    let alive = |pid: &u32| Path::new(&format!("/proc/{pid}")).exists();
    let left: Vec<u32> = pids.iter().copied().filter(alive).collect();
    if left.is_empty() {
        return;
    }
    for signal in ["-TERM", "-KILL"] {
        for pid in left.iter().filter(|pid| alive(pid)) {
            let _ = Command::new("kill")
                .args([signal, &pid.to_string()])
                .status();
        }
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) && left.iter().any(alive) {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

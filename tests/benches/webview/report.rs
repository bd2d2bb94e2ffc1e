//! The benchmark's table: each measurement with its workload, how many
//! times it was taken, its median and 95th percentile, the budget from
//! issue 16 and whether it is met. A measurement that could not be taken
//! says why in place of its figures. The table is a report, never a pass or
//! fail on a budget.

use std::fmt::Write as _;

/// What issue 16 asks of a measurement.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    /// The 95th percentile must be under this many milliseconds.
    P95Below(f64),
    /// At most this many times the bare window's memory.
    TimesBareWindow(f64),
    /// Nothing asked: a figure for the reader.
    None,
}

/// What a measurement found.
#[derive(Debug)]
pub enum Figures {
    /// Times in milliseconds, one for each run.
    Times(Vec<f64>),
    /// Proportional set size in KiB.
    Memory(u64),
    /// Casebook's memory over the bare window's.
    Ratio(f64),
}

#[derive(Debug)]
pub struct Row {
    pub what: String,
    pub workload: String,
    pub budget: Budget,
    pub found: Result<Figures, String>,
}

impl Row {
    pub fn new(what: &str, workload: &str, budget: Budget, found: Result<Figures, String>) -> Row {
        Row {
            what: what.to_owned(),
            workload: workload.to_owned(),
            budget,
            found,
        }
    }
}

/// The value at `share` (0 to 1) of the sorted times, by nearest rank.
pub fn percentile(sorted: &[f64], share: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (share * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn budget_words(budget: Budget) -> String {
    match budget {
        Budget::P95Below(ms) if ms >= 1000.0 => format!("< {:.1} s", ms / 1000.0),
        Budget::P95Below(ms) => format!("p95 < {ms:.0} ms"),
        Budget::TimesBareWindow(times) => format!("≤ {times:.1} × bare"),
        Budget::None => "–".to_owned(),
    }
}

/// The cells of one row: n, median, p95 and whether the budget is met.
fn cells(row: &Row) -> [String; 4] {
    match &row.found {
        Err(why) => ["–".into(), "not measured".into(), "–".into(), why.clone()],
        Ok(Figures::Times(times)) => {
            let mut sorted = times.clone();
            sorted.sort_by(f64::total_cmp);
            let median = percentile(&sorted, 0.5);
            let p95 = percentile(&sorted, 0.95);
            let met = match row.budget {
                // Where the issue names no statistic, the stricter one is held to it.
                Budget::P95Below(ms) => yes_no(p95 < ms),
                _ => "–".to_owned(),
            };
            [
                sorted.len().to_string(),
                format!("{median:.0} ms"),
                format!("{p95:.0} ms"),
                met,
            ]
        }
        Ok(Figures::Memory(kib)) => [
            "1".into(),
            format!("{:.0} MB", *kib as f64 * 1024.0 / 1e6),
            "–".into(),
            "–".into(),
        ],
        Ok(Figures::Ratio(ratio)) => {
            let met = match row.budget {
                Budget::TimesBareWindow(most) => yes_no(*ratio <= most),
                _ => "–".to_owned(),
            };
            ["1".into(), format!("{ratio:.2} ×"), "–".into(), met]
        }
    }
}

fn yes_no(met: bool) -> String {
    if met { "yes" } else { "NO" }.to_owned()
}

/// The table as text, with a heading line.
pub fn table(heading: &str, rows: &[Row]) -> String {
    let header = [
        "measurement",
        "workload",
        "n",
        "median",
        "p95",
        "budget",
        "met",
    ];
    let lines: Vec<[String; 7]> = rows
        .iter()
        .map(|row| {
            let [n, median, p95, met] = cells(row);
            [
                row.what.clone(),
                row.workload.clone(),
                n,
                median,
                p95,
                budget_words(row.budget),
                met,
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            // The last column may hold a long reason; it is not padded.
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = format!("{heading}\n\n");
    let mut put = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                if i == cells.len() - 1 {
                    cell.clone()
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        let _ = writeln!(text, "{}", padded.join("  ").trim_end());
    };
    put(&header.map(str::to_owned));
    // The last column's width is that of its longest reason: its rule
    // stays short.
    let mut rules = widths.map(|w| "-".repeat(w));
    rules[6] = "-".repeat(header[6].len());
    put(&rules);
    for line in &lines {
        put(line);
    }
    text
}

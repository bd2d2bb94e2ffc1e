//! Saving a chart as a picture for a report: a PNG or SVG file in the
//! export folder, written whole or not at all and never over another file.
//!
//! The picture is drawn by the UI; this checks that what arrived is the
//! kind of file its name says, so a name ending `.png` never holds
//! anything else, and keeps the file name to plain characters.

use std::path::{Path, PathBuf};

use crate::clock::{Clock, Entropy};
use crate::domain::audit::AuditAction;
use crate::error::{CoreError, CoreResult};
use crate::unit::unlocked::UnlockedUnit;
use crate::write_once::write_under_a_new_name;

/// The largest picture accepted: a chart at twice screen size is well under
/// a megabyte; anything far larger is not a chart.
const MAX_CHART_BYTES: usize = 20 * 1024 * 1024;

/// Saves `bytes` under a name made from `suggested_name` (its extension
/// says PNG or SVG) in `folder`, and returns where it went.
pub fn save_chart(folder: &Path, suggested_name: &str, bytes: &[u8]) -> CoreResult<PathBuf> {
    let (stem, extension) = suggested_name
        .rsplit_once('.')
        .ok_or_else(|| CoreError::invalid("A chart is saved as a .png or an .svg file."))?;
    let looks_right = match extension.to_ascii_lowercase().as_str() {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "svg" => std::str::from_utf8(bytes).is_ok_and(|text| {
            let text = text.trim_start();
            text.starts_with("<svg") || text.starts_with("<?xml")
        }),
        _ => {
            return Err(CoreError::invalid(
                "A chart is saved as a .png or an .svg file.",
            ));
        }
    };
    if !looks_right || bytes.len() > MAX_CHART_BYTES {
        return Err(CoreError::invalid(
            "The picture did not come out whole, so nothing was saved. Try again.",
        ));
    }
    // Only plain characters reach the file system, so a name can never
    // climb out of the export folder or trip over the platform's rules.
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let stem = if stem.trim_matches('-').is_empty() {
        "casebook-chart".to_owned()
    } else {
        stem
    };
    std::fs::create_dir_all(folder).map_err(|e| CoreError::from_io(&e, "save the chart"))?;
    write_under_a_new_name(
        folder,
        &stem,
        &extension.to_ascii_lowercase(),
        bytes,
        "save the chart",
    )
}

impl UnlockedUnit {
    /// Saves a chart for a report, for anyone with a case role, and
    /// records in the audit trail that a picture left Casebook (a client's
    /// chart carries their scores).
    pub fn export_chart(
        &mut self,
        folder: &Path,
        suggested_name: &str,
        bytes: &[u8],
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<PathBuf> {
        self.require_case_role()?;
        let path = save_chart(folder, suggested_name, bytes)?;
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let detail = serde_json::json!({ "file": file });
        self.audit_alone(AuditAction::ChartExported, &detail, clock, entropy)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_saved_whole_under_a_plain_new_name() {
        let folder = tempfile::tempdir().unwrap();
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
        let first = save_chart(folder.path(), "../radar chart.svg", svg).unwrap();
        assert_eq!(first.file_name().unwrap(), "---radar-chart.svg");
        let second = save_chart(folder.path(), "../radar chart.svg", svg).unwrap();
        assert_ne!(first, second, "an export never replaces another");
        assert_eq!(std::fs::read(&second).unwrap(), svg);
        let png = b"\x89PNG\r\n\x1a\nrest";
        assert!(save_chart(folder.path(), "radar.png", png).is_ok());
    }

    #[test]
    fn what_is_not_the_picture_its_name_says_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        assert!(save_chart(folder.path(), "radar.png", b"<svg></svg>").is_err());
        assert!(save_chart(folder.path(), "radar.svg", b"\x89PNG").is_err());
        assert!(save_chart(folder.path(), "radar.exe", b"MZ").is_err());
        assert!(save_chart(folder.path(), "radar", b"<svg></svg>").is_err());
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    }
}

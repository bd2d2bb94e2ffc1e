//! The simulated share's faults: bundles copied under another name, held
//! out of sight for a while, and delivered late and out of order.

use std::path::Path;

use crate::steps::Step;

/// Every bundle file in sight on the share, in a fixed order.
pub(crate) fn bundles_on(share: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(share.join("devices"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|device| {
            std::fs::read_dir(device.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "bundle"))
        .collect();
    found.sort();
    found
}

/// Does what a share does to its files; true if the step was one of those.
pub(crate) fn on_share(step: &Step, share: &Path) -> bool {
    match *step {
        Step::Duplicate { pick } => {
            let bundles = bundles_on(share);
            if let Some(bundle) = bundles.get(pick % bundles.len().max(1)) {
                let stem = bundle.file_stem().unwrap().to_string_lossy().into_owned();
                std::fs::copy(
                    bundle,
                    bundle.with_file_name(format!("{stem} - Copy.bundle")),
                )
                .unwrap();
            }
            true
        }
        Step::Delay { pick } => {
            let bundles = bundles_on(share);
            if let Some(bundle) = bundles.get(pick % bundles.len().max(1)) {
                let name = bundle.file_name().unwrap().to_string_lossy().into_owned();
                std::fs::rename(bundle, bundle.with_file_name(format!(".{name}.delayed"))).unwrap();
            }
            true
        }
        Step::Deliver => {
            for device in std::fs::read_dir(share.join("devices"))
                .into_iter()
                .flatten()
                .flatten()
            {
                for entry in std::fs::read_dir(device.path()).unwrap().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if let Some(original) = name
                        .strip_prefix('.')
                        .and_then(|n| n.strip_suffix(".delayed"))
                    {
                        std::fs::rename(entry.path(), entry.path().with_file_name(original))
                            .unwrap();
                    }
                }
            }
            true
        }
        _ => false,
    }
}

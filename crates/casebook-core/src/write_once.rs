//! Writing files that must appear whole or not at all, and are never
//! rewritten in place.
//!
//! A file is written under a temporary name in the same folder, flushed to
//! the disk, and then given its real name without replacing anything already
//! there. A crash at any point leaves either no file under the real name or
//! the complete file; never a half-written one. The platform differences
//! (hard links where the file system has them, a checked rename where it does
//! not) live here and nowhere else.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Saves `bytes` as `<stem>.<extension>`, or `<stem>-2.<extension>` and so
/// on when an earlier file has that name: an export never replaces another.
/// `what` names the action for the message if it fails.
pub fn write_under_a_new_name(
    folder: &Path,
    stem: &str,
    extension: &str,
    bytes: &[u8],
    what: &str,
) -> crate::error::CoreResult<PathBuf> {
    use crate::error::CoreError;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{n}.{extension}")
        };
        match write_new_file(folder, &name, bytes) {
            Ok(path) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(CoreError::from_io(&error, what)),
        }
    }
    Err(CoreError::invalid(
        "The export folder already holds too many files of that name. Try again.",
    ))
}

/// Writes `bytes` to `folder/name`, which must not exist yet, then reads the
/// file back and checks it. On any failure nothing is left under `name` or
/// the temporary name.
pub fn write_new_file(folder: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let final_path = folder.join(name);
    let temp_path = folder.join(format!(".{name}.partial"));
    let result = write_then_link(&temp_path, &final_path, bytes);
    // The temporary name is removed whether or not the link worked: on
    // success the data lives on under the final name.
    let _ = fs::remove_file(&temp_path);
    result?;
    if fs::read(&final_path)? != bytes {
        let _ = fs::remove_file(&final_path);
        return Err(io::Error::other(
            "the file read back differs from what was written",
        ));
    }
    sync_folder(folder);
    Ok(final_path)
}

fn write_then_link(temp_path: &Path, final_path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp_path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    link_without_replacing(temp_path, final_path)
}

/// Gives `from` the name `to`, failing if `to` exists. A hard link is atomic
/// and never replaces; file systems without hard links (FAT, some network
/// shares) get a rename after an existence check, which is the best they
/// allow.
fn link_without_replacing(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(error),
        Err(error)
            if error.kind() == io::ErrorKind::Unsupported
                || error.raw_os_error().is_some_and(is_no_link_support) =>
        {
            if to.exists() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the file already exists",
                ));
            }
            fs::rename(from, to)
        }
        Err(error) => Err(error),
    }
}

/// EPERM on Linux and macOS file systems that refuse hard links; ERROR_
/// INVALID_FUNCTION and ERROR_NOT_SUPPORTED on Windows ones.
fn is_no_link_support(code: i32) -> bool {
    if cfg!(windows) {
        code == 1 || code == 50
    } else {
        code == 1
    }
}

/// Makes a rename inside `folder` durable. Windows has no way to open a
/// folder for syncing and makes renames durable itself.
pub fn sync_folder(folder: &Path) {
    if cfg!(unix)
        && let Ok(handle) = File::open(folder)
    {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        write_new_file(dir.path(), "a.slot", b"hello").unwrap();
        assert_eq!(fs::read(dir.path().join("a.slot")).unwrap(), b"hello");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn never_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        write_new_file(dir.path(), "a.slot", b"first").unwrap();
        let error = write_new_file(dir.path(), "a.slot", b"second").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(dir.path().join("a.slot")).unwrap(), b"first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_vanished_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        assert_eq!(
            write_new_file(&gone, "a", b"x").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }
}

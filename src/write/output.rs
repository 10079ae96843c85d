//! Where results go: a file, written atomically, or standard output.
//!
//! A file is written to a temporary file in the same folder and renamed over the
//! target, so that an interrupted run (or a writer that fails) leaves either the old
//! file or the new one, never half of one. A failure is a [`ErrorKind::Write`] error
//! that names the target, never the temporary file.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// Writes what `write` writes to `path` atomically, or to standard output for `-` or
/// no path. A closed standard output (`bitext … | head`) is not an error.
pub fn write_with(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    match path {
        Some(p) if p.as_os_str() != "-" => write_atomic_with(p, write),
        _ => write_stdout(write),
    }
}

/// Writes `bytes` to `path` atomically, or to standard output for `-` or no path.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::new(ErrorKind::Write(why(&e, Path::new("-"))), "-")),
    }
}

/// Writes `bytes` to `path` through a temporary file in its folder, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes what `write` writes to `path` through a temporary file in its folder, then
/// a rename.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let fail = |e: io::Error| Error::new(ErrorKind::Write(why(&e, path)), path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::new(ErrorKind::Write("it is a directory".into()), path));
    }
    if !dir.is_dir() {
        let why = format!("no folder {} to write it in", dir.display());
        return Err(Error::new(ErrorKind::Write(why), path));
    }
    let mut tmp = tempfile::Builder::new().prefix(".bitext-").suffix(".tmp").tempfile_in(dir).map_err(fail)?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w).and_then(|()| w.flush()).map_err(fail)?;
    }
    // A temporary file is private (0600); the result gets the old file's permissions,
    // or those of an ordinary new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode)).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Why a write failed, in words that name no temporary file.
fn why(e: &io::Error, path: &Path) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => format!("no folder {} to write it in", path.parent().unwrap_or(path).display()),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        io::ErrorKind::StorageFull => "no space left on the device".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        // An error a writer made (a format a command does not write…) says it itself.
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::Other => e.to_string(),
        _ => {
            // The standard message without the " at path …" that names the temporary file.
            let s = e.to_string();
            s.split(" at path ").next().unwrap_or(&s).to_string()
        }
    }
}

//! A bounded reader of the zip archives that hold .docx and .odt files.
//!
//! A 2 MB archive can inflate to gigabytes, so nothing here trusts what the archive
//! declares: members are never extracted, only the parts a reader asks for by name are
//! inflated, each through a reader that stops one byte past its cap, and the caps of
//! [`crate::limits`] bound the member count, each part, all parts together and the
//! compression ratio. Encrypted members are refused.

use std::io::{Cursor, Read};
use std::path::Path;

use ::zip::ZipArchive;
use ::zip::result::ZipError;

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{MAX_ZIP_MEMBERS, MAX_ZIP_PART_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES, ZIP_RATIO_FLOOR};

/// An open zip archive over bytes in memory, with what has been inflated so far.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    path: &'a Path,
    /// The bytes inflated from all parts so far.
    inflated: u64,
    /// The file's size: no member's compressed data can be larger.
    file_len: u64,
}

impl<'a> Archive<'a> {
    /// Opens the archive in `bytes` (which came from `path`, for messages).
    pub fn open(bytes: &'a [u8], path: &'a Path) -> Result<Self> {
        // Every member has a central directory header that starts with this signature,
        // so counting it over the file bounds the member count from above before the
        // directory is read (the count the archive declares may lie).
        let headers = bytes.windows(4).filter(|w| *w == b"PK\x01\x02").count();
        if headers > MAX_ZIP_MEMBERS {
            return Err(limit(path, format!("a zip archive of {headers} members; the limit is {MAX_ZIP_MEMBERS}")));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(path, &e))?;
        if zip.len() > MAX_ZIP_MEMBERS {
            return Err(limit(path, format!("a zip archive of {} members; the limit is {MAX_ZIP_MEMBERS}", zip.len())));
        }
        Ok(Archive { zip, path, inflated: 0, file_len: bytes.len() as u64 })
    }

    /// Whether the archive has a member of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Inflates the member `name`, if there is one, within the caps.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path;
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(why)) if why == ZipError::PASSWORD_REQUIRED => {
                return Err(password_protected(path));
            }
            Err(e) => return Err(damaged(path, &e)),
        };
        if file.encrypted() {
            return Err(password_protected(path));
        }
        // The declared compressed size bounds the ratio; it cannot honestly exceed the
        // file, so a larger claim is cut to the file's size.
        let compressed = file.compressed_size().min(self.file_len).max(1);
        let by_ratio = compressed.saturating_mul(MAX_ZIP_RATIO).max(ZIP_RATIO_FLOOR);
        let left = MAX_ZIP_TOTAL_BYTES - self.inflated;
        let cap = MAX_ZIP_PART_BYTES.min(left).min(by_ratio);
        // Never preallocate from the declared size: read through a cap instead.
        let mut out = Vec::new();
        (&mut file).take(cap + 1).read_to_end(&mut out).map_err(|e| damaged(path, &ZipError::Io(e)))?;
        let len = out.len() as u64;
        if len > cap {
            let why = if cap == by_ratio {
                format!(
                    "the zip member {name} inflates more than {MAX_ZIP_RATIO} times its compressed size \
                     of {compressed} bytes, as a zip bomb does; the limit is a ratio of {MAX_ZIP_RATIO}"
                )
            } else if cap == left {
                format!("the zip members inflate beyond {MAX_ZIP_TOTAL_BYTES} bytes in all; that is the limit")
            } else {
                format!("the zip member {name} inflates beyond {MAX_ZIP_PART_BYTES} bytes; that is the limit")
            };
            return Err(limit(path, why));
        }
        self.inflated += len;
        Ok(Some(out))
    }
}

fn limit(path: &Path, why: String) -> Error {
    Error::new(ErrorKind::Limit(why), path)
}

/// The error for an archive that cannot be read as a zip.
fn damaged(path: &Path, e: &ZipError) -> Error {
    Error::new(
        ErrorKind::Document(format!(
            "the file is damaged: not a complete zip archive ({e}); open it and save it again, or get a new copy"
        )),
        path,
    )
}

/// The error for a document saved with a password.
pub fn password_protected(path: &Path) -> Error {
    Error::new(ErrorKind::Document("the document is password-protected: save it without a password first".into()), path)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use ::zip::write::SimpleFileOptions;

    use super::*;

    fn archive(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in members {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_members_by_name() {
        let bytes = archive(&[("a.xml", b"<a/>"), ("b/c.xml", b"<c/>")]);
        let path = Path::new("t.docx");
        let mut zip = Archive::open(&bytes, path).unwrap();
        assert!(zip.has("b/c.xml") && !zip.has("c.xml"));
        assert_eq!(zip.read("a.xml").unwrap().unwrap(), b"<a/>");
        assert_eq!(zip.read("nothing").unwrap(), None);
    }

    #[test]
    fn refuses_a_truncated_archive() {
        let bytes = archive(&[("a.xml", b"<a/>")]);
        let e = Archive::open(&bytes[..bytes.len() - 10], Path::new("t.docx")).err().unwrap();
        assert!(matches!(e.kind, ErrorKind::Document(_)), "{e}");
        assert!(e.to_string().contains("not a complete zip archive"), "{e}");
    }

    #[test]
    fn refuses_a_highly_compressed_member() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let bytes = archive(&[("word/document.xml", &zeros)]);
        let mut zip = Archive::open(&bytes, Path::new("bomb.docx")).unwrap();
        let e = zip.read("word/document.xml").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
        assert!(e.to_string().contains("zip bomb"), "{e}");
    }

    #[test]
    fn refuses_too_many_members() {
        let names: Vec<String> = (0..=MAX_ZIP_MEMBERS).map(|i| format!("{i}")).collect();
        let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let bytes = archive(&members);
        let e = Archive::open(&bytes, Path::new("many.docx")).err().unwrap();
        assert!(e.to_string().contains("10001 members; the limit is 10000"), "{e}");
    }
}

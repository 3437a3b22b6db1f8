//! Ingest: reads article files and directories into [`Document`]s.
//!
//! A file named on the command line is read whatever its extension; inside a
//! directory (walked recursively, in sorted order, hidden entries skipped)
//! only `.txt` and `.md` files are. Text is kept byte-exact, so every span the
//! analysis stages produce indexes into what is on disk: a UTF-8 byte order
//! mark and front matter are not stripped, [`Document::body_start`] points
//! past them instead. A file that cannot be an article (missing, empty,
//! binary, not UTF-8, or a second file with an existing document id) is
//! returned as an [`Error`] and skipped; the others go on. This module only
//! reads; it never writes.
//!
//! Front matter is optional: when the text starts with a line `---`, the
//! lines up to the next `---` line are `key: value` pairs. Known keys are
//! `title`, `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `lang` (`en`, `de`)
//! and `url`/`source` (accepted, not kept: [`Document`] has no field for it).
//! Unknown keys and values that do not parse are ignored.

use crate::error::Error;
use crate::model::{Document, Lang};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The longest title kept, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// Extensions read inside directories (compared case-insensitively).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

/// Reads every `.txt`/`.md` file under `paths` (recursively, in sorted order)
/// and every file named directly. Files that cannot be read are returned as
/// errors; the rest go on. `default_date` is the publication date of
/// documents whose front matter gives none (ignored unless it is a valid
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub fn collect(paths: &[PathBuf], default_date: Option<&str>) -> (Vec<Document>, Vec<Error>) {
    let default_date = default_date.and_then(parse_date);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        list_files(path, &mut files, &mut errors);
    }

    let mut documents = Vec::new();
    // The same file reached twice (named and inside a named directory) is read once.
    let mut seen_files = HashSet::new();
    let mut first_path_of_id: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in files {
        let canonical = fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if !seen_files.insert(canonical) {
            continue;
        }
        let id = document_id(&file);
        if let Some(first) = first_path_of_id.get(&id) {
            errors.push(Error::DuplicateId { id, path: file, first: first.clone() });
            continue;
        }
        match read_document(&file, default_date.as_deref()) {
            Ok(doc) => {
                first_path_of_id.insert(id, file);
                documents.push(doc);
            }
            Err(error) => errors.push(error),
        }
    }
    (documents, errors)
}

/// A file that [`list`] found: its path, document id, size, and its place
/// in the order the files were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub path: PathBuf,
    pub id: String,
    pub len: u64,
    pub order: usize,
}

/// What [`list`] found: the files grouped by document id, sorted by id (the
/// files of a group in the order they were found), and the paths that could
/// not be listed, each with its place in the order.
#[derive(Debug, Default)]
pub struct Listing {
    pub groups: Vec<Vec<Listed>>,
    pub errors: Vec<(usize, Error)>,
    pub n_files: usize,
    pub n_bytes: u64,
}

/// Lists the files that `paths` stand for as [`collect`] reads them, without
/// reading them, so that a build can read and analyse them a batch at a
/// time. Reading a group with [`read_group`] gives what `collect` gives for
/// those files.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut files = Vec::new();
    let mut listing = Listing::default();
    let mut errors = Vec::new();
    for path in paths {
        list_files(path, &mut files, &mut errors);
    }
    let n_errors = errors.len();
    listing.errors = errors.into_iter().enumerate().collect();
    let mut seen_files = HashSet::new();
    let mut groups: BTreeMap<String, Vec<Listed>> = BTreeMap::new();
    for (i, file) in files.into_iter().enumerate() {
        let canonical = fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if !seen_files.insert(canonical) {
            continue;
        }
        let len = fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        listing.n_files += 1;
        listing.n_bytes += len;
        let id = document_id(&file);
        groups.entry(id.clone()).or_default().push(Listed { path: file, id, len, order: n_errors + i });
    }
    listing.groups = groups.into_values().collect();
    listing
}

/// What [`read_group`] gives: the document, if a file could be read, and
/// the errors of the others, each with its place in the order of [`list`].
pub type Group = (Option<Document>, Vec<(usize, Error)>);

/// Reads the files of one group of [`list`] (files with the same document
/// id): the first that reads is the document, the ones after it are
/// duplicates, and the ones before it that failed are errors.
pub fn read_group(group: &[Listed], default_date: Option<&str>) -> Group {
    let default_date = default_date.and_then(parse_date);
    let mut errors = Vec::new();
    let mut first: Option<(Document, &Path)> = None;
    for listed in group {
        match &first {
            Some((_, path)) => errors.push((
                listed.order,
                Error::DuplicateId { id: listed.id.clone(), path: listed.path.clone(), first: path.to_path_buf() },
            )),
            None => match read_document(&listed.path, default_date.as_deref()) {
                Ok(doc) => first = Some((doc, &listed.path)),
                Err(error) => errors.push((listed.order, error)),
            },
        }
    }
    (first.map(|(doc, _)| doc), errors)
}

/// Reads one article file. `default_date` applies when the front matter has
/// no valid date.
pub fn read_document(path: &Path, default_date: Option<&str>) -> Result<Document, Error> {
    let bytes = fs::read(path).map_err(|source| io_error(path, source))?;
    parse_document(path, &bytes, default_date)
}

/// Turns the raw bytes of a file into a [`Document`]: the checks and front
/// matter parsing of [`read_document`] without the file system.
pub fn parse_document(path: &Path, bytes: &[u8], default_date: Option<&str>) -> Result<Document, Error> {
    if bytes.contains(&0) {
        return Err(Error::Binary { path: path.to_path_buf() });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            return Err(Error::InvalidUtf8 { path: path.to_path_buf(), line, offset });
        }
    };
    let sha256 = hex(&Sha256::digest(bytes));

    let after_bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let (front, body_start) = match front_matter(text, after_bom) {
        Some((front, body_start)) => (front, body_start),
        None => (FrontMatter::default(), after_bom),
    };
    let body = &text[body_start..];
    if body.trim().is_empty() {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    let title = front.title.filter(|t| !t.is_empty()).unwrap_or_else(|| first_line_title(body));
    let date = front.date.or_else(|| default_date.and_then(parse_date));
    Ok(Document {
        id: document_id(path),
        path: path.display().to_string(),
        text: text.to_string(),
        sha256,
        title: truncate_chars(&title, MAX_TITLE_CHARS),
        date,
        lang_hint: front.lang,
        body_start,
    })
}

/// The document id of a file: its stem (`seeds/001_x.txt` → `001_x`).
pub fn document_id(path: &Path) -> String {
    match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => path.display().to_string(),
    }
}

/// Checks a publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time
/// after the day, as in `2021-07-14T10:00:00Z`, is dropped). Returns the
/// normalised date, or `None` when it does not parse.
pub fn parse_date(value: &str) -> Option<String> {
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let value = match value.char_indices().nth(10) {
        Some((i, c)) if c == 'T' || c == ' ' => &value[..i],
        _ => value,
    };
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = number(parts.first()?, 4)?;
    if parts.len() >= 2 {
        let month = number(parts[1], 2)?;
        if !(1..=12).contains(&month) {
            return None;
        }
        if parts.len() == 3 {
            let day = number(parts[2], 2)?;
            if day < 1 || day > days_in_month(year, month) {
                return None;
            }
        }
    }
    if parts.len() > 3 {
        return None;
    }
    Some(value.to_string())
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    lang: Option<Lang>,
}

/// Parses front matter starting at byte `start`. Returns it and the byte
/// offset just after the closing `---` line, or `None` when the text does not
/// start with a `---` line or the block is never closed.
fn front_matter(text: &str, start: usize) -> Option<(FrontMatter, usize)> {
    let mut lines = text[start..].split_inclusive('\n');
    let mut offset = start;
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    offset += first.len();
    let mut front = FrontMatter::default();
    for line in lines {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" {
            return Some((front, offset));
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => front.title = Some(value.to_string()),
            "date" => front.date = parse_date(value),
            "lang" | "language" => front.lang = Lang::from_code(value),
            // Accepted so that they are not mistaken for errors; Document has no field for them.
            "url" | "source" => {}
            _ => {}
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

/// The first non-empty line, trimmed, without Markdown heading marks.
fn first_line_title(body: &str) -> String {
    body.lines()
        .map(|line| line.trim().trim_start_matches('#').trim())
        .find(|line| !line.is_empty())
        .unwrap_or_default()
        .to_string()
}

fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].trim_end().to_string(),
        None => s.to_string(),
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn io_error(path: &Path, source: io::Error) -> Error {
    if source.kind() == io::ErrorKind::NotFound {
        Error::NotFound { path: path.to_path_buf() }
    } else {
        Error::Io { path: path.to_path_buf(), source }
    }
}

/// Appends the files that `path` stands for: itself if it is a file, the
/// article files under it if it is a directory.
fn list_files(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    match fs::metadata(path) {
        Err(source) => errors.push(io_error(path, source)),
        Ok(meta) if meta.is_dir() => {
            let mut visited = HashSet::new();
            walk(path, files, errors, &mut visited);
        }
        Ok(meta) if meta.is_file() => files.push(path.to_path_buf()),
        Ok(_) => errors.push(Error::Io {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "not a regular file or directory"),
        }),
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>, visited: &mut HashSet<PathBuf>) {
    // Symbolic links can make cycles; a directory is entered once.
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !visited.insert(canonical) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(io_error(dir, source));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    paths.push(entry.path());
                }
            }
            Err(source) => errors.push(io_error(dir, source)),
        }
    }
    paths.sort();
    for path in paths {
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, files, errors, visited),
            Ok(meta) if meta.is_file() && is_article_file(&path) => files.push(path),
            Ok(_) => {}
            // A dangling symbolic link to an article is worth reporting.
            Err(source) if is_article_file(&path) => errors.push(io_error(&path, source)),
            Err(_) => {}
        }
    }
}

fn is_article_file(path: &Path) -> bool {
    path.extension().map(|ext| ARTICLE_EXTENSIONS.iter().any(|a| ext.eq_ignore_ascii_case(a))).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, Error> {
        parse_document(Path::new("dir/a.txt"), text.as_bytes(), None)
    }

    #[test]
    fn dates() {
        for (input, expected) in [
            ("2021", Some("2021")),
            ("2021-07", Some("2021-07")),
            ("2021-07-14", Some("2021-07-14")),
            (" \"2021-07-14\" ", Some("2021-07-14")),
            ("2021-07-14T10:00:00Z", Some("2021-07-14")),
            ("2020-02-29", Some("2020-02-29")),
            ("2021-02-29", None),
            ("2021-13", None),
            ("2021-00-10", None),
            ("21-07-14", None),
            ("July 2021", None),
            ("2021-07-14-01", None),
            ("", None),
            ("202١", None),
        ] {
            assert_eq!(parse_date(input).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn front_matter_cases() {
        // (text, title, date, lang, body_start)
        type Case = (&'static str, &'static str, Option<&'static str>, Option<Lang>, usize);
        let cases: &[Case] = &[
            ("Plain title\n\nBody.", "Plain title", None, None, 0),
            ("\n\n  # Heading  \nBody.", "Heading", None, None, 0),
            ("---\ntitle: T\ndate: 2021-07\nlang: de\n---\nBody.", "T", Some("2021-07"), Some(Lang::De), 40),
            ("---\r\ntitle: 'Q'\r\n---\r\nBody.", "Q", None, None, 22),
            ("---\ndate: soon\nurl: http://x\nbogus line\n---\nFirst line\n", "First line", None, None, 44),
            // An unclosed block is not front matter: the text is all body.
            ("---\ntitle: T\nBody.", "---", None, None, 0),
            ("\u{feff}Title\nBody", "Title", None, None, 3),
            ("\u{feff}---\ntitle: B\n---\nBody", "B", None, None, 20),
        ];
        for &(text, title, date, lang, body_start) in cases {
            let doc = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(doc.title, title, "{text:?}");
            assert_eq!(doc.date.as_deref(), date, "{text:?}");
            assert_eq!(doc.lang_hint, lang, "{text:?}");
            assert_eq!(doc.body_start, body_start, "{text:?}");
            assert_eq!(doc.text, text, "text is kept byte-exact");
        }
    }

    #[test]
    fn default_date_applies_only_without_front_matter_date() {
        let path = Path::new("a.txt");
        let doc = parse_document(path, b"Title\n", Some("2020-01-02")).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2020-01-02"));
        let doc = parse_document(path, b"---\ndate: 2019\n---\nTitle\n", Some("2020-01-02")).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2019"));
        let doc = parse_document(path, b"Title\n", Some("not a date")).unwrap();
        assert_eq!(doc.date, None);
    }

    #[test]
    fn bad_contents() {
        assert!(matches!(parse(""), Err(Error::Empty { .. })));
        assert!(matches!(parse(" \n\t\r\n"), Err(Error::Empty { .. })));
        assert!(matches!(parse("\u{feff}\n"), Err(Error::Empty { .. })));
        assert!(matches!(parse("---\ntitle: only\n---\n\n"), Err(Error::Empty { .. })));
        assert!(matches!(parse("a\0b"), Err(Error::Binary { .. })));
        let bytes = b"line one\nline two\nbad \xff byte";
        match parse_document(Path::new("x.txt"), bytes, None) {
            Err(Error::InvalidUtf8 { line, offset, .. }) => assert_eq!((line, offset), (3, 22)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn title_is_truncated_on_a_char_boundary() {
        let long = "ä".repeat(300);
        let doc = parse(&long).unwrap();
        assert_eq!(doc.title.chars().count(), MAX_TITLE_CHARS);
    }

    #[test]
    fn id_hash_and_path() {
        let doc = parse_document(Path::new("dir/001_ab.txt"), b"abc", None).unwrap();
        assert_eq!(doc.id, "001_ab");
        assert_eq!(doc.path, "dir/001_ab.txt");
        assert_eq!(doc.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

//! The library's error type. Every variant names the file it is about, so the
//! binary can print it as is. Analysis stages never return errors; only
//! ingest, store, lexicon loading and export do.

use std::path::PathBuf;

/// Errors from newsgraph's I/O stages.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A path given by the user does not exist.
    #[error("{}: no such file or directory", path.display())]
    NotFound { path: PathBuf },
    /// A file that is not valid UTF-8 text.
    #[error("{}:{line}: not valid UTF-8 (byte offset {offset})", path.display())]
    InvalidUtf8 { path: PathBuf, line: usize, offset: usize },
    /// A file that looks binary (NUL bytes).
    #[error("{}: looks like a binary file, not an article", path.display())]
    Binary { path: PathBuf },
    /// A file with no text in it.
    #[error("{}: empty file", path.display())]
    Empty { path: PathBuf },
    /// A lexicon file that does not parse or is inconsistent.
    #[error("lexicon {path}: {message}")]
    Lexicon { path: String, message: String },
    /// A gold file (the hand-made graph `eval` scores against) that does not
    /// parse or names entities it does not define.
    #[error("gold file {}: {message}", path.display())]
    Gold { path: PathBuf, message: String },
    /// SQLite failed on a database file.
    #[error("database {}: {source}", path.display())]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by another schema version.
    #[error("database {}: schema version {found}, this newsgraph reads version {expected}; rebuild it with `newsgraph build --rebuild`", path.display())]
    SchemaVersion { path: PathBuf, found: i64, expected: i64 },
    /// The database file exists but is not a newsgraph database.
    #[error("database {}: {message}", path.display())]
    NotNewsgraph { path: PathBuf, message: String },
    /// A query or argument the user gave is invalid.
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

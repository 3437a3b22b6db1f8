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
    /// A file that is not valid UTF-8 text. `line` is 1-based; `offset` is
    /// the byte offset of the first invalid byte in the file.
    #[error("{}:{line}: not valid UTF-8 (byte offset {offset})", path.display())]
    InvalidUtf8 { path: PathBuf, line: usize, offset: usize },
    /// A file that looks binary (NUL bytes).
    #[error("{}: looks like a binary file, not an article", path.display())]
    Binary { path: PathBuf },
    /// A file with no text in it (empty, whitespace only, or front matter only).
    #[error("{}: empty file (no article text)", path.display())]
    Empty { path: PathBuf },
    /// Two input files have the same stem, so they would get the same
    /// document id; the second one (`path`) is skipped.
    #[error("{}: duplicate document id '{id}' (also the stem of {})", path.display(), first.display())]
    DuplicateId { id: String, path: PathBuf, first: PathBuf },
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
    #[error("database {}: schema version {found}, this newsgraph reads version {expected}; remove the file or build into another --db", path.display())]
    SchemaVersion { path: PathBuf, found: i64, expected: i64 },
    /// The database file exists but is not a newsgraph database (or not a
    /// SQLite file at all). It is left untouched.
    #[error("database {}: {message}", path.display())]
    NotNewsgraph { path: PathBuf, message: String },
    /// The database file cannot be created or opened for writing where it is.
    #[error("database {}: cannot create or write it: {message}", path.display())]
    Unwritable { path: PathBuf, message: String },
    /// A command that reads the database was run before any build.
    #[error("no database at {}; run `newsgraph build` first", path.display())]
    NoDatabase { path: PathBuf },
    /// The `sql` command was given a statement that would change the database.
    #[error("database {}: the sql command is read-only; this statement would change the database", path.display())]
    ReadOnly { path: PathBuf },
    /// No entity has this name or alias.
    #[error("no entity named '{name}'{}", did_you_mean(suggestions))]
    UnknownEntity { name: String, suggestions: Vec<String> },
    /// The build was stopped (Ctrl-C) before it finished; what it stored is
    /// whole and the next build goes on from there.
    #[error("interrupted: {message}")]
    Interrupted { message: String },
    /// A query or argument the user gave is invalid.
    #[error("{0}")]
    Invalid(String),
    /// `--render` needs Graphviz's `dot`, which is not on the PATH.
    #[error(
        "cannot render {format}: Graphviz's `dot` is not installed (or not on the PATH); install Graphviz \
         (Debian/Ubuntu: `apt-get install graphviz`, macOS: `brew install graphviz`) or leave out --render \
         to write the DOT text"
    )]
    GraphvizMissing { format: String },
    /// Graphviz's `dot` ran but failed; `message` is what it said.
    #[error("graphviz `dot -T{format}` failed: {message}")]
    Graphviz { format: String, message: String },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

//! Export: writes the graph as JSON (the contract of `ONTOLOGY.md`), as
//! Graphviz DOT, as GraphML or as Neo4j import CSV. Each is a pure function of
//! a [`crate::Graph`] that gives byte-identical output for identical input;
//! [`write_file`] and [`render`] (which runs Graphviz's `dot`) are the only
//! I/O here, and no half-written file is ever left behind.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod render;

use crate::error::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` through a temporary file in the same
/// directory and a rename, so readers never see a partial export and a
/// failed write leaves any earlier file as it was.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temporary = directory.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(contents)?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(io)
}

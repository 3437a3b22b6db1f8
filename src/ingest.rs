//! Ingest: reads article files and directories into [`Document`]s.
//! (stub — being written)

use crate::error::Error;
use crate::model::Document;
use std::path::PathBuf;

/// Reads every `.txt`/`.md` file under `paths` (recursively, in sorted order).
/// Files that cannot be read are returned as errors; the rest go on.
pub fn collect(paths: &[PathBuf], default_date: Option<&str>) -> (Vec<Document>, Vec<Error>) {
    let _ = (paths, default_date);
    (Vec::new(), Vec::new())
}

//! Runs newsgraph's analysis on a directory of articles without a database
//! and prints the graph as JSON: the library used the way a program would.
//!
//!     cargo run --example analyze -- seeds > graph.json

use newsgraph::model::Document;
use newsgraph::{pipeline, Lexicon};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "seeds".into()));
    let lexicon = Lexicon::builtin()?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")) {
        let text = std::fs::read_to_string(&path)?;
        docs.push(Document {
            id: path.file_stem().unwrap_or_default().to_string_lossy().into_owned(),
            path: path.display().to_string(),
            title: text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string(),
            sha256: String::new(),
            date: None,
            lang_hint: None,
            body_start: 0,
            text,
        });
    }
    let analyses: Vec<_> = docs.iter().map(|d| pipeline::analyze(d, &lexicon)).collect();
    let graph = pipeline::assemble(&docs, &analyses, &lexicon);
    println!("{}", serde_json::to_string_pretty(&graph)?);
    Ok(())
}

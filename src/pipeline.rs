//! The one place that knows the order of the stages.
//!
//! [`analyze`] runs the pure analysis stages on one document; [`assemble`]
//! merges the analyses of a corpus into one [`Graph`]; [`build`] wraps both
//! with the I/O stages (ingest before, store after). Analysis never fails: a
//! document that cannot be read is reported by ingest and skipped.

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Analysis, Document, Graph};
use crate::{entities, events, ingest, lang, relations, resolve, sentences, store};
use rayon::prelude::*;
use std::path::PathBuf;

/// What `newsgraph build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Files and directories to read (recursively; `.txt` and `.md`).
    pub paths: Vec<PathBuf>,
    /// The SQLite database to create or extend.
    pub db: PathBuf,
    /// Start the database over instead of adding to it.
    pub rebuild: bool,
    /// Publication date for documents whose front matter gives none.
    pub date: Option<String>,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Documents read and stored for the first time (or changed).
    pub added: usize,
    /// Documents skipped because the database already held the same content.
    pub unchanged: usize,
    /// Files that could not be read, with the reason; the build went on without them.
    pub skipped: Vec<crate::Error>,
    /// Soft problems found while analysing (document id, message).
    pub diagnostics: Vec<(String, String)>,
    /// Totals in the database after the build.
    pub n_documents: usize,
    pub n_entities: usize,
    pub n_events: usize,
    pub n_relations: usize,
}

/// Runs the analysis stages on one document.
pub fn analyze(doc: &Document, lexicon: &Lexicon) -> Analysis {
    let mut analysis = Analysis::default();
    let language = lang::detect(doc);
    analysis.lang = Some(language.lang);
    if let Some(note) = language.note {
        analysis.diagnostics.push(note);
    }
    analysis.sentences = sentences::split(&doc.text, doc.body_start, language.lang, lexicon);
    let found = entities::recognize(doc, language.lang, &analysis.sentences, lexicon);
    let found = resolve::within_document(doc, language.lang, &analysis.sentences, found, lexicon);
    analysis.events = events::extract(doc, language.lang, &analysis.sentences, &found, lexicon);
    analysis.relations = relations::extract(doc, language.lang, &analysis.sentences, &found, lexicon);
    analysis.entities = found.entities;
    analysis.mentions = found.mentions;
    analysis
}

/// Merges per-document analyses into the corpus graph: one node per
/// real-world entity, one event per real-world event.
pub fn assemble(docs: &[Document], analyses: &[Analysis], lexicon: &Lexicon) -> Graph {
    resolve::across_documents(docs, analyses, lexicon)
}

/// Reads `options.paths`, analyses what is new, and rewrites the graph in
/// `options.db` in one transaction.
pub fn build(options: &BuildOptions, lexicon: &Lexicon) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    // Read first: a mistyped path must not leave an empty database behind.
    let (read, skipped) = ingest::collect(&options.paths, options.date.as_deref());
    report.skipped = skipped;
    let mut store = store::Store::open(&options.db)?;

    // `--rebuild` starts from no documents; `replace_all` swaps the whole
    // graph in one transaction, so a failed rebuild keeps the old one.
    let mut docs = if options.rebuild { Vec::new() } else { store.load_documents()? };
    for doc in read {
        if docs.iter().any(|d| d.sha256 == doc.sha256 && d.id != doc.id) {
            // The same article under another name: seen before.
            report.unchanged += 1;
            continue;
        }
        match docs.iter_mut().find(|d| d.id == doc.id) {
            Some(existing) if existing.sha256 == doc.sha256 => report.unchanged += 1,
            Some(existing) => {
                *existing = doc;
                report.added += 1;
            }
            None => {
                docs.push(doc);
                report.added += 1;
            }
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));

    let analyses: Vec<Analysis> = docs.par_iter().map(|doc| analyze(doc, lexicon)).collect();
    for (doc, analysis) in docs.iter().zip(&analyses) {
        for note in &analysis.diagnostics {
            report.diagnostics.push((doc.id.clone(), note.clone()));
        }
    }
    let graph = assemble(&docs, &analyses, lexicon);
    store.replace_all(&docs, &analyses, &graph)?;

    report.n_documents = docs.len();
    report.n_entities = graph.entities.len();
    report.n_events = graph.events.len();
    report.n_relations = graph.relations.len();
    Ok(report)
}

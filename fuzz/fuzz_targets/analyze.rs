//! Fuzz target: arbitrary bytes through the whole extraction (ingest's
//! parsing, `pipeline::analyze`, `pipeline::assemble`), no I/O. It must
//! never panic, and every span must be in bounds and on char boundaries.
//!
//!     cargo fuzz run analyze -s none
//!
//! (`-s none`: no sanitizer, so it runs on stable-built dependencies; the
//! crate forbids unsafe code anyway.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::model::{Document, Span};
use newsgraph::{ingest, pipeline, Lexicon};
use std::path::Path;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

fn check(text: &str, span: Span) {
    assert!(span.start <= span.end && span.end <= text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

fuzz_target!(|data: &[u8]| {
    let doc = match ingest::parse_document(Path::new("fuzz.txt"), data, Some("2021-07-14")) {
        Ok(doc) => doc,
        Err(_) => Document {
            id: "fuzz".into(),
            path: "fuzz.txt".into(),
            text: String::from_utf8_lossy(data).into_owned(),
            sha256: String::new(),
            title: String::new(),
            date: None,
            lang_hint: None,
            body_start: 0,
        },
    };
    let analysis = pipeline::analyze(&doc, lexicon());
    for span in analysis.sentences.iter().chain(analysis.mentions.iter().map(|m| &m.span)) {
        check(&doc.text, *span);
    }
    for event in &analysis.events {
        check(&doc.text, event.trigger);
    }
    let graph = pipeline::assemble(std::slice::from_ref(&doc), std::slice::from_ref(&analysis), lexicon());
    for evidence in graph.events.iter().flat_map(|e| &e.evidence) {
        check(&doc.text, Span::new(evidence.start, evidence.end));
    }
});

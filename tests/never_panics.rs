//! The extraction never panics, whatever the input: arbitrary bytes (read
//! as ingest would, or lossily), arbitrary Unicode, and text made of the
//! words the stages react to, go through `pipeline::analyze` and
//! `pipeline::assemble` (no I/O), and through the compact form and the
//! streaming assembly. Every span must be in bounds and on char boundaries.
//!
//! A bounded number of cases runs with `cargo test` (`PROPTEST_CASES`
//! changes it); `fuzz/` has the same property as a cargo-fuzz target.

use newsgraph::assemble::{DocumentStrings, EntityPass, EventPass, PriorIds};
use newsgraph::compact::Compact;
use newsgraph::model::{Analysis, Document, Span};
use newsgraph::{ingest, pipeline, Lexicon};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

fn document(bytes: &[u8]) -> Document {
    match ingest::parse_document(Path::new("fuzz/input.txt"), bytes, Some("2021-07-14")) {
        Ok(doc) => doc,
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            Document {
                id: "input".into(),
                path: "input.txt".into(),
                sha256: String::new(),
                title: String::new(),
                date: None,
                lang_hint: None,
                body_start: 0,
                text,
            }
        }
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} out of bounds ({} bytes)", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn check_analysis(doc: &Document, analysis: &Analysis) {
    let text = doc.text.as_str();
    for s in &analysis.sentences {
        check_span(text, *s, "sentence");
    }
    let joined: String = analysis.sentences.iter().map(|s| s.slice(text)).collect();
    assert_eq!(joined, text, "sentences tile the text");
    for m in &analysis.mentions {
        check_span(text, m.span, "mention");
        assert!(m.entity < analysis.entities.len(), "mention of entity {}", m.entity);
        assert!(m.sentence < analysis.sentences.len().max(1), "mention in sentence {}", m.sentence);
    }
    for e in &analysis.events {
        check_span(text, e.trigger, "trigger");
        for &i in e.agent.iter().chain(&e.target).chain(&e.reported_by) {
            assert!(i < analysis.entities.len(), "event argument {i}");
        }
        assert!(e.sentence < analysis.sentences.len(), "event in sentence {}", e.sentence);
    }
    for r in &analysis.relations {
        assert!(r.source < analysis.entities.len() && r.target < analysis.entities.len());
    }
}

/// Analyses and assembles documents, both ways, checking every span.
fn extract(inputs: &[Vec<u8>]) {
    let mut docs: Vec<Document> = inputs.iter().map(|b| document(b)).collect();
    for (i, doc) in docs.iter_mut().enumerate() {
        doc.id = format!("d{i}");
    }
    let analyses: Vec<Analysis> = docs.iter().map(|d| pipeline::analyze(d, lexicon())).collect();
    for (doc, analysis) in docs.iter().zip(&analyses) {
        check_analysis(doc, analysis);
    }
    let graph = pipeline::assemble(&docs, &analyses, lexicon());
    let text_of = |id: &str| docs.iter().find(|d| d.id == id).map(|d| d.text.as_str()).expect("a known document");
    for evidence in
        graph.events.iter().flat_map(|e| &e.evidence).chain(graph.relations.iter().flat_map(|r| &r.evidence))
    {
        let text = text_of(&evidence.document);
        check_span(text, Span::new(evidence.start, evidence.end), "evidence");
        assert_eq!(evidence.text, text[evidence.start..evidence.end]);
    }
    for mention in graph.mentions.iter().flatten() {
        let text = text_of(&mention.document);
        check_span(text, Span::new(mention.start, mention.end), "graph mention");
    }

    // The compact form and the streaming assembly.
    let compacts: Vec<Compact> = docs
        .iter()
        .zip(&analyses)
        .map(|(doc, analysis)| {
            let compact = Compact::new(doc, analysis);
            assert_eq!(Compact::decode(&compact.encode()).as_ref(), Some(&compact));
            compact
        })
        .collect();
    let mut entity_pass = EntityPass::new();
    for (d, compact) in compacts.iter().enumerate() {
        entity_pass.add(d as u32, compact);
    }
    let entities = entity_pass.finish(lexicon());
    let prior = PriorIds::default();
    let ids = DocumentStrings::new(docs.iter().map(|d| Some(d.id.as_str())));
    let dates = DocumentStrings::new(docs.iter().map(|d| d.date.as_deref()));
    let mut event_pass = EventPass::new(&entities, lexicon(), &prior, &ids, dates);
    for (d, compact) in compacts.iter().enumerate() {
        event_pass.add(d as u32, compact);
    }
    let mut plan = event_pass.finish(&prior);
    assert_eq!(plan.entities().len(), graph.entities.len());
    assert_eq!(plan.events().len(), graph.events.len());
    assert_eq!(plan.relations(&prior).len(), graph.relations.len());
    for (d, compact) in compacts.iter().enumerate() {
        let entity_ids = plan.entity_ids(compact);
        let rows = plan.document_rows(d as u32, compact, &entity_ids);
        for (_, _, evidence) in &rows.event_evidence {
            check_span(&docs[d].text, Span::new(evidence.start as usize, evidence.end as usize), "streamed evidence");
        }
    }
}

/// Words and marks the stages react to, to build texts that reach deep.
const VOCABULARY: &[&str] = &[
    "The",
    "U.S.",
    "US",
    "Commerce",
    "Department",
    "added",
    "to",
    "the",
    "Entity",
    "List",
    "Das",
    "US-Handelsministerium",
    "ermittelt",
    "gegen",
    "Alibaba",
    "Alibaba-Tochter",
    "Ant",
    "Financial",
    "according",
    "laut",
    "Reuters",
    "said",
    "sagte",
    "investigating",
    "investigation",
    "into",
    "by",
    "von",
    "wurde",
    "untersucht",
    "Jack",
    "Ma",
    "Ross",
    "Wilbur",
    "Inc",
    "AG",
    "GmbH",
    "Office",
    "of",
    "Bundesamt",
    "für",
    "Chinese",
    "chinesischen",
    "Regierung",
    "government",
    "federal",
    "die",
    "Behörde",
    "the",
    "company",
    "It",
    "it",
    "Trump",
    "administration",
    "Trump-Administration",
    "in",
    "August",
    "2020",
    "Jan.",
    "5,",
    "2021",
    "am",
    "3.",
    "Januar",
    "last",
    "month",
    "im",
    "vergangenen",
    "Monat",
    "not",
    "nicht",
    "could",
    "könnte",
    "(BIS)",
    "(F.N)",
    "'s",
    "’s",
    "s",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "\"",
    "„",
    "“",
    "-",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    "---\n",
    "title:",
    "date:",
    "lang:",
    "de",
    "en",
    "\u{feff}",
    "Σ",
    "ΟΔΟΣ",
    "İstanbul",
    "ß",
    "Straße",
    "ﬁ",
    "e\u{301}",
    "\u{200b}",
    "\t",
    "  ",
    "z. B.",
    "Nr.",
    "Mr.",
    "J.",
    "founded",
    "gegründet",
    "within",
    "innerhalb",
    "des",
    "Huawei,",
    "TikTok",
    "and",
    "Xiaomi",
    "darunter",
    "DJI",
    "drone",
    "maker",
    "Drohnenhersteller",
    "wirft",
    "vor",
];

fn vocabulary_text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0..VOCABULARY.len(), prop::bool::ANY), 0..120).prop_map(|words| {
        let mut text = String::new();
        for (i, space) in words {
            text.push_str(VOCABULARY[i]);
            if space {
                text.push(' ');
            }
        }
        text.into_bytes()
    })
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(160);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(inputs in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..600), 1..4)) {
        extract(&inputs);
    }

    #[test]
    fn arbitrary_unicode(inputs in prop::collection::vec(any::<String>(), 1..4)) {
        extract(&inputs.into_iter().map(String::into_bytes).collect::<Vec<_>>());
    }

    #[test]
    fn texts_of_the_words_the_stages_read(inputs in prop::collection::vec(vocabulary_text(), 1..4)) {
        extract(&inputs);
    }
}

//! A small hand-made corpus graph for the store and export tests: two
//! documents (English and German), their analyses, and the corpus graph the
//! analysis stages would give, consistent with each other (every span indexes
//! the document text). It does not depend on the analysis stages, so these
//! tests hold whatever they return.

#![allow(dead_code)]

use newsgraph::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Fixture {
    pub docs: Vec<Document>,
    pub analyses: Vec<Analysis>,
    pub graph: Graph,
}

pub const TEXT_A: &str = "---\ntitle: Commerce probes Alibaba\ndate: 2021-07\n---\n\
The US Department of Commerce is investigating Alibaba, according to Reuters. \
Alibaba denies it.\n";
pub const TEXT_B: &str = "Das US-Handelsministerium ermittelt gegen Alibaba. \
Alibaba Cloud gehört zu Alibaba, sagt \"Quote\\Corp\".\n";

fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).map(|(i, _)| i).expect("needle in fixture text");
    Span::new(start, start + needle.len())
}

fn sentences(text: &str, body_start: usize) -> Vec<Span> {
    // Sentences end after ". "; good enough for the fixture's texts.
    let mut spans = Vec::new();
    let mut start = body_start;
    for (i, _) in text.match_indices(". ") {
        if i >= start {
            spans.push(Span::new(start, i + 2));
            start = i + 2;
        }
    }
    spans.push(Span::new(start, text.len()));
    spans
}

fn evidence(doc: &Document, sentence: Span) -> Evidence {
    Evidence {
        document: doc.id.clone(),
        start: sentence.start,
        end: sentence.end,
        text: doc.text[sentence.start..sentence.end].to_string(),
    }
}

pub fn fixture() -> Fixture {
    let doc_a = newsgraph::ingest::parse_document(Path::new("news/a1.txt"), TEXT_A.as_bytes(), None).unwrap();
    let doc_b =
        newsgraph::ingest::parse_document(Path::new("news/b2.txt"), TEXT_B.as_bytes(), Some("2021-07-14")).unwrap();

    let local = |key: &str, name: &str, etype: EntityType, country: Option<&str>, sector: Option<&str>| LocalEntity {
        key: key.to_string(),
        name: name.to_string(),
        etype,
        country: country.map(String::from),
        sector: sector.map(String::from),
        weak: false,
    };
    let commerce = |name: &str| local("lex:us-commerce", name, EntityType::Agency, Some("USA"), Some("GOV"));
    let alibaba = |name: &str| local("lex:alibaba", name, EntityType::Company, Some("CHN"), Some("BUS"));

    // Document a1.
    let sentences_a = sentences(TEXT_A, doc_a.body_start);
    let a_commerce = span(TEXT_A, "US Department of Commerce", 0);
    let a_alibaba1 = span(TEXT_A, "Alibaba", 1); // 0 is in the title
    let a_reuters = span(TEXT_A, "Reuters", 0);
    let a_alibaba2 = span(TEXT_A, "Alibaba", 2);
    let analysis_a = Analysis {
        lang: Some(Lang::En),
        sentences: sentences_a.clone(),
        entities: vec![
            commerce("US Department of Commerce"),
            alibaba("Alibaba"),
            local("lex:reuters", "Reuters", EntityType::Company, Some("GBR"), Some("MED")),
        ],
        mentions: vec![
            Mention { span: a_commerce, sentence: 0, entity: 0, anaphoric: false, modifier: false },
            Mention { span: a_alibaba1, sentence: 0, entity: 1, anaphoric: false, modifier: false },
            Mention { span: a_reuters, sentence: 0, entity: 2, anaphoric: false, modifier: false },
            Mention { span: a_alibaba2, sentence: 1, entity: 1, anaphoric: false, modifier: false },
        ],
        events: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    };

    // Document b2.
    let sentences_b = sentences(TEXT_B, doc_b.body_start);
    let b_commerce = span(TEXT_B, "US-Handelsministerium", 0);
    let b_alibaba1 = span(TEXT_B, "Alibaba", 0);
    let b_cloud = span(TEXT_B, "Alibaba Cloud", 0);
    let b_alibaba3 = span(TEXT_B, "Alibaba", 2);
    let b_quote = span(TEXT_B, "Quote\\Corp", 0);
    let analysis_b = Analysis {
        lang: Some(Lang::De),
        sentences: sentences_b.clone(),
        entities: vec![
            commerce("US-Handelsministerium"),
            alibaba("Alibaba"),
            local("lex:alibaba-cloud", "Alibaba Cloud", EntityType::Company, Some("CHN"), Some("BUS")),
            local("name:company:quote corp", "Quote\\Corp", EntityType::Company, None, None),
        ],
        mentions: vec![
            Mention { span: b_commerce, sentence: 0, entity: 0, anaphoric: false, modifier: false },
            Mention { span: b_alibaba1, sentence: 0, entity: 1, anaphoric: false, modifier: false },
            Mention { span: b_cloud, sentence: 1, entity: 2, anaphoric: false, modifier: false },
            Mention { span: b_alibaba3, sentence: 1, entity: 1, anaphoric: false, modifier: false },
            Mention { span: b_quote, sentence: 1, entity: 3, anaphoric: false, modifier: false },
        ],
        events: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    };

    let mention = |doc: &Document, span: Span, entity: &str, etype: EntityType| GraphMention {
        document: doc.id.clone(),
        start: span.start,
        end: span.end,
        entity: entity.to_string(),
        etype,
        text: doc.text[span.start..span.end].to_string(),
    };
    let mut mentions = vec![
        mention(&doc_a, a_commerce, "e2", EntityType::Agency),
        mention(&doc_a, a_alibaba1, "e1", EntityType::Company),
        mention(&doc_a, a_reuters, "e10", EntityType::Company),
        mention(&doc_a, a_alibaba2, "e1", EntityType::Company),
        mention(&doc_b, b_commerce, "e2", EntityType::Agency),
        mention(&doc_b, b_alibaba1, "e1", EntityType::Company),
        mention(&doc_b, b_cloud, "e3", EntityType::Company),
        mention(&doc_b, b_alibaba3, "e1", EntityType::Company),
        mention(&doc_b, b_quote, "e4", EntityType::Company),
    ];
    mentions.sort();

    let entity = |id: &str,
                  name: &str,
                  etype,
                  country: Option<&str>,
                  sector: Option<&str>,
                  aliases: &[&str],
                  docs: &[&str],
                  n| Entity {
        id: id.to_string(),
        name: name.to_string(),
        etype,
        country: country.map(String::from),
        sector: sector.map(String::from),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        documents: docs.iter().map(|s| s.to_string()).collect(),
        mentions: n,
    };
    let graph = Graph {
        documents: vec![
            DocumentInfo {
                id: doc_a.id.clone(),
                path: doc_a.path.clone(),
                lang: Some("en".into()),
                title: doc_a.title.clone(),
                sha256: doc_a.sha256.clone(),
                date: doc_a.date.clone(),
            },
            DocumentInfo {
                id: doc_b.id.clone(),
                path: doc_b.path.clone(),
                lang: Some("de".into()),
                title: doc_b.title.clone(),
                sha256: doc_b.sha256.clone(),
                date: doc_b.date.clone(),
            },
        ],
        entities: vec![
            entity(
                "e1",
                "Alibaba Group",
                EntityType::Company,
                Some("CHN"),
                Some("BUS"),
                &["Alibaba"],
                &["a1", "b2"],
                4,
            ),
            entity(
                "e2",
                "U.S. Department of Commerce",
                EntityType::Agency,
                Some("USA"),
                Some("GOV"),
                &["US Department of Commerce", "US-Handelsministerium"],
                &["a1", "b2"],
                2,
            ),
            entity("e3", "Alibaba Cloud", EntityType::Company, Some("CHN"), Some("BUS"), &[], &["b2"], 1),
            entity("e4", "Quote\\Corp \"QC\"\nLtd", EntityType::Company, None, None, &["Quote\\Corp"], &["b2"], 1),
            entity("e10", "Reuters", EntityType::Company, Some("GBR"), Some("MED"), &[], &["a1"], 1),
            entity("e11", "Türkei", EntityType::Country, Some("TUR"), Some("GOV"), &["Turkey"], &[], 0),
        ],
        events: vec![
            Event {
                id: "v1".into(),
                etype: EventType::Accuse,
                mode: Some("investigate".into()),
                context: vec!["technology".into(), "economic".into()],
                cameo: "090".into(),
                agent: vec!["e2".into()],
                target: vec!["e1".into()],
                date: Some("2021".into()),
                modality: Modality::Asserted,
                reported_by: vec!["e10".into()],
                documents: vec!["a1".into(), "b2".into()],
                evidence: vec![evidence(&doc_a, sentences_a[0]), evidence(&doc_b, sentences_b[0])],
            },
            Event {
                id: "v2".into(),
                etype: EventType::Deny,
                mode: None,
                context: vec![],
                cameo: "016".into(),
                agent: vec!["e1".into()],
                target: vec![],
                date: None,
                modality: Modality::Asserted,
                reported_by: vec![],
                documents: vec!["a1".into()],
                evidence: vec![evidence(&doc_a, sentences_a[1])],
            },
            Event {
                id: "v10".into(),
                etype: EventType::Sanction,
                mode: Some("discontinue".into()),
                context: vec!["economic".into()],
                cameo: "163".into(),
                agent: vec!["e2".into(), "e4".into()],
                target: vec!["e3".into()],
                date: Some("2021-07-14".into()),
                modality: Modality::Alleged,
                reported_by: vec![],
                documents: vec!["b2".into()],
                evidence: vec![],
            },
        ],
        relations: vec![Relation {
            id: "r1".into(),
            source: "e3".into(),
            rtype: RelationType::SubsidiaryOf,
            target: "e1".into(),
            documents: vec!["b2".into()],
            evidence: vec![evidence(&doc_b, sentences_b[1])],
        }],
        mentions: Some(mentions),
    };
    Fixture { docs: vec![doc_a, doc_b], analyses: vec![analysis_a, analysis_b], graph }
}

/// The seed corpus of this repository.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Copies the seed corpus into `dir/seeds`.
pub fn copy_seeds(dir: &Path) {
    let target = dir.join("seeds");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
    }
}

/// Is Graphviz's `dot` on the PATH?
pub fn have_dot() -> bool {
    Command::new("dot").arg("-V").output().map(|o| o.status.success()).unwrap_or(false)
}

//! A hand-built corpus graph shaped like the seeds (the Commerce review of
//! Alibaba Cloud), small enough that every answer of the graph questions can
//! be worked out by hand: Jack Ma FOUNDER_OF Alibaba Group, Alibaba Cloud
//! SUBSIDIARY_OF Alibaba Group, the Office of Intelligence and Security
//! (PART_OF the Commerce Department) investigates Alibaba Cloud, the
//! Commerce Department investigates Alibaba Group and Alibaba Cloud (one
//! event, two targets, reported by Reuters), the Trump administration
//! sanctions China and Russia, Alibaba denies (no target) and invests in
//! Silicon Valley, Ant Group is an affiliate of Alibaba; Türkei is in
//! nothing. Every evidence span indexes its document's text.

#![allow(dead_code)]

use newsgraph::model::*;
use newsgraph::store::Store;
use std::path::Path;

const D1: &str = "Jack Ma founded Alibaba Group. Alibaba Cloud is a subsidiary of Alibaba Group. \
The Office of Intelligence and Security is investigating Alibaba Cloud. \
The Office of Intelligence and Security is part of the Commerce Department. \
The Commerce Department is investigating Alibaba, according to Reuters.\n";
const D2: &str = "Das US-Handelsministerium ermittelt gegen Alibaba und Alibaba Cloud. \
Die Trump-Administration hat im August 2020 Sanktionen gegen China und Russland verhängt. \
Alibaba bestreitet die Vorwürfe.\n";
const D3: &str = "Alibaba opened its first data center in Silicon Valley in 2015. \
Ant Group, formerly Ant Financial, is an affiliate of Alibaba.\n";

fn document(id: &str, text: &str, date: &str) -> Document {
    newsgraph::ingest::parse_document(Path::new(&format!("news/{id}.txt")), text.as_bytes(), Some(date))
        .expect("a valid document")
}

/// The sentence of `doc` that contains `needle`, as evidence.
fn evidence(doc: &Document, needle: &str) -> Evidence {
    let at = doc.text.find(needle).unwrap_or_else(|| panic!("{needle:?} in {}", doc.id));
    let start = doc.text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = doc.text[at..].find(". ").map_or(doc.text.len(), |i| at + i + 1);
    Evidence { document: doc.id.clone(), start, end, text: doc.text[start..end].to_string() }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn entity(id: &str, name: &str, etype: EntityType, country: Option<&str>, aliases: &[&str], docs: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        etype,
        country: country.map(String::from),
        sector: match etype {
            EntityType::Company => Some("BUS".into()),
            EntityType::Agency => Some("GOV".into()),
            _ => None,
        },
        aliases: strings(aliases),
        documents: strings(docs),
        mentions: docs.len(),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    etype: EventType,
    mode: Option<&str>,
    agent: &[&str],
    target: &[&str],
    date: Option<&str>,
    reported_by: &[&str],
    evidence: Vec<Evidence>,
) -> Event {
    let mut documents: Vec<String> = evidence.iter().map(|e| e.document.clone()).collect();
    documents.dedup();
    Event {
        id: id.into(),
        etype,
        mode: mode.map(String::from),
        context: vec![],
        cameo: String::new(),
        agent: strings(agent),
        target: strings(target),
        date: date.map(String::from),
        modality: Modality::Asserted,
        reported_by: strings(reported_by),
        documents,
        evidence,
    }
}

fn relation(id: &str, source: &str, rtype: RelationType, target: &str, evidence: Vec<Evidence>) -> Relation {
    Relation {
        id: id.into(),
        source: source.into(),
        rtype,
        target: target.into(),
        documents: evidence.iter().map(|e| e.document.clone()).collect(),
        evidence,
    }
}

/// The documents and the corpus graph.
pub fn seedlike() -> (Vec<Document>, Graph) {
    let d1 = document("d1", D1, "2021-07-14");
    let d2 = document("d2", D2, "2021-07-15");
    let d3 = document("d3", D3, "2021-07-16");
    use EntityType::*;
    let entities = vec![
        entity("e1", "Alibaba Group", Company, Some("CHN"), &["Alibaba"], &["d1", "d2", "d3"]),
        entity("e2", "Alibaba Cloud", Company, Some("CHN"), &["Alibaba-Cloud"], &["d1", "d2"]),
        entity("e3", "Jack Ma", Person, Some("CHN"), &["Jack Mas"], &["d1"]),
        entity(
            "e4",
            "U.S. Department of Commerce",
            Agency,
            Some("USA"),
            &["Commerce Department", "US-Handelsministerium"],
            &["d1", "d2"],
        ),
        entity("e5", "Office of Intelligence and Security", Agency, Some("USA"), &["OIS"], &["d1"]),
        entity("e6", "Reuters", Company, Some("GBR"), &[], &["d1"]),
        entity("e7", "Trump administration", Agency, Some("USA"), &["Trump-Administration"], &["d2"]),
        entity("e8", "China", Country, Some("CHN"), &["Volksrepublik China"], &["d2"]),
        entity("e9", "Russia", Country, Some("RUS"), &["Russland"], &["d2"]),
        entity("e10", "Silicon Valley", Location, Some("USA"), &[], &["d3"]),
        entity("e11", "Ant Group", Company, Some("CHN"), &["Ant Financial"], &["d3"]),
        entity("e12", "Türkei", Country, Some("TUR"), &["Turkey"], &[]),
    ];
    use EventType::*;
    let events = vec![
        event(
            "v1",
            Accuse,
            Some("investigate"),
            &["e4"],
            &["e1", "e2"],
            Some("2021-07"),
            &["e6"],
            vec![evidence(&d1, "The Commerce Department is investigating"), evidence(&d2, "ermittelt gegen")],
        ),
        event(
            "v2",
            Accuse,
            Some("investigate"),
            &["e5"],
            &["e2"],
            Some("2021"),
            &[],
            vec![evidence(&d1, "Security is investigating Alibaba Cloud")],
        ),
        event(
            "v3",
            Sanction,
            Some("discontinue"),
            &["e7"],
            &["e8", "e9"],
            Some("2020-08"),
            &[],
            vec![evidence(&d2, "Sanktionen")],
        ),
        event("v4", Deny, None, &["e1"], &[], None, &[], vec![evidence(&d2, "bestreitet")]),
        event("v5", Invest, None, &["e1"], &["e10"], Some("2015"), &[], vec![evidence(&d3, "data center")]),
    ];
    use RelationType::*;
    let relations = vec![
        relation("r1", "e3", FounderOf, "e1", vec![evidence(&d1, "Jack Ma founded")]),
        relation("r2", "e2", SubsidiaryOf, "e1", vec![evidence(&d1, "is a subsidiary")]),
        relation("r3", "e5", PartOf, "e4", vec![evidence(&d1, "is part of")]),
        relation("r4", "e11", AffiliateOf, "e1", vec![evidence(&d3, "affiliate")]),
    ];
    let info = |d: &Document, lang: &str| DocumentInfo {
        id: d.id.clone(),
        path: d.path.clone(),
        lang: Some(lang.into()),
        title: d.title.clone(),
        sha256: d.sha256.clone(),
        date: d.date.clone(),
    };
    let graph = Graph {
        documents: vec![info(&d1, "en"), info(&d2, "de"), info(&d3, "en")],
        entities,
        events,
        relations,
        mentions: None,
    };
    (vec![d1, d2, d3], graph)
}

/// Stores documents and graph in a new database at `path`.
pub fn write_db(path: &Path, docs: &[Document], graph: &Graph) {
    let analyses = vec![Analysis::default(); docs.len()];
    let mut store = Store::open(path).expect("a new database");
    store.replace_all(docs, &analyses, graph).expect("the graph is stored");
}

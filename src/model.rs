//! The data that flows between pipeline stages: documents, spans, mentions,
//! entities, events and relations, and the corpus graph that the store keeps
//! and the exports write.
//!
//! Per-document results ([`Analysis`]) use local indices into their own
//! vectors; the corpus graph ([`Graph`]) uses stable string ids (`e1`, `v1`,
//! `r1`). The graph types are also the JSON export contract of
//! `../shared/ONTOLOGY.md`, so they derive both `Serialize` and `Deserialize`.
//! Nothing here does I/O.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Spans indexed for one question, asked many times: does any of them
/// overlap this span? (Sorted by start, with the greatest end so far.)
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    sorted: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub fn new(spans: &[Span]) -> SpanIndex {
        let mut sorted = spans.to_vec();
        sorted.sort_unstable();
        let max_end = sorted
            .iter()
            .scan(0, |max, s| {
                *max = (*max).max(s.end);
                Some(*max)
            })
            .collect();
        SpanIndex { sorted, max_end }
    }

    /// `spans.iter().any(|t| t.overlaps(span))`, by binary search.
    pub fn overlaps_any(&self, span: Span) -> bool {
        let k = self.sorted.partition_point(|t| t.start < span.end);
        k > 0 && self.max_end[k - 1] > span.start
    }
}

/// The languages newsgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Some(Lang::En),
            "de" | "deu" | "ger" | "german" => Some(Lang::De),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A document as read by ingest: its text is kept exactly as on disk (valid
/// UTF-8), so every span indexes into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file stem, e.g. `001_9b26a80c45473cb9`.
    pub id: String,
    /// The path the document was read from, as given by the user.
    pub path: String,
    pub text: String,
    /// Lowercase hex SHA-256 of the raw bytes.
    pub sha256: String,
    /// First non-empty line after any front matter.
    pub title: String,
    /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) from front matter or `--date`.
    pub date: Option<String>,
    /// Language forced by front matter (`lang: de`); otherwise detected.
    pub lang_hint: Option<Lang>,
    /// Byte offset where the body starts (after front matter).
    pub body_start: usize,
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $s)] $variant,)+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)+ }
            }
            /// Parses the upper- or lowercase spelling.
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($s) { return Some($name::$variant); })+
                None
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

string_enum!(
    /// Entity types of the ontology.
    EntityType {
        Person => "PERSON",
        Company => "COMPANY",
        Agency => "AGENCY",
        Organization => "ORGANIZATION",
        Country => "COUNTRY",
        Location => "LOCATION",
        Group => "GROUP",
        Product => "PRODUCT",
    }
);

string_enum!(
    /// The 16 PLOVER event types plus newsgraph's four extensions.
    EventType {
        Agree => "AGREE",
        Consult => "CONSULT",
        Support => "SUPPORT",
        Concede => "CONCEDE",
        Cooperate => "COOPERATE",
        Aid => "AID",
        Retreat => "RETREAT",
        Request => "REQUEST",
        Accuse => "ACCUSE",
        Reject => "REJECT",
        Threaten => "THREATEN",
        Protest => "PROTEST",
        Sanction => "SANCTION",
        Mobilize => "MOBILIZE",
        Coerce => "COERCE",
        Assault => "ASSAULT",
        Deny => "DENY",
        Statement => "STATEMENT",
        Acquire => "ACQUIRE",
        Invest => "INVEST",
    }
);

string_enum!(
    /// How the text commits to an event.
    Modality {
        Asserted => "asserted",
        Alleged => "alleged",
        Hypothetical => "hypothetical",
        Future => "future",
        Negated => "negated",
    }
);

string_enum!(
    /// Static relations between entities.
    RelationType {
        SubsidiaryOf => "SUBSIDIARY_OF",
        PartOf => "PART_OF",
        ProductOf => "PRODUCT_OF",
        FounderOf => "FOUNDER_OF",
        LeaderOf => "LEADER_OF",
        MemberOf => "MEMBER_OF",
        AffiliateOf => "AFFILIATE_OF",
        LocatedIn => "LOCATED_IN",
    }
);

// ---------------------------------------------------------------------------
// Per-document analysis (local indices)
// ---------------------------------------------------------------------------

/// An entity as one document knows it. `key` is what resolution merges on
/// across documents: `lex:<lexicon id>` for lexicon entries, otherwise a key
/// built from the type and the normalised name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntity {
    pub key: String,
    pub name: String,
    pub etype: EntityType,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Found only by an untyped pattern: kept in the graph only when an event
    /// or relation needs it.
    pub weak: bool,
}

/// A span of text that names (or refers back to) a local entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    pub span: Span,
    pub sentence: usize,
    pub entity: usize,
    /// Not a name, so never an alias: a nominal or pronoun that refers back
    /// to the entity ("the company", "das Unternehmen", "it"), or a country
    /// adjective ("chinesische", "US-").
    pub anaphoric: bool,
    /// A name used as a modifier ("U.S. companies", "US-Geldtransferunternehmen",
    /// "Alibaba associate Ant Financial"): never an event argument.
    pub modifier: bool,
}

/// An event as one sentence of one document states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEvent {
    pub etype: EventType,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: String,
    pub agent: Vec<usize>,
    pub target: Vec<usize>,
    pub date: Option<String>,
    pub modality: Modality,
    pub reported_by: Vec<usize>,
    pub sentence: usize,
    /// The word(s) that signalled the event.
    pub trigger: Span,
}

/// A static relation found in one document; `sentence` is the evidence, if
/// the relation was read from text rather than known from the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalRelation {
    pub source: usize,
    pub rtype: RelationType,
    pub target: usize,
    pub sentence: Option<usize>,
}

/// Everything the analysis stages found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub lang: Option<Lang>,
    pub sentences: Vec<Span>,
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    pub events: Vec<LocalEvent>,
    pub relations: Vec<LocalRelation>,
    /// Soft problems worth telling the user (e.g. "language unknown, read as English").
    pub diagnostics: Vec<String>,
}

// ---------------------------------------------------------------------------
// The corpus graph (stable string ids) = the JSON export contract
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    pub path: String,
    pub lang: Option<String>,
    pub title: String,
    pub sha256: String,
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub aliases: Vec<String>,
    pub documents: Vec<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub etype: EventType,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: String,
    pub agent: Vec<String>,
    pub target: Vec<String>,
    pub date: Option<String>,
    pub modality: Modality,
    pub reported_by: Vec<String>,
    pub documents: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    pub source: String,
    #[serde(rename = "type")]
    pub rtype: RelationType,
    pub target: String,
    pub documents: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// One mention in the corpus graph (`export json --mentions`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GraphMention {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub entity: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub text: String,
}

/// The whole knowledge graph, in the shape of the JSON export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graph {
    pub documents: Vec<DocumentInfo>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Vec<GraphMention>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The index answers as a scan of the spans does, empty spans and
        /// spans that overlap each other included.
        #[test]
        fn span_index_answers_as_a_scan(
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..12),
            query in (0usize..70, 0usize..12),
        ) {
            let spans: Vec<Span> = spans.into_iter().map(|(s, l)| Span::new(s, s + l)).collect();
            let query = Span::new(query.0, query.0 + query.1);
            let index = SpanIndex::new(&spans);
            prop_assert_eq!(index.overlaps_any(query), spans.iter().any(|t| t.overlaps(query)));
        }
    }
}

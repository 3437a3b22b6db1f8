//! The compact per-document result of analysis: what the corpus assembly
//! needs from one document, without its text.
//!
//! A [`Compact`] keeps a document's local entities, its mentions (with the
//! text each one covers), its events and relations, and the trimmed span of
//! every sentence (evidence is a sentence, and its text is in the `sentences`
//! table). The store keeps one per document, so an incremental build
//! re-assembles the corpus graph without reading or analysing old documents
//! again, and a streaming build assembles a corpus larger than memory. It is
//! encoded with postcard; [`Compact::decode`] fails on bytes it did not write
//! (the store then analyses the document again). Nothing here does I/O.

use crate::model::{Analysis, Document, EntityType, EventType, Lang, LocalEntity, Modality, RelationType, Span};
use crate::sentences;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Bumped whenever the encoding changes, so that stored results of another
/// encoding are analysed again rather than misread.
pub const FORMAT: u32 = 1;

// The strings most documents repeat most (keys, names, mention texts, CAMEO
// codes) are `Cow`s: decoding borrows them from the stored bytes instead of
// allocating each one, which is most of the cost of reading a corpus's
// analyses back. The encoding is the same as with `String`.

/// A local entity (see [`LocalEntity`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactEntity<'a> {
    #[serde(borrow)]
    pub key: Cow<'a, str>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    pub etype: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub weak: bool,
}

/// A mention: its span, its sentence (as analysis assigned it, and as the
/// `mentions` table records it), its local entity, and the text it covers
/// (empty for anaphors, whose text the graph never shows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactMention<'a> {
    pub start: u32,
    pub end: u32,
    pub sentence: u32,
    pub row_sentence: Option<u32>,
    pub entity: u32,
    pub anaphoric: bool,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
}

/// An event as one sentence states it; its evidence is sentence `sentence`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactEvent<'a> {
    pub etype: EventType,
    #[serde(borrow)]
    pub mode: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub context: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    pub cameo: Cow<'a, str>,
    pub agent: Vec<u32>,
    pub target: Vec<u32>,
    pub reported_by: Vec<u32>,
    #[serde(borrow)]
    pub date: Option<Cow<'a, str>>,
    pub modality: Modality,
    pub sentence: u32,
}

/// A relation stated in (or known for) the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactRelation {
    pub source: u32,
    pub rtype: RelationType,
    pub target: u32,
    pub sentence: Option<u32>,
}

/// Everything the corpus assembly needs from one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compact<'a> {
    pub lang: Option<Lang>,
    /// The trimmed span of every sentence: the evidence spans.
    pub sentences: Vec<(u32, u32)>,
    #[serde(borrow)]
    pub entities: Vec<CompactEntity<'a>>,
    #[serde(borrow)]
    pub mentions: Vec<CompactMention<'a>>,
    #[serde(borrow)]
    pub events: Vec<CompactEvent<'a>>,
    pub relations: Vec<CompactRelation>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Compact<'a> {
    /// The compact form of `analysis`, the analysis of `doc`.
    pub fn new(doc: &Document, analysis: &Analysis) -> Compact<'static> {
        let text = doc.text.as_str();
        let sentences = analysis
            .sentences
            .iter()
            .map(|s| {
                let t = sentences::trimmed(text, *s);
                (to_u32(t.start), to_u32(t.end))
            })
            .collect();
        let entities = analysis
            .entities
            .iter()
            .map(|e| CompactEntity {
                key: Cow::Owned(e.key.clone()),
                name: Cow::Owned(e.name.clone()),
                etype: e.etype,
                country: e.country.clone(),
                sector: e.sector.clone(),
                weak: e.weak,
            })
            .collect();
        let mentions = analysis
            .mentions
            .iter()
            .map(|m| CompactMention {
                start: to_u32(m.span.start),
                end: to_u32(m.span.end),
                sentence: to_u32(m.sentence),
                row_sentence: row_sentence(&analysis.sentences, m.span.start).map(to_u32),
                entity: to_u32(m.entity),
                anaphoric: m.anaphoric,
                text: Cow::Owned(if m.anaphoric {
                    String::new()
                } else {
                    text.get(m.span.start..m.span.end).unwrap_or("").to_string()
                }),
            })
            .collect();
        let list = |l: &[usize]| l.iter().map(|&i| to_u32(i)).collect();
        let events = analysis
            .events
            .iter()
            .map(|e| CompactEvent {
                etype: e.etype,
                mode: e.mode.clone().map(Cow::Owned),
                context: e.context.iter().map(|c| Cow::Owned(c.clone())).collect(),
                cameo: Cow::Owned(e.cameo.clone()),
                agent: list(&e.agent),
                target: list(&e.target),
                reported_by: list(&e.reported_by),
                date: e.date.clone().map(Cow::Owned),
                modality: e.modality,
                sentence: to_u32(e.sentence),
            })
            .collect();
        let relations = analysis
            .relations
            .iter()
            .map(|r| CompactRelation {
                source: to_u32(r.source),
                rtype: r.rtype,
                target: to_u32(r.target),
                sentence: r.sentence.map(to_u32),
            })
            .collect();
        Compact { lang: analysis.lang, sentences, entities, mentions, events, relations }
    }

    /// The local entity `i` as analysis made it.
    pub fn local_entity(&self, i: usize) -> LocalEntity {
        let e = &self.entities[i];
        LocalEntity {
            key: e.key.to_string(),
            name: e.name.to_string(),
            etype: e.etype,
            country: e.country.clone(),
            sector: e.sector.clone(),
            weak: e.weak,
        }
    }

    /// The trimmed span of sentence `i`.
    pub fn sentence_span(&self, i: u32) -> Option<Span> {
        self.sentences.get(i as usize).map(|&(s, e)| Span::new(s as usize, e as usize))
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// Reads what [`Compact::encode`] wrote; strings are borrowed from `bytes`.
    pub fn decode(bytes: &'a [u8]) -> Option<Compact<'a>> {
        postcard::from_bytes(bytes).ok()
    }
}

/// The index of the sentence that holds byte `offset`, as the `mentions`
/// table records it (sentences sorted by start; `None` past the last one).
pub fn row_sentence(sentences: &[Span], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= offset).checked_sub(1)?;
    (offset < sentences[i].end).then_some(i)
}

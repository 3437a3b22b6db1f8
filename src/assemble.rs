//! Streaming corpus assembly: the corpus-level merge of
//! [`resolve::across_documents`](crate::resolve::across_documents), run over
//! the compact per-document results ([`Compact`]) that the store keeps, in
//! three passes over the documents in id order, so that memory holds the
//! entity and event tables but never the corpus.
//!
//! 1. [`EntityPass`]: entities by key (type votes, surfaces, first mention),
//!    then pattern names merged into the one other entity that is called by
//!    that name, one-word person names into the one fuller name they begin or
//!    end, and entity families (subsidiaries and offices with their parents,
//!    from the lexicon and from the text).
//! 2. [`EventPass`]: events mapped to corpus entities and merged with the
//!    events that tell the same happening (looked up by type, mode and target
//!    family — agent family for an event without targets — instead of a scan
//!    of every event, most candidates ruled out by a summary), relations from
//!    text and from the lexicon. Then which entities are kept and every id.
//! 3. [`Plan::document_rows`]: the mention rows and entity documents of each
//!    document with their final ids.
//!
//! This is the one implementation of the corpus merge:
//! `resolve::across_documents` runs these passes over the compact forms of
//! in-memory analyses. A build into a store gives the same graph (a test
//! compares their exports), except that ids already given by an earlier
//! build ([`PriorIds`]) are kept. Pure: the store reads and writes.

use crate::compact::Compact;
use crate::lexicon::Lexicon;
use crate::model::{EntityType, EventType, LocalEntity, Modality, RelationType};
use crate::text;
use foldhash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};

/// Ids an earlier build gave, to be kept for the same entities, events and
/// relations.
#[derive(Debug, Default)]
pub struct PriorIds {
    /// Entity resolution key → entity id.
    pub entities: HashMap<String, String>,
    /// (document, evidence start, event type, mode) → the ids of the events
    /// with that evidence (several when one sentence states several).
    pub events: HashMap<(String, u32, EventType, Option<String>), Vec<String>>,
    /// (source id, type, target id) → relation id.
    pub relations: HashMap<(String, RelationType, String), String>,
}

struct GlobalEntity {
    key: String,
    etype_votes: BTreeMap<EntityType, usize>,
    local: LocalEntity,
    surfaces: BTreeMap<String, usize>,
    n_mentions: usize,
    first: (u32, u32),
    weak: bool,
    /// Has a mention of its own that is not an anaphor (its key can be the entity's key).
    named: bool,
}

/// Pass 1: entities by key.
#[derive(Default)]
pub struct EntityPass {
    globals: Vec<GlobalEntity>,
    by_key: HashMap<String, u32>,
    /// PART_OF and SUBSIDIARY_OF relations found in the text, as (source,
    /// target) corpus entities before merging, in document order: they put
    /// offices in the family of their parent.
    text_families: Vec<(u32, u32)>,
}

impl EntityPass {
    pub fn new() -> EntityPass {
        EntityPass::default()
    }

    /// Adds document `d` (documents must come in id order).
    pub fn add(&mut self, d: u32, compact: &Compact) {
        let mut map = Vec::with_capacity(compact.entities.len());
        for (i, entity) in compact.entities.iter().enumerate() {
            let g = match self.by_key.get(entity.key.as_ref()) {
                Some(&g) => g as usize,
                None => {
                    self.globals.push(GlobalEntity {
                        key: entity.key.to_string(),
                        etype_votes: BTreeMap::new(),
                        local: compact.local_entity(i),
                        surfaces: BTreeMap::new(),
                        n_mentions: 0,
                        first: (d, u32::MAX),
                        weak: true,
                        named: false,
                    });
                    self.by_key.insert(entity.key.to_string(), (self.globals.len() - 1) as u32);
                    self.globals.len() - 1
                }
            };
            let global = &mut self.globals[g];
            global.weak &= entity.weak;
            *global.etype_votes.entry(entity.etype).or_default() += if entity.weak { 1 } else { 10 };
            if !entity.weak && global.local.weak {
                global.local = compact.local_entity(i);
            }
            map.push(g);
        }
        for relation in &compact.relations {
            if matches!(relation.rtype, RelationType::PartOf | RelationType::SubsidiaryOf) {
                if let (Some(&s), Some(&t)) = (map.get(relation.source as usize), map.get(relation.target as usize)) {
                    self.text_families.push((s as u32, t as u32));
                }
            }
        }
        for mention in &compact.mentions {
            let Some(&g) = map.get(mention.entity as usize) else { continue };
            let global = &mut self.globals[g];
            global.first = global.first.min((d, mention.start));
            if !mention.anaphoric {
                global.n_mentions += 1;
                global.named = true;
                // (Not a name that ends so: "Byju's", "Moody's".)
                let own = global.local.name.ends_with("'s") || global.local.name.ends_with("’s");
                let surface = if own { mention.text.trim() } else { text::strip_possessive(&mention.text).trim() };
                match global.surfaces.get_mut(surface) {
                    Some(n) => *n += 1,
                    None => {
                        global.surfaces.insert(surface.to_string(), 1);
                    }
                }
            }
        }
    }

    /// Merges names into the entity they name (see below) and finds entity
    /// families.
    pub fn finish(mut self, lexicon: &Lexicon) -> Entities {
        let globals = &self.globals;
        // A pattern name that another entity of the corpus is also called
        // ("YMTC", linked to "Yangtze Memory Technologies" in another
        // article), and a one-word person name that begins or ends a single
        // fuller name ("Zhang" for "Zhang Haoran", "Ross" for "Wilbur Ross"),
        // are that entity.
        let mut called: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (g, global) in globals.iter().enumerate() {
            for surface in global.surfaces.keys() {
                called.entry(text::fold(surface)).or_default().insert(g);
            }
            // A company is called by the two words that open its name before
            // its suffixes too: "Eton Park" in one article is "Eton Park
            // Capital Management" of another.
            if global.local.etype == EntityType::Company {
                for form in crate::resolve::company_short_forms(&global.local.name, 4, lexicon) {
                    if form.contains(' ') {
                        called.entry(text::fold(&form)).or_default().insert(g);
                    }
                }
            }
        }
        // Multi-word person names by their folded first and last word.
        let mut by_end_word: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (j, g) in globals.iter().enumerate() {
            let name = &g.local.name;
            if g.local.etype == EntityType::Person && name.contains(' ') {
                for w in [name.split(' ').next(), name.rsplit(' ').next()].into_iter().flatten() {
                    by_end_word.entry(text::fold(w)).or_default().insert(j);
                }
            }
        }
        // Embassies by the state they represent, where the corpus names one
        // seated embassy of that state: a bare "Russian embassy" is the
        // "Russian Embassy in Berlin" another article places.
        let mut seated: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, g) in globals.iter().enumerate() {
            if let Some((state, _seat)) = g.key.strip_prefix("body:embassy:").and_then(|rest| rest.split_once(':')) {
                seated.entry(state).or_default().push(j);
            }
        }
        // Acronyms a body is introduced by ("Federal Agency for Cartography
        // and Geodesy (BKG)" in one article, "Bundesamt für Kartographie und
        // Geodäsie (BKG)" in another): two named entities of one type that
        // alone in the corpus carry the same acronym are one body, named in
        // two languages.
        let is_acronym = |s: &str| (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
        let mut by_acronym: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, g) in globals.iter().enumerate() {
            if !g.weak && g.local.name.contains(' ') && g.local.etype != EntityType::Person {
                for surface in g.surfaces.keys().filter(|s| is_acronym(s)) {
                    by_acronym.entry(surface).or_default().push(j);
                }
            }
        }
        let acronym_partner = |i: usize| {
            let g = &globals[i];
            g.surfaces.keys().filter(|s| is_acronym(s)).find_map(|s| match by_acronym.get(s.as_str())?.as_slice() {
                &[a, b] if a == i || b == i => {
                    let other = if a == i { b } else { a };
                    (globals[other].local.etype == g.local.etype
                        && (other < i || !globals[other].key.starts_with("name:")))
                    .then_some(other)
                }
                _ => None,
            })
        };
        let merge_into: Vec<usize> = (0..globals.len())
            .map(|i| {
                let g = &globals[i];
                if let Some(state) = g.key.strip_prefix("body:embassy:").filter(|rest| !rest.contains(':')) {
                    return match seated.get(state).map(Vec::as_slice) {
                        Some(&[only]) => only,
                        _ => i,
                    };
                }
                if !g.key.starts_with("name:") {
                    return i;
                }
                let own = text::fold(&g.local.name);
                let others: Vec<usize> = called
                    .get(&own)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&j| j != i && !globals[j].weak && (globals[j].local.etype == g.local.etype || g.weak))
                    .collect();
                if others.len() == 1
                    && (!globals[others[0]].key.starts_with("name:")
                        || globals[others[0]].local.name.len() > g.local.name.len())
                {
                    return others[0];
                }
                if let Some(other) = acronym_partner(i) {
                    return other;
                }
                if (g.local.etype != EntityType::Person && !g.weak) || g.local.name.contains(' ') {
                    return i;
                }
                let fuller: Vec<usize> =
                    by_end_word.get(&own).into_iter().flatten().copied().filter(|&j| j != i).collect();
                if fuller.len() == 1 {
                    fuller[0]
                } else {
                    i
                }
            })
            .collect();
        // Where the documents of each entity end up: merging moves what an
        // entity has to its target in index order, so a name merged into a
        // name that is merged on later moves on with it.
        let doc_owner: Vec<u32> = (0..globals.len())
            .map(|x| {
                let (mut at, mut moved_at) = (x, None);
                while merge_into[at] != at && moved_at.is_none_or(|t| at > t) {
                    moved_at = Some(at);
                    at = merge_into[at];
                }
                at as u32
            })
            .collect();
        for (i, &j) in merge_into.iter().enumerate() {
            if j != i {
                let surfaces = std::mem::take(&mut self.globals[i].surfaces);
                let (n, first) = (self.globals[i].n_mentions, self.globals[i].first);
                let target = &mut self.globals[j];
                for (s, c) in surfaces {
                    *target.surfaces.entry(s).or_default() += c;
                }
                target.n_mentions += n;
                target.first = target.first.min(first);
                self.globals[i].n_mentions = 0;
            }
        }
        // Subsidiaries and offices belong to the family of their parent.
        let mut parent: Vec<usize> = (0..self.globals.len()).collect();
        for (g, global) in self.globals.iter().enumerate() {
            let Some(entry) = global.key.strip_prefix("lex:").and_then(|id| lexicon.entry(id)) else { continue };
            for rel in &entry.relations {
                if matches!(RelationType::parse(&rel.rtype), Some(RelationType::SubsidiaryOf | RelationType::PartOf)) {
                    if let Some(&p) = self.by_key.get(&format!("lex:{}", rel.target)) {
                        parent[g] = merge_into[p as usize];
                        break;
                    }
                }
            }
        }
        // Offices that the text places inside another body count too ("a
        // small office within the Commerce Department called …").
        for &(s, t) in &self.text_families {
            let (child, parent_of) = (merge_into[merge_into[s as usize]], merge_into[merge_into[t as usize]]);
            if parent[child] == child && child != parent_of {
                parent[child] = parent_of;
            }
        }
        let family: Vec<u32> = (0..self.globals.len())
            .map(|mut g| {
                for _ in 0..4 {
                    g = parent[g];
                }
                g as u32
            })
            .collect();
        Entities {
            globals: self.globals,
            by_key: self.by_key,
            merge_into: merge_into.into_iter().map(|g| g as u32).collect(),
            doc_owner,
            family,
        }
    }
}

/// The corpus entities after pass 1.
pub struct Entities {
    globals: Vec<GlobalEntity>,
    by_key: HashMap<String, u32>,
    merge_into: Vec<u32>,
    /// The corpus entity that lists the documents of each one.
    doc_owner: Vec<u32>,
    family: Vec<u32>,
}

impl Entities {
    /// Local entity index → corpus entity (after merging), for one document.
    fn map(&self, compact: &Compact) -> Vec<u32> {
        compact
            .entities
            .iter()
            .map(|e| self.by_key.get(e.key.as_ref()).map(|&g| self.merge_into[g as usize]).unwrap_or(u32::MAX))
            .collect()
    }

    /// Local entity index → the corpus entity that lists its documents.
    fn owner_map(&self, compact: &Compact) -> Vec<u32> {
        compact
            .entities
            .iter()
            .map(|e| self.by_key.get(e.key.as_ref()).map(|&g| self.doc_owner[g as usize]).unwrap_or(u32::MAX))
            .collect()
    }
}

/// Strings many events share (modes, contexts, CAMEO codes, dates), kept once.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.ids.insert(s.to_string(), id);
        id
    }
    fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// One event of the corpus: local events merged. Strings are interned.
struct Cluster {
    etype: EventType,
    /// Index into [`EventPass::modes`].
    mode: u32,
    /// Sorted, without duplicates.
    context: Vec<u32>,
    cameo: u32,
    agent: Vec<u32>,
    target: Vec<u32>,
    reported_by: Vec<u32>,
    /// Date → how many local events gave it.
    dates: Vec<(u32, u32)>,
    best_date: Option<u32>,
    /// How many local events had each modality (in [`Modality::ALL`] order).
    modalities: [u32; 5],
}

/// The most specific date that the others do not contradict (as `resolve`):
/// the most frequent, then the longest, then the first in order.
fn best_date(counts: &[(u32, u32)], strings: &Interner) -> Option<u32> {
    counts
        .iter()
        .max_by(|a, b| {
            let (x, y) = (strings.get(a.0), strings.get(b.0));
            a.1.cmp(&b.1).then(x.len().cmp(&y.len())).then(y.cmp(x))
        })
        .map(|(d, _)| *d)
}

/// The year of a date ("2021-07-14" → 2021), 0 for none. [`same_happening`]
/// keeps two dated events apart unless one date begins the other, so two
/// different years never meet.
fn year_of(date: Option<u32>, strings: &Interner) -> u16 {
    date.and_then(|d| strings.get(d).get(..4)?.parse().ok()).unwrap_or(0)
}

fn majority(counts: &[u32; 5]) -> Modality {
    Modality::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(m, _)| *m)
        .unwrap_or(Modality::Asserted)
}

fn modality_index(m: Modality) -> usize {
    Modality::ALL.iter().position(|x| *x == m).unwrap_or(0)
}

/// Evidence of a corpus event or relation: document, trimmed sentence span, sentence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EvidenceRef {
    pub document: u32,
    pub start: u32,
    pub end: u32,
    pub sentence: u32,
}

type RelationKey = (u32, RelationType, u32);

/// (document, start, end) of an evidence sentence.
type EvidenceKey = (u32, u32, u32);

/// A relation before ids: source and target entity numbers, documents, evidence.
type RelationParts = (u32, RelationType, u32, Vec<u32>, Vec<EvidenceRef>);

/// Ids of the earlier build's events by (document index, evidence start,
/// type): (mode, id number) pairs.
type PriorEvents = HashMap<(u32, u32, EventType), Vec<(Option<String>, u32)>>;

/// Type, mode, and a family that the same happening must share: a target's
/// family for an event with targets; for one without (a statement, a
/// denial), an agent's family and [`NO_FAMILY`] for the target, since such
/// events are the same only when their agents overlap.
type BucketKey = (EventType, u32, u32, u32);

const NO_FAMILY: u32 = u32::MAX;

/// Pass 2: events and relations.
pub struct EventPass<'a> {
    entities: &'a Entities,
    lexicon: &'a Lexicon,
    clusters: Vec<Cluster>,
    /// A [`Summary`] of each cluster, beside the clusters so that a scan
    /// for the same happening passes over most of them without reading them
    /// (see [`EventPass::merge`]).
    summaries: Vec<Summary>,
    /// Where to look for the same happening ([`BucketKey`]) → clusters, ascending.
    buckets: HashMap<BucketKey, Vec<u32>>,
    modes: Vec<Option<String>>,
    strings: Interner,
    /// The cluster of every local event, in the order of the documents.
    event_cluster: Vec<u32>,
    /// The first evidence (document, start) of every cluster.
    first_evidence: Vec<(u32, u32)>,
    /// Event id numbers of the earlier build that each cluster could keep.
    prior_numbers: Vec<Vec<u32>>,
    prior_events: PriorEvents,
    relations: BTreeMap<RelationKey, (Vec<u32>, Vec<EvidenceRef>)>,
    /// The document being added, and the clusters with evidence in it, ascending.
    current_document: u32,
    /// See [`EventPass::new`].
    document_dates: DocumentStrings,
    document_clusters: Vec<u32>,
}

/// A string per document (its id, its date) in one string: a corpus of a
/// million documents holds no million small allocations through assembly.
#[derive(Debug, Default)]
pub struct DocumentStrings {
    text: String,
    /// Where each document's string ends in `text` (an empty one adds nothing).
    ends: Vec<u32>,
}

impl DocumentStrings {
    /// One string per document, in document order (`None` for a document
    /// without one).
    pub fn new<S: AsRef<str>>(strings: impl IntoIterator<Item = Option<S>>) -> DocumentStrings {
        let mut table = DocumentStrings::default();
        for s in strings {
            table.push(s.as_ref().map(|s| s.as_ref()));
        }
        table.shrink_to_fit();
        table
    }

    /// Adds the next document's string.
    pub fn push(&mut self, s: Option<&str>) {
        self.text.push_str(s.unwrap_or(""));
        self.ends.push(self.text.len() as u32);
    }

    /// Gives back the room that growing left over.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// How many documents the table holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The string of document `d`, if it has a non-empty one.
    pub fn get(&self, d: usize) -> Option<&str> {
        let end = *self.ends.get(d)? as usize;
        let start = d.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        (end > start).then(|| &self.text[start..end])
    }

    /// The string of document `d`, or "" (for ids, which are never empty).
    pub fn str(&self, d: usize) -> &str {
        self.get(d).unwrap_or("")
    }

    /// The index of `s` in a table sorted by its strings.
    pub fn binary_search(&self, s: &str) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.str(mid).cmp(s) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(low)
    }
}

fn id_number(id: &str) -> Option<u32> {
    id.get(1..).and_then(|n| n.parse::<u32>().ok())
}

impl<'a> EventPass<'a> {
    /// Makes room for `n` local events at once: the cluster of each is kept
    /// to the end, and a vector that doubles as it grows holds twice what
    /// it needs while it copies (17 MB for the 4.3 million of 1 GB of news).
    pub fn reserve_local_events(&mut self, n: usize) {
        self.event_cluster.reserve_exact(n);
    }

    /// `document_ids` (sorted) name the documents by index, to find the
    /// events of the earlier build (`prior`).
    /// `document_dates` holds the date of each document (by index), against
    /// which the lexicon's dated facts are checked: an article of 2025 does
    /// not make Kaja Kallas Estonia's leader (her term ended in 2024).
    /// Undated documents keep them all.
    pub fn new(
        entities: &'a Entities,
        lexicon: &'a Lexicon,
        prior: &PriorIds,
        document_ids: &DocumentStrings,
        document_dates: DocumentStrings,
    ) -> EventPass<'a> {
        let mut prior_events: PriorEvents = HashMap::new();
        for ((document, start, etype, mode), ids) in &prior.events {
            let Ok(d) = document_ids.binary_search(document) else { continue };
            for n in ids.iter().filter_map(|id| id_number(id)) {
                prior_events.entry((d as u32, *start, *etype)).or_default().push((mode.clone(), n));
            }
        }
        EventPass {
            entities,
            lexicon,
            clusters: Vec::new(),
            summaries: Vec::new(),
            buckets: HashMap::new(),
            modes: Vec::new(),
            strings: Interner::default(),
            event_cluster: Vec::new(),
            first_evidence: Vec::new(),
            prior_numbers: Vec::new(),
            prior_events,
            relations: BTreeMap::new(),
            current_document: u32::MAX,
            document_clusters: Vec::new(),
            document_dates,
        }
    }

    /// Adds document `d` (documents must come in id order).
    pub fn add(&mut self, d: u32, compact: &Compact) {
        if d != self.current_document {
            self.current_document = d;
            self.document_clusters.clear();
        }
        let map = self.entities.map(compact);
        let get = |l: u32| map.get(l as usize).copied().filter(|&g| g != u32::MAX);
        for event in &compact.events {
            let ids = |list: &[u32]| -> Vec<u32> {
                let mut out: Vec<u32> = Vec::new();
                for g in list.iter().filter_map(|&l| get(l)) {
                    if !out.contains(&g) {
                        out.push(g);
                    }
                }
                out
            };
            let Some(span) = compact.sentence_span(event.sentence) else { continue };
            // Modes are few: a scan finds one faster than a hash.
            let mode = match self.modes.iter().position(|m| m.as_deref() == event.mode.as_deref()) {
                Some(id) => id as u32,
                None => {
                    self.modes.push(event.mode.as_deref().map(str::to_string));
                    (self.modes.len() - 1) as u32
                }
            };
            let mut context: Vec<u32> = event.context.iter().map(|c| self.strings.id(c)).collect();
            context.sort_unstable();
            context.dedup();
            let date = event.date.as_deref().map(|date| self.strings.id(date));
            let mut modalities = [0; 5];
            modalities[modality_index(event.modality)] = 1;
            let cluster = Cluster {
                etype: event.etype,
                mode,
                context,
                cameo: self.strings.id(&event.cameo),
                agent: ids(&event.agent),
                target: ids(&event.target),
                reported_by: ids(&event.reported_by),
                dates: date.map(|id| vec![(id, 1)]).unwrap_or_default(),
                best_date: date,
                modalities,
            };
            let c = self.merge(cluster);
            if let Err(at) = self.document_clusters.binary_search(&c) {
                self.document_clusters.insert(at, c);
            }
            self.event_cluster.push(c);
            let evidence = (d, span.start as u32);
            if c as usize == self.first_evidence.len() {
                self.first_evidence.push(evidence);
                self.prior_numbers.push(Vec::new());
            } else {
                let first = &mut self.first_evidence[c as usize];
                *first = (*first).min(evidence);
            }
            if let Some(candidates) = self.prior_events.get(&(d, span.start as u32, event.etype)) {
                for (mode, n) in candidates {
                    if mode.as_deref() == event.mode.as_deref() && !self.prior_numbers[c as usize].contains(n) {
                        self.prior_numbers[c as usize].push(*n);
                    }
                }
            }
        }

        // Relations: from text, and from the lexicon where both ends appear.
        let mut found: BTreeMap<RelationKey, (BTreeSet<u32>, BTreeSet<EvidenceRef>)> = BTreeMap::new();
        let evidence_of = |i: u32| {
            compact.sentence_span(i).map(|s| EvidenceRef {
                document: d,
                start: s.start as u32,
                end: s.end as u32,
                sentence: i,
            })
        };
        for relation in &compact.relations {
            let (Some(s), Some(t)) = (get(relation.source), get(relation.target)) else { continue };
            if s == t {
                continue;
            }
            let entry = found.entry((s, relation.rtype, t)).or_default();
            entry.0.insert(d);
            if let Some(e) = relation.sentence.and_then(evidence_of) {
                entry.1.insert(e);
            }
        }
        let globals = &self.entities.globals;
        let present: HashMap<&str, u32> =
            map.iter().filter(|&&g| g != u32::MAX).map(|&g| (globals[g as usize].key.as_str(), g)).collect();
        for &g in &map {
            if g == u32::MAX {
                continue;
            }
            let Some(id) = globals[g as usize].key.strip_prefix("lex:") else { continue };
            let Some(entry) = self.lexicon.entry(id) else { continue };
            let date = self.document_dates.get(d as usize);
            for rel in entry.relations.iter().filter(|rel| in_force(rel.from.as_deref(), rel.to.as_deref(), date)) {
                let Some(rtype) = RelationType::parse(&rel.rtype) else { continue };
                let target_key = if self.lexicon.entry(&rel.target).is_some() {
                    format!("lex:{}", rel.target)
                } else {
                    format!("country:{}", rel.target)
                };
                let Some(&t) = present.get(target_key.as_str()) else { continue };
                if t == g {
                    continue;
                }
                let e = found.entry((g, rtype, t)).or_default();
                e.0.insert(d);
                let sentences_of = |target: u32| -> BTreeSet<u32> {
                    compact.mentions.iter().filter(|m| get(m.entity) == Some(target)).map(|m| m.sentence).collect()
                };
                let both = sentences_of(g);
                if let Some(&i) = both.intersection(&sentences_of(t)).next() {
                    if let Some(evidence) = evidence_of(i) {
                        e.1.insert(evidence);
                    }
                }
            }
        }
        for (key, (documents, evidence)) in found {
            let entry = self.relations.entry(key).or_default();
            entry.0.extend(documents);
            entry.1.extend(evidence);
        }
    }

    /// Merges a local event into the first cluster that tells the same
    /// happening, or makes it a new cluster; returns the cluster.
    fn merge(&mut self, event: Cluster) -> u32 {
        let family = &self.entities.family;
        let keys = bucket_keys(&event, family);
        // Candidates: the clusters of the same type and mode that share a
        // target family (or, without targets, an agent family), and those
        // with evidence in this document (an untargeted headline and its
        // targeted body merge there). `same_happening` finds no other.
        let mut found: Option<u32> = None;
        let summary = Summary::of(&event, self.entities, &mut self.strings);
        let lists = keys.iter().filter_map(|key| self.buckets.get(key)).chain([&self.document_clusters]);
        for list in lists {
            for &c in list {
                if found.is_some_and(|f| c >= f) {
                    break;
                }
                let same_document = self.document_clusters.binary_search(&c).is_ok();
                if !self.summaries[c as usize].may_be_same(&summary, same_document) {
                    continue;
                }
                if same_happening(&self.clusters[c as usize], &event, same_document, self.entities, &self.strings) {
                    found = Some(c);
                    break;
                }
            }
        }
        match found {
            Some(c) => {
                let m = &mut self.clusters[c as usize];
                let before = m.target.len();
                for (list, from) in [
                    (&mut m.agent, &event.agent),
                    (&mut m.target, &event.target),
                    (&mut m.reported_by, &event.reported_by),
                ] {
                    for x in from {
                        if !list.contains(x) {
                            list.push(*x);
                        }
                    }
                }
                for x in event.context {
                    if let Err(at) = m.context.binary_search(&x) {
                        m.context.insert(at, x);
                    }
                }
                for (date, n) in event.dates {
                    match m.dates.iter_mut().find(|(d, _)| *d == date) {
                        Some(entry) => entry.1 += n,
                        None => m.dates.push((date, n)),
                    }
                }
                m.best_date = best_date(&m.dates, &self.strings);
                for (total, n) in m.modalities.iter_mut().zip(event.modalities) {
                    *total += n;
                }
                self.summaries[c as usize] = Summary::of(m, self.entities, &mut self.strings);
                // New targets (or, while it has none, new agents) file the
                // cluster under more keys.
                let keys = if before == m.target.len() && before > 0 { Vec::new() } else { bucket_keys(m, family) };
                for key in keys {
                    let list = self.buckets.entry(key).or_default();
                    if let Err(at) = list.binary_search(&c) {
                        list.insert(at, c);
                    }
                }
                c
            }
            None => {
                let c = self.clusters.len() as u32;
                for key in keys {
                    self.buckets.entry(key).or_default().push(c);
                }
                self.clusters.push(event);
                self.summaries.push(summary);
                c
            }
        }
    }

    /// Decides which entities the graph keeps and gives every node its id.
    pub fn finish(self, prior: &PriorIds) -> Plan<'a> {
        let globals = &self.entities.globals;
        let merge_into = &self.entities.merge_into;
        let mut needed: BTreeSet<u32> = BTreeSet::new();
        for cluster in self.clusters.iter().filter(|e| !e.agent.is_empty() && !e.target.is_empty()) {
            needed.extend(cluster.agent.iter().chain(&cluster.target).chain(&cluster.reported_by));
        }
        for (s, _, t) in self.relations.keys() {
            needed.insert(*s);
            needed.insert(*t);
        }
        let mut kept: Vec<u32> = (0..globals.len() as u32)
            .filter(|&i| {
                let g = &globals[i as usize];
                merge_into[i as usize] == i && (g.n_mentions > 0 && !g.weak || needed.contains(&i))
            })
            .collect();
        kept.sort_by_key(|&i| (globals[i as usize].first, i));

        // The key an entity is stored with: the smallest key among those of
        // its own named mentions and of the names merged into it.
        let mut key_of: HashMap<u32, &str> = HashMap::new();
        for (i, g) in globals.iter().enumerate() {
            if g.named {
                let into = merge_into[i];
                let key = key_of.entry(into).or_insert(g.key.as_str());
                if g.key.as_str() < *key {
                    *key = g.key.as_str();
                }
            }
        }

        // Entity ids: those of the earlier build for the same key, then new ones in order.
        let mut entity_number: Vec<u32> = vec![0; globals.len()];
        let mut taken: BTreeSet<u32> = BTreeSet::new();
        let mut next = prior.entities.values().filter_map(|id| id_number(id)).max().unwrap_or(0) + 1;
        for &g in &kept {
            let keys = [key_of.get(&g).copied(), Some(globals[g as usize].key.as_str())];
            let reused = keys
                .into_iter()
                .flatten()
                .filter_map(|k| prior.entities.get(k))
                .filter_map(|id| id_number(id))
                .find(|n| !taken.contains(n));
            let n = match reused {
                Some(n) => n,
                None => {
                    next += 1;
                    next - 1
                }
            };
            taken.insert(n);
            entity_number[g as usize] = n;
        }

        // Events with a kept entity, in the order of their first evidence;
        // their ids: those of the earlier build, then new ones in that order.
        let has_id = |g: &u32| entity_number[*g as usize] != 0;
        let mut order: Vec<u32> = (0..self.clusters.len() as u32)
            .filter(|&c| {
                let e = &self.clusters[c as usize];
                e.agent.iter().any(has_id) || e.target.iter().any(has_id)
            })
            .collect();
        order.sort_by_key(|&c| self.first_evidence[c as usize]);
        let mut event_number: Vec<u32> = vec![0; self.clusters.len()];
        let mut taken: BTreeSet<u32> = BTreeSet::new();
        for &c in &order {
            if let Some(&n) = self.prior_numbers[c as usize].iter().find(|n| !taken.contains(n)) {
                taken.insert(n);
                event_number[c as usize] = n;
            }
        }
        let mut next = self.prior_events.values().flatten().map(|(_, n)| *n).max().unwrap_or(0) + 1;
        for &c in &order {
            if event_number[c as usize] == 0 {
                event_number[c as usize] = next;
                next += 1;
            }
        }

        let n_clusters = self.clusters.len();
        Plan {
            entities: self.entities,
            lexicon: self.lexicon,
            kept,
            entity_number,
            key_of: key_of.into_iter().map(|(g, k)| (g, k.to_string())).collect(),
            clusters: self.clusters,
            modes: self.modes,
            strings: self.strings,
            event_order: order,
            event_number,
            event_cluster: self.event_cluster,
            relations: self.relations,
            cursor: 0,
            evidence_written: vec![(0, None); n_clusters],
            documents_written: vec![(0, None); n_clusters],
            entity_documents_written: Vec::new(),
        }
    }
}

/// Whether a fact that holds from `from` to `to` (ISO dates, either open)
/// holds on `date`; dates of different precision compare on their common
/// prefix ("2024" is within a term that ends "2024-07-23").
fn in_force(from: Option<&str>, to: Option<&str>, date: Option<&str>) -> bool {
    let Some(date) = date else { return true };
    let common = |a: &str, b: &str| -> std::cmp::Ordering {
        let n = a.len().min(b.len());
        a[..n].cmp(&b[..n])
    };
    from.is_none_or(|f| common(date, f).is_ge()) && to.is_none_or(|t| common(date, t).is_le())
}

/// What [`same_happening`] needs to know of an event to rule most others
/// out, in 32 bytes: its type and mode, its year, and its target and agent
/// families as bit sets (a family sets bit `family % 64`).
#[derive(Debug, Clone, Copy)]
struct Summary {
    etype: EventType,
    year: u16,
    mode: u32,
    /// The one state of its agents ([`agent_states`]), interned, or `u32::MAX`.
    state: u32,
    targets: u64,
    agents: u64,
}

impl Summary {
    fn of(event: &Cluster, entities: &Entities, strings: &mut Interner) -> Summary {
        let family = &entities.family;
        let bits = |list: &[u32]| list.iter().fold(0u64, |bits, &g| bits | 1 << (family[g as usize] % 64));
        let states = agent_states(&event.agent, entities);
        Summary {
            etype: event.etype,
            year: year_of(event.best_date, strings),
            mode: event.mode,
            state: if states.len() == 1 { strings.id(states[0]) } else { u32::MAX },
            targets: bits(&event.target),
            agents: bits(&event.agent),
        }
    }

    /// False when [`same_happening`] is sure to be: the same tests on the
    /// summaries, where a shared bit stands for a shared family.
    fn may_be_same(&self, other: &Summary, same_document: bool) -> bool {
        if self.etype != other.etype || self.mode != other.mode {
            return false;
        }
        // Dated events of different years are never the same happening.
        if self.year != 0 && other.year != 0 && self.year != other.year {
            return false;
        }
        let (targeted, other_targeted) = (self.targets != 0, other.targets != 0);
        if targeted != other_targeted {
            return same_document && self.agents & other.agents != 0;
        }
        if targeted && self.targets & other.targets == 0 {
            return false;
        }
        if self.agents == 0 || other.agents == 0 {
            return targeted;
        }
        self.agents & other.agents != 0 || (targeted && self.state != u32::MAX && self.state == other.state)
    }
}

/// The states of the agents of an event (of agencies, countries and
/// persons), sorted, without duplicates.
fn agent_states<'e>(agents: &[u32], entities: &'e Entities) -> Vec<&'e str> {
    let mut out: Vec<&str> = agents
        .iter()
        .filter_map(|g| {
            let e = &entities.globals[*g as usize].local;
            matches!(e.etype, EntityType::Agency | EntityType::Country | EntityType::Person)
                .then_some(e.country.as_deref())
                .flatten()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The keys under which `same_happening` can find `event`'s equals (see
/// [`BucketKey`]): none for an event with neither targets nor agents, which
/// is the same as another only within one document.
fn bucket_keys(event: &Cluster, family: &[u32]) -> Vec<BucketKey> {
    let mut keys: Vec<BucketKey> = if event.target.is_empty() {
        event.agent.iter().map(|&a| (event.etype, event.mode, NO_FAMILY, family[a as usize])).collect()
    } else {
        event.target.iter().map(|&t| (event.etype, event.mode, family[t as usize], NO_FAMILY)).collect()
    };
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Two events tell the same happening when type and mode agree, their
/// targets overlap (or both have none), their agents overlap or belong to the
/// same state (or one has none), and their dates do not contradict. An event
/// without a target and one with a target are the same only within one
/// document (`same_document`: they share one), when their agents overlap.
fn same_happening(a: &Cluster, b: &Cluster, same_document: bool, entities: &Entities, strings: &Interner) -> bool {
    if a.etype != b.etype || a.mode != b.mode {
        return false;
    }
    if let (Some(x), Some(y)) = (a.best_date, b.best_date) {
        let (x, y) = (strings.get(x), strings.get(y));
        if !(x.starts_with(y) || y.starts_with(x)) {
            return false;
        }
    }
    let family = &entities.family;
    let overlap = |x: &[u32], y: &[u32]| x.iter().any(|i| y.iter().any(|j| family[*i as usize] == family[*j as usize]));
    // Within one article, a headline or a later sentence that names no
    // target ("Bundesregierung untersagt Verkauf") tells the event its body
    // states in full, when the agents agree.
    if a.target.is_empty() != b.target.is_empty() {
        return same_document && !a.agent.is_empty() && !b.agent.is_empty() && overlap(&a.agent, &b.agent);
    }
    let targets = if a.target.is_empty() && b.target.is_empty() { true } else { overlap(&a.target, &b.target) };
    if !targets {
        return false;
    }
    if a.agent.is_empty() || b.agent.is_empty() {
        return !a.target.is_empty();
    }
    if overlap(&a.agent, &b.agent) {
        return true;
    }
    if a.target.is_empty() {
        return false;
    }
    // The states of the agents: the same single one?
    let ca = agent_states(&a.agent, entities);
    ca.len() == 1 && ca == agent_states(&b.agent, entities)
}

/// An entity of the graph, without its documents (see [`Plan::document_rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
    pub etype: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub aliases: Vec<String>,
    pub n_mentions: usize,
}

/// An event of the graph; its evidence comes from [`Plan::document_rows`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: String,
    pub etype: EventType,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: String,
    pub agent: Vec<String>,
    pub target: Vec<String>,
    pub reported_by: Vec<String>,
    pub date: Option<String>,
    pub modality: Modality,
}

/// A relation of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRow {
    pub id: String,
    pub source: String,
    pub rtype: RelationType,
    pub target: String,
    /// Document indices, ascending.
    pub documents: Vec<u32>,
    /// Sorted by document and span, without duplicates.
    pub evidence: Vec<EvidenceRef>,
}

/// A mention row: span, sentence index, entity id, text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MentionRow<'c> {
    pub start: u32,
    pub end: u32,
    pub sentence: Option<u32>,
    pub entity: &'c str,
    pub text: &'c str,
}

/// The rows of one document: those that list, for an entity or an event,
/// the documents and evidence in document order.
#[derive(Debug, Default, Hash)]
pub struct DocumentRows<'c> {
    pub mentions: Vec<MentionRow<'c>>,
    /// (entity id, position) for `entity_documents`.
    pub entity_documents: Vec<(String, u32)>,
    /// (event id, position, evidence) for `event_evidence`.
    pub event_evidence: Vec<(String, u32, EvidenceRef)>,
    /// (event id, position) for `event_documents`.
    pub event_documents: Vec<(String, u32)>,
}

/// The graph after pass 2: what is kept and every id. Pass 3 goes through
/// the documents again ([`Plan::document_rows`]) for the rows that are
/// listed document by document.
pub struct Plan<'a> {
    entities: &'a Entities,
    lexicon: &'a Lexicon,
    kept: Vec<u32>,
    /// Corpus entity → number of its id (`e{n}`), 0 when not kept.
    entity_number: Vec<u32>,
    key_of: HashMap<u32, String>,
    clusters: Vec<Cluster>,
    modes: Vec<Option<String>>,
    strings: Interner,
    event_order: Vec<u32>,
    /// Cluster → number of its id (`v{n}`), 0 when not in the graph.
    event_number: Vec<u32>,
    event_cluster: Vec<u32>,
    relations: BTreeMap<RelationKey, (Vec<u32>, Vec<EvidenceRef>)>,
    /// Pass 3: the next local event, and per cluster and entity how many
    /// rows were written and the last one.
    cursor: usize,
    evidence_written: Vec<(u32, Option<EvidenceKey>)>,
    documents_written: Vec<(u32, Option<u32>)>,
    entity_documents_written: Vec<u32>,
}

impl DocumentRows<'_> {
    /// A hash of the rows: an assembly rewrites a document's rows only when
    /// it changed. (SipHash with fixed keys: the same in every run.)
    pub fn digest(&self) -> i64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish() as i64
    }
}

/// Words written as an English proper name of several words: "Department of
/// Justice", "National Bureau of Investigation".
fn proper_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(|w| text::is_capitalized(w) || matches!(*w, "of" | "for" | "and" | "the"))
}

impl Plan<'_> {
    /// A country's body the lexicon does not know, named as an English text
    /// names it where that is its kind's noun written as a proper name of
    /// several words ("the Department of Justice" in a Philippine story is
    /// the "Philippine Department of Justice", not the template's "Philippine
    /// justice ministry"). The most used such surface wins; ties go to the
    /// first in order.
    fn proper_body_name(&self, global: &GlobalEntity) -> Option<String> {
        let kind = global.key.strip_prefix("body:")?.split(':').next()?;
        // Its own name, where a text gives one ("das mexikanische
        // Umweltministerium Semarnat"): one word that is no institution's
        // noun, nor a German compound ending in one ("Umweltministerium").
        let nouns = || self.lexicon.institutions.iter().flat_map(|i| i.en.iter().chain(&i.de));
        let own = |s: &str| {
            // (A genitive is its noun's: "des Ministerrats", "Madrids".)
            let stem = s.strip_suffix('s').filter(|_| s.len() > 4).unwrap_or(s);
            let lower = s.to_lowercase();
            let stem_lower = stem.to_lowercase();
            // (Nor a capital that stands for its government: "Moskau".)
            let capital = || {
                self.lexicon
                    .countries
                    .iter()
                    .any(|c| c.capital_en.iter().chain(&c.capital_de).any(|k| k == s || k == stem))
            };
            !s.contains([' ', '-'])
                && text::is_capitalized(s)
                && !capital()
                && !nouns().any(|n| {
                    let n = n.to_lowercase();
                    [&lower, &stem_lower]
                        .iter()
                        .any(|w| **w == n || w.len() > n.len() && n.chars().count() >= 4 && w.ends_with(&n))
                })
        };
        if let Some((surface, _)) =
            global.surfaces.iter().filter(|(s, _)| own(s)).max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        {
            return Some(surface.clone());
        }
        let institution = self.lexicon.institutions.iter().find(|i| i.kind == kind)?;
        let country = global.local.country.as_deref()?;
        let adjective = self.lexicon.countries.iter().find(|c| c.iso3 == country)?.adjective();
        let proper = |s: &str| proper_name(s) && institution.en.iter().any(|noun| noun.eq_ignore_ascii_case(s));
        let surface =
            global.surfaces.iter().filter(|(s, _)| proper(s)).max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?.0;
        Some(format!("{adjective} {surface}"))
    }

    fn entity_id(&self, g: u32) -> Option<String> {
        match self.entity_number.get(g as usize) {
            Some(&n) if n != 0 => Some(format!("e{n}")),
            _ => None,
        }
    }

    /// Pass 3: the rows of document `d` (documents must come in id order,
    /// as in pass 2): mentions that are names of a kept entity, the entities
    /// it names, the evidence it gives events.
    pub fn document_rows<'c>(&mut self, d: u32, compact: &'c Compact, ids: &'c [Option<String>]) -> DocumentRows<'c> {
        let mut rows = DocumentRows {
            mentions: compact
                .mentions
                .iter()
                .filter(|m| !m.anaphoric)
                .filter_map(|m| {
                    let entity = ids.get(m.entity as usize)?.as_deref()?;
                    Some(MentionRow { start: m.start, end: m.end, sentence: m.row_sentence, entity, text: &m.text })
                })
                .collect(),
            ..DocumentRows::default()
        };

        // The kept entities it names (anaphors included).
        let map = self.entities.owner_map(compact);
        let mut named: Vec<u32> = compact
            .mentions
            .iter()
            .filter_map(|m| map.get(m.entity as usize))
            .filter_map(|&g| self.entity_number.get(g as usize).copied())
            .filter(|&n| n != 0)
            .collect();
        named.sort_unstable();
        named.dedup();
        for n in named {
            if self.entity_documents_written.len() <= n as usize {
                self.entity_documents_written.resize(n as usize + 1, 0);
            }
            let position = &mut self.entity_documents_written[n as usize];
            rows.entity_documents.push((format!("e{n}"), *position));
            *position += 1;
        }

        // Evidence: the document's local events, in the order of pass 2.
        let mut evidence: Vec<(u32, u32, u32, u32)> = Vec::new();
        for event in &compact.events {
            let Some(span) = compact.sentence_span(event.sentence) else { continue };
            let Some(&c) = self.event_cluster.get(self.cursor) else { break };
            self.cursor += 1;
            if self.event_number[c as usize] != 0 {
                evidence.push((c, span.start as u32, span.end as u32, event.sentence));
            }
        }
        evidence.sort_unstable();
        for (c, start, end, sentence) in evidence {
            let id = format!("v{}", self.event_number[c as usize]);
            let (count, last) = &mut self.evidence_written[c as usize];
            if *last == Some((d, start, end)) {
                continue;
            }
            *last = Some((d, start, end));
            rows.event_evidence.push((id.clone(), *count, EvidenceRef { document: d, start, end, sentence }));
            *count += 1;
            let (count, last) = &mut self.documents_written[c as usize];
            if *last != Some(d) {
                *last = Some(d);
                rows.event_documents.push((id, *count));
                *count += 1;
            }
        }
        rows
    }

    /// Entity ids of the corpus entities of one document's local entities
    /// (`None` for entities the graph does not keep).
    pub fn entity_ids(&self, compact: &Compact) -> Vec<Option<String>> {
        self.entities.map(compact).into_iter().map(|g| self.entity_id(g)).collect()
    }

    /// The graph's entities, in the order they were first mentioned.
    pub fn entities(&self) -> Vec<EntityRow> {
        let globals = &self.entities.globals;
        self.kept
            .iter()
            .map(|&g| {
                let global = &globals[g as usize];
                let named = global.key.starts_with("name:");
                let etype = if named {
                    global.etype_votes.iter().max_by_key(|(_, n)| **n).map(|(t, _)| *t).unwrap_or(global.local.etype)
                } else {
                    global.local.etype
                };
                let name = if named {
                    // The most used full name ("Hamburger Hafen und Logistik
                    // AG" over "HHLA"), without its legal form for a company.
                    let words = |s: &str| s.split_whitespace().count().min(2);
                    let best = global
                        .surfaces
                        .iter()
                        .max_by(|a, b| {
                            words(a.0)
                                .cmp(&words(b.0))
                                .then(a.1.cmp(b.1))
                                .then(a.0.len().cmp(&b.0.len()))
                                .then(b.0.cmp(a.0))
                        })
                        .map(|(s, _)| s.clone())
                        .unwrap_or_else(|| global.local.name.clone());
                    // A name the recognizer composed ("Minas Gerais
                    // prosecutors" for "Prosecutors in the Brazilian state of
                    // Minas Gerais") is shorter than what the text says, or
                    // completes it ("Rajesh Gupta" for the "Rajesh" of "Rajesh
                    // and Atul Gupta").
                    let composed = !global.surfaces.iter().any(|(s, _)| s.eq_ignore_ascii_case(&global.local.name))
                        && (global.local.name.len() < best.len()
                            || global.local.name.strip_prefix(best.as_str()).is_some_and(|rest| rest.starts_with(' ')));
                    let best = if composed { global.local.name.clone() } else { best };
                    if etype == EntityType::Company {
                        crate::entities::patterns::strip_legal_form(&best, self.lexicon).to_string()
                    } else {
                        best
                    }
                } else if let Some(proper) = self.proper_body_name(global) {
                    proper
                } else {
                    global.local.name.clone()
                };
                // A bare institution noun ("Handelsministerium") named the body
                // only in its article's context: it is no alias, unless the
                // lexicon lists it ("Treasury"), it is a German federal name
                // ("Bundesregierung", "Bundeskabinett") or a proper name of
                // several words that names one body as surely as a name
                // (`unqualified.nouns`: "National Bureau of Investigation";
                // not "Supreme Court").
                let entry = global.key.strip_prefix("lex:").and_then(|id| self.lexicon.entry(id));
                let listed = |s: &str| entry.is_some_and(|e| e.en.iter().chain(&e.de).any(|a| a == s));
                let aliases: Vec<String> = global
                    .surfaces
                    .keys()
                    .filter(|s| {
                        **s != name
                            && (listed(s)
                                || s.starts_with("Bundes")
                                || proper_name(s)
                                    && self.lexicon.words.contains_ignore_ascii_case("unqualified.nouns", s)
                                || !self.lexicon.is_institution_noun(s))
                    })
                    .cloned()
                    .collect();
                EntityRow {
                    id: self.entity_id(g).unwrap_or_default(),
                    key: self.key_of.get(&g).cloned(),
                    name,
                    etype,
                    country: global.local.country.clone(),
                    sector: global.local.sector.clone(),
                    aliases,
                    n_mentions: global.n_mentions,
                }
            })
            .collect()
    }

    /// The graph's events, in the order of their first evidence.
    pub fn events(&self) -> Vec<EventRow> {
        self.event_rows().collect()
    }

    /// How many events the graph has.
    pub fn n_events(&self) -> usize {
        self.event_order.len()
    }

    /// The graph's events one by one, as [`Plan::events`] lists them: a
    /// corpus's rows need not all be in memory at once.
    pub fn event_rows(&self) -> impl Iterator<Item = EventRow> + '_ {
        let ids = |list: &[u32]| -> Vec<String> { list.iter().filter_map(|&g| self.entity_id(g)).collect() };
        self.event_order.iter().map(move |&c| {
            let e = &self.clusters[c as usize];
            let mut context: Vec<String> = e.context.iter().map(|&s| self.strings.get(s).to_string()).collect();
            context.sort();
            EventRow {
                id: format!("v{}", self.event_number[c as usize]),
                etype: e.etype,
                mode: self.modes[e.mode as usize].clone(),
                context,
                cameo: self.strings.get(e.cameo).to_string(),
                agent: ids(&e.agent),
                target: ids(&e.target),
                reported_by: ids(&e.reported_by),
                date: e.best_date.map(|d| self.strings.get(d).to_string()),
                modality: majority(&e.modalities),
            }
        })
    }

    /// The graph's relations with their ids, sorted by source, type and target.
    pub fn relations(&self, prior: &PriorIds) -> Vec<RelationRow> {
        let mut rows: Vec<RelationParts> = self
            .relations
            .iter()
            .filter_map(|((s, rtype, t), (documents, evidence))| {
                let (sn, tn) = (self.entity_number[*s as usize], self.entity_number[*t as usize]);
                if sn == 0 || tn == 0 {
                    return None;
                }
                let mut documents = documents.clone();
                documents.sort_unstable();
                documents.dedup();
                let mut evidence = evidence.clone();
                evidence.sort_unstable();
                evidence.dedup();
                Some((sn, *rtype, tn, documents, evidence))
            })
            .collect();
        rows.sort_by_key(|r| (r.0, r.1, r.2));
        let mut next = prior.relations.values().filter_map(|id| id_number(id)).max().unwrap_or(0) + 1;
        let mut taken = BTreeSet::new();
        rows.into_iter()
            .map(|(s, rtype, t, documents, evidence)| {
                let (source, target) = (format!("e{s}"), format!("e{t}"));
                let reused = prior
                    .relations
                    .get(&(source.clone(), rtype, target.clone()))
                    .and_then(|id| id_number(id))
                    .filter(|n| taken.insert(*n));
                let n = reused.unwrap_or_else(|| {
                    next += 1;
                    next - 1
                });
                RelationRow { id: format!("r{n}"), source, rtype, target, documents, evidence }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn document_ids_are_found_by_binary_search() {
        let ids = DocumentStrings::new(["a/1.txt", "a/2.txt", "b.txt", "c/d.txt"].map(Some));
        for (d, id) in ["a/1.txt", "a/2.txt", "b.txt", "c/d.txt"].iter().enumerate() {
            assert_eq!(ids.binary_search(id), Ok(d));
            assert_eq!(ids.str(d), *id);
        }
        assert_eq!(ids.binary_search("a/0.txt"), Err(0));
        assert_eq!(ids.binary_search("b0"), Err(3));
        assert_eq!(ids.binary_search("z"), Err(4));
        assert_eq!(DocumentStrings::default().binary_search("a"), Err(0));
    }

    #[test]
    fn each_document_keeps_its_own_date() {
        let dates = DocumentStrings::new([Some("2024-01-01"), None, Some(""), Some("2025"), Some("2023-02")]);
        let got: Vec<Option<&str>> = (0..6).map(|d| dates.get(d)).collect();
        assert_eq!(got, [Some("2024-01-01"), None, None, Some("2025"), Some("2023-02"), None]);
    }

    #[test]
    fn facts_hold_within_their_dates() {
        let cases = [
            (Some("2021-01-26"), Some("2024-07-23"), Some("2025-01-03"), false),
            (Some("2021-01-26"), Some("2024-07-23"), Some("2023-02"), true),
            (Some("2021-01-26"), Some("2024-07-23"), Some("2024"), true),
            (Some("2021-01-26"), Some("2024-07-23"), Some("2020-12-31"), false),
            (Some("2021-01-26"), None, Some("2030"), true),
            (Some("2021-01-26"), Some("2024-07-23"), None, true),
        ];
        for (from, to, date, holds) in cases {
            assert_eq!(in_force(from, to, date), holds, "{from:?}..{to:?} on {date:?}");
        }
    }

    /// Six entities in four families (0 and 1 are one family; 4 and 5 too,
    /// and 69 ≡ 5 mod 64 makes their bits collide), of several types and
    /// states.
    fn entities() -> Entities {
        let entity = |etype: EntityType, country: Option<&str>| GlobalEntity {
            key: String::new(),
            etype_votes: BTreeMap::new(),
            local: LocalEntity {
                key: String::new(),
                name: String::new(),
                etype,
                country: country.map(str::to_string),
                sector: None,
                weak: false,
            },
            surfaces: BTreeMap::new(),
            n_mentions: 1,
            first: (0, 0),
            weak: false,
            named: true,
        };
        let globals = vec![
            entity(EntityType::Agency, Some("USA")),
            entity(EntityType::Agency, Some("USA")),
            entity(EntityType::Country, Some("DEU")),
            entity(EntityType::Company, Some("CHN")),
            entity(EntityType::Person, Some("USA")),
            entity(EntityType::Company, None),
        ];
        Entities {
            globals,
            by_key: HashMap::new(),
            merge_into: (0..6).collect(),
            doc_owner: (0..6).collect(),
            family: vec![0, 0, 2, 3, 5, 69],
        }
    }

    fn cluster() -> impl Strategy<Value = (u8, u32, Option<u32>, Vec<u32>, Vec<u32>)> {
        (
            0u8..2,
            0u32..2,
            proptest::option::of(0u32..4),
            proptest::collection::vec(0u32..6, 0..3),
            proptest::collection::vec(prop_oneof![Just(3u32), Just(5), 0u32..6], 0..3),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The summaries rule out only what `same_happening` would: a
        /// merge scan that skips on them finds the same cluster.
        #[test]
        fn summaries_never_rule_out_the_same_happening(a in cluster(), b in cluster(), same_document: bool) {
            let entities = entities();
            let mut strings = Interner::default();
            let dates = ["2021", "2021-03", "2021-04", "2022"].map(|d| strings.id(d));
            let make = |(t, mode, date, agent, target): (u8, u32, Option<u32>, Vec<u32>, Vec<u32>)| Cluster {
                etype: if t == 0 { EventType::Accuse } else { EventType::Sanction },
                mode,
                context: Vec::new(),
                cameo: 0,
                agent,
                target,
                reported_by: Vec::new(),
                dates: Vec::new(),
                best_date: date.map(|d| dates[d as usize]),
                modalities: [1, 0, 0, 0, 0],
            };
            let (a, b) = (make(a), make(b));
            let (sa, sb) = (Summary::of(&a, &entities, &mut strings), Summary::of(&b, &entities, &mut strings));
            if same_happening(&a, &b, same_document, &entities, &strings) {
                prop_assert!(sa.may_be_same(&sb, same_document));
            }
            // And the bucket keys: two events that are the same share one,
            // or are in one document (where the scan looks too).
            if same_happening(&a, &b, same_document, &entities, &strings) && !same_document {
                let (ka, kb) = (bucket_keys(&a, &entities.family), bucket_keys(&b, &entities.family));
                prop_assert!(ka.iter().any(|k| kb.contains(k)), "{ka:?} {kb:?}");
            }
        }
    }
}

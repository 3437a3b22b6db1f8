//! Streaming corpus assembly: the corpus-level merge of
//! [`resolve::across_documents`](crate::resolve::across_documents), run over
//! the compact per-document results ([`Compact`]) that the store keeps, in
//! three passes over the documents in id order, so that memory holds the
//! entity and event tables but never the corpus.
//!
//! 1. [`EntityPass`]: entities by key (type votes, surfaces, first mention),
//!    then one-word person names merged into the one fuller name they end, and
//!    entity families (subsidiaries with their parents).
//! 2. [`EventPass`]: events mapped to corpus entities and merged with the
//!    events that tell the same happening (looked up by type, mode and target
//!    family instead of a scan of every event), relations from text and from
//!    the lexicon. Then which entities are kept and every id.
//! 3. [`Plan::mentions`]: the mention rows and entity documents of each
//!    document with their final ids.
//!
//! The result is the graph `across_documents` gives for the same documents
//! (a test compares their exports), except that ids already given by an
//! earlier build ([`PriorIds`]) are kept. Pure: the store reads and writes.

use crate::compact::Compact;
use crate::lexicon::Lexicon;
use crate::model::{EntityType, EventType, LocalEntity, Modality, RelationType};
use crate::text;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
}

impl EntityPass {
    pub fn new() -> EntityPass {
        EntityPass::default()
    }

    /// Adds document `d` (documents must come in id order).
    pub fn add(&mut self, d: u32, compact: &Compact) {
        let mut map = Vec::with_capacity(compact.entities.len());
        for (i, entity) in compact.entities.iter().enumerate() {
            let g = match self.by_key.get(entity.key.as_str()) {
                Some(&g) => g as usize,
                None => {
                    self.globals.push(GlobalEntity {
                        key: entity.key.clone(),
                        etype_votes: BTreeMap::new(),
                        local: compact.local_entity(i),
                        surfaces: BTreeMap::new(),
                        n_mentions: 0,
                        first: (d, u32::MAX),
                        weak: true,
                        named: false,
                    });
                    self.by_key.insert(entity.key.clone(), (self.globals.len() - 1) as u32);
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
        for mention in &compact.mentions {
            let Some(&g) = map.get(mention.entity as usize) else { continue };
            let global = &mut self.globals[g];
            global.first = global.first.min((d, mention.start));
            if !mention.anaphoric {
                global.n_mentions += 1;
                global.named = true;
                let surface = text::strip_possessive(&mention.text).trim();
                match global.surfaces.get_mut(surface) {
                    Some(n) => *n += 1,
                    None => {
                        global.surfaces.insert(surface.to_string(), 1);
                    }
                }
            }
        }
    }

    /// Merges one-word person names into the one fuller name they end and
    /// finds entity families.
    pub fn finish(mut self, lexicon: &Lexicon) -> Entities {
        let globals = &self.globals;
        // Multi-word person names by their folded last word.
        let mut by_last_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, g) in globals.iter().enumerate() {
            if g.local.etype == EntityType::Person && g.local.name.contains(' ') {
                if let Some(w) = g.local.name.rsplit(' ').next() {
                    by_last_word.entry(text::fold(w)).or_default().push(j);
                }
            }
        }
        let merge_into: Vec<usize> = (0..globals.len())
            .map(|i| {
                let g = &globals[i];
                if !g.key.starts_with("name:") || g.local.etype != EntityType::Person || g.local.name.contains(' ') {
                    return i;
                }
                let short = text::fold(&g.local.name);
                let fuller: Vec<usize> = by_last_word
                    .get(&short)
                    .map(|js| js.iter().copied().filter(|&j| j != i).collect())
                    .unwrap_or_default();
                if fuller.len() == 1 {
                    fuller[0]
                } else {
                    i
                }
            })
            .collect();
        for i in 0..self.globals.len() {
            let j = merge_into[i];
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
            family,
        }
    }
}

/// The corpus entities after pass 1.
pub struct Entities {
    globals: Vec<GlobalEntity>,
    by_key: HashMap<String, u32>,
    merge_into: Vec<u32>,
    family: Vec<u32>,
}

impl Entities {
    /// Local entity index → corpus entity (after merging), for one document.
    fn map(&self, compact: &Compact) -> Vec<u32> {
        compact
            .entities
            .iter()
            .map(|e| self.by_key.get(e.key.as_str()).map(|&g| self.merge_into[g as usize]).unwrap_or(u32::MAX))
            .collect()
    }
}

/// One event of the corpus: local events merged.
struct Cluster {
    etype: EventType,
    mode: Option<String>,
    mode_id: u32,
    context: BTreeSet<String>,
    cameo: String,
    agent: Vec<u32>,
    target: Vec<u32>,
    reported_by: Vec<u32>,
    /// Date → how many local events gave it.
    dates: BTreeMap<String, usize>,
    best_date: Option<String>,
    modalities: BTreeMap<Modality, usize>,
}

/// The most specific date that the others do not contradict (as `resolve`).
fn best_date(counts: &BTreeMap<String, usize>) -> Option<String> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
        .map(|(d, _)| d.to_string())
}

fn majority(counts: &BTreeMap<Modality, usize>) -> Modality {
    counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(m, _)| *m).unwrap_or(Modality::Asserted)
}

/// Evidence of a corpus event or relation: document, trimmed sentence span, sentence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EvidenceRef {
    pub document: u32,
    pub start: u32,
    pub end: u32,
    pub sentence: u32,
}

type RelationKey = (u32, RelationType, u32);

/// Pass 2: events and relations.
pub struct EventPass<'a> {
    entities: &'a Entities,
    lexicon: &'a Lexicon,
    clusters: Vec<Cluster>,
    /// (type, mode, target family or `u32::MAX` for none) → clusters, ascending.
    buckets: HashMap<(EventType, u32, u32), Vec<u32>>,
    modes: HashMap<Option<String>, u32>,
    /// (cluster, evidence) for every local event.
    evidence: Vec<(u32, EvidenceRef)>,
    relations: BTreeMap<RelationKey, (Vec<u32>, Vec<EvidenceRef>)>,
}

impl<'a> EventPass<'a> {
    pub fn new(entities: &'a Entities, lexicon: &'a Lexicon) -> EventPass<'a> {
        EventPass {
            entities,
            lexicon,
            clusters: Vec::new(),
            buckets: HashMap::new(),
            modes: HashMap::new(),
            evidence: Vec::new(),
            relations: BTreeMap::new(),
        }
    }

    /// Adds document `d` (documents must come in id order).
    pub fn add(&mut self, d: u32, compact: &Compact) {
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
            let evidence =
                EvidenceRef { document: d, start: span.start as u32, end: span.end as u32, sentence: event.sentence };
            let next_mode = self.modes.len() as u32;
            let mode_id = *self.modes.entry(event.mode.clone()).or_insert(next_mode);
            let mut dates = BTreeMap::new();
            if let Some(date) = &event.date {
                dates.insert(date.clone(), 1);
            }
            let cluster = Cluster {
                etype: event.etype,
                mode: event.mode.clone(),
                mode_id,
                context: event.context.iter().cloned().collect(),
                cameo: event.cameo.clone(),
                agent: ids(&event.agent),
                target: ids(&event.target),
                reported_by: ids(&event.reported_by),
                best_date: event.date.clone(),
                dates,
                modalities: BTreeMap::from([(event.modality, 1)]),
            };
            let c = self.merge(cluster);
            self.evidence.push((c, evidence));
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
            for rel in &entry.relations {
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
        let none = u32::MAX;
        let bucket_keys: Vec<(EventType, u32, u32)> = if event.target.is_empty() {
            vec![(event.etype, event.mode_id, none)]
        } else {
            let mut keys: Vec<_> =
                event.target.iter().map(|&t| (event.etype, event.mode_id, family[t as usize])).collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        };
        let mut found: Option<u32> = None;
        for key in &bucket_keys {
            let Some(list) = self.buckets.get(key) else { continue };
            for &c in list {
                if found.is_some_and(|f| c >= f) {
                    break;
                }
                if same_happening(&self.clusters[c as usize], &event, &self.entities.globals, family) {
                    found = Some(c);
                    break;
                }
            }
        }
        let c = match found {
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
                m.context.extend(event.context);
                for (date, n) in event.dates {
                    *m.dates.entry(date).or_default() += n;
                }
                m.best_date = best_date(&m.dates);
                for (modality, n) in event.modalities {
                    *m.modalities.entry(modality).or_default() += n;
                }
                let new_targets: Vec<u32> = m.target[before..].to_vec();
                let (etype, mode_id) = (m.etype, m.mode_id);
                for t in new_targets {
                    let list = self.buckets.entry((etype, mode_id, family[t as usize])).or_default();
                    if let Err(at) = list.binary_search(&c) {
                        list.insert(at, c);
                    }
                }
                c
            }
            None => {
                let c = self.clusters.len() as u32;
                for key in bucket_keys {
                    self.buckets.entry(key).or_default().push(c);
                }
                self.clusters.push(event);
                c
            }
        };
        c
    }

    /// Decides which entities the graph keeps and gives every node its id.
    pub fn finish(mut self, prior: &PriorIds) -> Plan<'a> {
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
                merge_into[i as usize] == i && g.n_mentions > 0 && (!g.weak || needed.contains(&i))
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
        let number = |id: &str| id.get(1..).and_then(|n| n.parse::<u32>().ok());
        let mut taken: BTreeSet<u32> = BTreeSet::new();
        let mut next = prior.entities.values().filter_map(|id| number(id)).max().unwrap_or(0) + 1;
        for &g in &kept {
            let keys = [key_of.get(&g).copied(), Some(globals[g as usize].key.as_str())];
            let reused = keys
                .into_iter()
                .flatten()
                .filter_map(|k| prior.entities.get(k))
                .filter_map(|id| number(id))
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

        // Events: evidence sorted and deduplicated per cluster.
        self.evidence.sort_unstable();
        self.evidence.dedup();
        let mut first_evidence: Vec<Option<(u32, u32)>> = vec![None; self.clusters.len()];
        for (c, e) in &self.evidence {
            let first = &mut first_evidence[*c as usize];
            if first.is_none() {
                *first = Some((e.document, e.start));
            }
        }
        let has_id = |g: &u32| entity_number[*g as usize] != 0;
        let mut order: Vec<u32> = (0..self.clusters.len() as u32)
            .filter(|&c| {
                let e = &self.clusters[c as usize];
                e.agent.iter().any(has_id) || e.target.iter().any(has_id)
            })
            .collect();
        order.sort_by_key(|&c| first_evidence[c as usize]);

        Plan {
            entities: self.entities,
            kept,
            entity_number,
            key_of: key_of.into_iter().map(|(g, k)| (g, k.to_string())).collect(),
            clusters: self.clusters,
            event_order: order,
            evidence: self.evidence,
            relations: self.relations,
        }
    }
}

/// Two events tell the same happening when type and mode agree, their
/// targets overlap (or both have none), their agents overlap or belong to the
/// same state (or one has none), and their dates do not contradict (as `resolve`).
fn same_happening(a: &Cluster, b: &Cluster, globals: &[GlobalEntity], family: &[u32]) -> bool {
    if a.etype != b.etype || a.mode != b.mode {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.best_date, &b.best_date) {
        if !(x.starts_with(y.as_str()) || y.starts_with(x.as_str())) {
            return false;
        }
    }
    let overlap = |x: &[u32], y: &[u32]| x.iter().any(|i| y.iter().any(|j| family[*i as usize] == family[*j as usize]));
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
    let country = |g: &u32| {
        let e = &globals[*g as usize].local;
        matches!(e.etype, EntityType::Agency | EntityType::Country | EntityType::Person)
            .then(|| e.country.clone())
            .flatten()
    };
    let ca: BTreeSet<String> = a.agent.iter().filter_map(country).collect();
    let cb: BTreeSet<String> = b.agent.iter().filter_map(country).collect();
    !a.target.is_empty() && ca.len() == 1 && ca == cb
}

/// An entity of the graph, without its documents (see [`Plan::mentions`]).
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

/// An event of the graph; its evidence comes from [`Plan::event_evidence`].
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
    /// Sorted by document and span, without duplicates.
    pub evidence: Vec<EvidenceRef>,
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

/// A mention row: document index, span, sentence index, entity id, text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRow<'c> {
    pub start: u32,
    pub end: u32,
    pub sentence: Option<u32>,
    pub entity: &'c str,
    pub text: &'c str,
}

/// The graph after pass 2: what is kept and every id.
pub struct Plan<'a> {
    entities: &'a Entities,
    kept: Vec<u32>,
    /// Corpus entity → number of its id (`e{n}`), 0 when not kept.
    entity_number: Vec<u32>,
    key_of: HashMap<u32, String>,
    clusters: Vec<Cluster>,
    event_order: Vec<u32>,
    evidence: Vec<(u32, EvidenceRef)>,
    relations: BTreeMap<RelationKey, (Vec<u32>, Vec<EvidenceRef>)>,
}

impl Plan<'_> {
    fn entity_id(&self, g: u32) -> Option<String> {
        match self.entity_number.get(g as usize) {
            Some(&n) if n != 0 => Some(format!("e{n}")),
            _ => None,
        }
    }

    /// Entity ids of the corpus entities of one document's local entities
    /// (`None` for entities the graph does not keep).
    pub fn entity_ids(&self, compact: &Compact) -> Vec<Option<String>> {
        self.entities.map(compact).into_iter().map(|g| self.entity_id(g)).collect()
    }

    /// The mention rows of one document: its mentions that are names of a
    /// kept entity, in the order of the analysis.
    pub fn mentions<'c>(&self, compact: &'c Compact, ids: &'c [Option<String>]) -> Vec<MentionRow<'c>> {
        compact
            .mentions
            .iter()
            .filter(|m| !m.anaphoric)
            .filter_map(|m| {
                let entity = ids.get(m.entity as usize)?.as_deref()?;
                Some(MentionRow { start: m.start, end: m.end, sentence: m.row_sentence, entity, text: &m.text })
            })
            .collect()
    }

    /// The kept entities that one document mentions (anaphors included), as
    /// entity numbers, ascending.
    pub fn documents_entities(&self, compact: &Compact) -> Vec<u32> {
        let map = self.entities.map(compact);
        let mut out: Vec<u32> = compact
            .mentions
            .iter()
            .filter_map(|m| map.get(m.entity as usize))
            .filter_map(|&g| self.entity_number.get(g as usize).copied())
            .filter(|&n| n != 0)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
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
                    global
                        .surfaces
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
                        .map(|(s, _)| s.clone())
                        .unwrap_or_else(|| global.local.name.clone())
                } else {
                    global.local.name.clone()
                };
                let aliases: Vec<String> = global.surfaces.keys().filter(|s| **s != name).cloned().collect();
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

    /// The graph's events with their ids: those of the earlier build where
    /// `prior` knows one of their evidence sentences, new ones after.
    pub fn events(&self, prior: &PriorIds, document_ids: &[String]) -> Vec<EventRow> {
        let ids = |list: &[u32]| -> Vec<String> { list.iter().filter_map(|&g| self.entity_id(g)).collect() };
        // Evidence per cluster: `evidence` is sorted by cluster.
        let mut ranges: Vec<(usize, usize)> = vec![(0, 0); self.clusters.len()];
        let mut i = 0;
        while i < self.evidence.len() {
            let c = self.evidence[i].0;
            let mut j = i;
            while j < self.evidence.len() && self.evidence[j].0 == c {
                j += 1;
            }
            ranges[c as usize] = (i, j);
            i = j;
        }
        let evidence_of = |c: u32| -> Vec<EvidenceRef> {
            let (a, b) = ranges[c as usize];
            self.evidence[a..b].iter().map(|(_, e)| *e).collect()
        };
        let number = |id: &str| id.get(1..).and_then(|n| n.parse::<u32>().ok());
        let mut taken: BTreeSet<u32> = BTreeSet::new();
        let mut numbers: Vec<Option<u32>> = vec![None; self.event_order.len()];
        if !prior.events.is_empty() {
            for (k, &c) in self.event_order.iter().enumerate() {
                let cluster = &self.clusters[c as usize];
                let reused = evidence_of(c).iter().find_map(|e| {
                    let doc = document_ids.get(e.document as usize)?;
                    let ids = prior.events.get(&(doc.clone(), e.start, cluster.etype, cluster.mode.clone()))?;
                    ids.iter().filter_map(|id| number(id)).find(|n| !taken.contains(n))
                });
                if let Some(n) = reused {
                    taken.insert(n);
                    numbers[k] = Some(n);
                }
            }
        }
        let mut next = prior.events.values().flatten().filter_map(|id| number(id)).max().unwrap_or(0) + 1;
        self.event_order
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let n = numbers[k].unwrap_or_else(|| {
                    next += 1;
                    next - 1
                });
                let e = &self.clusters[c as usize];
                EventRow {
                    id: format!("v{n}"),
                    etype: e.etype,
                    mode: e.mode.clone(),
                    context: e.context.iter().cloned().collect(),
                    cameo: e.cameo.clone(),
                    agent: ids(&e.agent),
                    target: ids(&e.target),
                    reported_by: ids(&e.reported_by),
                    date: e.best_date.clone(),
                    modality: majority(&e.modalities),
                    evidence: evidence_of(c),
                }
            })
            .collect()
    }

    /// The graph's relations with their ids, sorted by source, type and target.
    pub fn relations(&self, prior: &PriorIds) -> Vec<RelationRow> {
        let mut rows: Vec<(u32, RelationType, u32, Vec<u32>, Vec<EvidenceRef>)> = self
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
        rows.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        let number = |id: &str| id.get(1..).and_then(|n| n.parse::<u32>().ok());
        let mut next = prior.relations.values().filter_map(|id| number(id)).max().unwrap_or(0) + 1;
        let mut taken = BTreeSet::new();
        rows.into_iter()
            .map(|(s, rtype, t, documents, evidence)| {
                let (source, target) = (format!("e{s}"), format!("e{t}"));
                let reused = prior
                    .relations
                    .get(&(source.clone(), rtype, target.clone()))
                    .and_then(|id| number(id))
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

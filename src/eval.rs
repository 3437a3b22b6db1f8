//! Eval: scores a corpus graph (the JSON export, [`Graph`]) against a
//! hand-made gold graph and reports precision, recall and F1 for entities,
//! events and relations, overall and per type, with the lists of what was
//! missed, spurious, fragmented (one real entity split into several nodes)
//! and conflated (several real entities merged into one node).
//!
//! The matching is exactly that of the reference scorer
//! `../shared/eval/score.py`, so every number both print agrees on any
//! export; [`Report::to_score_py_json`] gives score.py's `--json` object key
//! for key. The gold format is described in `docs/gold-format.md`. Apart
//! from [`Gold::load`], which reads the gold file, nothing here does I/O and
//! nothing panics: a bad gold file is an [`Error::Gold`] naming the file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::model::{Entity, Event, Graph, Relation};

// ---------------------------------------------------------------------------
// The gold format
// ---------------------------------------------------------------------------

/// A hand-made gold graph, in the format of `../shared/gold/seeds.json`.
/// Entities are named by their `name`; events and relations refer to
/// entities by that name. Unknown fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// Which corpus the gold describes (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<String>,
    /// Notes for the people who edit the gold (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// A real-world entity and every surface form that may name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    /// An entity type of the ontology, uppercase (`COMPANY`).
    #[serde(rename = "type")]
    pub etype: String,
    /// Only required entities count towards recall; optional ones may be
    /// extracted without being spurious.
    #[serde(default, deserialize_with = "null_as_false")]
    pub required: bool,
    /// Names a predicted entity may carry to match this one. The `name`
    /// matches too, whether or not it is listed here.
    pub aliases: Vec<String>,
}

/// An event: any of `types`, by one of the `agent` options, against one of
/// the `target` options. A `null` option means "no entity" is acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    /// Event types that count as a match (`ACCUSE`, `THREATEN`, ...). The
    /// first is the one the per-type breakdown files the event under.
    pub types: Vec<String>,
    /// Names of gold entities, or `null` for "no agent is acceptable".
    pub agent: Vec<Option<String>>,
    /// Names of gold entities, or `null` for "no target is acceptable".
    pub target: Vec<Option<String>>,
    #[serde(default)]
    pub date: Option<String>,
    /// Stems of the documents that state the event.
    #[serde(default)]
    pub docs: Vec<String>,
    #[serde(default, deserialize_with = "null_as_false")]
    pub required: bool,
    /// The expected PLOVER mode, lowercase; `null` when any mode will do.
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A static relation between two gold entities, named by their `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldRelation {
    pub source: String,
    /// Relation types that count as a match (`SUBSIDIARY_OF`, `PART_OF`, ...).
    pub types: Vec<String>,
    pub target: String,
    #[serde(default, deserialize_with = "null_as_false")]
    pub required: bool,
}

/// score.py tests `required` for truth, so a `null` is as good as `false`.
fn null_as_false<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}

impl Gold {
    /// Parses a gold file's text; `path` is only used to name the file in
    /// errors. Besides the JSON shape, it checks that every relation names
    /// gold entities (score.py would crash on one that does not).
    pub fn from_json_str(json: &str, path: impl AsRef<Path>) -> Result<Gold> {
        let path = path.as_ref();
        let gold: Gold = serde_json::from_str(json).map_err(|err| gold_error(path, err.to_string()))?;
        gold.check_relation_names().map_err(|message| gold_error(path, message))?;
        Ok(gold)
    }

    /// Reads and parses a gold file.
    pub fn load(path: impl AsRef<Path>) -> Result<Gold> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                Error::NotFound { path: path.to_path_buf() }
            } else {
                Error::Io { path: path.to_path_buf(), source }
            }
        })?;
        let text = String::from_utf8(bytes).map_err(|err| {
            let offset = err.utf8_error().valid_up_to();
            gold_error(path, format!("not valid UTF-8 (byte offset {offset})"))
        })?;
        Gold::from_json_str(&text, path)
    }

    fn check_relation_names(&self) -> Result<(), String> {
        let names: HashSet<&str> = self.entities.iter().map(|e| e.name.as_str()).collect();
        for (idx, relation) in self.relations.iter().enumerate() {
            for (role, name) in [("source", &relation.source), ("target", &relation.target)] {
                if !names.contains(name.as_str()) {
                    return Err(format!(
                        "relation {} ({} -> {}): {role} {name:?} is not the name of a gold entity",
                        idx + 1,
                        relation.source,
                        relation.target
                    ));
                }
            }
        }
        Ok(())
    }
}

fn gold_error(path: &Path, message: String) -> Error {
    Error::Gold { path: path.to_path_buf(), message }
}

// ---------------------------------------------------------------------------
// Name normalisation (score.py's norm() and keys())
// ---------------------------------------------------------------------------

/// Folds a name the way score.py's `norm()` does: `ß` → `ss`, `’` → `'`,
/// NFKD, combining marks dropped, case-folded, a word-final `'s` dropped,
/// dots dropped, every run of other characters than `0-9a-z` made one space.
/// "Alibaba's" → "alibaba", "U.S." → "us", "US-Handelsministerium" →
/// "us handelsministerium".
///
/// It agrees with score.py on every character Python's Unicode database
/// knows; only characters assigned in later Unicode versions than Python's
/// may fold differently.
pub fn norm(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.replace('ß', "ss").replace('’', "'").nfkd() {
        if canonical_combining_class(c) != 0 {
            continue;
        }
        // Python's casefold() and Rust's to_lowercase() differ, once NFKD has
        // run, only in the sharp s, which folds to "ss".
        match c {
            'ß' | 'ẞ' => folded.push_str("ss"),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    let without_possessive = strip_possessive(&folded).replace('.', "");
    let mut out = String::with_capacity(without_possessive.len());
    for word in without_possessive
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The keys a name matches under (score.py's `keys()`): its [`norm`], and
/// also that without a final "s" when the fold is longer than three
/// characters, so "Jack Mas" and "IBMs" find "Jack Ma" and "IBM".
pub fn keys(name: &str) -> Vec<String> {
    let key = norm(name);
    match key.strip_suffix('s') {
        Some(stem) if key.len() > 3 => {
            let stem = stem.to_string();
            vec![key, stem]
        }
        _ => vec![key],
    }
}

/// Removes every `'s` not followed by a word character, as Python's
/// `re.sub(r"'s\b", "", s)` does.
fn strip_possessive(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut idx = 0;
    while idx < chars.len() {
        let possessive = chars[idx] == '\''
            && chars.get(idx + 1) == Some(&'s')
            && !chars.get(idx + 2).copied().is_some_and(is_regex_word_char);
        if possessive {
            idx += 2;
        } else {
            out.push(chars[idx]);
            idx += 1;
        }
    }
    out
}

/// Python's `\w` on str patterns: letters, numbers and the underscore.
/// (Rust's `char::is_alphanumeric` would also take the vowel signs of many
/// scripts, which are marks.)
fn is_regex_word_char(c: char) -> bool {
    static WORD: OnceLock<Option<Regex>> = OnceLock::new();
    let word = WORD.get_or_init(|| Regex::new(r"^[\p{L}\p{N}_]$").ok());
    match word {
        Some(word) => word.is_match(c.encode_utf8(&mut [0; 4])),
        None => c == '_' || c.is_alphanumeric(),
    }
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

/// Counts and the ratios made of them. A ratio whose denominator is zero is
/// 0, as in score.py.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// Required gold items.
    pub required: usize,
    /// Required gold items that something predicted matches.
    pub found: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Predicted items that match some gold item, required or not.
    pub matched: usize,
    /// `found / required`.
    pub recall: f64,
    /// `matched / predicted`.
    pub precision: f64,
    pub f1: f64,
}

impl Score {
    fn new(required: usize, found: usize, predicted: usize, matched: usize) -> Score {
        let recall = ratio(found, required);
        let precision = ratio(matched, predicted);
        let f1 = if recall + precision > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Score { required, found, predicted, matched, recall, precision, f1 }
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// What [`evaluate`] found. Ratios are unrounded; [`Report::render_text`]
/// and [`Report::to_score_py_json`] round them as score.py does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub entities: EntityReport,
    pub events: EventReport,
    pub relations: RelationReport,
}

/// Entity scores. Recall is over required gold entities, precision over
/// predicted entities (one that matches no gold entity at all is spurious).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityReport {
    #[serde(flatten)]
    pub score: Score,
    /// Found required entities with at least one match of the gold type.
    pub typed: usize,
    /// `typed / found` (score.py's `entity_type_accuracy`).
    pub type_accuracy: f64,
    /// Recall per gold type, precision per predicted type.
    pub per_type: BTreeMap<String, EntityTypeReport>,
    /// Names of required gold entities nothing matches, in gold order.
    pub missed: Vec<String>,
    /// Names of predicted entities that match no gold entity.
    pub spurious: Vec<String>,
    pub fragmented: Vec<Fragmented>,
    pub conflated: Vec<Conflated>,
}

/// One entity type: `required`/`found`/`typed` count gold entities of the
/// type, `predicted`/`matched` count predicted entities of the type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EntityTypeReport {
    #[serde(flatten)]
    pub score: Score,
    pub typed: usize,
}

/// A required gold entity that several predicted entities match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragmented {
    pub gold: String,
    /// Names of the predicted entities, in export order.
    pub predicted: Vec<String>,
}

/// A predicted entity whose names point unambiguously to several required
/// gold entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflated {
    pub predicted: String,
    /// Names of the gold entities, sorted.
    pub gold: Vec<String>,
}

/// Event scores. Recall is over required gold events, precision over
/// predicted events (one that matches no gold event is unmatched).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventReport {
    #[serde(flatten)]
    pub score: Score,
    #[serde(flatten)]
    pub mode: ModeScore,
    /// Recall and mode accuracy per gold type (a gold event's first type),
    /// precision per predicted type.
    pub per_type: BTreeMap<String, EventTypeReport>,
    /// Ids of required gold events nothing matches, in gold order.
    pub missed: Vec<String>,
    pub fragmented: Vec<FragmentedEvent>,
    /// Predicted events that match no gold event, as `TYPE(agent -> target)`.
    pub unmatched: Vec<String>,
}

/// How often a found required event with an expected mode has a match with
/// that mode.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ModeScore {
    pub mode_checked: usize,
    pub mode_correct: usize,
    /// `mode_correct / mode_checked`, `None` when nothing was checked.
    pub mode_accuracy: Option<f64>,
}

impl ModeScore {
    fn new(mode_checked: usize, mode_correct: usize) -> ModeScore {
        let mode_accuracy = (mode_checked > 0).then(|| ratio(mode_correct, mode_checked));
        ModeScore { mode_checked, mode_correct, mode_accuracy }
    }
}

/// One event type: `required`/`found` and the mode count gold events filed
/// under the type, `predicted`/`matched` count predicted events of the type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EventTypeReport {
    #[serde(flatten)]
    pub score: Score,
    #[serde(flatten)]
    pub mode: ModeScore,
}

/// A required gold event that several predicted events match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FragmentedEvent {
    pub gold: String,
    pub n_predicted: usize,
}

/// Relation scores. Recall is over required gold relations, precision over
/// predicted relations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationReport {
    #[serde(flatten)]
    pub score: Score,
    /// Required gold relations nothing matches, as `source->target`.
    pub missed: Vec<String>,
    /// Predicted relations that match no gold relation, as
    /// `TYPE(source -> target)`.
    pub unmatched: Vec<String>,
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/// The gold entities indexed by every key of every name and alias.
struct GoldIndex<'g> {
    gold: &'g Gold,
    alias_to_gold: HashMap<String, BTreeSet<usize>>,
    /// As a Python dict built in order: a repeated name maps to its last entity.
    name_to_gold: HashMap<&'g str, usize>,
}

impl<'g> GoldIndex<'g> {
    fn new(gold: &'g Gold) -> GoldIndex<'g> {
        let mut alias_to_gold: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut name_to_gold = HashMap::new();
        for (idx, entity) in gold.entities.iter().enumerate() {
            for alias in entity.aliases.iter().chain([&entity.name]) {
                for key in keys(alias) {
                    alias_to_gold.entry(key).or_default().insert(idx);
                }
            }
            name_to_gold.insert(entity.name.as_str(), idx);
        }
        GoldIndex { gold, alias_to_gold, name_to_gold }
    }

    fn hits(&self, name: &str, out: &mut BTreeSet<usize>) {
        for key in keys(name) {
            if let Some(hits) = self.alias_to_gold.get(&key) {
                out.extend(hits);
            }
        }
    }

    /// Gold entities a predicted entity stands for: those its name matches,
    /// or, when the name matches none, those its aliases match.
    fn entity_hits(&self, entity: &Entity) -> BTreeSet<usize> {
        let mut hits = BTreeSet::new();
        self.hits(&entity.name, &mut hits);
        if hits.is_empty() {
            for alias in &entity.aliases {
                self.hits(alias, &mut hits);
            }
        }
        hits
    }

    /// Required gold entities that some name or alias of the entity points to
    /// unambiguously (score.py's `unique_required`).
    fn unique_required(&self, entity: &Entity) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for name in [&entity.name].into_iter().chain(&entity.aliases) {
            for key in keys(name) {
                let unambiguous = self.alias_to_gold.get(&key).filter(|hits| hits.len() == 1);
                if let Some(hits) = unambiguous {
                    out.extend(hits.iter().filter(|&&g| self.gold.entities[g].required));
                }
            }
        }
        out
    }
}

/// The predicted entities keyed by id like a Python dict: a repeated id
/// keeps its first position and its last value.
struct Predicted<'a> {
    entities: Vec<&'a Entity>,
    by_id: HashMap<&'a str, usize>,
    /// Gold entities each predicted entity maps to.
    hits: Vec<BTreeSet<usize>>,
}

impl<'a> Predicted<'a> {
    fn new(index: &GoldIndex<'_>, graph: &'a Graph) -> Predicted<'a> {
        let mut entities: Vec<&Entity> = Vec::new();
        let mut by_id = HashMap::new();
        let mut hits = Vec::new();
        for entity in &graph.entities {
            let entity_hits = index.entity_hits(entity);
            match by_id.get(entity.id.as_str()) {
                Some(&idx) => {
                    entities[idx] = entity;
                    hits[idx] = entity_hits;
                }
                None => {
                    by_id.insert(entity.id.as_str(), entities.len());
                    entities.push(entity);
                    hits.push(entity_hits);
                }
            }
        }
        Predicted { entities, by_id, hits }
    }

    fn hits_of(&self, id: &str) -> Option<&BTreeSet<usize>> {
        self.by_id.get(id).map(|&idx| &self.hits[idx])
    }

    /// `None` for an id that names no entity, as score.py prints it.
    fn name_of(&self, id: &str) -> &str {
        self.by_id.get(id).map_or("None", |&idx| self.entities[idx].name.as_str())
    }

    /// `a+b`, or `-` for no entities.
    fn names(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "-".to_string();
        }
        ids.iter().map(|id| self.name_of(id)).collect::<Vec<_>>().join("+")
    }
}

/// Inserts like a Python dict assignment: an item with the same key
/// replaces the old one in its place.
fn upsert<T>(items: &mut Vec<T>, item: T, same_key: impl Fn(&T, &T) -> bool) {
    match items.iter_mut().find(|old| same_key(old, &item)) {
        Some(old) => *old = item,
        None => items.push(item),
    }
}

/// Scores `graph` against `gold` with score.py's matching rules.
pub fn evaluate(gold: &Gold, graph: &Graph) -> Report {
    let index = GoldIndex::new(gold);
    let predicted = Predicted::new(&index, graph);
    Report {
        entities: score_entities(&index, &predicted),
        events: score_events(&index, &predicted, graph),
        relations: score_relations(&index, &predicted, graph),
    }
}

fn score_entities(index: &GoldIndex<'_>, predicted: &Predicted<'_>) -> EntityReport {
    let gold = &index.gold.entities;
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); gold.len()];
    for (pred_idx, hits) in predicted.hits.iter().enumerate() {
        for &gold_idx in hits {
            found[gold_idx].push(pred_idx);
        }
    }
    let is_typed =
        |gold_idx: usize| found[gold_idx].iter().any(|&p| predicted.entities[p].etype.as_str() == gold[gold_idx].etype);

    // Counts per type: (required, found, typed) of gold, (predicted, matched).
    let mut gold_counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut pred_counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut n_required, mut n_found, mut n_typed) = (0, 0, 0);
    let mut missed = Vec::new();
    let mut fragmented = Vec::new();
    for (gold_idx, entity) in gold.iter().enumerate().filter(|(_, e)| e.required) {
        let counts = gold_counts.entry(&entity.etype).or_default();
        n_required += 1;
        counts.0 += 1;
        if found[gold_idx].is_empty() {
            missed.push(entity.name.clone());
            continue;
        }
        n_found += 1;
        counts.1 += 1;
        if is_typed(gold_idx) {
            n_typed += 1;
            counts.2 += 1;
        }
        if found[gold_idx].len() > 1 {
            let names = found[gold_idx].iter().map(|&p| predicted.entities[p].name.clone());
            let item = Fragmented { gold: entity.name.clone(), predicted: names.collect() };
            upsert(&mut fragmented, item, |a, b| a.gold == b.gold);
        }
    }

    let mut spurious = Vec::new();
    let mut conflated = Vec::new();
    for (entity, hits) in predicted.entities.iter().zip(&predicted.hits) {
        let counts = pred_counts.entry(entity.etype.as_str()).or_default();
        counts.0 += 1;
        if hits.is_empty() {
            spurious.push(entity.name.clone());
        } else {
            counts.1 += 1;
        }
        let unique = index.unique_required(entity);
        if unique.len() > 1 {
            let mut names: Vec<String> = unique.iter().map(|&g| gold[g].name.clone()).collect();
            names.sort();
            let item = Conflated { predicted: entity.name.clone(), gold: names };
            upsert(&mut conflated, item, |a, b| a.predicted == b.predicted);
        }
    }

    let n_predicted = predicted.entities.len();
    let per_type_keys: BTreeSet<&str> = gold_counts.keys().chain(pred_counts.keys()).copied().collect();
    let per_type = per_type_keys
        .into_iter()
        .map(|etype| {
            let (required, found, typed) = gold_counts.get(etype).copied().unwrap_or_default();
            let (predicted, matched) = pred_counts.get(etype).copied().unwrap_or_default();
            let score = Score::new(required, found, predicted, matched);
            (etype.to_string(), EntityTypeReport { score, typed })
        })
        .collect();
    EntityReport {
        score: Score::new(n_required, n_found, n_predicted, n_predicted - spurious.len()),
        typed: n_typed,
        type_accuracy: ratio(n_typed, n_found),
        per_type,
        missed,
        spurious,
        fragmented,
        conflated,
    }
}

/// Does an event's agent (or target) fit the gold options? No entity fits
/// only when `null` is an option; `null` among the options lets anything fit.
fn actors_fit(index: &GoldIndex<'_>, predicted: &Predicted<'_>, ids: &[String], options: &[Option<String>]) -> bool {
    let none_allowed = options.iter().any(Option::is_none);
    if ids.is_empty() {
        return none_allowed;
    }
    let allowed: HashSet<usize> =
        options.iter().flatten().filter_map(|name| index.name_to_gold.get(name.as_str()).copied()).collect();
    none_allowed
        || ids.iter().any(|id| predicted.hits_of(id).is_some_and(|hits| hits.iter().any(|h| allowed.contains(h))))
}

fn event_matches(index: &GoldIndex<'_>, predicted: &Predicted<'_>, gold: &GoldEvent, event: &Event) -> bool {
    gold.types.iter().any(|t| t == event.etype.as_str())
        && actors_fit(index, predicted, &event.agent, &gold.agent)
        && actors_fit(index, predicted, &event.target, &gold.target)
        // An event with no agent at all only matches a gold event whose agent may be absent.
        && (!event.agent.is_empty() || gold.agent.iter().any(Option::is_none))
}

/// The type a gold event is filed under in per-type breakdowns.
fn primary_type(types: &[String]) -> &str {
    types.first().map_or("(none)", String::as_str)
}

fn score_events(index: &GoldIndex<'_>, predicted: &Predicted<'_>, graph: &Graph) -> EventReport {
    #[derive(Default)]
    struct Counts {
        required: usize,
        found: usize,
        predicted: usize,
        matched: usize,
        mode_checked: usize,
        mode_correct: usize,
    }
    let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    let mut matched_ids: HashSet<&str> = HashSet::new();
    let mut missed = Vec::new();
    let mut fragmented = Vec::new();
    for gold in &index.gold.events {
        let matches: Vec<&Event> =
            graph.events.iter().filter(|event| event_matches(index, predicted, gold, event)).collect();
        matched_ids.extend(matches.iter().map(|event| event.id.as_str()));
        if !gold.required {
            continue;
        }
        let counts = per_type.entry(primary_type(&gold.types).to_string()).or_default();
        counts.required += 1;
        total.required += 1;
        if matches.is_empty() {
            missed.push(gold.id.clone());
            continue;
        }
        counts.found += 1;
        total.found += 1;
        if matches.len() > 1 {
            let item = FragmentedEvent { gold: gold.id.clone(), n_predicted: matches.len() };
            upsert(&mut fragmented, item, |a, b| a.gold == b.gold);
        }
        if let Some(mode) = gold.mode.as_deref().filter(|mode| !mode.is_empty()) {
            let correct = matches.iter().any(|event| event.mode.as_deref().unwrap_or("").to_lowercase() == mode);
            counts.mode_checked += 1;
            total.mode_checked += 1;
            counts.mode_correct += usize::from(correct);
            total.mode_correct += usize::from(correct);
        }
    }

    let mut unmatched = Vec::new();
    for event in &graph.events {
        let counts = per_type.entry(event.etype.as_str().to_string()).or_default();
        counts.predicted += 1;
        total.predicted += 1;
        if matched_ids.contains(event.id.as_str()) {
            counts.matched += 1;
            total.matched += 1;
        } else {
            unmatched.push(format!(
                "{}({} -> {})",
                event.etype,
                predicted.names(&event.agent),
                predicted.names(&event.target)
            ));
        }
    }

    let report_of = |c: &Counts| EventTypeReport {
        score: Score::new(c.required, c.found, c.predicted, c.matched),
        mode: ModeScore::new(c.mode_checked, c.mode_correct),
    };
    let overall = report_of(&total);
    EventReport {
        score: overall.score,
        mode: overall.mode,
        per_type: per_type.iter().map(|(t, c)| (t.clone(), report_of(c))).collect(),
        missed,
        fragmented,
        unmatched,
    }
}

fn relation_matches(
    index: &GoldIndex<'_>,
    predicted: &Predicted<'_>,
    gold: &GoldRelation,
    relation: &Relation,
) -> bool {
    let (Some(source), Some(target)) =
        (index.name_to_gold.get(gold.source.as_str()), index.name_to_gold.get(gold.target.as_str()))
    else {
        return false;
    };
    gold.types.iter().any(|t| t == relation.rtype.as_str())
        && predicted.hits_of(&relation.source).is_some_and(|hits| hits.contains(source))
        && predicted.hits_of(&relation.target).is_some_and(|hits| hits.contains(target))
}

fn score_relations(index: &GoldIndex<'_>, predicted: &Predicted<'_>, graph: &Graph) -> RelationReport {
    let mut n_required = 0;
    let mut missed = Vec::new();
    for gold in index.gold.relations.iter().filter(|r| r.required) {
        n_required += 1;
        if !graph.relations.iter().any(|r| relation_matches(index, predicted, gold, r)) {
            missed.push(format!("{}->{}", gold.source, gold.target));
        }
    }
    let mut unmatched = Vec::new();
    for relation in &graph.relations {
        if !index.gold.relations.iter().any(|g| relation_matches(index, predicted, g, relation)) {
            unmatched.push(format!(
                "{}({} -> {})",
                relation.rtype,
                predicted.name_of(&relation.source),
                predicted.name_of(&relation.target)
            ));
        }
    }
    let n_found = n_required - missed.len();
    let n_predicted = graph.relations.len();
    RelationReport {
        score: Score::new(n_required, n_found, n_predicted, n_predicted - unmatched.len()),
        missed,
        unmatched,
    }
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// Rounds like Python's `round(x, 3)`: to the nearest of the exact decimal
/// value, ties to even (Rust's formatting rounds the same way).
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

impl Report {
    /// The object `score.py GOLD EXPORT --json` prints, key for key: ratios
    /// rounded to three decimals, and an integer 0 where score.py has no
    /// denominator.
    pub fn to_score_py_json(&self) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let rounded = |x: f64, denominator: usize| {
            if denominator == 0 {
                json!(0)
            } else {
                json!(round3(x))
            }
        };
        let (entities, events) = (&self.entities, &self.events);
        let fragmented: Map<String, Value> =
            entities.fragmented.iter().map(|f| (f.gold.clone(), json!(f.predicted))).collect();
        let conflated: Map<String, Value> =
            entities.conflated.iter().map(|c| (c.predicted.clone(), json!(c.gold))).collect();
        let events_fragmented: Map<String, Value> =
            events.fragmented.iter().map(|f| (f.gold.clone(), json!(f.n_predicted))).collect();
        json!({
            "entity_recall": rounded(entities.score.recall, entities.score.required),
            "entity_precision": rounded(entities.score.precision, entities.score.predicted),
            "entity_type_accuracy": rounded(entities.type_accuracy, entities.score.found),
            "entities_missed": entities.missed,
            "entities_spurious": entities.spurious,
            "entities_fragmented": fragmented,
            "entities_conflated": conflated,
            "event_recall": rounded(events.score.recall, events.score.required),
            "event_mode_accuracy": events.mode.mode_accuracy.map(round3),
            "events_missed": events.missed,
            "events_fragmented": events_fragmented,
            "events_total": events.score.predicted,
            "events_unmatched": events.unmatched,
            "relation_recall": rounded(self.relations.score.recall, self.relations.score.required),
        })
    }

    /// score.py's last line: `SUMMARY entity_R=0.95 entity_P=0.90 event_R=0.85
    /// relation_R=0.80 fragmented=0 conflated=0`.
    pub fn summary_line(&self) -> String {
        format!(
            "SUMMARY entity_R={:.2} entity_P={:.2} event_R={:.2} relation_R={:.2} fragmented={} conflated={}",
            self.entities.score.recall,
            self.entities.score.precision,
            self.events.score.recall,
            self.relations.score.recall,
            self.entities.fragmented.len(),
            self.entities.conflated.len()
        )
    }

    /// A report for people: scores, per-type tables and the lists of
    /// mistakes, ending with [`Report::summary_line`] and a newline.
    pub fn render_text(&self) -> String {
        let mut lines = Vec::new();
        let (entities, events, relations) = (&self.entities, &self.events, &self.relations);

        lines.push(format!(
            "entities   {}  type accuracy {:.3} ({}/{})",
            score_text(&entities.score),
            entities.type_accuracy,
            entities.typed,
            entities.score.found
        ));
        lines.push(format!(
            "  {:<14} {:>9} {:>6} {:>9} {:>6} {:>6} {:>7}",
            "type", "found", "R", "matched", "P", "F1", "typed"
        ));
        for (etype, t) in &entities.per_type {
            lines.push(format!("{}{:>7}", type_row(etype, &t.score), t.typed));
        }
        list_lines(&mut lines, "missed", entities.missed.iter().cloned());
        list_lines(&mut lines, "spurious", entities.spurious.iter().cloned());
        let fragmented = entities.fragmented.iter().map(|f| format!("{} <- {}", f.gold, f.predicted.join(" | ")));
        list_lines(&mut lines, "fragmented", fragmented);
        let conflated = entities.conflated.iter().map(|c| format!("{} -> {}", c.predicted, c.gold.join(" + ")));
        list_lines(&mut lines, "conflated", conflated);

        lines.push(String::new());
        lines.push(format!(
            "events     {}  mode accuracy {} ({}/{})",
            score_text(&events.score),
            events.mode.mode_accuracy.map_or("-".to_string(), |a| format!("{a:.3}")),
            events.mode.mode_correct,
            events.mode.mode_checked
        ));
        lines.push(format!(
            "  {:<14} {:>9} {:>6} {:>9} {:>6} {:>6} {:>7}",
            "type", "found", "R", "matched", "P", "F1", "mode"
        ));
        for (etype, t) in &events.per_type {
            let mode = match t.mode.mode_checked {
                0 => "-".to_string(),
                checked => format!("{}/{checked}", t.mode.mode_correct),
            };
            lines.push(format!("{}{:>7}", type_row(etype, &t.score), mode));
        }
        list_lines(&mut lines, "missed", events.missed.iter().cloned());
        let fragmented = events.fragmented.iter().map(|f| format!("{} ({} predicted events)", f.gold, f.n_predicted));
        list_lines(&mut lines, "fragmented", fragmented);
        list_lines(&mut lines, "unmatched", events.unmatched.iter().cloned());

        lines.push(String::new());
        lines.push(format!("relations  {}", score_text(&relations.score)));
        list_lines(&mut lines, "missed", relations.missed.iter().cloned());
        list_lines(&mut lines, "unmatched", relations.unmatched.iter().cloned());

        lines.push(String::new());
        lines.push(self.summary_line());
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

fn score_text(score: &Score) -> String {
    format!(
        "P={:.3} R={:.3} F1={:.3}  ({}/{} required found, {}/{} predicted matched)",
        score.precision, score.recall, score.f1, score.found, score.required, score.matched, score.predicted
    )
}

/// A row of a per-type table; a ratio without a denominator shows as `-`.
fn type_row(name: &str, score: &Score) -> String {
    let shown = |x: f64, defined: bool| {
        if defined {
            format!("{x:.3}")
        } else {
            "-".to_string()
        }
    };
    format!(
        "  {:<14} {:>9} {:>6} {:>9} {:>6} {:>6}",
        name,
        format!("{}/{}", score.found, score.required),
        shown(score.recall, score.required > 0),
        format!("{}/{}", score.matched, score.predicted),
        shown(score.precision, score.predicted > 0),
        shown(score.f1, score.required > 0 && score.predicted > 0)
    )
}

fn list_lines(lines: &mut Vec<String>, title: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        lines.push(format!("  {title}: none"));
        return;
    }
    lines.push(format!("  {title} ({}):", items.len()));
    lines.extend(items.into_iter().map(|item| format!("    {item}")));
}

/// What `newsgraph eval` does: reads the gold file, scores `graph` against
/// it and returns the report as text (or pretty JSON when `json`), ending
/// with a newline.
pub fn run_eval(gold_path: &Path, graph: &Graph, json: bool) -> Result<String> {
    let gold = Gold::load(gold_path)?;
    let report = evaluate(&gold, graph);
    if !json {
        return Ok(report.render_text());
    }
    let mut text = serde_json::to_string_pretty(&report)
        .map_err(|err| Error::Invalid(format!("cannot write the eval report as JSON: {err}")))?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_cases() {
        for (input, expected) in [
            ("U.S. Department of Commerce", "us department of commerce"),
            ("US-Handelsministerium", "us handelsministerium"),
            ("Alibaba's", "alibaba"),
            ("Alibaba’s cloud unit", "alibaba cloud unit"),
            ("Alibaba'sche", "alibaba sche"),
            ("Gartner Inc.", "gartner inc"),
            ("Weißes Haus", "weisses haus"),
            ("WEIẞES HAUS", "weisses haus"),
            ("Peking’s", "peking"),
            ("  Türkei ", "turkei"),
            ("Amazon.com", "amazoncom"),
            ("HPE.N", "hpen"),
            ("People's Liberation Army", "people liberation army"),
            ("—", ""),
        ] {
            assert_eq!(norm(input), expected, "{input}");
        }
    }

    #[test]
    fn keys_drop_a_final_s_only_when_long_enough() {
        assert_eq!(keys("Jack Mas"), ["jack mas", "jack ma"]);
        assert_eq!(keys("IBMs"), ["ibms", "ibm"]);
        assert_eq!(keys("ABS"), ["abs"]);
        assert_eq!(keys("US"), ["us"]);
    }

    #[test]
    fn round3_is_half_even_on_the_exact_value() {
        assert_eq!(round3(0.0625), 0.062);
        assert_eq!(round3(2.0 / 3.0), 0.667);
        assert_eq!(round3(1.0), 1.0);
    }
}

//! The lexicon: newsgraph's knowledge of names and words, loaded from the TOML
//! files in `lexicon/` (embedded in the binary) and from the user's own files.
//!
//! This module only parses and indexes; the recognizers in [`crate::entities`],
//! [`crate::events`] and [`crate::sentences`] decide what the words mean in a
//! text. The format is documented in `lexicon/README.md`. Loading is the only
//! fallible step: a malformed file is an [`Error::Lexicon`] naming it.

use crate::entities::gazetteer::Gazetteer;
use crate::error::{Error, Result};
use crate::model::{EntityType, EventType, Lang, RelationType};
use foldhash::{HashMap, HashMapExt, HashSet};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// The built-in lexicon files, in load order.
const BUILTIN: &[(&str, &str)] = &[
    ("countries.toml", include_str!("../lexicon/countries.toml")),
    ("institutions.toml", include_str!("../lexicon/institutions.toml")),
    ("agencies.toml", include_str!("../lexicon/agencies.toml")),
    ("organizations.toml", include_str!("../lexicon/organizations.toml")),
    ("companies.toml", include_str!("../lexicon/companies.toml")),
    ("people.toml", include_str!("../lexicon/people.toml")),
    ("places.toml", include_str!("../lexicon/places.toml")),
    ("names.toml", include_str!("../lexicon/names.toml")),
    ("events.toml", include_str!("../lexicon/events.toml")),
    ("grammar.toml", include_str!("../lexicon/grammar.toml")),
];

/// A sovereign state.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub iso3: String,
    #[serde(default)]
    pub iso2: String,
    pub name: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub de: Vec<String>,
    #[serde(default)]
    pub adj_en: Vec<String>,
    #[serde(default)]
    pub adj_de: Vec<String>,
    #[serde(default)]
    pub demonym_en: Vec<String>,
    #[serde(default)]
    pub demonym_de: Vec<String>,
    #[serde(default)]
    pub capital_en: Vec<String>,
    #[serde(default)]
    pub capital_de: Vec<String>,
}

impl Country {
    /// The adjective that names derived bodies ("U.S. government", "Chinese military").
    pub fn adjective(&self) -> &str {
        self.adj_en.first().map(String::as_str).unwrap_or(&self.name)
    }
}

/// A generic government body that a country qualifier makes specific.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub kind: String,
    #[serde(rename = "type")]
    pub etype: String,
    #[serde(default)]
    pub sector: Option<String>,
    pub name: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub de: Vec<String>,
    /// Titles of the body's head ("Commerce Secretary", "Innenministerin").
    #[serde(default)]
    pub leader_en: Vec<String>,
    #[serde(default)]
    pub leader_de: Vec<String>,
    /// The kind whose body stands for this one where a country has no body
    /// of this kind in the lexicon: a cabinet is its government, a trade
    /// ministry its economy ministry.
    #[serde(default)]
    pub falls_back: Option<String>,
}

/// A static fact attached to an entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRelation {
    #[serde(rename = "type")]
    pub rtype: String,
    pub target: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// A named entity: agency, organisation, company, person, place, group, product.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub de: Vec<String>,
    #[serde(default)]
    pub relations: Vec<EntryRelation>,
    #[serde(default)]
    pub title_en: Vec<String>,
    #[serde(default)]
    pub title_de: Vec<String>,
}

/// Event trigger words for one type and mode.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerSpec {
    #[serde(rename = "type")]
    pub etype: String,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub cameo: String,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub agentless: bool,
    #[serde(default)]
    pub subject_agent: bool,
    #[serde(default)]
    pub untargeted: bool,
    #[serde(default)]
    pub reported: bool,
    #[serde(default)]
    pub seller: bool,
    #[serde(default)]
    pub settles: bool,
    #[serde(default)]
    pub giver: bool,
    #[serde(default)]
    pub on_behalf: bool,
    #[serde(default)]
    pub none: bool,
    #[serde(default)]
    pub en_verbs: Vec<String>,
    #[serde(default)]
    pub en_nouns: Vec<String>,
    #[serde(default)]
    pub de_verbs: Vec<String>,
    #[serde(default)]
    pub de_nouns: Vec<String>,
}

/// One trigger, resolved and ready to match.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub etype: EventType,
    pub mode: Option<String>,
    pub cameo: String,
    pub context: Vec<String>,
    pub agentless: bool,
    /// Nouns of this trigger take the sentence subject as agent ("Alibaba
    /// called the claims nonsense").
    pub subject_agent: bool,
    /// Events of this trigger stand without a target ("X criticized the decision").
    pub untargeted: bool,
    /// The trigger states a wrong that someone reports: the reporter accuses
    /// the wrongdoer ("The Commission said Apple had abused its position").
    pub reported: bool,
    /// The subject sells: the buyer after "to"/"an" acquires the object
    /// ("Rolls-Royce agreed to sell Bergen Engines to TMH International").
    pub seller: bool,
    /// The subject settles an accusation with its accuser, whom the
    /// pattern's noun names ("to settle SEC charges", "to settle a lawsuit
    /// by AUSTRAC"); the accuser's accusation is an event too.
    pub settles: bool,
    /// A noun of this trigger names its giver after "from" or a German
    /// genitive, and the subject is the receiver: "despite an emergency loan
    /// from the SNB", "trotz eines Notkredits der SNB".
    pub giver: bool,
    /// The phrase names the requester right after it, and the clause's
    /// subject is the one asked: "Swiss police arrested seven FIFA officials
    /// at the request of the United States", "auf Ersuchen der USA".
    pub on_behalf: bool,
    /// The phrase looks like an event of the type and is none: it wins
    /// over shorter patterns and yields nothing ("übernahm die Führung",
    /// "took over as chief executive").
    pub none: bool,
}

/// A trigger pattern: a sequence of word patterns, `None` standing for a gap.
#[derive(Debug, Clone)]
pub struct TriggerPattern {
    pub trigger: usize,
    pub lang: Lang,
    pub noun: bool,
    /// Lowercased words; a trailing `*` marks a prefix; `None` is a gap (`...`).
    pub words: Vec<Option<String>>,
}

/// The trigger patterns of one language indexed by their first word, so that
/// a sentence's words are matched against the few patterns that can start
/// there rather than all of them. Lists hold indices into
/// [`Lexicon::trigger_patterns`], ascending.
#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    /// Patterns whose first word is a plain word, by that word.
    pub exact: HashMap<String, Vec<usize>>,
    /// Patterns whose first word is a prefix (`investigat*`), with the prefix.
    pub prefixed: Vec<(String, usize)>,
    /// German one-word noun patterns that also match as the head of a
    /// compound ("Exportbeschränkungen"), by the word.
    pub compound_heads: HashMap<String, Vec<usize>>,
    /// The shortest and longest compound head, in bytes.
    compound_head_lengths: (usize, usize),
}

impl TriggerIndex {
    fn build(patterns: &[TriggerPattern], lang: Lang) -> TriggerIndex {
        let mut index = TriggerIndex::default();
        for (i, pattern) in patterns.iter().enumerate().filter(|(_, p)| p.lang == lang) {
            let Some(Some(first)) = pattern.words.first() else { continue };
            match first.strip_suffix('*') {
                Some(prefix) => index.prefixed.push((prefix.to_string(), i)),
                None => index.exact.entry(first.clone()).or_default().push(i),
            }
            // The compound-head rule of `events::match_at`.
            if pattern.noun
                && pattern.lang == Lang::De
                && pattern.words.len() == 1
                && first.chars().count() >= 5
                && !first.ends_with('*')
            {
                index.compound_heads.entry(first.clone()).or_default().push(i);
            }
        }
        let lengths = index.compound_heads.keys().map(String::len);
        index.compound_head_lengths = (lengths.clone().min().unwrap_or(0), lengths.max().unwrap_or(0));
        index
    }

    /// The patterns that can match at a word (lowercased), ascending: a
    /// superset of those `events::match_at` accepts there, including German
    /// nouns inflected ("Angriffs") or as a compound head ("Exportbeschränkungen").
    pub fn candidates(&self, lower: &str, out: &mut Vec<usize>) {
        out.clear();
        let mut forms = [lower; 5];
        let mut n = 1;
        for ending in ["es", "s", "en", "n"] {
            if let Some(stem) = lower.strip_suffix(ending).filter(|s| s.chars().count() >= 4) {
                forms[n] = stem;
                n += 1;
            }
        }
        let forms = &forms[..n];
        for form in forms {
            if let Some(list) = self.exact.get(*form) {
                out.extend(list);
            }
        }
        for (prefix, i) in &self.prefixed {
            if lower.starts_with(prefix.as_str()) {
                out.push(*i);
            }
        }
        if !self.compound_heads.is_empty() {
            // Only the endings as long as some head (in bytes).
            let (shortest, longest) = self.compound_head_lengths;
            for form in forms {
                for (at, _) in form.char_indices() {
                    let len = form.len() - at;
                    if len > longest {
                        continue;
                    }
                    if len < shortest {
                        break;
                    }
                    if let Some(list) = self.compound_heads.get(&form[at..]) {
                        out.extend(list);
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// Word lists, per language, that the recognizers read (names.toml and grammar.toml).
#[derive(Debug, Clone, Default)]
pub struct Words {
    lists: HashMap<String, Vec<String>>,
    /// Indexes of `lists` made once when the lexicon loads, so that the
    /// recognizers look words up instead of lowercasing and scanning lists
    /// for every word of a text (see [`Words::index`]).
    indexed: HashMap<String, IndexedList>,
    /// Base path ("function_words") → the paths of its English and German
    /// lists, as [`Words::lang`] resolves them.
    lang_paths: HashMap<String, [String; 2]>,
}

/// One word list, indexed.
#[derive(Debug, Clone, Default)]
struct IndexedList {
    /// The items lowercased (`str::to_lowercase`), in list order.
    lowered: Vec<String>,
    /// The items lowercased and split at whitespace, in list order.
    phrases: Vec<Vec<String>>,
    /// The items ASCII-lowercased: membership as `eq_ignore_ascii_case` decides it.
    ascii_folded: HashSet<String>,
    /// The items as they are.
    exact: HashSet<String>,
    /// The items lowercased (`str::to_lowercase`), as a set.
    lowered_set: HashSet<String>,
    /// The items without trailing dots and commas ("Co." → "Co").
    undotted: HashSet<String>,
    /// The last word of every item, ASCII-lowercased ("drone maker" → "maker").
    last_words: HashSet<String>,
    /// Every word of every item, ASCII-lowercased.
    item_words: HashSet<String>,
    /// An automaton over the items (ASCII case ignored), made on first use
    /// by [`Words::find_items`].
    finder: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
}

impl Words {
    /// Builds the indexes of every list.
    fn index(&mut self) {
        self.indexed = self
            .lists
            .iter()
            .map(|(path, items)| {
                let list = IndexedList {
                    lowered: items.iter().map(|i| i.to_lowercase()).collect(),
                    phrases: items
                        .iter()
                        .map(|i| i.to_lowercase().split_whitespace().map(str::to_string).collect())
                        .collect(),
                    ascii_folded: items.iter().map(|i| i.to_ascii_lowercase()).collect(),
                    exact: items.iter().cloned().collect(),
                    lowered_set: items.iter().map(|i| i.to_lowercase()).collect(),
                    undotted: items.iter().map(|i| i.trim_end_matches(['.', ',']).to_string()).collect(),
                    last_words: items
                        .iter()
                        .filter_map(|i| i.split_whitespace().last())
                        .map(str::to_ascii_lowercase)
                        .collect(),
                    item_words: items.iter().flat_map(|i| i.split_whitespace()).map(str::to_ascii_lowercase).collect(),
                    finder: std::sync::OnceLock::new(),
                };
                (path.clone(), list)
            })
            .collect();
        let bases: HashSet<String> = self
            .lists
            .keys()
            .filter(|k| k.len() > 3 && [".en", ".de", "_en", "_de"].iter().any(|x| k.ends_with(x)))
            .map(|k| k[..k.len() - 3].to_string())
            .collect();
        self.lang_paths = bases
            .into_iter()
            .map(|base| {
                let paths = [self.resolve_lang_path(&base, Lang::En), self.resolve_lang_path(&base, Lang::De)];
                (base, paths)
            })
            .collect();
    }
    /// The path of a language's list: `"{path}.{lang}"` if there is one, else `"{path}_{lang}"`.
    fn resolve_lang_path(&self, path: &str, lang: Lang) -> String {
        let dotted = format!("{path}.{}", lang.code());
        if self.lists.contains_key(&dotted) {
            return dotted;
        }
        format!("{path}_{}", lang.code())
    }
    /// The path of a language's list (see [`Words::lang`]), to be passed to
    /// the lookups; resolved once when the lists are indexed.
    pub fn lang_path(&self, path: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
        match self.lang_paths.get(path) {
            Some(paths) => std::borrow::Cow::Borrowed(&paths[usize::from(lang == Lang::De)]),
            None => std::borrow::Cow::Owned(self.resolve_lang_path(path, lang)),
        }
    }
    /// The list at `path`, each item lowercased (same order as [`Words::get`]).
    pub fn lowered(&self, path: &str) -> &[String] {
        self.indexed.get(path).map(|l| l.lowered.as_slice()).unwrap_or(&[])
    }
    /// [`Words::lowered`] for a language (as [`Words::lang`]).
    pub fn lowered_lang(&self, path: &str, lang: Lang) -> &[String] {
        self.lowered(&self.lang_path(path, lang))
    }
    /// The list at `path`, each item lowercased and split at whitespace.
    pub fn phrases(&self, path: &str) -> &[Vec<String>] {
        self.indexed.get(path).map(|l| l.phrases.as_slice()).unwrap_or(&[])
    }
    /// `get(path).iter().any(|w| w.eq_ignore_ascii_case(word))`, by lookup.
    pub fn contains_ignore_ascii_case(&self, path: &str, word: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| contains_ascii_folded(&l.ascii_folded, word))
    }
    /// Every occurrence of an item of the list at `path` in `text`, ignoring
    /// ASCII case, as (item index, start, end), overlapping ones included.
    /// One pass over the text for the whole list.
    pub fn find_items(&self, path: &str, text: &str) -> Vec<(usize, usize, usize)> {
        self.finder(path)
            .into_iter()
            .flat_map(move |f| f.find_overlapping_iter(text))
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }
    /// `get(path).iter().any(|item| text.contains(item))`, in one pass.
    pub fn any_item_in(&self, path: &str, text: &str) -> bool {
        let items = self.get(path);
        self.finder(path).is_some_and(|f| {
            f.find_overlapping_iter(text).any(|m| text[m.start()..m.end()] == items[m.pattern().as_usize()])
        })
    }
    /// The automaton of the list at `path` (ASCII case ignored), made on first use.
    fn finder(&self, path: &str) -> Option<&aho_corasick::AhoCorasick> {
        self.indexed.get(path).and_then(|l| {
            l.finder
                .get_or_init(|| {
                    aho_corasick::AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .build(self.lists.get(path).map(Vec::as_slice).unwrap_or(&[]))
                        .ok()
                })
                .as_ref()
        })
    }
    /// Whether an item of the list at `path` ends in the word `word`,
    /// ignoring ASCII case ("maker" ends "drone maker").
    pub fn last_word_ignore_ascii_case(&self, path: &str, word: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| contains_ascii_folded(&l.last_words, word))
    }
    /// Whether some item of the list at `path` has the word `word` in it,
    /// ignoring ASCII case ("General" is in "Attorney General").
    pub fn has_word_ignore_ascii_case(&self, path: &str, word: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| contains_ascii_folded(&l.item_words, word))
    }
    /// Whether the list at `path` holds `word` once trailing dots and commas
    /// are cut from both ("Co." and "Co" are one legal form).
    pub fn contains_undotted(&self, path: &str, word: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| l.undotted.contains(word.trim_end_matches(['.', ','])))
    }
    /// Whether the lowercased list at `path` holds `lower` (a word already
    /// lowercased with `str::to_lowercase`).
    pub fn contains_lowered(&self, path: &str, lower: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| l.lowered_set.contains(lower))
    }
    /// Whether `lower` (lowercased) ends with an item of the lowercased list
    /// at `path` that has at least `min_chars` characters and no space: the
    /// head of a German compound ("handelsminister" ends with "minister").
    /// After a hyphen the head may be shorter: the hyphen marks where the
    /// compound joins ("smartphone-bank" ends with "bank").
    /// Each suffix of the word is looked up once, so the cost grows with
    /// the word, not with the list.
    pub fn ends_with_item(&self, path: &str, lower: &str, min_chars: usize) -> bool {
        let Some(list) = self.indexed.get(path) else { return false };
        if let Some((_, head)) = lower.rsplit_once('-') {
            if head.chars().count() > 2 && list.lowered_set.contains(head) {
                return true;
            }
        }
        let mut chars_left = lower.chars().count();
        for (at, _) in lower.char_indices() {
            if chars_left < min_chars {
                return false;
            }
            let suffix = &lower[at..];
            if !suffix.contains(' ') && list.lowered_set.contains(suffix) {
                return true;
            }
            chars_left -= 1;
        }
        false
    }

    /// [`Words::contains_ignore_ascii_case`] for a language's list.
    pub fn lang_contains_ignore_ascii_case(&self, path: &str, lang: Lang, word: &str) -> bool {
        self.contains_ignore_ascii_case(&self.lang_path(path, lang), word)
    }
    /// `get(path).iter().any(|w| w == word)`, by lookup.
    pub fn contains(&self, path: &str, word: &str) -> bool {
        self.indexed.get(path).is_some_and(|l| l.exact.contains(word))
    }

    /// The list at a dotted path, e.g. `"titles.en"`; empty when absent.
    pub fn get(&self, path: &str) -> &[String] {
        self.lists.get(path).map(Vec::as_slice).unwrap_or(&[])
    }
    /// The list for a language: `"{path}_{lang}"` or `"{path}.{lang}"`.
    pub fn lang(&self, path: &str, lang: Lang) -> &[String] {
        self.get(&self.lang_path(path, lang))
    }
    fn absorb(&mut self, prefix: &str, value: &toml::Value) {
        match value {
            toml::Value::Table(table) => {
                for (key, value) in table {
                    let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                    self.absorb(&path, value);
                }
            }
            toml::Value::Array(items) => {
                let strings = items.iter().filter_map(|v| v.as_str().map(str::to_string));
                self.lists.entry(prefix.to_string()).or_default().extend(strings);
            }
            toml::Value::String(s) => self.lists.entry(prefix.to_string()).or_default().push(s.clone()),
            _ => {}
        }
    }
}

/// Whether `set` (ASCII-lowercased items) holds `word` ASCII-lowercased,
/// without allocating for words of up to 64 bytes.
fn contains_ascii_folded(set: &HashSet<String>, word: &str) -> bool {
    let mut buffer = [0u8; 64];
    if word.len() <= buffer.len() {
        let folded = &mut buffer[..word.len()];
        folded.copy_from_slice(word.as_bytes());
        folded.make_ascii_lowercase();
        // ASCII lowercasing keeps UTF-8 valid.
        std::str::from_utf8(folded).is_ok_and(|w| set.contains(w))
    } else {
        set.contains(&word.to_ascii_lowercase())
    }
}

/// The whole lexicon, indexed.
#[derive(Debug)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub institutions: Vec<Institution>,
    pub entries: Vec<Entry>,
    pub triggers: Vec<Trigger>,
    pub trigger_patterns: Vec<TriggerPattern>,
    /// [`Lexicon::trigger_patterns`] indexed by first word: English, German.
    pub trigger_index: [TriggerIndex; 2],
    pub words: Words,
    entry_by_id: HashMap<String, usize>,
    country_by_iso3: HashMap<String, usize>,
    /// (kind, iso3) → the entry that is that country's body of that kind.
    body_by_kind: HashMap<(String, String), usize>,
    pub(crate) gazetteer: Gazetteer,
    /// Every institution noun ("Handelsministerium", "foreign ministry"), lowercased.
    institution_nouns: std::collections::HashSet<String>,
    /// SHA-256 of every source, in load order (see [`Lexicon::fingerprint`]).
    fingerprint: String,
}

#[derive(Debug, Default, Deserialize)]
struct FileData {
    #[serde(default)]
    country: Vec<Country>,
    #[serde(default)]
    institution: Vec<Institution>,
    #[serde(default)]
    entity: Vec<Entry>,
    #[serde(default)]
    trigger: Vec<TriggerSpec>,
}

#[derive(Default)]
struct Builder {
    hasher: Sha256,
    countries: Vec<Country>,
    institutions: Vec<Institution>,
    entries: Vec<Entry>,
    specs: Vec<TriggerSpec>,
    words: Words,
}

impl Builder {
    fn add(&mut self, name: &str, source: &str) -> Result<()> {
        let err = |message: String| Error::Lexicon { path: name.to_string(), message };
        self.hasher.update((source.len() as u64).to_le_bytes());
        self.hasher.update(source.as_bytes());
        let value: toml::Value = toml::from_str(source).map_err(|e| err(e.to_string()))?;
        let data: FileData = value.clone().try_into().map_err(|e: toml::de::Error| err(e.to_string()))?;
        for country in data.country {
            match self.countries.iter_mut().find(|c| c.iso3 == country.iso3) {
                Some(existing) => {
                    existing.en.extend(country.en);
                    existing.de.extend(country.de);
                    existing.adj_en.extend(country.adj_en);
                    existing.adj_de.extend(country.adj_de);
                }
                None => self.countries.push(country),
            }
        }
        self.institutions.extend(data.institution);
        for entry in data.entity {
            if EntityType::parse(&entry.etype).is_none() {
                return Err(err(format!("entity '{}': unknown type '{}'", entry.id, entry.etype)));
            }
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => {
                    existing.en.extend(entry.en);
                    existing.de.extend(entry.de);
                    existing.relations.extend(entry.relations);
                }
                None => self.entries.push(entry),
            }
        }
        for spec in &data.trigger {
            if EventType::parse(&spec.etype).is_none() {
                return Err(err(format!("trigger: unknown event type '{}'", spec.etype)));
            }
        }
        self.specs.extend(data.trigger);
        // Everything that is not one of the tables above is a word list.
        if let toml::Value::Table(table) = value {
            for (key, value) in table {
                if !matches!(key.as_str(), "country" | "institution" | "entity" | "trigger") {
                    self.words.absorb(&key, &value);
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Lexicon> {
        self.words.index();
        let mut triggers = Vec::new();
        let mut trigger_patterns = Vec::new();
        for spec in self.specs {
            let index = triggers.len();
            triggers.push(Trigger {
                etype: EventType::parse(&spec.etype).unwrap_or(EventType::Statement),
                mode: spec.mode.filter(|m| !m.is_empty()),
                cameo: spec.cameo,
                context: spec.context,
                agentless: spec.agentless,
                subject_agent: spec.subject_agent,
                untargeted: spec.untargeted || spec.agentless,
                reported: spec.reported,
                seller: spec.seller,
                settles: spec.settles,
                giver: spec.giver,
                on_behalf: spec.on_behalf,
                none: spec.none,
            });
            for (lang, noun, list) in [
                (Lang::En, false, &spec.en_verbs),
                (Lang::En, true, &spec.en_nouns),
                (Lang::De, false, &spec.de_verbs),
                (Lang::De, true, &spec.de_nouns),
            ] {
                for pattern in list {
                    let words: Vec<Option<String>> = pattern
                        .split_whitespace()
                        .map(|w| if w == "..." { None } else { Some(w.to_lowercase()) })
                        .collect();
                    if words.first().is_some_and(Option::is_some) {
                        trigger_patterns.push(TriggerPattern { trigger: index, lang, noun, words });
                    }
                }
            }
        }
        let entry_by_id = self.entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let country_by_iso3 = self.countries.iter().enumerate().map(|(i, c)| (c.iso3.clone(), i)).collect();
        let mut body_by_kind = HashMap::new();
        for (i, entry) in self.entries.iter().enumerate() {
            if let (Some(kind), Some(country)) = (&entry.kind, &entry.country) {
                body_by_kind.entry((kind.clone(), country.clone())).or_insert(i);
            }
        }
        let institution_nouns =
            self.institutions.iter().flat_map(|i| i.en.iter().chain(&i.de)).map(|n| n.to_lowercase()).collect();
        let mut lexicon = Lexicon {
            institution_nouns,
            countries: self.countries,
            institutions: self.institutions,
            entries: self.entries,
            trigger_index: [
                TriggerIndex::build(&trigger_patterns, Lang::En),
                TriggerIndex::build(&trigger_patterns, Lang::De),
            ],
            triggers,
            trigger_patterns,
            words: self.words,
            entry_by_id,
            country_by_iso3,
            body_by_kind,
            gazetteer: Gazetteer::default(),
            fingerprint: self.hasher.finalize().iter().map(|b| format!("{b:02x}")).collect(),
        };
        lexicon.gazetteer = Gazetteer::build(&lexicon);
        Ok(lexicon)
    }
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn builtin() -> Result<Lexicon> {
        Lexicon::with_files(&[])
    }

    /// The embedded lexicon extended with the user's files (same format).
    pub fn with_files(files: &[PathBuf]) -> Result<Lexicon> {
        let mut builder = Builder::default();
        for (name, source) in BUILTIN {
            builder.add(name, source)?;
        }
        for path in files {
            let source = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.clone(), source })?;
            builder.add(&path.display().to_string(), &source)?;
        }
        builder.finish()
    }

    /// A lexicon from TOML sources only (for tests and examples).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Lexicon> {
        let mut builder = Builder::default();
        for (name, source) in sources {
            builder.add(name, source)?;
        }
        builder.finish()
    }

    /// The trigger patterns of a language indexed by first word.
    pub fn trigger_index(&self, lang: Lang) -> &TriggerIndex {
        match lang {
            Lang::En => &self.trigger_index[0],
            Lang::De => &self.trigger_index[1],
        }
    }

    /// Identifies the lexicon's contents: the same files give the same
    /// fingerprint. Stored analyses made with another lexicon are redone.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Is `surface` a bare institution noun ("Handelsministerium", "des
    /// Handelsministeriums", "the ministry" without its article), which names
    /// a body only by its context?
    pub fn is_institution_noun(&self, surface: &str) -> bool {
        let lower = surface.to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        [lower, lower.strip_suffix("es").unwrap_or(lower), lower.strip_suffix('s').unwrap_or(lower)]
            .iter()
            .any(|form| self.institution_nouns.contains(*form))
    }

    /// Is the lowercased `word` a German infinitive with "zu" inside, after a
    /// separable prefix of `voice.zu_prefixes_de` ("auszuschließen",
    /// "festzuhalten")?
    pub fn fused_zu_infinitive(&self, word: &str) -> bool {
        self.words.get("voice.zu_prefixes_de").iter().any(|p| {
            word.strip_prefix(p.as_str())
                .and_then(|rest| rest.strip_prefix("zu"))
                .is_some_and(|rest| rest.len() >= 4 && rest.ends_with("en"))
        })
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entry_by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn entry_index(&self, id: &str) -> Option<usize> {
        self.entry_by_id.get(id).copied()
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.country_by_iso3.get(iso3).map(|&i| &self.countries[i])
    }

    /// The lexicon's body of `kind` for a country, or that of the kind it
    /// falls back to, and so on along the chain (`falls_back` in
    /// institutions.toml; a chain may close into a ring, as commerce, economy
    /// and industry do, and is walked once round).
    pub fn body_of(&self, kind: &str, iso3: &str) -> Option<&Entry> {
        // (The recognizer asks for every institution noun: no list is built.)
        let mut k = kind;
        for _ in 0..=self.institutions.len() {
            if let Some(&i) = self.body_by_kind.get(&(k.to_string(), iso3.to_string())) {
                return Some(&self.entries[i]);
            }
            k = self.institution(k)?.falls_back.as_deref().filter(|&next| next != kind)?;
        }
        None
    }

    /// Every body [`Lexicon::body_of`] would try, in order: the country's
    /// body of `kind`, then those of the kinds it falls back to.
    pub fn bodies_of(&self, kind: &str, iso3: &str) -> Vec<&Entry> {
        let mut bodies = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut kind = Some(kind);
        while let Some(k) = kind.filter(|k| !seen.contains(k)) {
            if let Some(&i) = self.body_by_kind.get(&(k.to_string(), iso3.to_string())) {
                bodies.push(&self.entries[i]);
            }
            seen.push(k);
            kind = self.institution(k).and_then(|i| i.falls_back.as_deref());
        }
        bodies
    }

    pub fn institution(&self, kind: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.kind == kind)
    }

    /// Relation type by its ontology name.
    pub fn relation_type(name: &str) -> Option<RelationType> {
        RelationType::parse(name)
    }

    /// Number of entries, and aliases per language (for `stats` and the docs).
    pub fn size(&self) -> (usize, usize, usize) {
        let entries = self.entries.len() + self.countries.len();
        let en = self.entries.iter().map(|e| e.en.len()).sum::<usize>()
            + self.countries.iter().map(|c| c.en.len()).sum::<usize>();
        let de = self.entries.iter().map(|e| e.de.len()).sum::<usize>()
            + self.countries.iter().map(|c| c.de.len()).sum::<usize>();
        (entries, en, de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `any_item_in` is a case-sensitive substring test, as the scan it replaces.
    #[test]
    fn any_item_in_keeps_the_case_of_the_items() {
        let lexicon = Lexicon::builtin().unwrap();
        let path = "org_suffixes.agency_heads_en";
        let item = lexicon.words.get(path).first().expect("a list with items").clone();
        let cases = [
            (format!("The {item} said"), true),
            (format!("The {} said", item.to_lowercase()), item == item.to_lowercase()),
            (
                "Nothing of the kind".to_string(),
                lexicon.words.get(path).iter().any(|h| "Nothing of the kind".contains(h.as_str())),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(lexicon.words.any_item_in(path, &text), expected, "{text:?}");
            let scan = lexicon.words.get(path).iter().any(|h| text.contains(h.as_str()));
            assert_eq!(lexicon.words.any_item_in(path, &text), scan, "{text:?}");
        }
        assert!(!lexicon.words.any_item_in("no.such.list", "anything"));
    }
}

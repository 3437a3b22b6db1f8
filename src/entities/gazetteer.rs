//! The gazetteer: every name, adjective and institution noun of the lexicon in
//! one aho-corasick automaton, built once when the lexicon loads.
//!
//! It reports every place in a text where a lexicon string occurs at word
//! boundaries (with the casing rules of `lexicon/README.md` and a German
//! genitive `s` allowed), each with what the string can mean. Choosing between
//! overlapping readings is the recognizer's job, not this module's.

use crate::lexicon::Lexicon;
use crate::model::Span;
use crate::text;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use foldhash::{HashMap, HashMapExt};

/// What a lexicon string can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An `[[entity]]` entry, by index.
    Entry(usize),
    /// A country's name.
    Country(usize),
    /// A country's capital, standing for its government.
    Capital(usize),
    /// An English country adjective ("Chinese", "U.S.").
    AdjEn(usize),
    /// A German adjective stem ("chinesisch"): an ending must follow.
    AdjDe(usize),
    /// A prefix before a hyphenated compound ("US-Regierung").
    Prefix(usize),
    /// The people of a country ("Americans").
    Demonym(usize),
    /// An institution noun ("government", "Handelsministerium"), by institution index.
    Institution(usize),
}

/// One occurrence of a lexicon string in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub target: Target,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: the exact string and its readings.
    patterns: Vec<(String, Vec<Target>)>,
    /// Acronyms that may also match in title case.
    title_case: std::collections::HashSet<String>,
    /// Multi-word aliases that are ordinary phrases in lower case
    /// (`[case_sensitive] aliases`): they match only as written.
    exact: std::collections::HashSet<String>,
    /// Prefixes hyphenated to a name that leave it a name ("Ex-Wirecard").
    hyphen_prefixes: std::collections::HashSet<String>,
    /// Words that end an agency's name (`org_suffixes.agency_tails_en`).
    agency_tails: std::collections::HashSet<String>,
    /// Given names (`given_names`), which end in a genitive's "s" as often
    /// as a place: "Frances", "Charles".
    given_names: std::collections::HashSet<String>,
}

/// Aliases that must match with their exact case: short ones with a capital
/// ("US", "Ma", "EU") and all-caps ones.
fn case_sensitive(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let has_upper = letters.iter().any(|c| c.is_uppercase());
    let all_upper = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    (has_upper && letters.len() <= 4) || (all_upper && letters.len() > 1)
}

impl Gazetteer {
    pub fn build(lexicon: &Lexicon) -> Gazetteer {
        let mut by_string: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |s: &str, target: Target| {
            let s = s.trim();
            if s.chars().count() >= 2 {
                let list = by_string.entry(s.to_string()).or_default();
                if !list.contains(&target) {
                    list.push(target);
                }
            }
        };
        for (i, entry) in lexicon.entries.iter().enumerate() {
            for alias in std::iter::once(&entry.name).chain(&entry.en).chain(&entry.de) {
                add(alias, Target::Entry(i));
                // News drop a plural's apostrophe inside a name: "Kurdistan
                // Workers Party" is the Kurdistan Workers' Party.
                if alias.contains("s' ") || alias.contains("s’ ") {
                    add(&alias.replace("s' ", "s ").replace("s’ ", "s "), Target::Entry(i));
                }
            }
        }
        for (i, country) in lexicon.countries.iter().enumerate() {
            add(&country.name, Target::Country(i));
            for name in country.en.iter().chain(&country.de) {
                add(name, Target::Country(i));
            }
            for capital in country.capital_en.iter().chain(&country.capital_de) {
                add(capital, Target::Capital(i));
            }
            for adj in &country.adj_en {
                add(adj, Target::AdjEn(i));
            }
            for adj in &country.adj_de {
                if adj.chars().next().is_some_and(char::is_lowercase) {
                    add(adj, Target::AdjDe(i));
                } else {
                    add(adj, Target::Prefix(i));
                }
            }
            for demonym in country.demonym_en.iter().chain(&country.demonym_de) {
                add(demonym, Target::Demonym(i));
            }
        }
        for (i, institution) in lexicon.institutions.iter().enumerate() {
            for noun in institution.en.iter().chain(&institution.de) {
                add(noun, Target::Institution(i));
            }
        }
        let mut patterns: Vec<(String, Vec<Target>)> = by_string.into_iter().collect();
        patterns.sort();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(s, _)| s.as_str()))
            .ok();
        let title_case = lexicon.words.get("acronyms.title_case").iter().cloned().collect();
        let exact = lexicon.words.get("case_sensitive.aliases").iter().cloned().collect();
        let hyphen_prefixes = lexicon.words.get("hyphen.prefixes").iter().map(|p| p.to_lowercase()).collect();
        let agency_tails = lexicon.words.get("org_suffixes.agency_tails_en").iter().cloned().collect();
        let given_names =
            ["given_names.en", "given_names.de"].iter().flat_map(|p| lexicon.words.get(p)).cloned().collect();
        Gazetteer { automaton, patterns, title_case, exact, hyphen_prefixes, agency_tails, given_names }
    }

    /// Is `text[start..end]` a given name followed by a capitalised word?
    fn given_name_before_name(&self, text: &str, start: usize, end: usize) -> bool {
        self.given_names.contains(&text[start..end])
            && text[end..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase))
    }

    /// Every occurrence of a lexicon string in `text`, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let Some(automaton) = &self.automaton else { return hits };
        for m in automaton.find_overlapping_iter(text) {
            let (pattern, targets) = &self.patterns[m.pattern().as_usize()];
            let (start, end) = (m.start(), m.end());
            let found = &text[start..end];
            if !casing_fits(pattern, found, self.title_case.contains(pattern))
                || self.exact.contains(pattern) && found != pattern
            {
                continue;
            }
            let before_ok = !text[..start].chars().next_back().is_some_and(text::is_word_char);
            // The second part of a hyphenated name is no name of its own
            // unless the first is one too: "Henri Poupart-Lafarge" is no
            // Lafarge ("Siemens-Alstom", "US-Handelsministerium" keep theirs).
            let hyphenated_tail = text[..start].strip_suffix('-').is_some_and(|lead| {
                let first: &str = lead.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                first.chars().count() >= 2
                    && first.starts_with(char::is_uppercase)
                    && self.patterns.binary_search_by(|(p, _)| p.as_str().cmp(first)).is_err()
                    && !self.hyphen_prefixes.contains(&first.to_lowercase())
            });
            // An agency's name that goes on with what it is of is another
            // body's: "U.S. Court of Appeals for the Fifth Circuit" is no
            // "U.S. Court", "Supreme Court of India" no U.S. Supreme Court.
            let goes_on = found.rsplit(' ').next().is_some_and(|last| self.agency_tails.contains(last)) && {
                let rest = &text[end..];
                let rest = rest.strip_prefix(" of ").or_else(|| rest.strip_prefix(" for "));
                rest.map(|r| r.strip_prefix("the ").unwrap_or(r)).is_some_and(|r| r.starts_with(char::is_uppercase))
            };
            // A place's district after a hyphen makes another name: the
            // "Staatsanwaltschaft Seoul-Süd" is not the one of Seoul, nor
            // "Berlin-Mitte" Germany's government.
            let district = text[end..].strip_prefix('-').is_some_and(|rest| {
                ["Süd", "Nord", "Ost", "West", "Mitte"]
                    .iter()
                    .any(|d| rest.strip_prefix(d).is_some_and(|r| !r.chars().next().is_some_and(text::is_word_char)))
            });
            for &target in targets {
                if hyphenated_tail && matches!(target, Target::Entry(_) | Target::Country(_) | Target::Capital(_)) {
                    continue;
                }
                if district && matches!(target, Target::Entry(_) | Target::Capital(_)) {
                    continue;
                }
                if goes_on && matches!(target, Target::Entry(_) | Target::Institution(_)) {
                    continue;
                }
                let end = match target {
                    Target::AdjDe(_) => match german_ending(text, end) {
                        Some(e) => e,
                        None => continue,
                    },
                    Target::Prefix(_) => {
                        if !text[end..].starts_with('-') {
                            continue;
                        }
                        end
                    }
                    // (A given name is no genitive before a surname:
                    // "Frances Adamson" is not France's.)
                    _ => match word_end(text, end) {
                        Some(e) if e > end && self.given_name_before_name(text, start, e) => continue,
                        Some(e) => e,
                        None => continue,
                    },
                };
                // German institution nouns may be the head of a compound
                // ("Bundesbehörde"); everything else starts at a word boundary.
                let start = if before_ok {
                    start
                } else if matches!(target, Target::Institution(_))
                    && pattern.chars().next().is_some_and(char::is_uppercase)
                {
                    let word_start = text[..start]
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| text::is_word_char(*c))
                        .last()
                        .map(|(i, _)| i)
                        .unwrap_or(start);
                    if !text[word_start..].starts_with(|c: char| c.is_uppercase()) {
                        continue;
                    }
                    word_start
                } else {
                    continue;
                };
                hits.push(Hit { span: Span::new(start, end), target });
            }
        }
        hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.target));
        hits
    }
}

/// Does the text found match the pattern's casing rules?
fn casing_fits(pattern: &str, found: &str, title_case_ok: bool) -> bool {
    if case_sensitive(pattern) {
        // Acronyms that the press also writes in title case ("Nato", "Cosco"),
        // listed in grammar.toml `[acronyms] title_case`; others ("WELT") not.
        let title_case = {
            let mut chars = found.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
        };
        return pattern == found || (title_case_ok && title_case);
    }
    // A capitalised single-word name needs its capital in the text
    // ("Apple", not "apple"); multi-word names may appear in any case.
    if !pattern.contains(' ') && pattern.chars().next().is_some_and(char::is_uppercase) {
        return found.chars().next().is_some_and(char::is_uppercase);
    }
    true
}

/// Where a word that ends at `end` really ends: there, or after a German
/// genitive/plural `s`/`es`; `None` if the match stops inside a longer word.
fn word_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let bounded = |n: usize| !rest[n..].chars().next().is_some_and(text::is_word_char);
    if bounded(0) {
        return Some(end);
    }
    for suffix in ["s", "es"] {
        if rest.starts_with(suffix) && bounded(suffix.len()) {
            return Some(end + suffix.len());
        }
    }
    None
}

/// After a German adjective stem, the inflection ending (`e`, `en`, `er`, `es`, `em`).
fn german_ending(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    for ending in ["en", "er", "es", "em", "e"] {
        if rest.starts_with(ending) && !rest[ending.len()..].chars().next().is_some_and(text::is_word_char) {
            return Some(end + ending.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing_rules() {
        for (pattern, found, fits) in [
            ("US", "US", true),
            ("US", "us", false),
            ("Ma", "Ma", true),
            ("Ma", "ma", false),
            ("Alibaba", "alibaba", false),
            ("Alibaba Cloud", "alibaba cloud", true),
            ("government", "Government", true),
            ("IBM", "Ibm", false),
            ("NATO", "Nato", true),
            ("COSCO", "Cosco", true),
            ("COSCO", "cosco", false),
            ("WELT", "Welt", false),
        ] {
            let title_case_ok = ["NATO", "COSCO"].contains(&pattern);
            assert_eq!(casing_fits(pattern, found, title_case_ok), fits, "{pattern} / {found}");
        }
    }

    #[test]
    fn word_ends() {
        let text = "Alibabas Alibaba-Tochter Alibabacloud";
        assert_eq!(word_end(text, 7), Some(8));
        assert_eq!(word_end(text, 16), Some(16));
        assert_eq!(word_end(text, 32), None);
        assert_eq!(german_ending("chinesischen Militär", 10), Some(12));
        assert_eq!(german_ending("chinesischsten", 10), None);
    }
}

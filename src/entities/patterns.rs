//! Names that no lexicon holds, found by their shape and their context:
//! organisation suffixes ("Gartner Inc", "Siemens AG"), agency shapes ("Office
//! of X", "Bundesamt für X"), titles ("Handelsminister Wilbur Ross"), given
//! names ("Jack Ma"), appositions ("drone maker DJI", "Drohnenhersteller
//! DJI") and, in English, capitalised word runs that are not sentence-initial
//! (kept only as *weak* names that an event must need).
//!
//! German capitalises every noun, so in German text a run of capitalised
//! words is a name only with one of the cues above. All word lists come from
//! `lexicon/names.toml` and `lexicon/grammar.toml`.

use super::{Candidate, Reading};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Lang, Span};
use crate::text::{self, Word};

/// The resolution key of a pattern name: the folded name without an
/// organisation suffix, so "Gartner Inc" and "Gartner" meet. The type is not
/// part of the key: a name typed by a cue in one sentence and guessed in
/// another is still one entity, and resolution votes on its type.
pub fn key(etype: EntityType, name: &str, lexicon: &Lexicon) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if etype == EntityType::Company && words.len() > 1 {
        let suffixes = lexicon.words.get("org_suffixes.company");
        if let Some(last) = words.last() {
            let bare = last.trim_end_matches('.');
            if suffixes.iter().any(|s| s.trim_end_matches('.') == bare) {
                words.pop();
            }
        }
    }
    let _ = etype;
    format!("name:{}", text::fold(&words.join(" ")))
}

/// Finds pattern names in every sentence, avoiding spans already `taken`.
pub fn find(text: &str, lang: Lang, sentences: &[Span], lexicon: &Lexicon, taken: &[Span]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for sentence in sentences {
        let words = text::words(text, sentence.start, sentence.end);
        if words.is_empty() {
            continue;
        }
        let title_case = is_title_case(text, &words);
        let mut i = 0;
        while i < words.len() {
            let Some(run_end) = run_from(text, &words, i, lang, taken) else {
                i += 1;
                continue;
            };
            let run = &words[i..run_end];
            if let Some(candidate) = classify(text, lang, &words, i, run, lexicon, title_case) {
                out.push(candidate);
            }
            i = run_end;
        }
    }
    out
}

/// A headline or boilerplate line in Title Case: capitals carry no signal.
fn is_title_case(text: &str, words: &[Word]) -> bool {
    let long: Vec<&str> = words.iter().map(|w| w.text(text)).filter(|w| w.chars().count() > 3).collect();
    long.len() >= 3 && long.iter().filter(|w| text::is_capitalized(w)).count() * 10 >= long.len() * 7
}

/// The end of a run of capitalised words starting at `i` (connectors such as
/// "of", "and", "für" allowed inside), or `None` if no run starts there.
fn run_from(text: &str, words: &[Word], i: usize, lang: Lang, taken: &[Span]) -> Option<usize> {
    let is_free = |w: &Word| !taken.iter().any(|t| t.overlaps(w.span));
    let starts = |w: &Word| {
        let s = w.text(text);
        (text::is_capitalized(s) || s.chars().next().is_some_and(|c| c.is_ascii_digit()) && s.chars().any(char::is_uppercase)) && is_free(w)
    };
    if !starts(&words[i]) || !text::is_capitalized(words[i].text(text)) {
        return None;
    }
    let connectors: &[&str] = match lang {
        Lang::En => &["of", "and", "for", "&", "de", "on"],
        Lang::De => &["für", "of", "and", "der", "des", "&"],
    };
    let adjacent = |a: &Word, b: &Word| text[a.span.end..b.span.start] == *" ";
    let mut end = i + 1;
    while end < words.len() {
        let prev = &words[end - 1];
        let word = &words[end];
        if !adjacent(prev, word) || text::strip_possessive(prev.text(text)) != prev.text(text) {
            break;
        }
        if starts(word) {
            end += 1;
        } else if connectors.contains(&word.text(text))
            && end + 1 < words.len()
            && starts(&words[end + 1])
            && adjacent(word, &words[end + 1])
        {
            end += 2;
        } else {
            break;
        }
    }
    Some(end)
}

/// Decides whether a run of capitalised words is a name, and of what.
fn classify(
    text: &str,
    lang: Lang,
    sentence_words: &[Word],
    at: usize,
    run: &[Word],
    lexicon: &Lexicon,
    title_case: bool,
) -> Option<Candidate> {
    let words = &lexicon.words;
    let is_function_word = |w: &str| words.lang_contains_ignore_ascii_case("function_words", lang, w);
    let mut run: Vec<Word> = run.to_vec();
    let mut at = at;
    // Leading function words ("The", "In", "Laut") and trailing connectors are not part of names.
    while let Some(first) = run.first() {
        let w = first.text(text);
        if is_function_word(w) || words.contains_ignore_ascii_case("function_words.en", w) && lang == Lang::En {
            run.remove(0);
            at += 1;
        } else {
            break;
        }
    }
    while run.last().is_some_and(|w| ["of", "and", "for", "für", "der", "des", "&", "on"].iter().any(|c| c.eq_ignore_ascii_case(w.text(text)))) {
        run.pop();
    }
    if run.is_empty() {
        return None;
    }
    let sentence_initial = at == 0;
    let word_texts: Vec<&str> = run.iter().map(|w| text::strip_possessive(w.text(text))).collect();
    let previous = at.checked_sub(1).map(|p| sentence_words[p].text(text));

    // A title or role before the name, or at the start of the run in German
    // ("Handelsminister Wilbur Ross").
    let is_title = |w: &str| words.contains_ignore_ascii_case("titles.en", w) || words.contains_ignore_ascii_case("titles.de", w);
    let mut person_by_title = previous.is_some_and(|p| is_title(p));
    let mut start_word = 0;
    while start_word < word_texts.len() - 1 && is_title(word_texts[start_word]) {
        person_by_title = true;
        start_word += 1;
    }
    let given = |w: &str| words.contains_ignore_ascii_case("given_names.en", w) || words.contains_ignore_ascii_case("given_names.de", w);
    let name_words = &word_texts[start_word..];
    let span_of = |from: usize, to: usize| -> Span {
        let last = text::strip_possessive(run[to - 1].text(text));
        Span::new(run[from].span.start, run[to - 1].span.start + last.len())
    };
    let make = |from: usize, to: usize, etype: EntityType, weak: bool| -> Candidate {
        let span = span_of(from, to);
        Candidate {
            span,
            reading: Reading::Named { name: span.slice(text).to_string(), etype, weak },
            priority: if weak { 0 } else { 2 },
        }
    };
    let last = *word_texts.last()?;
    let joined = word_texts.join(" ");

    // Organisation suffix: "Gartner Inc", "Siemens AG".
    if word_texts.len() >= 2 && words.contains_ignore_ascii_case("org_suffixes.company", last.trim_end_matches('.')) {
        return Some(make(0, run.len(), EntityType::Company, false));
    }
    // Agency shapes: "Office of Intelligence and Security", "Bundesamt für Verfassungsschutz".
    let heads = words.get("org_suffixes.agency_heads_en").iter().chain(words.get("org_suffixes.agency_heads_de"));
    let agency_head = heads.clone().any(|h| joined.starts_with(h.as_str()) && joined.len() > h.len() + 1);
    let agency_tail = word_texts.len() >= 2 && words.contains_ignore_ascii_case("org_suffixes.agency_tails_en", last);
    if agency_head || agency_tail {
        return Some(make(0, run.len(), EntityType::Agency, false));
    }
    // Persons: after a title, or a given name followed by one or two more names.
    let names = name_words.len();
    if person_by_title && (1..=3).contains(&names) && name_words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')) {
        return Some(make(start_word, run.len(), EntityType::Person, false));
    }
    if (2..=3).contains(&names) && given(name_words[0]) {
        return Some(make(start_word, run.len(), EntityType::Person, false));
    }
    // Apposition: "drone maker DJI", "Drohnenhersteller DJI", "research firm Canalys".
    if let Some(etype) = apposition_type(text, sentence_words, at, lang, lexicon) {
        let to = run.len().min(3);
        return Some(make(0, to, etype, false));
    }
    if title_case {
        return None;
    }
    let acronym = word_texts.len() == 1 && is_acronym(last);
    match lang {
        Lang::En if !(sentence_initial && word_texts.len() == 1) || acronym => Some(make(0, run.len(), EntityType::Company, true)),
        Lang::De if acronym || joined.contains(" of ") || joined.contains(" and ") => {
            Some(make(0, run.len(), if joined.contains(" of ") { EntityType::Agency } else { EntityType::Company }, true))
        }
        _ => None,
    }
}

/// An all-capitals word of 2–6 letters ("DJI", "SMIC").
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && word.chars().any(|c| c.is_ascii_uppercase())
}

/// The type an apposition noun right before position `at` gives a name:
/// "drone maker DJI", "the research firm Canalys", "Drohnenhersteller DJI"
/// (a German compound ending in an apposition noun).
fn apposition_type(text: &str, words: &[Word], at: usize, lang: Lang, lexicon: &Lexicon) -> Option<EntityType> {
    let previous = words.get(at.checked_sub(1)?)?;
    let gap = &text[previous.span.end..words[at].span.start];
    if gap != " " {
        return None;
    }
    let prev = previous.text(text);
    let lists = [
        ("appositions.company", EntityType::Company),
        ("appositions.person", EntityType::Person),
        ("appositions.product", EntityType::Product),
    ];
    let p_lower = if lang == Lang::De { prev.to_lowercase() } else { String::new() };
    for (path, etype) in lists {
        let found = match lang {
            Lang::En => {
                let two = at.checked_sub(2).map(|p| format!("{} {}", words[p].text(text), prev));
                let has = |w: &str| lexicon.words.lang_contains_ignore_ascii_case(path, lang, w);
                has(prev) || two.as_deref().is_some_and(has)
            }
            Lang::De => lexicon.words.lowered_lang(path, lang).iter().any(|a_lower| {
                p_lower == *a_lower || (a_lower.chars().count() >= 5 && p_lower.ends_with(a_lower.as_str()))
            }),
        };
        if found {
            return Some(etype);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        for (word, expected) in [("DJI", true), ("SMIC", true), ("A", false), ("Alibaba", false), ("G20", true), ("HPE", true)] {
            assert_eq!(is_acronym(word), expected, "{word}");
        }
    }
}

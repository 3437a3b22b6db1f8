//! Small text helpers shared by the analysis stages: case and diacritic
//! folding for keys, word boundaries, and German inflection stripping.
//! Pure functions; nothing here allocates more than its result.

use unicode_normalization::UnicodeNormalization;

/// Folds a name into a matching key: lowercase, diacritics removed, `ß` → `ss`,
/// letters that no decomposition takes apart spelled as English writes them
/// ("Þorsteinn Már" → "thorsteinn mar", "Ørsted" → "orsted"), typographic
/// apostrophes straightened, punctuation dropped, whitespace collapsed. "U.S.
/// Department of Commerce" and "US Department of Commerce" fold to the same key.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let spelled: String = s
        .chars()
        .flat_map(|c| {
            let two = |a: char, b: char| [Some(a), Some(b)];
            let one = |a: char| [Some(a), None];
            match c {
                'ß' => two('s', 's'),
                'Þ' | 'þ' => two('t', 'h'),
                'Æ' | 'æ' => two('a', 'e'),
                'Œ' | 'œ' => two('o', 'e'),
                // (The Icelandic eth is a "d"; the Serbo-Croatian "đ" is
                // written "dj": "Đoković" → "Djokovic".)
                'Ð' | 'ð' => one('d'),
                'Đ' | 'đ' => two('d', 'j'),
                'Ø' | 'ø' => one('o'),
                'Ł' | 'ł' => one('l'),
                'ı' => one('i'),
                '’' => one('\''),
                c => one(c),
            }
        })
        .flatten()
        .collect();
    for c in spelled.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c == '.' || c == '\'' {
            // "U.S." → "us", "Alibaba's" → "alibabas"
        } else {
            pending_space = true;
        }
    }
    out
}

/// `text.to_lowercase().starts_with(prefix)`, lowercasing only as much of
/// `text` as the comparison needs. (Only a capital sigma lowercases
/// differently in context; where one comes up the whole text is lowercased.)
pub fn lowercase_starts_with(text: &str, prefix: &str) -> bool {
    let mut buffer = [0u8; 4];
    let mut rest = prefix.as_bytes();
    for c in text.chars() {
        if rest.is_empty() {
            return true;
        }
        if c == 'Σ' {
            return text.to_lowercase().starts_with(prefix);
        }
        for lower in c.to_lowercase() {
            let bytes = lower.encode_utf8(&mut buffer).as_bytes();
            let n = bytes.len().min(rest.len());
            if bytes[..n] != rest[..n] {
                return false;
            }
            rest = &rest[n..];
            if rest.is_empty() {
                return true;
            }
        }
    }
    rest.is_empty()
}

/// `text` lowercased with every byte offset kept, so that a span of `text`
/// slices the same word out of the result: `None` when some character's
/// lowercase has another length ("İ") or depends on context ("Σ"). Equal to
/// `str::to_lowercase` whenever it is `Some`.
pub fn lowercase_aligned(text: &str) -> Option<String> {
    if text.is_ascii() {
        return Some(text.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() && c != 'Σ' => out.push(l),
            _ => return None,
        }
    }
    Some(out)
}

/// The words of `text` lowercased, each as `str::to_lowercase` gives it:
/// slices of `lowered` (from [`lowercase_aligned`]) when there is one, else
/// lowercased one by one into `storage`.
pub fn lowered_words<'a>(
    text: &str,
    lowered: Option<&'a str>,
    words: &[Word],
    storage: &'a mut Vec<String>,
) -> Vec<&'a str> {
    match lowered {
        Some(lowered) => words.iter().map(|w| w.span.slice(lowered)).collect(),
        None => {
            *storage = words.iter().map(|w| w.text(text).to_lowercase()).collect();
            storage.iter().map(String::as_str).collect()
        }
    }
}

/// Is the char at this byte offset inside a word (alphanumeric)?
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// True when `start..end` in `text` is bounded by non-word characters.
pub fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Whether `text` ends with `phrase` (ASCII case ignored) as whole words.
pub fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    let Some(start) = text.len().checked_sub(phrase.len()) else { return false };
    text.is_char_boundary(start)
        && text[start..].eq_ignore_ascii_case(phrase)
        && at_word_boundary(text, start, text.len())
}

/// Whether `word` stands in `text` as a whole word somewhere.
pub fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty() && text.match_indices(word).any(|(at, _)| at_word_boundary(text, at, at + word.len()))
}

/// The first character is uppercase.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A lowercased German noun and the stems its case endings leave ("des
/// Chipherstellers" → "chiphersteller", "des Präsidenten" → "präsident").
pub fn inflected_forms(lower: &str) -> impl Iterator<Item = &str> {
    std::iter::once(lower).chain(["es", "s", "en", "n"].iter().filter_map(move |e| lower.strip_suffix(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_include_the_word_and_its_stems() {
        let forms: Vec<&str> = inflected_forms("chipherstellers").collect();
        assert_eq!(forms, ["chipherstellers", "chiphersteller"]);
        let forms: Vec<&str> = inflected_forms("präsidenten").collect();
        assert_eq!(forms, ["präsidenten", "präsident", "präsidente"]);
    }

    #[test]
    fn lowercase_prefixes() {
        for (text, prefix) in [
            ("Zufolge der", "zufolge"),
            ("ZUFOLGE", "zufolge"),
            ("Zu", "zufolge"),
            ("", ""),
            ("abc", ""),
            ("İstanbul", "i̇st"),
            ("ΟΔΟΣ Σ", "οδος"),
            ("ΟΔΟΣ", "οδος"),
            ("Straße", "straß"),
            ("x", "xy"),
        ] {
            assert_eq!(
                lowercase_starts_with(text, prefix),
                text.to_lowercase().starts_with(prefix),
                "{text:?} {prefix:?}"
            );
        }
    }

    #[test]
    fn aligned_lowercase_agrees_with_to_lowercase() {
        for text in ["U.S. Commerce", "Behörde ÄÖÜ ß", "İstanbul", "ΟΔΟΣ", "ẞ", "Ǆ dž", "", "Kelvin \u{212A}"]
        {
            match lowercase_aligned(text) {
                Some(lower) => {
                    assert_eq!(lower, text.to_lowercase(), "{text:?}");
                    assert_eq!(lower.len(), text.len());
                }
                None => assert!(text.chars().any(|c| c.to_lowercase().to_string().len() != c.len_utf8() || c == 'Σ')),
            }
        }
    }

    #[test]
    fn words_keep_inner_punctuation_followed_by_a_letter() {
        for (text, expected) in [
            ("The U.S. Commerce Department's probe.", &["The", "U.S", "Commerce", "Department's", "probe"][..]),
            (
                "Hewlett-Packard, AT&T und die Behörde (BIS) –",
                &["Hewlett-Packard", "AT&T", "und", "die", "Behörde", "BIS"],
            ),
            ("Alibaba’s 2,5 Mrd. Euro-", &["Alibaba’s", "2", "5", "Mrd", "Euro"]),
            ("  ", &[]),
            ("Straße—Ära…ok", &["Straße", "Ära", "ok"]),
        ] {
            let words: Vec<&str> = words(text, 0, text.len()).iter().map(|w| w.text(text)).collect();
            assert_eq!(words, expected, "{text:?}");
            for limit in 0..=expected.len() {
                let first: Vec<&str> = first_words(text, 0, text.len(), limit).iter().map(|w| w.text(text)).collect();
                assert_eq!(first, expected[..limit], "{text:?} {limit}");
            }
        }
    }

    #[test]
    fn fold_cases() {
        for (input, expected) in [
            ("U.S. Department of Commerce", "us department of commerce"),
            ("US-Handelsministerium", "us handelsministerium"),
            ("Weißes Haus", "weisses haus"),
            ("Alibaba’s", "alibabas"),
            ("  Türkei ", "turkei"),
            ("Þorsteinn Már Baldvinsson", "thorsteinn mar baldvinsson"),
            ("Ørsted", "orsted"),
            ("Lech Wałęsa", "lech walesa"),
            ("Đoković", "djokovic"),
            ("Dubravka Đedović Handanović", "dubravka djedovic handanovic"),
            ("Guðmundsson", "gudmundsson"),
        ] {
            assert_eq!(fold(input), expected, "{input}");
        }
    }
}

/// The largest char boundary of `text` at or before `at` (`str::floor_char_boundary`,
/// which is newer than this crate's minimum Rust).
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A word of a text: a run of letters and digits, with inner `.`, `-`, `&`
/// and apostrophes kept ("U.S", "Hewlett-Packard", "AT&T", "Alibaba's").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: crate::model::Span,
}

impl Word {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Articles and possessives, English and German: after one a word is a noun,
/// not a verb.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "that", "these", "those", "his", "her", "our", "der", "die", "das",
    "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "sein", "seine", "ihr", "ihre",
];

/// The words of `text[start..end]`, with spans into `text`.
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    first_words(text, start, end, usize::MAX)
}

/// The first `limit` words of `text[start..end]`: the beginning of what
/// [`words`] gives.
pub fn first_words(text: &str, start: usize, end: usize, limit: usize) -> Vec<Word> {
    let slice = &text[start..end];
    // News prose averages six to seven bytes a word with its space.
    let mut out = Vec::with_capacity((slice.len() / 6 + 1).min(limit));
    let mut i = 0;
    while out.len() < limit {
        let Some((c, len)) = char_at(slice, i) else { break };
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let first = i;
        i += len;
        while let Some((d, len)) = char_at(slice, i) {
            if is_word_char(d) {
                i += len;
            } else if matches!(d, '.' | '-' | '&' | '\'' | '’') {
                // Keep inner punctuation only when a letter or digit follows.
                if char_at(slice, i + len).is_some_and(|(next, _)| is_word_char(next)) {
                    i += len;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Word { span: crate::model::Span::new(start + first, start + i) });
    }
    out
}

/// The character at byte `i` of `s` (a boundary) and its length; ASCII
/// without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Strips an English possessive (`'s`, `’s`, `'`) from a word.
/// The byte offset right after the last character of `s` that `pred`
/// holds for (0 if none): where the word after a separator starts, safe for
/// separators of several bytes (a no-break space, a dash).
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|&(_, c)| pred(c)).map_or(0, |(k, c)| k + c.len_utf8())
}

pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

//! Sentence splitting with byte offsets into the original text.
//!
//! A sentence ends at `.`, `!` or `?` (plus closing quotes and brackets)
//! followed by whitespace, and at every line break. It does not end after an
//! abbreviation of the lexicon ("U.S.", "Inc.", "z. B.", "Nr."), a single
//! capital initial ("J."), or a number before a lowercase word or month
//! ("3. Januar"). The spans tile the text: concatenated, they give it back
//! exactly (leading whitespace belongs to the first sentence, trailing
//! whitespace to the sentence it follows). Front matter is one sentence of its
//! own. Use [`trimmed`] for the text a reader should see.

use crate::lexicon::Lexicon;
use crate::model::{Lang, Span};

/// Splits `text` into sentences that tile it.
pub fn split(text: &str, body_start: usize, lang: Lang, lexicon: &Lexicon) -> Vec<Span> {
    let _ = lang;
    let abbreviations = Abbreviations::of(lexicon);
    let function_words: Vec<&str> = lexicon.words.get("function_words.de").iter().map(String::as_str).collect();
    let mut boundaries = Vec::new();
    let body_start = if text.is_char_boundary(body_start) { body_start.min(text.len()) } else { 0 };
    if body_start > 0 {
        boundaries.push(body_start);
    }
    let bytes = text.as_bytes();
    let mut i = body_start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            let next = skip_whitespace(text, i);
            if next < text.len() {
                boundaries.push(next);
            }
            i = next.max(i + 1);
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow closing punctuation: ."  .)  ...
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            for closing in ["“", "”", "’", "«", "»", "“"] {
                if text[end..].starts_with(closing) {
                    end += closing.len();
                }
            }
            let next = skip_whitespace(text, end);
            let followed_by_space = next > end;
            if followed_by_space
                && next < text.len()
                && b == b'.'
                && !ends_sentence(text, i, next, &abbreviations, &function_words)
            {
                i = end;
                continue;
            }
            if followed_by_space && next < text.len() {
                let first = text[next..].chars().next().unwrap_or(' ');
                if first.is_uppercase() || first.is_ascii_digit() || "\"'„“‚‘«(".contains(first) {
                    boundaries.push(next);
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut spans = Vec::with_capacity(boundaries.len() + 1);
    let mut start = 0;
    for b in boundaries {
        if b > start && b < text.len() {
            spans.push(Span::new(start, b));
            start = b;
        }
    }
    if start < text.len() || spans.is_empty() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// The sentence without its surrounding whitespace.
pub fn trimmed(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    Span::new(start, end.max(start))
}

fn skip_whitespace(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or('x');
        if !c.is_whitespace() {
            break;
        }
        if c == '\n' && i > 0 && text[..i].ends_with('\n') {
            // blank lines are whitespace too
        }
        i += c.len_utf8();
    }
    i
}

/// Words before a number that make it an ordinal: a determiner or
/// possessive ("ihr 13.", "die 2.", "zum 3.").
fn before_ordinal_context(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let _number = words.next();
    let previous = words.next().unwrap_or("").to_lowercase();
    const DETERMINERS: &[&str] = &[
        "der", "die", "das", "den", "dem", "des", "ihr", "ihre", "ihrem", "ihren", "ihres", "sein", "seine", "seinem",
        "seinen", "zum", "zur", "am", "im", "vom", "beim", "ein", "eine", "einem", "einen", "unser", "unsere",
    ];
    DETERMINERS.contains(&previous.as_str())
}

/// The abbreviations of both languages: one-token ones are looked up (the
/// lexicon indexes them), the few with a space ("z. B.") are scanned.
struct Abbreviations<'l> {
    lexicon: &'l Lexicon,
    spaced: Vec<&'l str>,
}

const ABBREVIATION_LISTS: [&str; 2] = ["abbreviations.en", "abbreviations.de"];

impl<'l> Abbreviations<'l> {
    fn of(lexicon: &'l Lexicon) -> Abbreviations<'l> {
        let spaced = ABBREVIATION_LISTS
            .iter()
            .flat_map(|path| lexicon.words.get(path))
            .map(String::as_str)
            .filter(|a| a.contains(' '))
            .collect();
        Abbreviations { lexicon, spaced }
    }

    /// Whether `token` (which starts at `token_start` in `text` and ends
    /// `before`) is an abbreviation, ASCII case ignored, or one with a space
    /// ends `before` or starts at the token.
    fn at(&self, text: &str, before: &str, token_start: usize, token: &str) -> bool {
        ABBREVIATION_LISTS.iter().any(|path| self.lexicon.words.contains_ignore_ascii_case(path, token))
            || self.spaced.iter().any(|a| before.ends_with(a) || text[token_start..].starts_with(a))
    }
}

/// Does the `.` at `dot` end a sentence, given that the next sentence would start at `next`?
fn ends_sentence(text: &str, dot: usize, next: usize, abbreviations: &Abbreviations, function_words: &[&str]) -> bool {
    let before = &text[..=dot];
    // After the separator, whatever its length in bytes (a no-break space is two).
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let token = &before[token_start..];
    if abbreviations.at(text, before, token_start, token) {
        return false;
    }
    let core = token.trim_end_matches('.');
    // An initial: "J. Smith".
    if core.chars().count() == 1 && core.chars().all(char::is_uppercase) {
        return false;
    }
    let following: String = text[next..].chars().take_while(|c| c.is_alphanumeric()).collect();
    // A German ordinal: "3. Januar", "am 3. Oktober", "die 2. Runde".
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) && core.len() <= 2 {
        const MONTHS: &[&str] = &[
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        if MONTHS.contains(&following.as_str()) {
            return false;
        }
        // "ihr 13. Sanktionspaket", "die 2. Runde": an ordinal before a noun,
        // not a sentence that ends in a number and one that opens with an article.
        let after_dot = text[next..].split_whitespace().next().unwrap_or("");
        let opens_sentence =
            function_words.iter().any(|w| w.eq_ignore_ascii_case(after_dot.trim_matches(|c: char| !c.is_alphabetic())));
        if following.chars().next().is_some_and(char::is_uppercase) && !opens_sentence && before_ordinal_context(before)
        {
            return false;
        }
    }
    // The next word in lowercase: no new sentence ("approx. five", "etc. and").
    if following.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::from_sources(&[(
            "grammar.toml",
            r#"[abbreviations]
            en = ["U.S.", "Inc.", "Co.", "Mr.", "Jan."]
            de = ["z.B.", "z. B.", "Nr."]"#,
        )])
        .unwrap()
    }

    fn texts(text: &str) -> Vec<String> {
        split(text, 0, Lang::En, &lexicon()).iter().map(|s| trimmed(text, *s).slice(text).to_string()).collect()
    }

    #[test]
    fn splits() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The U.S. Department of Commerce is here. It acts.",
                &["The U.S. Department of Commerce is here.", "It acts."],
            ),
            ("Gartner Inc. said so. Then more.", &["Gartner Inc. said so.", "Then more."]),
            ("Mr. J. Smith left. Ok.", &["Mr. J. Smith left.", "Ok."]),
            ("Am 3. Januar 2021 geschah es. Danach nicht.", &["Am 3. Januar 2021 geschah es.", "Danach nicht."]),
            ("Das ist z. B. gut. Nr. 5 auch.", &["Das ist z. B. gut.", "Nr. 5 auch."]),
            ("Headline\n\nBody one. Body two?", &["Headline", "Body one.", "Body two?"]),
            ("He said \"no.\" Then left.", &["He said \"no.\"", "Then left."]),
            ("In Jan. 2021 it began.", &["In Jan. 2021 it began."]),
            (
                "Die EU hat ihr 13. Sanktionspaket beschlossen. Es gilt.",
                &["Die EU hat ihr 13. Sanktionspaket beschlossen.", "Es gilt."],
            ),
            ("Der Wert stieg auf 13. Der Grund ist klar.", &["Der Wert stieg auf 13.", "Der Grund ist klar."]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(text), *expected, "{text}");
        }
    }

    /// Found by the never_panics property test (issue 5): a dot after a
    /// token that follows a multi-byte space sliced inside that space.
    #[test]
    fn regression_issue5_dot_after_a_multibyte_space() {
        for text in ["Preis\u{a0}ca. 5 Euro. Dann", "a\u{3000}b. C", "x\u{2003}U.S. Firma. Y"] {
            let spans = split(text, 0, Lang::De, &lexicon());
            assert_eq!(spans.iter().map(|s| s.slice(text)).collect::<String>(), text);
        }
    }

    #[test]
    fn spans_tile_the_text() {
        let text = "  A b. C d!\n\nE f?  ";
        let spans = split(text, 0, Lang::En, &lexicon());
        let joined: String = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(joined, text);
    }
}

//! Language identification: English or German, per document.
//!
//! Front matter (`lang: de`) wins. Otherwise whatlang, restricted to English
//! and German, decides when it is confident; short or mixed texts fall back
//! to counting frequent function words of each language.

use crate::model::{Document, Lang};

/// The language of a document, with a note when the guess was weak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    pub lang: Lang,
    pub note: Option<String>,
}

const EN_WORDS: &[&str] =
    &["the", "and", "of", "to", "is", "in", "that", "for", "with", "was", "it", "by", "on", "are", "has"];
const DE_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des", "ein", "eine", "auf", "für",
    "wird",
];

pub fn detect(doc: &Document) -> Detected {
    if let Some(lang) = doc.lang_hint {
        return Detected { lang, note: None };
    }
    detect_text(&doc.text[doc.body_start.min(doc.text.len())..])
}

/// Detects the language of a text: frequent function words decide when they
/// clearly favour one language; otherwise whatlang when it is confident;
/// otherwise English, with a note.
pub fn detect_text(text: &str) -> Detected {
    let (mut en, mut de) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(2000) {
        if word.is_ascii() {
            // Most words: lowercased on the stack, and only the short ones,
            // since no function word is longer than five letters.
            let mut buffer = [0u8; 5];
            let Some(lower) = buffer.get_mut(..word.len()) else { continue };
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            en += EN_WORDS.contains(&lower) as usize;
            de += DE_WORDS.contains(&lower) as usize;
            continue;
        }
        let lower = word.to_lowercase();
        en += EN_WORDS.contains(&lower.as_str()) as usize;
        de += DE_WORDS.contains(&lower.as_str()) as usize;
        // Umlauts and ß are German evidence too.
        de += lower.contains(['ä', 'ö', 'ü', 'ß']) as usize;
    }
    if en + de >= 3 && (en >= 2 * de || de >= 2 * en) {
        return Detected { lang: if de > en { Lang::De } else { Lang::En }, note: None };
    }
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Deu]);
    if let Some(info) = detector.detect(text).filter(|i| i.confidence() > 0.5) {
        let lang = if info.lang() == whatlang::Lang::Deu { Lang::De } else { Lang::En };
        return Detected { lang, note: None };
    }
    if en + de > 0 {
        return Detected { lang: if de > en { Lang::De } else { Lang::En }, note: None };
    }
    Detected { lang: Lang::En, note: Some("language unknown, read as English".into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        for (text, lang) in [
            ("Das US-Handelsministerium ermittelt gegen Alibaba. Washington befürchtet, dass private Daten zugänglich werden.", Lang::De),
            ("The US Department of Commerce is investigating Alibaba. Washington fears that private data will be accessible.", Lang::En),
            ("Alibaba-Unternehmen beschuldigt: der Konzern und die Regierung", Lang::De),
            ("U.S. blacklists Chinese chipmaker YMTC and others in the crackdown", Lang::En),
            ("Bundesregierung untersagt Verkauf an chinesischen Käufer", Lang::De),
        ] {
            assert_eq!(detect_text(text).lang, lang, "{text}");
        }
    }
}

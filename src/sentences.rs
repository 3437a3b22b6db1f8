//! Sentence splitting. (stub)

use crate::lexicon::Lexicon;
use crate::model::{Lang, Span};

pub fn split(text: &str, body_start: usize, lang: Lang, lexicon: &Lexicon) -> Vec<Span> {
    let _ = (lang, lexicon, body_start);
    vec![Span::new(0, text.len())]
}

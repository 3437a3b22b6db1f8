//! Events. (stub)

use crate::entities::Found;
use crate::lexicon::Lexicon;
use crate::model::{Document, Lang, LocalEvent, Span};

pub fn extract(doc: &Document, lang: Lang, sentences: &[Span], found: &Found, lexicon: &Lexicon) -> Vec<LocalEvent> {
    let _ = (doc, lang, sentences, found, lexicon);
    Vec::new()
}

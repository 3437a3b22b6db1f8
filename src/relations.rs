//! Relations. (stub)

use crate::entities::Found;
use crate::lexicon::Lexicon;
use crate::model::{Document, Lang, LocalRelation, Span};

pub fn extract(doc: &Document, lang: Lang, sentences: &[Span], found: &Found, lexicon: &Lexicon) -> Vec<LocalRelation> {
    let _ = (doc, lang, sentences, found, lexicon);
    Vec::new()
}

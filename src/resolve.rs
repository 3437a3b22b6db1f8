//! Resolution. (stub)

use crate::entities::Found;
use crate::lexicon::Lexicon;
use crate::model::{Analysis, Document, Graph, Lang, Span};

pub fn within_document(doc: &Document, lang: Lang, sentences: &[Span], found: Found, lexicon: &Lexicon) -> Found {
    let _ = (doc, lang, sentences, lexicon);
    found
}

pub fn across_documents(docs: &[Document], analyses: &[Analysis], lexicon: &Lexicon) -> Graph {
    let _ = (docs, analyses, lexicon);
    Graph::default()
}

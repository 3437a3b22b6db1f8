//! Language identification: English or German, per document. (stub)

use crate::model::{Document, Lang};

pub struct Detected {
    pub lang: Lang,
    pub note: Option<String>,
}

pub fn detect(doc: &Document) -> Detected {
    Detected { lang: doc.lang_hint.unwrap_or(Lang::En), note: None }
}

//! Store: the SQLite database. (stub — being written)

use crate::error::Result;
use crate::model::{Analysis, Document, Graph};
use std::path::Path;

pub struct Store {}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        let _ = path;
        Ok(Store {})
    }
    pub fn clear(&mut self) -> Result<()> {
        Ok(())
    }
    pub fn load_documents(&self) -> Result<Vec<Document>> {
        Ok(Vec::new())
    }
    pub fn replace_all(&mut self, docs: &[Document], analyses: &[Analysis], graph: &Graph) -> Result<()> {
        let _ = (docs, analyses, graph);
        Ok(())
    }
    pub fn load_graph(&self, with_mentions: bool) -> Result<Graph> {
        let _ = with_mentions;
        Ok(Graph::default())
    }
}

//! JSON export: the corpus [`Graph`] serialized with serde_json, pretty
//! printed, in the field names of the contract in `ONTOLOGY.md` (the model
//! types carry them). `mentions` appears only when the graph has them
//! (`export json --mentions`). The same graph always gives the same bytes.

use crate::error::{Error, Result};
use crate::model::Graph;

/// The graph as pretty-printed JSON, ending with a newline.
pub fn to_json(graph: &Graph) -> Result<String> {
    let mut json = serde_json::to_string_pretty(graph).map_err(|e| Error::Invalid(format!("json export: {e}")))?;
    json.push('\n');
    Ok(json)
}

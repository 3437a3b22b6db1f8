//! newsgraph turns English and German news articles into a knowledge graph of
//! actors, agencies, events and relations, stores it in SQLite, analyses it
//! with petgraph and draws it as Graphviz DOT.
//!
//! The pipeline (see [`pipeline`], the only module that knows the order of the
//! stages): [`ingest`] → [`lang`] → [`sentences`] → [`entities`] →
//! [`resolve`] → [`events`] / [`relations`] → [`store`] → [`graph`] →
//! [`export`]. Analysis stages are pure functions over a [`model::Document`]
//! and the [`lexicon::Lexicon`]; only ingest, store, export and the binary do
//! I/O.

pub mod assemble;
pub mod compact;
pub mod dates;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
pub mod export;
pub mod graph;
pub mod ingest;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod relations;
pub mod resolve;
pub mod sentences;
pub mod store;
pub mod text;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use model::{Document, Graph};

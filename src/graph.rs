//! Graph: a petgraph view of the stored knowledge graph. (stub)

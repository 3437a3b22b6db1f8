//! Eval: scores a graph against a gold file. (stub)

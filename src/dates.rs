//! Dates. (stub)

//! Lexicon. (stub)

use crate::error::Result;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn builtin() -> Result<Lexicon> {
        Ok(Lexicon {})
    }
    /// The embedded lexicon extended with the user's files.
    pub fn with_files(files: &[PathBuf]) -> Result<Lexicon> {
        let _ = files;
        Ok(Lexicon {})
    }
}

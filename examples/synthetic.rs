//! Writes a synthetic corpus graph the size of N articles (default 10,000)
//! into a newsgraph database, to try diagrams and graph commands on a large
//! graph. The generator is the tests' (tests/common/synthetic.rs), so the
//! same N gives the same database.
//!
//!     cargo run --release --example synthetic -- target/synthetic.db 10000
//!     newsgraph export dot --db target/synthetic.db --render svg -o synthetic.svg

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use newsgraph::model::Analysis;
use newsgraph::store::Store;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().unwrap_or_else(|| "synthetic.db".into()));
    let n_articles: usize = match args.next() {
        Some(n) => n.parse().map_err(|e| format!("ARTICLES '{n}': {e}"))?,
        None => 10_000,
    };
    let started = std::time::Instant::now();
    let (docs, graph) = synthetic::synthetic(n_articles, 7);
    let analyses = vec![Analysis::default(); docs.len()];
    Store::open(&db)?.replace_all(&docs, &analyses, &graph)?;
    println!(
        "{}: {} documents, {} entities, {} events, {} relations ({:.1} s)",
        db.display(),
        graph.documents.len(),
        graph.entities.len(),
        graph.events.len(),
        graph.relations.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

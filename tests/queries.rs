//! Every query in examples/queries.sql prepares and runs against a database
//! built from seeds/ (through the read-only connection of `newsgraph sql`,
//! and through the sqlite3 shell when it is installed). Today they may return
//! no rows; they must never fail.

mod common;

use newsgraph::pipeline::{build, BuildOptions};
use newsgraph::store::Store;
use newsgraph::Lexicon;
use std::path::Path;
use std::process::Command;

/// Splits SQL text into statements at `;` outside quotes and comments, each
/// with the text of the `--` comment line just before it.
fn statements(sql: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut title = String::new();
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                current.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '-' && chars.peek() == Some(&'-') => {
                let mut comment = String::from(c);
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                    comment.push(c);
                }
                if current.trim().is_empty() {
                    title = comment.trim_start_matches('-').trim().to_string();
                }
                current.push('\n');
            }
            None if c == ';' => {
                if !current.trim().is_empty() {
                    out.push((std::mem::take(&mut title), current.trim().to_string()));
                }
                current.clear();
            }
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                current.push(c);
            }
        }
    }
    assert!(current.trim().is_empty(), "text after the last `;`: {current}");
    out
}

#[test]
fn the_splitter_respects_quotes_and_comments() {
    let split = statements("-- one\nSELECT ';' -- x;\n;\n-- two\nSELECT 2;\n");
    assert_eq!(split, [("one".to_string(), "SELECT ';'".to_string()), ("two".to_string(), "SELECT 2".to_string())]);
}

#[test]
fn every_example_query_runs_on_the_seed_database() {
    let sql = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries.sql")).unwrap();
    let queries = statements(&sql);
    assert!(queries.len() >= 3, "{queries:?}");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let options = BuildOptions { paths: vec![common::seeds_dir()], db: db.clone(), ..BuildOptions::default() };
    let report = build(&options, &Lexicon::builtin().unwrap()).unwrap();
    assert_eq!(report.n_documents, 5);
    assert!(report.skipped.is_empty());

    let store = Store::open_read_only(&db).unwrap();
    for (title, query) in &queries {
        assert!(!title.is_empty(), "every query has a `-- title`: {query}");
        if let Err(error) = store.query(query) {
            panic!("{title}: {error}\n{query}");
        }
    }
    drop(store);

    // The sqlite3 shell of the distribution (possibly older than the bundled
    // SQLite) reads the views and runs the queries too.
    if Command::new("sqlite3").arg("-version").output().is_ok_and(|o| o.status.success()) {
        for (title, query) in &queries {
            let output = Command::new("sqlite3").arg("-readonly").arg(&db).arg(query).output().unwrap();
            assert!(output.status.success(), "sqlite3: {title}: {}", String::from_utf8_lossy(&output.stderr));
        }
    } else {
        eprintln!("sqlite3 is not installed; ran the queries through newsgraph only");
    }
}

/// On a graph with content (the hand-made fixture) the queries answer what
/// their titles promise.
#[test]
fn example_queries_answer_on_a_known_graph() {
    let sql = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries.sql")).unwrap();
    let queries = statements(&sql);
    let dir = tempfile::tempdir().unwrap();
    let fx = common::fixture();
    let mut store = Store::open(&dir.path().join("fixture.db")).unwrap();
    store.replace_all(&fx.docs, &fx.analyses, &fx.graph).unwrap();
    let run = |title_start: &str| {
        let (_, query) = queries.iter().find(|(t, _)| t.starts_with(title_start)).unwrap();
        store.query(query).unwrap().rows
    };
    assert_eq!(run("Who investigated whom"), [["U.S. Department of Commerce", "Alibaba Group", "2021", "2"]]);
    assert_eq!(run("Events reported by more than one article").len(), 1);
    assert_eq!(run("Everything about one entity: its profile")[0][1], "Alibaba Group");
    let roles: Vec<String> =
        run("Everything about one entity: the events").into_iter().map(|r| format!("{} {}", r[0], r[1])).collect();
    assert_eq!(roles, ["agent v2", "target v1"]);
    assert_eq!(run("Everything about one entity: its relations").len(), 1);
    assert_eq!(run("Everything about one entity: every sentence").len(), 4);
    assert_eq!(run("Who says so")[0][0], "Reuters");
    assert_eq!(run("Entities that appear in articles of both languages").len(), 2);
}

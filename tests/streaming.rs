//! The streaming build (pipeline::build: batches, stored compact analyses,
//! assembly in passes) against the reference path that holds the whole
//! corpus in memory (ingest::collect → analyze → resolve::across_documents →
//! Store::replace_all): their JSON exports must be byte-identical, whatever
//! the number of threads. Both run the passes of `assemble` (the in-memory
//! one over compacts made in memory, without a store, ids or digests), so
//! this checks the store side: batches, stored compacts, prior ids, rows
//! written per document. Also: incremental builds keep ids and add only
//! what is new.

use newsgraph::export;
use newsgraph::model::{Analysis, EventType, Graph};
use newsgraph::pipeline::{self, BuildOptions, BuildReport};
use newsgraph::store::Store;
use newsgraph::{ingest, Lexicon};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A corpus made of the seeds and variants of them (paragraphs reordered and
/// recombined, German and English mixed), so that entities and events recur
/// across many documents.
fn variants(dir: &Path) -> PathBuf {
    let out = dir.join("corpus");
    std::fs::create_dir_all(&out).unwrap();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds()).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(out.join(path.file_name().unwrap()), &text).unwrap();
        paragraphs.extend(text.split("\n\n").filter(|p| p.trim().len() > 40).map(str::to_string));
    }
    for n in 0..24usize {
        let mut text = format!("Variant {n}\n\n");
        for k in 0..6 {
            text.push_str(&paragraphs[(n * 7 + k * 13) % paragraphs.len()]);
            text.push_str("\n\n");
        }
        let date =
            if n % 3 == 0 { format!("---\ndate: 2021-0{}-1{}\n---\n", 1 + n % 9, n % 10) } else { String::new() };
        std::fs::write(out.join(format!("v{n:02}.txt")), format!("{date}{text}")).unwrap();
    }
    out
}

/// The reference: everything in memory, the graph written by replace_all.
fn reference_export(input: &Path, db: &Path) -> String {
    let (mut docs, skipped) = ingest::collect(&[input.to_path_buf()], None);
    assert!(skipped.is_empty());
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let analyses: Vec<Analysis> = docs.iter().map(|d| pipeline::analyze(d, lexicon())).collect();
    let graph = pipeline::assemble(&docs, &analyses, lexicon());
    Store::open(db).unwrap().replace_all(&docs, &analyses, &graph).unwrap();
    export_json(db)
}

fn export_json(db: &Path) -> String {
    let graph = Store::open_read_only(db).unwrap().load_graph(true).unwrap();
    export::json::to_json(&graph).unwrap()
}

fn build(paths: &[PathBuf], db: &Path, threads: usize) -> BuildReport {
    let options =
        BuildOptions { paths: paths.to_vec(), db: db.to_path_buf(), threads: Some(threads), ..BuildOptions::default() };
    pipeline::build(&options, lexicon()).unwrap()
}

#[test]
fn streaming_build_exports_what_the_in_memory_path_exports() {
    let dir = tempfile::tempdir().unwrap();
    for input in [seeds(), variants(dir.path())] {
        let reference = reference_export(&input, &dir.path().join("reference.db"));
        for threads in [1, 2, 3] {
            let db = dir.path().join(format!("streaming-{threads}.db"));
            build(std::slice::from_ref(&input), &db, threads);
            assert_eq!(export_json(&db), reference, "{} with {threads} threads", input.display());
        }
        for file in std::fs::read_dir(dir.path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "db" || e == "db-wal" || e == "db-shm") {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
}

#[test]
fn a_second_build_of_the_same_input_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let first = build(&[seeds()], &db, 2);
    let before = export_json(&db);
    let second = build(&[seeds()], &db, 2);
    assert_eq!((second.added, second.unchanged), (0, first.added));
    assert_eq!(export_json(&db), before);
}

#[test]
fn incremental_builds_keep_ids_and_add_only_new_documents() {
    let dir = tempfile::tempdir().unwrap();
    let input = variants(dir.path());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&input).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let (first_half, second_half) = files.split_at(files.len() / 2);
    let db = dir.path().join("g.db");
    build(first_half, &db, 2);
    let before: Graph = serde_json::from_str(&export_json(&db)).unwrap();

    let report = build(&files, &db, 2);
    assert_eq!((report.added, report.unchanged), (second_half.len(), first_half.len()));
    let after: Graph = serde_json::from_str(&export_json(&db)).unwrap();
    assert_eq!(after.documents.len(), files.len());
    // Every entity of the first build keeps its id (it is found by its name).
    for entity in &before.entities {
        let same = after.entities.iter().find(|e| e.id == entity.id).expect("the id is still there");
        assert_eq!((&same.etype, &same.country), (&entity.etype, &entity.country), "{}", entity.id);
    }
    // Events of the first build keep their ids too.
    for event in &before.events {
        let same = after.events.iter().find(|e| e.id == event.id).expect("the event id is still there");
        assert_eq!((same.etype, &same.mode), (event.etype, &event.mode), "{}", event.id);
    }
    // And the graph has what a build of everything has, up to ids.
    let fresh = dir.path().join("fresh.db");
    build(&files, &fresh, 2);
    let fresh: Graph = serde_json::from_str(&export_json(&fresh)).unwrap();
    assert_eq!(after.entities.len(), fresh.entities.len());
    assert_eq!(after.relations.len(), fresh.relations.len());
}

#[test]
fn a_changed_document_is_analysed_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Title\n\nThe U.S. Commerce Department is investigating Alibaba.\n").unwrap();
    let db = dir.path().join("g.db");
    build(std::slice::from_ref(&input), &db, 1);
    std::fs::write(input.join("a.txt"), "Title\n\nDas US-Handelsministerium ermittelt gegen Huawei.\n").unwrap();
    let report = build(std::slice::from_ref(&input), &db, 1);
    assert_eq!(report.added, 1);
    let graph: Graph = serde_json::from_str(&export_json(&db)).unwrap();
    assert_eq!(graph.documents.len(), 1);
    let reference = reference_export(&input, &dir.path().join("reference.db"));
    let reference: Graph = serde_json::from_str(&reference).unwrap();
    let names = |g: &Graph| g.entities.iter().map(|e| e.name.clone()).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(names(&graph), names(&reference));
}

/// Regression: a document added before many others that name the same
/// entity moves every one of them a position down in the entity's document
/// list. The rows were rewritten document by document in batches, so a batch
/// could write a position the next document still held, and the build failed
/// with "UNIQUE constraint failed: entity_documents.entity, entity_documents.position".
#[test]
fn a_document_added_before_many_others_shifts_their_positions() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let story = |n: usize| {
        format!("Probe {n}\n\nThe U.S. Commerce Department is investigating Alibaba over case {n}, Reuters reported.\n")
    };
    for n in 1..=150 {
        std::fs::write(input.join(format!("d{n:03}.txt")), story(n)).unwrap();
    }
    let db = dir.path().join("g.db");
    build(std::slice::from_ref(&input), &db, 2);
    std::fs::write(input.join("d000.txt"), story(0)).unwrap();
    let report = build(std::slice::from_ref(&input), &db, 2);
    assert_eq!((report.added, report.unchanged), (1, 150));
    // The graph is the one a build of everything at once makes.
    let fresh = dir.path().join("fresh.db");
    build(std::slice::from_ref(&input), &fresh, 2);
    assert_eq!(export_json(&db), export_json(&fresh));
}

/// An incremental build rewrites only the events whose rows changed: an
/// event that a new article gives another target and a date, and one whose
/// only article no longer states it, end as a build of everything makes them.
#[test]
fn an_incremental_build_rewrites_changed_and_removes_vanished_events() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let write = |name: &str, text: &str| std::fs::write(input.join(name), text).unwrap();
    // Enough other articles that one new or changed article is not "most of
    // the corpus" (which rewrites everything).
    for n in 0..12 {
        write(&format!("c{n:02}.txt"), &format!("Deal {n}\n\nSiemens agreed to acquire Brenvik {n} GmbH.\n"));
    }
    write("a1.txt", "Probe\n\nThe U.S. Commerce Department is investigating Alibaba.\n");
    write("a2.txt", "Sanctions\n\nThe U.S. Treasury sanctioned Huawei.\n");
    let db = dir.path().join("g.db");
    build(std::slice::from_ref(&input), &db, 2);
    let before: Graph = serde_json::from_str(&export_json(&db)).unwrap();
    assert!(before.events.iter().any(|e| e.etype == EventType::Sanction), "{:?}", before.events);

    // A new article: the same investigation, with a second target and a date.
    write(
        "a3.txt",
        "Probe widens\n\nThe U.S. Commerce Department is investigating Alibaba and Tencent since March 2021.\n",
    );
    // A changed one: the sanction is no longer stated.
    write("a2.txt", "Earnings\n\nHuawei reported higher revenue.\n");
    let report = build(std::slice::from_ref(&input), &db, 2);
    assert_eq!(report.added, 2);
    assert!(report.n_rewritten < report.n_documents, "the incremental path: {report:?}");
    let after: Graph = serde_json::from_str(&export_json(&db)).unwrap();
    assert!(!after.events.iter().any(|e| e.etype == EventType::Sanction));
    let probe = after
        .events
        .iter()
        .find(|e| e.etype == EventType::Accuse && e.mode.as_deref() == Some("investigate"))
        .expect("the investigation");
    assert!(probe.target.len() >= 2 && probe.date.is_some(), "{probe:?}");

    // A build of everything numbers the ids anew (the incremental one keeps
    // them): the same graph up to ids.
    let fresh = dir.path().join("fresh.db");
    build(std::slice::from_ref(&input), &fresh, 2);
    let fresh: Graph = serde_json::from_str(&export_json(&fresh)).unwrap();
    assert_eq!(without_ids(&after), without_ids(&fresh));
}

/// A graph's entities and events with entity ids replaced by names and
/// event ids left out, sorted.
fn without_ids(graph: &Graph) -> (Vec<String>, Vec<String>) {
    let name = |id: &String| graph.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or_default();
    let names = |ids: &[String]| ids.iter().map(name).collect::<Vec<_>>();
    let mut entities: Vec<String> = graph
        .entities
        .iter()
        .map(|e| format!("{} {:?} {:?} {:?} {:?} {}", e.name, e.etype, e.country, e.aliases, e.documents, e.mentions))
        .collect();
    let mut events: Vec<String> = graph
        .events
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v.id = String::new();
            let (agent, target, reported_by) = (names(&v.agent), names(&v.target), names(&v.reported_by));
            (v.agent, v.target, v.reported_by) = (agent, target, reported_by);
            format!("{v:?}")
        })
        .collect();
    entities.sort();
    events.sort();
    (entities, events)
}

/// A database of schema version 2 (digests in a column of `analyses`) is
/// upgraded by the next build: the digests move to `row_digests`, so the
/// build rewrites no document's rows, and the graph stays what it was.
#[test]
fn a_version_2_database_is_upgraded_with_its_digests() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    build(&[seeds()], &db, 2);
    let before = export_json(&db);
    {
        // Back to version 2's shape.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "ALTER TABLE analyses ADD COLUMN rows_digest INTEGER;
             UPDATE analyses SET rows_digest = (SELECT digest FROM row_digests r WHERE r.document = analyses.document);
             DROP TABLE row_digests;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let report = build(&[seeds()], &db, 2);
    assert_eq!((report.added, report.n_rewritten), (0, 0), "{report:?}");
    assert_eq!(export_json(&db), before);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, newsgraph::store::SCHEMA_VERSION);
    let n_digests: i64 = conn.query_row("SELECT count(*) FROM row_digests", [], |row| row.get(0)).unwrap();
    assert_eq!(n_digests, 5);
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('analyses')")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(columns, ["document", "data"]);
}

/// A first build writes with a rollback journal (see `Store::tune_for_build`)
/// and leaves the database in WAL mode, which readers rely on.
#[test]
fn a_finished_build_leaves_the_database_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    build(&[seeds()], &db, 2);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert!(!dir.path().join("g.db-journal").exists());
}

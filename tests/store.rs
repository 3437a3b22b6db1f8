//! The store as a library user sees it: round trips, transactions, files
//! that are not newsgraph databases, and the helper queries of the CLI.

mod common;

use common::fixture;
use newsgraph::export::json::to_json;
use newsgraph::model::{EntityType, EventType, Graph};
use newsgraph::store::{Store, SCHEMA_VERSION};
use newsgraph::Error;
use std::fs;
use std::path::Path;

fn stored(dir: &Path) -> (Store, common::Fixture) {
    let fx = fixture();
    let mut store = Store::open(&dir.join("test.db")).unwrap();
    store.replace_all(&fx.docs, &fx.analyses, &fx.graph).unwrap();
    (store, fx)
}

#[test]
fn graph_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (store, fx) = stored(dir.path());
    let loaded = store.load_graph(true).unwrap();
    assert_eq!(loaded, fx.graph);
    assert_eq!(to_json(&loaded).unwrap(), to_json(&fx.graph).unwrap());

    let without = store.load_graph(false).unwrap();
    assert_eq!(without, Graph { mentions: None, ..fx.graph.clone() });

    // And after closing and opening the file again.
    drop(store);
    let reopened = Store::open_read_only(&dir.path().join("test.db")).unwrap();
    assert_eq!(reopened.load_graph(true).unwrap(), fx.graph);
}

#[test]
fn entities_are_in_numeric_id_order() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = stored(dir.path());
    let ids: Vec<String> = store.load_graph(false).unwrap().entities.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["e1", "e2", "e3", "e4", "e10", "e11"]);
    let ids: Vec<String> = store.load_graph(false).unwrap().events.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["v1", "v2", "v10"]);
}

#[test]
fn documents_round_trip_for_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let (store, fx) = stored(dir.path());
    assert_eq!(store.load_documents().unwrap(), fx.docs);
}

#[test]
fn sentences_and_keys_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = stored(dir.path());
    let result = store.query("SELECT idx, text FROM sentences WHERE document = 'a1' ORDER BY idx").unwrap();
    assert_eq!(
        result.rows,
        [
            ["0", "The US Department of Commerce is investigating Alibaba, according to Reuters."],
            ["1", "Alibaba denies it."]
        ]
    );
    let result = store.query("SELECT id, key FROM entities ORDER BY id").unwrap();
    let keys: Vec<(String, String)> = result.rows.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert!(keys.contains(&("e2".into(), "lex:us-commerce".into())), "{keys:?}");
    assert!(keys.contains(&("e11".into(), "".into())), "an entity without mentions has no key: {keys:?}");
    let result = store.query("SELECT sentence FROM mentions WHERE document = 'a1' AND text = 'Reuters'").unwrap();
    assert_eq!(result.rows, [["0"]]);
}

#[test]
fn a_failed_replace_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, fx) = stored(dir.path());
    // Half-way through the load (documents and entities written) two events
    // turn out to have the same id.
    let mut broken = fx.graph.clone();
    broken.entities.truncate(5);
    broken.events[2].id = "v1".into();
    let mut docs = fx.docs.clone();
    docs[0].title = "changed".into();
    let error = store.replace_all(&docs, &fx.analyses, &broken).unwrap_err();
    assert!(matches!(error, Error::Database { .. }), "{error}");
    assert!(error.to_string().contains("test.db"), "{error}");

    assert_eq!(store.load_graph(true).unwrap(), fx.graph);
    assert_eq!(store.load_documents().unwrap(), fx.docs);
    // The indexes dropped for the load are back.
    let n = store.query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").unwrap();
    assert_ne!(n.rows[0][0], "0");
}

#[test]
fn dangling_references_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, fx) = stored(dir.path());
    type Breaks = fn(&mut Graph);
    let cases: [(&str, Breaks); 4] = [
        ("event v1 refers to entity 'e99'", |g| g.events[0].agent = vec!["e99".into()]),
        ("event v2 refers to document 'zz'", |g| g.events[1].evidence[0].document = "zz".into()),
        ("relation r1 refers to entity 'e42'", |g| g.relations[0].target = "e42".into()),
        ("entity e3 refers to document 'nope'", |g| g.entities[2].documents.push("nope".into())),
    ];
    for (message, breaks) in cases {
        let mut graph = fx.graph.clone();
        breaks(&mut graph);
        let error = store.replace_all(&fx.docs, &fx.analyses, &graph).unwrap_err();
        assert!(error.to_string().contains(message), "{error}");
    }
    assert_eq!(store.load_graph(true).unwrap(), fx.graph);
}

#[test]
fn clear_empties_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = stored(dir.path());
    store.clear().unwrap();
    assert_eq!(store.load_graph(true).unwrap(), Graph { mentions: Some(vec![]), ..Graph::default() });
    assert!(store.load_documents().unwrap().is_empty());
}

#[test]
fn another_schema_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = fs::read(&path).unwrap();
    for result in [Store::open(&path).map(|_| ()), Store::open_read_only(&path).map(|_| ())] {
        match result {
            Err(error @ Error::SchemaVersion { found: 99, expected: SCHEMA_VERSION, .. }) => {
                assert!(error.to_string().contains("old.db"), "{error}")
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn garbage_files_are_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        ("garbage.db", b"this is not a database at all, just some text\n".repeat(100)),
        ("header.db", [b"SQLite format 3\0".as_slice(), &[0xAB; 4096]].concat()),
        ("short.db", b"SQLite".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        for result in [Store::open(&path).map(|_| ()), Store::open_read_only(&path).map(|_| ())] {
            let error = result.unwrap_err();
            assert!(matches!(error, Error::NotNewsgraph { .. } | Error::Database { .. }), "{name}: {error:?}");
            assert!(error.to_string().contains(name), "{error}");
        }
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
        assert!(!dir.path().join(format!("{name}-wal")).exists());
    }
}

#[test]
fn a_sqlite_database_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    let before = fs::read(&path).unwrap();
    let error = Store::open(&path).err().unwrap();
    assert!(matches!(error, Error::NotNewsgraph { .. }), "{error:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn unwritable_locations_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    fs::write(&file, "x").unwrap();
    for path in [file.join("graph.db"), dir.path().join("no-such-dir").join("graph.db")] {
        let error = Store::open(&path).err().unwrap();
        assert!(matches!(error, Error::Unwritable { .. }), "{error:?}");
        assert!(error.to_string().contains("graph.db"), "{error}");
    }
    let error = Store::open(dir.path()).err().unwrap();
    assert!(error.to_string().contains("is a directory"), "{error}");
}

#[test]
fn read_only_open_never_creates_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.db");
    let error = Store::open_read_only(&path).err().unwrap();
    assert!(matches!(error, Error::NoDatabase { .. }), "{error:?}");
    assert!(error.to_string().contains("run `newsgraph build` first"));
    assert!(!path.exists());
}

#[test]
fn queries_are_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let (store, fx) = stored(dir.path());
    drop(store);
    let store = Store::open_read_only(&dir.path().join("test.db")).unwrap();
    let result = store.query("SELECT id, name FROM entities WHERE id IN ('e1', 'e2') ORDER BY id").unwrap();
    assert_eq!(result.columns, ["id", "name"]);
    assert_eq!(result.rows, [["e1", "Alibaba Group"], ["e2", "U.S. Department of Commerce"]]);
    for write in ["DELETE FROM entities", "DROP TABLE events", "INSERT INTO aliases VALUES ('e1', 9, 'x')"] {
        let error = store.query(write).unwrap_err();
        assert!(matches!(error, Error::ReadOnly { .. }), "{write}: {error:?}");
        assert!(error.to_string().contains("read-only"));
    }
    assert!(matches!(store.query("SELECT 1; SELECT 2"), Err(Error::Invalid(_))));
    assert!(matches!(store.query(" ;"), Err(Error::Invalid(_))));
    assert!(matches!(store.query("SELEC 1"), Err(Error::Database { .. })));
    assert_eq!(store.load_graph(true).unwrap(), fx.graph);
}

#[test]
fn views_read_without_joins() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = stored(dir.path());
    let q = |sql: &str| store.query(sql).unwrap().rows;
    assert_eq!(
        q("SELECT name, aliases, n_documents, n_mentions FROM entity_view WHERE id = 'e2'"),
        [["U.S. Department of Commerce", "US Department of Commerce | US-Handelsministerium", "2", "2"]]
    );
    assert_eq!(
        q("SELECT type, mode, agents, targets, reported_by, date, modality, n_documents FROM event_view WHERE id = 'v1'"),
        [["ACCUSE", "investigate", "U.S. Department of Commerce", "Alibaba Group", "Reuters", "2021", "asserted", "2"]]
    );
    assert_eq!(
        q("SELECT evidence FROM event_view WHERE id = 'v1'"),
        [["The US Department of Commerce is investigating Alibaba, according to Reuters. "]]
    );
    assert_eq!(
        q("SELECT source, type, target, n_documents FROM relation_view"),
        [["Alibaba Cloud", "SUBSIDIARY_OF", "Alibaba Group", "1"]]
    );
    assert_eq!(
        q("SELECT kind, source, label, target, date, n_documents FROM edge_view ORDER BY kind, id, source"),
        [
            ["event", "U.S. Department of Commerce", "ACCUSE/investigate", "Alibaba Group", "2021", "2"],
            ["event", "Quote\\Corp \"QC\"\nLtd", "SANCTION/discontinue", "Alibaba Cloud", "2021-07-14", "1"],
            ["event", "U.S. Department of Commerce", "SANCTION/discontinue", "Alibaba Cloud", "2021-07-14", "1"],
            ["relation", "Alibaba Cloud", "SUBSIDIARY_OF", "Alibaba Group", "", "1"],
        ]
    );
}

#[test]
fn entities_are_found_by_any_alias_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = stored(dir.path());
    for (name, expected) in [
        ("Alibaba Group", vec!["e1"]),
        ("alibaba", vec!["e1"]),
        ("US-HANDELSMINISTERIUM", vec!["e2"]),
        ("us department of commerce", vec!["e2"]),
        ("US Department of Commerce.", vec!["e2"]), // folded: punctuation dropped
        ("TÜRKEI", vec!["e11"]),
        ("turkei", vec!["e11"]), // folded: diacritics dropped
        ("Nobody", vec![]),
    ] {
        assert_eq!(store.find_entities(name).unwrap(), expected, "{name}");
    }
    let suggestions = store.suggest("Alibab", 5).unwrap();
    assert!(suggestions.contains(&"Alibaba".to_string()), "{suggestions:?}");
    match store.profiles("Alibabba") {
        Err(Error::UnknownEntity { suggestions, .. }) => assert!(suggestions.contains(&"Alibaba".into())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn helper_queries() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = stored(dir.path());

    let agencies = store.entities(Some(EntityType::Agency)).unwrap();
    assert_eq!(agencies.len(), 1);
    assert_eq!(agencies[0].aliases, ["US Department of Commerce", "US-Handelsministerium"]);
    let all = store.entities(None).unwrap();
    assert_eq!(all[0].id, "e1", "most mentioned first");

    let ids = |rows: Vec<newsgraph::store::EventRow>| rows.into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(store.events(None, None).unwrap()), ["v1", "v2", "v10"]);
    assert_eq!(ids(store.events(Some("us-handelsministerium"), None).unwrap()), ["v1", "v10"]);
    assert_eq!(ids(store.events(Some("alibaba"), Some(EventType::Deny)).unwrap()), ["v2"]);
    assert_eq!(ids(store.events(Some("reuters"), None).unwrap()), ["v1"], "reported_by counts too");
    assert!(matches!(store.events(Some("nobody"), None), Err(Error::UnknownEntity { .. })));

    let profiles = store.profiles("alibaba").unwrap();
    assert_eq!(profiles.len(), 1);
    let profile = &profiles[0];
    assert_eq!(profile.entity.id, "e1");
    assert_eq!(profile.documents, [("a1".into(), "Commerce probes Alibaba".into()), ("b2".into(), "Das US-Handelsministerium ermittelt gegen Alibaba. Alibaba Cloud gehört zu Alibaba, sagt \"Quote\\Corp\".".into())]);
    assert_eq!(profile.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["v1", "v2"]);
    assert_eq!(profile.relations.len(), 1);

    let stats = store.stats().unwrap();
    assert_eq!((stats.n_documents, stats.n_entities, stats.n_events, stats.n_relations), (2, 6, 3, 1));
    assert_eq!(stats.documents_by_lang, [("de".into(), 1), ("en".into(), 1)]);
    assert_eq!(stats.entities_by_type, [("AGENCY".into(), 1), ("COMPANY".into(), 4), ("COUNTRY".into(), 1)]);
    assert_eq!(stats.n_mentions, 9);
}

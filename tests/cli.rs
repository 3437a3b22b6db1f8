//! The `newsgraph` binary as a user runs it (assert_cmd): the seed corpus end
//! to end, every bad input with its message and exit status (0 done, 1 error,
//! 2 usage, 3 some input skipped), and byte-identical exports.

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::path::Path;

fn newsgraph(dir: &Path) -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("newsgraph");
    command.current_dir(dir);
    command
}

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_seeds(dir.path());
    dir
}

fn have_sqlite3() -> bool {
    std::process::Command::new("sqlite3").arg("-version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn build_the_seeds_and_use_every_command() {
    let dir = seeded();
    let d = dir.path();
    newsgraph(d)
        .arg("build")
        .assert()
        .code(0)
        .stdout(contains("read: 5 added, 0 unchanged, 0 skipped"))
        .stdout(contains("newsgraph.db: 5 documents"));
    assert!(d.join("newsgraph.db").exists());
    // A file seen before is not read again.
    newsgraph(d).arg("build").assert().code(0).stdout(contains("read: 0 added, 5 unchanged, 0 skipped"));
    newsgraph(d).args(["build", "--quiet"]).assert().code(0).stdout("");

    let output = newsgraph(d).args(["export", "json"]).assert().code(0).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 5);
    for key in ["entities", "events", "relations"] {
        assert!(json[key].is_array(), "{key}");
    }
    assert!(json.get("mentions").is_none());
    let output = newsgraph(d).args(["export", "json", "--mentions"]).assert().code(0).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert!(json["mentions"].is_array());

    newsgraph(d).args(["export", "dot", "-o", "graph.dot"]).assert().code(0).stdout("");
    let dot = fs::read_to_string(d.join("graph.dot")).unwrap();
    assert!(dot.contains("digraph {") && dot.contains("Legend"));
    if common::have_dot() {
        let status = std::process::Command::new("dot")
            .args(["-Tsvg", "graph.dot", "-o", "graph.svg"])
            .current_dir(d)
            .status()
            .unwrap();
        assert!(status.success());
    }

    newsgraph(d).arg("entities").assert().code(0).stdout(contains("ID").and(contains("NAME")));
    newsgraph(d).args(["entities", "--type", "agency"]).assert().code(0);
    newsgraph(d).arg("events").assert().code(0).stdout(contains("EVENT"));
    newsgraph(d).args(["events", "--type", "ACCUSE"]).assert().code(0);
    newsgraph(d).args(["sql", "SELECT count(*) AS n FROM documents"]).assert().code(0).stdout("n\n-\n5\n(1 row)\n");
    newsgraph(d).args(["sql", "SELECT * FROM event_view LIMIT 5"]).assert().code(0);
    newsgraph(d).arg("stats").assert().code(0).stdout(contains("documents  5"));
    newsgraph(d).args(["show", "Nobody At All"]).assert().code(1).stderr(contains("no entity named 'Nobody At All'"));
    newsgraph(d)
        .args(["events", "--entity", "Nobody At All"])
        .assert()
        .code(1)
        .stderr(contains("no entity named 'Nobody At All'"));

    if have_sqlite3() {
        let output = std::process::Command::new("sqlite3")
            .args(["newsgraph.db", "SELECT * FROM event_view LIMIT 5"])
            .current_dir(d)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn rebuild_starts_over() {
    let dir = seeded();
    let d = dir.path();
    newsgraph(d).arg("build").assert().code(0);
    newsgraph(d)
        .args(["build", "--rebuild", "seeds/001_9b26a80c45473cb9.txt"])
        .assert()
        .code(0)
        .stdout(contains("1 added").and(contains("newsgraph.db: 1 documents")));
}

#[test]
fn commands_other_than_build_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let commands: [&[&str]; 7] = [
        &["export", "json"],
        &["export", "dot", "-o", "graph.dot"],
        &["entities"],
        &["events"],
        &["show", "Alibaba"],
        &["sql", "SELECT 1"],
        &["stats"],
    ];
    for args in commands {
        newsgraph(d)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("no database at newsgraph.db; run `newsgraph build` first"));
    }
    newsgraph(d).args(["stats", "--db", "other.db"]).assert().code(1).stderr(contains("no database at other.db"));
    assert_eq!(fs::read_dir(d).unwrap().count(), 0, "nothing was created");
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    newsgraph(dir.path())
        .args(["build", "no-such-article.txt"])
        .assert()
        .code(1)
        .stderr(contains("skipped: no-such-article.txt: no such file or directory"));
    // The default input, seeds/, missing too.
    newsgraph(dir.path()).arg("build").assert().code(1).stderr(contains("seeds: no such file or directory"));
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), " \n\n").unwrap();
    newsgraph(dir.path())
        .args(["build", "empty.txt"])
        .assert()
        .code(1)
        .stderr(contains("skipped: empty.txt: empty file"));
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("photo.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    newsgraph(dir.path())
        .args(["build", "photo.txt"])
        .assert()
        .code(1)
        .stderr(contains("skipped: photo.txt: looks like a binary file"));
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Title\n\nM\xfcnchen ermittelt.\n").unwrap();
    newsgraph(dir.path())
        .args(["build", "latin1.txt"])
        .assert()
        .code(1)
        .stderr(contains("skipped: latin1.txt:3: not valid UTF-8 (byte offset 8)"));
}

#[test]
fn directory_with_mixed_files_skips_the_bad_and_stores_the_good() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let articles = d.join("articles");
    fs::create_dir_all(articles.join("more")).unwrap();
    fs::write(articles.join("good.txt"), "Good news\n\nAlibaba opens a data center.").unwrap();
    fs::write(articles.join("more/also-good.md"), "---\ntitle: Also good\nlang: de\n---\nGute Nachrichten.").unwrap();
    fs::write(articles.join("empty.txt"), "").unwrap();
    fs::write(articles.join("binary.txt"), b"\0\x01\x02").unwrap();
    fs::write(articles.join("latin1.md"), b"caf\xe9").unwrap();
    fs::write(articles.join("notes.json"), "{}").unwrap();
    newsgraph(d)
        .args(["build", "articles"])
        .assert()
        .code(3)
        .stdout(contains("read: 2 added, 0 unchanged, 3 skipped"))
        .stderr(contains("articles/empty.txt: empty file"))
        .stderr(contains("articles/binary.txt: looks like a binary file"))
        .stderr(contains("articles/latin1.md:1: not valid UTF-8 (byte offset 3)"))
        .stderr(contains("notes.json").not());
    let output = newsgraph(d).args(["export", "json"]).assert().code(0).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["also-good", "good"]);
    assert_eq!(json["documents"][0]["title"], "Also good");
}

#[test]
fn duplicate_document_ids_are_skipped_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a")).unwrap();
    fs::create_dir_all(d.join("b")).unwrap();
    fs::write(d.join("a/story.txt"), "First").unwrap();
    fs::write(d.join("b/story.txt"), "Second").unwrap();
    newsgraph(d)
        .args(["build", "a", "b"])
        .assert()
        .code(3)
        .stderr(contains("b/story.txt: duplicate document id 'story' (also the stem of a/story.txt)"));
}

#[test]
fn unwritable_database_location() {
    let dir = seeded();
    let d = dir.path();
    fs::write(d.join("a-file"), "not a directory").unwrap();
    newsgraph(d)
        .args(["build", "--db", "a-file/graph.db"])
        .assert()
        .code(1)
        .stderr(contains("database a-file/graph.db: cannot create or write it: a-file is not a directory"));
    newsgraph(d)
        .args(["build", "--db", "no-such-dir/graph.db"])
        .assert()
        .code(1)
        .stderr(contains("no-such-dir/graph.db").and(contains("does not exist")));
    // An export to a place that cannot be written names the file too.
    newsgraph(d).arg("build").assert().code(0);
    newsgraph(d)
        .args(["export", "json", "-o", "a-file/graph.json"])
        .assert()
        .code(1)
        .stderr(contains("a-file/graph.json"));
}

#[test]
fn corrupt_database_file_is_reported_and_left_untouched() {
    let dir = seeded();
    let d = dir.path();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    fs::write(d.join("newsgraph.db"), &garbage).unwrap();
    for args in [&["build"][..], &["stats"], &["export", "json"]] {
        newsgraph(d)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("database newsgraph.db: not a SQLite database (the file was left untouched)"));
    }
    assert_eq!(fs::read(d.join("newsgraph.db")).unwrap(), garbage);
}

#[test]
fn database_of_another_schema_version() {
    let dir = seeded();
    let d = dir.path();
    newsgraph(d).arg("build").assert().code(0);
    rusqlite::Connection::open(d.join("newsgraph.db")).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let before = fs::read(d.join("newsgraph.db")).unwrap();
    for args in [&["build"][..], &["stats"], &["sql", "SELECT 1"]] {
        newsgraph(d)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("database newsgraph.db: schema version 99, this newsgraph reads version 3"));
    }
    assert_eq!(fs::read(d.join("newsgraph.db")).unwrap(), before);
}

#[test]
fn sql_is_read_only() {
    let dir = seeded();
    let d = dir.path();
    newsgraph(d).arg("build").assert().code(0);
    newsgraph(d).args(["sql", "DELETE FROM documents"]).assert().code(1).stderr(contains("read-only"));
    newsgraph(d).args(["sql", "SELECT count(*) FROM documents"]).assert().code(0).stdout(contains("5"));
    newsgraph(d).args(["sql", "SELEC nonsense"]).assert().code(1).stderr(contains("syntax error"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    newsgraph(d).assert().code(2);
    newsgraph(d).args(["build", "--date", "2021-13-01"]).assert().code(2).stderr(contains("not a date"));
    newsgraph(d).args(["entities", "--type", "ROBOT"]).assert().code(2).stderr(contains("one of PERSON"));
    newsgraph(d).args(["events", "--type", "HUG"]).assert().code(2).stderr(contains("one of AGREE"));
    newsgraph(d).args(["export", "png"]).assert().code(2);
    assert_eq!(fs::read_dir(d).unwrap().count(), 0);
}

#[test]
fn help_has_examples() {
    let dir = tempfile::tempdir().unwrap();
    newsgraph(dir.path())
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Examples:").and(contains("newsgraph build")).and(contains("Exit status")));
    newsgraph(dir.path())
        .args(["build", "--help"])
        .assert()
        .code(0)
        .stdout(contains("--lexicon").and(contains("--date")));
}

#[test]
fn front_matter_and_date_reach_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.md"), "---\ntitle: Front title\ndate: 2021-07\nurl: https://example.org/a\n---\nBody.")
        .unwrap();
    fs::write(d.join("b.txt"), "\u{feff}First line title\nBody.").unwrap();
    newsgraph(d).args(["build", "a.md", "b.txt", "--date", "2020-01-02"]).assert().code(0);
    newsgraph(d)
        .args(["sql", "SELECT id, title, date, body_start FROM documents ORDER BY id"])
        .assert()
        .code(0)
        .stdout(contains("a   Front title       2021-07     68").and(contains("b   First line title  2020-01-02  3")));
}

#[test]
fn two_builds_of_the_same_input_export_identical_bytes() {
    let exports = |dir: &Path| -> Vec<Vec<u8>> {
        newsgraph(dir).arg("build").assert().code(0);
        [
            &["export", "json", "--mentions"][..],
            &["export", "json"],
            &["export", "dot"],
            &["export", "dot", "--isolated"],
        ]
        .iter()
        .map(|args| newsgraph(dir).args(*args).assert().code(0).get_output().stdout.clone())
        .collect()
    };
    let first = seeded();
    let second = seeded();
    let a = exports(first.path());
    assert_eq!(a, exports(second.path()));
    newsgraph(first.path()).args(["build", "--rebuild", "--quiet"]).assert().code(0);
    assert_eq!(a, exports(first.path()), "a rebuild gives the same bytes");
}

/// The read commands on a graph with content: the hand-made fixture stored
/// through the library, then queried through the binary.
#[test]
fn read_commands_on_a_known_graph() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fx = common::fixture();
    newsgraph::store::Store::open(&d.join("newsgraph.db"))
        .unwrap()
        .replace_all(&fx.docs, &fx.analyses, &fx.graph)
        .unwrap();

    newsgraph(d)
        .args(["show", "us-handelsministerium"])
        .assert()
        .code(0)
        .stdout(contains("U.S. Department of Commerce (e2)\n  type:      AGENCY\n  country:   USA\n"))
        .stdout(contains("  aliases:   US Department of Commerce | US-Handelsministerium\n"))
        .stdout(contains("events as agent:\n  v1  ACCUSE/investigate 2021  U.S. Department of Commerce → Alibaba Group  (asserted, 2 articles)\n"))
        .stdout(contains("Quote\\Corp \"QC\" Ltd → Alibaba Cloud"));
    newsgraph(d)
        .args(["show", "Alibab"])
        .assert()
        .code(1)
        .stderr(contains("no entity named 'Alibab'; did you mean: Alibaba, Alibaba Cloud, Alibaba Group?"));
    newsgraph(d)
        .args(["events", "--entity", "ALIBABA", "--type", "deny"])
        .assert()
        .code(0)
        .stdout(contains("v2   DENY").or(contains("v2  DENY")))
        .stdout(contains("v1 ").not());
    newsgraph(d)
        .args(["entities", "--type", "COUNTRY"])
        .assert()
        .code(0)
        .stdout("ID   NAME    TYPE     COUNTRY  SECTOR  DOCS  MENTIONS  ALIASES\n---  ------  -------  -------  ------  ----  --------  -------\ne11  Türkei  COUNTRY  TUR      GOV     0     0         Turkey\n");
    newsgraph(d).arg("stats").assert().code(0).stdout(contains("events     3      (ACCUSE 1, DENY 1, SANCTION 1)"));
    let output = newsgraph(d).args(["export", "json", "--mentions"]).assert().code(0).get_output().stdout.clone();
    assert_eq!(String::from_utf8(output).unwrap(), newsgraph::export::json::to_json(&fx.graph).unwrap());
}

#[test]
fn build_timings_name_every_phase_on_stderr() {
    let dir = seeded();
    let output = newsgraph(dir.path()).args(["build", "--quiet", "--timings"]).assert().code(0).stdout("");
    let stderr = String::from_utf8(output.get_output().stderr.clone()).unwrap();
    let phases = [
        "read, analyse, store",
        "assemble",
        "pass 1: entities",
        "pass 2: events",
        "pass 3: mentions, evidence",
        "relations",
        "indexes",
        "commit",
    ];
    let lines: Vec<&str> = stderr.lines().skip_while(|l| *l != "timings:").skip(1).collect();
    assert_eq!(lines.len(), phases.len(), "{stderr}");
    for (line, phase) in lines.iter().zip(phases) {
        // "  phase   1.23 s,    85 MB resident", the assembly's steps indented under it.
        let indent =
            if phase.starts_with("pass") || ["relations", "indexes", "commit"].contains(&phase) { 4 } else { 2 };
        assert!(line.starts_with(&format!("{}{phase}", " ".repeat(indent))), "{line:?}");
        let seconds = line[indent + phase.len()..].trim_start().split(" s").next().unwrap();
        assert!(seconds.parse::<f64>().is_ok_and(|s| s >= 0.0), "{line:?}");
    }
    // Without the flag, nothing of it.
    let output = newsgraph(dir.path()).args(["build", "--quiet"]).assert().code(0);
    assert!(!String::from_utf8_lossy(&output.get_output().stderr).contains("timings"));
}

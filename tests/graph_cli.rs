//! The graph commands as a user runs them (assert_cmd) on a database of the
//! seed-shaped graph of tests/common/seedlike.rs: `path`, `neighbors`,
//! `timeline` and `stats` in text and `--json`, the `export dot` diagram
//! options and `--render`, `export graphml` and `export csv`, with their
//! usage errors (exit 2) and errors (exit 1); and on the real seeds, that
//! every command runs and every diagram kind renders.

mod common;
#[path = "common/seedlike.rs"]
mod seedlike;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn newsgraph(dir: &Path) -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("newsgraph");
    command.current_dir(dir);
    command
}

/// A temporary directory with the seed-shaped graph in `newsgraph.db`.
fn seedlike_db() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (docs, graph) = seedlike::seedlike();
    seedlike::write_db(&dir.path().join("newsgraph.db"), &docs, &graph);
    dir
}

fn stdout(command: &mut assert_cmd::Command) -> String {
    String::from_utf8(command.assert().code(0).get_output().stdout.clone()).unwrap()
}

fn json(command: &mut assert_cmd::Command) -> Value {
    serde_json::from_str(&stdout(command)).expect("JSON")
}

#[test]
fn path_in_text_and_json() {
    let dir = seedlike_db();
    let d = dir.path();
    let text = stdout(newsgraph(d).args(["path", "jack ma", "Office of Intelligence and Security"]));
    assert_eq!(
        text,
        "Jack Ma → Office of Intelligence and Security: 3 hops\n\
         1. Jack Ma —FOUNDER_OF→ Alibaba Group  (r1, 1 article)\n   \"Jack Ma founded Alibaba Group.\" [d1]\n\
         2. Alibaba Group ←SUBSIDIARY_OF— Alibaba Cloud  (r2, 1 article)\n   \
         \"Alibaba Cloud is a subsidiary of Alibaba Group.\" [d1]\n   also linked by v1\n\
         3. Alibaba Cloud ←ACCUSE/investigate 2021— Office of Intelligence and Security  (v2, 1 article)\n   \
         \"The Office of Intelligence and Security is investigating Alibaba Cloud.\" [d1]\n"
    );
    let answer = json(newsgraph(d).args(["path", "Jack Mas", "OIS", "--json"]));
    assert_eq!(answer["connected"], true);
    assert_eq!(answer["from"]["name"], "Jack Ma");
    let hops = answer["hops"].as_array().unwrap();
    let ids: Vec<&str> = hops.iter().map(|h| h["link"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["r1", "r2", "v2"]);
    assert_eq!(hops[2]["link"]["evidence"]["document"], "d1");
    assert_eq!(hops[2]["link"]["type"], "ACCUSE");
    assert_eq!(hops[2]["link"]["mode"], "investigate");

    // German alias, and no connection is an answer, not an error.
    let text = stdout(newsgraph(d).args(["path", "US-Handelsministerium", "Russland"]));
    assert_eq!(text, "no connection between U.S. Department of Commerce and Russia through events or relations\n");
    let answer = json(newsgraph(d).args(["path", "Alibaba", "Russia", "--json"]));
    assert_eq!((answer["connected"].clone(), answer["hops"].clone()), (Value::Bool(false), Value::Array(vec![])));
    // An unknown name is an error with suggestions.
    newsgraph(d)
        .args(["path", "Alibabba", "Russia"])
        .assert()
        .code(1)
        .stderr(contains("no entity named 'Alibabba'; did you mean: Alibaba"));
    newsgraph(d).args(["path", "Alibaba"]).assert().code(2);
}

#[test]
fn neighbors_in_text_and_json() {
    let dir = seedlike_db();
    let d = dir.path();
    let text = stdout(newsgraph(d).args(["neighbors", "alibaba cloud"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("HOPS  ID  NAME"), "{text}");
    assert_eq!(lines.len(), 2 + 3, "{text}");
    assert!(lines[2].contains("Alibaba Group") && lines[2].contains("←SUBSIDIARY_OF— Alibaba Cloud (r2)"), "{text}");
    let answer = json(newsgraph(d).args(["neighbors", "Alibaba Cloud", "--depth", "2", "--json"]));
    assert_eq!(answer["depth"], 2);
    let names: Vec<&str> =
        answer["neighbors"].as_array().unwrap().iter().map(|n| n["entity"]["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Alibaba Group",
            "Office of Intelligence and Security",
            "U.S. Department of Commerce",
            "Ant Group",
            "Jack Ma",
            "Silicon Valley"
        ]
    );
    newsgraph(d).args(["neighbors", "Alibaba", "--depth", "x"]).assert().code(2);
}

#[test]
fn timeline_in_text_and_json() {
    let dir = seedlike_db();
    let d = dir.path();
    let text = stdout(newsgraph(d).args(["timeline", "Alibaba"]));
    let dates: Vec<&str> = text.lines().skip(2).map(|l| l.split_whitespace().next().unwrap()).collect();
    assert_eq!(dates, ["2015", "2021-07", "undated"], "{text}");
    let answer = json(newsgraph(d).args(["timeline", "Alibaba", "--json"]));
    let ids: Vec<&str> =
        answer["events"].as_array().unwrap().iter().map(|e| e["event"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["v5", "v1", "v4"]);
    assert_eq!(answer["events"][1]["roles"][0], "target");
    assert_eq!(answer["entities"][0]["id"], "e1");
}

#[test]
fn stats_in_text_and_json() {
    let dir = seedlike_db();
    let d = dir.path();
    let text = stdout(newsgraph(d).args(["stats", "--top", "3"]));
    assert!(text.starts_with("documents  3      (de 1, en 2)\n"), "{text}");
    assert!(text.contains("components 2      (largest 7 entities; 2 entities in no event or relation)\n"), "{text}");
    assert!(text.contains("top entities by degree"), "{text}");
    assert!(text.contains("top entities by PageRank:"), "{text}");
    assert!(text.contains("most reported events:"), "{text}");
    let answer = json(newsgraph(d).args(["stats", "--top", "3", "--json"]));
    assert_eq!(answer["entities"]["total"], 12);
    assert_eq!(answer["entities"]["by"]["COMPANY"], 4);
    assert_eq!(answer["events"]["by"]["ACCUSE"], 2);
    assert_eq!(answer["components"]["sizes"], serde_json::json!([7, 3]));
    assert_eq!(answer["components"]["isolated"], 2);
    assert_eq!(answer["top_by_degree"][0]["entity"]["name"], "Alibaba Group");
    assert_eq!(answer["top_by_degree"][0]["degree"], 6);
    assert_eq!(answer["top_by_pagerank"].as_array().unwrap().len(), 3);
    assert_eq!(answer["most_reported_events"][0]["id"], "v1");
    assert_eq!(answer["most_reported_events"][0]["n_documents"], 2);
}

#[test]
fn export_dot_with_diagram_options() {
    let dir = seedlike_db();
    let d = dir.path();
    let dot = stdout(newsgraph(d).args(["export", "dot", "--focus", "Alibaba-Cloud"]));
    assert!(dot.contains("// Drawn: 4 entities, 3 events, 2 relations around Alibaba Cloud."), "{dot}");
    let dot = stdout(newsgraph(d).args([
        "export",
        "dot",
        "--focus",
        "OIS",
        "--focus",
        "Russland",
        "--depth",
        "2",
        "--cluster",
        "country",
        "--layout",
        "tb",
    ]));
    assert!(dot.contains("around Office of Intelligence and Security, Russia."), "{dot}");
    assert!(dot.contains("rankdir=TB;") && dot.contains("label=\"RUS\""), "{dot}");
    let dot = stdout(newsgraph(d).args([
        "export",
        "dot",
        "--entity-type",
        "company,agency",
        "--event-type",
        "ACCUSE",
        "--since",
        "2021",
        "--until",
        "2021-12-31",
        "--min-sources",
        "2",
    ]));
    // v1 only; relations stay next to its entities when both ends pass the type filter.
    assert!(dot.contains("// Drawn: 5 entities, 1 event, 3 relations."), "{dot}");
    // --max-nodes cuts and says so on stderr.
    let output = newsgraph(d).args(["export", "dot", "--max-nodes", "2"]).assert().code(0).get_output().clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("note: --max-nodes 2: drew the 2 most central of 10 entities; left out 8 entities"),
        "{stderr}"
    );
    // Nothing cut, nothing said.
    newsgraph(d).args(["export", "dot"]).assert().code(0).stderr("");
    // The same command gives the same bytes.
    let args = ["export", "dot", "--focus", "Alibaba", "--depth", "2", "--cluster", "type"];
    assert_eq!(stdout(newsgraph(d).args(args)), stdout(newsgraph(d).args(args)));
}

#[test]
fn export_usage_errors() {
    let dir = seedlike_db();
    let d = dir.path();
    for args in [
        &["export", "dot", "--cluster", "city"][..],
        &["export", "dot", "--layout", "rl"],
        &["export", "dot", "--render", "gif", "-o", "x.gif"],
        &["export", "dot", "--render", "svg"],
        &["export", "dot", "--since", "last year"],
        &["export", "dot", "--event-type", "GOSSIP"],
        &["export", "dot", "--entity-type", "ALIEN"],
        &["export", "dot", "--max-nodes", "-1"],
        &["export", "csv"],
    ] {
        newsgraph(d).args(args).assert().code(2);
    }
    newsgraph(d)
        .args(["export", "json", "--focus", "Alibaba"])
        .assert()
        .code(1)
        .stderr(contains("--focus only apply to export dot"));
    newsgraph(d)
        .args(["export", "dot", "--focus", "Nobody"])
        .assert()
        .code(1)
        .stderr(contains("no entity named 'Nobody'"));
}

#[test]
fn export_graphml_and_csv_files() {
    let dir = seedlike_db();
    let d = dir.path();
    newsgraph(d).args(["export", "graphml", "-o", "graph.graphml"]).assert().code(0).stdout("");
    let xml = fs::read_to_string(d.join("graph.graphml")).unwrap();
    roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    assert_eq!(xml, stdout(newsgraph(d).args(["export", "graphml"])));

    newsgraph(d).args(["export", "csv", "-o", "neo4j/import"]).assert().code(0).stdout("");
    let nodes = fs::read_to_string(d.join("neo4j/import/nodes.csv")).unwrap();
    let relationships = fs::read_to_string(d.join("neo4j/import/relationships.csv")).unwrap();
    assert!(nodes.starts_with(":ID,name,:LABEL,"));
    assert!(relationships.starts_with(":START_ID,:END_ID,:TYPE,"));
    assert_eq!(nodes.lines().count(), 13);
    // A second export gives the same bytes.
    newsgraph(d).args(["export", "csv", "-o", "again"]).assert().code(0);
    assert_eq!(nodes, fs::read_to_string(d.join("again/nodes.csv")).unwrap());
    assert_eq!(relationships, fs::read_to_string(d.join("again/relationships.csv")).unwrap());
    // A file where the directory should be.
    fs::write(d.join("a-file"), "x").unwrap();
    newsgraph(d).args(["export", "csv", "-o", "a-file"]).assert().code(1).stderr(contains("a-file"));
}

#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let dir = seedlike_db();
    let d = dir.path();
    let empty = tempfile::tempdir().unwrap();
    newsgraph(d)
        .env("PATH", empty.path())
        .args(["export", "dot", "--render", "svg", "-o", "graph.svg"])
        .assert()
        .code(1)
        .stderr(contains("Graphviz's `dot` is not installed"))
        .stderr(contains("apt-get install graphviz"));
    assert!(!d.join("graph.svg").exists());
}

#[test]
fn render_every_diagram_kind_with_graphviz() {
    if !common::have_dot() {
        eprintln!("graphviz is not installed; skipping (CI installs it)");
        return;
    }
    let dir = seedlike_db();
    let d = dir.path();
    let kinds: &[&[&str]] = &[
        &[],
        &["--focus", "Alibaba Cloud"],
        &["--focus", "Jack Ma", "--depth", "3", "--cluster", "country"],
        &["--cluster", "type", "--layout", "tb"],
        &["--event-type", "ACCUSE,SANCTION", "--max-nodes", "4"],
        &["--since", "2021", "--min-sources", "2", "--isolated"],
    ];
    for (i, kind) in kinds.iter().enumerate() {
        for format in ["svg", "png", "pdf"] {
            let file = format!("diagram{i}.{format}");
            newsgraph(d)
                .args(["export", "dot", "--render", format, "-o", &file])
                .args(*kind)
                .assert()
                .code(0)
                .stdout("");
            let bytes = fs::read(d.join(&file)).unwrap();
            let magic: &[u8] = match format {
                "svg" => b"<?xml",
                "png" => b"\x89PNG",
                _ => b"%PDF",
            };
            assert!(bytes.starts_with(magic), "{file} {kind:?}");
        }
    }
}

#[test]
fn the_seeds_answer_every_graph_command() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_seeds(dir.path());
    let d = dir.path();
    newsgraph(d).args(["build", "--quiet"]).assert().code(0);
    stdout(newsgraph(d).args(["stats", "--json"]));
    stdout(newsgraph(d).args(["neighbors", "Alibaba", "--depth", "2"]));
    stdout(newsgraph(d).args(["timeline", "Alibaba Cloud", "--json"]));
    let answer = json(newsgraph(d).args(["path", "Jack Ma", "Alibaba Cloud", "--json"]));
    assert_eq!(answer["connected"], true, "{answer}");
    stdout(newsgraph(d).args(["export", "graphml"]));
    if common::have_dot() {
        for args in [&["--focus", "Alibaba Cloud", "--depth", "2"][..], &["--cluster", "country"]] {
            newsgraph(d).args(["export", "dot", "--render", "svg", "-o", "seeds.svg"]).args(args).assert().code(0);
        }
    }
}

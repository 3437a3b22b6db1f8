//! The lexicon as users extend it: built-in files load, a user file adds
//! entities and aliases through `build --lexicon`, and a broken file is an
//! error that names it.

use assert_cmd::Command;
use std::fs;

#[test]
fn builtin_lexicon_loads_and_is_broad() {
    let lexicon = newsgraph::Lexicon::builtin().expect("built-in lexicon");
    let (entries, en, de) = lexicon.size();
    assert!(lexicon.countries.len() >= 190, "{} countries", lexicon.countries.len());
    assert!(entries >= 1500, "{entries} entries");
    assert!(en >= 4000 && de >= 1000, "{en} English and {de} German aliases");
}

#[test]
fn user_lexicon_adds_an_entity_and_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("mine.toml");
    fs::write(
        &lexicon,
        r#"
[[entity]]
id = "qorvel-systems"
name = "Qorvel Systems"
type = "COMPANY"
country = "CHN"
en = ["Qorvel"]

[[entity]]
id = "us-commerce"
name = "U.S. Department of Commerce"
type = "AGENCY"
en = ["DoC"]
"#,
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, "The DoC said on Monday it had added Qorvel to the Entity List.\n").unwrap();
    let db = dir.path().join("g.db");
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["build", "--quiet", "--lexicon"])
        .arg(&lexicon)
        .arg(&article)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let out = Command::cargo_bin("newsgraph").unwrap().args(["export", "json", "--db"]).arg(&db).output().unwrap();
    let graph: newsgraph::model::Graph = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = graph.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Qorvel Systems"), "{names:?}");
    assert!(names.contains(&"U.S. Department of Commerce"), "{names:?}");
    assert!(graph.events.iter().any(|e| e.etype.as_str() == "SANCTION"), "{:?}", graph.events);
}

#[test]
fn broken_user_lexicon_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("broken.toml");
    fs::write(&lexicon, "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"SPACESHIP\"\n").unwrap();
    let assert = Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["build", "--lexicon"])
        .arg(&lexicon)
        .arg("--db")
        .arg(dir.path().join("g.db"))
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("broken.toml") && stderr.contains("SPACESHIP"), "{stderr}");
}

//! The eval module on hand-made graph exports (`tests/data/eval/*.json`)
//! scored against a small gold (`tests/data/eval/gold.json`, a subset of the
//! seeds' gold), and its agreement with the reference scorer
//! `../shared/eval/score.py` on every one of those exports.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsgraph::eval::{evaluate, run_eval, Gold, Report, Score};
use newsgraph::{Error, Graph};

/// Every export under tests/data/eval.
const EXPORTS: &[&str] = &[
    "perfect.json",
    "missing.json",
    "fragmented.json",
    "conflated.json",
    "events.json",
    "relations.json",
    "empty.json",
    "edge_cases.json",
];

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval").join(name)
}

fn export(name: &str) -> Graph {
    let text = std::fs::read_to_string(data(name)).unwrap_or_else(|err| panic!("{name}: {err}"));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn gold() -> Gold {
    Gold::load(data("gold.json")).unwrap_or_else(|err| panic!("{err}"))
}

fn report(name: &str) -> Report {
    evaluate(&gold(), &export(name))
}

fn counts(score: &Score) -> String {
    format!("{}/{} {}/{}", score.found, score.required, score.matched, score.predicted)
}

/// What a report counted, in one line: found/required matched/predicted for
/// entities, events and relations, plus typed entities and correct modes.
fn digest(report: &Report) -> String {
    let (entities, events) = (&report.entities, &report.events);
    format!(
        "entities {} typed {} | events {} mode {}/{} | relations {}",
        counts(&entities.score),
        entities.typed,
        counts(&events.score),
        events.mode.mode_correct,
        events.mode.mode_checked,
        counts(&report.relations.score)
    )
}

#[test]
fn counts_per_export() {
    for (file, expected) in [
        ("perfect.json", "entities 16/16 17/17 typed 16 | events 6/6 6/6 mode 4/4 | relations 5/5 5/5"),
        ("missing.json", "entities 9/16 9/12 typed 6 | events 3/6 3/4 mode 1/2 | relations 3/5 3/4"),
        ("fragmented.json", "entities 5/16 9/9 typed 5 | events 2/6 5/5 mode 2/2 | relations 1/5 2/2"),
        ("conflated.json", "entities 7/16 8/8 typed 7 | events 2/6 2/2 mode 2/2 | relations 1/5 1/1"),
        ("events.json", "entities 8/16 9/9 typed 8 | events 5/6 7/10 mode 3/4 | relations 0/5 0/0"),
        ("relations.json", "entities 9/16 9/9 typed 9 | events 0/6 0/0 mode 0/0 | relations 3/5 4/7"),
        ("empty.json", "entities 0/16 0/0 typed 0 | events 0/6 0/0 mode 0/0 | relations 0/5 0/0"),
        ("edge_cases.json", "entities 4/16 7/8 typed 3 | events 1/6 2/3 mode 0/1 | relations 0/5 0/1"),
    ] {
        assert_eq!(digest(&report(file)), expected, "{file}");
    }
}

#[test]
fn summary_lines() {
    for (file, expected) in [
        ("perfect.json", "entity_R=1.00 entity_P=1.00 event_R=1.00 relation_R=1.00 fragmented=0 conflated=0"),
        // 9/16 = 0.5625: Python's "{:.2f}" and round(x, 3) round the exact value half to even.
        ("missing.json", "entity_R=0.56 entity_P=0.75 event_R=0.50 relation_R=0.60 fragmented=0 conflated=0"),
        ("fragmented.json", "entity_R=0.31 entity_P=1.00 event_R=0.33 relation_R=0.20 fragmented=3 conflated=0"),
        ("conflated.json", "entity_R=0.44 entity_P=1.00 event_R=0.33 relation_R=0.20 fragmented=0 conflated=3"),
        ("empty.json", "entity_R=0.00 entity_P=0.00 event_R=0.00 relation_R=0.00 fragmented=0 conflated=0"),
    ] {
        assert_eq!(report(file).summary_line(), format!("SUMMARY {expected}"), "{file}");
    }
}

#[test]
fn perfect_export_scores_one_everywhere() {
    let report = report("perfect.json");
    for score in [report.entities.score, report.events.score, report.relations.score] {
        assert_eq!((score.recall, score.precision, score.f1), (1.0, 1.0, 1.0));
    }
    assert_eq!(report.entities.type_accuracy, 1.0);
    assert_eq!(report.events.mode.mode_accuracy, Some(1.0));
    assert!(report.entities.missed.is_empty() && report.entities.spurious.is_empty());
    assert!(report.entities.fragmented.is_empty() && report.entities.conflated.is_empty());
    assert!(report.events.missed.is_empty() && report.events.unmatched.is_empty());
    assert!(report.relations.missed.is_empty() && report.relations.unmatched.is_empty());
}

#[test]
fn missing_export_lists_what_is_missing_spurious_and_mistyped() {
    let report = report("missing.json");
    let entities = &report.entities;
    assert_eq!(
        entities.missed,
        [
            "Jack Ma",
            "Office of Intelligence and Security",
            "Trump administration",
            "White House",
            "MoneyGram International",
            "Hewlett Packard Enterprise",
            "China"
        ]
    );
    assert_eq!(entities.spurious, ["Reuters", "Canalys", "Handelsminister Wilbur Ross"]);
    assert_eq!((entities.score.recall, entities.score.precision), (0.5625, 0.75));
    assert!((entities.score.f1 - 2.0 * 0.5625 * 0.75 / 1.3125).abs() < 1e-12);
    // Alipay typed COMPANY, "Washington" typed LOCATION, Gartner ORGANIZATION.
    assert_eq!((entities.typed, entities.score.found), (6, 9));

    // Recall per gold type, precision per predicted type.
    let company = &entities.per_type["COMPANY"];
    assert_eq!(counts(&company.score), "4/6 4/6");
    assert_eq!(company.typed, 3);
    assert_eq!(counts(&entities.per_type["PRODUCT"].score), "1/1 0/0");
    assert_eq!(counts(&entities.per_type["PERSON"].score), "1/2 1/2");
    assert_eq!(counts(&entities.per_type["LOCATION"].score), "0/0 1/1");

    assert_eq!(report.events.missed, ["ant-bids-moneygram", "alibaba-declines-comment", "hackers-breach-hpe"]);
    assert_eq!(report.events.unmatched, ["STATEMENT(Reuters -> -)"]);
    assert_eq!(
        report.relations.missed,
        ["Jack Ma->Alibaba Group", "Office of Intelligence and Security->U.S. Department of Commerce"]
    );
    assert_eq!(report.relations.unmatched, ["LEADER_OF(Handelsminister Wilbur Ross -> Commerce Department)"]);
}

#[test]
fn fragmented_export_names_every_fragment() {
    let report = report("fragmented.json");
    let fragmented: Vec<(&str, Vec<&str>)> = report
        .entities
        .fragmented
        .iter()
        .map(|f| (f.gold.as_str(), f.predicted.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        fragmented,
        [
            ("Alibaba Group", vec!["Alibaba", "Alibaba-Konzern", "Alibaba Group Holding"]),
            ("Donald Trump", vec!["Trump", "Donald Trump"]),
            // The German genitive "Handelsministeriums" folds to the alias "Handelsministerium".
            ("U.S. Department of Commerce", vec!["Commerce Department", "Handelsministeriums"]),
        ]
    );
    let events: Vec<(&str, usize)> =
        report.events.fragmented.iter().map(|f| (f.gold.as_str(), f.n_predicted)).collect();
    assert_eq!(events, [("investigate-alibaba-cloud", 3), ("trump-warns-chinese-cloud", 2)]);
}

#[test]
fn conflated_export_names_the_merged_entities() {
    let report = report("conflated.json");
    let conflated: Vec<(&str, Vec<&str>)> = report
        .entities
        .conflated
        .iter()
        .map(|c| (c.predicted.as_str(), c.gold.iter().map(String::as_str).collect()))
        .collect();
    // "Washington" also names Washington D.C., which is not required: no conflation.
    assert_eq!(
        conflated,
        [
            ("Trump", vec!["Donald Trump", "Trump administration"]),
            ("Alibaba", vec!["Alibaba Cloud", "Alibaba Group"]),
            ("Ant Group", vec!["Alipay", "Ant Group"]),
        ]
    );
    // A predicted entity maps by its name only; its aliases count only when the
    // name matches nothing ("Handelsressort" → Commerce via its aliases).
    assert!(report.entities.spurious.is_empty());
    assert_eq!(report.entities.missed[..3], ["Alibaba Cloud", "Alipay", "Jack Ma"]);
    assert!(!report.entities.missed.contains(&"U.S. Department of Commerce".to_string()));
}

#[test]
fn events_match_by_type_actors_and_null_options() {
    let report = report("events.json");
    let events = &report.events;
    assert_eq!(events.missed, ["ant-bids-moneygram"]);
    assert_eq!(
        events.unmatched,
        [
            // Agent and target swapped.
            "ACQUIRE(MoneyGram International -> Ant Group)",
            // No agent, where the gold event needs one.
            "STATEMENT(- -> -)",
            // An agent id that names no entity.
            "COERCE(None -> Hewlett Packard Enterprise)",
        ]
    );
    // investigate-alibaba-cloud's only matches have modes "allege" and
    // "disapprove"; trump-warns-chinese-cloud has one "Disapprove" (case folded).
    assert_eq!((events.mode.mode_correct, events.mode.mode_checked), (3, 4));
    assert_eq!(events.mode.mode_accuracy, Some(0.75));

    // Gold events are filed under their first type, predicted events under theirs.
    let coerce = &events.per_type["COERCE"];
    assert_eq!(counts(&coerce.score), "1/1 0/1");
    assert_eq!((coerce.mode.mode_correct, coerce.mode.mode_checked), (1, 1));
    let assault = &events.per_type["ASSAULT"];
    assert_eq!(counts(&assault.score), "0/0 1/1");
    // A SANCTION matching only the optional us-could-ban-alibaba-cloud is matched.
    assert_eq!(counts(&events.per_type["SANCTION"].score), "1/1 2/2");
}

#[test]
fn relations_match_by_type_and_direction() {
    let report = report("relations.json");
    assert_eq!(report.relations.missed, ["Jack Ma->Alibaba Group", "Alipay->Ant Group"]);
    assert_eq!(
        report.relations.unmatched,
        [
            "SUBSIDIARY_OF(Alibaba Group -> Alibaba Cloud)",
            "LEADER_OF(Jack Ma -> Alibaba Group)",
            "PRODUCT_OF(Alipay -> None)",
        ]
    );
    assert_eq!(report.relations.score.precision, 4.0 / 7.0);
}

#[test]
fn empty_export_scores_zero_and_has_no_mode_accuracy() {
    let report = report("empty.json");
    assert_eq!(report.entities.score.precision, 0.0);
    assert_eq!(report.entities.type_accuracy, 0.0);
    assert_eq!(report.events.mode.mode_accuracy, None);
    assert_eq!(report.entities.missed.len(), 16);
    assert_eq!(report.events.missed.len(), 6);
    assert_eq!(report.relations.missed.len(), 5);
}

#[test]
fn repeated_ids_and_names_behave_like_score_py_dicts() {
    let report = report("edge_cases.json");
    let entities = &report.entities;
    // The second "e1" ("Ma", ORGANIZATION) replaces the first ("Jack Ma", PERSON).
    assert!(!entities.missed.contains(&"Jack Ma".to_string()));
    assert_eq!((entities.typed, entities.score.found), (3, 4));
    assert_eq!(entities.score.predicted, 8);
    // A name that folds to nothing matches nothing.
    assert_eq!(entities.spurious, ["—"]);
    assert_eq!(entities.fragmented[1].predicted, ["Donald Trump", "Trump", "Trump"]);
    // Two predicted entities named "Alibaba": the last one's conflation wins.
    assert_eq!(entities.conflated.len(), 1);
    assert_eq!(entities.conflated[0].gold, ["Alibaba Cloud", "Alibaba Group", "Ant Group"]);
    // The second event "v1" matches nothing, but its id was matched.
    assert_eq!(report.events.unmatched, ["SANCTION(Donald Trump+Trump -> Alibaba)"]);
}

/// Runs score.py on `gold` and `export` with `extra` arguments; `None` when
/// python3 cannot be started.
fn score_py(score_py: &Path, gold: &Path, export: &Path, extra: &[&str]) -> Option<String> {
    let output = Command::new("python3").arg(score_py).arg(gold).arg(export).args(extra).output().ok()?;
    assert!(
        output.status.success(),
        "score.py {} {}: {}",
        gold.display(),
        export.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("score.py prints UTF-8"))
}

#[test]
fn agrees_with_score_py_on_every_export() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../shared/eval/score.py");
    if !script.is_file() {
        eprintln!("note: {} is missing; skipped", script.display());
        return;
    }
    let mut golds = vec![data("gold.json")];
    let seeds = root.join("../shared/gold/seeds.json");
    if seeds.is_file() {
        golds.push(seeds);
    } else {
        eprintln!("note: {} is missing; scored against tests/data/eval/gold.json only", seeds.display());
    }
    for gold_path in &golds {
        let gold = Gold::load(gold_path).unwrap_or_else(|err| panic!("{err}"));
        for file in EXPORTS {
            let Some(stdout) = score_py(&script, gold_path, &data(file), &["--json"]) else {
                eprintln!("note: python3 cannot be run; skipped");
                return;
            };
            let expected: serde_json::Value = serde_json::from_str(&stdout).expect("score.py --json prints JSON");
            let report = evaluate(&gold, &export(file));
            let actual = report.to_score_py_json();
            let (expected, actual) = (expected.as_object().unwrap(), actual.as_object().unwrap());
            let mut expected_keys: Vec<&String> = expected.keys().collect();
            let mut actual_keys: Vec<&String> = actual.keys().collect();
            expected_keys.sort();
            actual_keys.sort();
            assert_eq!(actual_keys, expected_keys, "{file} against {}", gold_path.display());
            for (key, value) in expected {
                assert_eq!(&actual[key], value, "{key} of {file} against {}", gold_path.display());
            }

            // The text output's last line, too.
            let text = score_py(&script, gold_path, &data(file), &[]).unwrap_or_default();
            let summary = text.lines().last().unwrap_or_default();
            assert_eq!(report.summary_line(), summary, "{file} against {}", gold_path.display());
        }
    }
}

#[test]
fn the_seeds_gold_loads() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/seeds.json");
    if !seeds.is_file() {
        eprintln!("note: {} is missing; skipped", seeds.display());
        return;
    }
    let gold = Gold::load(&seeds).unwrap_or_else(|err| panic!("{err}"));
    assert!(gold.entities.iter().any(|e| e.name == "Alibaba Group" && e.required));
    assert!(gold.events.iter().any(|e| e.target.contains(&None)));
}

/// The text report, compared with `tests/data/eval/NAME.report.txt`;
/// `UPDATE_EXPECT=1 cargo test` rewrites the files.
#[test]
fn text_reports() {
    for file in ["missing.json", "events.json"] {
        let actual = report(file).render_text();
        assert!(actual.ends_with(&format!("{}\n", report(file).summary_line())));
        let expect_path = data(&file.replace(".json", ".report.txt"));
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expect_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|err| panic!("{}: {err}; run with UPDATE_EXPECT=1", expect_path.display()));
        assert_eq!(actual, expected, "{file}; run with UPDATE_EXPECT=1 to update");
    }
}

#[test]
fn run_eval_prints_text_or_json() {
    let graph = export("missing.json");
    let text = run_eval(&data("gold.json"), &graph, false).unwrap();
    assert!(
        text.ends_with("SUMMARY entity_R=0.56 entity_P=0.75 event_R=0.50 relation_R=0.60 fragmented=0 conflated=0\n")
    );
    let json = run_eval(&data("gold.json"), &graph, true).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["entities"]["recall"], 0.5625);
    assert_eq!(value["entities"]["per_type"]["COMPANY"]["found"], 4);
    assert_eq!(value["events"]["mode_accuracy"], 0.5);
    assert_eq!(value["events"]["unmatched"][0], "STATEMENT(Reuters -> -)");
    assert_eq!(value["relations"]["precision"], 0.75);
}

// ---------------------------------------------------------------------------
// Bad gold files
// ---------------------------------------------------------------------------

/// Writes `content` to a gold file in a fresh directory and loads it.
fn load_bad(content: &[u8]) -> (PathBuf, Error, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad-gold.json");
    std::fs::write(&path, content).unwrap();
    let err = Gold::load(&path).expect_err("a bad gold file loads");
    (path, err, dir)
}

#[test]
fn bad_gold_files_are_errors_naming_the_file() {
    for (content, says) in [
        (&b"{\"entities\": [ {\"name\": \"Alibaba\""[..], "EOF while parsing"),
        (b"not json", "expected"),
        (b"{\"events\": []}", "missing field `entities`"),
        (b"{\"entities\": [{\"name\": \"Alibaba\", \"type\": \"COMPANY\"}]}", "missing field `aliases`"),
        (
            b"{\"entities\": [{\"name\": \"A\", \"type\": \"COMPANY\", \"aliases\": [], \"required\": \"yes\"}]}",
            "invalid type",
        ),
        (
            b"{\"entities\": [], \"events\": [{\"id\": \"x\", \"types\": \"ACCUSE\", \"agent\": [], \"target\": []}]}",
            "invalid type",
        ),
        (
            b"{\"entities\": [{\"name\": \"A\", \"type\": \"COMPANY\", \"aliases\": []}], \
               \"relations\": [{\"source\": \"A\", \"types\": [\"PART_OF\"], \"target\": \"B\", \"required\": true}]}",
            "relation 1 (A -> B): target \"B\" is not the name of a gold entity",
        ),
        (b"{\"entities\": [\xff]}", "not valid UTF-8 (byte offset 14)"),
    ] {
        let (path, err, _dir) = load_bad(content);
        assert!(matches!(&err, Error::Gold { path: p, .. } if p == &path), "{err:?}");
        let message = err.to_string();
        assert!(message.starts_with(&format!("gold file {}: ", path.display())), "{message}");
        assert!(message.contains(says), "{message} does not say {says:?}");
    }
}

#[test]
fn a_missing_gold_file_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.json");
    let err = run_eval(&path, &Graph::default(), false).expect_err("no gold file");
    assert!(matches!(&err, Error::NotFound { path: p } if p == &path), "{err:?}");
    assert!(err.to_string().contains("nowhere.json"));
}

#[test]
fn from_json_str_names_the_given_path() {
    let err = Gold::from_json_str("42", "gold/hidden.json").expect_err("a number is no gold");
    assert!(err.to_string().starts_with("gold file gold/hidden.json: invalid type"), "{err}");
    let gold = Gold::from_json_str(r#"{"entities": []}"#, "x.json").unwrap();
    assert!(gold.events.is_empty() && gold.relations.is_empty());
}

#[test]
fn the_example_in_the_gold_format_doc_parses() {
    let doc_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gold-format.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let start = doc.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the end of the example");
    let gold = Gold::from_json_str(&doc[start..end], &doc_path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(gold.entities.len(), 4);
    assert_eq!(gold.events[1].target, [None]);
}

//! The JSON export contract (field names exactly as ONTOLOGY.md) and the DOT
//! export (escaping, layout choices, and that Graphviz accepts it).

mod common;

use common::{fixture, have_dot};
use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::json::to_json;
use newsgraph::model::Graph;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

#[test]
fn json_field_names_follow_the_contract() {
    let fx = fixture();
    let json: Value = serde_json::from_str(&to_json(&fx.graph).unwrap()).unwrap();

    assert_eq!(keys(&json), set(&["documents", "entities", "events", "relations", "mentions"]));
    // Extra fields are allowed by the contract; `date` is newsgraph's one extra.
    assert_eq!(keys(&json["documents"][0]), set(&["id", "path", "lang", "title", "sha256", "date"]));
    assert_eq!(
        keys(&json["entities"][0]),
        set(&["id", "name", "type", "country", "sector", "aliases", "documents", "mentions"])
    );
    assert_eq!(
        keys(&json["events"][0]),
        set(&[
            "id",
            "type",
            "mode",
            "context",
            "cameo",
            "agent",
            "target",
            "date",
            "modality",
            "reported_by",
            "documents",
            "evidence"
        ])
    );
    assert_eq!(keys(&json["events"][0]["evidence"][0]), set(&["document", "start", "end", "text"]));
    assert_eq!(keys(&json["relations"][0]), set(&["id", "source", "type", "target", "documents", "evidence"]));
    assert_eq!(keys(&json["mentions"][0]), set(&["document", "start", "end", "entity", "type", "text"]));

    // Values have the contract's types.
    let entity = &json["entities"][1];
    assert_eq!(entity["id"], "e2");
    assert_eq!(entity["type"], "AGENCY");
    assert_eq!(entity["country"], "USA");
    assert!(entity["mentions"].is_u64());
    let event = &json["events"][0];
    assert_eq!(event["type"], "ACCUSE");
    assert_eq!(event["modality"], "asserted");
    assert_eq!(event["agent"], serde_json::json!(["e2"]));
    assert_eq!(json["events"][1]["mode"], Value::Null);
    assert_eq!(json["relations"][0]["type"], "SUBSIDIARY_OF");
    assert_eq!(json["mentions"][0]["type"], "AGENCY");

    // Evidence offsets are byte offsets into the document text.
    for event in json["events"].as_array().unwrap() {
        for evidence in event["evidence"].as_array().unwrap() {
            let doc = fx.docs.iter().find(|d| d.id == evidence["document"]).unwrap();
            let (start, end) =
                (evidence["start"].as_u64().unwrap() as usize, evidence["end"].as_u64().unwrap() as usize);
            assert_eq!(evidence["text"], doc.text[start..end]);
        }
    }
}

#[test]
fn json_has_no_mentions_unless_asked() {
    let fx = fixture();
    let graph = Graph { mentions: None, ..fx.graph };
    let json: Value = serde_json::from_str(&to_json(&graph).unwrap()).unwrap();
    assert!(json.get("mentions").is_none());
}

#[test]
fn json_is_byte_identical_for_identical_input() {
    let a = to_json(&fixture().graph).unwrap();
    let b = to_json(&fixture().graph).unwrap();
    assert_eq!(a, b);
    assert!(a.ends_with("}\n"));
}

/// The example of the contract in ../shared/ONTOLOGY.md (when the shared
/// folder is beside the repository) reads into the model and writes back
/// with every field it had.
#[test]
fn json_reads_and_writes_the_ontology_example() {
    let ontology = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ONTOLOGY.md");
    let Ok(text) = std::fs::read_to_string(&ontology) else {
        eprintln!("skipped: {} not found", ontology.display());
        return;
    };
    let Some(example) = text.split("```json").nth(1).and_then(|rest| rest.split("```").next()) else {
        panic!("no json example in {}", ontology.display());
    };
    let graph: Graph = serde_json::from_str(example).expect("the contract's example parses as a Graph");
    let original: Value = serde_json::from_str(example).unwrap();
    let written: Value = serde_json::from_str(&to_json(&graph).unwrap()).unwrap();
    fn covers(original: &Value, written: &Value, at: &str) {
        match (original, written) {
            (Value::Object(o), Value::Object(w)) => {
                for (key, value) in o {
                    let Some(w_value) = w.get(key) else { panic!("{at}.{key} is missing from the export") };
                    covers(value, w_value, &format!("{at}.{key}"));
                }
            }
            (Value::Array(o), Value::Array(w)) => {
                assert_eq!(o.len(), w.len(), "{at}");
                for (i, (o, w)) in o.iter().zip(w).enumerate() {
                    covers(o, w, &format!("{at}[{i}]"));
                }
            }
            (o, w) => assert_eq!(o, w, "{at}"),
        }
    }
    covers(&original, &written, "$");
}

#[test]
fn dot_escapes_names() {
    let dot = to_dot(&fixture().graph, &DotOptions::default());
    // Quotes, backslashes and line breaks in a name.
    assert!(dot.contains(r#"label="Quote\\Corp \"QC\"\nLtd""#), "{dot}");
    // Non-ASCII stays UTF-8 (Türkei is isolated, so only with --isolated).
    let dot = to_dot(&fixture().graph, &DotOptions { isolated: true, ..DotOptions::default() });
    assert!(dot.contains(r#"label="Türkei""#), "{dot}");
}

#[test]
fn dot_draws_events_relations_and_a_legend() {
    let dot = to_dot(&fixture().graph, &DotOptions::default());
    // One agent, one target: a labelled edge with type/mode, date, articles, source.
    assert!(dot.contains(r#""e2" -> "e1" [label="ACCUSE/investigate 2021\n2 articles, via Reuters""#), "{dot}");
    // Several agents: an event node with edges from the agents and to the target.
    assert!(dot.contains(r#""event:v10" [label="SANCTION/discontinue 2021-07-14 (alleged)\n1 article""#), "{dot}");
    assert!(dot.contains(r#""e2" -> "event:v10""#));
    assert!(dot.contains(r#""e4" -> "event:v10""#));
    assert!(dot.contains(r#""event:v10" -> "e3""#));
    // An event with an agent and no target is a node too.
    assert!(dot.contains(r#""event:v2" [label="DENY\n1 article""#));
    // Relations are dashed, labelled with their type and number of articles.
    assert!(dot.contains(r#""e3" -> "e1" [label="SUBSIDIARY_OF\n1 article", style="dashed""#), "{dot}");
    // Node style by type.
    assert!(dot.contains(r#""e2" [label="U.S. Department of Commerce", shape=hexagon"#), "{dot}");
    // The legend names every type and edge style.
    assert!(dot.contains("subgraph cluster_0"));
    assert!(dot.contains(r#"label="Legend""#));
    for etype in ["PERSON", "COMPANY", "AGENCY", "ORGANIZATION", "COUNTRY", "LOCATION", "GROUP", "PRODUCT"] {
        assert!(dot.contains(&format!(r#""legend:{etype}" [label="{etype}""#)), "{etype}");
    }
    assert!(dot.contains("relation (SUBSIDIARY_OF"));
}

#[test]
fn dot_leaves_out_isolated_entities_and_says_so() {
    let dot = to_dot(&fixture().graph, &DotOptions::default());
    assert!(!dot.contains(r#""e11""#), "Türkei takes part in nothing");
    assert!(!dot.contains(r#""e10""#), "Reuters only reports: named in the edge label");
    assert!(dot.contains("// 2 entities in no event or relation not drawn"));
    assert!(dot.contains("not drawn (export dot --isolated)"), "the legend says so");
    let dot = to_dot(&fixture().graph, &DotOptions { isolated: true, ..DotOptions::default() });
    assert!(dot.contains(r#""e11" [label="Türkei""#));
}

#[test]
fn dot_is_byte_identical_for_identical_input() {
    let mut shuffled = fixture().graph;
    shuffled.entities.reverse();
    shuffled.events.reverse();
    assert_eq!(
        to_dot(&fixture().graph, &DotOptions::default()),
        to_dot(&shuffled, &DotOptions::default()),
        "order follows ids, not input order"
    );
}

fn render(dot: &str) -> std::process::Output {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn graphviz_renders_the_dot() {
    if !have_dot() {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    }
    for graph in [fixture().graph, Graph::default()] {
        for isolated in [false, true] {
            let output = render(&to_dot(&graph, &DotOptions { isolated, ..DotOptions::default() }));
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "dot failed: {stderr}");
            assert!(!stderr.contains("Warning") && !stderr.contains("Error"), "{stderr}");
            let svg = String::from_utf8_lossy(&output.stdout);
            assert!(svg.contains("<svg"));
            if !graph.entities.is_empty() {
                assert!(svg.contains("Quote\\Corp &quot;QC&quot;"), "the escaped name renders as written");
            }
        }
    }
}

//! Data-driven tests of the analysis stages: each case in `tests/cases/*.toml`
//! is a short passage and what newsgraph must (and must not) find in it.
//! Run one file with `cargo test --test stages -- entities`.

use newsgraph::model::{Document, Graph};
use newsgraph::{pipeline, Lexicon};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    /// More articles of the same corpus, each a document of its own: what
    /// must hold across documents (an entity named differently in each).
    #[serde(default)]
    more: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    /// "Name|TYPE" that must be entities (name or alias, case-insensitive);
    /// "Name = Other|TYPE": both names must be one entity.
    #[serde(default)]
    entities: Vec<String>,
    /// "Name|TYPE" that must be an entity's display name exactly (not just
    /// one of its aliases).
    #[serde(default)]
    named: Vec<String>,
    /// Names that must not be entities ("Name|TYPE": not of that type);
    /// "Name = Other": not one entity.
    #[serde(default)]
    not_entities: Vec<String>,
    /// "TYPE[/mode]: agent1+agent2 -> target1+target2 [modality] @date" — each
    /// listed agent and target must be among the event's; "-" for none.
    #[serde(default)]
    events: Vec<String>,
    /// Events in the same notation that must not be found.
    #[serde(default)]
    not_events: Vec<String>,
    /// "SOURCE TYPE TARGET" relations, by entity name.
    #[serde(default)]
    relations: Vec<String>,
    /// Relations in the same notation that must not be found.
    #[serde(default)]
    not_relations: Vec<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon loads"))
}

fn graph_of(case: &Case) -> Graph {
    let docs: Vec<Document> = std::iter::once(&case.text)
        .chain(&case.more)
        .enumerate()
        .map(|(i, text)| Document {
            id: if i == 0 { "case".into() } else { format!("case{i}") },
            path: format!("case{i}.txt"),
            text: text.clone(),
            sha256: String::new(),
            title: String::new(),
            date: case.date.clone(),
            lang_hint: None,
            body_start: 0,
        })
        .collect();
    let analyses: Vec<_> = docs.iter().map(|doc| pipeline::analyze(doc, lexicon())).collect();
    pipeline::assemble(&docs, &analyses, lexicon())
}

/// The entity a name refers to, by name or alias, folded the way the scorer
/// folds names (case, punctuation, diacritics, a final genitive s).
fn find_entity<'g>(graph: &'g Graph, name: &str) -> Option<&'g newsgraph::model::Entity> {
    let wanted = newsgraph::eval::keys(name);
    graph.entities.iter().find(|e| {
        std::iter::once(&e.name).chain(&e.aliases).any(|n| newsgraph::eval::keys(n).iter().any(|k| wanted.contains(k)))
    })
}

fn describe(graph: &Graph) -> String {
    let name = |id: &String| graph.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or_default();
    let mut out = String::from("entities:\n");
    for e in &graph.entities {
        out += &format!("  {}|{} {:?}\n", e.name, e.etype, e.aliases);
    }
    out += "events:\n";
    for v in &graph.events {
        let agents: Vec<String> = v.agent.iter().map(name).collect();
        let targets: Vec<String> = v.target.iter().map(name).collect();
        out += &format!(
            "  {}/{}: {} -> {} [{}] @{}\n",
            v.etype,
            v.mode.as_deref().unwrap_or("-"),
            agents.join("+"),
            targets.join("+"),
            v.modality,
            v.date.as_deref().unwrap_or("-")
        );
    }
    out += "relations:\n";
    for r in &graph.relations {
        out += &format!("  {} {} {}\n", name(&r.source), r.rtype, name(&r.target));
    }
    out
}

fn check_event(graph: &Graph, spec: &str) -> bool {
    let (head, rest) = spec.split_once(':').expect("event spec has 'TYPE: agents -> targets'");
    let (etype, mode) = match head.split_once('/') {
        Some((t, m)) => (t.trim(), Some(m.trim())),
        None => (head.trim(), None),
    };
    let mut rest = rest.trim().to_string();
    let mut date = None;
    if let Some((r, d)) = rest.clone().split_once('@') {
        rest = r.trim().to_string();
        date = Some(d.trim().to_string());
    }
    let mut modality = None;
    if let (Some(open), Some(close)) = (rest.find('['), rest.find(']')) {
        modality = Some(rest[open + 1..close].trim().to_string());
        rest = rest[..open].trim().to_string();
    }
    let (agents, targets) = rest.split_once("->").expect("event spec has '->'");
    let ids_of = |names: &str| -> Option<Vec<String>> {
        names
            .split('+')
            .map(str::trim)
            .filter(|n| *n != "-" && !n.is_empty())
            .map(|n| find_entity(graph, n).map(|e| e.id.clone()))
            .collect()
    };
    let (Some(agents), Some(targets)) = (ids_of(agents), ids_of(targets)) else { return false };
    graph.events.iter().any(|v| {
        v.etype.as_str() == etype
            && mode.is_none_or(|m| v.mode.as_deref() == Some(m))
            && agents.iter().all(|a| v.agent.contains(a))
            && targets.iter().all(|t| v.target.contains(t))
            && modality.as_deref().is_none_or(|m| v.modality.as_str() == m)
            && date.as_deref().is_none_or(|d| v.date.as_deref() == Some(d))
    })
}

fn run(file: &str) {
    let source =
        std::fs::read_to_string(format!("{}/tests/cases/{file}.toml", env!("CARGO_MANIFEST_DIR"))).expect("case file");
    let cases: Cases = toml::from_str(&source).expect("case file parses");
    let mut failures = Vec::new();
    for case in &cases.case {
        let graph = graph_of(case);
        let mut problems = Vec::new();
        for spec in &case.entities {
            let (names, etype) = spec.split_once('|').unwrap_or((spec, ""));
            let mut names = names.split(" = ");
            let name = names.next().unwrap_or_default();
            for other in names {
                let id = |n: &str| find_entity(&graph, n).map(|e| e.id.clone());
                if id(other).is_none() || id(other) != id(name) {
                    problems.push(format!("{name} and {other} are not one entity"));
                }
            }
            match find_entity(&graph, name) {
                None => problems.push(format!("missing entity {spec}")),
                Some(e) if !etype.is_empty() && e.etype.as_str() != etype => {
                    problems.push(format!("entity {name} typed {} not {etype}", e.etype))
                }
                _ => {}
            }
        }
        for spec in &case.named {
            let (name, etype) = spec.split_once('|').unwrap_or((spec, ""));
            if !graph.entities.iter().any(|e| e.name == name && (etype.is_empty() || e.etype.as_str() == etype)) {
                problems.push(format!("no entity named {spec}"));
            }
        }
        for name in &case.not_entities {
            if let Some((a, b)) = name.split_once(" = ") {
                let id = |n: &str| find_entity(&graph, n).map(|e| e.id.clone());
                if id(a).is_some() && id(a) == id(b) {
                    problems.push(format!("{a} and {b} are one entity"));
                }
            } else {
                // "Name|TYPE": no entity of that name has that type.
                let (bare, etype) = name.split_once('|').unwrap_or((name, ""));
                let wanted = newsgraph::eval::keys(bare);
                let spurious = graph.entities.iter().any(|e| {
                    (etype.is_empty() || e.etype.as_str() == etype)
                        && std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .any(|n| newsgraph::eval::keys(n).iter().any(|k| wanted.contains(k)))
                });
                if spurious {
                    problems.push(format!("spurious entity {name}"));
                }
            }
        }
        for spec in &case.events {
            if !check_event(&graph, spec) {
                problems.push(format!("missing event {spec}"));
            }
        }
        for spec in &case.not_events {
            if check_event(&graph, spec) {
                problems.push(format!("spurious event {spec}"));
            }
        }
        let has_relation = |spec: &String| {
            graph.relations.iter().any(|r| {
                let name = |id: &String| {
                    graph.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or_default()
                };
                format!("{} {} {}", name(&r.source), r.rtype, name(&r.target)) == *spec
            })
        };
        for spec in &case.relations {
            if !has_relation(spec) {
                problems.push(format!("missing relation {spec}"));
            }
        }
        for spec in &case.not_relations {
            if has_relation(spec) {
                problems.push(format!("spurious relation {spec}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("case '{}':\n  {}\n{}", case.name, problems.join("\n  "), describe(&graph)));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), cases.case.len(), failures.join("\n"));
}

#[test]
fn entities() {
    run("entities");
}

#[test]
fn events() {
    run("events");
}

#[test]
fn relations() {
    run("relations");
}

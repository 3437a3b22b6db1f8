//! The graph questions (path, neighbors, timeline, components, degree,
//! PageRank), the diagram selection, and the DOT, GraphML and CSV exports,
//! on a hand-built graph shaped like the seeds whose answers are worked out
//! by hand, and on a synthetic graph of 10,000 articles. DOT snapshots live
//! in tests/data/ (refresh with `UPDATE_EXPECT=1 cargo test --test graph`).
//! When Graphviz's `dot` is on the PATH, every diagram kind is rendered and
//! must render without error.

mod common;
#[path = "common/seedlike.rs"]
mod seedlike;
#[path = "common/synthetic.rs"]
mod synthetic;

use newsgraph::export::csv::{to_nodes_csv, to_relationships_csv, NODES_HEADER, RELATIONSHIPS_HEADER};
use newsgraph::export::dot::{to_dot, to_dot_selection, Cluster, DotOptions, Layout};
use newsgraph::export::graphml::{to_graphml, KEYS};
use newsgraph::export::render::{graphviz_available, render, RenderFormat};
use newsgraph::graph::{select, Filter, GraphView, DEFAULT_EDGES_PER_NODE, DEFAULT_MAX_NODES};
use newsgraph::model::{EntityType, EventType, Graph};
use std::collections::BTreeSet;
use std::path::Path;

fn graph() -> Graph {
    seedlike::seedlike().1
}

fn check_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_EXPECT=1", path.display()));
    if expected != actual {
        panic!("{} differs (UPDATE_EXPECT=1 refreshes it):\n{actual}", path.display());
    }
}

fn names(view: &GraphView<'_>, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| view.entities().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or_else(|| id.clone()))
        .collect()
}

// ---------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------

#[test]
fn path_from_jack_ma_to_the_office_of_intelligence_and_security() {
    let graph = graph();
    let view = GraphView::new(&graph);
    let path = view.shortest_path(&["e3"], &["e5"]).expect("connected");
    let steps: Vec<(String, &str, &str, &str, String)> = path
        .hops
        .iter()
        .map(|h| (h.from.name.clone(), h.link.id.as_str(), h.link.from_role, h.link.to_role, h.to.name.clone()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("Jack Ma".into(), "r1", "source", "target", "Alibaba Group".into()),
            // The relation is preferred to the event in which both are targets.
            ("Alibaba Group".into(), "r2", "target", "source", "Alibaba Cloud".into()),
            ("Alibaba Cloud".into(), "v2", "target", "agent", "Office of Intelligence and Security".into()),
        ]
    );
    // Every hop carries its evidence sentence.
    let evidence: Vec<&str> = path.hops.iter().map(|h| h.link.evidence.as_ref().unwrap().text.as_str()).collect();
    assert_eq!(
        evidence,
        [
            "Jack Ma founded Alibaba Group.",
            "Alibaba Cloud is a subsidiary of Alibaba Group.",
            "The Office of Intelligence and Security is investigating Alibaba Cloud."
        ]
    );
    assert_eq!(path.hops[1].also, ["v1"], "the co-target event links them too");
    assert_eq!(path.hops[2].link.label(), "ACCUSE/investigate 2021");
}

#[test]
fn path_edge_cases() {
    let graph = graph();
    let view = GraphView::new(&graph);
    // The same entity: no hops.
    assert_eq!(view.shortest_path(&["e1"], &["e1"]).unwrap().hops.len(), 0);
    // Different components.
    assert!(view.shortest_path(&["e3"], &["e8"]).is_none());
    // An isolated entity and an unknown id.
    assert!(view.shortest_path(&["e12"], &["e1"]).is_none());
    assert!(view.shortest_path(&["nope"], &["e1"]).is_none());
    // Co-targets of one event are one hop apart.
    let path = view.shortest_path(&["e8"], &["e9"]).unwrap();
    assert_eq!(path.hops.len(), 1);
    assert_eq!((path.hops[0].link.id.as_str(), path.hops[0].link.from_role), ("v3", "target"));
    // Homonyms: the nearest of several sources.
    let path = view.shortest_path(&["e3", "e4"], &["e5"]).unwrap();
    assert_eq!(path.from.id, "e4");
    assert_eq!(path.hops[0].link.id, "r3");
}

#[test]
fn neighbors_to_depth_one_and_two() {
    let graph = graph();
    let view = GraphView::new(&graph);
    let found = |depth| -> Vec<(usize, String)> {
        view.neighbors(&["e2"], depth).into_iter().map(|n| (n.distance, n.entity.name)).collect()
    };
    let depth1 = vec![
        (1, "Alibaba Group".to_string()),
        (1, "Office of Intelligence and Security".to_string()),
        (1, "U.S. Department of Commerce".to_string()),
    ];
    assert_eq!(found(1), depth1);
    let mut depth2 = depth1.clone();
    depth2.extend([(2, "Ant Group".to_string()), (2, "Jack Ma".to_string()), (2, "Silicon Valley".to_string())]);
    assert_eq!(found(2), depth2);
    assert_eq!(found(0), vec![]);
    // Each neighbor says what links it to the entity one hop nearer, best first.
    let neighbors = view.neighbors(&["e2"], 1);
    let group = &neighbors[0];
    let via: Vec<&str> = group.via.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(via, ["r2", "v1"], "a direct link before taking part in the same event");
    assert_eq!(group.via[0].entity.as_ref().unwrap().id, "e2");
}

#[test]
fn timeline_orders_by_date_with_undated_last() {
    let graph = graph();
    let view = GraphView::new(&graph);
    let timeline = |ids: &[&str]| -> Vec<(String, Option<String>, Vec<String>)> {
        view.timeline(ids).into_iter().map(|t| (t.event.id, t.event.date, t.roles)).collect()
    };
    let s = |x: &str| x.to_string();
    assert_eq!(
        timeline(&["e1"]),
        vec![
            (s("v5"), Some(s("2015")), vec![s("agent")]),
            (s("v1"), Some(s("2021-07")), vec![s("target")]),
            (s("v4"), None, vec![s("agent")]),
        ]
    );
    // A coarse date comes before finer dates within it.
    assert_eq!(
        timeline(&["e2"]),
        vec![(s("v2"), Some(s("2021")), vec![s("target")]), (s("v1"), Some(s("2021-07")), vec![s("target")])]
    );
    // A reporter's timeline.
    assert_eq!(timeline(&["e6"]), vec![(s("v1"), Some(s("2021-07")), vec![s("reported_by")])]);
    assert!(timeline(&["e12"]).is_empty());
}

#[test]
fn components_degree_and_pagerank() {
    let graph = graph();
    let view = GraphView::new(&graph);
    let components = view.components();
    let sizes: Vec<usize> = components.components.iter().map(Vec::len).collect();
    assert_eq!(sizes, [7, 3]);
    let second: Vec<&str> = components.components[1].iter().map(|e| e.id.as_str()).collect();
    assert_eq!(second, ["e7", "e8", "e9"]);
    let isolated: Vec<&str> = components.isolated.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(isolated, ["Reuters", "Türkei"], "a reporter only is in no edge");

    // Alibaba Group: r1, r2, r4, v1, v4, v5.
    assert_eq!(view.degree("e1"), 6);
    assert_eq!(view.degree("e2"), 3);
    assert_eq!(view.degree("e12"), 0);
    assert_eq!(view.degree("unknown"), 0);
    let top: Vec<(String, usize)> = view.top_by_degree(3).into_iter().map(|r| (r.entity.id, r.degree)).collect();
    assert_eq!(top, [("e1".to_string(), 6), ("e2".to_string(), 3), ("e4".to_string(), 2)]);

    let ranks = view.pagerank();
    let total: f64 = ranks.iter().map(|(_, r)| r).sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
    let top: Vec<String> = view.top_by_pagerank(3).into_iter().map(|r| r.entity.name).collect();
    assert_eq!(top[0], "Alibaba Group", "everything points at Alibaba Group");
    // Deterministic to the bit.
    assert_eq!(format!("{:?}", view.pagerank()), format!("{:?}", GraphView::new(&graph).pagerank()));
    // Ties go to the smaller id: China and Russia are targets of the same event.
    let china_russia: Vec<String> = view
        .top_by_pagerank(20)
        .into_iter()
        .filter(|r| r.entity.etype == EntityType::Country)
        .map(|r| r.entity.id)
        .collect();
    assert_eq!(china_russia, ["e8", "e9"]);

    let reported: Vec<(String, usize)> =
        view.most_reported_events(2).into_iter().map(|e| (e.id, e.n_documents)).collect();
    assert_eq!(reported, [("v1".to_string(), 2), ("v2".to_string(), 1)]);
}

#[test]
fn lookup_by_any_alias_in_any_language_and_case() {
    let graph = graph();
    let view = GraphView::new(&graph);
    for (name, expected) in [
        ("us-handelsministerium", "e4"),
        ("COMMERCE DEPARTMENT", "e4"),
        ("U.S. Department of Commerce", "e4"),
        ("US Department of Commerce", "e4"), // folded: punctuation ignored
        ("alibaba", "e1"),
        ("Russland", "e9"),
        ("turkey", "e12"),
    ] {
        let found: Vec<&str> = view.find(name).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(found, [expected], "{name}");
    }
    assert!(view.find("Nobody").is_empty());
    assert!(view.find("  ").is_empty());
}

// ---------------------------------------------------------------------------
// Selection
// ---------------------------------------------------------------------------

fn drawn(graph: &Graph, filter: &Filter) -> (Vec<String>, Vec<String>, Vec<String>) {
    let selection = select(graph, filter);
    let view = &selection.view;
    (
        view.entities().map(|e| e.id.clone()).collect(),
        view.events().iter().map(|e| e.event.id.clone()).collect(),
        view.relations().iter().map(|r| r.id.clone()).collect(),
    )
}

fn ids(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn selection_without_filters_draws_everything_connected() {
    let graph = graph();
    let (entities, events, relations) = drawn(&graph, &Filter::default());
    assert_eq!(entities, ids(&["e1", "e2", "e3", "e4", "e5", "e7", "e8", "e9", "e10", "e11"]));
    assert_eq!(events, ids(&["v1", "v2", "v3", "v4", "v5"]));
    assert_eq!(relations, ids(&["r1", "r2", "r3", "r4"]));
    let selection = select(&graph, &Filter::default());
    assert_eq!(selection.omitted.isolated, 2);
    assert!(!selection.omitted.filtered);
    let (entities, _, _) = drawn(&graph, &Filter { isolated: true, ..Filter::default() });
    assert_eq!(entities.len(), 12);
}

#[test]
fn selection_of_an_ego_network() {
    let graph = graph();
    let focus = |depth| Filter { focus: ids(&["e2"]), depth, ..Filter::default() };
    let (entities, events, relations) = drawn(&graph, &focus(1));
    assert_eq!(entities, ids(&["e1", "e2", "e4", "e5"]));
    // v4 (Alibaba denies, no target) is inside; v5 reaches Silicon Valley, outside.
    assert_eq!(events, ids(&["v1", "v2", "v4"]));
    assert_eq!(relations, ids(&["r2", "r3"]), "r3 links two members");
    let (entities, _, relations) = drawn(&graph, &focus(2));
    assert_eq!(entities, ids(&["e1", "e2", "e3", "e4", "e5", "e10", "e11"]));
    assert_eq!(relations, ids(&["r1", "r2", "r3", "r4"]));
    // Depth 0: the focus and what it does alone.
    let (entities, events, _) = drawn(&graph, &focus(0));
    assert_eq!((entities, events), (ids(&["e2"]), ids(&[])));
    // An isolated focus is still drawn.
    let (entities, _, _) = drawn(&graph, &Filter { focus: ids(&["e12"]), depth: 2, ..Filter::default() });
    assert_eq!(entities, ids(&["e12"]));
}

#[test]
fn selection_filters() {
    let graph = graph();
    // Entity types: companies only (agencies gone, so v1 and v2 lose their agents).
    let (entities, events, relations) =
        drawn(&graph, &Filter { entity_types: vec![EntityType::Company], ..Filter::default() });
    assert_eq!(entities, ids(&["e1", "e2", "e11"]));
    assert_eq!(events, ids(&["v4"]));
    assert_eq!(relations, ids(&["r2", "r4"]));
    // Event types: relations stay only next to an entity of a kept event.
    let (entities, events, relations) =
        drawn(&graph, &Filter { event_types: vec![EventType::Sanction], ..Filter::default() });
    assert_eq!(entities, ids(&["e7", "e8", "e9"]));
    assert_eq!(events, ids(&["v3"]));
    assert!(relations.is_empty());
    // Dates: undated events go; a coarse date overlaps.
    let (_, events, _) = drawn(&graph, &Filter { since: Some("2021-03".into()), ..Filter::default() });
    assert_eq!(events, ids(&["v1", "v2"]));
    let (_, events, _) = drawn(&graph, &Filter { until: Some("2020".into()), ..Filter::default() });
    assert_eq!(events, ids(&["v3", "v5"]));
    // Sources.
    let (entities, events, relations) = drawn(&graph, &Filter { min_sources: 2, ..Filter::default() });
    assert_eq!(events, ids(&["v1"]));
    assert_eq!(entities, ids(&["e1", "e2", "e3", "e4", "e5", "e11"]));
    assert_eq!(relations, ids(&["r1", "r2", "r3", "r4"]));
}

#[test]
fn selection_caps_nodes_and_edges_and_says_so() {
    let graph = graph();
    let selection = select(&graph, &Filter { max_nodes: Some(3), ..Filter::default() });
    let kept: Vec<&str> = selection.view.entities().map(|e| e.id.as_str()).collect();
    assert_eq!(kept, ["e1", "e2", "e4"], "the three with most edges");
    let cut = selection.omitted.by_max_nodes.unwrap();
    assert_eq!((cut.limit, cut.before, cut.entities), (3, 10, 7));
    let notes = selection.notes();
    assert!(
        notes[0].starts_with("--max-nodes 3: drew the 3 most central of 10 entities; left out 7 entities"),
        "{notes:?}"
    );

    // With a focus, the focus and its nearest come first.
    let selection = select(&graph, &Filter { focus: ids(&["e3"]), depth: 3, max_nodes: Some(2), ..Filter::default() });
    let kept: Vec<&str> = selection.view.entities().map(|e| e.id.as_str()).collect();
    assert_eq!(kept, ["e1", "e3"]);

    let selection = select(&graph, &Filter { max_edges: Some(2), ..Filter::default() });
    let events: Vec<&str> = selection.view.events().iter().map(|e| e.event.id.as_str()).collect();
    let relations: Vec<&str> = selection.view.relations().iter().map(|r| r.id.as_str()).collect();
    assert_eq!((events, relations), (vec!["v1", "v2"], vec![]), "most articles, then two-sided, then id");
    let cut = selection.omitted.by_max_edges.unwrap();
    assert_eq!((cut.before, cut.events, cut.relations), (9, 3, 4));
    assert!(selection.notes().iter().any(|n| n.starts_with("--max-edges 2:")));
    // Nothing cut: no note about it.
    let selection = select(&graph, &Filter { max_nodes: Some(100), max_edges: Some(300), ..Filter::default() });
    assert!(selection.omitted.by_max_nodes.is_none() && selection.omitted.by_max_edges.is_none());
}

// ---------------------------------------------------------------------------
// DOT
// ---------------------------------------------------------------------------

/// Every kind of diagram, by name: (file name, filter, options).
fn diagram_kinds() -> Vec<(&'static str, Filter, DotOptions)> {
    let focus = Filter { focus: ids(&["e2"]), depth: 1, ..Filter::default() };
    vec![
        ("seedlike.dot", Filter::default(), DotOptions::default()),
        ("seedlike-focus.dot", focus.clone(), DotOptions::default()),
        (
            "seedlike-focus-country-tb.dot",
            Filter { depth: 2, ..focus.clone() },
            DotOptions { cluster: Cluster::Country, layout: Layout::TopBottom, ..DotOptions::default() },
        ),
        (
            "seedlike-filtered-by-type.dot",
            Filter {
                event_types: vec![EventType::Accuse, EventType::Sanction],
                max_nodes: Some(5),
                ..Filter::default()
            },
            DotOptions { cluster: Cluster::Type, ..DotOptions::default() },
        ),
        (
            "seedlike-isolated.dot",
            Filter { isolated: true, ..Filter::default() },
            DotOptions { isolated: true, ..DotOptions::default() },
        ),
    ]
}

#[test]
fn dot_snapshots_with_and_without_focus() {
    let graph = graph();
    for (name, filter, options) in diagram_kinds() {
        check_snapshot(name, &to_dot_selection(&graph, &select(&graph, &filter), &options));
    }
}

#[test]
fn dot_of_the_whole_graph_is_the_unfiltered_selection() {
    let graph = graph();
    let whole = to_dot(&graph, &DotOptions::default());
    assert_eq!(whole, to_dot_selection(&graph, &select(&graph, &Filter::default()), &DotOptions::default()));
    assert!(!whole.contains("// Drawn:"), "no filter, no drawn line");
}

#[test]
fn dot_of_a_focus_marks_it_and_says_what_is_drawn() {
    let graph = graph();
    let dot = to_dot_selection(
        &graph,
        &select(&graph, &Filter { focus: ids(&["e2"]), depth: 1, ..Filter::default() }),
        &DotOptions::default(),
    );
    assert!(dot.contains("// Drawn: 4 entities, 3 events, 2 relations around Alibaba Cloud."), "{dot}");
    assert!(dot.contains(r##""e2" [label="Alibaba Cloud", shape=box, fillcolor="#cfe2f3", tooltip="##), "{dot}");
    assert!(dot.contains("penwidth=3"), "the focus is drawn bold");
    // Edge labels carry type/mode, date and number of articles.
    assert!(dot.contains(r#"label="ACCUSE/investigate 2021\n1 article""#), "{dot}");
    assert!(dot.contains(r#"label="ACCUSE/investigate 2021-07\n2 articles, via Reuters""#), "{dot}");
}

#[test]
fn dot_clusters_by_country_and_type() {
    let graph = graph();
    let by = |cluster| to_dot(&graph, &DotOptions { cluster, ..DotOptions::default() });
    let country = by(Cluster::Country);
    for code in ["CHN", "USA", "RUS"] {
        assert!(country.contains(&format!("label=\"{code}\"")), "{code}");
    }
    let types = by(Cluster::Type);
    assert!(types.contains("label=\"AGENCY\"") && types.contains("label=\"COUNTRY\""));
    assert!(by(Cluster::None).matches("subgraph cluster").count() == 1, "only the legend");
    let tb = to_dot(&graph, &DotOptions { layout: Layout::TopBottom, ..DotOptions::default() });
    assert!(tb.contains("rankdir=TB;"));
}

fn render_ok(dot: &str, format: RenderFormat, what: &str) {
    let image = render(dot, format).unwrap_or_else(|e| panic!("{what}: {e}"));
    match format {
        RenderFormat::Svg => assert!(String::from_utf8_lossy(&image).contains("<svg"), "{what}"),
        RenderFormat::Png => assert!(image.starts_with(b"\x89PNG"), "{what}"),
        RenderFormat::Pdf => assert!(image.starts_with(b"%PDF"), "{what}"),
    }
}

#[test]
fn graphviz_renders_every_diagram_kind() {
    if !graphviz_available() {
        eprintln!("graphviz is not installed; skipping (CI installs it)");
        return;
    }
    let graph = graph();
    for (name, filter, options) in diagram_kinds() {
        let dot = to_dot_selection(&graph, &select(&graph, &filter), &options);
        render_ok(&dot, RenderFormat::Svg, name);
    }
    let dot = to_dot(&graph, &DotOptions::default());
    render_ok(&dot, RenderFormat::Png, "png");
    render_ok(&dot, RenderFormat::Pdf, "pdf");
    // The empty graph, and a focus on an isolated entity.
    render_ok(&to_dot(&Graph::default(), &DotOptions::default()), RenderFormat::Svg, "empty");
    let lone = select(&graph, &Filter { focus: ids(&["e12"]), ..Filter::default() });
    render_ok(&to_dot_selection(&graph, &lone, &DotOptions::default()), RenderFormat::Svg, "lone focus");
}

#[test]
fn graphviz_errors_are_reported() {
    if !graphviz_available() {
        return;
    }
    let error = render("digraph { a -> }", RenderFormat::Svg).unwrap_err().to_string();
    assert!(error.starts_with("graphviz `dot -Tsvg` failed: "), "{error}");
}

// ---------------------------------------------------------------------------
// A synthetic graph of 10,000 articles
// ---------------------------------------------------------------------------

#[test]
fn synthetic_graph_is_deterministic_and_large() {
    let (docs, graph) = synthetic::synthetic(10_000, 7);
    assert_eq!(docs.len(), 10_000);
    assert!(graph.entities.len() >= 3_000, "{}", graph.entities.len());
    assert!(graph.events.len() >= 20_000, "{}", graph.events.len());
    assert!(graph.events.iter().any(|e| e.documents.len() > 5), "popular events are told many times");
    let (_, again) = synthetic::synthetic(10_000, 7);
    assert!(graph == again);
    for doc in &docs[..50] {
        for event in graph.events.iter().filter(|e| e.documents.contains(&doc.id)) {
            for evidence in event.evidence.iter().filter(|x| x.document == doc.id) {
                assert_eq!(&doc.text[evidence.start..evidence.end], evidence.text);
            }
        }
    }
}

#[test]
fn synthetic_graph_diagram_respects_max_nodes_and_renders() {
    let (_, graph) = synthetic::synthetic(10_000, 7);
    let max_nodes = DEFAULT_MAX_NODES;
    let max_edges = max_nodes * DEFAULT_EDGES_PER_NODE;
    let filter = Filter { max_nodes: Some(max_nodes), max_edges: Some(max_edges), ..Filter::default() };
    let selection = select(&graph, &filter);
    let view = &selection.view;
    assert!(view.n_entities() <= max_nodes, "{}", view.n_entities());
    assert!(view.events().len() + view.relations().len() <= max_edges);
    assert!(view.n_entities() >= max_nodes / 2, "still a useful diagram: {}", view.n_entities());
    let notes = selection.notes();
    assert!(notes.iter().any(|n| n.starts_with(&format!("--max-nodes {max_nodes}: drew the"))), "{notes:?}");
    let dot = to_dot_selection(&graph, &selection, &DotOptions::default());
    assert_eq!(dot, to_dot_selection(&graph, &select(&graph, &filter), &DotOptions::default()), "deterministic");
    // Every drawn node is an entity of the selection.
    let drawn: BTreeSet<&str> = view.entities().map(|e| e.id.as_str()).collect();
    assert_eq!(drawn.len(), view.n_entities());

    // A focus on the most connected entity, two hops: still capped.
    let top = GraphView::new(&graph).top_by_degree(1)[0].entity.id.clone();
    let focused = select(&graph, &Filter { focus: vec![top.clone()], depth: 2, ..filter.clone() });
    assert!(focused.view.n_entities() <= max_nodes);
    assert!(focused.view.contains(&top));
    let focused_dot =
        to_dot_selection(&graph, &focused, &DotOptions { cluster: Cluster::Country, ..DotOptions::default() });

    // Regression: clusters linked to each other made dot fail with "trouble
    // in init_rank" until the DOT asked for newrank.
    let second = select(&graph, &Filter { focus: ids(&["e2"]), depth: 1, ..filter.clone() });
    let second_dot =
        to_dot_selection(&graph, &second, &DotOptions { cluster: Cluster::Country, ..DotOptions::default() });
    assert!(second_dot.contains("newrank=true;"));

    if graphviz_available() {
        render_ok(&dot, RenderFormat::Svg, "synthetic overview");
        render_ok(&focused_dot, RenderFormat::Svg, "synthetic focus");
        render_ok(&second_dot, RenderFormat::Svg, "synthetic focus on e2, clustered by country");
    }
}

// ---------------------------------------------------------------------------
// GraphML and CSV
// ---------------------------------------------------------------------------

#[test]
fn graphml_parses_back_with_typed_keys() {
    let mut graph = graph();
    // Text XML must escape, and a control character XML 1.0 forbids.
    graph.entities[5].name = "Reuters <\"R&D\"> 'news'\u{1}".into();
    let xml = to_graphml(&graph);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(root.tag_name().namespace(), Some("http://graphml.graphdrawing.org/xmlns"));

    let keys: Vec<(String, String, String, String)> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| {
            let a = |name| n.attribute(name).unwrap_or_default().to_string();
            (a("id"), a("for"), a("attr.name"), a("attr.type"))
        })
        .collect();
    let expected: Vec<(String, String, String, String)> =
        KEYS.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(keys, expected);
    for name in ["type", "country", "sector", "label"] {
        assert!(keys.iter().any(|k| k.1 == "node" && k.2 == name), "node key {name}");
    }
    for name in ["type", "mode", "date", "n_documents", "label"] {
        assert!(keys.iter().any(|k| k.1 == "edge" && k.2 == name), "edge key {name}");
    }
    let key_ids: BTreeSet<&str> = keys.iter().map(|k| k.0.as_str()).collect();

    let g = root.children().find(|n| n.has_tag_name("graph")).expect("a graph");
    assert_eq!(g.attribute("edgedefault"), Some("directed"));
    let nodes: Vec<_> = g.children().filter(|n| n.has_tag_name("node")).collect();
    let edges: Vec<_> = g.children().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(nodes.len(), 12);
    // v1: 1×2 pairs, v2: 1, v3: 1×2, v4: none (no target), v5: 1; 4 relations.
    assert_eq!(edges.len(), 2 + 1 + 2 + 1 + 4);
    let node_ids: BTreeSet<&str> = nodes.iter().filter_map(|n| n.attribute("id")).collect();
    let data = |node: &roxmltree::Node<'_, '_>, key: &str| -> Option<String> {
        node.children()
            .find(|d| d.has_tag_name("data") && d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .map(String::from)
    };
    for node in nodes.iter().chain(&edges) {
        for d in node.children().filter(|d| d.has_tag_name("data")) {
            assert!(key_ids.contains(d.attribute("key").unwrap()), "data refers to a declared key");
        }
    }
    for edge in &edges {
        assert!(node_ids.contains(edge.attribute("source").unwrap()));
        assert!(node_ids.contains(edge.attribute("target").unwrap()));
    }
    let reuters = nodes.iter().find(|n| n.attribute("id") == Some("e6")).unwrap();
    assert_eq!(data(reuters, "label").as_deref(), Some("Reuters <\"R&D\"> 'news' "));
    assert_eq!(data(reuters, "type").as_deref(), Some("COMPANY"));
    assert_eq!(data(reuters, "country").as_deref(), Some("GBR"));
    let china = nodes.iter().find(|n| n.attribute("id") == Some("e8")).unwrap();
    assert_eq!(data(china, "sector"), None, "no value, no data element");
    let v1 = edges.iter().find(|e| e.attribute("id") == Some("v1.2")).unwrap();
    assert_eq!((v1.attribute("source"), v1.attribute("target")), (Some("e4"), Some("e2")));
    assert_eq!(data(v1, "edge_type").as_deref(), Some("ACCUSE"));
    assert_eq!(data(v1, "edge_mode").as_deref(), Some("investigate"));
    assert_eq!(data(v1, "edge_date").as_deref(), Some("2021-07"));
    assert_eq!(data(v1, "edge_n_documents").as_deref(), Some("2"));
    assert_eq!(data(v1, "edge_kind").as_deref(), Some("event"));
    let r2 = edges.iter().find(|e| e.attribute("id") == Some("r2")).unwrap();
    assert_eq!(data(r2, "edge_type").as_deref(), Some("SUBSIDIARY_OF"));
    assert_eq!(data(r2, "edge_kind").as_deref(), Some("relation"));
    assert!(xml.contains("<!-- 1 events with only agents or only targets are not edges -->"));
    // Deterministic.
    assert_eq!(xml, to_graphml(&graph));
}

/// Splits one CSV line in RFC 4180 quoting (no line breaks inside fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[test]
fn csv_for_neo4j_admin_import() {
    let mut graph = graph();
    graph.entities[5].name = "Reuters, \"the agency\"\nLondon".into();
    let nodes = to_nodes_csv(&graph);
    let lines: Vec<&str> = nodes.lines().collect();
    assert_eq!(lines[0], ":ID,name,:LABEL,type,country,sector,aliases:string[],mentions:int,n_documents:int");
    assert_eq!(csv_fields(lines[0]), NODES_HEADER);
    assert_eq!(lines.len(), 1 + 12, "one line per entity, no line breaks inside fields");
    assert_eq!(
        csv_fields(lines[4]),
        [
            "e4",
            "U.S. Department of Commerce",
            "Entity;AGENCY",
            "AGENCY",
            "USA",
            "GOV",
            "Commerce Department;US-Handelsministerium",
            "2",
            "2"
        ]
    );
    assert_eq!(csv_fields(lines[6])[1], "Reuters, \"the agency\" London");
    for line in &lines {
        assert_eq!(csv_fields(line).len(), NODES_HEADER.len(), "{line}");
    }

    let relationships = to_relationships_csv(&graph);
    let lines: Vec<&str> = relationships.lines().collect();
    assert_eq!(lines[0], ":START_ID,:END_ID,:TYPE,id,kind,mode,date,modality,n_documents:int,evidence");
    assert_eq!(csv_fields(lines[0]), RELATIONSHIPS_HEADER);
    assert_eq!(lines.len(), 1 + 6 + 4);
    assert_eq!(
        csv_fields(lines[1]),
        [
            "e4",
            "e1",
            "ACCUSE",
            "v1",
            "event",
            "investigate",
            "2021-07",
            "asserted",
            "2",
            "The Commerce Department is investigating Alibaba, according to Reuters."
        ]
    );
    assert_eq!(csv_fields(lines[8])[..5], ["e2", "e1", "SUBSIDIARY_OF", "r2", "relation"]);
    let node_ids: BTreeSet<String> = nodes.lines().skip(1).map(|l| csv_fields(l)[0].clone()).collect();
    for line in &lines[1..] {
        let fields = csv_fields(line);
        assert_eq!(fields.len(), RELATIONSHIPS_HEADER.len(), "{line}");
        assert!(node_ids.contains(&fields[0]) && node_ids.contains(&fields[1]), "ends are nodes: {line}");
    }
    assert_eq!(relationships, to_relationships_csv(&graph), "deterministic");
}

#[test]
fn exports_of_the_empty_graph() {
    let empty = Graph::default();
    roxmltree::Document::parse(&to_graphml(&empty)).expect("well-formed");
    assert_eq!(to_nodes_csv(&empty).lines().count(), 1);
    assert_eq!(to_relationships_csv(&empty).lines().count(), 1);
    let view = GraphView::new(&empty);
    assert!(view.components().components.is_empty());
    assert!(view.top_by_pagerank(5).is_empty());
    let _ = names(&view, &[]);
}

#[test]
fn max_edges_prefers_distinct_pairs_to_parallel_links() {
    let mut graph = graph();
    // Three more investigations of Alibaba Group by Commerce, each told by three articles.
    let template = graph.events[0].clone();
    for i in 0..3 {
        let mut event = template.clone();
        event.id = format!("v{}", 10 + i);
        event.target = vec!["e1".into()];
        event.documents = vec!["d1".into(), "d2".into(), "d3".into()];
        graph.events.push(event);
    }
    let selection = select(&graph, &Filter { focus: ids(&["e4"]), depth: 1, max_edges: Some(3), ..Filter::default() });
    let events: Vec<&str> = selection.view.events().iter().map(|e| e.event.id.as_str()).collect();
    let relations: Vec<&str> = selection.view.relations().iter().map(|r| r.id.as_str()).collect();
    // The best Commerce → Alibaba Group link, then OIS (PART_OF) and Alibaba
    // Cloud (v1) for coverage, rather than the parallel v11 and v12.
    assert_eq!((events, relations), (vec!["v1", "v10"], vec!["r3"]));
}

//! The graph commands of the command line: `export` (with the focused-diagram
//! options, `--render`, GraphML and CSV), `path`, `neighbors`, `timeline` and
//! `stats`. Each loads the stored graph, asks [`newsgraph::graph`] the
//! question and prints the answer as a table or, with `--json`, as JSON for
//! scripts. Names are looked up as `show` does (any alias, any language, any
//! case); an unknown name is an error with suggestions.

use super::{shorten, stdout_error, write_table, DbArg, ExportArgs, Format, Outcome};
use clap::{Args, ValueEnum};
use newsgraph::export::dot::{Cluster, DotOptions, Layout};
use newsgraph::export::render::{render, RenderFormat};
use newsgraph::export::{self};
use newsgraph::graph::{self, EntityInfo, Filter, GraphView, LinkInfo};
use newsgraph::model::{EntityType, EventType, Graph};
use newsgraph::store::Store;
use newsgraph::{Error, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The `export dot` options that choose and lay out what is drawn.
#[derive(Debug, Args)]
pub struct DiagramArgs {
    /// DOT: centre the diagram on this entity (any name or alias, any case); repeatable.
    #[arg(long, value_name = "NAME", help_heading = "Diagram (export dot)")]
    pub focus: Vec<String>,
    /// DOT: with --focus, how many hops around it to draw.
    #[arg(long, value_name = "N", default_value_t = 1, help_heading = "Diagram (export dot)")]
    pub depth: usize,
    /// DOT: only entities of these types (comma-separated or repeated); the focus is always drawn.
    #[arg(long, value_name = "TYPE", value_delimiter = ',', value_parser = super::parse_entity_type,
          help_heading = "Diagram (export dot)")]
    pub entity_type: Vec<EntityType>,
    /// DOT: only events of these types (comma-separated or repeated).
    #[arg(long, value_name = "TYPE", value_delimiter = ',', value_parser = super::parse_event_type,
          help_heading = "Diagram (export dot)")]
    pub event_type: Vec<EventType>,
    /// DOT: only events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg, help_heading = "Diagram (export dot)")]
    pub since: Option<String>,
    /// DOT: only events dated on or before DATE; undated events are left out.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg, help_heading = "Diagram (export dot)")]
    pub until: Option<String>,
    /// DOT: only events told by at least N articles.
    #[arg(long, value_name = "N", default_value_t = 0, help_heading = "Diagram (export dot)")]
    pub min_sources: usize,
    /// DOT: draw at most N entities, the most central ones (default 100; 0 draws all); says on stderr what was left out.
    #[arg(long, value_name = "N", help_heading = "Diagram (export dot)")]
    pub max_nodes: Option<usize>,
    /// DOT: draw at most N events and relations, those nearest the focus or told by the most articles
    /// (default 2 per entity of --max-nodes; 0 draws all).
    #[arg(long, value_name = "N", help_heading = "Diagram (export dot)")]
    pub max_edges: Option<usize>,
    /// DOT: group entities in boxes by country or by type.
    #[arg(long, value_enum, value_name = "BY", default_value = "none", help_heading = "Diagram (export dot)")]
    pub cluster: ClusterArg,
    /// DOT: left to right or top to bottom.
    #[arg(long, value_enum, value_name = "DIR", default_value = "lr", help_heading = "Diagram (export dot)")]
    pub layout: LayoutArg,
    /// DOT: render with Graphviz's `dot` into -o FILE instead of writing DOT text.
    #[arg(long, value_enum, value_name = "FORMAT", requires = "output", help_heading = "Diagram (export dot)")]
    pub render: Option<RenderArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterArg {
    /// One box per country.
    Country,
    /// One box per entity type.
    Type,
    /// No boxes.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// Left to right.
    Lr,
    /// Top to bottom.
    Tb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderArg {
    Svg,
    Png,
    Pdf,
}

impl DiagramArgs {
    /// The option names given that only `export dot` reads.
    fn given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        let flags = [
            (!self.focus.is_empty(), "--focus"),
            (!self.entity_type.is_empty(), "--entity-type"),
            (!self.event_type.is_empty(), "--event-type"),
            (self.since.is_some(), "--since"),
            (self.until.is_some(), "--until"),
            (self.min_sources > 0, "--min-sources"),
            (self.max_nodes.is_some(), "--max-nodes"),
            (self.max_edges.is_some(), "--max-edges"),
            (self.cluster != ClusterArg::None, "--cluster"),
            (self.layout != LayoutArg::Lr, "--layout"),
            (self.render.is_some(), "--render"),
        ];
        for (set, name) in flags {
            if set {
                given.push(name);
            }
        }
        given
    }

    fn filter(&self, store: &Store, isolated: bool) -> Result<Filter> {
        let mut focus = Vec::new();
        for name in &self.focus {
            focus.extend(resolve(store, name)?);
        }
        let max_nodes = match self.max_nodes {
            Some(0) => None,
            Some(n) => Some(n),
            None => Some(graph::DEFAULT_MAX_NODES),
        };
        let max_edges = match self.max_edges {
            Some(0) => None,
            Some(n) => Some(n),
            None => max_nodes.map(|n| n * graph::DEFAULT_EDGES_PER_NODE),
        };
        Ok(Filter {
            focus,
            depth: self.depth,
            entity_types: self.entity_type.clone(),
            event_types: self.event_type.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            min_sources: self.min_sources,
            max_nodes,
            max_edges,
            isolated,
        })
    }
}

/// The ids of the entities called `name`, or an error with suggestions.
fn resolve(store: &Store, name: &str) -> Result<Vec<String>> {
    let ids = store.find_entities(name)?;
    if ids.is_empty() {
        return Err(Error::UnknownEntity { name: name.to_string(), suggestions: store.suggest(name, 5)? });
    }
    Ok(ids)
}

fn write_json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(format!("json output: {e}")))?;
    writeln!(out, "{text}").map_err(stdout_error)
}

fn write_output(out: &mut dyn Write, output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        Some(path) => export::write_file(path, bytes),
        None => out.write_all(bytes).map_err(stdout_error),
    }
}

/// `newsgraph export FORMAT`.
pub fn export(args: ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    let given = args.diagram.given();
    if args.format != Format::Dot && !given.is_empty() {
        return Err(Error::Invalid(format!("{} only apply to export dot", given.join(", "))));
    }
    let store = Store::open_read_only(&args.db.db)?;
    let graph = store.load_graph(args.mentions && args.format == Format::Json)?;
    let output = args.output.as_deref();
    match args.format {
        Format::Json => write_output(out, output, export::json::to_json(&graph)?.as_bytes())?,
        Format::Graphml => write_output(out, output, export::graphml::to_graphml(&graph).as_bytes())?,
        Format::Csv => {
            let Some(dir) = output else {
                return Err(Error::Invalid("export csv writes two files: give the directory with -o DIR".into()));
            };
            std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
            export::write_file(&dir.join("nodes.csv"), export::csv::to_nodes_csv(&graph).as_bytes())?;
            export::write_file(&dir.join("relationships.csv"), export::csv::to_relationships_csv(&graph).as_bytes())?;
        }
        Format::Dot => export_dot(&args, &store, &graph, out, err)?,
    }
    Ok(Outcome::Done)
}

fn export_dot(args: &ExportArgs, store: &Store, graph: &Graph, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let diagram = &args.diagram;
    let filter = diagram.filter(store, args.isolated)?;
    let selection = graph::select(graph, &filter);
    let omitted = &selection.omitted;
    if omitted.by_max_nodes.is_some() || omitted.by_max_edges.is_some() {
        for note in selection.notes().iter().filter(|n| n.starts_with("--max-")) {
            writeln!(err, "note: {note}").map_err(super::stderr_error)?;
        }
    }
    let options = DotOptions {
        isolated: args.isolated,
        cluster: match diagram.cluster {
            ClusterArg::Country => Cluster::Country,
            ClusterArg::Type => Cluster::Type,
            ClusterArg::None => Cluster::None,
        },
        layout: match diagram.layout {
            LayoutArg::Lr => Layout::LeftRight,
            LayoutArg::Tb => Layout::TopBottom,
        },
    };
    let dot = export::dot::to_dot_selection(graph, &selection, &options);
    match diagram.render {
        None => write_output(out, args.output.as_deref(), dot.as_bytes()),
        Some(format) => {
            let format = match format {
                RenderArg::Svg => RenderFormat::Svg,
                RenderArg::Png => RenderFormat::Png,
                RenderArg::Pdf => RenderFormat::Pdf,
            };
            let image = render(&dot, format)?;
            // clap makes --render require -o.
            let path = args.output.as_deref().ok_or_else(|| Error::Invalid("--render needs -o FILE".into()))?;
            export::write_file(path, &image)
        }
    }
}

// ---------------------------------------------------------------------------
// path, neighbors, timeline
// ---------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the path starts: any name or alias of an entity.
    pub from: String,
    /// Where it ends.
    pub to: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// Any name or alias of the entity.
    pub name: String,
    /// How many hops away to look.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Any name or alias of the entity.
    pub name: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many entities and events each top list shows.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

/// "—FOUNDER_OF→", "←SUBSIDIARY_OF—" or "—AGREE—" (both agents) for a hop.
fn arrow(link: &LinkInfo) -> String {
    let label = link.label();
    match (link.from_role, link.to_role) {
        (a, b) if a == b => format!("—{label} (both {a})—"),
        ("agent" | "source", _) => format!("—{label}→"),
        _ => format!("←{label}—"),
    }
}

fn as_strs(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}

fn articles(n: usize) -> String {
    graph::count(n, "article", "articles")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `newsgraph path A B`.
pub fn path(args: PathArgs, out: &mut dyn Write) -> Result<Outcome> {
    let store = Store::open_read_only(&args.db.db)?;
    let (from, to) = (resolve(&store, &args.from)?, resolve(&store, &args.to)?);
    let graph = store.load_graph(false)?;
    let view = GraphView::new(&graph);
    let path = view.shortest_path(&as_strs(&from), &as_strs(&to));
    let first = |ids: &[String]| graph.entities.iter().find(|e| e.id == ids[0]).map(EntityInfo::of);
    if args.json {
        #[derive(Serialize)]
        struct Answer {
            from: Option<EntityInfo>,
            to: Option<EntityInfo>,
            connected: bool,
            hops: Vec<graph::Hop>,
        }
        let answer = match path {
            Some(p) => Answer { from: Some(p.from), to: Some(p.to), connected: true, hops: p.hops },
            None => Answer { from: first(&from), to: first(&to), connected: false, hops: Vec::new() },
        };
        write_json(out, &answer)?;
        return Ok(Outcome::Done);
    }
    let Some(path) = path else {
        let name = |e: Option<EntityInfo>, fallback: &str| e.map(|e| e.name).unwrap_or_else(|| fallback.to_string());
        writeln!(
            out,
            "no connection between {} and {} through events or relations",
            one_line(&name(first(&from), &args.from)),
            one_line(&name(first(&to), &args.to))
        )
        .map_err(stdout_error)?;
        return Ok(Outcome::Done);
    };
    let n = path.hops.len();
    writeln!(out, "{} → {}: {}", one_line(&path.from.name), one_line(&path.to.name), graph::count(n, "hop", "hops"))
        .map_err(stdout_error)?;
    for (i, hop) in path.hops.iter().enumerate() {
        let link = &hop.link;
        writeln!(
            out,
            "{}. {} {} {}  ({}, {})",
            i + 1,
            one_line(&hop.from.name),
            arrow(link),
            one_line(&hop.to.name),
            link.id,
            articles(link.n_documents)
        )
        .map_err(stdout_error)?;
        match &link.evidence {
            Some(evidence) => writeln!(out, "   \"{}\" [{}]", one_line(&evidence.text), evidence.document),
            None => writeln!(out, "   (known from the lexicon, no sentence)"),
        }
        .map_err(stdout_error)?;
        if !hop.also.is_empty() {
            writeln!(out, "   also linked by {}", hop.also.join(", ")).map_err(stdout_error)?;
        }
    }
    Ok(Outcome::Done)
}

/// `newsgraph neighbors NAME`.
pub fn neighbors(args: NeighborsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let store = Store::open_read_only(&args.db.db)?;
    let ids = resolve(&store, &args.name)?;
    let graph = store.load_graph(false)?;
    let view = GraphView::new(&graph);
    let sources: Vec<&str> = ids.iter().map(String::as_str).collect();
    let neighbors = view.neighbors(&sources, args.depth);
    if args.json {
        #[derive(Serialize)]
        struct Answer<'a> {
            entities: Vec<EntityInfo>,
            depth: usize,
            neighbors: &'a [graph::Neighbor],
        }
        let entities = graph.entities.iter().filter(|e| ids.contains(&e.id)).map(EntityInfo::of).collect();
        write_json(out, &Answer { entities, depth: args.depth, neighbors: &neighbors })?;
        return Ok(Outcome::Done);
    }
    let rows: Vec<Vec<String>> = neighbors
        .iter()
        .map(|n| {
            let mut via: Vec<String> = n
                .via
                .iter()
                .take(3)
                .map(|l| {
                    let other = l.entity.as_ref().map(|e| e.name.as_str()).unwrap_or_default();
                    format!("{} {} ({})", arrow(l), other, l.id)
                })
                .collect();
            if n.via.len() > 3 {
                via.push(format!("+{} more", n.via.len() - 3));
            }
            vec![
                n.distance.to_string(),
                n.entity.id.clone(),
                n.entity.name.clone(),
                n.entity.etype.to_string(),
                n.degree.to_string(),
                via.join("; "),
            ]
        })
        .collect();
    write_table(out, &["HOPS", "ID", "NAME", "TYPE", "DEGREE", "VIA"], &rows)?;
    Ok(Outcome::Done)
}

/// `newsgraph timeline NAME`.
pub fn timeline(args: TimelineArgs, out: &mut dyn Write) -> Result<Outcome> {
    let store = Store::open_read_only(&args.db.db)?;
    let ids = resolve(&store, &args.name)?;
    let graph = store.load_graph(false)?;
    let view = GraphView::new(&graph);
    let sources: Vec<&str> = ids.iter().map(String::as_str).collect();
    let entries = view.timeline(&sources);
    if args.json {
        #[derive(Serialize)]
        struct Answer<'a> {
            entities: Vec<EntityInfo>,
            events: &'a [graph::TimelineEntry],
        }
        let entities = graph.entities.iter().filter(|e| ids.contains(&e.id)).map(EntityInfo::of).collect();
        write_json(out, &Answer { entities, events: &entries })?;
        return Ok(Outcome::Done);
    }
    let names = |list: &[EntityInfo]| list.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(" | ");
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            let event = &entry.event;
            vec![
                event.date.clone().unwrap_or_else(|| "undated".into()),
                event.id.clone(),
                event.kind(),
                entry.roles.join(", "),
                names(&event.agent),
                names(&event.target),
                event.n_documents.to_string(),
                shorten(event.evidence.as_ref().map(|e| e.text.as_str()).unwrap_or_default(), 70),
            ]
        })
        .collect();
    write_table(out, &["DATE", "ID", "EVENT", "ROLE", "AGENT", "TARGET", "DOCS", "EVIDENCE"], &rows)?;
    Ok(Outcome::Done)
}

// ---------------------------------------------------------------------------
// stats
// ---------------------------------------------------------------------------

#[derive(Serialize)]
struct Count<'a> {
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<std::collections::BTreeMap<&'a str, usize>>,
}

fn count(total: usize, by: &[(String, usize)]) -> Count<'_> {
    Count { total, by: Some(by.iter().map(|(k, v)| (k.as_str(), *v)).collect()) }
}

/// `newsgraph stats`: the store's counts, then the graph's shape.
pub fn stats(args: StatsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let store = Store::open_read_only(&args.db.db)?;
    let stats = store.stats()?;
    let graph = store.load_graph(false)?;
    let view = GraphView::new(&graph);
    let components = view.components();
    let top_degree = view.top_by_degree(args.top);
    let top_pagerank = view.top_by_pagerank(args.top);
    let most_reported = view.most_reported_events(args.top);

    if args.json {
        #[derive(Serialize)]
        struct ComponentCounts {
            count: usize,
            sizes: Vec<usize>,
            isolated: usize,
        }
        #[derive(Serialize)]
        struct Answer<'a> {
            documents: Count<'a>,
            sentences: Count<'a>,
            entities: Count<'a>,
            mentions: Count<'a>,
            events: Count<'a>,
            relations: Count<'a>,
            components: ComponentCounts,
            top_by_degree: &'a [graph::Ranked],
            top_by_pagerank: &'a [graph::Ranked],
            most_reported_events: &'a [graph::EventInfo],
        }
        let answer = Answer {
            documents: count(stats.n_documents, &stats.documents_by_lang),
            sentences: Count { total: stats.n_sentences, by: None },
            entities: count(stats.n_entities, &stats.entities_by_type),
            mentions: Count { total: stats.n_mentions, by: None },
            events: count(stats.n_events, &stats.events_by_type),
            relations: count(stats.n_relations, &stats.relations_by_type),
            components: ComponentCounts {
                count: components.components.len(),
                sizes: components.components.iter().map(Vec::len).collect(),
                isolated: components.isolated.len(),
            },
            top_by_degree: &top_degree,
            top_by_pagerank: &top_pagerank,
            most_reported_events: &most_reported,
        };
        write_json(out, &answer)?;
        return Ok(Outcome::Done);
    }

    let line = |name: &str, n: usize, by: &[(String, usize)]| {
        let detail: Vec<String> = by.iter().map(|(k, v)| format!("{k} {v}")).collect();
        if detail.is_empty() {
            format!("{name:<10} {n}")
        } else {
            format!("{name:<10} {n:<6} ({})", detail.join(", "))
        }
    };
    let largest = components.components.first().map_or(0, Vec::len);
    let component_line = format!(
        "{:<10} {:<6} (largest {}; {} in no event or relation)",
        "components",
        components.components.len(),
        graph::count(largest, "entity", "entities"),
        graph::count(components.isolated.len(), "entity", "entities"),
    );
    let lines = [
        line("documents", stats.n_documents, &stats.documents_by_lang),
        line("sentences", stats.n_sentences, &[]),
        line("entities", stats.n_entities, &stats.entities_by_type),
        line("mentions", stats.n_mentions, &[]),
        line("events", stats.n_events, &stats.events_by_type),
        line("relations", stats.n_relations, &stats.relations_by_type),
        component_line,
    ];
    for line in lines {
        writeln!(out, "{}", line.trim_end()).map_err(stdout_error)?;
    }
    let ranked_rows = |ranked: &[graph::Ranked]| -> Vec<Vec<String>> {
        ranked
            .iter()
            .map(|r| {
                vec![
                    r.entity.id.clone(),
                    r.entity.name.clone(),
                    r.entity.etype.to_string(),
                    r.degree.to_string(),
                    format!("{:.4}", r.pagerank),
                ]
            })
            .collect()
    };
    let headers = ["ID", "NAME", "TYPE", "DEGREE", "PAGERANK"];
    if !top_degree.is_empty() {
        writeln!(out, "\ntop entities by degree (events and relations they take part in):").map_err(stdout_error)?;
        write_table(out, &headers, &ranked_rows(&top_degree))?;
        writeln!(out, "\ntop entities by PageRank:").map_err(stdout_error)?;
        write_table(out, &headers, &ranked_rows(&top_pagerank))?;
    }
    if !most_reported.is_empty() {
        writeln!(out, "\nmost reported events:").map_err(stdout_error)?;
        let names = |list: &[EntityInfo]| list.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(" | ");
        let rows: Vec<Vec<String>> = most_reported
            .iter()
            .map(|e| {
                vec![
                    e.id.clone(),
                    e.kind(),
                    names(&e.agent),
                    names(&e.target),
                    e.date.clone().unwrap_or_default(),
                    e.n_documents.to_string(),
                ]
            })
            .collect();
        write_table(out, &["ID", "EVENT", "AGENT", "TARGET", "DATE", "DOCS"], &rows)?;
    }
    Ok(Outcome::Done)
}

//! DOT export: draws the corpus [`Graph`] for Graphviz with dot-writer.
//!
//! Entities are nodes whose shape and colour say their type ([`node_style`]).
//! An event with one agent and one target is a labelled edge ("ACCUSE/
//! investigate 2021", "4 articles"); an event with several agents or targets,
//! or with only one side, is a small box with edges from its agents and to its
//! targets. Relations are dashed grey edges labelled with their type and
//! number of articles. A legend cluster lists the node types and edge styles.
//! By default entities that take part in no event or relation are left out to
//! keep the diagram readable ([`DotOptions::isolated`] draws them); the header
//! comment and the legend say so. [`to_dot_selection`] draws the part of the
//! graph a [`crate::graph::select`] picked (a focus, filters, the most
//! central nodes), boldens the focus, can group nodes into clusters by
//! country or type ([`Cluster`]) and lay out top-down ([`Layout`]); the header
//! comment says what was drawn and what was left out. Every name is escaped;
//! output order follows ids, so the same graph gives the same bytes.

use crate::graph::{count, select, Filter, Selection};
use crate::model::{Entity, EntityType, Event, EventType, Graph, Modality};
use dot_writer::{Attributes, DotWriter, Scope};
use std::collections::{BTreeMap, HashMap};

/// How to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Also draw entities that take part in no event or relation (used by
    /// [`to_dot`]; [`to_dot_selection`] draws what its selection holds).
    pub isolated: bool,
    /// Group entity nodes into boxes.
    pub cluster: Cluster,
    /// Direction of the layout.
    pub layout: Layout,
}

/// How entity nodes are grouped into Graphviz clusters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cluster {
    /// No grouping.
    #[default]
    None,
    /// One box per country (ISO code); entities without one stay outside.
    Country,
    /// One box per entity type.
    Type,
}

/// Graphviz's `rankdir`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// Left to right (`rankdir=LR`).
    #[default]
    LeftRight,
    /// Top to bottom (`rankdir=TB`).
    TopBottom,
}

/// Node shape and fill colour for each entity type.
pub fn node_style(etype: EntityType) -> (&'static str, &'static str) {
    match etype {
        EntityType::Person => ("ellipse", "#f4cccc"),
        EntityType::Company => ("box", "#cfe2f3"),
        EntityType::Agency => ("hexagon", "#fce5cd"),
        EntityType::Organization => ("octagon", "#d9d2e9"),
        EntityType::Country => ("doubleoctagon", "#d9ead3"),
        EntityType::Location => ("house", "#fff2cc"),
        EntityType::Group => ("egg", "#eeeeee"),
        EntityType::Product => ("component", "#d0e0e3"),
    }
}

/// Families of event types, each drawn in its own colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Conflict,
    Cooperation,
    Business,
    Statement,
}

impl Family {
    const ALL: [Family; 4] = [Family::Conflict, Family::Cooperation, Family::Business, Family::Statement];

    fn of(etype: EventType) -> Family {
        use EventType::*;
        match etype {
            Agree | Consult | Support | Concede | Cooperate | Aid | Retreat | Request => Family::Cooperation,
            Accuse | Reject | Threaten | Protest | Sanction | Mobilize | Coerce | Assault | Deny => Family::Conflict,
            Acquire | Invest => Family::Business,
            Statement => Family::Statement,
        }
    }

    fn color(self) -> &'static str {
        match self {
            Family::Conflict => "#b22222",
            Family::Cooperation => "#2e7d32",
            Family::Business => "#1f4e9c",
            Family::Statement => "#666666",
        }
    }

    fn legend(self) -> &'static str {
        match self {
            Family::Conflict => "conflict event (ACCUSE, SANCTION, COERCE, DENY, ...)",
            Family::Cooperation => "cooperation event (AGREE, CONSULT, SUPPORT, ...)",
            Family::Business => "business event (ACQUIRE, INVEST)",
            Family::Statement => "STATEMENT",
        }
    }
}

const RELATION_COLOR: &str = "#555555";
const FONT: &str = "Helvetica";

/// Escapes text for a double-quoted DOT string: backslashes and quotes are
/// escaped, line breaks become `\n`, other control characters spaces;
/// everything else (non-ASCII included) is kept as UTF-8.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn quoted_id(id: &str) -> String {
    format!("\"{}\"", escape(id))
}

/// The graph as a DOT digraph: every entity in an event or relation (all
/// of them with [`DotOptions::isolated`]), every event and relation.
pub fn to_dot(graph: &Graph, options: &DotOptions) -> String {
    let selection = select(graph, &Filter { isolated: options.isolated, ..Filter::default() });
    to_dot_selection(graph, &selection, options)
}

/// The part of `graph` that `selection` keeps as a DOT digraph (see
/// [`crate::graph::select`]). The header comment says what was left out.
pub fn to_dot_selection(graph: &Graph, selection: &Selection<'_>, options: &DotOptions) -> String {
    let names: HashMap<&str, &str> = graph.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let view = &selection.view;
    let omitted = &selection.omitted;

    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        format!(
            "// newsgraph knowledge graph: {} documents, {} entities, {} events, {} relations.\n",
            graph.documents.len(),
            graph.entities.len(),
            graph.events.len(),
            graph.relations.len()
        )
        .as_bytes(),
    );
    if omitted.filtered || omitted.by_max_nodes.is_some() || omitted.by_max_edges.is_some() {
        let mut drawn = format!(
            "// Drawn: {}, {}, {}",
            count(view.n_entities(), "entity", "entities"),
            count(view.events().len(), "event", "events"),
            count(view.relations().len(), "relation", "relations")
        );
        if !selection.focus.is_empty() {
            let focus: Vec<&str> = selection.focus.iter().map(|id| names.get(id).copied().unwrap_or(id)).collect();
            drawn.push_str(&format!(" around {}", focus.join(", ")));
        }
        bytes.extend_from_slice(format!("{}.\n", one_line(&drawn)).as_bytes());
    }
    for note in selection.notes() {
        bytes.extend_from_slice(format!("// {note}.\n").as_bytes());
    }
    bytes.extend_from_slice(b"// Render: dot -Tsvg graph.dot -o graph.svg\n");
    {
        let mut writer = DotWriter::from(&mut bytes);
        writer.set_pretty_print(true);
        let mut digraph = writer.digraph();
        let rankdir = match options.layout {
            Layout::LeftRight => "LR",
            Layout::TopBottom => "TB",
        };
        digraph.set("rankdir", rankdir, false).set("fontname", FONT, true).set("nodesep", "0.3", false);
        if options.cluster != Cluster::None {
            // dot's older ranking fails on some graphs whose clusters are
            // linked to each other ("trouble in init_rank"); newrank does not.
            digraph.set("newrank", "true", false);
        }
        digraph.node_attributes().set("fontname", FONT, true).set("fontsize", "11", false).set("style", "filled", true);
        digraph.edge_attributes().set("fontname", FONT, true).set("fontsize", "9", false);

        write_legend(&mut digraph, legend_note(selection));

        let entities: Vec<&Entity> = view.entities().collect();
        let mut groups: BTreeMap<String, Vec<&Entity>> = BTreeMap::new();
        let mut outside: Vec<&Entity> = Vec::new();
        for &entity in &entities {
            let key = match options.cluster {
                Cluster::None => None,
                Cluster::Country => entity.country.clone(),
                Cluster::Type => Some(entity.etype.as_str().to_string()),
            };
            match key {
                Some(key) => groups.entry(key).or_default().push(entity),
                None => outside.push(entity),
            }
        }
        for (key, members) in &groups {
            let mut cluster = digraph.cluster();
            cluster.set("label", &escape(key), true).set("style", "rounded", true).set("color", "#bbbbbb", true).set(
                "fontcolor",
                "#777777",
                true,
            );
            for entity in members {
                write_entity(&mut cluster, entity, selection.focus.contains(&entity.id.as_str()));
            }
        }
        for entity in outside {
            write_entity(&mut digraph, entity, selection.focus.contains(&entity.id.as_str()));
        }

        for drawn in view.events() {
            let event = drawn.event;
            let family = Family::of(event.etype);
            let label = event_label(event, &names);
            let style = if event.modality == Modality::Asserted { "solid" } else { "dotted" };
            let pen_width = format!("{:.1}", 1.0 + 0.5 * (event.documents.len().clamp(1, 5) - 1) as f32);
            if drawn.node.is_none() {
                let (Some(agent), Some(target)) = (drawn.agents.first(), drawn.targets.first()) else { continue };
                digraph
                    .edge(quoted_id(&agent.id), quoted_id(&target.id))
                    .attributes()
                    .set_label(&label)
                    .set("color", family.color(), true)
                    .set("fontcolor", family.color(), true)
                    .set("style", style, true)
                    .set("penwidth", &pen_width, false);
            } else {
                let node = quoted_id(&format!("event:{}", event.id));
                digraph
                    .node_named(node.clone())
                    .set_label(&label)
                    .set("shape", "box", false)
                    .set("style", &format!("{style},rounded"), true)
                    .set("fontsize", "9", false)
                    .set("color", family.color(), true)
                    .set("fontcolor", family.color(), true);
                for agent in &drawn.agents {
                    digraph
                        .edge(quoted_id(&agent.id), &node)
                        .attributes()
                        .set("color", family.color(), true)
                        .set("style", style, true)
                        .set("arrowhead", "none", false);
                }
                for target in &drawn.targets {
                    digraph
                        .edge(&node, quoted_id(&target.id))
                        .attributes()
                        .set("color", family.color(), true)
                        .set("style", style, true);
                }
            }
        }

        for relation in view.relations() {
            let mut label = relation.rtype.as_str().to_string();
            if !relation.documents.is_empty() {
                label.push('\n');
                label.push_str(&count(relation.documents.len(), "article", "articles"));
            }
            digraph
                .edge(quoted_id(&relation.source), quoted_id(&relation.target))
                .attributes()
                .set_label(&escape(&label))
                .set("style", "dashed", true)
                .set("color", RELATION_COLOR, true)
                .set("fontcolor", RELATION_COLOR, true);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn write_entity(scope: &mut Scope<'_, '_>, entity: &Entity, focus: bool) {
    let (shape, fill) = node_style(entity.etype);
    let mut tooltip = entity.etype.as_str().to_string();
    for part in [&entity.country, &entity.sector].into_iter().flatten() {
        tooltip.push_str(", ");
        tooltip.push_str(part);
    }
    if !entity.aliases.is_empty() {
        tooltip.push('\n');
        tooltip.push_str(&entity.aliases.join(" | "));
    }
    let mut node = scope.node_named(quoted_id(&entity.id));
    node.set_label(&escape(&entity.name)).set("shape", shape, false).set("fillcolor", fill, true).set(
        "tooltip",
        &escape(&tooltip),
        true,
    );
    if focus {
        node.set("penwidth", "3", false);
    }
}

/// The legend's last line: what was left out, or how to read edge labels.
fn legend_note(selection: &Selection<'_>) -> String {
    let omitted = &selection.omitted;
    let view = &selection.view;
    if omitted.filtered || omitted.by_max_nodes.is_some() || omitted.by_max_edges.is_some() {
        let total = view.model();
        format!(
            "drawn: {} of {} entities,\\n{} of {} events, {} of {} relations\\n(see the comment at the top)",
            view.n_entities(),
            total.entities.len(),
            view.events().len(),
            total.events.len(),
            view.relations().len(),
            total.relations.len()
        )
    } else if omitted.isolated > 0 {
        format!("{} in no event or relation\\nnot drawn (export dot --isolated)", entities_phrase(omitted.isolated))
    } else {
        "edge labels: TYPE/mode date,\\nnumber of articles, source".to_string()
    }
}

fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// "ACCUSE/investigate 2021 (alleged)\n4 articles, via Reuters", escaped.
fn event_label(event: &Event, names: &HashMap<&str, &str>) -> String {
    let mut first = event.etype.as_str().to_string();
    if let Some(mode) = &event.mode {
        first.push('/');
        first.push_str(mode);
    }
    if let Some(date) = &event.date {
        first.push(' ');
        first.push_str(date);
    }
    if event.modality != Modality::Asserted {
        first.push_str(&format!(" ({})", event.modality));
    }
    let n = event.documents.len();
    let mut second = format!("{n} {}", if n == 1 { "article" } else { "articles" });
    if !event.reported_by.is_empty() {
        let reporters: Vec<&str> =
            event.reported_by.iter().map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str())).collect();
        second.push_str(", via ");
        second.push_str(&reporters.join(", "));
    }
    format!("{}\\n{}", escape(&first), escape(&second))
}

fn entities_phrase(n: usize) -> String {
    if n == 1 {
        "1 entity".to_string()
    } else {
        format!("{n} entities")
    }
}

fn write_legend(digraph: &mut Scope<'_, '_>, note: String) {
    let mut legend = digraph.cluster();
    legend
        .set("label", "Legend", true)
        .set("style", "rounded", true)
        .set("color", "#999999", true)
        .set("fontsize", "10", false);
    legend.node_attributes().set("fontsize", "9", false);
    for &etype in EntityType::ALL {
        let (shape, fill) = node_style(etype);
        legend
            .node_named(quoted_id(&format!("legend:{etype}")))
            .set_label(etype.as_str())
            .set("shape", shape, false)
            .set("fillcolor", fill, true);
    }
    let mut edge_kinds: Vec<(String, &str, &str)> =
        Family::ALL.iter().map(|f| (f.legend().to_string(), f.color(), "solid")).collect();
    edge_kinds.push(("event not asserted (alleged, future, negated, ...)".into(), "#b22222", "dotted"));
    edge_kinds.push(("relation (SUBSIDIARY_OF, PART_OF, ...)".into(), RELATION_COLOR, "dashed"));
    for (i, (label, color, style)) in edge_kinds.iter().enumerate() {
        let from = quoted_id(&format!("legend:edge{i}:from"));
        let to = quoted_id(&format!("legend:edge{i}:to"));
        legend.node_named(from.clone()).set("shape", "point", false).set("width", "0.05", false);
        legend.node_named(to.clone()).set("shape", "point", false).set("width", "0.05", false);
        legend
            .edge(&from, &to)
            .attributes()
            .set_label(&escape(label))
            .set("color", color, true)
            .set("fontcolor", color, true)
            .set("style", style, true);
    }
    legend
        .node_named(quoted_id("legend:event"))
        .set_label("event with several agents or targets:\\nTYPE/mode date, n articles")
        .set("shape", "box", false)
        .set("style", "rounded", true)
        .set("fontsize", "9", false);
    legend
        .node_named(quoted_id("legend:note"))
        .set_label(&note)
        .set("shape", "plaintext", false)
        .set("style", "", true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        for (input, expected) in [
            ("plain", "plain"),
            ("say \"hi\"", "say \\\"hi\\\""),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines\r\n", "two\\nlines\\n"),
            ("tab\there", "tab here"),
            ("Türkei – 中国", "Türkei – 中国"),
            ("ends with \\", "ends with \\\\"),
        ] {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn every_event_type_has_a_family() {
        for &etype in EventType::ALL {
            let _ = Family::of(etype).color();
        }
    }
}

//! GraphML export, for Gephi, yEd, Cytoscape and NetworkX: entities are
//! nodes with typed attributes (`label`, `type`, `country`, `sector`,
//! `aliases`, `mentions`, `n_documents`); every agent–target pair of an event
//! is a directed edge with `label`, `kind` (`event`), `type`, `mode`, `date`,
//! `modality`, `n_documents`, `ref` (the event id) and `evidence` (its first
//! sentence); every relation is an edge of kind `relation`. Events with only
//! agents or only targets have no pair and are counted in a comment. Text is
//! XML-escaped; characters XML 1.0 forbids become spaces. Output follows ids,
//! so the same graph gives the same bytes.

use crate::model::{Entity, Event, Graph, Relation};
use crate::store::id_order;
use std::fmt::Write;

/// `(id, for, attr.name, attr.type)` of every attribute key, in output order.
pub const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("country", "node", "country", "string"),
    ("sector", "node", "sector", "string"),
    ("aliases", "node", "aliases", "string"),
    ("mentions", "node", "mentions", "int"),
    ("n_documents", "node", "n_documents", "int"),
    ("edge_label", "edge", "label", "string"),
    ("edge_kind", "edge", "kind", "string"),
    ("edge_type", "edge", "type", "string"),
    ("edge_mode", "edge", "mode", "string"),
    ("edge_date", "edge", "date", "string"),
    ("edge_modality", "edge", "modality", "string"),
    ("edge_n_documents", "edge", "n_documents", "int"),
    ("edge_ref", "edge", "ref", "string"),
    ("edge_evidence", "edge", "evidence", "string"),
];

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(' '),
            '\r' => {}
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn data(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
    }
}

/// Every agent–target pair of an event as (edge id suffix, agent, target):
/// the event id alone when there is one pair, `v1.1`, `v1.2`, … otherwise.
pub fn event_pairs(event: &Event) -> Vec<(String, &str, &str)> {
    let n = event.agent.len() * event.target.len();
    let mut pairs = Vec::with_capacity(n);
    for agent in &event.agent {
        for target in &event.target {
            let id = if n == 1 { event.id.clone() } else { format!("{}.{}", event.id, pairs.len() + 1) };
            pairs.push((id, agent.as_str(), target.as_str()));
        }
    }
    pairs
}

/// The graph as a GraphML document.
pub fn to_graphml(graph: &Graph) -> String {
    let mut entities: Vec<&Entity> = graph.entities.iter().collect();
    entities.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let mut events: Vec<&Event> = graph.events.iter().collect();
    events.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let mut relations: Vec<&Relation> = graph.relations.iter().collect();
    relations.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let known: std::collections::HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let _ = writeln!(
        out,
        "  <!-- newsgraph knowledge graph: {} documents, {} entities, {} events, {} relations -->",
        graph.documents.len(),
        graph.entities.len(),
        graph.events.len(),
        graph.relations.len()
    );
    let one_sided = events.iter().filter(|e| e.agent.is_empty() || e.target.is_empty()).count();
    if one_sided > 0 {
        let _ = writeln!(out, "  <!-- {one_sided} events with only agents or only targets are not edges -->");
    }
    for (id, domain, name, kind) in KEYS {
        let _ = writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>");
    }
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for entity in &entities {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&entity.id));
        data(&mut out, "label", Some(&entity.name));
        data(&mut out, "type", Some(entity.etype.as_str()));
        data(&mut out, "country", entity.country.as_deref());
        data(&mut out, "sector", entity.sector.as_deref());
        if !entity.aliases.is_empty() {
            data(&mut out, "aliases", Some(&entity.aliases.join(" | ")));
        }
        data(&mut out, "mentions", Some(&entity.mentions.to_string()));
        data(&mut out, "n_documents", Some(&entity.documents.len().to_string()));
        out.push_str("    </node>\n");
    }
    for event in &events {
        let kind = match &event.mode {
            Some(mode) => format!("{}/{mode}", event.etype),
            None => event.etype.to_string(),
        };
        for (id, agent, target) in event_pairs(event) {
            if !known.contains(agent) || !known.contains(target) {
                continue;
            }
            let _ = writeln!(
                out,
                "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
                escape(&id),
                escape(agent),
                escape(target)
            );
            data(&mut out, "edge_label", Some(&kind));
            data(&mut out, "edge_kind", Some("event"));
            data(&mut out, "edge_type", Some(event.etype.as_str()));
            data(&mut out, "edge_mode", event.mode.as_deref());
            data(&mut out, "edge_date", event.date.as_deref());
            data(&mut out, "edge_modality", Some(event.modality.as_str()));
            data(&mut out, "edge_n_documents", Some(&event.documents.len().to_string()));
            data(&mut out, "edge_ref", Some(&event.id));
            data(&mut out, "edge_evidence", event.evidence.first().map(|e| e.text.trim()));
            out.push_str("    </edge>\n");
        }
    }
    for relation in &relations {
        if !known.contains(relation.source.as_str()) || !known.contains(relation.target.as_str()) {
            continue;
        }
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(&relation.id),
            escape(&relation.source),
            escape(&relation.target)
        );
        data(&mut out, "edge_label", Some(relation.rtype.as_str()));
        data(&mut out, "edge_kind", Some("relation"));
        data(&mut out, "edge_type", Some(relation.rtype.as_str()));
        data(&mut out, "edge_n_documents", Some(&relation.documents.len().to_string()));
        data(&mut out, "edge_ref", Some(&relation.id));
        data(&mut out, "edge_evidence", relation.evidence.first().map(|e| e.text.trim()));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
        assert_eq!(escape("two\r\nlines\u{1}"), "two lines ");
        assert_eq!(escape("Türkei – 中国"), "Türkei – 中国");
    }
}

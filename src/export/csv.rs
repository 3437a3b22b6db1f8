//! CSV export in the layout of Neo4j's `neo4j-admin database import`: a
//! nodes file (`:ID`, `name`, `:LABEL`, then typed properties) and a
//! relationships file (`:START_ID`, `:END_ID`, `:TYPE`, then properties).
//! Every entity is a node labelled `Entity` and its type (`Entity;COMPANY`);
//! every agent–target pair of an event is a relationship whose type is the
//! event type (`ACCUSE`), every relation one whose type is the relation type
//! (`SUBSIDIARY_OF`). Fields are quoted as RFC 4180 says (quotes doubled),
//! line breaks become spaces (so the import needs no `--multiline-fields`),
//! and array properties use `;`, the import's default array delimiter.
//! Output follows ids, so the same graph gives the same bytes.
//!
//! ```text
//! neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
//! ```

use crate::export::graphml::event_pairs;
use crate::model::{Entity, Event, Graph, Relation};
use crate::store::id_order;

/// The header of `nodes.csv`.
pub const NODES_HEADER: &[&str] =
    &[":ID", "name", ":LABEL", "type", "country", "sector", "aliases:string[]", "mentions:int", "n_documents:int"];

/// The header of `relationships.csv`.
pub const RELATIONSHIPS_HEADER: &[&str] =
    &[":START_ID", ":END_ID", ":TYPE", "id", "kind", "mode", "date", "modality", "n_documents:int", "evidence"];

/// One CSV field: quoted when it holds a comma, quote or semicolon (or
/// starts or ends with a space), with quotes doubled; line breaks and other
/// control characters become spaces.
pub fn field(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if clean.contains([',', '"', ';']) || clean.starts_with(' ') || clean.ends_with(' ') {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

fn line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push('\n');
}

fn header(out: &mut String, names: &[&str]) {
    line(out, &names.iter().map(|n| n.to_string()).collect::<Vec<_>>());
}

/// `nodes.csv`: one line per entity.
pub fn to_nodes_csv(graph: &Graph) -> String {
    let mut entities: Vec<&Entity> = graph.entities.iter().collect();
    entities.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let mut out = String::new();
    header(&mut out, NODES_HEADER);
    for entity in entities {
        // An alias holding the array delimiter would split; such aliases keep their text with ';' as ','.
        let aliases: Vec<String> = entity.aliases.iter().map(|a| a.replace(';', ",")).collect();
        line(
            &mut out,
            &[
                field(&entity.id),
                field(&entity.name),
                field(&format!("Entity;{}", entity.etype)),
                field(entity.etype.as_str()),
                field(entity.country.as_deref().unwrap_or_default()),
                field(entity.sector.as_deref().unwrap_or_default()),
                field(&aliases.join(";")),
                entity.mentions.to_string(),
                entity.documents.len().to_string(),
            ],
        );
    }
    out
}

/// `relationships.csv`: one line per agent–target pair of each event, then
/// one per relation.
pub fn to_relationships_csv(graph: &Graph) -> String {
    let known: std::collections::HashSet<&str> = graph.entities.iter().map(|e| e.id.as_str()).collect();
    let mut events: Vec<&Event> = graph.events.iter().collect();
    events.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let mut relations: Vec<&Relation> = graph.relations.iter().collect();
    relations.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
    let mut out = String::new();
    header(&mut out, RELATIONSHIPS_HEADER);
    let evidence = |text: Option<&str>| field(text.unwrap_or_default().trim());
    for event in events {
        for (_, agent, target) in event_pairs(event) {
            if !known.contains(agent) || !known.contains(target) {
                continue;
            }
            line(
                &mut out,
                &[
                    field(agent),
                    field(target),
                    field(event.etype.as_str()),
                    field(&event.id),
                    "event".to_string(),
                    field(event.mode.as_deref().unwrap_or_default()),
                    field(event.date.as_deref().unwrap_or_default()),
                    field(event.modality.as_str()),
                    event.documents.len().to_string(),
                    evidence(event.evidence.first().map(|e| e.text.as_str())),
                ],
            );
        }
    }
    for relation in relations {
        if !known.contains(relation.source.as_str()) || !known.contains(relation.target.as_str()) {
            continue;
        }
        line(
            &mut out,
            &[
                field(&relation.source),
                field(&relation.target),
                field(relation.rtype.as_str()),
                field(&relation.id),
                "relation".to_string(),
                String::new(),
                String::new(),
                String::new(),
                relation.documents.len().to_string(),
                evidence(relation.evidence.first().map(|e| e.text.as_str())),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        for (input, expected) in [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "two lines"),
            ("x;y", "\"x;y\""),
            ("", ""),
            ("Türkei", "Türkei"),
        ] {
            assert_eq!(field(input), expected, "{input:?}");
        }
    }
}

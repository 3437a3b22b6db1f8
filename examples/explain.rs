//! Shows what newsgraph reads in one piece of text: the language, the
//! sentences, every mention (with whether it is a name, an anaphor or a
//! modifier) and every event with its trigger. Useful when adding lexicon
//! entries or trigger words, to see why something was or was not found.
//!
//!     cargo run --example explain -- "Die EU hat ihr 13. Sanktionspaket gegen Russland beschlossen."

use newsgraph::model::Document;
use newsgraph::{pipeline, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args().nth(1).ok_or("usage: explain TEXT")?;
    let lexicon = Lexicon::builtin()?;
    let doc = Document {
        id: "text".into(),
        path: "text".into(),
        text: text.clone(),
        sha256: String::new(),
        title: String::new(),
        date: None,
        lang_hint: None,
        body_start: 0,
    };
    let analysis = pipeline::analyze(&doc, &lexicon);
    let lang = analysis.lang.map(|l| l.code()).unwrap_or("?");
    println!("language: {lang}");
    for (i, sentence) in analysis.sentences.iter().enumerate() {
        println!("sentence {i}: {:?}", sentence.slice(&text).trim());
    }
    for mention in &analysis.mentions {
        let entity = &analysis.entities[mention.entity];
        let kind = match (mention.anaphoric, mention.modifier) {
            (true, true) => "adjective",
            (true, false) => "anaphor",
            (false, true) => "modifier",
            (false, false) => "name",
        };
        println!("mention {:?} -> {} ({}, {kind})", mention.span.slice(&text), entity.name, entity.etype);
    }
    let name = |i: &usize| analysis.entities[*i].name.clone();
    for event in &analysis.events {
        let agents: Vec<String> = event.agent.iter().map(name).collect();
        let targets: Vec<String> = event.target.iter().map(name).collect();
        println!(
            "event {}{} [{}] {:?}: {} -> {}",
            event.etype,
            event.mode.as_deref().map(|m| format!("/{m}")).unwrap_or_default(),
            event.modality,
            event.trigger.slice(&text),
            agents.join(" + "),
            targets.join(" + ")
        );
    }
    for relation in &analysis.relations {
        println!("relation {} {} {}", name(&relation.source), relation.rtype, name(&relation.target));
    }
    Ok(())
}

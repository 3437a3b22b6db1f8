fn main() {
    let text = std::env::args().nth(1).unwrap();
    let lexicon = newsgraph::Lexicon::builtin().unwrap();
    let doc = newsgraph::model::Document { id: "x".into(), path: "x".into(), text: text.clone(), sha256: String::new(), title: String::new(), date: None, lang_hint: None, body_start: 0 };
    let a = newsgraph::pipeline::analyze(&doc, &lexicon);
    println!("lang {:?}", a.lang);
    for s in &a.sentences { println!("S {:?}", s.slice(&text)); }
    for m in &a.mentions { println!("M {:?} {} anaph={} mod={}", m.span.slice(&text), a.entities[m.entity].name, m.anaphoric, m.modifier); }
    for e in &a.events { println!("E {:?} {:?} {:?} {:?}", e.etype, e.agent, e.target, e.trigger.slice(&text)); }
}

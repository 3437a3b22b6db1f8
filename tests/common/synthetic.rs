//! A synthetic corpus graph the size of 10,000 articles, to check that
//! diagrams of large graphs stay readable. Deterministic: a fixed-seed
//! SplitMix64 drives every choice, so the same arguments give the same graph.
//! Entities are drawn with Zipf-like popularity (a few are in most articles,
//! as Alibaba or the United States are), each article states two to four
//! events (some with several targets, some undated), and an event told by
//! several articles is one event with several documents, as the pipeline
//! makes it. Shared by tests (`#[path]`) and `examples/synthetic.rs`.

#![allow(dead_code)]

use newsgraph::model::*;
use std::collections::HashMap;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const COUNTRIES: &[&str] = &["USA", "CHN", "DEU", "GBR", "FRA", "RUS", "JPN", "IND", "BRA", "KOR", "TUR", "IRN"];
const EVENT_TYPES: &[(EventType, Option<&str>)] = &[
    (EventType::Accuse, Some("investigate")),
    (EventType::Accuse, Some("allege")),
    (EventType::Sanction, Some("discontinue")),
    (EventType::Cooperate, None),
    (EventType::Agree, None),
    (EventType::Invest, None),
    (EventType::Acquire, None),
    (EventType::Coerce, Some("cyber")),
    (EventType::Consult, None),
    (EventType::Deny, None),
];

/// `n_articles` documents (with their text, so that the graph can be
/// stored) and the corpus graph over them.
pub fn synthetic(n_articles: usize, seed: u64) -> (Vec<Document>, Graph) {
    let mut rng = Rng(seed);
    let n_entities = (n_articles / 3).max(10);
    let types = [
        EntityType::Company,
        EntityType::Company,
        EntityType::Agency,
        EntityType::Person,
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Group,
        EntityType::Product,
        EntityType::Location,
    ];
    let mut entities: Vec<Entity> = (0..n_entities)
        .map(|i| {
            let etype = types[rng.below(types.len())];
            Entity {
                id: format!("e{}", i + 1),
                name: format!("{} {}", etype.as_str().to_lowercase(), i + 1),
                etype,
                country: rng.chance(80).then(|| COUNTRIES[rng.below(COUNTRIES.len())].to_string()),
                sector: None,
                aliases: if rng.chance(30) { vec![format!("Alias {}", i + 1)] } else { vec![] },
                documents: vec![],
                mentions: 0,
            }
        })
        .collect();
    // Zipf-like popularity: entity i is picked with weight 1 / (i + 1); sampled
    // through the cumulative weights.
    let cumulative: Vec<f64> = (0..n_entities)
        .scan(0.0, |sum, i| {
            *sum += 1.0 / (i as f64 + 1.0);
            Some(*sum)
        })
        .collect();
    let total = cumulative[n_entities - 1];
    let pick = |rng: &mut Rng| {
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        cumulative.partition_point(|&c| c < x).min(n_entities - 1)
    };

    let mut docs = Vec::with_capacity(n_articles);
    let mut infos = Vec::with_capacity(n_articles);
    let mut events: Vec<Event> = Vec::new();
    let mut event_index: HashMap<(usize, Vec<usize>, usize), usize> = HashMap::new();
    let mut entity_docs: Vec<Vec<String>> = vec![Vec::new(); n_entities];
    for a in 0..n_articles {
        let id = format!("a{:05}", a + 1);
        let mut text = String::new();
        for _ in 0..2 + rng.below(3) {
            let agent = pick(&mut rng);
            let mut targets = vec![pick(&mut rng)];
            if rng.chance(10) {
                targets.push(pick(&mut rng));
            }
            targets.retain(|&t| t != agent);
            targets.sort();
            targets.dedup();
            let kind = rng.below(EVENT_TYPES.len());
            let (etype, mode) = EVENT_TYPES[kind];
            let start = text.len();
            let target_names: Vec<&str> = targets.iter().map(|&t| entities[t].name.as_str()).collect();
            text.push_str(&format!(
                "{} {} {}. ",
                entities[agent].name,
                etype.as_str().to_lowercase(),
                target_names.join(" and ")
            ));
            let evidence = Evidence {
                document: id.clone(),
                start,
                end: text.len() - 1,
                text: text[start..text.len() - 1].to_string(),
            };
            for &e in std::iter::once(&agent).chain(&targets) {
                if entity_docs[e].last() != Some(&id) {
                    entity_docs[e].push(id.clone());
                }
                entities[e].mentions += 1;
            }
            let key = (agent, targets.clone(), kind);
            match event_index.get(&key) {
                Some(&i) => {
                    let event = &mut events[i];
                    if event.documents.last() != Some(&id) {
                        event.documents.push(id.clone());
                    }
                    event.evidence.push(evidence);
                }
                None => {
                    let date = if rng.chance(25) {
                        None
                    } else {
                        Some(format!("{}-{:02}", 2016 + rng.below(8), 1 + rng.below(12)))
                    };
                    event_index.insert(key, events.len());
                    events.push(Event {
                        id: format!("v{}", events.len() + 1),
                        etype,
                        mode: mode.map(String::from),
                        context: vec![],
                        cameo: String::new(),
                        agent: vec![entities[agent].id.clone()],
                        target: targets.iter().map(|&t| entities[t].id.clone()).collect(),
                        date,
                        modality: if rng.chance(15) { Modality::Alleged } else { Modality::Asserted },
                        reported_by: vec![],
                        documents: vec![id.clone()],
                        evidence: vec![evidence],
                    });
                }
            }
        }
        let date = format!("{}-{:02}-{:02}", 2016 + a % 8, 1 + a % 12, 1 + a % 28);
        let doc = Document {
            id: id.clone(),
            path: format!("synthetic/{id}.txt"),
            sha256: format!("{:064x}", a),
            title: format!("Synthetic article {}", a + 1),
            date: Some(date.clone()),
            lang_hint: Some(Lang::En),
            body_start: 0,
            text,
        };
        infos.push(DocumentInfo {
            id: id.clone(),
            path: doc.path.clone(),
            lang: Some("en".into()),
            title: doc.title.clone(),
            sha256: doc.sha256.clone(),
            date: Some(date),
        });
        docs.push(doc);
    }
    for (entity, documents) in entities.iter_mut().zip(entity_docs) {
        entity.documents = documents;
    }
    // Static relations: one for every tenth entity, to a more popular one.
    let relation_types =
        [RelationType::SubsidiaryOf, RelationType::LeaderOf, RelationType::MemberOf, RelationType::PartOf];
    let mut relations = Vec::new();
    for i in (10..n_entities).step_by(10) {
        let target = rng.below(i);
        relations.push(Relation {
            id: format!("r{}", relations.len() + 1),
            source: entities[i].id.clone(),
            rtype: relation_types[rng.below(relation_types.len())],
            target: entities[target].id.clone(),
            documents: vec![],
            evidence: vec![],
        });
    }
    (docs, Graph { documents: infos, entities, events, relations, mentions: None })
}

//! Resolution: one node per real-world entity.
//!
//! Within a document ([`within_document`]) it gives unqualified bodies ("die
//! Bundesregierung", "the federal government") the country the document is
//! about, links acronyms introduced in parentheses to their long form, short
//! forms ("Ross") to full names, and nominal anaphors ("the company", "das
//! Unternehmen", "die Behörde", "it") to the nearest compatible entity.
//! Across documents ([`across_documents`]) it merges entities by key, events
//! that tell the same happening, and relations, and gives every node a stable
//! id. Both are pure functions.

use crate::entities::{self, Found, Reading};
use crate::lexicon::Lexicon;
use crate::model::*;
use crate::sentences;
use crate::text;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Links the mentions of one document to each other.
pub fn within_document(doc: &Document, lang: Lang, sentences: &[Span], mut found: Found, lexicon: &Lexicon) -> Found {
    let text = doc.text.as_str();
    qualify_bodies(&mut found, lang, lexicon);
    link_parenthesized_aliases(text, sentences, &mut found);
    link_short_names(text, &mut found);
    link_company_short_forms(text, sentences, &mut found, lexicon);
    link_anaphors(text, lang, sentences, &mut found, lexicon);
    found.mentions.sort();
    found
}

/// The country a document is mostly about: most mentions of the country or
/// of its bodies; the first mentioned wins a tie.
fn dominant_country(found: &Found) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, mention) in found.mentions.iter().enumerate() {
        let entity = &found.entities[mention.entity];
        if !matches!(entity.etype, EntityType::Country | EntityType::Agency) {
            continue;
        }
        if let Some(country) = &entity.country {
            match counts.iter_mut().find(|(c, _, _)| c == country) {
                Some(entry) => entry.1 += 1,
                None => counts.push((country.clone(), 1, order)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().next().map(|(c, _, _)| c)
}

/// Gives "unqualified:<kind>" and "federal:<kind>" placeholders a country.
///
/// An unqualified body ("das Handelsministerium", "the federal government")
/// is the body of that kind named with its country in the same or the
/// previous sentence ("das chinesische Handelsministerium … Das
/// Handelsministerium"), else the
/// body of the document's dominant country (a German article that names no
/// state is about Germany). A "Bundes-" body is German, unless the document
/// names nothing German and is about another federal state: translated US
/// news call Washington "die Bundesregierung".
fn qualify_bodies(found: &mut Found, lang: Lang, lexicon: &Lexicon) {
    let placeholder = |key: &str| key.starts_with("unqualified:") || key.starts_with("federal:");
    if !found.entities.iter().any(|e| placeholder(&e.key)) {
        return;
    }
    let dominant = dominant_country(found);
    let germany = lexicon.words.get("unqualified.federal_country").first().cloned().unwrap_or_else(|| "DEU".into());
    let names_germany = found.entities.iter().any(|e| !placeholder(&e.key) && e.country.as_deref() == Some(germany.as_str()));
    let federal_states = lexicon.words.get("unqualified.federal_states");
    let kind_of = |entity: &LocalEntity| -> Option<String> {
        if let Some(rest) = entity.key.strip_prefix("body:") {
            return rest.split(':').next().map(str::to_string);
        }
        entity.key.strip_prefix("lex:").and_then(|id| lexicon.entry(id)).and_then(|e| e.kind.clone())
    };
    let mut order: Vec<usize> = (0..found.mentions.len()).collect();
    order.sort_by_key(|&i| found.mentions[i].span);
    for &i in &order {
        let entity = &found.entities[found.mentions[i].entity];
        let (federal, kind) = match entity.key.split_once(':') {
            Some(("unqualified", kind)) => (false, kind.to_string()),
            Some(("federal", kind)) => (true, kind.to_string()),
            _ => continue,
        };
        let offset = found.mentions[i].span.start;
        let country = if federal {
            match &dominant {
                Some(d) if !names_germany && federal_states.contains(d) => d.clone(),
                _ => germany.clone(),
            }
        } else {
            // The same kind last named with its country, in this sentence or the one before.
            let sentence = found.mentions[i].sentence;
            let recent = order
                .iter()
                .rev()
                .map(|&j| &found.mentions[j])
                .filter(|m| m.span.end <= offset && m.sentence + 1 >= sentence)
                .find(|m| !placeholder(&found.entities[m.entity].key) && kind_of(&found.entities[m.entity]).as_deref() == Some(kind.as_str()));
            if let Some(m) = recent {
                found.mentions[i].entity = m.entity;
                continue;
            }
            match dominant.clone().or_else(|| (lang == Lang::De).then(|| germany.clone())) {
                Some(c) => c,
                None => continue,
            }
        };
        let Some(country_index) = lexicon.countries.iter().position(|c| c.iso3 == country) else { continue };
        let Some(institution) = lexicon.institutions.iter().position(|x| x.kind == kind) else { continue };
        let reading = match lexicon.body_of(&kind, &country).and_then(|e| lexicon.entry_index(&e.id)) {
            Some(entry) => Reading::Entry(entry),
            None => Reading::Body { institution, country: Some(country_index) },
        };
        let Some(resolved) = entities::entity_of(&reading, "", lexicon) else { continue };
        let target = match found.entities.iter().position(|e| e.key == resolved.key) {
            Some(existing) => existing,
            None => {
                found.entities.push(resolved);
                found.entities.len() - 1
            }
        };
        found.mentions[i].entity = target;
    }
    // Placeholders that resolved nowhere are dropped.
    let remap: Vec<Option<usize>> =
        found.entities.iter().enumerate().map(|(i, e)| if placeholder(&e.key) { None } else { Some(i) }).collect();
    apply_remap(found, &remap);
}

/// Re-points mentions through `remap` (None drops them) and drops entities
/// no mention points to.
fn apply_remap(found: &mut Found, remap: &[Option<usize>]) {
    found.mentions.retain_mut(|m| match remap.get(m.entity).copied().unwrap_or(Some(m.entity)) {
        Some(target) => {
            m.entity = target;
            true
        }
        None => false,
    });
    let used: BTreeSet<usize> = found.mentions.iter().map(|m| m.entity).collect();
    let mut new_index = vec![usize::MAX; found.entities.len()];
    let mut entities = Vec::new();
    for (i, entity) in found.entities.iter().enumerate() {
        if used.contains(&i) {
            new_index[i] = entities.len();
            entities.push(entity.clone());
        }
    }
    for m in &mut found.mentions {
        m.entity = new_index[m.entity];
    }
    found.entities = entities;
}

/// "Bureau of Industry and Security (BIS)", "Ford Motor Co (F.N)": the
/// parenthesised form names the same entity, here and wherever it recurs.
fn link_parenthesized_aliases(text: &str, sentences: &[Span], found: &mut Found) {
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for mention in found.mentions.clone() {
        let rest = &text[mention.span.end..];
        let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).unwrap_or(rest);
        let Some(inner) = rest.strip_prefix(" (") else { continue };
        let Some(close) = inner.find(')') else { continue };
        let alias = &inner[..close];
        let ok = (2..=10).contains(&alias.len())
            && alias.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && alias.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '&');
        if ok && found.entities[mention.entity].etype != EntityType::Country {
            aliases.push((alias.to_string(), mention.entity));
        }
    }
    for (alias, entity) in aliases {
        // Entities that a pattern made of the bare alias are the same entity.
        let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
        for (i, e) in found.entities.iter().enumerate() {
            if i != entity && e.name == alias && e.key.starts_with("name:") {
                remap[i] = Some(entity);
            }
        }
        let mut start = 0;
        while let Some(pos) = text[start..].find(alias.as_str()) {
            let s = start + pos;
            let e = s + alias.len();
            start = e;
            if !text::at_word_boundary(text, s, e) && !text[e..].starts_with(['\'', '’', ')']) {
                continue;
            }
            let span = Span::new(s, e);
            if found.mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            found.mentions.push(Mention {
                span,
                sentence: entities::sentence_of(sentences, s),
                entity,
                anaphoric: false,
                modifier: false,
            });
        }
        apply_remap(found, &remap);
        found.mentions.sort();
    }
}

/// "Elmos" after "Elmos Semiconductor": a company name without its
/// organisation suffixes, where it stands alone elsewhere in the document,
/// names the same company.
fn link_company_short_forms(text: &str, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    let suffixes = lexicon.words.get("org_suffixes.company");
    let is_suffix = |w: &str| suffixes.iter().any(|s| s.trim_end_matches('.') == w.trim_end_matches('.'));
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (i, entity) in found.entities.iter().enumerate() {
        if entity.etype != EntityType::Company || !entity.key.starts_with("name:") {
            continue;
        }
        let words: Vec<&str> = entity.name.split_whitespace().collect();
        let core: Vec<&str> = words.iter().copied().take_while(|w| !is_suffix(w)).collect();
        if core.len() == 1 && words.len() > 1 && core[0].chars().count() >= 4 && text::is_capitalized(core[0]) {
            forms.push((core[0].to_string(), i));
        }
    }
    for (form, entity) in forms {
        let mut start = 0;
        while let Some(pos) = text[start..].find(form.as_str()) {
            let (s, e) = (start + pos, start + pos + form.len());
            start = e;
            let end = if text[e..].starts_with('s') && text::at_word_boundary(text, s, e + 1) { e + 1 } else { e };
            if !text::at_word_boundary(text, s, end) {
                continue;
            }
            let span = Span::new(s, end);
            if found.mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            found.mentions.push(Mention { span, sentence: entities::sentence_of(sentences, s), entity, anaphoric: false, modifier: false });
        }
    }
    found.mentions.sort();
}

/// A one-word pattern name that is the last word of a fuller name of the
/// same type in the document ("Ross" after "Wilbur Ross") is that entity.
fn link_short_names(text: &str, found: &mut Found) {
    let _ = text;
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut changed = false;
    for (i, short) in found.entities.iter().enumerate() {
        if !short.key.starts_with("name:") || short.name.contains(' ') || short.etype != EntityType::Person {
            continue;
        }
        let candidates: Vec<usize> = found
            .entities
            .iter()
            .enumerate()
            .filter(|(j, long)| {
                *j != i
                    && long.etype == short.etype
                    && long.name.split_whitespace().count() > 1
                    && long.name.split_whitespace().any(|w| text::fold(w) == text::fold(&short.name))
            })
            .map(|(j, _)| j)
            .collect();
        if candidates.len() == 1 {
            remap[i] = Some(candidates[0]);
            changed = true;
        }
    }
    if changed {
        apply_remap(found, &remap);
    }
}

/// Links nominal anaphors and sentence-initial "It" to the nearest earlier
/// entity of a compatible type.
fn link_anaphors(text: &str, lang: Lang, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    let code = lang.code();
    let lists: [(&str, &[EntityType]); 2] = [
        ("company", &[EntityType::Company]),
        ("agency", &[EntityType::Agency]),
    ];
    let mut added = Vec::new();
    for (kind, types) in lists {
        for phrase in lexicon.words.get(&format!("anaphora.{kind}_{code}")) {
            let phrase_lower = phrase.to_lowercase();
            let lower = text.to_lowercase();
            if lower.len() != text.len() {
                // Lowercasing changed byte lengths (rare letters); offsets would not line up.
                continue;
            }
            let mut start = 0;
            while let Some(pos) = lower[start..].find(&phrase_lower) {
                let s = start + pos;
                let e = s + phrase_lower.len();
                start = e;
                if !text::at_word_boundary(text, s, e) || s < 1 && false {
                    continue;
                }
                // The head noun is the mention ("the company" → "company" is not a name).
                let span = Span::new(s, e);
                if found.mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let sentence = entities::sentence_of(sentences, s);
                if let Some(entity) = antecedent(text, found, s, sentence, types) {
                    added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
                }
            }
        }
    }
    // A description that opens a sentence ("The world's third-largest
    // smartphone vendor sued …", "Der Konzern aus Shenzhen …") and ends in a
    // company noun of the apposition list refers back to the last company.
    for (i, sentence) in sentences.iter().enumerate() {
        let trimmed = sentences::trimmed(text, *sentence);
        let words = text::words(text, trimmed.start, trimmed.end);
        let Some(first) = words.first() else { continue };
        let determiners = ["the", "der", "die", "das"];
        if !determiners.contains(&first.text(text).to_lowercase().as_str()) {
            continue;
        }
        let nouns = lexicon.words.lang("appositions.company", lang);
        for k in 1..words.len().min(7) {
            let w = words[k].text(text);
            let is_noun = nouns.iter().any(|n| n.eq_ignore_ascii_case(w) || n.split_whitespace().last().is_some_and(|l| l.eq_ignore_ascii_case(w)));
            if !is_noun {
                continue;
            }
            // "the drone maker DJI" names the company itself.
            let next_is_name = words.get(k + 1).is_some_and(|n| text::is_capitalized(n.text(text)) && lang == Lang::En);
            let span = Span::new(first.span.start, words[k].span.end);
            let taken = found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span));
            if !next_is_name && !taken {
                if let Some(entity) = antecedent(text, found, span.start, i, &[EntityType::Company]) {
                    added.push(Mention { span, sentence: i, entity, anaphoric: true, modifier: false });
                }
            }
            break;
        }
    }
    // Personal pronouns refer back to the last person ("he was working with
    // Xi", "accused her of misleading HSBC", "er kritisierte").
    for pronoun in lexicon.words.get(&format!("anaphora.person_{code}")) {
        let mut start = 0;
        while let Some(pos) = text[start..].find(pronoun.as_str()).or_else(|| {
            // Capitalised at the start of a sentence.
            let mut capital = pronoun.clone();
            if let Some(first) = capital.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            text[start..].find(capital.as_str())
        }) {
            let s = start + pos;
            let e = s + pronoun.len();
            start = e;
            if !text::at_word_boundary(text, s, e) {
                continue;
            }
            let span = Span::new(s, e);
            if found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span)) {
                continue;
            }
            let sentence = entities::sentence_of(sentences, s);
            if let Some(entity) = antecedent(text, found, s, sentence, &[EntityType::Person]) {
                added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
            }
        }
    }
    // A sentence that opens with "It" (English) continues with the last organisation.
    if lang == Lang::En {
        for (i, sentence) in sentences.iter().enumerate() {
            let trimmed = sentences::trimmed(text, *sentence);
            let slice = trimmed.slice(text);
            if slice.starts_with("It ") && !slice.starts_with("It is ") && !slice.starts_with("It was ") {
                let span = Span::new(trimmed.start, trimmed.start + 2);
                if let Some(entity) = antecedent(text, found, span.start, i, &[EntityType::Company, EntityType::Agency]) {
                    added.push(Mention { span, sentence: i, entity, anaphoric: true, modifier: false });
                }
            }
        }
    }
    found.mentions.extend(added);
    found.mentions.sort();
}

/// The antecedent of an anaphor at `offset`: the nearest compatible name
/// earlier in the same sentence, else the first compatible name (the
/// subject, as a rule) of the closest earlier sentence that has one. Sources
/// ("according to Reuters", "laut Canalys") are never antecedents.
fn antecedent(text: &str, found: &Found, offset: usize, sentence: usize, types: &[EntityType]) -> Option<usize> {
    let compatible = |m: &&Mention| {
        // The four words before the name, as " w1 w2 w3 w4 ".
        let window: Vec<&str> = text[..m.span.start].split_whitespace().rev().take(4).collect();
        let window = format!(" {} ", window.into_iter().rev().collect::<Vec<_>>().join(" ").to_lowercase());
        let source = [" laut ", " according to ", " in accordance with ", " in accordance to ", " zufolge "].iter().any(|c| window.contains(c));
        !m.modifier && !m.anaphoric && types.contains(&found.entities[m.entity].etype) && !source
    };
    let earlier: Vec<&Mention> = found.mentions.iter().filter(|m| m.span.end <= offset).filter(compatible).collect();
    if let Some(m) = earlier.iter().rev().find(|m| m.sentence == sentence) {
        return Some(m.entity);
    }
    let closest = earlier.iter().rev().map(|m| m.sentence).find(|&s| s < sentence)?;
    earlier.iter().find(|m| m.sentence == closest).map(|m| m.entity)
}

// ---------------------------------------------------------------------------
// Across documents
// ---------------------------------------------------------------------------

struct GlobalEntity {
    key: String,
    etype_votes: BTreeMap<EntityType, usize>,
    local: LocalEntity,
    surfaces: BTreeMap<String, usize>,
    documents: BTreeSet<usize>,
    n_mentions: usize,
    first: (usize, usize),
    weak: bool,
}

struct GlobalEvent {
    etype: EventType,
    mode: Option<String>,
    context: BTreeSet<String>,
    cameo: String,
    agent: Vec<usize>,
    target: Vec<usize>,
    reported_by: Vec<usize>,
    dates: Vec<String>,
    modalities: Vec<Modality>,
    evidence: BTreeSet<(usize, Span)>,
}

/// Merges the analyses of a corpus into one graph with stable ids.
pub fn across_documents(docs: &[Document], analyses: &[Analysis], lexicon: &Lexicon) -> Graph {
    // 1. Entities by key.
    let mut globals: Vec<GlobalEntity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut local_to_global: Vec<Vec<usize>> = Vec::with_capacity(analyses.len());
    for (d, analysis) in analyses.iter().enumerate() {
        let mut map = Vec::with_capacity(analysis.entities.len());
        for entity in &analysis.entities {
            let g = *by_key.entry(entity.key.clone()).or_insert_with(|| {
                globals.push(GlobalEntity {
                    key: entity.key.clone(),
                    etype_votes: BTreeMap::new(),
                    local: entity.clone(),
                    surfaces: BTreeMap::new(),
                    documents: BTreeSet::new(),
                    n_mentions: 0,
                    first: (d, usize::MAX),
                    weak: true,
                });
                globals.len() - 1
            });
            globals[g].weak &= entity.weak;
            *globals[g].etype_votes.entry(entity.etype).or_default() += if entity.weak { 1 } else { 10 };
            if !entity.weak && globals[g].local.weak {
                globals[g].local = entity.clone();
            }
            map.push(g);
        }
        for mention in &analysis.mentions {
            let g = map[mention.entity];
            let global = &mut globals[g];
            global.documents.insert(d);
            global.first = global.first.min((d, mention.span.start));
            if !mention.anaphoric {
                global.n_mentions += 1;
                let surface = text::strip_possessive(mention.span.slice(&docs[d].text)).trim().to_string();
                *global.surfaces.entry(surface).or_default() += 1;
            }
        }
        local_to_global.push(map);
    }
    // A pattern name that another entity of the corpus is also called
    // ("YMTC", linked to "Yangtze Memory Technologies" in another article), and
    // a one-word person name that begins or ends a single fuller name ("Zhang"
    // for "Zhang Haoran", "Ross" for "Wilbur Ross"), are that entity.
    let mut called: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (g, global) in globals.iter().enumerate() {
        for surface in global.surfaces.keys() {
            called.entry(text::fold(surface)).or_default().insert(g);
        }
    }
    let merge_into: Vec<usize> = (0..globals.len())
        .map(|i| {
            let g = &globals[i];
            if !g.key.starts_with("name:") {
                return i;
            }
            let own = text::fold(&g.local.name);
            let others: Vec<usize> = called
                .get(&own)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| j != i && !globals[j].weak && (globals[j].local.etype == g.local.etype || g.weak))
                .collect();
            if others.len() == 1 && !globals[others[0]].key.starts_with("name:") || others.len() == 1 && globals[others[0]].local.name.len() > g.local.name.len() {
                return others[0];
            }
            if (g.local.etype != EntityType::Person && !g.weak) || g.local.name.contains(' ') {
                return i;
            }
            let fuller: Vec<usize> = (0..globals.len())
                .filter(|&j| {
                    let name = &globals[j].local.name;
                    j != i
                        && globals[j].local.etype == EntityType::Person
                        && name.contains(' ')
                        && (name.rsplit(' ').next().is_some_and(|w| text::fold(w) == own)
                            || name.split(' ').next().is_some_and(|w| text::fold(w) == own))
                })
                .collect();
            if fuller.len() == 1 { fuller[0] } else { i }
        })
        .collect();
    for map in &mut local_to_global {
        for g in map.iter_mut() {
            *g = merge_into[*g];
        }
    }
    for i in 0..globals.len() {
        let j = merge_into[i];
        if j != i {
            let surfaces = std::mem::take(&mut globals[i].surfaces);
            let documents = std::mem::take(&mut globals[i].documents);
            let (n, first) = (globals[i].n_mentions, globals[i].first);
            let target = &mut globals[j];
            for (s, c) in surfaces {
                *target.surfaces.entry(s).or_default() += c;
            }
            target.documents.extend(documents);
            target.n_mentions += n;
            target.first = target.first.min(first);
            globals[i].n_mentions = 0;
        }
    }

    // 2. Events: map to global entities, then merge those that tell the same happening.
    let mut events: Vec<GlobalEvent> = Vec::new();
    for (d, analysis) in analyses.iter().enumerate() {
        let map = &local_to_global[d];
        for event in &analysis.events {
            let ids = |list: &[usize]| -> Vec<usize> {
                let mut out: Vec<usize> = Vec::new();
                for &l in list {
                    let g = map[l];
                    if !out.contains(&g) {
                        out.push(g);
                    }
                }
                out
            };
            let sentence = analysis.sentences.get(event.sentence).copied().unwrap_or(event.trigger);
            let evidence = sentences::trimmed(&docs[d].text, sentence);
            events.push(GlobalEvent {
                etype: event.etype,
                mode: event.mode.clone(),
                context: event.context.iter().cloned().collect(),
                cameo: event.cameo.clone(),
                agent: ids(&event.agent),
                target: ids(&event.target),
                reported_by: ids(&event.reported_by),
                dates: event.date.iter().cloned().collect(),
                modalities: vec![event.modality],
                evidence: BTreeSet::from([(d, evidence)]),
            });
        }
    }
    // Subsidiaries and offices belong to the family of their parent: an
    // investigation of "Alibaba Cloud" and one of "Alibaba" can be one event.
    let mut parent: Vec<usize> = (0..globals.len()).collect();
    for (g, global) in globals.iter().enumerate() {
        let Some(entry) = global.key.strip_prefix("lex:").and_then(|id| lexicon.entry(id)) else { continue };
        for rel in &entry.relations {
            if matches!(RelationType::parse(&rel.rtype), Some(RelationType::SubsidiaryOf | RelationType::PartOf)) {
                if let Some(&p) = by_key.get(&format!("lex:{}", rel.target)) {
                    parent[g] = merge_into[p];
                    break;
                }
            }
        }
    }
    // Offices that the text places inside another body count too ("a small
    // office within the Commerce Department called …").
    for (d, analysis) in analyses.iter().enumerate() {
        for relation in &analysis.relations {
            if matches!(relation.rtype, RelationType::PartOf | RelationType::SubsidiaryOf) {
                let (child, parent_of) = (merge_into[local_to_global[d][relation.source]], merge_into[local_to_global[d][relation.target]]);
                if parent[child] == child && child != parent_of {
                    parent[child] = parent_of;
                }
            }
        }
    }
    let family: Vec<usize> = (0..globals.len())
        .map(|mut g| {
            for _ in 0..4 {
                g = parent[g];
            }
            g
        })
        .collect();
    let events = merge_events(events, &globals, &family);

    // 3. Relations: from text, and from the lexicon where both ends appear in a document.
    let mut relations: BTreeMap<(usize, RelationType, usize), (BTreeSet<usize>, BTreeSet<(usize, Span)>)> = BTreeMap::new();
    for (d, analysis) in analyses.iter().enumerate() {
        let map = &local_to_global[d];
        for relation in &analysis.relations {
            let (s, t) = (map[relation.source], map[relation.target]);
            if s == t {
                continue;
            }
            let entry = relations.entry((s, relation.rtype, t)).or_default();
            entry.0.insert(d);
            if let Some(sentence) = relation.sentence.and_then(|i| analysis.sentences.get(i)) {
                entry.1.insert((d, sentences::trimmed(&docs[d].text, *sentence)));
            }
        }
        let present: HashMap<&str, usize> = map.iter().map(|&g| (globals[g].key.as_str(), g)).collect();
        for &g in map {
            let Some(id) = globals[g].key.strip_prefix("lex:") else { continue };
            let Some(entry) = lexicon.entry(id) else { continue };
            for rel in &entry.relations {
                let Some(rtype) = RelationType::parse(&rel.rtype) else { continue };
                let target_key = if lexicon.entry(&rel.target).is_some() { format!("lex:{}", rel.target) } else { format!("country:{}", rel.target) };
                let Some(&t) = present.get(target_key.as_str()) else { continue };
                if t == g {
                    continue;
                }
                let e = relations.entry((g, rtype, t)).or_default();
                e.0.insert(d);
                // Evidence: a sentence that names both.
                let sentence_of = |target: usize| -> BTreeSet<usize> {
                    analysis.mentions.iter().filter(|m| map[m.entity] == target).map(|m| m.sentence).collect()
                };
                let both: Vec<usize> = sentence_of(g).intersection(&sentence_of(t)).copied().collect();
                if let Some(&i) = both.first() {
                    e.1.insert((d, sentences::trimmed(&docs[d].text, analysis.sentences[i])));
                }
            }
        }
    }

    // 4. Which entities make it into the graph: all but weak ones nothing needs.
    // A weak name earns its place as the agent or target of an event that has
    // both, or as the end of a relation.
    let mut needed: BTreeSet<usize> = BTreeSet::new();
    for event in events.iter().filter(|e| !e.agent.is_empty() && !e.target.is_empty()) {
        needed.extend(event.agent.iter().chain(&event.target).chain(&event.reported_by));
    }
    for (s, _, t) in relations.keys() {
        needed.insert(*s);
        needed.insert(*t);
    }
    let mut kept: Vec<usize> = (0..globals.len())
        .filter(|&i| merge_into[i] == i && (globals[i].n_mentions > 0 && !globals[i].weak || needed.contains(&i)))
        .collect();
    kept.sort_by_key(|&i| (globals[i].first, i));
    let mut id_of: HashMap<usize, String> = HashMap::new();
    for (n, &g) in kept.iter().enumerate() {
        id_of.insert(g, format!("e{}", n + 1));
    }

    let doc_id = |d: usize| docs[d].id.clone();
    let mut graph = Graph {
        documents: docs
            .iter()
            .zip(analyses)
            .map(|(doc, a)| DocumentInfo {
                id: doc.id.clone(),
                path: doc.path.clone(),
                lang: a.lang.map(|l| l.code().to_string()),
                title: doc.title.clone(),
                sha256: doc.sha256.clone(),
                date: doc.date.clone(),
            })
            .collect(),
        ..Graph::default()
    };
    for &g in &kept {
        let global = &globals[g];
        let etype = if global.key.starts_with("name:") {
            global.etype_votes.iter().max_by_key(|(_, n)| **n).map(|(t, _)| *t).unwrap_or(global.local.etype)
        } else {
            global.local.etype
        };
        let name = if global.key.starts_with("name:") {
            // The most used full name ("Hamburger Hafen und Logistik AG" over
            // "HHLA"), without its legal form for a company.
            let best = global
                .surfaces
                .iter()
                .max_by(|a, b| {
                    let words = |s: &str| s.split_whitespace().count().min(2);
                    words(a.0).cmp(&words(b.0)).then(a.1.cmp(b.1)).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))
                })
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| global.local.name.clone());
            if etype == EntityType::Company {
                crate::entities::patterns::strip_legal_form(&best, lexicon).to_string()
            } else {
                best
            }
        } else {
            global.local.name.clone()
        };
        let mut aliases: Vec<String> = global.surfaces.keys().filter(|s| **s != name).cloned().collect();
        aliases.sort();
        graph.entities.push(Entity {
            id: id_of[&g].clone(),
            name,
            etype,
            country: global.local.country.clone(),
            sector: global.local.sector.clone(),
            aliases,
            documents: global.documents.iter().map(|&d| doc_id(d)).collect(),
            mentions: global.n_mentions,
        });
    }
    let mut mentions = Vec::new();
    for (d, analysis) in analyses.iter().enumerate() {
        for mention in analysis.mentions.iter().filter(|m| !m.anaphoric) {
            let g = local_to_global[d][mention.entity];
            if let Some(id) = id_of.get(&g) {
                mentions.push(GraphMention {
                    document: doc_id(d),
                    start: mention.span.start,
                    end: mention.span.end,
                    entity: id.clone(),
                    etype: graph.entities[id[1..].parse::<usize>().unwrap_or(1) - 1].etype,
                    text: mention.span.slice(&docs[d].text).to_string(),
                });
            }
        }
    }
    graph.mentions = Some(mentions);

    let evidence_of = |set: &BTreeSet<(usize, Span)>| -> Vec<Evidence> {
        set.iter()
            .map(|(d, span)| Evidence { document: doc_id(*d), start: span.start, end: span.end, text: span.slice(&docs[*d].text).to_string() })
            .collect()
    };
    let ids = |list: &[usize]| -> Vec<String> { list.iter().filter_map(|g| id_of.get(g).cloned()).collect() };
    let mut events: Vec<&GlobalEvent> = events.iter().filter(|e| !ids(&e.agent).is_empty() || !ids(&e.target).is_empty()).collect();
    events.sort_by_key(|e| e.evidence.iter().next().map(|(d, s)| (*d, s.start)));
    for (n, event) in events.iter().enumerate() {
        let documents: BTreeSet<usize> = event.evidence.iter().map(|(d, _)| *d).collect();
        graph.events.push(Event {
            id: format!("v{}", n + 1),
            etype: event.etype,
            mode: event.mode.clone(),
            context: event.context.iter().cloned().collect(),
            cameo: event.cameo.clone(),
            agent: ids(&event.agent),
            target: ids(&event.target),
            date: best_date(&event.dates),
            modality: majority(&event.modalities),
            reported_by: ids(&event.reported_by),
            documents: documents.into_iter().map(doc_id).collect(),
            evidence: evidence_of(&event.evidence),
        });
    }
    let mut rels: Vec<(String, RelationType, String, Vec<String>, Vec<Evidence>)> = relations
        .iter()
        .filter_map(|((s, rtype, t), (documents, evidence))| {
            Some((id_of.get(s)?.clone(), *rtype, id_of.get(t)?.clone(), documents.iter().map(|&d| doc_id(d)).collect(), evidence_of(evidence)))
        })
        .collect();
    let num = |id: &str| id[1..].parse::<usize>().unwrap_or(0);
    rels.sort_by(|a, b| (num(&a.0), a.1, num(&a.2)).cmp(&(num(&b.0), b.1, num(&b.2))));
    for (n, (source, rtype, target, documents, evidence)) in rels.into_iter().enumerate() {
        graph.relations.push(Relation { id: format!("r{}", n + 1), source, rtype, target, documents, evidence });
    }
    graph
}

/// The most specific date that the others do not contradict.
fn best_date(dates: &[String]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in dates {
        *counts.entry(d.as_str()).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(d, _)| d.to_string())
}

fn majority(modalities: &[Modality]) -> Modality {
    let mut counts: BTreeMap<Modality, usize> = BTreeMap::new();
    for m in modalities {
        *counts.entry(*m).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(m, _)| m).unwrap_or(Modality::Asserted)
}

fn dates_compatible(a: &[String], b: &[String]) -> bool {
    match (best_date(a), best_date(b)) {
        (Some(x), Some(y)) => x.starts_with(&y) || y.starts_with(&x),
        _ => true,
    }
}

/// Two events tell the same happening when type and mode agree, their
/// targets overlap (or both have none), their agents overlap or belong to the
/// same state (or one has none), and their dates do not contradict.
fn same_happening(a: &GlobalEvent, b: &GlobalEvent, globals: &[GlobalEntity], family: &[usize]) -> bool {
    if a.etype != b.etype || a.mode != b.mode || !dates_compatible(&a.dates, &b.dates) {
        return false;
    }
    let overlap = |x: &[usize], y: &[usize]| x.iter().any(|i| y.iter().any(|j| family[*i] == family[*j]));
    // Within one article, a headline or a later sentence that names no
    // target ("Bundesregierung untersagt Verkauf") tells the event its
    // body states in full, when the agents agree.
    let one_side_untargeted = a.target.is_empty() != b.target.is_empty();
    if one_side_untargeted {
        let same_document = a.evidence.iter().any(|(d, _)| b.evidence.iter().any(|(e, _)| d == e));
        return same_document && !a.agent.is_empty() && !b.agent.is_empty() && overlap(&a.agent, &b.agent);
    }
    let targets = if a.target.is_empty() && b.target.is_empty() { true } else { overlap(&a.target, &b.target) };
    if !targets {
        return false;
    }
    if a.agent.is_empty() || b.agent.is_empty() {
        return !a.target.is_empty();
    }
    if overlap(&a.agent, &b.agent) {
        return true;
    }
    let country = |g: &usize| {
        let e = &globals[*g].local;
        matches!(e.etype, EntityType::Agency | EntityType::Country | EntityType::Person).then(|| e.country.clone()).flatten()
    };
    let ca: BTreeSet<String> = a.agent.iter().filter_map(country).collect();
    let cb: BTreeSet<String> = b.agent.iter().filter_map(country).collect();
    !a.target.is_empty() && ca.len() == 1 && ca == cb
}

fn merge_events(events: Vec<GlobalEvent>, globals: &[GlobalEntity], family: &[usize]) -> Vec<GlobalEvent> {
    let mut merged: Vec<GlobalEvent> = Vec::new();
    for event in events {
        match merged.iter_mut().find(|m| same_happening(m, &event, globals, family)) {
            Some(m) => {
                for list in [(&mut m.agent, &event.agent), (&mut m.target, &event.target), (&mut m.reported_by, &event.reported_by)] {
                    for x in list.1 {
                        if !list.0.contains(x) {
                            list.0.push(*x);
                        }
                    }
                }
                m.context.extend(event.context);
                m.dates.extend(event.dates);
                m.modalities.extend(event.modalities);
                m.evidence.extend(event.evidence);
            }
            None => merged.push(event),
        }
    }
    merged
}

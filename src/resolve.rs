//! Resolution: one node per real-world entity.
//!
//! Within a document ([`within_document`]) it gives unqualified bodies ("die
//! Bundesregierung", "the federal government") the country the document is
//! about, links acronyms introduced in parentheses to their long form, short
//! forms ("Ross") to full names, and nominal anaphors ("the company", "das
//! Unternehmen", "die Behörde", "it") to the nearest compatible entity.
//! Across documents ([`across_documents`]) it merges entities by key, events
//! that tell the same happening, and relations, and gives every node a stable
//! id (the passes of [`crate::assemble`], run in memory). Both are pure
//! functions.

use crate::assemble::{EntityPass, EventPass, EvidenceRef, PriorIds};
use crate::compact::Compact;
use crate::entities::{self, Found, Reading};
use crate::lexicon::Lexicon;
use crate::model::*;
use crate::sentences;
use crate::text;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeSet;

/// Links the mentions of one document to each other.
pub fn within_document(doc: &Document, lang: Lang, sentences: &[Span], mut found: Found, lexicon: &Lexicon) -> Found {
    let text = doc.text.as_str();
    qualify_bodies(text, &mut found, lang, lexicon);
    localize_bare_aliases(text, &mut found, lexicon);
    follow_named_bodies(text, &mut found, lexicon);
    name_generic_regulators(&mut found, lexicon);
    seat_courts(text, &mut found, lexicon);
    possessive_seats(text, &mut found, lexicon);
    name_generic_courts(&mut found, lexicon);
    link_parenthesized_aliases(text, sentences, &mut found);
    link_renamed(text, lang, &mut found, lexicon);
    link_named_bodies(text, &mut found);
    link_assumed_names(text, lang, &mut found, lexicon);
    link_short_names(text, &mut found, lexicon);
    link_surnames(text, sentences, &mut found, lexicon);
    link_company_short_forms(text, sentences, &mut found, lexicon);
    link_repeated_names(text, sentences, &mut found, lexicon);
    link_titled_persons(text, sentences, &mut found, lexicon);
    link_anaphors(text, lang, sentences, &mut found, lexicon);
    link_pairs(text, lang, sentences, &mut found, lexicon);
    found.mentions.sort();
    found
}

/// "Both men", "die beiden Konzerne": a pair refers back to the last of
/// the six sentences before its own that names exactly two people,
/// companies or countries, and is a mention of each of them.
fn link_pairs(text: &str, lang: Lang, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    const REACH: usize = 6;
    let code = lang.code();
    let kinds = [("person", EntityType::Person), ("company", EntityType::Company), ("country", EntityType::Country)];
    let mut added = Vec::new();
    for (kind, etype) in kinds {
        for (_, s, e) in lexicon.words.find_items(&format!("anaphora.pair_{kind}_{code}"), text) {
            let span = Span::new(s, e);
            if !text::at_word_boundary(text, s, e) || found.mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let sentence = entities::sentence_of(sentences, s);
            let named_in = |k: usize| -> BTreeSet<usize> {
                found
                    .mentions
                    .iter()
                    .filter(|m| m.sentence == k && m.span.end <= s && !m.anaphoric && !m.modifier)
                    .filter(|m| found.entities[m.entity].etype == etype)
                    .map(|m| m.entity)
                    .collect()
            };
            // (Not the pair's own sentence: "Burford, which bought the Petersen
            // claims after the two companies went bankrupt".)
            let pair = (sentence.saturating_sub(REACH)..sentence).rev().map(named_in).find(|named| named.len() >= 2);
            // (Each mention its own part of the phrase, as mentions never
            // overlap: "both" and "men".)
            let Some(cut) = text[s..e].rfind(' ').map(|k| s + k) else { continue };
            if let Some(pair) = pair.filter(|named| named.len() == 2) {
                let parts = [Span::new(s, cut), Span::new(cut + 1, e)];
                for (span, entity) in parts.into_iter().zip(pair) {
                    added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
                }
            }
        }
    }
    found.mentions.extend(added);
}

/// "Der Kanzler", "the minister": a title after an article, with no name
/// after it, refers back to the last person the document named with that
/// title ("Bundeskanzler Olaf Scholz", "Economy Minister Robert Habeck"; a
/// German compound title ends with the word).
fn link_titled_persons(text: &str, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    if !found.entities.iter().any(|e| e.etype == EntityType::Person) {
        return;
    }
    let is_title = |f: &str| {
        f.chars().count() >= 4
            && (lexicon.words.contains_lowered("titles.en", f) || lexicon.words.contains_lowered("titles.de", f))
    };
    let words = text::words(text, 0, text.len());
    // The lowercased word right before each person's named mention.
    let titled: Vec<(usize, String, usize)> = found
        .mentions
        .iter()
        .filter(|m| !m.anaphoric && found.entities[m.entity].etype == EntityType::Person)
        .filter_map(|m| {
            // A royal title is part of the name it opens ("König Salman",
            // "King Salman"): the name's own first word is its title then.
            let own = m.span.slice(text).split_once(' ').map(|(first, _)| first.to_lowercase());
            if let Some(own) = own.filter(|w| is_title(w)) {
                return Some((m.span.start, own, m.entity));
            }
            let k = words.partition_point(|w| w.span.end <= m.span.start);
            let before = words.get(k.checked_sub(1)?)?;
            // A plural title names a list, not one person: "die Richter
            // Flávio Dino, Cristiano Zanin …", "judges X and Y".
            let title = before.text(text).to_lowercase();
            let article = k.checked_sub(2).map(|j| words[j].text(text).to_lowercase()).unwrap_or_default();
            let plural = article == "die" && !title.ends_with("in")
                || title.ends_with('s') && !title.ends_with("ss") && !["des", "eines"].contains(&article.as_str());
            (!plural && text[before.span.end..m.span.start].trim().is_empty()).then_some((
                m.span.start,
                title,
                m.entity,
            ))
        })
        .collect();
    if titled.is_empty() {
        return;
    }
    let determiners = ["the", "der", "die", "den", "dem", "des"];
    let mut added = Vec::new();
    for k in 1..words.len() {
        if !determiners.iter().any(|d| words[k - 1].text(text).eq_ignore_ascii_case(d)) {
            continue;
        }
        let lower = words[k].text(text).to_lowercase();
        let Some(title) = text::inflected_forms(&lower).find(|f| is_title(f)) else { continue };
        let span = Span::new(words[k - 1].span.start, words[k].span.end);
        // "the Chancellor Olaf Scholz" is a title, not an anaphor.
        let named_after = found.mentions.iter().any(|m| {
            m.span.start >= span.end && text[span.end..m.span.start].trim().is_empty() || m.span.overlaps(span)
        });
        if named_after {
            continue;
        }
        // (A title's synonyms count: "the judge" is "Justice Alexandre de Moraes".)
        let synonyms: Vec<&str> = lexicon
            .words
            .get("anaphora.title_synonyms")
            .iter()
            .map(|group| group.split_whitespace().collect::<Vec<_>>())
            .filter(|group| group.contains(&title))
            .flatten()
            .collect();
        let person = titled
            .iter()
            .rev()
            .find(|(start, before, _)| {
                *start < span.start && (before.ends_with(title) || synonyms.iter().any(|t| before == t))
            })
            .map(|&(_, _, e)| e);
        if let Some(entity) = person {
            let sentence = entities::sentence_of(sentences, span.start);
            added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
        }
    }
    found.mentions.extend(added);
    found.mentions.sort();
}

/// The country a document is mostly about: most mentions of the country or
/// of its bodies; the first mentioned wins a tie.
fn dominant_country(found: &Found) -> Option<String> {
    found.country_counts(true).first().map(|(c, _)| c.to_string())
}

/// Gives "unqualified:<kind>" and "federal:<kind>" placeholders a country.
///
/// An unqualified body ("das Handelsministerium", "the federal government")
/// is its country's where a capital places it ("In Peking wies das
/// Handelsministerium … zurück"), else the body of that kind named with its
/// country in the same or the
/// previous sentence ("das chinesische Handelsministerium … Das
/// Handelsministerium"), else the first body of that kind the document named,
/// else, for a part of the executive, the country of the executive body named
/// before it, else the body of the document's dominant country (a German
/// article that names no state is about Germany). A "Bundes-" body is German, unless the document
/// is about Austria or Switzerland, whose own bodies are "Bundes-" bodies, or
/// names nothing German and is about another federal state: translated US
/// news call Washington "die Bundesregierung".
fn qualify_bodies(text: &str, found: &mut Found, lang: Lang, lexicon: &Lexicon) {
    let placeholder = |key: &str| key.starts_with("unqualified:") || key.starts_with("federal:");
    if !found.entities.iter().any(|e| placeholder(&e.key)) {
        return;
    }
    let dominant = dominant_country(found);
    let germany = lexicon.words.get("unqualified.federal_country").first().cloned().unwrap_or_else(|| "DEU".into());
    let names_germany =
        found.entities.iter().any(|e| !placeholder(&e.key) && e.country.as_deref() == Some(germany.as_str()));
    let federal_states = lexicon.words.get("unqualified.federal_states");
    let federal_native = lexicon.words.get("unqualified.federal_native");
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
        // A body's name right after the noun is the body: "die
        // Wettbewerbsbehörde CMA".
        let end = found.mentions[i].span.end;
        let named = found.mentions.iter().find(|m| {
            m.span.start > end
                && text[end..m.span.start] == *" "
                && !m.anaphoric
                && found.entities[m.entity].etype == EntityType::Agency
                && !placeholder(&found.entities[m.entity].key)
        });
        if let Some(named) = named {
            found.mentions[i].entity = named.entity;
            continue;
        }
        // A capital the clause places the body in: "In Peking wies das
        // Handelsministerium Bedenken zurück", "the trade ministry in Tokyo".
        let named_only = lexicon.words.get("unqualified.named_only_kinds").contains(&kind);
        if let Some(country) = located_in_capital(text, found, i, lexicon).filter(|_| !named_only) {
            if let Some(entity) = body_in(&kind, country, lexicon) {
                found.mentions[i].entity = entity_index(found, entity);
                continue;
            }
        }
        let country = if federal {
            match &dominant {
                Some(d) if federal_native.contains(d) => d.clone(),
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
                .find(|m| {
                    !placeholder(&found.entities[m.entity].key)
                        && kind_of(&found.entities[m.entity]).as_deref() == Some(kind.as_str())
                });
            // Else the first such body the article named: its protagonist, as
            // a rule, with others' reactions in between ("das US-Handelsministerium
            // … das chinesische Handelsministerium … Erst im März hatte das
            // Handelsministerium Inspur auf die Liste gesetzt").
            let first = || {
                order.iter().map(|&j| &found.mentions[j]).filter(|m| m.span.end <= offset).find(|m| {
                    !placeholder(&found.entities[m.entity].key)
                        && kind_of(&found.entities[m.entity]).as_deref() == Some(kind.as_str())
                })
            };
            if let Some(m) = recent.or_else(first) {
                found.mentions[i].entity = m.entity;
                continue;
            }
            // Some kinds are only ever a body the article named: "die
            // Wettbewerbshüter in Brüssel" in an article about Italy are not
            // Italy's (`unqualified.named_only_kinds`).
            if lexicon.words.get("unqualified.named_only_kinds").contains(&kind) {
                continue;
            }
            // Else, for a part of the executive, the country of the first
            // executive body named before it ("Die Bundesregierung … Das
            // Kabinett", even in an article mostly about China).
            let executive = lexicon.words.get("unqualified.executive");
            let executive_country = || {
                if !executive.contains(&kind) {
                    return None;
                }
                order.iter().map(|&j| &found.mentions[j]).filter(|m| m.span.end <= offset).find_map(|m| {
                    let entity = &found.entities[m.entity];
                    let is_executive =
                        !placeholder(&entity.key) && kind_of(entity).is_some_and(|k| executive.contains(&k));
                    is_executive.then(|| entity.country.clone()).flatten()
                })
            };
            // Else the country whose government the sentence or the one
            // before names ("the government had decided to stop the sale.
            // The Ministry of Justice and Public Security said"), even where
            // the article names another country more often.
            let sentence = found.mentions[i].sentence;
            let recent_executive = || {
                order
                    .iter()
                    .rev()
                    .map(|&j| &found.mentions[j])
                    .filter(|m| m.span.end <= offset && m.sentence + 1 >= sentence)
                    .find_map(|m| {
                        let entity = &found.entities[m.entity];
                        let is_executive =
                            !placeholder(&entity.key) && kind_of(entity).is_some_and(|k| executive.contains(&k));
                        is_executive.then(|| entity.country.clone()).flatten()
                    })
            };
            match executive_country()
                .or_else(recent_executive)
                .or_else(|| dominant.clone())
                .or_else(|| (lang == Lang::De).then(|| germany.clone()))
            {
                Some(c) => c,
                None => continue,
            }
        };
        let Some(country_index) = lexicon.countries.iter().position(|c| c.iso3 == country) else { continue };
        let Some(resolved) = body_in(&kind, country_index, lexicon) else { continue };
        found.mentions[i].entity = entity_index(found, resolved);
    }
    // Placeholders that resolved nowhere are dropped.
    let remap: Vec<Option<usize>> =
        found.entities.iter().enumerate().map(|(i, e)| if placeholder(&e.key) { None } else { Some(i) }).collect();
    apply_remap(found, &remap);
}

/// A country's body of a kind: the lexicon's entry, else a generic body.
fn body_in(kind: &str, country: usize, lexicon: &Lexicon) -> Option<LocalEntity> {
    let institution = lexicon.institutions.iter().position(|x| x.kind == kind)?;
    let iso3 = &lexicon.countries[country].iso3;
    let reading = match lexicon.body_of(kind, iso3).and_then(|e| lexicon.entry_index(&e.id)) {
        Some(entry) => Reading::Entry(entry),
        None => Reading::Body { institution, country: Some(country) },
    };
    entities::entity_of(&reading, "", lexicon)
}

/// The country whose capital places the unqualified body of mention `i`:
/// a fronted "In <capital>" a few words before it ("In Peking wies das
/// Handelsministerium", "In Tokyo, the trade ministry said"), or "in
/// <capital>" right after it ("the ministry in Beijing").
fn located_in_capital(text: &str, found: &Found, i: usize, lexicon: &Lexicon) -> Option<usize> {
    let body = found.mentions[i].span;
    // The country whose capital `rest` starts with, as a whole word.
    // (Brussels is no capital in the lexicon: it seats the EU's bodies.)
    let capital_at = |rest: &str| {
        lexicon.countries.iter().enumerate().find_map(|(c, country)| {
            country.capital_en.iter().chain(&country.capital_de).find_map(|name| {
                let tail = rest.strip_prefix(name.as_str())?;
                tail.starts_with([' ', ',', '.', ';']).then_some((c, name.len()))
            })
        })
    };
    let after = &text[body.end..];
    if let Some((c, _)) = after.strip_prefix(" in ").and_then(capital_at) {
        return Some(c);
    }
    // A fronted "In <capital>": at most three words from the body, at the
    // start of the sentence.
    let from = text[..body.start].char_indices().rev().nth(60).map_or(0, |(k, _)| k);
    let lead = &text[from..body.start];
    let at = lead.rfind("In ")?;
    let (c, len) = capital_at(&lead[at + 3..])?;
    let before = text[..from + at].trim_end();
    let opens = before.is_empty() || before.ends_with(['.', '"', ':', '!', '?']) || text[..from + at].ends_with('\n');
    let between = lead[at + 3 + len..].trim_start_matches(',');
    (opens && between.split_whitespace().count() <= 3 && !between.contains([',', ';', ':', '.'])).then_some(c)
}

/// "The Philippines' Securities and Exchange Commission … the SEC said": a
/// lexicon body's acronym after a body of the same kind of another country
/// whose name it spells is that body, as a reader takes it.
fn follow_named_bodies(text: &str, found: &mut Found, lexicon: &Lexicon) {
    let kind_of = |entity: usize| {
        let e = &found.entities[entity];
        e.key
            .strip_prefix("lex:")
            .and_then(|id| lexicon.entry(id))
            .and_then(|e| e.kind.as_deref())
            .map(|k| (k, e.country.as_deref()))
    };
    let mut follow: Vec<(usize, usize)> = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        // Only an acronym that the earlier body's name spells too ("SEC" of
        // "Securities and Exchange Commission of the Philippines"): a bare
        // name ("the Commerce Department") is the state's that news mean by it.
        // (The cheap test first: most mentions are no acronym.)
        let surface = text::strip_possessive(m.span.slice(text)).trim();
        let acronym = (2..=6).contains(&surface.len()) && surface.chars().all(|c| c.is_ascii_uppercase());
        if m.anaphoric || !acronym {
            continue;
        }
        let Some((kind, Some(country))) = kind_of(m.entity) else { continue };
        let earlier = found.mentions[..i].iter().find(|e| {
            !e.anaphoric
                && e.entity != m.entity
                && kind_of(e.entity).is_some_and(|(k, c)| k == kind && c.is_some() && c != Some(country))
        });
        let Some(earlier) = earlier else { continue };
        let initials: String = found.entities[earlier.entity]
            .name
            .split_whitespace()
            .filter(|w| text::is_capitalized(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.starts_with(surface) {
            follow.push((i, earlier.entity));
        }
    }
    for (i, entity) in follow {
        found.mentions[i].entity = entity;
    }
}

/// "The Treasury's Office of Financial Sanctions Implementation" in an article
/// about Britain is HM Treasury: a bare alias that news use for one state's
/// body (`unqualified.bare_aliases` in grammar.toml: "Treasury") means the body
/// of the same kind of the document's dominant country, where that body's
/// name holds the word too.
///
/// A bare name of `unqualified.absent_aliases` ("the Department of Justice")
/// means the body of the dominant country's kind, whatever its name, but
/// only in a document that names the state of the lexicon's body in no other
/// way, about a state that names its ministries so
/// (`unqualified.department_states`).
fn localize_bare_aliases(text: &str, found: &mut Found, lexicon: &Lexicon) {
    let words = lexicon.words.get("unqualified.bare_aliases");
    let absent = lexicon.words.get("unqualified.absent_aliases");
    let surface = |m: &Mention| text::strip_possessive(m.span.slice(text)).trim();
    let bare = |m: &Mention| words.iter().find(|w| w.as_str() == surface(m));
    let bare_absent = |m: &Mention| absent.iter().any(|w| w.as_str() == surface(m));
    if !found.mentions.iter().any(|m| !m.anaphoric && (bare(m).is_some() || bare_absent(m))) {
        return;
    }
    let Some(dominant) = dominant_country(found) else { return };
    // The states the document names other than by such a bare name, by an
    // entity of theirs or by a word of their own (a dateline's "WASHINGTON"
    // names no entity).
    let named_states: Vec<String> = found
        .mentions
        .iter()
        .filter(|m| !bare_absent(m))
        .filter_map(|m| found.entities[m.entity].country.clone())
        .collect();
    let names_state = |iso3: &str| {
        named_states.iter().any(|c| c == iso3)
            || lexicon.countries.iter().find(|c| c.iso3 == iso3).is_some_and(|c| {
                [&c.en, &c.de, &c.adj_en, &c.adj_de, &c.capital_en, &c.capital_de]
                    .into_iter()
                    .flatten()
                    .any(|w| text::contains_word(text, w) || text::contains_word(text, &w.to_uppercase()))
            })
    };
    let mut changed = false;
    for i in 0..found.mentions.len() {
        let mention = found.mentions[i];
        if mention.anaphoric {
            continue;
        }
        let word = bare(&mention);
        let entity = &found.entities[mention.entity];
        let foreign = entity.country.as_deref().is_some_and(|c| c != dominant && !names_state(c))
            && lexicon.words.get("unqualified.department_states").contains(&dominant);
        if word.is_none() && !(bare_absent(&mention) && foreign) {
            continue;
        }
        if entity.country.as_deref() == Some(dominant.as_str()) {
            continue;
        }
        let Some(kind) = entity.key.strip_prefix("lex:").and_then(|id| lexicon.entry(id)).and_then(|e| e.kind.clone())
        else {
            continue;
        };
        let reading = match (lexicon.body_of(&kind, &dominant), word) {
            // ("the Treasury" is the British body whose name holds the word.)
            (Some(local), Some(word)) if !local.name.split_whitespace().any(|w| w == word) => continue,
            (Some(local), _) => match lexicon.entry_index(&local.id) {
                Some(entry) => Reading::Entry(entry),
                None => continue,
            },
            (None, Some(_)) => continue,
            (None, None) => {
                let country = lexicon.countries.iter().position(|c| c.iso3 == dominant);
                let Some(institution) = lexicon.institutions.iter().position(|x| x.kind == kind) else { continue };
                Reading::Body { institution, country }
            }
        };
        let Some(resolved) = entities::entity_of(&reading, "", lexicon) else {
            continue;
        };
        found.mentions[i].entity = entity_index(found, resolved);
        changed = true;
    }
    if changed {
        drop_unused_entities(found);
    }
}

/// "UK regulator", "US-Regulierungsbehörden": a country's regulators in
/// general are the one regulator of that country the document names (the
/// Competition and Markets Authority), if it names exactly one. Which kinds of
/// body regulate is `unqualified.regulator_kinds` in grammar.toml.
fn name_generic_regulators(found: &mut Found, lexicon: &Lexicon) {
    let kinds = lexicon.words.get("unqualified.regulator_kinds");
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut changed = false;
    for (i, generic) in found.entities.iter().enumerate() {
        let Some(country) = generic.key.strip_prefix("body:regulators:") else { continue };
        let regulates = |e: &LocalEntity| {
            e.etype == EntityType::Agency
                && e.country.as_deref() == Some(country)
                && e.key
                    .strip_prefix("lex:")
                    .and_then(|id| lexicon.entry(id))
                    .and_then(|entry| entry.kind.as_ref())
                    .is_some_and(|k| kinds.contains(k))
        };
        let mut named = found.entities.iter().enumerate().filter(|(_, e)| regulates(e)).map(|(j, _)| j);
        if let (Some(j), None) = (named.next(), named.next()) {
            remap[i] = Some(j);
            changed = true;
        }
    }
    if changed {
        apply_remap(found, &remap);
    }
}

/// "Regional Court in Brno": a court's name with the city it sits in, when
/// the city is a name of its own right after " in ", is one court, not a
/// bare "Regional Court" beside a guessed company "Brno" or the city. (A
/// country stays apart: "the Supreme Court in Panama" is Panama's court,
/// told where.)
fn seat_courts(text: &str, found: &mut Found, lexicon: &Lexicon) {
    let mut order: Vec<usize> = (0..found.mentions.len()).collect();
    order.sort_by_key(|&i| found.mentions[i].span);
    let mut merges = Vec::new();
    for pair in order.windows(2) {
        let (court, seat) = (&found.mentions[pair[0]], &found.mentions[pair[1]]);
        let court_entity = &found.entities[court.entity];
        let seat_entity = &found.entities[seat.entity];
        let court_name = court.span.slice(text);
        let named_court = !court.anaphoric
            && court_entity.etype == EntityType::Agency
            && court_entity.key.starts_with("name:")
            && ["Court", "Tribunal"].iter().any(|c| court_name.ends_with(c));
        // (Or a city the lexicon lists, after a court named only by what it
        // is, `unqualified.court_qualifiers_en`: "Regional Court in Brno",
        // not "King County Superior Court in Seattle".)
        let qualified_only = || {
            let mut words: Vec<&str> = court_name.split(' ').collect();
            words.pop();
            !words.is_empty() && words.iter().all(|w| lexicon.words.contains("unqualified.court_qualifiers_en", w))
        };
        let guessed_seat = !seat.anaphoric
            && (seat_entity.key.starts_with("name:") && seat_entity.weak && !seat.span.slice(text).contains(' ')
                || seat_entity.etype == EntityType::Location && qualified_only());
        if named_court && guessed_seat && &text[court.span.end..seat.span.start] == " in " {
            merges.push((pair[0], pair[1]));
        }
    }
    let mut seats = vec![false; found.mentions.len()];
    for &(c, s) in &merges {
        let span = Span::new(found.mentions[c].span.start, found.mentions[s].span.end);
        let name = span.slice(text).to_string();
        let key = entities::patterns::key(EntityType::Agency, &name, lexicon);
        let entity = match found.entities.iter().position(|e| e.key == key) {
            Some(e) => e,
            None => {
                let court = &found.entities[found.mentions[c].entity];
                found.entities.push(LocalEntity { key, name, weak: false, ..court.clone() });
                found.entities.len() - 1
            }
        };
        found.mentions[c].span = span;
        found.mentions[c].entity = entity;
        seats[s] = true;
    }
    if !merges.is_empty() {
        let mut seat = seats.into_iter();
        found.mentions.retain(|_| !seat.next().unwrap_or(false));
        drop_unused_entities(found);
        found.mentions.sort();
    }
}

/// "Berlin's Higher Regional Court": a body named after its city's
/// possessive is the lexicon's body that the city and the name make
/// ("Berlin Higher Regional Court", "Higher Regional Court of Berlin",
/// "… in Berlin"), where the name alone is none the lexicon knows.
fn possessive_seats(text: &str, found: &mut Found, lexicon: &Lexicon) {
    let mut changed = false;
    for k in 0..found.mentions.len() {
        let m = &found.mentions[k];
        let entity = &found.entities[m.entity];
        if m.anaphoric || entity.etype != EntityType::Agency || !entity.key.starts_with("name:") {
            continue;
        }
        let lead = &text[..m.span.start];
        let Some(owner) = lead.strip_suffix("'s ").or_else(|| lead.strip_suffix("’s ")) else { continue };
        let city = &owner[text::after_last(owner, |c: char| !c.is_alphabetic() && c != '-')..];
        if city.chars().count() < 3 || !text::is_capitalized(city) {
            continue;
        }
        let name = m.span.slice(text);
        let known = [format!("{city} {name}"), format!("{name} of {city}"), format!("{name} in {city}")]
            .into_iter()
            .find_map(|phrase| {
                lexicon.gazetteer.find(&phrase).into_iter().find_map(|hit| match hit.target {
                    entities::gazetteer::Target::Entry(i) if hit.span == Span::new(0, phrase.len()) => Some(i),
                    _ => None,
                })
            });
        let Some(i) = known else { continue };
        let Some(local) = entities::entity_of(&Reading::Entry(i), name, lexicon) else { continue };
        let index = match found.entities.iter().position(|e| e.key == local.key) {
            Some(e) => e,
            None => {
                found.entities.push(local);
                found.entities.len() - 1
            }
        };
        let old = found.mentions[k].entity;
        for mention in found.mentions.iter_mut().filter(|x| x.entity == old) {
            mention.entity = index;
        }
        changed = true;
    }
    if changed {
        drop_unused_entities(found);
    }
}

/// "A Czech court on Tuesday barred …": a country's courts in general are
/// the court the document names next, within three sentences ("The
/// Regional Court in Brno issued a preliminary injunction"), else the last
/// it named before; a court of that country or of none the lexicon knows.
fn name_generic_courts(found: &mut Found, lexicon: &Lexicon) {
    // The state whose capital a name holds ("Zentrale Bezirksgericht in Seoul").
    let seated_in = |name: &str| -> Option<&str> {
        let words: Vec<&str> = name.split([' ', '-']).collect();
        lexicon
            .countries
            .iter()
            .find(|c| c.capital_en.iter().chain(&c.capital_de).any(|cap| words.contains(&cap.as_str())))
            .map(|c| c.iso3.as_str())
    };
    let mut changed = false;
    for i in 0..found.mentions.len() {
        let m = found.mentions[i];
        let Some(country) = found.entities[m.entity].key.strip_prefix("body:courts:").map(str::to_string) else {
            continue;
        };
        let named_court = |o: &Mention| {
            let e = &found.entities[o.entity];
            !o.anaphoric
                && e.etype == EntityType::Agency
                && !e.key.starts_with("body:")
                && is_court(e)
                && e.country.as_deref().or_else(|| seated_in(&e.name)).is_none_or(|c| c == country)
        };
        let next = found
            .mentions
            .iter()
            .filter(|o| o.span.start >= m.span.end && o.sentence <= m.sentence + 3 && named_court(o))
            .min_by_key(|o| o.span.start);
        let last = || {
            found.mentions.iter().filter(|o| o.span.end <= m.span.start && named_court(o)).max_by_key(|o| o.span.start)
        };
        if let Some(entity) = next.or_else(last).map(|o| o.entity) {
            found.mentions[i].entity = entity;
            found.mentions[i].anaphoric = true;
            changed = true;
        }
    }
    if changed {
        drop_unused_entities(found);
    }
}

/// The index of the entity with `entity`'s key, added if the document has none.
fn entity_index(found: &mut Found, entity: LocalEntity) -> usize {
    match found.entities.iter().position(|e| e.key == entity.key) {
        Some(existing) => existing,
        None => {
            found.entities.push(entity);
            found.entities.len() - 1
        }
    }
}

/// Drops the entities no mention points to any more.
fn drop_unused_entities(found: &mut Found) {
    let identity: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    apply_remap(found, &identity);
}

/// Re-points mentions through `remap` (None drops them) and drops entities
/// no mention points to.
/// Points entity `from` at `into` where neither is linked yet; whether it did.
fn link_into(remap: &mut [Option<usize>], from: usize, into: usize) -> bool {
    let free = remap[into] == Some(into) && remap[from] == Some(from);
    if free {
        remap[from] = Some(into);
    }
    free
}

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
    let mut aliases: Vec<(String, Span, bool)> = Vec::new();
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
            // (With the small words or without: "Bureau of Industry and
            // Security (BIS)", "Indigenous People of Biafra (IPOB)".)
            let initials = |all: bool| -> String {
                mention
                    .span
                    .slice(text)
                    .split([' ', '-'])
                    .filter_map(|w| w.chars().next().filter(|c| all || c.is_uppercase()))
                    .flat_map(char::to_uppercase)
                    .collect()
            };
            aliases.push((alias.to_string(), mention.span, initials(false) == alias || initials(true) == alias));
        }
    }
    for (alias, span, defined) in aliases {
        // (By its mention: each link renumbers the entities.)
        let Some(entity) = found.mentions.iter().find(|m| m.span == span).map(|m| m.entity) else { continue };
        // A name its acronym spells out is a name, whatever its shape.
        if defined {
            found.entities[entity].weak = false;
        }
        // Entities that a pattern made of the bare alias are the same entity;
        // so is a lexicon entry the document writes only as an alias its
        // initials define: "Autoriteit Persoonsgegevens (AP)" is no Associated Press.
        let written_only_as_alias = |i: usize| {
            found.mentions.iter().filter(|m| m.entity == i).all(|m| {
                let s = m.span.slice(text);
                s == alias || s.strip_prefix(alias.as_str()).is_some_and(|rest| ["'s", "’s"].contains(&rest))
            })
        };
        let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
        for (i, e) in found.entities.iter().enumerate() {
            let pattern_made = e.name == alias && e.key.starts_with("name:");
            if i != entity && (pattern_made || defined && written_only_as_alias(i)) {
                remap[i] = Some(entity);
            }
        }
        // "(BIS)" may be followed by a possessive or closing bracket: "BIS's", "(BIS)".
        add_occurrences(text, sentences, found, &alias, entity, |s, e| {
            (text::at_word_boundary(text, s, e) || text[e..].starts_with(['\'', '’', ')'])).then_some(e)
        });
        apply_remap(found, &remap);
        found.mentions.sort();
    }
}

/// "Guangwen Kuang, also known as Andrew Kuang", "Twitter, now X", "X
/// (formerly Twitter)", "Twitter, heute X": a name right after a renaming
/// phrase (`anaphora.renamed_*`) and closed by punctuation names the same
/// entity as the name before it. One of the two must be a name that no list
/// holds, so two known entities are never merged; the known one is kept.
fn link_renamed(text: &str, lang: Lang, found: &mut Found, lexicon: &Lexicon) {
    let path = lexicon.words.lang_path("anaphora.renamed", lang);
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut linked = false;
    for pair in found.mentions.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.anaphoric || b.anaphoric || a.entity == b.entity || b.span.start < a.span.end {
            continue;
        }
        let gap = text[a.span.end..b.span.start].trim();
        let Some(phrase) = gap.strip_prefix(',').or_else(|| gap.strip_prefix('(')) else { continue };
        if !lexicon.words.contains_ignore_ascii_case(&path, phrase.trim()) {
            continue;
        }
        let closed = text[b.span.end..].chars().next().is_none_or(|c| matches!(c, ',' | ')' | '.' | ';' | ':' | '\n'));
        let (ea, eb) = (&found.entities[a.entity], &found.entities[b.entity]);
        let named = |e: &LocalEntity| e.key.starts_with("name:");
        let compatible = ea.etype == eb.etype || ea.weak || eb.weak;
        if !closed || !compatible || ea.etype == EntityType::Country || !(named(ea) || named(eb)) {
            continue;
        }
        let (from, into) = if named(ea) && !named(eb) { (a.entity, b.entity) } else { (b.entity, a.entity) };
        if remap[into] == Some(into) && remap[from] == Some(from) {
            remap[from] = Some(into);
            linked = true;
            // A guessed type gives way to the other name's cue ("Andrew").
            if found.entities[into].weak && !found.entities[from].weak {
                found.entities[into].etype = found.entities[from].etype;
                found.entities[into].weak = false;
            }
        }
    }
    if linked {
        apply_remap(found, &remap);
        found.mentions.sort();
    }
}

/// "das mexikanische Umweltministerium Semarnat", "Brazil's antitrust
/// regulator Cadex": a one-word name typed as an agency (as the nouns of
/// `appositions.agency_*` type the name after them), or an acronym, right after a mention
/// of a state body is that body's own name, so both
/// are one entity: the body, which knows its country, with the name as a
/// surface (assembly names the body by it).
fn link_named_bodies(text: &str, found: &mut Found) {
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut linked = false;
    for pair in found.mentions.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.anaphoric || b.anaphoric || a.modifier || a.entity == b.entity || b.span.start != a.span.end + 1 {
            continue;
        }
        if text.as_bytes()[a.span.end] != b' ' {
            continue;
        }
        let (ea, eb) = (&found.entities[a.entity], &found.entities[b.entity]);
        // (A lexicon body has a country: "Brazil's antitrust regulator" is CADE.)
        let body = ea.etype == EntityType::Agency
            && (ea.key.starts_with("body:") || ea.key.starts_with("lex:") && ea.country.is_some());
        // (An acronym right after a body is its name whatever type its
        // shape gave it: "der namibischen Antikorruptionskommission ACC".)
        let acronym = {
            let word = b.span.slice(text);
            (2..=6).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_uppercase())
        };
        let name = eb.key.starts_with("name:")
            && (eb.etype == EntityType::Agency && !eb.weak || acronym && eb.etype == EntityType::Company);
        if !body || !name || b.span.slice(text).contains(' ') {
            continue;
        }
        linked |= link_into(&mut remap, b.entity, a.entity);
    }
    if linked {
        apply_remap(found, &remap);
        found.mentions.sort();
    }
}

/// "Krasikov, who entered Germany on a passport in the name of Vadim
/// Sokolov": a name right after a phrase of `anaphora.assumed_name_*` is one
/// the person named last before it in the sentence went by, so both are
/// one person. Only a name that no list holds is taken for an assumed one.
/// So is a company's new name after `anaphora.rebranded_*` ("The project,
/// rebranded as World"), the company named last before it, at most three
/// sentences back.
fn link_assumed_names(text: &str, lang: Lang, found: &mut Found, lexicon: &Lexicon) {
    let path = lexicon.words.lang_path("anaphora.assumed_name", lang);
    let renames = lexicon.words.get(&lexicon.words.lang_path("anaphora.rebranded", lang));
    let phrases: Vec<&String> = lexicon.words.get(&path).iter().chain(renames).collect();
    // A company's new name (`anaphora.rebranded_*`) is the company named
    // last before it, in its sentence or the three before ("The project,
    // rebranded as World last year"; "Facebook, which renamed itself Meta").
    let mut renamed: HashMap<usize, &Mention> = HashMap::new();
    for (k, b) in found.mentions.iter().enumerate() {
        let lead = text[..b.span.start].trim_end();
        let after_rename = renames.iter().any(|p| text::ends_with_phrase(lead, p));
        if !after_rename || found.entities[b.entity].etype != EntityType::Company {
            continue;
        }
        let company = found.mentions[..k]
            .iter()
            .rev()
            .take_while(|a| a.sentence + 3 >= b.sentence)
            .find(|a| a.entity != b.entity && !a.modifier && found.entities[a.entity].etype == EntityType::Company);
        if let Some(a) = company {
            renamed.insert(k, a);
        }
    }
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut linked = false;
    for (k, b) in found.mentions.iter().enumerate() {
        let eb = &found.entities[b.entity];
        // (A handle may look like a company: "under the alias GustaveDore".)
        let person_like = matches!(eb.etype, EntityType::Person | EntityType::Company) || eb.weak;
        if b.anaphoric || !person_like || !eb.key.starts_with("name:") {
            continue;
        }
        let lead = text[..b.span.start].trim_end();
        let after_phrase = phrases.iter().any(|p| text::ends_with_phrase(lead, p));
        if !after_phrase {
            continue;
        }
        let person = found.mentions[..k]
            .iter()
            .rev()
            .take_while(|a| a.sentence == b.sentence)
            .find(|a| a.entity != b.entity && !a.modifier && found.entities[a.entity].etype == EntityType::Person);
        let Some(a) = person.or_else(|| renamed.get(&k).copied()) else { continue };
        linked |= link_into(&mut remap, b.entity, a.entity);
    }
    if linked {
        apply_remap(found, &remap);
        found.mentions.sort();
    }
}

/// Adds a mention of `entity` at every occurrence of `form` that no mention
/// covers yet; `end_of(start, end)` says where an occurrence ends, or that it
/// is not a whole word.
fn add_occurrences(
    text: &str,
    sentences: &[Span],
    found: &mut Found,
    form: &str,
    entity: usize,
    end_of: impl Fn(usize, usize) -> Option<usize>,
) {
    let mut start = 0;
    while let Some(pos) = text[start..].find(form) {
        let s = start + pos;
        start = s + form.len();
        let Some(end) = end_of(s, start) else { continue };
        let span = Span::new(s, end);
        if found.mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let sentence = entities::sentence_of(sentences, s);
        found.mentions.push(Mention { span, sentence, entity, anaphoric: false, modifier: false });
    }
}

/// The short forms of a company's name: its one word before its suffixes
/// ("Elmos" of "Elmos Semiconductor", at least `min_chars` long), and its
/// first two words where a suffix follows them ("Eton Park" of "Eton Park
/// Capital Management", "Glas Trust" of "Glas Trust Company", "Westpac
/// Banking" beside "Westpac" of "Westpac Banking Corp").
pub(crate) fn company_short_forms(name: &str, min_chars: usize, lexicon: &Lexicon) -> Vec<String> {
    let is_suffix = |w: &str| lexicon.words.contains_undotted("org_suffixes.company", w);
    let words: Vec<&str> = name.split_whitespace().collect();
    let core = words.iter().take_while(|w| !is_suffix(w)).count();
    let mut forms = Vec::new();
    if core == 0 || !text::is_capitalized(words[0]) {
        return forms;
    }
    if core == 1 && words.len() > 1 && words[0].chars().count() >= min_chars {
        forms.push(words[0].to_string());
    }
    let two = match core {
        1 => words.len() >= 3 && is_suffix(words[2]),
        2 => words.len() >= 3,
        _ => false,
    };
    if two && text::is_capitalized(words[1]) {
        forms.push(words[..2].join(" "));
    }
    forms
}

/// "Elmos" after "Elmos Semiconductor": a company name without its
/// organisation suffixes, where it stands alone elsewhere in the document,
/// names the same company. So does "Arm" after "Arm Ltd" (a lexicon
/// company named with a suffix), which the recognizer, not knowing the bare
/// word as a name, may have taken for another company.
fn link_company_short_forms(text: &str, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    let core_of = |name: &str, min_chars: usize| company_short_forms(name, min_chars, lexicon);
    // An acronym that opens a company's name stands for it too: "C&S" after
    // "C&S Wholesale Grocers", "BDO" after "BDO Unibank" (unless two names
    // open with it: "TBC Bank" and "TBC Holding").
    let acronym_of = |name: &str| -> Option<String> {
        let (first, rest) = name.split_once(' ')?;
        let letters = first.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 2 && !rest.is_empty() && first.chars().all(|c| c.is_uppercase() || c == '&'))
            .then(|| first.to_string())
    };
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (i, entity) in found.entities.iter().enumerate() {
        if entity.etype != EntityType::Company || !entity.key.starts_with("name:") {
            continue;
        }
        let cores = core_of(&entity.name, 4);
        // (Both where a suffix leaves two words: "K&T Wholesale Foods".)
        let acronym = acronym_of(&entity.name).filter(|a| !cores.contains(a));
        forms.extend(cores.into_iter().map(|core| (core, i)));
        if let Some(acronym) = acronym {
            let shared = found
                .entities
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.name.starts_with(&format!("{acronym} ")));
            if !shared {
                forms.push((acronym, i));
            }
        }
    }
    for mention in &found.mentions {
        let entity = &found.entities[mention.entity];
        if entity.etype != EntityType::Company || !entity.key.starts_with("lex:") || mention.anaphoric {
            continue;
        }
        let name = mention.span.slice(text);
        if !name.contains(' ') {
            continue;
        }
        for core in core_of(name, 3) {
            // A bare form the lexicon knows ("Siemens" beside "Siemens AG")
            // is found already.
            let known = entity
                .key
                .strip_prefix("lex:")
                .and_then(|id| lexicon.entry(id))
                .is_some_and(|e| e.en.iter().chain(&e.de).any(|alias| *alias == core));
            if !known && !forms.contains(&(core.clone(), mention.entity)) {
                forms.push((core, mention.entity));
            }
        }
    }
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut changed = false;
    for (form, entity) in &forms {
        for (i, other) in found.entities.iter().enumerate() {
            if i != *entity
                && other.etype == EntityType::Company
                && other.key.starts_with("name:")
                && other.name == *form
            {
                remap[i] = Some(*entity);
                changed = true;
            }
        }
    }
    if changed {
        // Entities are renumbered: find the forms' ones again by key.
        let keys: Vec<(String, String)> =
            forms.iter().map(|(form, e)| (form.clone(), found.entities[remap[*e].unwrap_or(*e)].key.clone())).collect();
        apply_remap(found, &remap);
        forms = keys
            .into_iter()
            .filter_map(|(form, key)| found.entities.iter().position(|e| e.key == key).map(|i| (form, i)))
            .collect();
    }
    for (form, entity) in forms {
        // A German genitive "Elmos" stays the same name.
        add_occurrences(text, sentences, found, &form, entity, |s, e| {
            let end = if text[e..].starts_with('s') && text::at_word_boundary(text, s, e + 1) { e + 1 } else { e };
            text::at_word_boundary(text, s, end).then_some(end)
        });
    }
    found.mentions.sort();
}

/// A one-word company name found by its context ("des Halbleiterherstellers
/// Elmos") names the company wherever else the document writes it, even
/// where nothing marks it as a name ("Elmos hatte im Dezember vereinbart"
/// opens a sentence). One pass over the words.
fn link_repeated_names(text: &str, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    // A name found only by its shape ("weak") counts when the document
    // writes it inside a sentence ("its merger with Kroger"), not only
    // where any word is capitalized (a headline's or a sentence's first word).
    let mut inside = vec![false; found.entities.len()];
    for m in found.mentions.iter().filter(|m| !m.anaphoric) {
        let opening = sentences.get(m.sentence).map_or(0, |s| s.start);
        let lead = text[opening.min(m.span.start)..m.span.start].trim();
        inside[m.entity] |= !lead.is_empty() && !lead.ends_with(':');
    }
    let names: HashMap<&str, usize> = found
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            e.etype == EntityType::Company
                && e.key.starts_with("name:")
                && (!e.weak || inside[*i])
                && (e.name.chars().count() >= 3 || short_capitals(&e.name, lexicon))
                && text::is_capitalized(&e.name)
        })
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    if names.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut displaced = false;
    // A name of several words recurs where no cue types it: "der
    // Supermarktkette Future Retail … Future Retail begrüßte".
    // (Only a name a cue typed: "Justice and Public Security Minister" is no
    // company's.)
    let mut longer: Vec<(&str, usize)> =
        names.iter().filter(|(n, e)| n.contains(' ') && !found.entities[**e].weak).map(|(n, e)| (*n, *e)).collect();
    longer.sort();
    for (name, entity) in longer {
        for (start, _) in text.match_indices(name) {
            let span = Span::new(start, start + name.len());
            let bounded =
                !text[..start].ends_with(char::is_alphanumeric) && !text[span.end..].starts_with(char::is_alphanumeric);
            // (It takes the place of a shorter name inside it: "Future" of
            // Future Group in "Future Retail".)
            let inside = |m: &Mention| m.span.start >= span.start && m.span.end <= span.end && m.span != span;
            if !bounded || found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span) && !inside(m)) {
                continue;
            }
            let before = found.mentions.len();
            found.mentions.retain(|m| !inside(m));
            displaced |= found.mentions.len() < before;
            let sentence = entities::sentence_of(sentences, span.start);
            added.push(Mention { span, sentence, entity, anaphoric: false, modifier: false });
        }
    }
    for word in text::words(text, 0, text.len()) {
        let w = text::strip_possessive(word.text(text));
        let Some(&entity) = names.get(w) else { continue };
        let span = Span::new(word.span.start, word.span.start + w.len());
        if found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span)) {
            continue;
        }
        // A name found only by its shape ("weak") is a name elsewhere only
        // standing alone: "Commerce Secretary" is no mention of "Commerce".
        if found.entities[entity].weak && capitalized_neighbour(text, span) {
            continue;
        }
        let sentence = entities::sentence_of(sentences, span.start);
        added.push(Mention { span, sentence, entity, anaphoric: false, modifier: false });
    }
    found.mentions.extend(added);
    found.mentions.sort();
    // (A name displaced from its only mention is no entity of this document.)
    if displaced {
        drop_unused_entities(found);
    }
}

/// Does a capitalized word stand right before or after `span`, with only a
/// space between?
fn capitalized_neighbour(text: &str, span: Span) -> bool {
    let after = text[span.end..].strip_prefix(' ').and_then(|rest| rest.chars().next());
    let before = text[..span.start].strip_suffix(' ').and_then(|lead| {
        let word = lead.rsplit(|c: char| !c.is_alphanumeric()).next()?;
        word.chars().next()
    });
    after.is_some_and(char::is_uppercase) || before.is_some_and(char::is_uppercase)
}

/// A name of one or two capitals that is no function word ("X", not "A"
/// or "I"): repeated, it names what the document named so.
fn short_capitals(name: &str, lexicon: &Lexicon) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_uppercase())
        && !["function_words.en", "function_words.de", "stop_names.en_function_words", "stop_names.de_function_words"]
            .iter()
            .any(|path| lexicon.words.contains_ignore_ascii_case(path, name))
}

/// The one entity other than `short` whose name has several words and
/// `fits`; none where there are two or more.
fn only_fuller_name(found: &Found, short: usize, fits: impl Fn(&LocalEntity) -> bool) -> Option<usize> {
    let mut fuller = found
        .entities
        .iter()
        .enumerate()
        .filter(|(j, long)| *j != short && long.name.split_whitespace().count() > 1 && fits(long))
        .map(|(j, _)| j);
    let first = fuller.next()?;
    fuller.next().is_none().then_some(first)
}

/// A person's surname alone, after the full name, is that person, even where
/// nothing else marks it as a name ("Stadler hat die Vorwürfe bestritten"
/// opens a sentence; "Stadlers Wohnhaus" is a German genitive). A surname
/// that is a function word names nobody.
fn link_surnames(text: &str, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    let mut surnames: Vec<(String, usize, usize)> = Vec::new();
    for (i, entity) in found.entities.iter().enumerate() {
        if entity.etype != EntityType::Person || !entity.name.contains(' ') {
            continue;
        }
        // (East Asian names put the surname first: "Lee Jae Yong", "Xi
        // Jinping"; a first word that is also a given name only before two
        // more, "Lee Anderson" being a given name and a surname.)
        let parts: Vec<&str> = entity.name.split(' ').collect();
        let zh = |w: &str| lexicon.words.contains_ignore_ascii_case("surnames.zh", w);
        let given = |w: &str| {
            lexicon.words.contains_ignore_ascii_case("given_names.en", w)
                || lexicon.words.contains_ignore_ascii_case("given_names.de", w)
        };
        let surname_first = zh(parts[0]) && (parts.len() == 3 || !given(parts[0]));
        let Some(surname) = (if surname_first { parts.first() } else { parts.last() }).copied() else { continue };
        let plain = surname.chars().count() >= 2
            && text::is_capitalized(surname)
            && surname.chars().all(char::is_alphabetic)
            && !lexicon.words.contains_ignore_ascii_case("function_words.en", surname)
            && !lexicon.words.contains_ignore_ascii_case("function_words.de", surname);
        let first = found.mentions.iter().filter(|m| m.entity == i && !m.anaphoric).map(|m| m.span.end).min();
        if let (true, Some(first)) = (plain, first) {
            surnames.push((surname.to_string(), i, first));
        }
    }
    // People who share a surname, in the order they are first named.
    surnames.sort_by_key(|&(_, _, first)| first);
    let mut by_surname: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (s, e, f) in &surnames {
        by_surname.entry(s.as_str()).or_default().push((*e, *f));
    }
    if by_surname.is_empty() {
        return;
    }
    // The person a surname shared by several names: the one named in full
    // earlier in its sentence, else the one the document named first ("Alice
    // Guo … Guo … Her sister Shiela Guo was arrested. … Guo's case").
    let named_in_sentence = |mentions: &[Mention], entity: usize, sentence: Span, before: usize| {
        mentions
            .iter()
            .any(|m| m.entity == entity && !m.anaphoric && m.span.start >= sentence.start && m.span.end <= before)
    };
    // One pass over the words after the first full name.
    let from = surnames.iter().map(|&(_, _, first)| first).min().unwrap_or(text.len());
    let mut added = Vec::new();
    for word in text::words(text, from, text.len()) {
        let w = text::strip_possessive(word.text(text));
        // The German genitive "Stadlers" is the same name (but "the Guptas"
        // of two Guptas are the family: an article before a plural).
        let after_article = || {
            let previous = text[..word.span.start].trim_end().rsplit(' ').next().unwrap_or("");
            ["the", "die", "den", "der"].iter().any(|a| a.eq_ignore_ascii_case(previous))
        };
        let hit = by_surname.get(w).map(|people| (people, w.len())).or_else(|| {
            w.strip_suffix('s')
                .and_then(|stem| by_surname.get(stem))
                .filter(|p| p.len() == 1 || !after_article())
                .map(|p| (p, w.len()))
        });
        let Some((people, len)) = hit else { continue };
        let span = Span::new(word.span.start, word.span.start + len);
        let sentence = sentences.get(entities::sentence_of(sentences, span.start)).copied().unwrap_or(span);
        let named: Vec<(usize, usize)> = people.iter().copied().filter(|&(_, first)| first <= span.start).collect();
        let chosen = match named.as_slice() {
            [] => None,
            [only] => Some(*only),
            [protagonist, ..] => named
                .iter()
                .rev()
                .find(|&&(e, _)| named_in_sentence(&found.mentions, e, sentence, span.start))
                .or(Some(protagonist))
                .copied(),
        };
        let Some((entity, _)) = chosen else { continue };
        // A surname that is also a country's name ("Lisa Monaco", then
        // "Monaco said") is the person wherever the word stands alone, and
        // so is the surname found alone by its shape ("Guo, the former
        // mayor", read as a company).
        let mut overlapping = (0..found.mentions.len()).filter(|&k| found.mentions[k].span.overlaps(span));
        match (overlapping.next(), overlapping.next()) {
            (None, _) => {}
            (Some(k), None) => {
                let m = &found.mentions[k];
                let other = &found.entities[m.entity];
                let shape = other.key.starts_with("name:") && !other.name.contains(' ');
                if m.span == span && (other.etype == EntityType::Country || shape) && !m.modifier {
                    found.mentions[k].entity = entity;
                }
                continue;
            }
            _ => continue,
        }
        let sentence = entities::sentence_of(sentences, span.start);
        added.push(Mention { span, sentence, entity, anaphoric: false, modifier: false });
    }
    found.mentions.extend(added);
    found.mentions.sort();
}

/// A one-word pattern name that is the last word of a fuller name of the
/// same type in the document ("Ross" after "Wilbur Ross") is that entity.
/// So is the bare head of an agency's name ("the Commission's findings"
/// after "the European Commission"), whatever type its shape suggested.
fn link_short_names(text: &str, found: &mut Found, lexicon: &Lexicon) {
    let mut remap: Vec<Option<usize>> = (0..found.entities.len()).map(Some).collect();
    let mut changed = false;
    let tails = "org_suffixes.agency_tails_en";
    for (i, short) in found.entities.iter().enumerate() {
        if !short.key.starts_with("name:") || short.name.contains(' ') || !lexicon.words.contains(tails, &short.name) {
            continue;
        }
        let heads = |long: &LocalEntity| {
            long.etype == EntityType::Agency && long.name.rsplit(' ').next() == Some(short.name.as_str())
        };
        if let Some(j) = only_fuller_name(found, i, heads) {
            remap[i] = Some(j);
            changed = true;
        }
    }
    // (The bare head refers back: it is no alias of the body.)
    for m in &mut found.mentions {
        if remap[m.entity] != Some(m.entity) {
            m.anaphoric = true;
        }
    }
    // A body's name without its country is that body: "the Federal
    // Criminal Court" after "Switzerland's Federal Criminal Court", "the
    // Office of the Attorney General" after "… of Switzerland".
    for (i, short) in found.entities.iter().enumerate() {
        if remap[i] != Some(i)
            || short.etype != EntityType::Agency
            || !short.key.starts_with("name:")
            || !short.name.contains(' ')
        {
            continue;
        }
        let surfaces = |j: usize| {
            std::iter::once(found.entities[j].name.as_str())
                .chain(found.mentions.iter().filter(move |m| m.entity == j && !m.anaphoric).map(|m| m.span.slice(text)))
        };
        let without_country = |long: &str| {
            let rest = long
                .strip_prefix(short.name.as_str())
                .or_else(|| long.strip_suffix(short.name.as_str()))
                .filter(|rest| !rest.is_empty())?;
            let rest = rest.trim().trim_end_matches("'s").trim_end_matches("’s");
            let rest = rest.strip_prefix("of the ").or_else(|| rest.strip_prefix("of ")).unwrap_or(rest);
            Some(lexicon.countries.iter().any(|c| {
                c.name == rest || [&c.en, &c.adj_en, &c.de, &c.adj_de].iter().any(|l| l.iter().any(|a| a == rest))
            }))
        };
        let fits = |j: usize| {
            found.entities[j].etype == EntityType::Agency && surfaces(j).any(|s| without_country(s) == Some(true))
        };
        let fuller: Vec<usize> = (0..found.entities.len()).filter(|&j| j != i && fits(j)).collect();
        if let [j] = fuller[..] {
            remap[i] = Some(j);
        }
    }
    let first_mention = |e: usize| found.mentions.iter().filter(|m| m.entity == e).map(|m| m.span.start).min();
    // A name's initials, after the name: "die CS" after "Credit Suisse".
    for (i, short) in found.entities.iter().enumerate() {
        let acronym = (2..=5).contains(&short.name.len()) && short.name.chars().all(|c| c.is_ascii_uppercase());
        if remap[i] != Some(i) || !short.key.starts_with("name:") || !acronym {
            continue;
        }
        let initials = |long: &LocalEntity| {
            let words: String = long
                .name
                .split([' ', '-'])
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            matches!(long.etype, EntityType::Company | EntityType::Agency | EntityType::Organization)
                && words == short.name
        };
        if let Some(j) = only_fuller_name(found, i, initials) {
            if first_mention(j) < first_mention(i) {
                remap[i] = Some(j);
            }
        }
    }
    // A listed product's name that opens a company's name the document
    // gives before is that company's short name: "Azure's largest
    // shareholder" after "Azure Power Global Ltd" is no Microsoft Azure.
    for (i, short) in found.entities.iter().enumerate() {
        if remap[i] != Some(i) || short.etype != EntityType::Product || !short.key.starts_with("lex:") {
            continue;
        }
        let surfaces_fit = |long: &LocalEntity| {
            found.mentions.iter().filter(|m| m.entity == i).all(|m| {
                let surface = text::strip_possessive(m.span.slice(text));
                !surface.contains(' ') && long.name.strip_prefix(surface).is_some_and(|rest| rest.starts_with(' '))
            })
        };
        let opens = |long: &LocalEntity| {
            long.etype == EntityType::Company && long.key.starts_with("name:") && !long.weak && surfaces_fit(long)
        };
        if let Some(j) = only_fuller_name(found, i, opens) {
            if first_mention(j) < first_mention(i) {
                remap[i] = Some(j);
            }
        }
    }
    let mut changed = changed || remap.iter().enumerate().any(|(i, r)| *r != Some(i));
    for (i, short) in found.entities.iter().enumerate() {
        if remap[i] != Some(i) {
            continue;
        }
        // A weak guess (the bare "Zhao" of "among them Zhao and Ni") yields
        // to the person the document names in full ("Zhao Guangzong").
        if !short.key.starts_with("name:")
            || short.name.contains(' ')
            || !(short.etype == EntityType::Person || short.weak)
        {
            continue;
        }
        let names_it = |long: &LocalEntity| {
            long.etype == EntityType::Person
                && long.name.split_whitespace().any(|w| text::fold(w) == text::fold(&short.name))
        };
        if let Some(j) = only_fuller_name(found, i, names_it) {
            remap[i] = Some(j);
            changed = true;
        }
    }
    if changed {
        apply_remap(found, &remap);
    }
}

/// "the social media company's operations", "the state-owned lender", "des
/// Traditionskonzerns", "den Essener Industriekonzern": a definite article,
/// up to two (English: three) modifiers and a company noun refer back to the
/// last company named, unless a name follows (an apposition: "the drone
/// maker DJI") or a word of `anaphora.other_company_*` says it is another
/// ("the rival company"). English nouns end an item of
/// `appositions.company_en`; German ones end in a head of
/// `anaphora.company_heads_de`, alone or in a compound.
fn described_companies(
    text: &str,
    lang: Lang,
    sentences: &[Span],
    found: &Found,
    source: &[bool],
    added: &mut Vec<Mention>,
    lexicon: &Lexicon,
) {
    let others = lexicon.words.lang_path("anaphora.other_company", lang);
    let articles: &[&str] = match lang {
        Lang::En => &["the"],
        Lang::De => &["der", "des", "dem", "den"],
    };
    let longest = if lang == Lang::En { 4 } else { 3 };
    let words = text::words(text, 0, text.len());
    for (k, the) in words.iter().enumerate() {
        if !articles.iter().any(|a| the.text(text).eq_ignore_ascii_case(a)) {
            continue;
        }
        for n in 1..=longest {
            let Some(head) = words.get(k + n) else { break };
            let modifiers = &words[k + 1..k + n];
            // (German adjectives are lowercase, or a place's in "-er": "Essener".)
            let plain = |w: &text::Word| {
                let w = w.text(text);
                let shape = w.chars().all(|c| c.is_lowercase() || c == '-')
                    || lang == Lang::De && w.ends_with("er") && text::is_capitalized(w);
                shape && !lexicon.words.contains_lowered(&others, &w.to_lowercase())
            };
            // (Joined by spaces only: "the company, the group" is two.)
            let joined = text[the.span.end..head.span.start].chars().all(|c| c != ',' && c != '.' && c != ';');
            if !joined || !modifiers.iter().all(plain) {
                break;
            }
            let noun = text::strip_possessive(head.text(text));
            let company_noun = match lang {
                // (Not a head that other bodies share or that names another
                // company: "the rights group", "the security service", "the
                // subsidiary", `anaphora.other_company_heads_en`.)
                Lang::En => {
                    n >= 2
                        && noun.chars().all(char::is_lowercase)
                        && lexicon.words.last_word_ignore_ascii_case("appositions.company_en", noun)
                        && !lexicon.words.contains_lowered("anaphora.other_company_heads_en", noun)
                }
                // ("den Unternehmen", "der Unternehmen" are plural.)
                Lang::De => {
                    let lower = noun.to_lowercase();
                    let plural = lower.ends_with("unternehmen")
                        && ["der", "den"].iter().any(|a| the.text(text).eq_ignore_ascii_case(a));
                    text::is_capitalized(noun)
                        && !plural
                        && lexicon.words.ends_with_item("anaphora.company_heads_de", &lower, 5)
                }
            };
            if !company_noun {
                continue;
            }
            let span = Span::new(the.span.start, head.span.start + noun.len());
            // ("den Telekommunikationsanbieter 1&1": any name found there.)
            let apposition = words.get(k + n + 1).is_some_and(|w| {
                (text::is_capitalized(w.text(text)) || found.mentions.iter().any(|m| m.span.start == w.span.start))
                    && text[head.span.end..w.span.start] == *" "
            });
            let taken = found.mentions.iter().chain(added.iter()).any(|m| m.span.overlaps(span));
            if !apposition && !taken {
                let sentence = entities::sentence_of(sentences, span.start);
                // Not its own sentence's subject: "Cevian fordert einen Umbau
                // des Traditionskonzerns" is about another company.
                let subject = found
                    .mentions
                    .iter()
                    .find(|m| m.sentence == sentence && !m.modifier)
                    .filter(|m| m.span.end <= span.start)
                    .map(|m| m.entity);
                let company = |x: usize| referable_company(found, lexicon, x) && Some(x) != subject;
                if let Some(entity) = antecedent_where(found, source, span.start, sentence, company) {
                    added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
                }
            }
            break;
        }
    }
}

/// "prosecutors charged 34 officers", "Investigators said": a bare plural of
/// `anaphora.authority_plurals_en`, with no article, country or place before
/// it, is the police, prosecutors or investigators (an agency of the COP or
/// JUD sector, not a court) the document named last.
fn bare_authorities(
    text: &str,
    sentences: &[Span],
    found: &Found,
    source: &[bool],
    added: &mut Vec<Mention>,
    lexicon: &Lexicon,
) {
    let plurals = lexicon.words.get("anaphora.authority_plurals_en");
    for plural in plurals {
        let mut chars = plural.chars();
        let capitalised: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
        for form in [plural.as_str(), capitalised.as_str()] {
            for (s, _) in text.match_indices(form) {
                let span = Span::new(s, s + form.len());
                if !text::at_word_boundary(text, span.start, span.end) {
                    continue;
                }
                // As a clause's subject only: at its start or after a
                // conjunction, so nothing qualifies it ("U.S. prosecutors",
                // "the prosecutors in the case", "South Korea, where
                // prosecutors") and no verb takes it ("urged prosecutors to").
                let before = text[..s].trim_end_matches(' ');
                let previous = before.rsplit([' ', '\n', '(', '"']).next().unwrap_or("");
                let opens = before.is_empty() || before.ends_with([',', '.', ';', ':', '"', '\n']);
                let subject = opens || ["that", "and", "but", "while"].contains(&previous);
                if !subject || found.mentions.iter().chain(added.iter()).any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let sentence = entities::sentence_of(sentences, s);
                // (Prosecutors are first a JUD body, investigators a COP one.)
                let sectors = if plural.starts_with("prosecutor") { ["JUD", "COP"] } else { ["COP", "JUD"] };
                let authority = |x: usize, sector: &str| {
                    let e = &found.entities[x];
                    e.etype == EntityType::Agency && e.sector.as_deref() == Some(sector) && !is_court(e)
                };
                let referent = antecedent_where(found, source, s, sentence, |x| authority(x, sectors[0]))
                    .or_else(|| antecedent_where(found, source, s, sentence, |x| authority(x, sectors[1])));
                if let Some(entity) = referent {
                    added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
                }
            }
        }
    }
}

/// May a company noun ("the company", "der Konzern") refer back to entity
/// `x`? A company, but not a market (lexicon ids in `anaphora.markets`):
/// "Der Konzern" after "Die Tokioter Börse" is the listed company.
fn referable_company(found: &Found, lexicon: &Lexicon, x: usize) -> bool {
    let entity = &found.entities[x];
    let market = || entity.key.strip_prefix("lex:").is_some_and(|id| lexicon.words.contains("anaphora.markets", id));
    entity.etype == EntityType::Company && !market()
}

/// "An appeal by the Chinese company", "des chinesischen Konzerns", "dem
/// US-Konzern": a
/// country's adjective between an article and a company noun of
/// `anaphora.company_*` describes a company named before (one of that
/// country first), not the country. The adjective's mention gives way to
/// the description.
fn adjective_company_anaphors(text: &str, lang: Lang, found: &mut Found, lexicon: &Lexicon) {
    let source = source_mentions(text, found);
    let heads: Vec<String> = lexicon
        .words
        .get(&lexicon.words.lang_path("anaphora.company", lang))
        .iter()
        .filter_map(|phrase| phrase.rsplit(' ').next().map(str::to_lowercase))
        .collect();
    let articles = ["the", "der", "die", "das", "des", "dem", "den"];
    let mut replaced = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        let entity = &found.entities[m.entity];
        // (A country's name before a hyphen is a modifier too: "US-Konzern".)
        let hyphened = text[m.span.end..].starts_with('-');
        if !((m.anaphoric || hyphened) && m.modifier && entity.etype == EntityType::Country) {
            continue;
        }
        let Some(lead) = text[..m.span.start].strip_suffix(' ') else { continue };
        let article_start = text::after_last(lead, |c| !c.is_alphabetic());
        if !articles.iter().any(|a| a.eq_ignore_ascii_case(&lead[article_start..])) {
            continue;
        }
        // (Or joined by a hyphen: "dem US-Konzern".)
        let Some(rest) = text[m.span.end..].strip_prefix(' ').or_else(|| text[m.span.end..].strip_prefix('-')) else {
            continue;
        };
        let noun_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        if noun_len == 0 || !heads.iter().any(|h| *h == rest[..noun_len].to_lowercase()) {
            continue;
        }
        let span = Span::new(article_start, m.span.end + 1 + noun_len);
        // "des russischen Herstellers Kaspersky": an apposition before a name.
        if found.mentions.iter().any(|n| n.span.start == span.end + 1 && text.as_bytes()[span.end] == b' ') {
            continue;
        }
        let company = |x: usize| found.entities[x].etype == EntityType::Company;
        let country = entity.country.clone();
        let referent = antecedent_where(found, &source, span.start, m.sentence, |x| {
            company(x) && country.is_some() && found.entities[x].country == country
        })
        .or_else(|| antecedent_where(found, &source, span.start, m.sentence, company));
        if let Some(referent) = referent {
            replaced
                .push((i, Mention { span, sentence: m.sentence, entity: referent, anaphoric: true, modifier: false }));
        }
    }
    for (i, mention) in replaced {
        found.mentions[i] = mention;
    }
    found.mentions.sort();
}

/// Links nominal anaphors and sentence-initial "It" to the nearest earlier
/// entity of a compatible type.
fn link_anaphors(text: &str, lang: Lang, sentences: &[Span], found: &mut Found, lexicon: &Lexicon) {
    let code = lang.code();
    let lists: [(&str, &[EntityType]); 3] =
        [("company", &[EntityType::Company]), ("agency", &[EntityType::Agency]), ("court", &[EntityType::Agency])];
    let mut added = Vec::new();
    adjective_company_anaphors(text, lang, found, lexicon);
    let source = source_mentions(text, found);
    for (kind, types) in lists {
        for (_, s, e) in lexicon.words.find_items(&format!("anaphora.{kind}_{code}"), text) {
            if !text::at_word_boundary(text, s, e) {
                continue;
            }
            // The head noun is the mention ("the company" → "company" is not a name).
            let span = Span::new(s, e);
            if found.mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            // An English company noun with a capital before another capital
            // opens a name: "the Bank Secrecy Act", "the Company Law Tribunal".
            let capital = |w: &str| w.starts_with(char::is_uppercase);
            let opens_name = lang == Lang::En
                && kind == "company"
                && text[s..e].rsplit(' ').next().is_some_and(capital)
                && text[e..].strip_prefix(' ').is_some_and(capital);
            if opens_name {
                continue;
            }
            let sentence = entities::sentence_of(sentences, s);
            // An agency noun refers to the body it heads ("die Kommission" to
            // the "EU-Kommission", not to "das Gericht der EU" named since),
            // else to the last body that is no court.
            let head = text[s..e].rsplit(' ').next().unwrap_or("").to_lowercase();
            let generic = lexicon.words.contains_lowered("anaphora.generic_heads", &head);
            // "des Gerichts der EU" names a court of its own.
            let qualified = || {
                let mut next = text[e..].split_whitespace();
                let link = next.next().unwrap_or("");
                ["der", "des", "of", "von"].contains(&link) && next.next().is_some_and(text::is_capitalized)
            };
            let referent = if kind == "court" {
                if qualified() {
                    continue;
                }
                antecedent_where(found, &source, s, sentence, |x| {
                    found.entities[x].etype == EntityType::Agency && is_court(&found.entities[x])
                })
            } else if kind == "agency" && !generic {
                let agency = |x: usize| found.entities[x].etype == EntityType::Agency;
                let headed = |x: usize| {
                    found.mentions.iter().any(|m| {
                        m.entity == x
                            && !m.anaphoric
                            && m.span.end <= s
                            && contains_ignore_case(m.span.slice(text), &head)
                    })
                };
                antecedent_where(found, &source, s, sentence, |x| agency(x) && headed(x)).or_else(|| {
                    antecedent_where(found, &source, s, sentence, |x| agency(x) && !is_court(&found.entities[x]))
                })
            } else if kind == "company" {
                // "The group" is the last company whose name holds "Group"
                // ("Adani Group"), not the short seller named since; "the
                // bank" one named "… Bank". Else the nearest company.
                // (Or whose last word ends in it: "Swedbank", "Commerzbank".)
                let headed = |x: usize| {
                    let name = &found.entities[x].name;
                    let last = name.rsplit([' ', '-']).next().unwrap_or("").to_lowercase();
                    found.entities[x].etype == EntityType::Company
                        && (name.split([' ', '-']).any(|w| w.eq_ignore_ascii_case(&head))
                            || head.chars().count() >= 4 && last.ends_with(head.as_str()))
                };
                // (A company named earlier in the same sentence comes first:
                // "whether Westpac had breached the Act and ordered the bank".)
                let company = |x: usize| referable_company(found, lexicon, x);
                let same_sentence = antecedent_where(found, &source, s, sentence, company).filter(|&x| {
                    found.mentions.iter().any(|m| m.entity == x && m.sentence == sentence && m.span.end <= s)
                });
                same_sentence
                    .or_else(|| antecedent_where(found, &source, s, sentence, headed))
                    .or_else(|| antecedent_where(found, &source, s, sentence, company))
            } else {
                antecedent(found, &source, s, sentence, types)
            };
            if let Some(entity) = referent {
                added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
            }
        }
    }
    described_companies(text, lang, sentences, found, &source, &mut added, lexicon);
    if lang == Lang::En {
        bare_authorities(text, sentences, found, &source, &mut added, lexicon);
    }
    // A description that opens a sentence ("The world's third-largest
    // smartphone vendor sued …", "Der Konzern aus Shenzhen …") and ends in a
    // company noun of the apposition list refers back to the last company;
    // one that ends in a noun of `anaphora.agency_heads` ("Die Brüsseler
    // Behörde", "Die Internetaufsicht") to the last agency.
    for (i, sentence) in sentences.iter().enumerate() {
        let trimmed = sentences::trimmed(text, *sentence);
        // The description is at most six words after the determiner, then a name.
        let words = text::first_words(text, trimmed.start, trimmed.end, 8);
        let Some(first) = words.first() else { continue };
        let determiners = ["the", "der", "die", "das"];
        if !determiners.iter().any(|d| first.text(text).eq_ignore_ascii_case(d)) {
            continue;
        }
        let nouns = lexicon.words.lang_path("appositions.company", lang);
        let bodies = lexicon.words.lowered_lang("anaphora.agency_heads", lang);
        for k in 1..words.len().min(7) {
            let w = words[k].text(text);
            // The description ends at a name or an article: "The government
            // suspended the social media company" is none.
            let named = found.mentions.iter().any(|m| !m.modifier && m.span.overlaps(words[k].span));
            // Nor is "The rival company" the last company.
            let other =
                lang == Lang::En && lexicon.words.contains_lowered("anaphora.other_company_en", &w.to_lowercase());
            if named
                || other
                || determiners.iter().chain(&["a", "an", "den", "dem", "des"]).any(|d| w.eq_ignore_ascii_case(d))
            {
                break;
            }
            let is_noun = lexicon.words.last_word_ignore_ascii_case(&nouns, w);
            // "Die Brüsseler Behörde", "Die Internetaufsicht", "The antitrust
            // regulator": the body named last (German compounds by their head).
            let lowered = w.to_lowercase();
            let is_body =
                !is_noun && bodies.iter().any(|b| lowered == *b || lang == Lang::De && lowered.ends_with(b.as_str()));
            if is_body {
                let next_is_name = words.get(k + 1).is_some_and(|n| text::is_capitalized(n.text(text)));
                let span = Span::new(first.span.start, words[k].span.end);
                let taken = found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span));
                if !next_is_name && !taken {
                    // (A court is no authority: "Die Brüsseler Behörde" is not
                    // "das Gericht der EU" named in between.)
                    let authority =
                        |e: usize| found.entities[e].etype == EntityType::Agency && !is_court(&found.entities[e]);
                    if let Some(entity) = antecedent_where(found, &source, span.start, i, authority) {
                        added.push(Mention { span, sentence: i, entity, anaphoric: true, modifier: false });
                    }
                }
                break;
            }
            if !is_noun {
                continue;
            }
            // "the drone maker DJI", "Der Chiphersteller Qualcomm" name the
            // company itself (in German, a name found there).
            let next_is_name = words.get(k + 1).is_some_and(|n| {
                text::is_capitalized(n.text(text))
                    && (lang == Lang::En || found.mentions.iter().any(|m| !m.anaphoric && m.span.start == n.span.start))
            });
            let span = Span::new(first.span.start, words[k].span.end);
            let taken = found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span));
            if !next_is_name && !taken {
                if let Some(entity) =
                    antecedent_where(found, &source, span.start, i, |x| referable_company(found, lexicon, x))
                {
                    added.push(Mention { span, sentence: i, entity, anaphoric: true, modifier: false });
                }
            }
            break;
        }
    }
    if lang == Lang::De {
        adjective_agency_anaphors(text, sentences, found, &source, &mut added, lexicon);
    }
    country_descriptions(text, lang, found, &source, &added, lexicon);
    age_anaphors(text, lang, sentences, found, &source, &mut added, lexicon);
    if lang == Lang::De {
        impersonal_speakers(text, sentences, found, &mut added, lexicon);
    }
    // Personal pronouns refer back to the last person ("he was working with
    // Xi", "accused her of misleading HSBC", "er kritisierte").
    let pronouns = format!("anaphora.person_{code}");
    for (p, s, e) in lexicon.words.find_items(&pronouns, text) {
        // As listed, or capitalised at the start of a sentence ("He", "Er"), not "HER".
        let pronoun = &lexicon.words.get(&pronouns)[p];
        let found_text = &text[s..e];
        let capitalised = found_text.get(..1).is_some_and(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
            && found_text.get(1..) == pronoun.get(1..);
        if (found_text != pronoun && !capitalised) || !text::at_word_boundary(text, s, e) {
            continue;
        }
        let span = Span::new(s, e);
        if found.mentions.iter().chain(&added).any(|m| m.span.overlaps(span)) {
            continue;
        }
        let sentence = entities::sentence_of(sentences, s);
        // An object pronoun is not its own clause's subject ("Moraes opened
        // an inquiry into him" is not into Moraes; "Musk said Moraes had
        // threatened him" may be Musk).
        let object =
            lexicon.words.contains_lowered(&format!("anaphora.object_person_{code}"), &found_text.to_lowercase());
        let speech = format!("attribution.{code}_speech_verbs");
        let own_subject = |m: &Mention| {
            let between = &text[m.span.end..s];
            m.sentence == sentence
                && !between.contains([',', ';', ':'])
                && !between.split_whitespace().any(|w| lexicon.words.contains_ignore_ascii_case(&speech, w))
        };
        let referent = if object {
            // (The clause's subject is the last person named before it.)
            let own = found
                .mentions
                .iter()
                .enumerate()
                .filter(|(i, m)| {
                    m.span.end <= s
                        && !m.modifier
                        && !m.anaphoric
                        && !source[*i]
                        && found.entities[m.entity].etype == EntityType::Person
                })
                .map(|(_, m)| m)
                .next_back()
                .filter(|m| own_subject(m))
                .map(|m| m.entity);
            antecedent_where(found, &source, s, sentence, |e| {
                found.entities[e].etype == EntityType::Person && Some(e) != own
            })
        } else {
            // German "er" may be a company a masculine noun introduced as
            // the last sentence's subject ("Auch der US-Konzern Westinghouse
            // hatte protestiert. Er zog seine Beschwerde zurück").
            let masculine_company = (lang == Lang::De && found_text.eq_ignore_ascii_case("er"))
                .then(|| {
                    let subject = found
                        .mentions
                        .iter()
                        .filter(|m| m.span.end <= s && m.sentence + 1 == sentence && !m.anaphoric && !m.modifier)
                        .min()?;
                    let lead = text[..subject.span.start].trim_end();
                    let noun = lead.rsplit(' ').next().unwrap_or("");
                    let article = lead[..lead.len() - noun.len()].trim_end().rsplit(' ').next().unwrap_or("");
                    let introduced = text::is_capitalized(noun) && article.eq_ignore_ascii_case("der");
                    (introduced && found.entities[subject.entity].etype == EntityType::Company)
                        .then_some(subject.entity)
                })
                .flatten();
            masculine_company.or_else(|| antecedent(found, &source, s, sentence, &[EntityType::Person]))
        };
        if let Some(entity) = referent {
            added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
        }
    }
    if lang == Lang::De {
        singular_sie(text, sentences, found, &source, &mut added);
    }
    // A sentence that opens with "It" (English) continues with the last organisation.
    if lang == Lang::En {
        for (i, sentence) in sentences.iter().enumerate() {
            let trimmed = sentences::trimmed(text, *sentence);
            let slice = trimmed.slice(text);
            // (Or after an opening adverbial: "In July 2023, it fined Illumina".)
            let after_opener = slice.find(", it ").filter(|&comma| {
                let lead = &slice[..comma];
                lead.split(' ').count() <= 6
                    && opens_with(lead, "fronting.en_openers", lexicon)
                    && found.mentions_within(Span::new(trimmed.start, trimmed.start + comma)).next().is_none()
            });
            let (at, rest) = match after_opener {
                Some(comma) => (comma + 2, &slice[comma + 2..]),
                None => (0, slice),
            };
            let rest = rest.strip_prefix("It ").or_else(|| rest.strip_prefix("it ").filter(|_| at > 0));
            if rest.is_some_and(|r| !r.starts_with("is ") && !r.starts_with("was ")) {
                let span = Span::new(trimmed.start + at, trimmed.start + at + 2);
                // (Or country: "Turkey has a long record of restricting online
                // platforms. It blocked Wikipedia …".) After an adverbial, only
                // the subject of the sentence before: "The Commission went on to
                // block the deal. In July 2023, it fined Illumina".
                let types = [EntityType::Company, EntityType::Agency, EntityType::Country];
                let referent = match after_opener {
                    None => antecedent(found, &source, span.start, i, &types),
                    Some(_) => i
                        .checked_sub(1)
                        .and_then(|p| {
                            main_subject(text, sentences::trimmed(text, sentences[p]), found, &added, lexicon)
                        })
                        .filter(|m| types.contains(&found.entities[m.entity].etype))
                        .map(|m| m.entity),
                };
                if let Some(entity) = referent {
                    added.push(Mention { span, sentence: i, entity, anaphoric: true, modifier: false });
                }
            }
        }
    }
    found.mentions.extend(added);
    found.mentions.sort();
}

/// "die Braunschweiger Behörde", "der Brüsseler Kartellwächter": an
/// article, a place's adjective and the head of an agency anaphor
/// (`anaphora.agency_heads_de`, compounds by their head) refer back to the
/// last authority named, one named with the place first. (At a sentence's
/// opening the descriptions of [`link_anaphors`] take them already.)
fn adjective_agency_anaphors(
    text: &str,
    sentences: &[Span],
    found: &Found,
    source: &[bool],
    added: &mut Vec<Mention>,
    lexicon: &Lexicon,
) {
    let determiners = ["der", "die", "das", "den", "dem", "des"];
    for (_, s, e) in lexicon.words.find_items("anaphora.agency_heads_de", text) {
        if text[e..].chars().next().is_some_and(|c| text::is_word_char(c) || c == '-') {
            continue;
        }
        let lead = &text[..s];
        let noun_start = lead.rfind(|c: char| c.is_whitespace()).map_or(0, |k| k + 1);
        let mut previous = text[..noun_start].trim_end().rsplit(' ');
        let (Some(adjective), Some(article)) = (previous.next(), previous.next()) else { continue };
        let stem = adjective.strip_suffix("er").unwrap_or("");
        if stem.chars().count() < 3 || !text::is_capitalized(adjective) || !determiners.contains(&article) {
            continue;
        }
        let start = noun_start - 1 - adjective.len() - 1 - article.len();
        let span = Span::new(start, e);
        let next_is_name = text[e..].split_whitespace().next().is_some_and(|w| {
            let at = e + text[e..].find(w).unwrap_or(0);
            found.mentions.iter().any(|m| m.span.start == at)
        });
        if next_is_name || found.mentions.iter().chain(added.iter()).any(|m| m.span.overlaps(span)) {
            continue;
        }
        let sentence = entities::sentence_of(sentences, s);
        let authority = |x: usize| found.entities[x].etype == EntityType::Agency && !is_court(&found.entities[x]);
        let placed = |x: usize| {
            found.mentions.iter().any(|m| m.entity == x && m.span.end <= s && m.span.slice(text).contains(stem))
                || found.entities[x].name.contains(stem)
        };
        let referent = antecedent_where(found, source, s, sentence, |x| authority(x) && placed(x))
            .or_else(|| antecedent_where(found, source, s, sentence, authority));
        if let Some(entity) = referent {
            added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
        }
    }
}

/// "SAP erklärte, … Man habe vollständig mit den Behörden kooperiert": an
/// impersonal subject (`anaphora.impersonal_de`) opening a sentence of
/// reported speech (a verb in the subjunctive, ending in "e", comes next)
/// is the company, body or state named first in the sentence before, which
/// is speaking.
fn impersonal_speakers(text: &str, sentences: &[Span], found: &Found, added: &mut Vec<Mention>, lexicon: &Lexicon) {
    let impersonal = lexicon.words.get("anaphora.impersonal_de");
    let speech = "attribution.de_speech_verbs";
    for (i, sentence) in sentences.iter().enumerate().skip(1) {
        let body = sentence.slice(text);
        let lead = body.len() - body.trim_start_matches([' ', '\n', '"', '„', '“']).len();
        let rest = &body[lead..];
        let Some(word) = impersonal.iter().find(|w| rest.starts_with(&format!("{w} "))) else { continue };
        let verb = rest[word.len() + 1..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if !(verb.ends_with('e') && verb.starts_with(char::is_lowercase)) {
            continue;
        }
        // (A sentence that names its speaker has it: "Man habe Klage
        // eingereicht, teilte das Konsortium mit".)
        // ("erklärte ein Sprecher" names none.)
        let attribution = rest.match_indices(", ").map(|(k, _)| k + 2).find(|&k| {
            rest[k..].split_whitespace().next().is_some_and(|w| lexicon.words.contains_ignore_ascii_case(speech, w))
        });
        let attributed = attribution.is_some_and(|k| {
            let from = sentence.start + lead + k;
            found.mentions.iter().chain(added.iter()).any(|m| m.sentence == i && m.span.start >= from && !m.modifier)
        });
        if attributed {
            continue;
        }
        // The speaker opens the sentence before ("Meta kündigte an, …"), not
        // a name after a fronted phrase ("Im Ringen um Talgo zieht …").
        let previous = sentences[i - 1];
        let opening = previous.start + (previous.slice(text).len() - previous.slice(text).trim_start().len());
        let speaker = found.mentions.iter().filter(|m| m.sentence + 1 == i && !m.modifier).min().filter(|m| {
            m.span.start == opening
                && matches!(
                    found.entities[m.entity].etype,
                    EntityType::Company | EntityType::Agency | EntityType::Country
                )
        });
        if let Some(speaker) = speaker {
            let start = sentence.start + lead;
            let span = Span::new(start, start + word.len());
            added.push(Mention { span, sentence: i, entity: speaker.entity, anaphoric: true, modifier: false });
        }
    }
}

/// "The 71-year-old", "den 71-Jährigen": a definite article, an age and
/// the age noun of `anaphora.age_{en,de}` (case as listed) stand for the last
/// person named, as news name people by their age on second mention. Not
/// before a name ("the 71-year-old Winterkorn" is the name's own phrase).
fn age_anaphors(
    text: &str,
    lang: Lang,
    sentences: &[Span],
    found: &Found,
    source: &[bool],
    added: &mut Vec<Mention>,
    lexicon: &Lexicon,
) {
    let code = lang.code();
    let path = format!("anaphora.age_{code}");
    let nouns = lexicon.words.get(&path);
    let determiners = lexicon.words.get(&format!("anaphora.age_determiners_{code}"));
    for (k, s, e) in lexicon.words.find_items(&path, text) {
        if text[s..e] != nouns[k] || !text::at_word_boundary(text, s, e) {
            continue;
        }
        // "-year-old" after one to three digits, after the article.
        let Some(lead) = text[..s].strip_suffix('-') else { continue };
        let age = lead.len() - lead.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&age) {
            continue;
        }
        let before = lead[..lead.len() - age].strip_suffix(' ').unwrap_or("");
        let article = before.rsplit([' ', '\n', '(']).next().unwrap_or("");
        if !determiners.iter().any(|d| d.eq_ignore_ascii_case(article)) {
            continue;
        }
        let span = Span::new(s - 1 - age - 1 - article.len(), e);
        let next_is_name = found.mentions.iter().any(|m| {
            m.span.start >= e && m.span.start <= e + 1 && text[e..m.span.start].chars().all(char::is_whitespace)
        });
        if next_is_name || found.mentions.iter().chain(added.iter()).any(|m| m.span.overlaps(span)) {
            continue;
        }
        let sentence = entities::sentence_of(sentences, s);
        // Not the person its own clause names ("Platini forderte den
        // 79-Jährigen zum Rücktritt auf" is about someone else).
        // (A German infinitive's clause has the main clause's subject:
        // "Hajjar ordnete an, den 74-Jährigen zu inhaftieren".)
        let clause_end = text[span.end..sentences[sentence].end]
            .find([',', ';', ':'])
            .map_or(sentences[sentence].end, |c| span.end + c);
        let infinitive = lang == Lang::De
            && text[span.end..clause_end].split_whitespace().any(|w| {
                let w = w.trim_end_matches(['.', ',']);
                w == "zu" || lexicon.fused_zu_infinitive(&w.to_lowercase())
            });
        let marks: &[char] = if infinitive { &[';', ':'] } else { &[',', ';', ':'] };
        let clause_start = text[sentences[sentence].start..span.start]
            .rfind(marks)
            .map_or(sentences[sentence].start, |c| sentences[sentence].start + c);
        let in_clause = |x: usize| {
            found.mentions.iter().any(|m| m.entity == x && m.span.start >= clause_start && m.span.end <= span.start)
        };
        let person = |x: usize| found.entities[x].etype == EntityType::Person && !in_clause(x);
        if let Some(entity) = antecedent_where(found, source, span.start, sentence, person) {
            added.push(Mention { span, sentence, entity, anaphoric: true, modifier: false });
        }
    }
}

/// German "sie" right after a singular finite verb that opens its clause
/// ("Zugleich forderte sie die OMV auf", "…“, sagte sie") is the clause's
/// subject and singular: she, or a feminine body, company or organisation
/// ("die Kommission", "die OMV", "die Organisation Foodwatch"). It refers
/// back to the person, body, company or organisation the nearest sentence
/// before names first. After a name ("Die Kommission forderte sie auf") or a
/// plural verb it is an object or "they": left alone.
fn singular_sie(text: &str, sentences: &[Span], found: &Found, source: &[bool], added: &mut Vec<Mention>) {
    let singular = |verb: &str| {
        verb.chars().all(char::is_lowercase) && (verb.ends_with("te") || verb.ends_with('t')) && !verb.ends_with("ten")
    };
    let types = [EntityType::Person, EntityType::Agency, EntityType::Company, EntityType::Organization];
    for (i, sentence) in sentences.iter().enumerate() {
        let slice = sentence.slice(text);
        // A sentence that opens with "Sie" and a singular verb: "Sie wirft
        // Polen vor, …" after "Die Regierung in Prag hatte Klage eingereicht".
        let opening = slice.strip_prefix("Sie ").and_then(|rest| rest.split_whitespace().next());
        if opening.is_some_and(singular) {
            if let Some(entity) = antecedent(found, source, sentence.start, i, &types) {
                added.push(Mention {
                    span: Span::new(sentence.start, sentence.start + 3),
                    sentence: i,
                    entity,
                    anaphoric: true,
                    modifier: false,
                });
            }
        }
        for (at, _) in slice.match_indices(" sie ") {
            let s = sentence.start + at + 1;
            let before = &slice[..at];
            let clause_start = before.rfind([',', ':', ';', '“', '"', '«', '»']).map_or(0, |c| c + 1);
            let clause = &before[clause_start..];
            let Some(verb) = clause.split_whitespace().next_back() else { continue };
            let named_before = found
                .mentions
                .iter()
                .chain(added.iter())
                .any(|m| m.span.start >= sentence.start + clause_start && m.span.end <= s);
            if !singular(verb) || named_before || clause.split_whitespace().count() > 4 {
                continue;
            }
            if let Some(entity) = antecedent(found, source, sentence.start, i, &types) {
                added.push(Mention {
                    span: Span::new(s, s + 3),
                    sentence: i,
                    entity,
                    anaphoric: true,
                    modifier: false,
                });
            }
        }
    }
}

/// A country's body described, not named ("Australia's financial crimes
/// watchdog", "die australische Finanzaufsicht"): up to four words after
/// the country, the last a noun of `anaphora.agency_heads`, and no name
/// after it. Wire stories describe the body in the lead and name it in
/// the next paragraph, so the description is the body of that country the
/// document named last before it, else the first it names after it within
/// three sentences. The country word then is part of the description, no
/// argument of its own.
fn country_descriptions(
    text: &str,
    lang: Lang,
    found: &mut Found,
    source: &[bool],
    added: &[Mention],
    lexicon: &Lexicon,
) {
    let heads = lexicon.words.lowered_lang("anaphora.agency_heads", lang);
    let mut replaced = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        let country = &found.entities[m.entity];
        if country.etype != EntityType::Country || !(m.modifier || m.anaphoric) {
            continue;
        }
        let Some(code) = country.country.clone() else { continue };
        let mut at = m.span.end;
        if let Some(rest) = ["'s", "’s"].iter().find_map(|p| text[at..].strip_prefix(p)) {
            at = text.len() - rest.len();
        }
        let line_end = text[at..].find(['\n', '.', ',', ';', ':', '(', '"']).map_or(text.len(), |e| at + e);
        let words = text::first_words(text, at, line_end, 5);
        let Some(k) = words.iter().take(4).position(|w| {
            let lowered = w.text(text).to_lowercase();
            heads.iter().any(|h| lowered == *h || lang == Lang::De && lowered.ends_with(h.as_str()))
        }) else {
            continue;
        };
        // English modifiers are lowercase words ("financial crimes"); German
        // ones adjectives before the noun ("die australische Finanzaufsicht").
        let modifiers_fit = words[..k].iter().all(|w| !text::is_capitalized(w.text(text)));
        let named_next = words.get(k + 1).is_some_and(|n| text::is_capitalized(n.text(text)) && lang == Lang::En);
        let span = Span::new(m.span.start, words[k].span.end);
        let taken = found.mentions.iter().chain(added.iter()).any(|o| o.span.overlaps(span) && o.span != m.span);
        if !modifiers_fit || named_next || taken {
            continue;
        }
        let of_country = |e: usize| {
            let entity = &found.entities[e];
            entity.etype == EntityType::Agency && entity.country.as_deref() == Some(code.as_str()) && !is_court(entity)
        };
        let before = antecedent_where(found, source, span.start, m.sentence, of_country);
        let after = || {
            found
                .mentions
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    o.span.start >= span.end
                        && o.sentence <= m.sentence + 3
                        && !o.anaphoric
                        && !o.modifier
                        && !source[*j]
                        && of_country(o.entity)
                })
                .map(|(_, o)| o.entity)
                .next()
        };
        if let Some(entity) = before.or_else(after) {
            replaced.push((i, Mention { span, sentence: m.sentence, entity, anaphoric: true, modifier: false }));
        }
    }
    for (i, mention) in replaced {
        found.mentions[i] = mention;
    }
}

/// Whether `lead` opens with a word of the lowercased list at `path`.
fn opens_with(lead: &str, path: &str, lexicon: &Lexicon) -> bool {
    lexicon.words.contains_lowered(path, &lead.split(' ').next().unwrap_or("").to_lowercase())
}

/// The first mention of `sentence`'s main clause, past an opening adverbial
/// or subordinate clause and its comma ("Before tensions between America
/// and China began, Alibaba had …"), among the document's mentions and
/// those `added` so far.
fn main_subject<'m>(
    text: &str,
    sentence: Span,
    found: &'m Found,
    added: &'m [Mention],
    lexicon: &Lexicon,
) -> Option<&'m Mention> {
    let lead = sentence.slice(text);
    let opens =
        opens_with(lead, "fronting.en_openers", lexicon) || opens_with(lead, "fronting.en_subordinators", lexicon);
    let from = match lead.find(", ") {
        Some(comma) if opens => sentence.start + comma,
        _ => sentence.start,
    };
    let clause = Span::new(from, sentence.end);
    found.mentions_within(clause).chain(added.iter().filter(|m| clause.contains(m.span))).min()
}

/// Whether `haystack` holds `needle` (lowercase), ignoring case: "EU-Kommission"
/// holds "kommission". Allocates only for text beyond ASCII.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle)
}

/// Is the body a court ("General Court", "Landgericht München I")? A court
/// is not what "the authority" or "die Behörde" refers to.
fn is_court(entity: &LocalEntity) -> bool {
    ["Court", "Gericht", "gericht", "Tribunal"].iter().any(|c| entity.name.contains(c))
}

/// Which mentions stand as sources ("according to Reuters", "laut
/// Canalys"): one of the four words before the name makes it so.
fn source_mentions(text: &str, found: &Found) -> Vec<bool> {
    found
        .mentions
        .iter()
        .map(|m| {
            // A dateline's agency ("Washington (dpa) -") reports; it is no antecedent.
            let after = &text[m.span.end..];
            let dateline =
                text[..m.span.start].ends_with('(') && [") -", ") –", ") —"].iter().any(|d| after.starts_with(d));
            if dateline {
                return true;
            }
            // The four words before the name; most hold no cue at all, and
            // only those that do are spelled out as " w1 w2 w3 w4 ".
            let raw = words_before(text, m.span.start, 4);
            let cued = ["laut", "accord", "zufolge"].iter().any(|c| contains_ignore_case(raw, c));
            if !cued {
                return false;
            }
            let window = format!(" {} ", raw.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
            [" laut ", " according to ", " in accordance with ", " in accordance to ", " zufolge "]
                .iter()
                .any(|c| window.contains(c))
        })
        .collect()
}

/// The text of the last `n` words (split at whitespace) before `at`.
fn words_before(text: &str, at: usize, n: usize) -> &str {
    let before = &text[..at];
    let mut start = before.len();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words == n {
                    break;
                }
            }
        } else {
            in_word = true;
        }
        start = i;
    }
    &before[start..]
}

/// The antecedent of an anaphor at `offset`: the nearest compatible name
/// earlier in the same sentence, else the first compatible name (the
/// subject, as a rule) of the closest earlier sentence that has one. Sources
/// (`source`, from [`source_mentions`]) are never antecedents.
fn antecedent(found: &Found, source: &[bool], offset: usize, sentence: usize, types: &[EntityType]) -> Option<usize> {
    antecedent_where(found, source, offset, sentence, |e| types.contains(&found.entities[e].etype))
}

/// [`antecedent`] among the entities (by index) that `fits`.
fn antecedent_where(
    found: &Found,
    source: &[bool],
    offset: usize,
    sentence: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let compatible = |&(i, m): &(usize, &Mention)| !m.modifier && !m.anaphoric && fits(m.entity) && !source[i];
    let earlier: Vec<&Mention> = found
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end <= offset)
        .filter(compatible)
        .map(|(_, m)| m)
        .collect();
    if let Some(m) = earlier.iter().rev().find(|m| m.sentence == sentence) {
        return Some(m.entity);
    }
    let closest = earlier.iter().rev().map(|m| m.sentence).find(|&s| s < sentence)?;
    earlier.iter().find(|m| m.sentence == closest).map(|m| m.entity)
}

// ---------------------------------------------------------------------------
// Across documents
// ---------------------------------------------------------------------------

/// Merges the analyses of a corpus into one graph with stable ids.
///
/// The merge itself is [`crate::assemble`]'s (the one the streaming build
/// runs over stored compact analyses); this runs its passes over the compact
/// forms of `analyses`, documents in the order given, and puts the rows
/// together into a [`Graph`].
pub fn across_documents(docs: &[Document], analyses: &[Analysis], lexicon: &Lexicon) -> Graph {
    let compacts: Vec<Compact> = docs.iter().zip(analyses).map(|(doc, analysis)| Compact::new(doc, analysis)).collect();
    let prior = PriorIds::default();
    let mut entity_pass = EntityPass::new();
    for (d, compact) in compacts.iter().enumerate() {
        entity_pass.add(d as u32, compact);
    }
    let entities = entity_pass.finish(lexicon);
    let document_ids = crate::assemble::DocumentStrings::default();
    let dates = crate::assemble::DocumentStrings::new(docs.iter().map(|doc| doc.date.as_deref()));
    let mut event_pass = EventPass::new(&entities, lexicon, &prior, &document_ids, dates);
    for (d, compact) in compacts.iter().enumerate() {
        event_pass.add(d as u32, compact);
    }
    let mut plan = event_pass.finish(&prior);

    let doc_id = |d: u32| docs[d as usize].id.clone();
    let evidence = |e: &EvidenceRef| Evidence {
        document: doc_id(e.document),
        start: e.start as usize,
        end: e.end as usize,
        text: docs[e.document as usize].text.get(e.start as usize..e.end as usize).unwrap_or("").to_string(),
    };
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
    let mut entity_at: HashMap<String, usize> = HashMap::new();
    for row in plan.entities() {
        entity_at.insert(row.id.clone(), graph.entities.len());
        graph.entities.push(Entity {
            id: row.id,
            name: row.name,
            etype: row.etype,
            country: row.country,
            sector: row.sector,
            aliases: row.aliases,
            documents: Vec::new(),
            mentions: row.n_mentions,
        });
    }
    let mut event_at: HashMap<String, usize> = HashMap::new();
    for row in plan.events() {
        event_at.insert(row.id.clone(), graph.events.len());
        graph.events.push(Event {
            id: row.id,
            etype: row.etype,
            mode: row.mode,
            context: row.context,
            cameo: row.cameo,
            agent: row.agent,
            target: row.target,
            date: row.date,
            modality: row.modality,
            reported_by: row.reported_by,
            documents: Vec::new(),
            evidence: Vec::new(),
        });
    }
    // Pass 3: mentions and the documents and evidence of entities and events,
    // document by document (so each list is in document order).
    let mut mentions = Vec::new();
    for (d, compact) in compacts.iter().enumerate() {
        let ids = plan.entity_ids(compact);
        let rows = plan.document_rows(d as u32, compact, &ids);
        for m in &rows.mentions {
            let Some(&at) = entity_at.get(m.entity) else { continue };
            let etype = graph.entities[at].etype;
            mentions.push(GraphMention {
                document: doc_id(d as u32),
                start: m.start as usize,
                end: m.end as usize,
                entity: m.entity.to_string(),
                etype,
                text: m.text.to_string(),
            });
        }
        for (id, _) in &rows.entity_documents {
            if let Some(&at) = entity_at.get(id) {
                graph.entities[at].documents.push(doc_id(d as u32));
            }
        }
        for (id, _, e) in &rows.event_evidence {
            if let Some(&at) = event_at.get(id) {
                graph.events[at].evidence.push(evidence(e));
            }
        }
        for (id, _) in &rows.event_documents {
            if let Some(&at) = event_at.get(id) {
                graph.events[at].documents.push(doc_id(d as u32));
            }
        }
    }
    graph.mentions = Some(mentions);
    for row in plan.relations(&prior) {
        graph.relations.push(Relation {
            id: row.id,
            source: row.source,
            rtype: row.rtype,
            target: row.target,
            documents: row.documents.into_iter().map(doc_id).collect(),
            evidence: row.evidence.iter().map(evidence).collect(),
        });
    }
    graph
}

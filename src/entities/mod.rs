//! Entity recognition: finds the spans of a document that name actors,
//! agencies, places, groups and products, and what each one names.
//!
//! Two sources feed it: the [`gazetteer`] (every lexicon name, plus country
//! adjectives and institution nouns that compose into derived bodies such as
//! "US-Regierung" or "Chinese military") and [`patterns`] (names no lexicon
//! holds: organisation suffixes, agency shapes, titles, given names,
//! appositions). Where readings overlap, the longer one wins. This stage never
//! fails and does no I/O; linking mentions to each other across a document is
//! [`crate::resolve`]'s job.

pub mod gazetteer;
pub mod patterns;

use crate::lexicon::Lexicon;
use crate::model::{Document, EntityType, Lang, LocalEntity, Mention, Span};
use crate::text;
use foldhash::{HashMap, HashMapExt};
use gazetteer::{Hit, Target};

/// What recognition (and then resolution) found in one document.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub entities: Vec<LocalEntity>,
    /// Sorted by span.
    pub mentions: Vec<Mention>,
}

impl Found {
    /// How often the document names each country (ISO 3166-1 alpha-3),
    /// counting the country's bodies too when `bodies` is set, most named
    /// first; a tie goes to the country named first. Resolution takes the
    /// first as the document's country; relations ask more of it.
    pub fn country_counts(&self, bodies: bool) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for (order, mention) in self.mentions.iter().enumerate() {
            let entity = &self.entities[mention.entity];
            if !(entity.etype == EntityType::Country || bodies && entity.etype == EntityType::Agency)
                || self.nested(order)
            {
                continue;
            }
            if let Some(country) = entity.country.as_deref() {
                match counts.iter_mut().find(|(c, _, _)| *c == country) {
                    Some(entry) => entry.1 += 1,
                    None => counts.push((country, 1, order)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        counts.into_iter().map(|(c, n, _)| (c, n)).collect()
    }

    /// Whether mention `i` lies inside a longer one: the country of
    /// "Russia's Federal Antimonopoly Service". (Its neighbours are the only
    /// candidates, the mentions being sorted by span.)
    pub fn nested(&self, i: usize) -> bool {
        let span = self.mentions[i].span;
        let encloses = |j: usize| self.mentions[j].span != span && self.mentions[j].span.contains(span);
        i.checked_sub(1).is_some_and(encloses) || (i + 1 < self.mentions.len() && encloses(i + 1))
    }

    /// The mentions inside `span`, in order: those that start in it, found
    /// by binary search (the mentions are sorted by span).
    pub fn mentions_within(&self, span: Span) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start <= span.end);
        self.mentions[from..to.max(from)].iter().filter(move |m| span.contains(m.span))
    }
}

/// What a span of text names.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A lexicon entry.
    Entry(usize),
    /// A country.
    Country(usize),
    /// A country's body of an institution kind that the lexicon does not name
    /// ("Chinese military"); `country: None` until resolution finds which
    /// country an unqualified "the federal government" means.
    Body { institution: usize, country: Option<usize> },
    /// A federal body named without its state ("die Bundesregierung"):
    /// German unless resolution finds the document is about another federation.
    FederalBody { institution: usize },
    /// A head of government's administration ("Trump-Administration").
    Administration { person: usize },
    /// A collective named by a country adjective and a plural noun ("Chinese hackers").
    Group { name: String, country: usize },
    /// A country adjective or compound prefix ("chinesische", "US-"): a
    /// mention of the country that is not a name (never an alias) and that
    /// an event takes only where nothing better stands.
    Adjective(usize),
    /// A name found by a pattern.
    Named { name: String, etype: EntityType, weak: bool },
}

/// One reading of one span, before overlaps are settled.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub span: Span,
    pub reading: Reading,
    /// Breaks ties between equally long readings: higher wins.
    pub priority: u8,
}

/// Finds the entity mentions of a document.
pub fn recognize(doc: &Document, lang: Lang, sentences: &[Span], lexicon: &Lexicon) -> Found {
    let text = doc.text.as_str();
    let hits: Vec<Hit> = lexicon
        .gazetteer
        .find(text)
        .into_iter()
        .filter(|h| h.span.start >= doc.body_start && !someone_elses_surname(text, h, lexicon))
        .collect();
    let mut candidates = compose(text, &hits, lexicon);
    // Pattern names never start inside a lexicon reading, a country adjective
    // ("American") or a capital. Places are no barrier: "Shenzhen Fangtian
    // Technology Co Ltd" is one company, not a city and a company.
    let is_place = |c: &Candidate| match c.reading {
        Reading::Entry(i) => lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION"),
        _ => false,
    };
    let places: Vec<Span> = candidates.iter().filter(|c| is_place(c)).map(|c| c.span).collect();
    let taken: Vec<Span> = candidates
        .iter()
        .filter(|c| !is_place(c))
        .map(|c| c.span)
        .chain(
            hits.iter()
                .filter(|h| !matches!(h.target, Target::Entry(_) | Target::Institution(_) | Target::Country(_)))
                .map(|h| h.span),
        )
        // "British" in "British Columbia" is part of a place.
        .filter(|span| !places.iter().any(|p| p.contains(*span)))
        .collect();
    // (And products: "Azure Power Global Ltd" is no Microsoft Azure.)
    let companies: Vec<Span> = candidates
        .iter()
        .filter(|c| {
            matches!(c.reading, Reading::Entry(i) if ["COMPANY", "PRODUCT"]
                .iter()
                .any(|t| lexicon.entries[i].etype.eq_ignore_ascii_case(t)))
        })
        .map(|c| c.span)
        .collect();
    // Countries and capitals spelled out as words or abbreviated ("U.S.
    // District Court"), not adjectives: "the Dutch Lumentis Holding" is a
    // Dutch company, not one named so.
    let places_before: Vec<Span> = hits
        .iter()
        .filter(|h| matches!(h.target, Target::Country(_) | Target::Capital(_)))
        .filter(|h| h.span.slice(text).chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.'))
        .map(|h| h.span)
        .collect();
    let adjectives: Vec<Span> = candidates
        .iter()
        .filter(|c| matches!(c.reading, Reading::Adjective(_)) && text::is_capitalized(c.span.slice(text)))
        .map(|c| c.span)
        .collect();
    let groups: Vec<Span> = candidates
        .iter()
        .filter(|c| match c.reading {
            Reading::Entry(i) => {
                let entry = &lexicon.entries[i];
                let last = entry.name.rsplit(' ').next().unwrap_or("");
                entry.etype.eq_ignore_ascii_case("COMPANY")
                    && ["Group", "Gruppe", "Holding", "Holdings", "Konzern"].contains(&last)
                    && !c.span.slice(text).contains(' ')
            }
            _ => false,
        })
        .map(|c| c.span)
        .collect();
    let prefixes =
        patterns::Prefixes { companies: &companies, groups: &groups, places: &places_before, adjectives: &adjectives };
    let found_by_patterns = patterns::find(text, lang, sentences, lexicon, &taken, &prefixes);
    candidates.extend(found_by_patterns.into_iter().filter(|c| {
        // A guess never displaces a known place, unless the place only ends
        // it: "consortium Ganz-MaVag Europe", a company's regional arm.
        let displaces = |p: &Span| p.overlaps(c.span) && !(p.end == c.span.end && p.start > c.span.start);
        !(matches!(c.reading, Reading::Named { weak: true, .. }) && places.iter().any(displaces))
    }));
    if lang == Lang::De {
        candidates.extend(seated_german_courts(text, doc.body_start, &hits, lexicon));
    }
    if lang == Lang::En {
        candidates.extend(possessive_form_names(text, doc.body_start, &hits));
    }
    let chosen = select(candidates);
    let cities: Vec<Span> = hits
        .iter()
        .filter(|h| match h.target {
            Target::Capital(_) => true,
            Target::Entry(i) => lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION"),
            _ => false,
        })
        .map(|h| h.span)
        .collect();
    let chosen = towns_before_regions(text, lang, chosen, &cities, lexicon);
    let chosen = product_models(text, chosen, lexicon);
    let chosen = adjective_led_companies(text, chosen, lexicon);
    let chosen = absorb_city_prefixes(text, chosen, &cities, lexicon);
    let chosen = national_bodies(text, chosen, lexicon);
    let chosen = longer_bodies(text, chosen, lexicon);
    let chosen = drop_law_acronyms(text, lang, chosen, lexicon);
    let chosen = plural_apposition_lists(text, lang, chosen, lexicon);
    let chosen = type_list_members(text, chosen, lexicon);
    let chosen = country_genitives(text, chosen, &hits);
    let chosen = drop_unsupported_short_names(text, chosen, lexicon);
    let chosen = drop_unsupported_common_words(text, sentences, chosen, lexicon);
    // (The capital a dateline names: where a mission named without its seat
    // most likely sits.)
    let dateline = hits.iter().find_map(|h| match h.target {
        Target::Capital(c) if is_dateline(text, h.span) => Some(c),
        _ => None,
    });
    build(text, lang, sentences, chosen, dateline, lexicon)
}

/// Whether a hit is a listed person's surname alone after another given
/// name ("Kevin O'Leary" is not Michael O'Leary) or before one after a
/// title, or a country's name after a given name ("Lisa Monaco"): the name
/// is left to the patterns.
fn someone_elses_surname(text: &str, hit: &Hit, lexicon: &Lexicon) -> bool {
    let surface = hit.span.slice(text);
    // A country's one-word name after a given name is a surname: "Deputy
    // Attorney General Lisa Monaco".
    if let Target::Country(_) = hit.target {
        let Some(before) = text[..hit.span.start].strip_suffix(' ') else { return false };
        let previous = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        return !surface.contains(' ')
            && !surface.chars().all(|c| c.is_uppercase())
            && previous.starts_with(char::is_uppercase)
            && patterns::is_given_name(previous, lexicon);
    }
    // A capital's one-word name that is also a given name, before a name, is
    // that given name: "former central bank governor Riad Salameh" (Riad is
    // Riyadh in German).
    if let Target::Capital(_) = hit.target {
        return !surface.contains(' ')
            && patterns::is_given_name(surface, lexicon)
            && name_after(text, hit.span.end, lexicon).is_some();
    }
    let Target::Entry(i) = hit.target else { return false };
    let entry = &lexicon.entries[i];
    if surface.contains(' ') {
        return false;
    }
    // A family company's one-word name after someone's given name is that
    // person's surname: "his nephew Sagar Adani" is no Adani Group. (Not an
    // acronym, nor a name the company's own full name starts with.)
    if entry.etype == "COMPANY" {
        let Some(before) = text[..hit.span.start].strip_suffix(' ') else { return false };
        let previous = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        return previous.starts_with(char::is_uppercase)
            && patterns::is_given_name(previous, lexicon)
            && !surface.chars().all(|c| c.is_uppercase())
            && !entry.name.starts_with(previous);
    }
    if entry.etype != "PERSON" {
        return false;
    }
    // Nor the first word of another's name, after a title: "Information
    // Minister Lai Mohammed" is not Lai Ching-te.
    let next = text[hit.span.end..]
        .strip_prefix(' ')
        .map(|rest| rest.split(|c: char| !c.is_alphabetic() && c != '-').next().unwrap_or(""));
    if next.is_some_and(|n| n.starts_with(char::is_uppercase) && patterns::is_given_name(n, lexicon)) {
        let before = text[..hit.span.start].trim_end();
        let title = before.rsplit(' ').next().unwrap_or("");
        if lexicon.words.contains_ignore_ascii_case("titles.en", title)
            || lexicon.words.contains_ignore_ascii_case("titles.de", title)
        {
            return true;
        }
    }
    // Nor a surname that is also a given name, before another name: "High
    // Commissioner Cameron MacKay" is not David Cameron. (Not before a
    // weekday or a month: "Cameron Tuesday said".) Nor a listed name's first
    // word before a name that does not go on as the listed one does: "casino
    // junket operator Kim Wong" is not Kim Jong Un.
    let own_given = entry.name.split(' ').next().unwrap_or("");
    if let Some(next) = name_after(text, hit.span.end, lexicon) {
        let someone_elses_given = own_given != surface && patterns::is_given_name(surface, lexicon);
        let other_name = own_given == surface && entry.name.split(' ').nth(1).is_some_and(|own| !own.starts_with(next));
        if someone_elses_given || other_name {
            return true;
        }
    }
    let Some(before) = text[..hit.span.start].strip_suffix(' ') else { return false };
    let previous = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    !previous.is_empty()
        && previous != own_given
        && previous.starts_with(char::is_uppercase)
        && patterns::is_given_name(previous, lexicon)
}

/// The word right after `end` and a space, where it may go on a name: a
/// capitalised word of two letters or more, no acronym, no stop or function
/// word of either language ("Cameron Tuesday said" is no name).
fn name_after<'t>(text: &'t str, end: usize, lexicon: &Lexicon) -> Option<&'t str> {
    let rest = text[end..].strip_prefix(' ')?;
    let word = rest.split(|c: char| !c.is_alphabetic() && c != '-').next().unwrap_or("");
    let lists = ["stop_names.en", "stop_names.de", "function_words.en", "function_words.de"];
    (word.chars().count() > 1
        && word.starts_with(char::is_uppercase)
        && !word.chars().all(char::is_uppercase)
        && !lists.iter().any(|path| lexicon.words.contains_ignore_ascii_case(path, word)))
    .then_some(word)
}

/// Turns gazetteer hits into candidate readings, composing adjacent hits
/// (country qualifier + institution noun, person + "administration").
fn compose(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut by_end: HashMap<usize, Vec<&Hit>> = HashMap::new();
    for hit in hits {
        by_end.entry(hit.span.end).or_default().push(hit);
    }
    let government = lexicon.institutions.iter().position(|i| i.kind == "government");
    for hit in hits {
        let span = hit.span;
        // "Beijing-based", "Russia-linked": a country or its capital as an
        // attribute, the weakest reading.
        let attribute = text[span.end..].strip_prefix('-').is_some_and(|rest| rest.starts_with(char::is_lowercase));
        match hit.target {
            Target::Country(c) | Target::Capital(c) if attribute => {
                out.push(Candidate { span, reading: Reading::Adjective(c), priority: 0 });
            }
            Target::Entry(i) => {
                out.push(Candidate { span, reading: Reading::Entry(i), priority: 5 });
                let entry = &lexicon.entries[i];
                // "Telefónica Deutschland", "Huawei UK": a company's national subsidiary.
                if entry.etype.eq_ignore_ascii_case("COMPANY") {
                    let national = hits.iter().find(|h| {
                        matches!(h.target, Target::Country(_))
                            && h.span.start == span.end + 1
                            && text.as_bytes()[span.end] == b' '
                            && !h.span.slice(text).contains(' ')
                            && !text[h.span.end..].starts_with(['-', '\'', '’'])
                    });
                    if let Some(country) = national {
                        let whole = Span::new(span.start, country.span.end);
                        out.push(Candidate {
                            span: whole,
                            reading: Reading::Named {
                                name: whole.slice(text).to_string(),
                                etype: EntityType::Company,
                                weak: false,
                            },
                            priority: 6,
                        });
                    }
                }
                if entry.etype.eq_ignore_ascii_case("PERSON") {
                    if let Some(end) = administration_after(text, span.end, lexicon) {
                        out.push(Candidate {
                            span: Span::new(span.start, end),
                            reading: Reading::Administration { person: i },
                            priority: 6,
                        });
                    }
                }
            }
            Target::Country(c) => out.push(Candidate { span, reading: Reading::Country(c), priority: 3 }),
            Target::Capital(c) => {
                let before = text[..span.start].trim_end();
                let previous = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let locative = ["in", "nach", "aus", "from", "to", "im", "near", "bei"]
                    .iter()
                    .any(|p| previous.eq_ignore_ascii_case(p));
                // (After "a" in the same line the capital says where: "in a
                // Berlin park"; not "an", a German preposition.)
                let same_line = !text[before.len()..span.start].contains('\n');
                let locative = locative || same_line && ["a", "A"].contains(&previous);
                if let (false, false, false, Some(government)) =
                    (locative, is_dateline(text, span), after_town(text, span, &by_end, lexicon), government)
                {
                    out.push(Candidate { span, reading: qualified_body(lexicon, government, c), priority: 2 });
                }
            }
            Target::Institution(_) if names_association(text, span, lexicon) => {}
            Target::Institution(inst) => {
                if let Some((start, country)) = qualifier_before(text, span.start, &by_end) {
                    // ("Royal Bahamas Police Force": a prefix of the name before the country.)
                    let lead = &text[..start];
                    let prefix = lead.strip_suffix(' ').and_then(|lead| {
                        let word = lead.rsplit(|c: char| !c.is_alphabetic()).next()?;
                        lexicon.words.contains("unqualified.body_prefixes_en", word).then(|| lead.len() - word.len())
                    });
                    let start = prefix.unwrap_or(start);
                    let mut end = span.end;
                    if lexicon.institutions[inst].kind == "embassy" {
                        end = embassy_place_after(text, end, hits).unwrap_or(end);
                    }
                    out.push(Candidate {
                        span: Span::new(start, end),
                        reading: qualified_body(lexicon, inst, country),
                        priority: 4,
                    });
                } else if let Some((start, country)) = (lexicon.institutions[inst].kind == "courts")
                    .then(|| capital_before(text, span.start, &by_end, lexicon))
                    .flatten()
                {
                    // "a Moscow court", "ein Moskauer Gericht": a court in that
                    // capital, one of its country's courts.
                    out.push(Candidate {
                        span: Span::new(start, span.end),
                        reading: qualified_body(lexicon, inst, country),
                        priority: 4,
                    });
                } else if let Some((end, country)) =
                    country_after(text, span.end, hits).filter(|_| lexicon.institutions[inst].kind != "embassy")
                {
                    // "die Staatsanwaltschaft Taiwans", "die Regierung der
                    // USA", "the government of China".
                    out.push(Candidate {
                        span: Span::new(span.start, end),
                        reading: qualified_body(lexicon, inst, country),
                        priority: 4,
                    });
                } else if let Some((end, country)) =
                    capital_after(text, span.end, hits).filter(|_| lexicon.institutions[inst].kind != "embassy")
                {
                    // "the Ministry of Commerce in Beijing", "das Finanzministerium in Washington".
                    // A court with a name of its own before "Court" is that
                    // court: "the Administrative Court in Stockholm".
                    let reading = match court_name_before(text, span, &lexicon.institutions[inst].kind, lexicon) {
                        Some(start) => {
                            let whole = Span::new(start, end);
                            let name = whole.slice(text).to_string();
                            out.push(Candidate {
                                span: whole,
                                reading: Reading::Named { name, etype: EntityType::Agency, weak: false },
                                priority: 4,
                            });
                            continue;
                        }
                        None => qualified_body(lexicon, inst, country),
                    };
                    out.push(Candidate { span: Span::new(span.start, end), reading, priority: 4 });
                } else if let Some((end, place)) = lexicon
                    .words
                    .contains("unqualified.local_kinds", &lexicon.institutions[inst].kind)
                    .then(|| local_place(text, span, hits, lexicon))
                    .flatten()
                {
                    // "prosecutors in Munich", "the Oldenburg prosecutors'
                    // office", "die Staatsanwaltschaft Oldenburg": the city's
                    // or the state's own body.
                    let name = lexicon.institutions[inst].name.replace("{adj}", &place);
                    // (The lexicon may know the body by that name: "Munich
                    // prosecutors" are the Munich I Public Prosecutor's Office.)
                    let listed = lexicon.gazetteer.find(&name).into_iter().find_map(|h| match h.target {
                        Target::Entry(i) if h.span == Span::new(0, name.len()) => Some(i),
                        _ => None,
                    });
                    out.push(Candidate {
                        span: end,
                        reading: match listed {
                            Some(i) => Reading::Entry(i),
                            None => Reading::Named { name, etype: EntityType::Agency, weak: false },
                        },
                        priority: 4,
                    });
                } else if is_federal(text, span, lexicon) {
                    // "die Bundesregierung", "das Bundeswirtschaftsministerium":
                    // German as a rule; resolution decides.
                    out.push(Candidate { span, reading: Reading::FederalBody { institution: inst }, priority: 4 });
                } else if unqualified_allowed(text, span, lexicon) {
                    out.push(Candidate {
                        span,
                        reading: Reading::Body { institution: inst, country: None },
                        priority: 1,
                    });
                }
            }
            Target::AdjEn(c) | Target::AdjDe(c) | Target::Prefix(c) => {
                // "a Georgian in a Berlin park": an English adjective after "a"
                // and before no noun is a person of that country, no country.
                let person = matches!(hit.target, Target::AdjEn(_)) && {
                    // (An adjective may stand between: "a Chechen-born Georgian".)
                    let line = &text[text[..span.start].rfind('\n').map_or(0, |n| n + 1)..span.start];
                    let mut lead = line.split_whitespace().rev();
                    let is_article = |w: &str| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an");
                    let article = match (lead.next(), lead.next()) {
                        (Some(w), _) if is_article(w) => true,
                        (Some(w), Some(v)) => is_article(v) && (w.contains('-') || w.starts_with(char::is_lowercase)),
                        _ => false,
                    };
                    let next = text[span.end..].trim_start_matches(' ');
                    let word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                    article && (next.starts_with([',', '.', ';', ')']) || ["in", "who", "at", "from"].contains(&word))
                };
                if person {
                    continue;
                }
                // The adjective itself: a country named as an attribute
                // ("Russian invasion", "US-Sanktionen"), the weakest reading.
                out.push(Candidate { span, reading: Reading::Adjective(c), priority: 0 });
                if matches!(hit.target, Target::Prefix(_)) {
                    continue;
                }
                if let Some((end, noun)) = group_noun_after(text, span.end, lexicon) {
                    let country = &lexicon.countries[c];
                    out.push(Candidate {
                        span: Span::new(span.start, end),
                        reading: Reading::Group { name: format!("{} {}", country.adjective(), noun), country: c },
                        priority: 1,
                    });
                }
            }
            Target::Demonym(_) => {}
        }
    }
    out
}

/// The reading for a country's body of an institution kind: the lexicon's
/// named body when it has one, a derived body otherwise.
fn qualified_body(lexicon: &Lexicon, institution: usize, country: usize) -> Reading {
    let kind = &lexicon.institutions[institution].kind;
    let iso3 = &lexicon.countries[country].iso3;
    match lexicon.body_of(kind, iso3).and_then(|e| lexicon.entry_index(&e.id)) {
        Some(entry) => Reading::Entry(entry),
        None => Reading::Body { institution, country: Some(country) },
    }
}

/// A country qualifier that ends right before `start`: "Chinese ", "US-",
/// "chinesischen ", "China's ", "Chinas ".
fn qualifier_before(text: &str, start: usize, by_end: &HashMap<usize, Vec<&Hit>>) -> Option<(usize, usize)> {
    let before = &text[..start];
    let mut candidates = Vec::new();
    if let Some(stripped) = before.strip_suffix('-') {
        candidates.push((stripped.len(), true));
    }
    if let Some(stripped) = before.strip_suffix(' ') {
        candidates.push((stripped.len(), false));
        // (And a plural's: "The Philippines' Securities and Exchange
        // Commission", "the Netherlands' ministry".)
        for possessive in ["'s", "’s"] {
            if let Some(s) = stripped.strip_suffix(possessive) {
                candidates.push((s.len(), false));
            }
        }
        for apostrophe in ['\'', '’'] {
            if let Some(s) = stripped.strip_suffix(apostrophe).filter(|s| s.ends_with('s')) {
                candidates.push((s.len(), false));
            }
        }
    }
    for (end, hyphen) in candidates {
        for hit in by_end.get(&end).into_iter().flatten() {
            match hit.target {
                Target::Prefix(c) if hyphen => return Some((hit.span.start, c)),
                Target::AdjEn(c) | Target::AdjDe(c) if !hyphen => return Some((hit.span.start, c)),
                Target::Country(c) => {
                    let found = hit.span.slice(text);
                    let genitive = found.ends_with('s') || text[hit.span.end..].starts_with(['\'', '’']);
                    if hyphen || genitive {
                        return Some((hit.span.start, c));
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The place a local body's noun names, and the span of the noun with it:
/// after it ([`local_place_after`]), right before it in English ("the
/// Oldenburg prosecutors' office"), right after it in German ("die
/// Staatsanwaltschaft Oldenburg") or as a German town's adjective before it
/// ("der Oldenburger Staatsanwaltschaft"). A place the lexicon lists goes
/// by its lexicon name, so that "München" and "Munich" make one body.
fn local_place(text: &str, span: Span, hits: &[Hit], lexicon: &Lexicon) -> Option<(Span, String)> {
    if let Some((end, place)) = local_place_after(text, span.end, hits, lexicon) {
        return Some((Span::new(span.start, end), place));
    }
    let listed = |at: Span| {
        hits.iter().find(|h| h.span == at).and_then(|h| match h.target {
            Target::Entry(i) if lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION") => {
                Some(lexicon.entries[i].name.clone())
            }
            _ => None,
        })
    };
    // Any other reading of the word (a country, its capital or adjective, a
    // company, a person) is left to the rules for it.
    let known = |at: Span| hits.iter().any(|h| h.span.overlaps(at));
    let plain = |word: &str| {
        word.chars().count() >= 3
            && text::is_capitalized(word)
            && word.chars().all(char::is_alphabetic)
            && !["stop_names.en", "stop_names.de", "function_words.en", "function_words.de"]
                .iter()
                .any(|path| lexicon.words.contains_ignore_ascii_case(path, word))
    };
    // (German nouns are capitalised, English ones not.)
    let german = text::is_capitalized(span.slice(text));
    let lead = text[..span.start].strip_suffix(' ')?;
    let before_start = lead.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| k + 1);
    let before = Span::new(before_start, lead.len());
    let word_before = before.slice(text);
    // (What stands before that word opens the phrase: "the Oldenburg
    // prosecutors", not "Justice Department prosecutors".)
    let opens = text[..before.start].trim_end().rsplit(' ').next().is_none_or(|w| {
        w.is_empty()
            || w.ends_with(['.', ',', '(', ':'])
            || !text::is_capitalized(w)
            || text::DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
    });
    if german {
        // "die Staatsanwaltschaft Oldenburg ermittelt" (no noun: "die
        // Staatsanwaltschaft Anklage erhoben").
        let rest = text[span.end..].strip_prefix(' ').unwrap_or("");
        let word = &rest[..rest.find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(rest.len())];
        let at = Span::new(span.end + 1, span.end + 1 + word.len());
        let named_after =
            !word.is_empty() && lexicon.words.get("unqualified.local_nouns_de").iter().any(|n| n == span.slice(text));
        if named_after {
            if let Some(place) = listed(at) {
                return Some((Span::new(span.start, at.end), place));
            }
            let mut scratch = Vec::new();
            lexicon.trigger_index(Lang::De).candidates(&word.to_lowercase(), &mut scratch);
            if plain(word) && !known(at) && scratch.is_empty() && !patterns::looks_like_german_noun(word) {
                return Some((Span::new(span.start, at.end), word.to_string()));
            }
        }
        // "der Oldenburger Staatsanwaltschaft", "der Münchner Polizei": a
        // place's adjective whose place the text or the lexicon names.
        // ("Münchner" of "München".)
        let stem = word_before.strip_suffix("er").filter(|_| opens && plain(word_before))?;
        let forms = [Some(stem.to_string()), stem.strip_suffix('n').map(|s| format!("{s}en"))];
        let place = forms.iter().flatten().find_map(|form| {
            let whole = Span::new(0, form.len());
            lexicon.gazetteer.find(form).into_iter().find_map(|h| match h.target {
                Target::Entry(i) if h.span == whole && lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION") => {
                    Some(lexicon.entries[i].name.clone())
                }
                _ => None,
            })
        });
        let place = place.or_else(|| text::contains_word(text, stem).then(|| stem.to_string()))?;
        return Some((Span::new(before.start, span.end), place));
    }
    // "the Oldenburg prosecutors' office".
    if !opens || !plain(word_before) {
        return None;
    }
    match listed(before) {
        Some(place) => Some((Span::new(before.start, span.end), place)),
        None if !known(before) => Some((Span::new(before.start, span.end), word_before.to_string())),
        None => None,
    }
}

/// The place a local body's noun names after it ("in Munich", "in the
/// Brazilian state of Minas Gerais", "im Bundesstaat Minas Gerais"): its end
/// and its name. A place the lexicon lists, or a name after a marker of
/// `unqualified.local_markers_*`.
fn local_place_after(text: &str, end: usize, hits: &[Hit], lexicon: &Lexicon) -> Option<(usize, String)> {
    let rest = &text[end..];
    let skip = [" in the ", " in der ", " in ", " im "].iter().find(|p| rest.starts_with(**p))?.len();
    let from = end + skip;
    let listed = hits.iter().find(|h| {
        h.span.start == from
            && matches!(h.target, Target::Entry(i) if lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION"))
    });
    if let Some(place) = listed {
        let Target::Entry(i) = place.target else { return None };
        return Some((place.span.end, lexicon.entries[i].name.clone()));
    }
    // A marker, perhaps after a country's adjective: "the Brazilian state of"
    // (looked for within a few words only).
    let window = text[from..].char_indices().nth(40).map_or(text.len(), |(at, _)| from + at);
    let after = &text[from..window];
    let markers = lexicon
        .words
        .get("unqualified.local_markers_en")
        .iter()
        .chain(lexicon.words.get("unqualified.local_markers_de"));
    let marker_end = markers
        .filter_map(|m| {
            let at = after.find(m.as_str())?;
            let lead = &after[..at];
            let short = lead.split_whitespace().count() <= 1 && !lead.contains([',', '.', ';']);
            (short && after[at + m.len()..].starts_with(' ')).then_some(at + m.len() + 1)
        })
        .min()?;
    // The name: capitalised words, with the particles of place names between
    // (in German no noun: "im Bundesstaat Minas Gerais Anklage erhoben").
    let particles = ["do", "da", "de", "del", "dos", "das"];
    let mut scratch = Vec::new();
    let mut german_noun = |w: &str| {
        lexicon.trigger_index(Lang::De).candidates(&w.to_lowercase(), &mut scratch);
        !scratch.is_empty() || patterns::looks_like_german_noun(w)
    };
    let start = from + marker_end;
    let mut taken: Vec<&str> = Vec::new();
    for (k, raw) in text[start..].split(' ').enumerate().take(4) {
        let word = raw.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = word.starts_with(char::is_uppercase) && !(k > 0 && german_noun(word));
        if !(capital || k > 0 && particles.contains(&word)) {
            break;
        }
        taken.push(word);
        if word.len() != raw.len() {
            break;
        }
    }
    while taken.last().is_some_and(|w| particles.contains(w)) {
        taken.pop();
    }
    let name = taken.join(" ");
    let name_end = start + name.len();
    (!name.is_empty()).then_some((name_end, name))
}

/// "Byju's", "Macy's": a capitalised word with "'s" that the document also
/// writes where no possessive can stand (before a comma or full stop, "and",
/// a preposition, a verb or an article: "proceedings against Byju's,",
/// "issued Byju's a notice") is a name that ends in "'s", at each of its
/// occurrences ("Byju's settlement" too). A word the lexicon knows
/// ("China's") is none.
fn possessive_form_names(text: &str, from: usize, hits: &[Hit]) -> Vec<Candidate> {
    const AFTER: &[&str] = &[
        "and", "or", "to", "on", "in", "with", "for", "from", "has", "had", "have", "was", "is", "said", "says",
        "over", "after", "before", "against", "which", "that", "who", "a", "an", "the", "its", "as", "at", "by",
    ];
    let mut names: Vec<&str> = Vec::new();
    let mut seen: Vec<(Span, &str)> = Vec::new();
    for word in text::words(text, from, text.len()) {
        let raw = word.text(text);
        let Some(stem) = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) else { continue };
        if stem.chars().count() < 3
            || !stem.starts_with(char::is_uppercase)
            || !stem.chars().all(char::is_alphabetic)
            || stem.chars().all(char::is_uppercase)
            || hits.iter().any(|h| h.span.overlaps(word.span))
        {
            continue;
        }
        let rest = &text[word.span.end..];
        let next = rest.strip_prefix(' ').map(|r| r.split([' ', ',', '.']).next().unwrap_or(""));
        let closed = rest.starts_with([',', '.', ';', ':', ')']) || rest.is_empty();
        if closed || next.is_some_and(|n| AFTER.contains(&n)) {
            names.push(raw);
        }
        seen.push((word.span, raw));
    }
    seen.into_iter()
        .filter(|(_, raw)| names.contains(raw))
        .map(|(span, raw)| Candidate {
            span,
            reading: Reading::Named { name: raw.replace('’', "'"), etype: EntityType::Company, weak: false },
            priority: 3,
        })
        .collect()
}

/// "Das Obere Volksgericht in Ho-Chi-Minh-Stadt", "dem Bezirksgericht in
/// Tirana": a German court's compound after a definite article, with the
/// place it sits in, is that court, named with its seat (a capitalised
/// adjective before the compound is part of the name). The courts of
/// Germany's own system (`org_suffixes.agency_heads_de`: "Landgericht
/// Bonn") are left to their patterns.
fn seated_german_courts(text: &str, from: usize, hits: &[Hit], lexicon: &Lexicon) -> Vec<Candidate> {
    let articles = ["das", "dem", "des", "vom", "am", "beim", "im"];
    let mut out = Vec::new();
    for tail in ["gericht in ", "gerichtshof in "] {
        for (at, _) in text[from..].match_indices(tail) {
            let at = from + at;
            let noun_start = text::after_last(&text[..at], char::is_whitespace);
            let compound = &text[noun_start..at + tail.len() - " in ".len()];
            let prefix = &text[noun_start..at];
            if prefix.chars().count() < 3
                || !compound.starts_with(char::is_uppercase)
                || !compound.chars().all(char::is_alphabetic)
                || lexicon.words.contains("org_suffixes.agency_heads_de", compound)
            {
                continue;
            }
            // Back over a capitalised adjective to the article.
            let lead = text[..noun_start].trim_end_matches(' ');
            let word_start = text::after_last(lead, char::is_whitespace);
            let word = &lead[word_start..];
            let (start, article) = if word.starts_with(char::is_uppercase)
                && ["e", "en", "es", "er"].iter().any(|e| word.ends_with(e))
                && !articles.iter().any(|a| a.eq_ignore_ascii_case(word))
            {
                let before = text[..word_start].trim_end_matches(' ');
                let article = &before[text::after_last(before, char::is_whitespace)..];
                (word_start, article)
            } else {
                (noun_start, word)
            };
            if !articles.iter().any(|a| a.eq_ignore_ascii_case(article)) {
                continue;
            }
            // The seat: a place the lexicon knows, else one capitalised word
            // ("Ho-Chi-Minh-Stadt").
            let seat_start = at + tail.len();
            let listed_place = hits
                .iter()
                .filter(|h| h.span.start == seat_start)
                .map(|h| match h.target {
                    Target::Entry(i) if lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION") => {
                        (h.span.end, Some(lexicon.entries[i].name.as_str()))
                    }
                    _ => (h.span.end, None),
                })
                .max_by_key(|(end, _)| *end);
            let listed = listed_place.map(|(end, _)| end);
            let seat_end = listed.or_else(|| {
                let rest = &text[seat_start..];
                let len = rest.find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(rest.len());
                let word = rest[..len].trim_end_matches('-');
                (word.starts_with(char::is_uppercase) && word.chars().count() > 2).then_some(seat_start + word.len())
            });
            let Some(end) = seat_end else { continue };
            let span = Span::new(start, end);
            // Named in English where the compound and the seat translate, so
            // that an English article's court is the same.
            let english = lexicon.words.get("unqualified.court_translations_de").iter().find_map(|pair| {
                let (german, english) = pair.split_once('|')?;
                (german == compound).then_some(english)
            });
            let name = match (english, listed_place.and_then(|(_, place)| place)) {
                (Some(court), Some(place)) if start == noun_start => format!("{court} in {place}"),
                _ => span.slice(text).to_string(),
            };
            out.push(Candidate {
                span,
                reading: Reading::Named { name, etype: EntityType::Agency, weak: false },
                priority: 5,
            });
        }
    }
    out
}

/// Where the name of a court starts that words of
/// `unqualified.court_qualifiers_en` before its "Court" make its own
/// ("Administrative Court", "Central District Court"): for a hit of the
/// generic courts only, written with a capital.
fn court_name_before(text: &str, span: Span, kind: &str, lexicon: &Lexicon) -> Option<usize> {
    if kind != "courts" || !span.slice(text).starts_with(char::is_uppercase) {
        return None;
    }
    let mut start = None;
    let mut at = span.start;
    for _ in 0..3 {
        let Some(lead) = text[..at].strip_suffix(' ') else { break };
        let word_start = lead.rfind(' ').map_or(0, |i| i + 1);
        let word = &lead[word_start..];
        if !lexicon.words.contains("unqualified.court_qualifiers_en", word) {
            // A word that is no qualifier leaves the name to the name patterns.
            let determiner = text::DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word));
            return start.filter(|_| determiner || !word.starts_with(char::is_uppercase));
        }
        start = Some(word_start);
        at = word_start;
    }
    start
}

/// A country that owns the institution noun before it: a German genitive
/// ("Staatsanwaltschaft Taiwans", "Regierung der USA") or "of" ("the
/// government of China"). Its end and country.
fn country_after(text: &str, end: usize, hits: &[Hit]) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let skip = [" der ", " des ", " of ", " "].iter().find(|p| rest.starts_with(**p))?.len();
    hits.iter().find_map(|h| match h.target {
        Target::Country(c) if h.span.start == end + skip => {
            let surface = h.span.slice(text);
            // A bare name must be a genitive ("Taiwans"), not the next word
            // of a list or a sentence ("die Behörden Taiwan und Japan").
            let genitive = skip > 1 || surface.ends_with('s') && !text[h.span.end..].starts_with(['\'', '’']);
            genitive.then_some((h.span.end, c))
        }
        _ => None,
    })
}

/// "Chinese Embassy in Washington": the capital after an embassy belongs to it.
fn embassy_place_after(text: &str, end: usize, hits: &[Hit]) -> Option<usize> {
    capital_after(text, end, hits).map(|(end, _)| end)
}

/// A capital right after an institution noun (" in Beijing"): its end and country.
fn capital_after(text: &str, end: usize, hits: &[Hit]) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let skip = [" in ", " in the "].iter().find(|p| rest.starts_with(**p))?.len();
    hits.iter().find_map(|h| match h.target {
        Target::Capital(c) if h.span.start == end + skip => Some((h.span.end, c)),
        _ => None,
    })
}

/// Whether `name` is an English possessive before a word, `rest` being
/// the text after it: "China's ministry", or a plural's: "the
/// Philippines' Securities and Exchange Commission".
fn possessive_before_word(name: &str, rest: &str) -> bool {
    ["'s ", "’s "].iter().any(|g| rest.starts_with(g))
        || name.ends_with('s') && ["' ", "’ "].iter().any(|g| rest.starts_with(g))
}

/// A capital right before `start` ("a Moscow court") or its German
/// adjective ("ein Moskauer Gericht"): its start and country.
fn capital_before(
    text: &str,
    start: usize,
    by_end: &HashMap<usize, Vec<&Hit>>,
    lexicon: &Lexicon,
) -> Option<(usize, usize)> {
    let before = text[..start].strip_suffix(' ')?;
    let capital = by_end.get(&before.len()).into_iter().flatten().find_map(|h| match h.target {
        Target::Capital(c) => Some((h.span.start, c)),
        _ => None,
    });
    capital.or_else(|| {
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
        let stem = word.strip_suffix("er").filter(|_| text::is_capitalized(word))?;
        let country = lexicon.countries.iter().position(|c| c.capital_de.iter().any(|k| k == stem))?;
        Some((before.len() - word.len(), country))
    })
}

/// Does the capital at `span` complete an address ("based in Redmond,
/// Washington", "a plant in Bellevue, Washington")? After a town and a
/// comma the name is the state the town lies in, not a government. The town
/// is a place the lexicon knows, or capitalised words right after "in",
/// "near", "from" or "of" (never a country or another capital: "Moscow,
/// Washington and Beijing" is a list).
fn after_town(text: &str, span: Span, by_end: &HashMap<usize, Vec<&Hit>>, lexicon: &Lexicon) -> bool {
    let Some(before) = text[..span.start].strip_suffix(", ") else { return false };
    let end = before.len();
    if let Some(hits) = by_end.get(&end) {
        return hits.iter().any(|h| match h.target {
            Target::Entry(i) => lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION"),
            _ => false,
        });
    }
    // Capitalised words back to a locative preposition.
    let mut rest = before;
    let mut words = 0;
    while let Some((lead, word)) = rest.rsplit_once(' ') {
        if ["in", "near", "from", "of"].contains(&word) {
            return words > 0;
        }
        if words == 3 || !text::is_capitalized(word) || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return false;
        }
        words += 1;
        rest = lead;
    }
    false
}

/// Does the place at `span` open a dateline ("BERLIN, March 15 (Reuters) -",
/// "Washington (dpa) –")? It says where the article was written, so a
/// capital there is no government.
pub(crate) fn is_dateline(text: &str, span: Span) -> bool {
    // (Several places, joined by slashes: "PARIS/LONDON, Jan 31 (Reuters) -".)
    let shouted = |s: &str| s.chars().all(|c| c.is_uppercase() || matches!(c, '/' | ' ' | '-' | '.'));
    let line_start = text[..span.start].trim_end_matches([' ', '\t']);
    let line = line_start.rfind('\n').map_or(line_start, |n| &line_start[n + 1..]);
    if !(line.is_empty() || line.ends_with('/') && shouted(line)) {
        return false;
    }
    let mut after = &text[span.end..];
    while let Some(rest) = after.strip_prefix('/') {
        let end = rest.find(|c: char| !(c.is_uppercase() || c == ' ' || c == '-' || c == '.')).unwrap_or(rest.len());
        after = &rest[end..];
    }
    let head = match after.char_indices().nth(60) {
        Some((i, _)) => &after[..i],
        None => after,
    };
    let dash = |s: &str| [" -", " –", " —"].iter().any(|d| s.starts_with(d));
    // Or a date before the dash and no agency: "STOCKHOLM, June 22, 2021 – A
    // Swedish court …" (a date is short and holds a digit).
    let dated = after.strip_prefix(", ").is_some_and(|rest| {
        // (Looked for in the few characters a date takes, not the whole text.)
        let window = rest.char_indices().nth(32).map_or(rest, |(i, _)| &rest[..i]);
        let end = [" - ", " – ", " — "].iter().filter_map(|d| window.find(d)).min();
        end.is_some_and(|end| {
            let date = &rest[..end];
            date.len() <= 24 && date.contains(|c: char| c.is_ascii_digit()) && !date.contains([';', '(', ')'])
        })
    });
    dash(after)
        || dated
        || (after.starts_with([',', ' '])
            && head.find(')').is_some_and(|close| head[..close].contains('(') && dash(&head[close + 1..])))
}

/// "Bundes-" compounds name federal bodies (`[unqualified] federal_prefix_de`
/// in grammar.toml), as does "der Bund" itself (`federal_bare_de`), unless a
/// qualifier precedes ("US-Bundesregierung").
fn is_federal(text: &str, span: Span, lexicon: &Lexicon) -> bool {
    let noun = span.slice(text);
    let prefixed = lexicon
        .words
        .get("unqualified.federal_prefix_de")
        .iter()
        .any(|p| noun.starts_with(p.as_str()) && noun.len() > p.len());
    let bare = lexicon.words.contains("unqualified.federal_bare_de", noun);
    (prefixed || bare) && !text[..span.start].ends_with('-')
}

/// "Bund Naturschutz", "Bund der Steuerzahler": the federation's bare noun
/// (`unqualified.federal_bare_de`) opening an association's name.
fn names_association(text: &str, span: Span, lexicon: &Lexicon) -> bool {
    if !lexicon.words.contains("unqualified.federal_bare_de", span.slice(text)) {
        return false;
    }
    let next = text[span.end..].strip_prefix(' ').and_then(|rest| rest.split([' ', ',', '.']).next()).unwrap_or("");
    next.starts_with(char::is_uppercase) || ["der", "für", "deutscher"].contains(&next)
}

/// An unqualified institution noun names a body only after a definite
/// article or "federal"/"Bundes-" ("the federal government", "die
/// Bundesregierung"); "die Behörde" and the like are anaphors, left to resolution.
fn unqualified_allowed(text: &str, span: Span, lexicon: &Lexicon) -> bool {
    let noun = span.slice(text);
    // Only some bodies are safely the document's own without a qualifier
    // (`[unqualified]` in grammar.toml); "the military" may be anyone's.
    let kinds = lexicon.words.get("unqualified.kinds");
    let allowed = lexicon.words.contains_ignore_ascii_case("unqualified.nouns", noun)
        || lexicon.institutions.iter().any(|inst| {
            kinds.contains(&inst.kind)
                && inst
                    .en
                    .iter()
                    .chain(&inst.de)
                    .any(|n| n.eq_ignore_ascii_case(noun.trim_end_matches('s')) || n.eq_ignore_ascii_case(noun))
        });
    if !allowed {
        return false;
    }
    let before = text[..span.start].trim_end();
    // A bare plural that opens a sentence is the document's own
    // ("Authorities detained four employees", "Behörden beschlagnahmten"),
    // also after a dateline ("JOHANNESBURG, June 7 (Reuters) - Authorities in …").
    let opens_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n'])
        || [" -", " –", " —"].iter().any(|dash| before.ends_with(dash));
    if opens_sentence && lexicon.words.contains_ignore_ascii_case("unqualified.bare_plurals", noun) {
        return true;
    }
    let previous = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let determiners = ["the", "der", "die", "das", "des", "dem", "den", "federal", "Federal"];
    if !determiners.iter().any(|d| previous.eq_ignore_ascii_case(d)) {
        return false;
    }
    let phrase = format!("{previous} {noun}").to_lowercase();
    let anaphor = ["anaphora.company_en", "anaphora.company_de", "anaphora.agency_en", "anaphora.agency_de"]
        .iter()
        .flat_map(|path| lexicon.words.lowered(path))
        .any(|a| *a == phrase);
    !anaphor
}

/// The end of an administration word after a person's name.
fn administration_after(text: &str, end: usize, lexicon: &Lexicon) -> Option<usize> {
    let rest = &text[end..];
    for lang in [Lang::En, Lang::De] {
        for word in lexicon.words.lowered_lang("administration", lang) {
            for sep in [" ", "-"] {
                let Some(after) = rest.strip_prefix(sep) else { continue };
                let len = sep.len() + word.len();
                if text::lowercase_starts_with(after, word)
                    && rest.get(len..).is_some_and(|r| !r.chars().next().is_some_and(text::is_word_char))
                {
                    return Some(end + len);
                }
            }
        }
    }
    None
}

/// A group noun right after a country adjective: " hackers", " Cloud-Anbieter".
fn group_noun_after(text: &str, end: usize, lexicon: &Lexicon) -> Option<(usize, String)> {
    let rest = text[end..].strip_prefix(' ')?;
    let mut best: Option<(usize, String)> = None;
    for lang in [Lang::En, Lang::De] {
        for noun in lexicon.words.lang("groups", lang) {
            let n = noun.len();
            if rest.len() >= n
                && rest.is_char_boundary(n)
                && rest[..n].eq_ignore_ascii_case(noun)
                && !rest[n..].chars().next().is_some_and(text::is_word_char)
                && best.as_ref().is_none_or(|(len, _)| n > *len)
            {
                best = Some((n, noun.clone()));
            }
        }
    }
    best.map(|(n, noun)| (end + 1 + n, noun))
}

/// Keeps the longest reading where readings overlap; ties go to priority.
/// German lists a plural noun announces name companies all: "die Banken
/// CIBanco und Intercam" (a capitalised word alone after "und" is a German
/// noun as often as a name, so only such a list makes it one).
fn plural_apposition_lists(text: &str, lang: Lang, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    if lang != Lang::De {
        return chosen;
    }
    chosen.sort_by_key(|c| c.span);
    let is_company = |c: &Candidate| match &c.reading {
        Reading::Entry(i) => lexicon.entries[*i].etype.eq_ignore_ascii_case("COMPANY"),
        Reading::Named { etype, weak, .. } => *etype == EntityType::Company && !weak,
        _ => false,
    };
    let path = lexicon.words.lang_path("appositions.company", lang);
    let mut added = Vec::new();
    for c in chosen.iter().filter(|c| is_company(c)) {
        let noun = text[..c.span.start].trim_end().rsplit(' ').next().unwrap_or("");
        let plural = (noun.ends_with("en") || noun.ends_with('e'))
            && !lexicon.words.contains_ignore_ascii_case(&path, noun)
            && patterns::is_apposition(noun, lang, "appositions.company", lexicon);
        if !plural {
            continue;
        }
        let mut end = c.span.end;
        loop {
            let rest = &text[end..];
            let Some(sep) = [" und ", " sowie ", ", "].into_iter().find(|s| rest.starts_with(s)) else { break };
            let start = end + sep.len();
            let len = text[start..].find(|ch: char| !ch.is_alphanumeric() && ch != '-').unwrap_or(text.len() - start);
            let word = &text[start..start + len];
            let span = Span::new(start, start + len);
            let follows = text[span.end..].trim_start();
            let closes = !follows.starts_with(char::is_uppercase);
            let known = chosen.iter().chain(&added).any(|o: &Candidate| o.span.overlaps(span));
            if known {
                end = chosen.iter().find(|o| o.span.start == start).map_or(span.end, |o| o.span.end);
                continue;
            }
            if word.chars().count() < 3
                || !text::is_capitalized(word)
                || !closes
                || patterns::looks_like_german_noun(word)
                || lexicon.words.contains_ignore_ascii_case("function_words.de", word)
                || lexicon.words.contains_ignore_ascii_case("stop_names.de", word)
            {
                break;
            }
            let reading = Reading::Named { name: word.to_string(), etype: EntityType::Company, weak: false };
            added.push(Candidate { span, reading, priority: 2 });
            end = span.end;
        }
    }
    chosen.extend(added);
    chosen.sort_by_key(|c| c.span);
    chosen
}

/// A guessed name listed beside a company the lexicon knows is a company:
/// "Shares of Screen Holdings and Lasertec were little changed", "Huawei,
/// ZTE and Zhongxun"; or a company a pattern found, unless it opens with a
/// title word and may be a misread title ("Under Secretary of Commerce for
/// Industry and Security Alan Estevez").
fn type_list_members(text: &str, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    chosen.sort_by_key(|c| c.span);
    let titled = |name: &str| {
        name.split(' ')
            .next()
            .is_some_and(|w| lexicon.words.contains("title_words.en", w) || lexicon.words.contains("title_words.de", w))
    };
    let is_company = |c: &Candidate| match &c.reading {
        Reading::Entry(i) => lexicon.entries[*i].etype.eq_ignore_ascii_case("COMPANY"),
        Reading::Named { name, etype, weak } => *etype == EntityType::Company && !weak && !titled(name),
        _ => false,
    };
    let joined = |a: &Candidate, b: &Candidate| {
        a.span.end <= b.span.start
            && [" and ", ", ", ", and ", " und ", " or ", " oder "].contains(&&text[a.span.end..b.span.start])
    };
    // Not a word of a person's full name in the document ("sued Binance and
    // Zhao" after "Changpeng Zhao"): that is the person.
    let person_words: Vec<&str> = chosen
        .iter()
        .filter(|c| match &c.reading {
            Reading::Entry(i) => lexicon.entries[*i].etype.eq_ignore_ascii_case("PERSON"),
            Reading::Named { etype, .. } => *etype == EntityType::Person,
            _ => false,
        })
        .map(|c| c.span.slice(text))
        .filter(|name| name.contains(' '))
        .flat_map(|name| name.split(' '))
        .collect();
    let companies: Vec<bool> = chosen.iter().map(is_company).collect();
    for k in 0..chosen.len() {
        let listed = (k > 0 && companies[k - 1] && joined(&chosen[k - 1], &chosen[k]))
            || (k + 1 < chosen.len() && companies[k + 1] && joined(&chosen[k], &chosen[k + 1]));
        let of_a_person = person_words.contains(&chosen[k].span.slice(text));
        if let Reading::Named { etype, weak, .. } = &mut chosen[k].reading {
            if *weak && listed && !of_a_person {
                *etype = EntityType::Company;
                *weak = false;
            }
        }
    }
    chosen
}

/// "based in Laval, Quebec", "in Redmond, Washington": a name guessed by
/// its shape after "in", "near" or "from" and before a comma and a known
/// place is a town, not a company.
fn towns_before_regions(
    text: &str,
    lang: Lang,
    mut chosen: Vec<Candidate>,
    cities: &[Span],
    lexicon: &Lexicon,
) -> Vec<Candidate> {
    if lang != Lang::En {
        return chosen;
    }
    let place_at = |start: usize, chosen: &[Candidate]| {
        cities.iter().any(|c| c.start == start)
            || chosen.iter().any(|c| {
                c.span.start == start
                    && match c.reading {
                        Reading::Country(_) => true,
                        Reading::Entry(i) => lexicon.entries[i].etype.eq_ignore_ascii_case("LOCATION"),
                        _ => false,
                    }
            })
    };
    for k in 0..chosen.len() {
        let Reading::Named { etype: EntityType::Company, weak: true, .. } = chosen[k].reading else { continue };
        let span = chosen[k].span;
        let before = text[..span.start].trim_end_matches(' ');
        let after_preposition = ["in", "near", "from"]
            .iter()
            .any(|p| before.strip_suffix(p).is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '('])));
        let region = text[span.end..].strip_prefix(", ").map(|rest| text.len() - rest.len());
        if after_preposition && region.is_some_and(|at| place_at(at, &chosen)) {
            if let Reading::Named { etype, weak, .. } = &mut chosen[k].reading {
                *etype = EntityType::Location;
                *weak = false;
            }
        }
    }
    chosen
}

fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.span.len().cmp(&a.span.len()).then(b.priority.cmp(&a.priority)).then(a.span.start.cmp(&b.span.start))
    });
    let mut chosen: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if !chosen.iter().any(|c| c.span.overlaps(candidate.span)) {
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|c| (c.span.start, c.span.end));
    chosen
}

/// A body named with its country's genitive ("Russia's Federal Antimonopoly
/// Service", "China's Ministry of Commerce") names the country too: the
/// country is a mention of its own, as in "Germany's Federal Cartel Office",
/// inside the body's, which keeps its whole name.
fn country_genitives(text: &str, mut chosen: Vec<Candidate>, hits: &[Hit]) -> Vec<Candidate> {
    // (The document's country genitives, few, found once.)
    let genitives: Vec<(Span, usize)> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Country(c) if possessive_before_word(h.span.slice(text), &text[h.span.end..]) => Some((h.span, c)),
            _ => None,
        })
        .collect();
    if genitives.is_empty() {
        return chosen;
    }
    let mut countries = Vec::new();
    for candidate in &mut chosen {
        if !matches!(candidate.reading, Reading::Entry(_) | Reading::Body { country: Some(_), .. }) {
            continue;
        }
        let inside = |(span, _): &&(Span, usize)| span.start == candidate.span.start && span.end < candidate.span.end;
        if let Some(&(span, c)) = genitives.iter().find(inside) {
            countries.push(Candidate { span, reading: Reading::Country(c), priority: candidate.priority });
        }
    }
    if !countries.is_empty() {
        chosen.extend(countries);
        chosen.sort_by_key(|c| (c.span.start, c.span.end));
    }
    chosen
}

/// A country's adjective before capitalised words that end in a company's
/// name ending (`org_suffixes.after_adjective`) is part of that company's
/// name: "Saudi Arabian Airlines", "Saudi National Bank" (where no reading
/// holds the words after it: "Turkish Airlines" in the lexicon stays).
fn adjective_led_companies(text: &str, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    for k in 0..chosen.len() {
        if !matches!(chosen[k].reading, Reading::Adjective(_) | Reading::Country(_))
            || !text::is_capitalized(chosen[k].span.slice(text))
        {
            continue;
        }
        let start = chosen[k].span.end + 1;
        let Some(rest) = text.get(chosen[k].span.end..).and_then(|r| r.strip_prefix(' ')) else { continue };
        // (A name the patterns found in the words after it is absorbed:
        // "National Bank".)
        let next_named = chosen.get(k + 1).is_some_and(|next| matches!(next.reading, Reading::Named { .. }));
        let limit = match chosen.get(k + 1) {
            Some(next) if next_named => next.span.end,
            Some(next) => next.span.start,
            None => text.len(),
        };
        let mut end = start;
        let mut found = None;
        for raw in rest.split(' ').take(3) {
            let trimmed = raw.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '\'']);
            let word = text::strip_possessive(trimmed);
            if word.is_empty() || !text::is_capitalized(word) || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                break;
            }
            end = if end == start { start + word.len() } else { end + 1 + word.len() };
            if end > limit {
                break;
            }
            let words = &text[start..end];
            if lexicon
                .words
                .get("org_suffixes.after_adjective")
                .iter()
                .any(|s| words == s || words.ends_with(&format!(" {s}")))
            {
                found = Some(end);
            }
            // (Punctuation or a possessive ends the name.)
            if word.len() != raw.len() {
                break;
            }
        }
        if let Some(end) = found {
            if next_named && chosen[k + 1].span.start < end {
                if chosen[k + 1].span.end != end {
                    continue;
                }
                chosen[k + 1].span = Span::new(end, end);
            }
            let span = Span::new(chosen[k].span.start, end);
            chosen[k] = Candidate {
                span,
                reading: Reading::Named { name: span.slice(text).to_string(), etype: EntityType::Company, weak: false },
                priority: 2,
            };
        }
    }
    chosen.retain(|c| !c.span.is_empty());
    chosen
}

/// A product the lexicon names, followed by a model number, is that model
/// ("iPhone 16", "iPhone-16-Verbot", "Galaxy S24 Ultra"): a name of its
/// own, which the patterns key like any other.
fn product_models(text: &str, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    for k in 0..chosen.len() {
        let Reading::Entry(i) = chosen[k].reading else { continue };
        let entry = &lexicon.entries[i];
        if !entry.etype.eq_ignore_ascii_case("PRODUCT") {
            continue;
        }
        let Some(end) = model_after(text, chosen[k].span.end, lexicon) else { continue };
        if chosen.get(k + 1).is_some_and(|next| next.span.start < end) {
            continue;
        }
        let model = text[chosen[k].span.end + 1..end].replace('-', " ");
        chosen[k].reading =
            Reading::Named { name: format!("{} {model}", entry.name), etype: EntityType::Product, weak: false };
        chosen[k].span.end = end;
    }
    chosen
}

/// The end of a model number right after `end` (" 16", "-16", " S24",
/// " 10T 5G", " 16 Pro Max"), if one follows: a number of at most three
/// digits, after at most one capital and before at most two letters, then
/// the lexicon's model words. Years are no models ("iPhone 2024").
fn model_after(text: &str, end: usize, lexicon: &Lexicon) -> Option<usize> {
    let rest = text.get(end..)?;
    let rest = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('-'))?;
    let bytes = rest.as_bytes();
    let mut n = usize::from(bytes.first()?.is_ascii_uppercase());
    let digits = bytes[n..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    n += digits;
    n += bytes[n..].iter().take(2).take_while(|b| b.is_ascii_alphabetic()).count();
    if bytes.get(n).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut model_end = end + 1 + n;
    while let Some(word) =
        text[model_end..].strip_prefix(' ').map(|r| r.split([' ', ',', '.', ';', ')']).next().unwrap_or(""))
    {
        if word.is_empty() || !lexicon.words.get("products.model_words").iter().any(|w| w == word) {
            break;
        }
        model_end += 1 + word.len();
    }
    Some(model_end)
}

/// A city written right before a company is part of the company's name
/// ("Beijing DeepSeek Artificial Intelligence", "Hangzhou Hikvision"), not
/// the government that sits there.
fn absorb_city_prefixes(text: &str, mut chosen: Vec<Candidate>, cities: &[Span], lexicon: &Lexicon) -> Vec<Candidate> {
    let is_company = |c: &Candidate| match &c.reading {
        Reading::Entry(i) => lexicon.entries[*i].etype.eq_ignore_ascii_case("COMPANY"),
        Reading::Named { etype, .. } => *etype == EntityType::Company,
        _ => false,
    };
    let mut k = 0;
    while k + 1 < chosen.len() {
        let (city, company) = (&chosen[k], &chosen[k + 1]);
        let joined = city.span.end + 1 == company.span.start
            && text.as_bytes()[city.span.end] == b' '
            && cities.contains(&city.span)
            && is_company(company);
        if joined {
            let span = Span::new(city.span.start, company.span.end);
            let mut company = chosen.remove(k + 1);
            if let Reading::Named { name, .. } = &mut company.reading {
                *name = span.slice(text).to_string();
            }
            company.span = span;
            chosen[k] = company;
        }
        k += 1;
    }
    chosen
}

/// A body named by its country and the words its lexicon name ends in is
/// that body: "South Korea's Fair Trade Commission" is the Korea Fair Trade
/// Commission, "the Japanese Fair Trade Commission" the Japan Fair Trade
/// Commission. Only where exactly one body of that country fits.
fn national_bodies(text: &str, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let country = match chosen[k].reading {
            Reading::Country(c) | Reading::Adjective(c) => Some(c),
            _ => None,
        };
        // A country before another country's body by its bare name is a
        // body of its own: "Nigeria Data Protection Commission" is not
        // Ireland's "Data Protection Commission".
        if let (Some(country), Reading::Entry(e)) = (country, &chosen[k + 1].reading) {
            let entry = &lexicon.entries[*e];
            let between = &text[chosen[k].span.end..chosen[k + 1].span.start];
            let iso = lexicon.countries[country].iso3.as_str();
            if entry.etype.eq_ignore_ascii_case("AGENCY")
                && entry.country.as_deref().is_some_and(|c| c != iso)
                && matches!(between, " " | "'s " | "’s ")
                && chosen[k + 1].span.slice(text).contains(' ')
            {
                merge_into_body(text, &mut chosen, k);
                k += 1;
                continue;
            }
        }
        let body = match &chosen[k + 1].reading {
            Reading::Named { name, etype: EntityType::Agency | EntityType::Organization, weak: false } => Some(name),
            _ => None,
        };
        let (Some(country), Some(name)) = (country, body) else {
            k += 1;
            continue;
        };
        let between = &text[chosen[k].span.end..chosen[k + 1].span.start];
        if !matches!(between, " " | "'s " | "’s ") || !name.contains(' ') {
            k += 1;
            continue;
        }
        let iso = lexicon.countries[country].iso3.as_str();
        let tail = format!(" {}", name.to_lowercase());
        let fits = |alias: &String| {
            let alias = alias.to_lowercase();
            alias == tail[1..] || alias.ends_with(&tail)
        };
        let mut bodies = lexicon.entries.iter().enumerate().filter(|(_, e)| {
            e.country.as_deref() == Some(iso)
                && (e.etype.eq_ignore_ascii_case("AGENCY") || e.etype.eq_ignore_ascii_case("ORGANIZATION"))
                && (fits(&e.name) || e.en.iter().chain(&e.de).any(fits))
        });
        if let (Some((i, _)), None) = (bodies.next(), bodies.next()) {
            let span = Span::new(chosen[k].span.start, chosen[k + 1].span.end);
            chosen.remove(k + 1);
            chosen[k] = Candidate { span, reading: Reading::Entry(i), priority: 5 };
        }
        k += 1;
    }
    chosen
}

/// A listed body's name after a word that opens a longer one is another
/// body: "the Federal Competition and Consumer Protection Commission" is
/// Nigeria's, not Ireland's "Competition and Consumer Protection Commission".
fn longer_bodies(text: &str, mut chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let opener = matches!(chosen[k].reading, Reading::Named { .. })
            && lexicon.words.contains("org_suffixes.agency_openers_en", chosen[k].span.slice(text));
        let body = match chosen[k + 1].reading {
            Reading::Entry(e) => lexicon.entries[e].etype.eq_ignore_ascii_case("AGENCY"),
            _ => false,
        };
        if opener && body && &text[chosen[k].span.end..chosen[k + 1].span.start] == " " {
            merge_into_body(text, &mut chosen, k);
        }
        k += 1;
    }
    chosen
}

/// Makes the candidates at `k` and `k + 1` one body named as the text
/// names it.
fn merge_into_body(text: &str, chosen: &mut Vec<Candidate>, k: usize) {
    let span = Span::new(chosen[k].span.start, chosen[k + 1].span.end);
    let name = span.slice(text).to_string();
    chosen.remove(k + 1);
    chosen[k] =
        Candidate { span, reading: Reading::Named { name, etype: EntityType::Agency, weak: false }, priority: 5 };
}

/// An acronym a document defines for a law ("Digital Markets Act (DMA)",
/// "Gesetz über digitale Märkte (DMA)") names no actor, there or anywhere
/// else in the document.
fn drop_law_acronyms(text: &str, lang: Lang, chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    let tails = lexicon.words.lang_path("law_tails", lang);
    let is_law_word = |w: &str| match lang {
        Lang::En => lexicon.words.contains(&tails, w),
        Lang::De => {
            let lower = w.to_lowercase();
            let stem = lower.strip_suffix("es").or_else(|| lower.strip_suffix('s')).unwrap_or(&lower);
            text::is_capitalized(w)
                && (lexicon.words.ends_with_item(&tails, &lower, 4) || lexicon.words.ends_with_item(&tails, stem, 4))
        }
    };
    let defines_law = |c: &Candidate| {
        let Reading::Named { name, .. } = &c.reading else { return false };
        let acronym = name.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit());
        if !acronym || !text[..c.span.start].ends_with('(') || !text[c.span.end..].starts_with(')') {
            return false;
        }
        let open = c.span.start - 1;
        let from = text::floor_boundary(text, open.saturating_sub(80));
        let before = text::words(text, from, open);
        match lang {
            Lang::En => before.last().is_some_and(|w| is_law_word(w.text(text))),
            Lang::De => before.iter().rev().take(5).any(|w| is_law_word(w.text(text))),
        }
    };
    let laws: Vec<String> = chosen.iter().filter(|c| defines_law(c)).map(|c| c.span.slice(text).to_string()).collect();
    if laws.is_empty() {
        return chosen;
    }
    chosen
        .into_iter()
        .filter(|c| !(matches!(c.reading, Reading::Named { .. }) && laws.iter().any(|l| l == c.span.slice(text))))
        .collect()
}

/// A person's bare surname of three letters or fewer ("Ma", "Xi") counts only
/// where the document also names the person in full.
fn drop_unsupported_short_names(text: &str, chosen: Vec<Candidate>, lexicon: &Lexicon) -> Vec<Candidate> {
    let full: Vec<usize> = chosen
        .iter()
        .filter_map(|c| match c.reading {
            Reading::Entry(i) if c.span.slice(text).contains(' ') => Some(i),
            _ => None,
        })
        .collect();
    chosen
        .into_iter()
        .filter(|c| match c.reading {
            Reading::Entry(i) => {
                let found = c.span.slice(text).trim_end_matches('s');
                !(lexicon.entries[i].etype == "PERSON" && !found.contains(' ') && found.chars().count() <= 3)
                    || full.contains(&i)
            }
            _ => true,
        })
        .collect()
}

/// A name that is also a common word (`[case_sensitive] sentence_start`:
/// "Shell", "Cook", "Linke") is no name where only the start of a sentence
/// capitalises it, unless the document names the same entry elsewhere.
fn drop_unsupported_common_words(
    text: &str,
    sentences: &[Span],
    chosen: Vec<Candidate>,
    lexicon: &Lexicon,
) -> Vec<Candidate> {
    let initial = |span: Span| {
        sentences.iter().any(|s| {
            let first = text[s.start..s.end].find(|c: char| !c.is_whitespace() && !"\"'„“‘(".contains(c));
            first.is_some_and(|f| s.start + f == span.start)
        })
    };
    let listed = |w: &str| lexicon.words.contains("case_sensitive.sentence_start", w);
    let common = |c: &Candidate| {
        let surface = c.span.slice(text);
        matches!(c.reading, Reading::Entry(_))
            && (listed(surface) || surface.strip_suffix('s').is_some_and(listed))
            && initial(c.span)
    };
    let supported: Vec<usize> = chosen
        .iter()
        .filter(|c| !common(c))
        .filter_map(|c| match c.reading {
            Reading::Entry(i) => Some(i),
            _ => None,
        })
        .collect();
    chosen
        .into_iter()
        .filter(|c| match c.reading {
            Reading::Entry(i) => !common(c) || supported.contains(&i),
            _ => true,
        })
        .collect()
}

/// The key resolution merges on, and the entity a reading makes.
pub(crate) fn entity_of(reading: &Reading, surface: &str, lexicon: &Lexicon) -> Option<LocalEntity> {
    let entity = match reading {
        Reading::Entry(i) => {
            let e = &lexicon.entries[*i];
            LocalEntity {
                key: format!("lex:{}", e.id),
                name: e.name.clone(),
                etype: EntityType::parse(&e.etype)?,
                country: e.country.clone(),
                sector: e.sector.clone(),
                weak: false,
            }
        }
        Reading::Country(c) | Reading::Adjective(c) => {
            let country = &lexicon.countries[*c];
            LocalEntity {
                key: format!("country:{}", country.iso3),
                name: country.name.clone(),
                etype: EntityType::Country,
                country: Some(country.iso3.clone()),
                sector: None,
                weak: matches!(reading, Reading::Adjective(_)),
            }
        }
        Reading::Body { institution, country } => {
            body_entity(*institution, (*country)?, seat_named(surface, lexicon).as_deref(), lexicon)
        }
        Reading::FederalBody { .. } => return None,
        Reading::Administration { person } => {
            let p = &lexicon.entries[*person];
            let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
            LocalEntity {
                key: format!("admin:{}", p.id),
                name: format!("{surname} administration"),
                etype: EntityType::Agency,
                country: p.country.clone(),
                sector: Some("GOV".into()),
                weak: false,
            }
        }
        Reading::Group { name, country } => LocalEntity {
            key: format!("group:{}", text::fold(name)),
            name: name.clone(),
            etype: EntityType::Group,
            country: Some(lexicon.countries[*country].iso3.clone()),
            sector: None,
            weak: true,
        },
        Reading::Named { name, etype, weak } => LocalEntity {
            key: patterns::key(*etype, name, lexicon),
            name: name.clone(),
            etype: *etype,
            country: None,
            sector: None,
            weak: *weak,
        },
    };
    let _ = surface;
    Some(entity)
}

/// A country's body; a mission abroad (`kind` embassy or consulate) with
/// the capital it sits in, if known: the Russian embassies in Paris and in
/// Canberra are two bodies.
fn body_entity(institution: usize, country: usize, seat: Option<&str>, lexicon: &Lexicon) -> LocalEntity {
    let inst = &lexicon.institutions[institution];
    let country = &lexicon.countries[country];
    let name = inst.name.replace("{adj}", country.adjective()).replace("{country}", &country.name);
    let (key, name) = match seat.filter(|_| is_mission(&inst.kind)) {
        Some(seat) => (format!("body:{}:{}:{seat}", inst.kind, country.iso3), format!("{name} in {seat}")),
        None => (format!("body:{}:{}", inst.kind, country.iso3), name),
    };
    LocalEntity {
        key,
        name,
        etype: EntityType::parse(&inst.etype).unwrap_or(EntityType::Agency),
        country: Some(country.iso3.clone()),
        sector: inst.sector.clone(),
        weak: false,
    }
}

fn is_mission(kind: &str) -> bool {
    matches!(kind, "embassy" | "consulate")
}

/// The capital a mission's name ends in ("Russian embassy in Paris",
/// "russische Botschaft in Moskau"), by its English name ("Moscow").
fn seat_named(surface: &str, lexicon: &Lexicon) -> Option<String> {
    let (_, place) = surface.rsplit_once(" in ")?;
    let place = place.strip_prefix("the ").unwrap_or(place);
    lexicon.countries.iter().find_map(|c| {
        c.capital_en.iter().chain(&c.capital_de).any(|k| k == place).then(|| c.capital_en.first().cloned()).flatten()
    })
}

/// Builds the document's entities and mentions from the chosen readings.
/// Unqualified bodies wait for resolution to know their country: they are
/// kept as mentions of a placeholder entity whose key starts with `unqualified:`.
fn build(
    text: &str,
    lang: Lang,
    sentences: &[Span],
    chosen: Vec<Candidate>,
    dateline: Option<usize>,
    lexicon: &Lexicon,
) -> Found {
    let mut found = Found::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for candidate in &chosen {
        let entity = match &candidate.reading {
            Reading::FederalBody { institution } => LocalEntity {
                key: format!("federal:{}", lexicon.institutions[*institution].kind),
                name: lexicon.institutions[*institution].kind.clone(),
                etype: EntityType::Agency,
                country: None,
                sector: lexicon.institutions[*institution].sector.clone(),
                weak: false,
            },
            Reading::Body { institution, country: None } => LocalEntity {
                key: format!("unqualified:{}", lexicon.institutions[*institution].kind),
                name: lexicon.institutions[*institution].kind.clone(),
                etype: EntityType::Agency,
                country: None,
                sector: lexicon.institutions[*institution].sector.clone(),
                weak: false,
            },
            // A mission named without its seat sits where the document's
            // other missions of that country sit, if in one place; else in
            // the capital of the dateline, if abroad ("BERLIN (AFP) - … the
            // Russian embassy").
            Reading::Body { institution, country: Some(country) }
                if is_mission(&lexicon.institutions[*institution].kind) =>
            {
                let mut seats = chosen.iter().filter_map(|c| match c.reading {
                    Reading::Body { institution: i, country: Some(k) } if i == *institution && k == *country => {
                        seat_named(c.span.slice(text), lexicon)
                    }
                    _ => None,
                });
                let first = seats.next();
                let single = first.clone().filter(|first| seats.all(|s| &s == first));
                let seat = seat_named(candidate.span.slice(text), lexicon).or(single).or_else(|| {
                    dateline
                        .filter(|&d| d != *country && first.is_none())
                        .and_then(|d| lexicon.countries[d].capital_en.first().cloned())
                });
                body_entity(*institution, *country, seat.as_deref(), lexicon)
            }
            reading => match entity_of(reading, candidate.span.slice(text), lexicon) {
                Some(e) => e,
                None => continue,
            },
        };
        let weak = entity.weak;
        let etype = entity.etype;
        // A place by its context ("Lu Jianwang, 61, of Manhattan") is no
        // company guessed from a name's shape elsewhere ("Manhattan's
        // Chinatown").
        let place = entity.etype == EntityType::Location && matches!(candidate.reading, Reading::Named { .. });
        let id = *index.entry(entity.key.clone()).or_insert_with(|| {
            found.entities.push(entity);
            found.entities.len() - 1
        });
        if place && found.entities[id].etype == EntityType::Company && found.entities[id].key.starts_with("name:") {
            found.entities[id].etype = EntityType::Location;
        }
        // A name typed by its context ("spokesman Arindam Bagchi") is no
        // company guessed from its shape where it came first ("the
        // ministry, Arindam Bagchi, said").
        if !weak && found.entities[id].weak && found.entities[id].key.starts_with("name:") {
            found.entities[id].etype = etype;
        }
        found.entities[id].weak &= weak;
        let adjective = matches!(candidate.reading, Reading::Adjective(_));
        found.mentions.push(Mention {
            span: candidate.span,
            sentence: sentence_of(sentences, candidate.span.start),
            entity: id,
            anaphoric: adjective,
            modifier: adjective,
        });
    }
    mark_modifiers(text, lang, &mut found, lexicon);
    found
}

/// The index of the sentence that holds byte `offset`.
pub fn sentence_of(sentences: &[Span], offset: usize) -> usize {
    match sentences.binary_search_by(|s| {
        if s.end <= offset {
            std::cmp::Ordering::Less
        } else if s.start > offset {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => i,
        Err(i) => i.min(sentences.len().saturating_sub(1)),
    }
}

/// Relational nouns between two organisation names: "Alibaba associate Ant
/// Financial", "Alibaba-Tochter Ant Financial".
pub const RELATIONAL_NOUNS: &[&str] = &[
    "associate",
    "affiliate",
    "subsidiary",
    "unit",
    "arm",
    "parent",
    "Tochter",
    "Tochtergesellschaft",
    "Tochterfirma",
    "Mutterkonzern",
    "Sparte",
];

/// Marks names used as modifiers of what follows: a country before a common
/// noun ("U.S. companies", "US-Geldtransferunternehmen") and an organisation
/// before a relational noun and another name ("Alibaba-Tochter Ant Financial",
/// "IBM's Red Hat").
fn mark_modifiers(text: &str, lang: Lang, found: &mut Found, lexicon: &Lexicon) {
    let n = found.mentions.len();
    for m in 0..n {
        let mention = found.mentions[m];
        let entity = &found.entities[mention.entity];
        let rest = &text[mention.span.end..];
        let next_start = found.mentions.get(m + 1).map(|x| x.span.start);
        let person_next =
            found.mentions.get(m + 1).is_some_and(|x| found.entities[x.entity].etype == EntityType::Person);
        let modifier = match entity.etype {
            EntityType::Country => {
                let found = mention.span.slice(text);
                // "Russlands Präsident", "Russlands größten Goldproduzenten
                // Polyus": a German genitive before a noun (and its adjective).
                let german_genitive = found.ends_with('s')
                    && rest.strip_prefix(' ').is_some_and(|after| {
                        let word: String = after.chars().take_while(|c| text::is_word_char(*c) || *c == '-').collect();
                        let noun = |w: &str| {
                            text::is_capitalized(w)
                                && !lexicon.words.get("function_words.de").iter().any(|f| f.eq_ignore_ascii_case(w))
                        };
                        let adjective = lang == Lang::De
                            && word.chars().next().is_some_and(char::is_lowercase)
                            && ["e", "en", "er", "es", "em"].iter().any(|e| word.ends_with(e))
                            && after[word.len()..].strip_prefix(' ').is_some_and(|next| {
                                let next: String =
                                    next.chars().take_while(|c| text::is_word_char(*c) || *c == '-').collect();
                                noun(&next)
                            });
                        noun(&word) || adjective
                    });
                if rest.starts_with('-') || possessive_before_word(found, rest) || german_genitive {
                    true
                } else if let Some(after) = rest.strip_prefix(' ') {
                    let word: String = after.chars().take_while(|c| text::is_word_char(*c) || *c == '-').collect();
                    let lower = word.to_lowercase();
                    let function = lexicon.words.contains("function_words.en", &lower)
                        || lexicon.words.contains("function_words.de", &lower);
                    // (Not before a person: "lieferte die Schweiz Hanno Berger
                    // an Deutschland aus" names two.)
                    let is_next_mention = next_start == Some(mention.span.end + 1) && !person_next;
                    // In English a lowercase word after a country is what it
                    // qualifies ("U.S. companies"); in German it is a verb
                    // ("gegen Russland beschlossen"): nouns are capitalised.
                    // A verb makes the country its subject: a past tense
                    // ("China retaliated by"), a listed auxiliary or adverb
                    // ("Japan will impose", "China firmly opposes"), an
                    // adverb by its form before a past tense ("Germany
                    // sharply criticised"), a present tense before a
                    // determiner ("Russia denies the allegations").
                    let next: String = after[word.len()..]
                        .strip_prefix(' ')
                        .map(|a| a.chars().take_while(|c| text::is_word_char(*c)).collect::<String>().to_lowercase())
                        .unwrap_or_default();
                    let past = |w: &str| w.len() > 4 && w.ends_with("ed");
                    let verb = past(&lower)
                        || lexicon.words.contains_lowered("subject.en", &lower)
                        || (lower.ends_with("ly") && past(&next))
                        || (lower.ends_with('s') && text::DETERMINERS.contains(&next.as_str()));
                    let qualifies =
                        lang == Lang::En && word.chars().next().is_some_and(char::is_lowercase) && !function && !verb;
                    !word.is_empty() && (qualifies || is_next_mention)
                } else {
                    false
                }
            }
            EntityType::Company | EntityType::Agency | EntityType::Organization => {
                let gap_end = next_start.unwrap_or(usize::MAX);
                if gap_end == usize::MAX || gap_end < mention.span.end {
                    false
                } else {
                    let gap = &text[mention.span.end..gap_end];
                    let gap_trim = gap.trim_start_matches(['\'', '’', 's']).trim();
                    let possessive = gap.starts_with("'s ") || gap.starts_with("’s ") || gap.starts_with("s ");
                    let relational = RELATIONAL_NOUNS.iter().any(|r| {
                        gap_trim.trim_start_matches('-').eq_ignore_ascii_case(r)
                            || gap.trim().strip_prefix('-') == Some(*r)
                    });
                    let ric = gap.contains('(') && gap.contains(')') && gap.len() < 14;
                    // (Not before a country's adjective: "from Xiaomi's Indian
                    // unit" names Xiaomi, as "Huawei's Meng Wanzhou" does not.)
                    let adjective_next = found.mentions.get(m + 1).is_some_and(|x| x.modifier && x.anaphoric);
                    (relational && gap.len() < 24)
                        || (possessive && gap.trim().len() <= 2 && !adjective_next)
                        || (ric && possessive)
                }
            }
            // "“Call of Duty” maker Activision Blizzard": what the company makes.
            EntityType::Product => {
                next_start.is_some_and(|n| n > mention.span.end && n - mention.span.end <= 14)
                    && patterns::makes_the_name_after(text, mention.span.end, lexicon)
            }
            _ => false,
        };
        found.mentions[m].modifier |= modifier;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_lookup() {
        let sentences = [Span::new(0, 10), Span::new(10, 20), Span::new(20, 25)];
        assert_eq!(sentence_of(&sentences, 0), 0);
        assert_eq!(sentence_of(&sentences, 10), 1);
        assert_eq!(sentence_of(&sentences, 24), 2);
        assert_eq!(sentence_of(&sentences, 99), 2);
    }
}

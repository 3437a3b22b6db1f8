//! Relations: static facts stated in text. "Alibaba-Tochter Ant Financial"
//! and "Alibaba associate Ant Financial" (subsidiary, affiliate), "IBM's Red
//! Hat" (subsidiary or product), "founded by Jack Ma" / "von Jack Ma
//! gegründet" (founder), "a small office within the Commerce Department" /
//! "Büro innerhalb des Handelsministeriums" / "this wing of the US Department
//! of Commerce" (part of). Facts the lexicon knows are added when the graph is
//! assembled, not here. Pure; never fails.

use crate::entities::{Found, RELATIONAL_NOUNS};
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityType, Lang, LocalRelation, Mention, RelationType, Span};
use crate::sentences;

const PART_OF_CUES: &[&str] = &[
    "within the",
    "within",
    "withinside the",
    "wing of the",
    "wing of",
    "part of the",
    "part of",
    "division of the",
    "arm of the",
    "unit of the",
    "innerhalb des",
    "innerhalb der",
    "Flügel des",
    "Teil des",
    "Teil der",
    "Abteilung des",
    "Abteilung der",
];

const FOUNDER_CUES: &[&str] = &["founded by", "co-founded by", "gegründet von", "von"];

/// One automaton over [`PART_OF_CUES`] then [`FOUNDER_CUES`]: a sentence is
/// read once for all of them.
fn cue_finder() -> &'static aho_corasick::AhoCorasick {
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(PART_OF_CUES.iter().chain(FOUNDER_CUES)).expect("the cue lists are small")
    })
}

/// Extracts the relations a document states.
pub fn extract(
    doc: &Document,
    lang: Lang,
    sentence_spans: &[Span],
    found: &Found,
    lexicon: &Lexicon,
) -> Vec<LocalRelation> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let names: Vec<&Mention> = found.mentions.iter().filter(|m| !m.anaphoric).collect();
    let etype = |m: &Mention| found.entities[m.entity].etype;
    let is_org = |t: EntityType| matches!(t, EntityType::Company | EntityType::Organization | EntityType::Agency);
    for pair in names.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.sentence != b.sentence || a.entity == b.entity || b.span.start < a.span.end {
            continue;
        }
        let gap = &text[a.span.end..b.span.start];
        let gap_trim = gap.trim().trim_start_matches('-');
        // "Alibaba-Tochter Ant Financial", "Alibaba associate Ant Financial".
        if is_org(etype(a)) && etype(b) == EntityType::Company {
            if let Some(noun) = RELATIONAL_NOUNS.iter().find(|r| gap_trim.eq_ignore_ascii_case(r)) {
                let rtype = match *noun {
                    "associate" | "affiliate" => RelationType::AffiliateOf,
                    "parent" | "Mutterkonzern" => continue,
                    _ => RelationType::SubsidiaryOf,
                };
                out.push(LocalRelation { source: b.entity, rtype, target: a.entity, sentence: Some(a.sentence) });
                continue;
            }
        }
        // "HypoVereinsbank, UniCredit's German unit,": an apposition naming the parent.
        if gap == ", " && etype(a) == EntityType::Company && is_org(etype(b)) {
            let rest = &text[b.span.end..];
            if let Some(rest) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")) {
                let end = rest.find([',', '.', ';']).unwrap_or(rest.len());
                let phrase: Vec<&str> = rest[..end].split_whitespace().collect();
                let noun = phrase.last().copied().unwrap_or("");
                let rtype = match noun {
                    "subsidiary" | "unit" | "arm" => Some(RelationType::SubsidiaryOf),
                    "affiliate" | "associate" => Some(RelationType::AffiliateOf),
                    _ => None,
                };
                if let Some(rtype) = rtype.filter(|_| phrase.len() <= 3) {
                    out.push(LocalRelation { source: a.entity, rtype, target: b.entity, sentence: Some(a.sentence) });
                    continue;
                }
            }
        }
        // "Deutsche Bank's asset management arm DWS Group": a possessive, a
        // short lowercase description, and a subsidiary's noun.
        if is_org(etype(a)) && etype(b) == EntityType::Company {
            let described = gap.strip_prefix("'s ").or_else(|| gap.strip_prefix("’s ")).is_some_and(|d| {
                let words: Vec<&str> = d.split_whitespace().collect();
                (2..=4).contains(&words.len())
                    && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    && words.last().is_some_and(|w| ["subsidiary", "unit", "arm", "division"].contains(w))
            });
            if described {
                out.push(LocalRelation {
                    source: b.entity,
                    rtype: RelationType::SubsidiaryOf,
                    target: a.entity,
                    sentence: Some(a.sentence),
                });
                continue;
            }
        }
        // "IBM's Red Hat", "IBMs Red Hat", "Alphabet Inc's (GOOGL.O) Google".
        // (Not a name that ends in "s" itself: "unter dem Namen Siemens Alstom".)
        let genitive_s = text[..a.span.end].ends_with('s') && !found.entities[a.entity].name.ends_with('s');
        let possessive = gap == "'s " || gap == "’s " || gap == " " && genitive_s && lang == Lang::De;
        let possessive_ric =
            (gap.starts_with("'s (") || gap.starts_with("’s (")) && gap.ends_with(") ") && gap.len() < 16;
        if (possessive || possessive_ric) && etype(a) == EntityType::Company {
            let rtype = match etype(b) {
                EntityType::Company => Some(RelationType::SubsidiaryOf),
                EntityType::Product => Some(RelationType::ProductOf),
                _ => None,
            };
            if let Some(rtype) = rtype {
                out.push(LocalRelation { source: b.entity, rtype, target: a.entity, sentence: Some(a.sentence) });
            }
        }
        // "das Ermittlungsbüro des Justizministeriums": a body's genitive
        // body is the one it is part of.
        if lang == Lang::De
            && etype(a) == EntityType::Agency
            && etype(b) == EntityType::Agency
            && matches!(gap, " des " | " der ")
            && !found.entities[b.entity].key.starts_with("body:government")
        {
            out.push(LocalRelation {
                source: a.entity,
                rtype: RelationType::PartOf,
                target: b.entity,
                sentence: Some(a.sentence),
            });
        }
        // "the FTC's Bureau of Competition", "the SEC's Division of
        // Enforcement": a body's unit, named by a unit's noun (`units` in
        // grammar.toml), is part of it.
        if possessive && etype(a) == EntityType::Agency && is_org(etype(b)) {
            let first = found.entities[b.entity].name.split_whitespace().next().unwrap_or("");
            if lexicon.words.has_word_ignore_ascii_case(&format!("units.{}", lang.code()), first) {
                out.push(LocalRelation {
                    source: b.entity,
                    rtype: RelationType::PartOf,
                    target: a.entity,
                    sentence: Some(a.sentence),
                });
            }
        }
    }
    // "U.S. Commerce Secretary Wilbur Ross" leads the Commerce Department, not
    // the United States, when the article names the department.
    // A minister named without the ministry leads no country either
    // ("Chinese Commerce Minister Wang Wentao").
    let (portfolios, ministers) = portfolio_roles(text, lang, found, lexicon);
    out.extend(roles(text, lang, found, lexicon).into_iter().filter(|r| {
        !(r.rtype == RelationType::LeaderOf
            && found.entities[r.target].etype == EntityType::Country
            && ministers.contains(&(r.source, r.sentence)))
    }));
    out.extend(portfolios);
    out.extend(named_after_parent(text, found, lexicon));
    let placed: Vec<usize> = out.iter().map(|r| r.source).collect();
    out.extend(
        antecedent_roles(text, lang, sentence_spans, found, lexicon)
            .into_iter()
            .filter(|r| !placed.contains(&r.source) && !ministers.iter().any(|(p, _)| *p == r.source)),
    );
    let placed: Vec<usize> = out.iter().map(|r| r.source).collect();
    out.extend(heads_of_state(text, lang, found, lexicon).into_iter().filter(|r| !placed.contains(&r.source)));
    for (idx, sentence) in sentence_spans.iter().enumerate() {
        let sentence = sentences::trimmed(text, *sentence);
        let slice = sentence.slice(text);
        let in_sentence: Vec<&Mention> = found.mentions_within(sentence).collect();
        // Part of: "<cue> <Agency X>" with another agency nearby (after it, else before).
        for hit in cue_finder().find_overlapping_iter(slice) {
            let cue_end = sentence.start + hit.end();
            let Some(&cue) = PART_OF_CUES.get(hit.pattern().as_usize()) else {
                let cue = FOUNDER_CUES[hit.pattern().as_usize() - PART_OF_CUES.len()];
                let Some(person) =
                    in_sentence.iter().find(|m| m.span.start == cue_end + 1 && etype(m) == EntityType::Person)
                else {
                    continue;
                };
                let rest = &text[person.span.end..sentence.end];
                let german = cue == "von";
                if german && !rest.trim_start().starts_with("gegründet") {
                    continue;
                }
                let company = found
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= cue_end - cue.len() && etype(m) == EntityType::Company && !m.modifier);
                if let Some(company) = company {
                    out.push(LocalRelation {
                        source: person.entity,
                        rtype: RelationType::FounderOf,
                        target: company.entity,
                        sentence: Some(idx),
                    });
                }
                continue;
            };
            let Some(whole) = in_sentence
                .iter()
                .find(|m| m.span.start >= cue_end && m.span.start <= cue_end + 2 && etype(m) == EntityType::Agency)
            else {
                continue;
            };
            let part = in_sentence
                .iter()
                .filter(|m| m.entity != whole.entity && etype(m) == EntityType::Agency && m.span.start > whole.span.end)
                .find(|m| !found.entities[m.entity].key.starts_with("body:government"))
                .or_else(|| {
                    in_sentence.iter().rev().find(|m| {
                        m.span.end <= cue_end - cue.len() && m.entity != whole.entity && etype(m) == EntityType::Agency
                    })
                });
            if let Some(part) = part {
                out.push(LocalRelation {
                    source: part.entity,
                    rtype: RelationType::PartOf,
                    target: whole.entity,
                    sentence: Some(idx),
                });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What a title makes a person of the organisation named with it: leader,
/// founder, or member (`[roles]` in grammar.toml). `None` if the words are
/// not a title.
fn role_of(words: &[&str], lang: Lang, lexicon: &Lexicon) -> Option<RelationType> {
    let get = |key: &str| lexicon.words.get(&format!("roles.{key}"));
    let role_lists = [
        format!("roles.leader_{}", lang.code()),
        format!("roles.founder_{}", lang.code()),
        format!("roles.member_{}", lang.code()),
    ];
    // German titles also stand in the genitive ("des Pirelli-Chefs", "des Präsidenten").
    let german_forms = |w: &str| -> Vec<String> {
        let lower = w.to_lowercase();
        crate::text::inflected_forms(&lower).map(str::to_string).collect()
    };
    let is_title_word = |w: &str| {
        ["titles.en", "titles.de", "title_words.en", "title_words.de"]
            .iter()
            .any(|list| lexicon.words.has_word_ignore_ascii_case(list, w))
            || lexicon.words.has_word_ignore_ascii_case(&format!("roles.portfolio_{}", lang.code()), w)
            || role_lists.iter().any(|list| {
                lexicon.words.contains_ignore_ascii_case(list, w)
                    || lang == Lang::De && german_forms(w).iter().any(|f| lexicon.words.ends_with_item(list, f, 4))
            })
    };
    if words.is_empty()
        || !words.iter().all(|w| is_title_word(w) || matches!(*w, "of" | "at" | "for" | "the" | "a" | "an"))
    {
        return None;
    }
    // Titles are written in either case: "Chief Executive", "chief executive".
    let joined = format!(" {} ", words.join(" ")).to_lowercase();
    let ends = |list: &[String]| {
        list.iter().any(|t| {
            joined.contains(&format!(" {} ", t.to_lowercase()))
                || (lang == Lang::De
                    && words.iter().any(|w| german_forms(w).iter().any(|f| f.ends_with(&t.to_lowercase()))))
        })
    };
    if ends(get(&format!("founder_{}", lang.code()))) {
        return Some(RelationType::FounderOf);
    }
    let deputy = words.iter().any(|w| get("deputy").iter().any(|d| d == w) || w.to_lowercase().starts_with("vize"));
    // "EU antitrust chief", "Siemens-Finanzchef": the head of a portfolio is
    // a member of the organisation.
    let portfolio = match lang {
        Lang::En => get("portfolio_en").iter().any(|p| joined.contains(&format!(" {} ", p.to_lowercase()))),
        Lang::De => words.iter().any(|w| {
            let w = w.rsplit('-').next().unwrap_or(w);
            get("portfolio_de").iter().any(|p| w.starts_with(p.as_str()) && w.len() > p.len())
        }),
    };
    // A minister or secretary heads the ministry of the portfolio (see
    // `portfolio_roles`): "Defense Secretary Lloyd Austin".
    let minister = ends(get(&format!("minister_{}", lang.code())));
    if !deputy && (minister || !portfolio) && ends(get(&format!("leader_{}", lang.code()))) {
        return Some(RelationType::LeaderOf);
    }
    Some(RelationType::MemberOf)
}

/// Heads of ministries by their title right before the name: "U.S. Commerce
/// Secretary Wilbur Ross", "Bundesinnenministerin Nancy Faeser",
/// "US-Handelsministerin Gina Raimondo" (`leader_*` of an institution kind in
/// institutions.toml). The country is the one named with the title ("U.S.",
/// "US-", "Bundes-"), else the person's own; the relation is made only when the
/// article names that country's body of the kind. Deputies are left out.
/// Also returns every (person, sentence) with such a title.
fn portfolio_roles(
    text: &str,
    lang: Lang,
    found: &Found,
    lexicon: &Lexicon,
) -> (Vec<LocalRelation>, Vec<(usize, Option<usize>)>) {
    let mut out = Vec::new();
    let mut ministers = Vec::new();
    // (Counted only when a minister needs it: most documents name none.)
    let dominant = std::cell::OnceCell::new();
    for m in found.mentions.iter().filter(|m| !m.anaphoric && found.entities[m.entity].etype == EntityType::Person) {
        let mut from = m.span.start.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(before) = text[from..m.span.start].strip_suffix(' ') else { continue };
        let title = lexicon.institutions.iter().find_map(|institution| {
            let titles = match lang {
                Lang::En => &institution.leader_en,
                Lang::De => &institution.leader_de,
            };
            titles.iter().find_map(|t| {
                let start = before.len().checked_sub(t.len()).filter(|&s| before.is_char_boundary(s))?;
                let fits = before[start..].eq_ignore_ascii_case(t);
                // English titles are whole words; German ones may end a compound.
                let whole = before[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                (fits && (whole || lang == Lang::De)).then_some((institution, from + start))
            })
        });
        let Some((institution, title_start)) = title else { continue };
        ministers.push((m.entity, Some(m.sentence)));
        // The word the title ends: "Bundes|innenministerin", "US-|Handelsministerin".
        let word_start = text[..title_start].rfind([' ', '\n']).map_or(0, |p| p + 1);
        let prefix = &text[word_start..title_start];
        let lead = text[..word_start].trim_end();
        if ["deputy", "vize", "staats", "vice"].iter().any(|d| prefix.to_lowercase().starts_with(d))
            || ["Deputy", "Vice", "Acting", "Assistant", "Associate"].iter().any(|d| lead.ends_with(d))
            // ("Washington state Attorney General Bob Ferguson" serves a state.)
            || lead.ends_with(" state")
        {
            continue;
        }
        let named_country = found
            .mentions
            .iter()
            .filter(|c| found.entities[c.entity].etype == EntityType::Country)
            .find(|c| {
                (c.span.start >= word_start && c.span.end <= title_start)
                    || (c.span.end <= word_start && text[c.span.end..word_start].trim().is_empty())
            })
            .and_then(|c| found.entities[c.entity].key.strip_prefix("country:"));
        // A minister the lexicon does not place serves the government named
        // last before the title ("Spain's government rejected the bid.
        // Economy Minister Carlos Cuerpo said"), else the country the article
        // is about. (The other way round gives a Dutch minister to China in
        // an article about China.)
        let last_government = || {
            found.mentions[..found.mentions.partition_point(|g| g.span.start < m.span.start)]
                .iter()
                .rev()
                .map(|g| g.entity)
                .find(|&g| is_government(&found.entities[g].key, lexicon))
        };
        let country = if prefix.starts_with("Bundes") {
            Some("DEU")
        } else {
            named_country
                .or(found.entities[m.entity].country.as_deref())
                .or_else(|| last_government().and_then(|g| found.entities[g].country.as_deref()))
                .or_else(|| {
                    dominant
                        .get_or_init(|| dominant_country(found))
                        .and_then(|c| found.entities[c].key.strip_prefix("country:"))
                })
        };
        let Some(country) = country else { continue };
        let position = |key: &str| found.entities.iter().position(|e| e.key == key);
        // The body of the kind, or of a kind it falls back to ("Business
        // Secretary" and BEIS), or the generic one.
        let body = lexicon
            .bodies_of(&institution.kind, country)
            .into_iter()
            .find_map(|entry| position(&format!("lex:{}", entry.id)))
            .or_else(|| position(&format!("body:{}:{country}", institution.kind)));
        if let Some(body) = body {
            out.push(LocalRelation {
                source: m.entity,
                rtype: RelationType::LeaderOf,
                target: body,
                sentence: Some(m.sentence),
            });
            continue;
        }
        // The ministry unnamed, a minister is a member of the government.
        let government = match lexicon.body_of("government", country) {
            Some(entry) => position(&format!("lex:{}", entry.id)),
            None => position(&format!("body:government:{country}")),
        };
        if let Some(government) = government {
            out.push(LocalRelation {
                source: m.entity,
                rtype: RelationType::MemberOf,
                target: government,
                sentence: Some(m.sentence),
            });
        }
    }
    (out, ministers)
}

/// Whether an entity key names a country's government: the lexicon's body
/// of that kind or the generic one.
fn is_government(key: &str, lexicon: &Lexicon) -> bool {
    key.starts_with("body:government:")
        || key
            .strip_prefix("lex:")
            .and_then(|id| lexicon.entry(id))
            .is_some_and(|entry| entry.kind.as_deref() == Some("government"))
}

/// Roles stated with a name: "Treasury Secretary Janet Yellen", "Russian
/// President Vladimir Putin", "HHLA-Chefin Angela Titzrath" (organisation,
/// title, person) and "Denis Bortnikov, a deputy president of VTB" (person,
/// title, organisation).
fn roles(text: &str, lang: Lang, found: &Found, lexicon: &Lexicon) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    let organisation = |t: EntityType| {
        matches!(t, EntityType::Company | EntityType::Organization | EntityType::Agency | EntityType::Country)
    };
    // (Not the country inside a body's name: "the head of Russia's Federal
    // Security Service" heads the body.)
    let mentions: Vec<&Mention> = found
        .mentions
        .iter()
        .enumerate()
        .filter(|&(i, m)| (!m.anaphoric || m.modifier) && !found.nested(i))
        .map(|(_, m)| m)
        .collect();
    // (Company nouns that may describe the body after a role's "of".)
    let nouns = lexicon.words.lang_path("appositions.company", lang);
    for pair in mentions.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.sentence != b.sentence || b.span.start < a.span.end {
            continue;
        }
        let (ta, tb) = (found.entities[a.entity].etype, found.entities[b.entity].etype);
        let gap = &text[a.span.end..b.span.start];
        // (A platform has a head too: "WhatsApp head Will Cathcart".)
        if (organisation(ta) || ta == EntityType::Product) && tb == EntityType::Person && gap.len() < 60 {
            // "Treasury Secretary ", "'s finance minister ", "-Chefin ", "-Präsident ",
            // "'s chief executive, " (the name in apposition).
            let possessive = gap.starts_with("'s ") || gap.starts_with("’s ");
            let gap = gap.trim_start_matches(['\'', '’']).trim_start_matches("s ").trim_start_matches('-');
            let gap = gap.strip_suffix(", ").filter(|_| possessive).unwrap_or(gap);
            let words: Vec<&str> = gap.split_whitespace().collect();
            // A body named as its office holder, then the holder: "der
            // Hamburgische Beauftragte für Datenschutz, Johannes Caspar",
            // "Federal Data Protection Commissioner Ulrich Kelber".
            let surface = a.span.slice(text).to_lowercase();
            let office = ta == EntityType::Agency
                && (gap == ", " || gap == " ")
                && lexicon.words.lang("roles.office_holders", lang).iter().any(|o| surface.contains(o.as_str()));
            let relation =
                |rtype| LocalRelation { source: b.entity, rtype, target: a.entity, sentence: Some(a.sentence) };
            if office {
                out.push(relation(RelationType::LeaderOf));
            } else if let Some(rtype) =
                led_by(gap, &text[b.span.end..], lang, lexicon).filter(|_| ta != EntityType::Country)
            {
                // "the Garante, chaired by Pasquale Stanzione", "das
                // Bundeskartellamt unter Präsident Andreas Mundt".
                out.push(relation(rtype));
            } else if gap == ", " {
                // "Der Sprecher des chinesischen Außenministeriums, Lin Jian".
                if let Some(rtype) = title_before_link(&text[..a.span.start], lang, lexicon) {
                    out.push(relation(rtype));
                }
            } else if let Some(listed) =
                gap.strip_suffix(", ").filter(|g| !possessive && !g.contains([',', ';', '(', ')']))
            {
                // A plural role, then the people: "two TÜV SÜD engineers,
                // Makoto Namba and André Yassuda".
                let words: Vec<&str> = listed.split_whitespace().collect();
                let members = lexicon.words.lang("roles.member", lang);
                let plural = words.last().is_some_and(|w| members.iter().any(|m| m == w) && w.ends_with('s'));
                if ta != EntityType::Country && plural && role_of(&words, lang, lexicon) == Some(RelationType::MemberOf)
                {
                    let mut last = b;
                    out.push(relation(RelationType::MemberOf));
                    // (Mentions are in text order: the people follow `b`.)
                    for next in mentions.iter().skip_while(|m| m.span.start < b.span.end) {
                        let joined =
                            matches!(&text[last.span.end..next.span.start], ", " | " and " | ", and " | " und ");
                        if !joined || found.entities[next.entity].etype != EntityType::Person {
                            break;
                        }
                        out.push(LocalRelation { source: next.entity, ..relation(RelationType::MemberOf) });
                        last = next;
                    }
                }
            } else if !gap.contains([',', ';', '(', ')']) {
                // After a possessive a description does ("Meta's chief
                // global affairs officer, Joel Kaplan").
                let rtype = if possessive { loose_role(&words, lang, lexicon) } else { role_of(&words, lang, lexicon) };
                if let Some(rtype) = rtype {
                    out.push(relation(rtype));
                    out.extend(
                        executive(a.entity, &words, lang, found, lexicon)
                            .map(|e| LocalRelation { target: e, ..relation(RelationType::MemberOf) }),
                    );
                }
            }
        } else if ta == EntityType::Person
            && organisation(tb)
            && !b.anaphoric
            && gap.starts_with(", ")
            && gap.len() < 60
        {
            // ", a deputy president of ", ", the head of ", ", Chef des "
            // (where the body is based aside: ", managing director of Noida-based ").
            let gap = gap.trim_end().strip_suffix("-based").and_then(|g| g.rsplit_once(' ')).map_or(gap, |(g, _)| g);
            // (Or a description of the body: ", founder of aluminium producer
            // Rusal", ", chairman of state oil company Rosneft".)
            let described = gap.trim_end().rsplit_once(" of ").filter(|(_, description)| {
                let words: Vec<&str> = description.split_whitespace().collect();
                (1..=4).contains(&words.len())
                    && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    && words.last().is_some_and(|w| lexicon.words.last_word_ignore_ascii_case(&nouns, w))
            });
            let gap = described.map_or(gap, |(head, _)| &gap[..head.len() + " of".len()]);
            let words: Vec<&str> =
                gap[2..].split_whitespace().filter(|w| !matches!(*w, "des" | "der" | "von" | "bei")).collect();
            let words: Vec<&str> = words.into_iter().map(|w| w.trim_end_matches('\'').trim_end_matches("'s")).collect();
            // (An article may stand between the link and the body: ", head of
            // the Swedish Security Service".)
            let linked = gap.trim_end();
            let linked = [" the", " The"].iter().find_map(|a| linked.strip_suffix(a)).unwrap_or(linked);
            let ends_with_link = linked.ends_with(" of")
                || linked.ends_with(" at")
                || [" des", " der", " von", " bei"].iter().any(|l| linked.ends_with(l));
            // ("a financial official of Yemen's Houthi movement": the
            // country owns what the person serves.)
            let owner = tb == EntityType::Country && text[b.span.end..].starts_with(['\'', '’']);
            if ends_with_link && !owner {
                if let Some(rtype) = role_of(&words, lang, lexicon) {
                    // ("Henry Liu, director of the FTC's Bureau of Competition":
                    // the title is held in the body the organisation owns, and
                    // the person is a member of the owner.)
                    let after = &text[b.span.end..];
                    let owned = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")).and_then(|rest| {
                        let at = text.len() - rest.len();
                        mentions
                            .iter()
                            .find(|m| m.span.start == at && organisation(found.entities[m.entity].etype))
                            .filter(|m| found.entities[m.entity].etype != EntityType::Country)
                    });
                    let (rtype, target) = match owned {
                        Some(owned) => {
                            out.push(LocalRelation {
                                source: a.entity,
                                rtype: RelationType::MemberOf,
                                target: b.entity,
                                sentence: Some(a.sentence),
                            });
                            (rtype, owned.entity)
                        }
                        None => (rtype, b.entity),
                    };
                    out.push(LocalRelation { source: a.entity, rtype, target, sentence: Some(a.sentence) });
                }
            } else if gap == ", " {
                // "Dan Taylor, Google's vice president of global ads,".
                let rest = &text[b.span.end..];
                if let Some(rest) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")) {
                    let phrase = &rest[..rest.find([',', '.', ';', '(']).unwrap_or(rest.len())];
                    let title = phrase.split(" of ").next().unwrap_or(phrase);
                    let title = title.split(" for ").next().unwrap_or(title);
                    let words: Vec<&str> = title.split_whitespace().collect();
                    if let Some(rtype) = loose_role(&words, lang, lexicon) {
                        out.push(LocalRelation {
                            source: a.entity,
                            rtype,
                            target: b.entity,
                            sentence: Some(a.sentence),
                        });
                    }
                }
            }
        }
    }
    out
}

/// A role by a looser reading than [`role_of`]: a title, or a description
/// of up to six lowercase words that ends in an officer's head noun
/// (`roles.heads_*`: "chief global affairs officer", "country manager"),
/// which makes a member.
fn loose_role(words: &[&str], lang: Lang, lexicon: &Lexicon) -> Option<RelationType> {
    if let Some(rtype) = role_of(words, lang, lexicon) {
        return Some(rtype);
    }
    let (&head, rest) = words.split_last()?;
    let heads = lexicon.words.lang_path("roles.heads", lang);
    let described = words.len() <= 6
        && lexicon.words.contains_ignore_ascii_case(&heads, head)
        && rest.iter().all(|w| w.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()));
    described.then_some(RelationType::MemberOf)
}

/// The role a gap between an organisation and a person states by a cue of
/// leadership (`roles.led_by_*`), a title allowed after it: ", chaired by ",
/// " unter Präsident "; or the German relative "…, die von X geführt wird".
fn led_by(gap: &str, after: &str, lang: Lang, lexicon: &Lexicon) -> Option<RelationType> {
    let gap = gap.trim_end();
    if lang == Lang::De
        && [", die von", ", der von", ", das von"].contains(&gap)
        && ["geführt", "geleitet"].iter().any(|p| after.trim_start().starts_with(p))
    {
        return Some(RelationType::LeaderOf);
    }
    let gap = gap.strip_prefix(',').unwrap_or(gap).trim_start();
    let cue = lexicon
        .words
        .lang("roles.led_by", lang)
        .iter()
        .find(|cue| gap.strip_prefix(cue.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')))?;
    let title: Vec<&str> = gap[cue.len()..].split_whitespace().collect();
    if title.is_empty() {
        return Some(RelationType::LeaderOf);
    }
    // After "under" only a title: "under President X", not "under a law by X".
    role_of(&title, lang, lexicon)
}

/// The role of a title that ends the text before an organisation with a
/// link word: "Der Sprecher des ", "the chief executive of ". At most four
/// title words, after the start of the sentence, a determiner or a comma.
fn title_before_link(before: &str, lang: Lang, lexicon: &Lexicon) -> Option<RelationType> {
    let links: &[&str] = match lang {
        Lang::En => &[" of the", " of", " at the", " at", " for the", " for"],
        Lang::De => &[" des", " der", " von", " beim", " bei der", " bei"],
    };
    let before = before.trim_end();
    let head = links.iter().find_map(|l| before.strip_suffix(l))?;
    let mut words: Vec<&str> = head.split_whitespace().rev().take(5).collect();
    words.reverse();
    // Keep the title words that end the text, after whatever opens it.
    let opener = |w: &str| {
        w.ends_with(',')
            || ["the", "The", "a", "an", "der", "Der", "die", "Die", "ein", "eine", "Ein", "Eine"].contains(&w)
    };
    let start = words.iter().rposition(|w| opener(w)).map_or(0, |i| i + 1);
    let title = &words[start..];
    if title.is_empty() || title.len() > 4 || (start == 0 && words.len() == 5) {
        return None;
    }
    role_of(title, lang, lexicon)
}

/// The executive of an organisation whose commissioners a title names
/// (`roles.executives`, `roles.commissioners_*`): "EU competition chief
/// Margrethe Vestager" is a member of the European Commission, where the
/// article names it.
fn executive(organisation: usize, words: &[&str], lang: Lang, found: &Found, lexicon: &Lexicon) -> Option<usize> {
    let key = &found.entities[organisation].key;
    let id = key.strip_prefix("lex:")?;
    let executive = lexicon.words.get("roles.executives").iter().find_map(|pair| {
        let (of, executive) = pair.split_once(' ')?;
        (of == id).then_some(executive)
    })?;
    let titles = lexicon.words.lowered_lang("roles.commissioners", lang);
    let commissioner = words.iter().any(|w| {
        let w = w.to_lowercase();
        titles.iter().any(|t| w == *t || (lang == Lang::De && w.ends_with(t.as_str())))
    });
    if !commissioner {
        return None;
    }
    let executive = format!("lex:{executive}");
    found.entities.iter().position(|e| e.key == executive)
}

/// Roles whose organisation is named before the title, not with it: a bare
/// title opens the sentence or follows a determiner, a possessive or a verb
/// of saying ("Spokesman Zhao Lijian told a briefing", "its chairwoman,
/// Jessica Rosenworcel", "Hauptgeschäftsführer Stefan Genth forderte"), and
/// the organisation is the last named before it in the sentence, else the
/// first named in one of the two sentences before. A title only companies
/// give (`roles.corporate_*`) looks for a company only, and finds one an
/// anaphor names too ("Die Bank hatte … Vorstandschef Carsten Egeriis").
/// People the lexicon holds are left to its facts.
fn antecedent_roles(
    text: &str,
    lang: Lang,
    sentence_spans: &[Span],
    found: &Found,
    lexicon: &Lexicon,
) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    let organisation = |t: EntityType| matches!(t, EntityType::Company | EntityType::Organization | EntityType::Agency);
    let its = lexicon.words.lang_path("roles.its", lang);
    let openers = lexicon.words.lang_path("roles.title_openers", lang);
    for (i, m) in found.mentions.iter().enumerate() {
        let person = &found.entities[m.entity];
        if m.anaphoric || person.etype != EntityType::Person || person.key.starts_with("lex:") {
            continue;
        }
        let Some(sentence) = sentence_spans.get(m.sentence).map(|s| sentences::trimmed(text, *s)) else { continue };
        if sentence.start > m.span.start {
            continue;
        }
        let before = &text[sentence.start..m.span.start];
        let possessive_apposition = before.ends_with(", ");
        let before = before.trim_end().trim_end_matches(',');
        let spans: Vec<(usize, &str)> =
            before.split_whitespace().map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w)).collect();
        let words: Vec<&str> = spans.iter().map(|&(_, w)| w).collect();
        // The longest run of title words that ends the text before the name
        // (at most four) and what stands before it.
        let Some((title_from, rtype)) = (words.len().saturating_sub(4)..words.len())
            .find_map(|from| role_of(&words[from..], lang, lexicon).map(|r| (from, r)))
        else {
            continue;
        };
        let title = &words[title_from..];
        let opener = title_from.checked_sub(1).map(|k| words[k]);
        let its_before = opener.is_some_and(|w| lexicon.words.contains_ignore_ascii_case(&its, w));
        let opens = match opener {
            None => true,
            Some(w) => {
                its_before
                    || w.ends_with([',', ':', '"', '“', '„'])
                    || ["the", "The", "der", "Der", "die", "Die", "den", "dem"].contains(&w)
                    || lexicon.words.contains_ignore_ascii_case(&openers, w)
            }
        };
        // "its chairwoman, Jessica Rosenworcel": a comma only after a possessive.
        if !opens || (possessive_apposition && !its_before) {
            continue;
        }
        // The title must stand alone: no name of a place or body inside it
        // ("Chinese spokesman", "Siemens-Chef" are read elsewhere).
        let title_start = sentence.start + spans[title_from].0;
        if found.mentions[..i].iter().rev().take_while(|o| o.span.end > title_start).any(|o| o.entity != m.entity) {
            continue;
        }
        // Named with a body after it: "Justice Heather Holmes of the court".
        let after = &text[m.span.end..];
        if [" of ", " at ", " des ", " der ", " vom ", " von der "].iter().any(|l| after.starts_with(l)) {
            continue;
        }
        let lowered: Vec<String> = title.iter().map(|w| w.to_lowercase()).collect();
        let joined = format!(" {} ", lowered.join(" "));
        let listed = |path: &str| {
            let path = lexicon.words.lang_path(path, lang);
            lexicon.words.lowered(&path).iter().any(|c| {
                joined.contains(&format!(" {c} "))
                    || lang == Lang::De && lowered.iter().any(|w| w.ends_with(c.as_str()))
            })
        };
        if listed("roles.no_antecedent") {
            continue;
        }
        let officer = listed("roles.corporate");
        let political = listed("roles.government");
        // A bare "Präsidentin" heads a state (see `heads_of_state`), not the
        // company named before.
        let head_of_state =
            title.len() == 1 && lexicon.words.lang("roles.head_of_state", lang).iter().any(|t| t == title[0]);
        if head_of_state && !political && !its_before {
            continue;
        }
        let judicial = listed("roles.judicial");
        let courts = lexicon.words.lowered_lang("roles.courts", lang);
        let fits = |o: &Mention| {
            let entity = &found.entities[o.entity];
            let in_brackets = text[..o.span.start].ends_with('(') && text[o.span.end..].starts_with(')');
            let kind_fits = if officer {
                entity.etype == EntityType::Company
            } else if political {
                is_government(&entity.key, lexicon)
            } else if judicial {
                let name = entity.name.to_lowercase();
                courts.iter().any(|c| name.contains(c.as_str()))
            } else {
                organisation(entity.etype)
            };
            (!o.anaphoric || officer) && !in_brackets && kind_fits
        };
        // A German compound title whose first part names the body
        // ("Kartellamtspräsident", "Regierungssprecher") belongs to the body
        // the article names with that part, else to none; a hyphened name
        // before the title ("Xbox-Chef") may also be a unit of the company
        // named before.
        let body_part = (lang == Lang::De).then(|| compound_body_part(title, lexicon)).flatten();
        let named_by_part = body_part.as_ref().and_then(|(part, _, _)| {
            found.mentions.iter().find(|o| {
                organisation(found.entities[o.entity].etype)
                    && (found.entities[o.entity].name.to_lowercase().contains(part.as_str())
                        || o.span.slice(text).to_lowercase().contains(part.as_str()))
            })
        });
        // The part names the body, so the head alone says the role.
        let rtype = match (named_by_part, &body_part) {
            (Some(_), Some((_, head, _))) => role_of(&[head.as_str()], lang, lexicon).unwrap_or(rtype),
            _ => rtype,
        };
        let org = match (named_by_part, &body_part) {
            (Some(org), _) => Some(org),
            (None, Some((_, _, false))) => None,
            _ => {
                let same_sentence =
                    found.mentions[..i].iter().rev().take_while(|o| o.span.start >= sentence.start).find(|o| fits(o));
                same_sentence.or_else(|| {
                    (1..=2)
                        .filter_map(|back| m.sentence.checked_sub(back))
                        .find_map(|k| found.mentions.iter().filter(|o| o.sentence == k).find(|o| fits(o)))
                })
            }
        };
        if let Some(org) = org {
            // A minister serves the government, which a prime minister leads
            // (and the lexicon knows who that is).
            let rtype =
                if is_government(&found.entities[org.entity].key, lexicon) { RelationType::MemberOf } else { rtype };
            out.push(LocalRelation { source: m.entity, rtype, target: org.entity, sentence: Some(m.sentence) });
        }
    }
    out
}

/// Heads of state and government by a bare title before the name, with no
/// country named with it (`roles.head_of_state_*`): "a spokesman for
/// President Bola Tinubu", "then-President Cristina Fernández de Kirchner",
/// "Präsidentin Park Geun Hye". The country is the person's own, else the one
/// the article names most often, and only when no other is named as often.
fn heads_of_state(text: &str, lang: Lang, found: &Found, lexicon: &Lexicon) -> Vec<LocalRelation> {
    let titles = lexicon.words.lang("roles.head_of_state", lang);
    let prefixes = lexicon.words.get("roles.former_prefixes");
    let its = lexicon.words.lang_path("roles.its", lang);
    let dominant = std::cell::OnceCell::new();
    let mut out = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        let person = &found.entities[m.entity];
        if m.anaphoric || person.etype != EntityType::Person || person.key.starts_with("lex:") {
            continue;
        }
        let before = &text[..m.span.start];
        let Some(before) = before.strip_suffix(' ') else { continue };
        let Some(title) = titles.iter().find(|t| {
            before.strip_suffix(t.as_str()).is_some_and(|rest| {
                // ("then-President", "Ex-Präsident"; not "Vice President",
                // "Russian President", "Nigeria's President".)
                let rest = prefixes.iter().find_map(|p| rest.strip_suffix(p.as_str())).unwrap_or(rest);
                rest.is_empty() || rest.ends_with([' ', '\n', '(', '"', '“', '„'])
            })
        }) else {
            continue;
        };
        let title_start = before.len() - title.len();
        let lead = text[..title_start].trim_end();
        let word_before = lead.rsplit([' ', '\n']).next().unwrap_or("");
        let deputy = lexicon.words.get("roles.deputy").iter().any(|d| d == word_before);
        // A name or adjective right before the title places it ("U.S. President").
        let placed = found.mentions[..i]
            .last()
            .is_some_and(|o| o.span.end <= title_start && text[o.span.end..title_start].trim().is_empty());
        let possessive = word_before.ends_with("'s")
            || word_before.ends_with("’s")
            || lexicon.words.contains_ignore_ascii_case(&its, word_before);
        if deputy || placed || possessive {
            continue;
        }
        let country = person
            .country
            .as_deref()
            .and_then(|c| found.entities.iter().position(|e| e.key == format!("country:{c}")))
            .or_else(|| *dominant.get_or_init(|| dominant_country(found)));
        if let Some(country) = country {
            out.push(LocalRelation {
                source: m.entity,
                rtype: RelationType::LeaderOf,
                target: country,
                sentence: Some(m.sentence),
            });
        }
    }
    out
}

/// The country an article is about, by a stricter measure than resolution's
/// (`Found::country_counts`): the country it names most often, at least
/// twice, more often than any other country and any organisation ("FIFA
/// spokesman …, that President Sepp Blatter" is FIFA's president).
fn dominant_country(found: &Found) -> Option<usize> {
    let countries = found.country_counts(false);
    let (top, n) = *countries.first()?;
    let mut organisations: Vec<(usize, usize)> = Vec::new();
    for m in found.mentions.iter().filter(|m| found.entities[m.entity].etype == EntityType::Organization) {
        match organisations.iter_mut().find(|(e, _)| *e == m.entity) {
            Some((_, k)) => *k += 1,
            None => organisations.push((m.entity, 1)),
        }
    }
    let rival = organisations.iter().map(|&(_, k)| k).max().unwrap_or(0);
    let unique = countries.get(1).is_none_or(|&(_, m)| m < n);
    (n >= 2 && n > rival && unique)
        .then(|| found.entities.iter().position(|e| e.key == format!("country:{top}")))
        .flatten()
}

/// The first part of a German compound title that names a body, lowercased
/// and without the joining "s" ("Kartellamtspräsident" → "kartellamt"), the
/// title it ends with ("präsident"), and whether a hyphen joined them
/// ("Xbox-Chef"). `None` when the title is listed whole or its first part
/// is a portfolio ("Finanzchef") or names no body
/// (`roles.ordinary_prefixes_de`: "Vorstandschef", "Hauptgeschäftsführer").
fn compound_body_part(title: &[&str], lexicon: &Lexicon) -> Option<(String, String, bool)> {
    let word = title.last()?.to_lowercase();
    let lists = ["roles.leader_de", "roles.member_de", "roles.heads_de", "titles.de"];
    if lists.iter().any(|l| lexicon.words.contains_lowered(l, &word)) {
        return None;
    }
    let head = word
        .char_indices()
        .skip(1)
        .map(|(at, _)| &word[at..])
        .find(|rest| rest.chars().count() >= 4 && lists.iter().any(|l| lexicon.words.contains_lowered(l, rest)))?;
    let part = &word[..word.len() - head.len()];
    let hyphened = part.ends_with('-');
    let part = part.trim_end_matches('-');
    let part = if hyphened { part } else { part.strip_suffix('s').unwrap_or(part) };
    let shared = ["roles.portfolio_de", "roles.corporate_de"];
    let stem = |p: &str| p.strip_suffix('s').unwrap_or(p).to_string();
    let is_ordinary = lexicon.words.contains_lowered("roles.ordinary_prefixes_de", part)
        || shared.iter().any(|l| lexicon.words.lowered(l).iter().any(|p| stem(p) == stem(part) || p == part));
    (part.chars().count() >= 3 && !is_ordinary).then(|| (part.to_string(), head.to_string(), hyphened))
}

/// A company named after another one the article names, with more words
/// that are not a legal form or a group's word (`legal_forms.forms`,
/// `legal_forms.same_company`), is its subsidiary, and such a product its
/// product: "Danone Russia", "Google Ireland", "Apple Sales International",
/// "Google Shopping"; "Volkswagen Group" is no subsidiary of Volkswagen.
fn named_after_parent(text: &str, found: &Found, lexicon: &Lexicon) -> Vec<LocalRelation> {
    let mut out = Vec::new();
    let first_mention = |entity: usize| found.mentions.iter().find(|m| m.entity == entity && !m.anaphoric);
    for (parent, p) in found.entities.iter().enumerate() {
        // (Guesses stay out: a relation would keep them in the graph.)
        if p.etype != EntityType::Company || p.weak {
            continue;
        }
        // The parent's names: its own and how this article writes it.
        let mut names: Vec<&str> = vec![p.name.as_str()];
        names.extend(found.mentions.iter().filter(|m| m.entity == parent && !m.anaphoric).map(|m| m.span.slice(text)));
        for (child, c) in found.entities.iter().enumerate() {
            let rtype = match c.etype {
                EntityType::Company => RelationType::SubsidiaryOf,
                EntityType::Product => RelationType::ProductOf,
                _ => continue,
            };
            // (Of two companies the lexicon knows, only one it makes the
            // other's subsidiary: "TD Bank US Holding Company" owns "TD Bank",
            // not the reverse.)
            let unrelated = match (c.key.strip_prefix("lex:"), p.key.strip_prefix("lex:")) {
                (Some(c_id), Some(p_id)) => {
                    rtype == RelationType::SubsidiaryOf
                        && !lexicon.entry(c_id).is_some_and(|e| e.relations.iter().any(|r| r.target == p_id))
                }
                _ => false,
            };
            if child == parent || c.weak || unrelated {
                continue;
            }
            let rest = names.iter().find_map(|n| c.name.strip_prefix(n).and_then(|r| r.strip_prefix(' ')));
            let Some(rest) = rest else { continue };
            let ordinary = |w: &str| {
                lexicon.words.contains_undotted("legal_forms.forms", w)
                    || lexicon.words.contains_ignore_ascii_case("legal_forms.same_company", w)
            };
            if rest.split_whitespace().all(ordinary) {
                continue;
            }
            if let Some(m) = first_mention(child) {
                out.push(LocalRelation { source: child, rtype, target: parent, sentence: Some(m.sentence) });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalEntity;

    /// Two companies, the second named after the first with `rest`, each
    /// mentioned once in one sentence.
    fn parent_and_child(rest: &str) -> (String, Found) {
        let child = format!("Siemens {rest}");
        let text = format!("Siemens and {child} agreed.");
        let company = |name: &str| LocalEntity {
            key: format!("name:{name}"),
            name: name.to_string(),
            etype: EntityType::Company,
            country: None,
            sector: None,
            weak: false,
        };
        let mention = |start: usize, len: usize, entity| Mention {
            span: Span::new(start, start + len),
            sentence: 0,
            entity,
            anaphoric: false,
            modifier: false,
        };
        let found = Found {
            entities: vec![company("Siemens"), company(&child)],
            mentions: vec![mention(0, 7, 0), mention(12, child.len(), 1)],
        };
        (text, found)
    }

    #[test]
    fn a_company_named_after_its_parent_is_its_subsidiary_but_not_its_group() {
        let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
        let (text, found) = parent_and_child("Energy");
        let relations = named_after_parent(&text, &found, &lexicon);
        assert_eq!(relations.len(), 1);
        assert_eq!((relations[0].source, relations[0].rtype, relations[0].target), (1, RelationType::SubsidiaryOf, 0));
        for group in ["Group", "Holding AG", "International"] {
            let (text, found) = parent_and_child(group);
            assert!(named_after_parent(&text, &found, &lexicon).is_empty(), "Siemens {group}");
        }
    }
}

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
            || ["Deputy", "Vice", "Acting"].iter().any(|d| lead.ends_with(d))
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
        // Economy Minister Carlos Cuerpo said").
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
    let mentions: Vec<&Mention> = found.mentions.iter().filter(|m| !m.anaphoric || m.modifier).collect();
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
            if office {
                out.push(LocalRelation {
                    source: b.entity,
                    rtype: RelationType::LeaderOf,
                    target: a.entity,
                    sentence: Some(a.sentence),
                });
            } else if !gap.contains([',', ';', '(', ')']) {
                if let Some(rtype) = role_of(&words, lang, lexicon) {
                    out.push(LocalRelation { source: b.entity, rtype, target: a.entity, sentence: Some(a.sentence) });
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
            let words: Vec<&str> =
                gap[2..].split_whitespace().filter(|w| !matches!(*w, "des" | "der" | "von" | "bei")).collect();
            let words: Vec<&str> = words.into_iter().map(|w| w.trim_end_matches('\'').trim_end_matches("'s")).collect();
            let ends_with_link = gap.trim_end().ends_with(" of")
                || gap.trim_end().ends_with(" at")
                || [" des", " der", " von", " bei"].iter().any(|l| gap.trim_end().ends_with(l));
            if ends_with_link {
                if let Some(rtype) = role_of(&words, lang, lexicon) {
                    out.push(LocalRelation { source: a.entity, rtype, target: b.entity, sentence: Some(a.sentence) });
                }
            }
        }
    }
    out
}

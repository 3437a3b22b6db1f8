//! Events: finds the trigger words of `lexicon/events.toml` in each sentence
//! and assigns agent, target, reporter, date and modality.
//!
//! Agents and targets come from the entity mentions around the trigger:
//! active verbs take the subject before and the object after; German
//! verb-second sentences that open with an adverbial ("Laut Reuters
//! untersucht das Office …") take both after the verb; passives ("is being
//! led by", "wurde von Biden widerrufen") swap them; nominalisations ("the
//! investigation into Alibaba", "die Untersuchung des Cloud-Geschäfts von
//! Alibaba") take the target after the noun and the agent from "by"/"durch"
//! or the subject. Lists ("Huawei, TikTok and Xiaomi", "darunter DJI") become
//! several targets. Attribution ("according to Reuters", "laut") fills
//! `reported_by`. Pure; never fails.

use crate::dates;
use crate::entities::Found;
use crate::lexicon::{Lexicon, TriggerPattern};
use crate::model::{Document, EntityType, Lang, LocalEvent, Mention, Modality, Span};
use crate::sentences;
use crate::text::{self, Word};

/// A trigger found in a sentence: the pattern and the words it covers.
#[derive(Debug, Clone)]
struct TriggerHit<'l> {
    pattern: &'l TriggerPattern,
    /// Index of the first and one past the last matched word.
    first: usize,
    last: usize,
    span: Span,
}

/// Does a lowercased word match a pattern word (`investigat*` a prefix)?
fn word_matches_lower(pattern: &str, lower: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => lower.starts_with(prefix),
        None => lower == pattern,
    }
}

/// Matches one pattern at word `at`; returns the index past the last matched
/// word. `lower` holds the words lowercased.
fn match_at(pattern: &TriggerPattern, words: &[&str], lower: &[String], at: usize) -> Option<usize> {
    let mut i = at;
    let mut gap = false;
    for (n, part) in pattern.words.iter().enumerate() {
        match part {
            None => gap = true,
            Some(p) => {
                if gap {
                    let limit = (i + 12).min(words.len());
                    let found = (i..limit).find(|&k| word_matches_lower(p, &lower[k]))?;
                    i = found + 1;
                    gap = false;
                } else {
                    let word = words.get(i)?;
                    let compound_head = n == 0
                        && pattern.noun
                        && pattern.lang == Lang::De
                        && pattern.words.len() == 1
                        && p.chars().count() >= 5
                        && !p.ends_with('*')
                        && lower[i].ends_with(p.as_str())
                        && text::is_capitalized(word);
                    if !(word_matches_lower(p, &lower[i]) || compound_head) {
                        return None;
                    }
                    i += 1;
                }
            }
        }
    }
    Some(i)
}

fn find_triggers<'l>(lexicon: &'l Lexicon, lang: Lang, text: &str, words: &[Word]) -> Vec<TriggerHit<'l>> {
    let texts: Vec<&str> = words.iter().map(|w| text::strip_possessive(w.text(text))).collect();
    let lower: Vec<String> = texts.iter().map(|w| w.to_lowercase()).collect();
    let index = lexicon.trigger_index(lang);
    let mut candidates = Vec::new();
    let mut hits: Vec<TriggerHit> = Vec::new();
    for at in 0..words.len() {
        let mut best: Option<TriggerHit> = None;
        // Only the patterns that can start at this word, in lexicon order.
        index.candidates(&lower[at], &mut candidates);
        for pattern in candidates.iter().map(|&i| &lexicon.trigger_patterns[i]) {
            if let Some(end) = match_at(pattern, &texts, &lower, at) {
                let longer = best.as_ref().is_none_or(|b| pattern.words.len() > b.pattern.words.len());
                if longer {
                    best = Some(TriggerHit { pattern, first: at, last: end, span: Span::new(words[at].span.start, words[end - 1].span.end) });
                }
            }
        }
        if let Some(hit) = best {
            hits.push(hit);
        }
    }
    // A trigger inside a longer one (or starting inside it) is part of it.
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
    let mut kept: Vec<TriggerHit> = Vec::new();
    for hit in hits {
        if !kept.iter().any(|k| hit.first < k.last && hit.first >= k.first) {
            kept.push(hit);
        }
    }
    kept
}

/// Does one of the phrases (lowercased and split, see `Words::phrases`) occur
/// in `texts[from..to]`?
fn any_phrase(list: &[Vec<String>], texts: &[String], from: usize, to: usize) -> bool {
    list.iter().any(|parts| {
        !parts.is_empty()
            && (from..to.min(texts.len())).any(|i| i + parts.len() <= to.min(texts.len()) && parts.iter().enumerate().all(|(k, p)| texts[i + k] == *p))
    })
}

/// Extracts the events stated in a document.
pub fn extract(doc: &Document, lang: Lang, sentence_spans: &[Span], found: &Found, lexicon: &Lexicon) -> Vec<LocalEvent> {
    let text = doc.text.as_str();
    let mut events = Vec::new();
    for (sentence_idx, sentence) in sentence_spans.iter().enumerate() {
        let sentence = sentences::trimmed(text, *sentence);
        if sentence.start < doc.body_start {
            continue;
        }
        let words = text::words(text, sentence.start, sentence.end);
        if words.is_empty() {
            continue;
        }
        let triggers = find_triggers(lexicon, lang, text, &words);
        if triggers.is_empty() {
            continue;
        }
        let lower: Vec<String> = words.iter().map(|w| w.text(text).to_lowercase()).collect();
        let mentions: Vec<&Mention> = found.mentions.iter().filter(|m| sentence.contains(m.span)).collect();
        let before_source = lexicon.words.lowered(&format!("attribution.{}_before_source", lang.code()));
        let after_source = lexicon.words.lowered(&format!("attribution.{}_after_source", lang.code()));
        // Attribution: sources named after "according to", "laut", "told".
        let mut reporters: Vec<usize> = Vec::new();
        let mut reporter_spans: Vec<Span> = Vec::new();
        for mention in &mentions {
            let before = word_index_before(&words, mention.span.start);
            let mut k = before;
            while k > 0 && ["the", "a", "an", "der", "die", "dem", "den", "des"].contains(&lower[k - 1].as_str()) {
                k -= 1;
            }
            let preceding = lower[k.saturating_sub(5)..k].join(" ");
            // `preceding` is `p` or ends with " {p}".
            let cue = before_source.iter().any(|p| {
                preceding == *p
                    || preceding.len() > p.len()
                        && preceding.ends_with(p.as_str())
                        && preceding.as_bytes()[preceding.len() - p.len() - 1] == b' '
            });
            let after_cue =
                after_source.iter().any(|w| text::lowercase_starts_with(text[mention.span.end..].trim_start(), w));
            let reporter_type = matches!(found.entities[mention.entity].etype, EntityType::Company | EntityType::Person | EntityType::Organization);
            if (cue || after_cue) && reporter_type {
                if !reporters.contains(&mention.entity) {
                    reporters.push(mention.entity);
                }
                reporter_spans.push(mention.span);
            }
        }
        let args: Vec<&Mention> = mentions
            .iter()
            .copied()
            .filter(|m| !m.modifier && !reporter_spans.contains(&m.span))
            .collect();
        let mut sentence_dates: Option<Vec<dates::FoundDate>> = None;
        let fronted = lang == Lang::De && lexicon.words.get("fronting.de").iter().any(|f| *f == lower[0]);
        for trigger in &triggers {
            let spec = &lexicon.triggers[trigger.pattern.trigger];
            if args.iter().any(|m| m.span.overlaps(trigger.span)) {
                continue;
            }
            // Arguments stay inside the clause: ':' and ';' separate a headline's
            // topic ("Alibaba: US leads investigation") and joined statements.
            let sentence_text = sentence.slice(text);
            let rel = trigger.span.start - sentence.start;
            let clause_start = sentence.start + sentence_text[..rel].rfind([':', ';']).map(|p| p + 1).unwrap_or(0);
            let clause_end = sentence.start + sentence_text[rel..].find([':', ';']).map(|p| p + rel).unwrap_or(sentence_text.len());
            let in_clause = |m: &&Mention| m.span.start >= clause_start && m.span.end <= clause_end;
            let before: Vec<&Mention> = args.iter().copied().filter(in_clause).filter(|m| m.span.end <= trigger.span.start).collect();
            let after: Vec<&Mention> = args.iter().copied().filter(in_clause).filter(|m| m.span.start >= trigger.span.end).collect();
            let passive = is_passive(lang, &lower, trigger, lexicon);
            let by_agent = by_phrase_mention(text, lang, &words, &lower, trigger, &args, lexicon, passive);
            let (agent, target): (Vec<usize>, Vec<usize>) = if spec.agentless {
                let subject = if fronted { after.first() } else { before.last() }.map(|m| m.entity);
                (subject.into_iter().collect(), Vec::new())
            } else if passive {
                let agent: Vec<usize> = by_agent.iter().map(|m| m.entity).collect();
                let target = before.iter().rev().find(|m| !by_agent.iter().any(|b| b.span == m.span)).map(|m| list_around(text, &before, m));
                (agent, target.unwrap_or_default())
            } else if trigger.pattern.noun {
                let target = after.first().filter(|m| words_between(&words, trigger.span.end, m.span.start) <= 6).map(|m| list_from(text, &after, m));
                let agent: Vec<usize> = if !by_agent.is_empty() {
                    by_agent.iter().map(|m| m.entity).collect()
                } else {
                    before.last().filter(|m| words_between(&words, m.span.end, trigger.span.start) <= 12).map(|m| vec![m.entity]).unwrap_or_default()
                };
                (agent, target.unwrap_or_default())
            } else if fronted && !after.is_empty() {
                let agent = vec![after[0].entity];
                let rest: Vec<&Mention> = after[1..].to_vec();
                let target = rest.first().map(|m| list_from(text, &rest, m)).unwrap_or_default();
                (agent, target)
            } else if lang == Lang::De && after.is_empty() && before.len() >= 2 {
                // Verb-final clause: subject first, object next.
                (vec![before[before.len() - 2].entity], vec![before[before.len() - 1].entity])
            } else {
                let agent = before.last().map(|m| list_around(text, &before, m)).unwrap_or_default();
                let target = after.first().map(|m| list_from(text, &after, m)).unwrap_or_default();
                (agent, target)
            };
            let mut target: Vec<usize> = target.into_iter().filter(|t| !agent.contains(t)).collect();
            // A collective ("Chinese companies") gives way to the named members listed with it.
            let is_group = |e: &usize| found.entities[*e].etype == EntityType::Group;
            if target.iter().any(|t| !is_group(t)) {
                target.retain(|t| !is_group(t));
            }
            if agent.is_empty() && target.is_empty() {
                continue;
            }
            let modality = modality(lang, &lower, trigger, lexicon);
            // The sentence's dates, found once for all its triggers.
            let date = sentence_dates
                .get_or_insert_with(|| dates::find(text, sentence, doc.date.as_deref()))
                .iter()
                .min_by_key(|d| d.span.start.abs_diff(trigger.span.start))
                .map(|d| d.iso.clone());
            events.push(LocalEvent {
                etype: spec.etype,
                mode: spec.mode.clone(),
                context: spec.context.clone(),
                cameo: spec.cameo.clone(),
                agent,
                target,
                date,
                modality,
                reported_by: reporters.clone(),
                sentence: sentence_idx,
                trigger: trigger.span,
            });
        }
    }
    events
}


fn word_index_before(words: &[Word], offset: usize) -> usize {
    words.iter().take_while(|w| w.span.end <= offset).count()
}

fn words_between(words: &[Word], start: usize, end: usize) -> usize {
    words.iter().filter(|w| w.span.start >= start && w.span.end <= end).count()
}

/// The mentions of a list that contains `m`: "Huawei, TikTok and Xiaomi".
fn list_from(text: &str, mentions: &[&Mention], m: &Mention) -> Vec<usize> {
    let mut out = vec![m.entity];
    let mut last = *m;
    for next in mentions.iter().filter(|x| x.span.start > m.span.end) {
        let gap = text[last.span.end..next.span.start].trim();
        let gap_lower = gap.to_lowercase();
        let joins = [",", "and", "und", "or", "oder", ", and", ", und", "sowie", ", such as", "such as", ", including", "including",
            ", darunter", "darunter", ", darunter auch", "darunter auch", "wie", "like", ", like", "as well as", ", darunter auch den"];
        let joined = joins.contains(&gap_lower.as_str())
            || (gap_lower.starts_with(", darunter") || gap_lower.starts_with(", such as") || gap_lower.starts_with(", including") || gap_lower.starts_with("such as"))
                && gap.split_whitespace().count() <= 6;
        if !joined {
            break;
        }
        if !out.contains(&next.entity) {
            out.push(next.entity);
        }
        last = **next;
    }
    out
}

/// The list that ends with `m` (agents before a verb).
fn list_around(text: &str, mentions: &[&Mention], m: &Mention) -> Vec<usize> {
    let mut out = vec![m.entity];
    let mut first = *m;
    for prev in mentions.iter().rev().filter(|x| x.span.end < m.span.start) {
        let gap = text[prev.span.end..first.span.start].trim().to_lowercase();
        if ![",", "and", "und", "or", "oder", ", and", ", und", "sowie"].contains(&gap.as_str()) {
            break;
        }
        if !out.contains(&prev.entity) {
            out.insert(0, prev.entity);
        }
        first = **prev;
    }
    out
}

/// Is the trigger a passive participle? English: a form of "be" (or the
/// paraphrase "changed into") within three words before it. German: a form of
/// "werden" earlier in the sentence and an agent introduced by "von"/"durch".
fn is_passive(lang: Lang, lower: &[String], trigger: &TriggerHit, lexicon: &Lexicon) -> bool {
    if trigger.pattern.noun {
        return false;
    }
    let aux = lexicon.words.get(&format!("voice.passive_aux_{}", lang.code()));
    match lang {
        Lang::En => {
            let from = trigger.first.saturating_sub(3);
            let aux = lexicon.words.phrases(&format!("voice.passive_aux_{}", lang.code()));
            any_phrase(aux, lower, from, trigger.first) && !lower[trigger.first].ends_with("ing")
        }
        Lang::De => {
            let has_aux = lower[..trigger.first].iter().any(|w| aux.iter().any(|a| a == w));
            let participle = lower[trigger.first].starts_with("ge") || lower[trigger.first].ends_with("en") || lower[trigger.first].ends_with('t');
            let by = lexicon.words.get("voice.passive_by_de");
            has_aux && participle && lower.iter().any(|w| by.iter().any(|b| b == w))
        }
    }
}

/// The mention introduced by "by"/"von"/"durch" for this trigger: after a
/// passive verb or a noun in English, anywhere in the clause in German.
#[allow(clippy::too_many_arguments)]
fn by_phrase_mention<'m>(
    text: &str,
    lang: Lang,
    words: &[Word],
    lower: &[String],
    trigger: &TriggerHit,
    args: &[&'m Mention],
    lexicon: &Lexicon,
    passive: bool,
) -> Vec<&'m Mention> {
    let markers = lexicon.words.get(&format!("voice.passive_by_{}", lang.code()));
    let _ = text;
    let range: Vec<usize> = match lang {
        Lang::En => (trigger.last..lower.len()).collect(),
        Lang::De if passive => (0..lower.len()).collect(),
        // A German noun's "von" marks its object, not its agent: only "durch".
        Lang::De => (trigger.last..lower.len()).filter(|&k| lower[k] == "durch").collect(),
    };
    for k in range {
        for marker in markers {
            let parts: Vec<&str> = marker.split_whitespace().collect();
            if k + parts.len() > lower.len() || !parts.iter().enumerate().all(|(n, p)| lower[k + n] == *p) {
                continue;
            }
            if lang == Lang::De && !passive && parts != ["durch"] {
                continue;
            }
            let after = words[k + parts.len() - 1].span.end;
            // The agent is the first mention within a few words of the marker.
            if let Some(m) = args.iter().find(|m| m.span.start >= after && words_between(words, after, m.span.start) <= 4) {
                if !(lang == Lang::En && k > trigger.last + 6) {
                    return vec![*m];
                }
            }
        }
    }
    Vec::new()
}

/// How the sentence commits to the event around its trigger.
fn modality(lang: Lang, lower: &[String], trigger: &TriggerHit, lexicon: &Lexicon) -> Modality {
    let list = |name: &str| lexicon.words.phrases(&format!("modality.{name}_{}", lang.code()));
    let near_from = trigger.first.saturating_sub(4);
    let near_to = (trigger.last + 2).min(lower.len());
    let (clause_from, clause_to) = match lang {
        Lang::En => (near_from, trigger.last),
        // German modals sit in second position, the verb at the end: look at the whole sentence before the trigger.
        Lang::De => (0, near_to),
    };
    if any_phrase(list("negated"), lower, near_from, near_to) {
        return Modality::Negated;
    }
    if any_phrase(list("hypothetical"), lower, clause_from, clause_to) {
        return Modality::Hypothetical;
    }
    if any_phrase(list("alleged"), lower, clause_from, clause_to) {
        return Modality::Alleged;
    }
    if any_phrase(list("future"), lower, clause_from, clause_to) {
        return Modality::Future;
    }
    Modality::Asserted
}

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
use crate::model::{Document, EntityType, EventType, Lang, LocalEvent, Mention, Modality, Span};
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

/// Does a lowercased word match a pattern word (`prefix*`, `*suffix` for
/// the head of a German compound, or a word)?
fn word_matches(pattern: &str, word: &str) -> bool {
    match (pattern.strip_suffix('*'), pattern.strip_prefix('*')) {
        (Some(prefix), _) => word.starts_with(prefix),
        (None, Some(suffix)) => word.ends_with(suffix),
        (None, None) => word == pattern,
    }
}

/// Matches one pattern at word `at`; returns the index past the last matched
/// word. `lower` holds `words` lowercased (once per sentence, not once per pattern).
/// `prepositional[k]` (German, where given) says word `k` is followed by a
/// noun phrase, so is a preposition, not the particle that closes a
/// separable verb: "schließt die Übernahme nach Ja aus London ab" ends at
/// "ab", not at "aus".
fn match_at(
    pattern: &TriggerPattern,
    words: &[&str],
    lower: &[&str],
    at: usize,
    prepositional: &[bool],
) -> Option<usize> {
    let mut i = at;
    let mut gap = false;
    let parts = pattern.words.len();
    for (n, part) in pattern.words.iter().enumerate() {
        match part {
            None => gap = true,
            Some(p) => {
                if gap {
                    let limit = (i + 24).min(words.len());
                    let closes = n + 1 == parts && pattern.lang == Lang::De;
                    // (A particle that closes the phrase is no preposition
                    // before a noun phrase; a noun may stand before one:
                    // "übernahm … die Verwaltung der Banken".)
                    let found = (i..limit).find(|&k| {
                        word_matches(p, lower[k])
                            && !(closes
                                && prepositional.get(k).copied().unwrap_or(false)
                                && !text::is_capitalized(words[k]))
                    })?;
                    i = found + 1;
                    gap = false;
                } else {
                    let word = words.get(i)?;
                    // German nouns: inflected ("Angriffs", "Sanktionen") and as
                    // the head of a compound ("Exportbeschränkungen").
                    let lower = &lower[i];
                    let german_noun =
                        pattern.noun && pattern.lang == Lang::De && !p.ends_with('*') && text::is_capitalized(word);
                    let stem = ["es", "s", "en", "n"]
                        .iter()
                        .find_map(|e| lower.strip_suffix(e))
                        .filter(|s| s.chars().count() >= 4);
                    let inflected = german_noun && stem.is_some_and(|s| s == p.as_str());
                    let compound_head = german_noun
                        && n == 0
                        && pattern.words.len() == 1
                        && p.chars().count() >= 5
                        && (lower.ends_with(p.as_str()) || stem.is_some_and(|s| s.ends_with(p.as_str())));
                    if !(word_matches(p, lower) || inflected || compound_head) {
                        return None;
                    }
                    i += 1;
                }
            }
        }
    }
    Some(i)
}

fn find_triggers<'l>(
    lexicon: &'l Lexicon,
    lang: Lang,
    text: &str,
    words: &[Word],
    lower: &[&str],
) -> Vec<TriggerHit<'l>> {
    let texts: Vec<&str> = words.iter().map(|w| text::strip_possessive(w.text(text))).collect();
    let lower: Vec<&str> = lower.iter().map(|w| text::strip_possessive(w)).collect();
    let mut hits: Vec<TriggerHit> = Vec::new();
    let index = lexicon.trigger_index(lang);
    // German words right before a noun phrase: a capitalised word, an
    // article or a number with nothing but a space between.
    let prepositional: Vec<bool> = match lang {
        Lang::De => (0..words.len())
            .map(|k| {
                words.get(k + 1).is_some_and(|next| {
                    text[words[k].span.end..next.span.start].trim().is_empty()
                        && (text::is_capitalized(texts[k + 1])
                            || text::DETERMINERS.contains(&lower[k + 1])
                            || texts[k + 1].starts_with(|c: char| c.is_ascii_digit()))
                })
            })
            .collect(),
        Lang::En => Vec::new(),
    };
    let mut candidates = Vec::new();
    let passive_aux = lexicon.words.phrases(&lexicon.words.lang_path("voice.passive_aux", lang));
    for at in 0..words.len() {
        let mut best: Option<TriggerHit> = None;
        // Only the patterns that can start at this word, in lexicon order.
        index.candidates(lower[at], &mut candidates);
        // After a determiner or a possessive a word is a noun, whatever else it
        // can be ("called the ban unacceptable", "das Verbot", "China's probe"); phrases may open with a noun
        // ("auf seine Liste … gesetzt").
        // (Save after a relative "that" when an object follows: "an
        // injunction that forbids the project company …", "a law that bans TikTok".)
        let relative_verb = lang == Lang::En && relative_verb_at(words, text, &lower, at);
        let determined = at > 0
            && !relative_verb
            && (text::DETERMINERS.contains(&lower[at - 1])
                || texts[at - 1] != words[at - 1].text(text) && lang == Lang::En);
        // So is a participle right after a preposition: "an inquiry into him
        // for alleged obstruction", "sanctions on sanctioned vessels".
        // (Not after a passive's auxiliary: "changed into revoked".)
        let attributive_en = lang == Lang::En
            && at > 0
            && lower[at].ends_with("ed")
            && ["for", "of", "over", "on", "about", "into", "with", "against", "in"].contains(&lower[at - 1])
            && !any_phrase(passive_aux, &lower, at.saturating_sub(3), at);
        let determined = determined || attributive_en;
        // A truncated German compound shares the head of the next one:
        // "Investitions- und Exportbeschränkungen" are restrictions.
        let truncated = lang == Lang::De && text[words[at].span.end..].starts_with("- ");
        for pattern in candidates.iter().map(|&i| &lexicon.trigger_patterns[i]) {
            if determined && !pattern.noun && pattern.words.len() == 1 || truncated && pattern.words.len() == 1 {
                continue;
            }
            if let Some(end) = match_at(pattern, &texts, &lower, at, &prepositional) {
                // Gaps do not count: "Verfahren eingeleitet" before "Verfahren … eingeleitet".
                let fixed = |p: &TriggerPattern| p.words.iter().filter(|w| w.is_some()).count();
                // But a phrase without a gap that reads on into the gap of a
                // phrase of another type is the verb there: "called for a
                // tougher response to the terrorist attack" calls for
                // something ("called for"), it calls no one a terrorist
                // ("called … a … terrorist").
                let gapped = |p: &TriggerPattern| p.words.contains(&None);
                let lead = |p: &TriggerPattern| p.words.iter().take_while(|w| w.is_some()).count();
                let etype = |p: &TriggerPattern| lexicon.triggers[p.trigger].etype;
                let reads_into = |p: &TriggerPattern, p_end: usize, q: &TriggerPattern| {
                    !gapped(p) && gapped(q) && p_end > at + lead(q) && etype(p) != etype(q)
                };
                let longer = best.as_ref().is_none_or(|b| {
                    if reads_into(pattern, end, b.pattern) {
                        true
                    } else if reads_into(b.pattern, b.last, pattern) {
                        false
                    } else {
                        fixed(pattern) > fixed(b.pattern)
                    }
                });
                if longer {
                    // A separable verb ("wirft … vor") is anchored on its first
                    // word: what stands in the gap is its object, not part of it.
                    let span_end =
                        if pattern.words.contains(&None) { words[at].span.end } else { words[end - 1].span.end };
                    best = Some(TriggerHit {
                        pattern,
                        first: at,
                        last: end,
                        span: Span::new(words[at].span.start, span_end),
                    });
                }
            }
        }
        if let Some(hit) = best {
            hits.push(hit);
        }
    }
    // A trigger inside a longer one (or starting inside it) is part of it,
    // unless it stands in the gap of a phrase and tells an event of another
    // type: "macht den GRU für einen Hackerangriff auf die SPD verantwortlich"
    // blames and tells of an attack ("wies die Vorwürfe zurück" only denies:
    // "Vorwürfe" is a word of the phrase).
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
    let mut kept: Vec<TriggerHit> = Vec::new();
    let in_gap = |k: &TriggerHit, hit: &TriggerHit| {
        k.pattern.words.contains(&None)
            && hit.first > k.first
            && hit.last < k.last
            && lexicon.triggers[k.pattern.trigger].etype != lexicon.triggers[hit.pattern.trigger].etype
            && !k.pattern.words.iter().flatten().any(|w| word_matches(w, lower[hit.first]))
    };
    for hit in hits {
        if !kept.iter().any(|k| hit.first < k.last && hit.first >= k.first && !in_gap(k, &hit)) {
            kept.push(hit);
        }
    }
    // A support verb right before an event noun of another type is that
    // noun's verb, not an event of its own: "opened investigations into" is
    // an investigation, not an investment ("opened a data center" is one).
    let support = lexicon.words.lang("nominal.support_verbs", lang);
    let etype = |hit: &TriggerHit| lexicon.triggers[hit.pattern.trigger].etype;
    // "probe" is a verb and a noun; after a support verb it is the noun
    // ("opens antitrust probe into").
    let can_be_noun = |at: usize| {
        let mut nouns = Vec::new();
        index.candidates(lower[at], &mut nouns);
        nouns
            .iter()
            .map(|&i| &lexicon.trigger_patterns[i])
            .any(|p| p.noun && p.words.len() == 1 && p.words[0].as_deref().is_some_and(|w| word_matches(w, lower[at])))
    };
    let supports = |verb: &TriggerHit, noun: &TriggerHit| {
        !verb.pattern.noun
            && etype(verb) != etype(noun)
            && verb.last == verb.first + 1
            && (noun.pattern.noun || can_be_noun(noun.first))
            && noun.first >= verb.last
            && noun.first - verb.last <= 2
            && !text[words[verb.first].span.end..words[noun.first].span.start].contains([',', ';', ':', '.'])
            && support.iter().any(|v| word_matches(v, lower[verb.first]))
    };
    // Investments that a sanction restricts are its object, not investments
    // made: "an order that will restrict some U.S. investments in Chinese tech".
    let restricted = |sanction: &TriggerHit, noun: &TriggerHit| {
        !sanction.pattern.noun
            && etype(sanction) == EventType::Sanction
            && noun.pattern.noun
            && etype(noun) == EventType::Invest
            && noun.first >= sanction.last
            && noun.first - sanction.last <= 3
            && !text[words[sanction.first].span.end..words[noun.first].span.start].contains([',', ';', ':'])
    };
    let drop: Vec<bool> = (0..kept.len())
        .map(|i| {
            kept.get(i + 1).is_some_and(|next| supports(&kept[i], next)) || i > 0 && restricted(&kept[i - 1], &kept[i])
        })
        .collect();
    let mut drop = drop.into_iter();
    kept.retain(|_| !drop.next().unwrap_or(false));
    // An infinitive of purpose restates the verb before it: "summoned the
    // ambassador to protest" is one protest.
    let purposes: Vec<bool> = kept
        .iter()
        .map(|hit| {
            // (Save a settlement, which states the accusation too: "agreed to
            // settle SEC charges".)
            hit.first > 0
                && lower[hit.first - 1] == "to"
                && !lexicon.triggers[hit.pattern.trigger].settles
                && kept.iter().any(|k| {
                    !k.pattern.noun && k.last <= hit.first && hit.first - k.last <= 8 && etype(k) == etype(hit)
                })
        })
        .collect();
    let mut purposes = purposes.into_iter();
    kept.retain(|_| !purposes.next().unwrap_or(false));
    kept
}

/// Is the word at `at` a verb after a relative "that", an object after it
/// ("an injunction that forbids the project company", "a law that bans
/// TikTok"), though "that" is a determiner elsewhere ("that ban")?
fn relative_verb_at(words: &[Word], text: &str, lower: &[&str], at: usize) -> bool {
    at > 0
        && lower[at - 1] == "that"
        && (lower.get(at + 1).is_some_and(|w| text::DETERMINERS.contains(w)) || name_at(words, text, at + 1))
}

/// Does a name (a capitalised word that is no weekday or month) stand at word `at`?
fn name_at(words: &[Word], text: &str, at: usize) -> bool {
    words.get(at).is_some_and(|w| {
        let w = w.text(text);
        text::is_capitalized(w) && !dates::is_time_word(w)
    })
}

/// Does one of the phrases (lowercased and split into words, as
/// [`Words::phrases`](crate::lexicon::Words::phrases) gives them) stand
/// among the lowercased words `texts[from..to]`?
fn any_phrase(phrases: &[Vec<String>], texts: &[&str], from: usize, to: usize) -> bool {
    phrases.iter().any(|parts| {
        !parts.is_empty()
            && (from..to.min(texts.len())).any(|i| {
                i + parts.len() <= to.min(texts.len()) && parts.iter().enumerate().all(|(k, p)| texts[i + k] == *p)
            })
    })
}

/// Extracts the events stated in a document.
pub fn extract(
    doc: &Document,
    lang: Lang,
    sentence_spans: &[Span],
    found: &Found,
    lexicon: &Lexicon,
) -> Vec<LocalEvent> {
    let text = doc.text.as_str();
    let mut events: Vec<LocalEvent> = Vec::new();
    let mut dateline_reporters: Vec<usize> = Vec::new();
    let lowered_text = text::lowercase_aligned(text);
    let mut lowered_storage = Vec::new();
    let before_source = lexicon.words.lowered(&format!("attribution.{}_before_source", lang.code()));
    let after_source = lexicon.words.lowered(&format!("attribution.{}_after_source", lang.code()));
    let speech = lexicon.words.lowered(&format!("attribution.{}_speech_verbs", lang.code()));
    let mut noun_scratch = Vec::new();
    // The headline: the first sentence of the body when it is the title, or
    // a line of its own without a full stop.
    let headline_sentence = sentence_spans.iter().position(|s| s.start >= doc.body_start).filter(|&i| {
        let first = sentences::trimmed(text, sentence_spans[i]).slice(text).trim();
        (!doc.title.is_empty() && first == doc.title.trim())
            || !first.ends_with(['.', '!', '?', '"', '”', '“']) && !first.contains('\n')
    });
    for (sentence_idx, sentence) in sentence_spans.iter().enumerate() {
        let sentence = sentences::trimmed(text, *sentence);
        if sentence.start < doc.body_start {
            continue;
        }
        let words = text::words(text, sentence.start, sentence.end);
        if words.is_empty() {
            continue;
        }
        let lower = text::lowered_words(text, lowered_text.as_deref(), &words, &mut lowered_storage);
        let mut triggers = find_triggers(lexicon, lang, text, &words, &lower);
        // (trigger, requester) of "at the request of X": see the end of the loop.
        let mut requesters: Vec<(Span, usize)> = Vec::new();
        // (Phrases that only look like events have done their work: they
        // kept shorter patterns from matching.)
        triggers.retain(|t| !lexicon.triggers[t.pattern.trigger].none);
        // "verhängte … Exportbeschränkungen": the noun restates the verb's
        // event, unless a new clause stands between ("announced curbs in
        // March, after Washington imposed sweeping restrictions").
        let clauses = lexicon.words.lowered_lang("clauses", lang);
        let bare = lexicon.words.lowered_lang("clauses.bare", lang);
        // (A wrong only reported restates nothing: "an investigation into
        // whether Westpac breached the Banking Act".)
        let verbs: Vec<(EventType, usize)> = triggers
            .iter()
            .filter(|t| !t.pattern.noun && !lexicon.triggers[t.pattern.trigger].reported)
            .map(|t| {
                let cut = clause_cut(text, &words, &lower, t.last, clauses, bare).unwrap_or(usize::MAX);
                (lexicon.triggers[t.pattern.trigger].etype, cut)
            })
            .collect();
        triggers.retain(|t| {
            let etype = lexicon.triggers[t.pattern.trigger].etype;
            !t.pattern.noun || !verbs.iter().any(|&(verb, cut)| verb == etype && t.span.start < cut)
        });
        // "lifted sanctions on Rusal", "criticized the investigation": the
        // noun right after a verb that undoes or answers an event is that
        // event's name, not a new one.
        let answered: Vec<usize> = triggers
            .iter()
            .filter(|v| {
                !v.pattern.noun
                    && (lexicon.triggers[v.pattern.trigger].etype == EventType::Retreat
                        || is_reaction(lexicon.triggers[v.pattern.trigger].etype))
            })
            .map(|v| v.last)
            .collect();
        // (A verb right after such a verb is a noun: "lifted sanctions", and
        // so is one after its modifiers: "opposed illegal unilateral
        // sanctions", though not after "opposed plans to".)
        let breakers = lexicon.words.lowered_lang("noun_phrase.breakers", lang);
        let modifiers = |from: usize, to: usize| {
            lang == Lang::En
                && to - from <= 3
                && !text[words[from.saturating_sub(1)].span.end..words[to].span.start]
                    .contains([',', ';', ':', '.', '"', '“', '”', '(', ')'])
                && (from..to).all(|k| {
                    lower[k].chars().all(|c| c.is_alphabetic() || c == '-')
                        && words[k].text(text) == lower[k]
                        && !breakers.iter().any(|b| b == lower[k])
                })
        };
        // German puts the verb last: "hatte die Klage von TikTok abgewiesen"
        // answers the lawsuit as well.
        let answered_last: Vec<usize> = triggers
            .iter()
            .filter(|v| {
                lang == Lang::De
                    && !v.pattern.noun
                    && v.last == v.first + 1
                    && is_reaction(lexicon.triggers[v.pattern.trigger].etype)
            })
            .map(|v| v.first)
            .collect();
        triggers.retain(|t| {
            !t.pattern.noun
                || !answered_last.iter().any(|&verb| {
                    verb >= t.last
                        && verb - t.last <= 3
                        && !text[words[t.first].span.end..words[verb].span.start].contains([',', ';', ':', '.'])
                })
        });
        // What a sanction halts is no new event of its own: "frozen all new
        // trade and investment with Canada", "suspended cooperation", "bar
        // Huawei from supplying equipment".
        let halted: Vec<usize> = triggers
            .iter()
            .filter(|v| !v.pattern.noun && lexicon.triggers[v.pattern.trigger].etype == EventType::Sanction)
            .map(|v| v.last)
            .collect();
        triggers.retain(|t| {
            let cooperative = matches!(
                lexicon.triggers[t.pattern.trigger].etype,
                EventType::Invest | EventType::Cooperate | EventType::Aid | EventType::Consult | EventType::Agree
            );
            let barred_gerund =
                lang == Lang::En && t.first > 0 && lower[t.first - 1] == "from" && lower[t.first].ends_with("ing");
            !(t.pattern.noun || barred_gerund)
                || !cooperative
                || !halted.iter().any(|&end| {
                    t.first >= end
                        && t.first - end <= 5
                        && !text[words[end - 1].span.end..words[t.first].span.start].contains([',', ';', ':', '.'])
                })
        });
        // An English gerund right after an approving verb is the act
        // approved, and the approval no event of its own: "the Cabinet
        // approved removing South Korea from its white list" is Japan's
        // sanction.
        let approved_act = |t: &TriggerHit| {
            lang == Lang::En
                && !t.pattern.noun
                && lower[t.first].ends_with("ing")
                && triggers.iter().any(|v| {
                    v.last == t.first
                        && !v.pattern.noun
                        && matches!(lexicon.triggers[v.pattern.trigger].etype, EventType::Support | EventType::Agree)
                })
        };
        let acts: Vec<usize> = triggers.iter().filter(|t| approved_act(t)).map(|t| t.first).collect();
        // (Not across a comma: "withdrew the bid, accusing Seven & i of …".)
        let comma_between =
            |end: usize, first: usize| end > 0 && text[words[end - 1].span.end..words[first].span.start].contains(',');
        triggers.retain(|t| {
            let reach = if t.pattern.noun { 3 } else { 0 };
            acts.contains(&t.first)
                || !acts.contains(&t.last)
                    && !answered.iter().any(|&end| {
                        t.first >= end
                            && (t.first - end <= reach && (t.pattern.noun || !comma_between(end, t.first))
                                || !t.pattern.noun && modifiers(end, t.first))
                    })
        });
        if triggers.is_empty() {
            continue;
        }
        let mentions: Vec<&Mention> = found.mentions_within(sentence).collect();
        // A trigger inside a name is part of the name: "Iran's Armed Forces",
        // "Federal Bureau of Investigation".
        triggers.retain(|t| !mentions.iter().any(|m| m.span.start <= t.span.start && t.span.end <= m.span.end));
        if triggers.is_empty() {
            continue;
        }
        // Attribution: sources named after "according to", "laut", "told".
        let mut reporters: Vec<usize> = Vec::new();
        let mut reporter_spans: Vec<Span> = Vec::new();
        for mention in &mentions {
            let before = word_index_before(&words, mention.span.start);
            let mut k = before;
            while k > 0 && ["the", "a", "an", "der", "die", "dem", "den", "des"].contains(&lower[k - 1]) {
                k -= 1;
            }
            let preceding = lower[k.saturating_sub(5)..k].join(" ");
            // (Not across a comma: "hatte Baigorri berichtet, Starlink habe …"
            // opens reported speech whose subject Starlink is.)
            let across_comma = k > 0 && text[words[k - 1].span.end..mention.span.start].contains([',', ';', ':']);
            let cue = !across_comma
                && before_source.iter().any(|p| {
                    preceding == *p || preceding.strip_suffix(p.as_str()).is_some_and(|head| head.ends_with(' '))
                });
            // The second of two sources: "Nach Recherchen von NDR und WDR".
            let joined = k > 1
                && ["and", "und", "or", "oder"].contains(&lower[k - 1])
                && reporter_spans.last().is_some_and(|r| r.end == words[k - 2].span.end);
            let cue = cue || joined;
            let rest = text[mention.span.end..].trim_start();
            let after_cue = after_source.iter().any(|w| text::lowercase_starts_with(rest, w));
            // "…, wie das Handelsministerium am Donnerstag mitteilte": a source.
            let wie = lang == Lang::De && k > 0 && lower[k - 1] == "wie" && {
                let rest = &text[mention.span.end..sentence.end];
                let clause = rest.split([',', ';', '.']).next().unwrap_or("").to_lowercase();
                clause.split_whitespace().any(|w| speech.iter().any(|v| v == w))
            };
            if wie {
                if !reporters.contains(&mention.entity) {
                    reporters.push(mention.entity);
                }
                reporter_spans.push(mention.span);
                continue;
            }
            let reporter_type = matches!(
                found.entities[mention.entity].etype,
                EntityType::Company | EntityType::Person | EntityType::Organization
            );
            if (cue || after_cue) && reporter_type {
                if !reporters.contains(&mention.entity) {
                    reporters.push(mention.entity);
                }
                reporter_spans.push(mention.span);
            }
        }
        // A name right before a verb trigger is its subject even where it
        // looked like a modifier ("U.S. blacklists Chinese chipmaker YMTC").
        let before_verb = |m: &Mention| {
            triggers.iter().any(|t| {
                !t.pattern.noun
                    && t.span.start == m.span.end + 1
                    && text.as_bytes()[m.span.end] == b' '
                    && found.entities[m.entity].etype == EntityType::Country
            })
        };
        // A dateline's agency ("WASHINGTON (Reuters) -", "Berlin (dpa) –")
        // reports what the article says.
        for mention in &mentions {
            let before = &text[sentence.start..mention.span.start];
            let after = &text[mention.span.end..];
            let dateline = before.ends_with('(')
                && before.len() < 60
                && (after.starts_with(") -") || after.starts_with(") –") || after.starts_with(") —"));
            if dateline && !reporter_spans.contains(&mention.span) {
                if !dateline_reporters.contains(&mention.entity) {
                    dateline_reporters.push(mention.entity);
                }
                reporter_spans.push(mention.span);
            }
        }
        for r in &dateline_reporters {
            if !reporters.contains(r) {
                reporters.push(*r);
            }
        }
        let mut args: Vec<&Mention> = mentions
            .iter()
            .copied()
            .filter(|m| (!m.modifier || before_verb(m)) && !reporter_spans.contains(&m.span))
            .collect();
        // The body a person's title names is no argument: "hat den früheren
        // Audi-Vorstandschef Rupert Stadler angeklagt", "charged Huawei
        // finance chief Meng Wanzhou".
        let glue = lexicon.words.lowered_lang("function_words", lang);
        let titles = lexicon.words.lang_path("titles", lang);
        let titled: Vec<Span> = args
            .windows(2)
            .filter(|pair| {
                let (body, person) = (pair[0], pair[1]);
                if person.span.start < body.span.end {
                    return false;
                }
                // Only title words stand between: "-Vorstandschef", " Chief
                // Executive ", " finance chief ", not "wurde von", "Ltd. Gina".
                let between = &text[body.span.end..person.span.start];
                let title = between.split_whitespace().all(|w| {
                    let compound = w.starts_with('-');
                    let w = w.trim_start_matches('-');
                    !w.is_empty()
                        && !glue.iter().any(|g| g.eq_ignore_ascii_case(w))
                        && (compound
                            || w.starts_with(char::is_uppercase)
                            || lexicon.words.contains_ignore_ascii_case(&titles, w))
                });
                found.entities[person.entity].etype == EntityType::Person
                    && found.entities[body.entity].etype != EntityType::Person
                    && between.chars().any(char::is_alphabetic)
                    && !between.contains([',', ';', '(', '"', '.', ':'])
                    && title
                    && between.split_whitespace().count() <= 3
            })
            .map(|pair| pair[0].span)
            .collect();
        args.retain(|m| !titled.contains(&m.span));
        // A name in brackets after a person's is the person's party or
        // country ("Christian Lindner (FDP)"): neither acts nor is acted on.
        let annotations: Vec<Span> = args
            .windows(2)
            .filter(|pair| {
                found.entities[pair[0].entity].etype == EntityType::Person
                    && text[pair[0].span.end..pair[1].span.start].trim() == "("
            })
            .map(|pair| pair[1].span)
            .collect();
        args.retain(|m| !annotations.contains(&m.span));
        // Where the sentence proper opens: after a dateline ("Madrid, 5.
        // November 2024 (dpa-AFX) – Im Ringen um …").
        let opening_at = {
            let head = &text[sentence.start..text::floor_boundary(text, (sentence.start + 100).min(sentence.end))];
            [") – ", ") - ", ") — "].iter().filter_map(|d| head.find(d).map(|k| k + d.len())).min().unwrap_or(0)
        };
        let opening = words.iter().position(|w| w.span.start >= sentence.start + opening_at).unwrap_or(0);
        let fronted = lang == Lang::De
            && lower.get(opening).is_some_and(|first| lexicon.words.get("fronting.de").iter().any(|f| f == first));
        // The sentence's dates, found for its first event.
        let mut sentence_dates: Option<Vec<dates::FoundDate>> = None;
        for trigger in &triggers {
            let spec = &lexicon.triggers[trigger.pattern.trigger];
            // (A name joined to a noun is its compound's first part: "die
            // Aixtron-Übernahme".)
            let compound_part = |m: &Mention| {
                trigger.pattern.noun
                    && m.span.start == trigger.span.start
                    && text[m.span.end..].starts_with('-')
                    && matches!(found.entities[m.entity].etype, EntityType::Company | EntityType::Person)
            };
            if args.iter().any(|m| m.span.overlaps(trigger.span) && !compound_part(m)) {
                continue;
            }
            if lang == Lang::De && !trigger.pattern.noun && attributive(&lower, trigger.first, trigger.last) {
                continue;
            }
            // Arguments stay inside the clause: ':' and ';' separate a headline's
            // topic ("Alibaba: US leads investigation") and joined statements.
            let (clause_start, clause_end) = clause_around(sentence.slice(text), trigger.span.start - sentence.start);
            let (clause_start, clause_end) = (sentence.start + clause_start, sentence.start + clause_end);
            let in_clause = |m: &&Mention| m.span.start >= clause_start && m.span.end <= clause_end;
            // A place named after "in"/"im" is where, not whom ("in den USA"),
            // except for events that happen to places (INVEST, ASSAULT, …).
            let takes_places =
                matches!(spec.etype, EventType::Invest | EventType::Assault | EventType::Mobilize | EventType::Consult);
            // "Researchers at Citizen Lab helped", "experts from Mandiant
            // said": the body its people (`members`) work at acts.
            let member_path = lexicon.words.lang_path("members", lang);
            let members_of = |m: &Mention| {
                let k = word_index_before(&words, m.span.start);
                let prev = |n: usize| k.checked_sub(n).map(|i| lower[i]).unwrap_or("");
                let skip = usize::from(["the", "der", "des", "dem"].contains(&prev(1)));
                ["at", "from", "bei", "beim", "am"].contains(&prev(1 + skip))
                    && lexicon.words.contains_lowered(&member_path, prev(2 + skip))
            };
            let locative = |m: &&Mention| {
                // "a stake in Commerzbank": companies and persons are no places
                // (though a guessed name may be one: "seen in the West").
                let entity = &found.entities[m.entity];
                if matches!(entity.etype, EntityType::Company | EntityType::Person) && !entity.weak || members_of(m) {
                    return false;
                }
                let k = word_index_before(&words, m.span.start);
                let prev = |n: usize| k.checked_sub(n).map(|i| lower[i]);
                // (A body after "beim" or "bei" is where a complaint is lodged, not
                // who lodges it: "Man habe beim Obersten Gerichtshof
                // Spaniens Klage eingereicht".)
                // (But one asks "bei" whom one asks: "bei der EZB die
                // Genehmigung beantragt".)
                let bei = if spec.etype == EventType::Request { "beim" } else { "bei" };
                let loc = ["in", "im", "at", "within", "withinside", "inside", "across", "beim", bei];
                loc.contains(&prev(1).unwrap_or(""))
                    || (["the", "den", "der", "dem", "die", "das"].contains(&prev(1).unwrap_or(""))
                        && loc.contains(&prev(2).unwrap_or("")))
            };
            // Places do not act; they are targets only of events that happen to places.
            // (Save a seat of institutions, `kind = "seat"`: "Brussels fined Apple".)
            let seat = |m: &&Mention| {
                let key = &found.entities[m.entity].key;
                key.strip_prefix("lex:")
                    .and_then(|id| lexicon.entry(id))
                    .is_some_and(|e| e.kind.as_deref() == Some("seat"))
            };
            let place = |m: &&Mention| found.entities[m.entity].etype == EntityType::Location && !seat(m);
            let in_clause = |m: &&Mention| in_clause(m) && (takes_places || !locative(m) && !place(m));
            let mut before: Vec<&Mention> =
                args.iter().copied().filter(in_clause).filter(|m| m.span.end <= trigger.span.start).collect();
            // German verb-second after a fronted subordinate clause: "Nur zwei
            // Tage, nachdem Didi … eingesammelt hatte, leitete die CAC eine
            // Überprüfung ein" — the subordinate clause names no subject.
            if lang == Lang::De && !trigger.pattern.noun {
                let lead = text[clause_start..trigger.span.start].trim_end();
                let fronted = lexicon.words.get("clauses.fronted_de");
                let opens = |part: &str| {
                    part.split_whitespace().next().is_some_and(|w| fronted.iter().any(|o| o.eq_ignore_ascii_case(w)))
                };
                if let Some(head) = lead.strip_suffix(',').filter(|head| head.split(',').any(opens)) {
                    let cut = clause_start + head.len();
                    before.retain(|m| m.span.start >= cut);
                }
            }
            let after: Vec<&Mention> =
                args.iter().copied().filter(in_clause).filter(|m| m.span.start >= trigger.span.end).collect();
            // What stands behind a cause is no argument: "sanctions on 500
            // targets over Navalny's death", "in response to", "wegen".
            let cause_path = lexicon.words.lang_path("cause", lang);
            let object_cause_path = lexicon.words.lang_path("cause_after_object", lang);
            // (Nor what a "that" clause after a noun says: `content_nouns`.)
            let content_path = lexicon.words.lang_path("content_nouns", lang);
            let behind_cause = |m: &&Mention| {
                let to = word_index_before(&words, m.span.start);
                let from = trigger.last.min(to);
                // ("gegen" after the cause takes the target up again:
                // "ermittelt wegen des Verdachts der Bilanzfälschung gegen
                // Jooste".)
                let article = usize::from(to > 1 && text::DETERMINERS.contains(&lower[to - 1]));
                let against = to > article && ["gegen", "against"].contains(&lower[to - 1 - article]);
                let cause = any_phrase(lexicon.words.phrases(&cause_path), &lower, from, to)
                    || to > from + 1 && any_phrase(lexicon.words.phrases(&object_cause_path), &lower, from + 1, to);
                !against && cause || any_phrase(lexicon.words.phrases(&content_path), &lower, from, to)
            };
            let mut after: Vec<&Mention> = after.into_iter().filter(|m| !behind_cause(m)).collect();
            // A phrase that closes on a partner's preposition names the
            // partner after it, not in its gap: "discussed TikTok with Xi".
            let partner = lexicon.words.lang("voice.partner", lang);
            let closes_on_partner = trigger.pattern.words.contains(&None)
                && trigger
                    .pattern
                    .words
                    .last()
                    .and_then(Option::as_deref)
                    .is_some_and(|w| partner.iter().any(|p| p == w));
            if closes_on_partner {
                after.retain(|m| m.span.start >= words[trigger.last - 1].span.end);
            }
            // Nor is what stands in a new clause: ", after Washington imposed
            // restrictions", "because" (a relative clause may name the object).
            let cut = clause_cut(text, &words, &lower, trigger.last, clauses, bare);
            if let Some(cut) = cut {
                after.retain(|m| m.span.start < cut);
            }
            // A possessor right before the name it owns is not the object: "a
            // cyber attack on Chancellor Olaf Scholz's Social Democratic Party".
            let owns_next = |m: &Mention| {
                let rest = &text[m.span.end..];
                let mark = ["'s ", "’s "].iter().find(|p| rest.starts_with(*p)).map(|p| p.len());
                // (An adjective is no name it owns: "from Xiaomi's Indian unit".)
                mark.is_some_and(|len| after.iter().any(|n| n.span.start == m.span.end + len && !n.modifier))
            };
            let owners_of_next: Vec<Span> = after.iter().filter(|m| owns_next(m)).map(|m| m.span).collect();
            after.retain(|m| !owners_of_next.contains(&m.span));
            // Nor is the speaker of a statement: "…," said Marta Lindqvist;
            // "…, U.S. Commerce Secretary Wilbur Ross said".
            after.retain(|m| {
                let k = word_index_before(&words, m.span.end);
                let spoken_after = lower.get(k).is_some_and(|w| speech.iter().any(|v| v == w));
                // ("said X" only after the statement: '," said X', not "added X to the list".)
                // (An article may stand between: ", teilte die Behörde mit".)
                let mut j = word_index_before(&words, m.span.start);
                while j >= 3 && text::DETERMINERS.contains(&lower[j - 1]) {
                    j -= 1;
                }
                let spoken_before = j >= 2
                    && speech.iter().any(|v| v == lower[j - 1])
                    && text[words[j - 2].span.end..words[j - 1].span.start].contains([',', '"', '“', '”', '„']);
                !spoken_after && !spoken_before
            });

            // A German phrase with a gap closes its clause: what it encloses is
            // its object, not what follows ("hatte ihren Anteil an X aufgestockt
            // und bei der EZB die Genehmigung beantragt"). Unless the gap holds
            // only the subject of an inverted clause and a "dass" clause says
            // whom the order is for ("Zudem ordnete die Behörde an, dass N26 …").
            if lang == Lang::De && trigger.pattern.words.contains(&None) && trigger.last > trigger.first + 1 {
                let end = words[trigger.last - 1].span.end;
                let enclosed = after.iter().filter(|m| m.span.end <= end).count();
                let content_clause = text[end..].trim_start().strip_prefix(',').is_some_and(|r| {
                    let r = r.trim_start();
                    r.starts_with("dass ") || r.starts_with("dass\u{a0}")
                });
                let only_subject = before.is_empty() && enclosed == 1 && content_clause;
                if !only_subject && after.iter().any(|m| m.span.end <= end) {
                    after.retain(|m| m.span.end <= end);
                }
            }
            // Possessors may be modifiers ("China's probe").
            let owners: Vec<&Mention> =
                mentions.iter().copied().filter(in_clause).filter(|m| m.span.end <= trigger.span.start).collect();
            // A possessor ("Alibaba's cloud unit", "Trump's Commerce Department")
            // determines a noun phrase; it is not the subject of the verb.
            let possessive =
                |m: &&Mention| text[m.span.end..].starts_with("'s") || text[m.span.end..].starts_with("’s");
            // An apposition between the subject and the verb ("Meng, the
            // daughter of Huawei founder Ren Zhengfei, was arrested") names
            // someone else.
            // (Auxiliaries may stand between the closing comma and the verb: ", was arrested".)
            let mut lead = text[clause_start..trigger.span.start].trim_end();
            for _ in 0..3 {
                match lead.rsplit_once(' ') {
                    Some((head, last))
                        if AUXILIARIES.contains(&last.to_lowercase().as_str())
                            || ["was", "were", "is", "are", "has", "have", "had", "been", "being"].contains(&last) =>
                    {
                        lead = head.trim_end()
                    }
                    _ => break,
                }
            }
            // A name alone between the commas is the subject's own name ("China's
            // ambassador to Britain, Liu Xiaoming, criticized").
            // Nor when no name opens it and it ends in a person's name: "their
            // owner, billionaire Oleg Deripaska, agreed".
            // (German may put the auxiliary right after the closing comma and
            // its objects before the participle: "FinCEN, eine Behörde des
            // US-Finanzministeriums, hatte der Bank Geldwäsche vorgeworfen".)
            let mut apposition_end = trigger.span.start;
            if lang == Lang::De && !lead.ends_with(',') {
                // (An apposition opens with an article and ends in a noun; a
                // relative clause ends in its verb: "WhatsApp, das zum
                // Meta-Konzern gehört, hatte NSO verklagt".)
                let comma_aux = lead.match_indices(", ").find(|&(k, _)| {
                    let next = lead[k + 2..].split(' ').next().unwrap_or("");
                    let inner = lead[..k].rsplit_once(", ").map(|(_, inner)| inner).unwrap_or("");
                    let opens = inner.split(' ').next().is_some_and(|w| text::DETERMINERS.contains(&w));
                    let closes = inner.rsplit(' ').next().is_some_and(text::is_capitalized);
                    AUXILIARIES.contains(&next.to_lowercase().as_str()) && opens && closes
                });
                if let Some((k, _)) = comma_aux {
                    lead = &lead[..k + 1];
                    apposition_end = clause_start + k + 2;
                }
            }
            let apposition = lead.strip_suffix(',').and_then(|l| {
                let p = l.rfind(',')?;
                let inner = l[p + 1..].trim();
                let only_a_name = args.iter().any(|m| m.span.slice(text) == inner);
                let named_before = args.iter().any(|m| m.span.end == clause_start + p);
                let ends_in_person = args.iter().any(|m| {
                    m.span.end == clause_start + l.len() && found.entities[m.entity].etype == EntityType::Person
                });
                let names_subject = only_a_name || !named_before && ends_in_person;
                (!names_subject).then(|| Span::new(clause_start + p, apposition_end))
            });
            // A name after a preposition is not the subject ("flew home to China
            // after reaching an agreement", "mit der Cosco-Tochter").
            // The preposition a name stands after: right before it, before its
            // article, or before an article, adjectives and the noun the name
            // stands beside ("um den niederländischen Chiphersteller Nexperia").
            let preposition_before = |m: &Mention| -> Option<usize> {
                let k = word_index_before(&words, m.span.start);
                let prev = |n: usize| k.checked_sub(n).map(|i| lower[i]).unwrap_or("");
                let prepositions = [
                    "to", "from", "with", "for", "against", "into", "on", "over", "nach", "aus", "mit", "für", "gegen",
                    "zu", "zur", "zum", "an", "auf", "über", "um", "von", "vom", "laut", "wegen", "vor",
                ];
                let article = |w: &str| {
                    [
                        "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einem", "einer",
                        "eines",
                    ]
                    .contains(&w)
                };
                if members_of(m) {
                    return None;
                }
                // (Not across a comma: "kündigte an, Seoul werde" ends a
                // separable verb with its particle.)
                let across_comma = k > 0 && text[words[k - 1].span.end..m.span.start].contains(',');
                if prepositions.contains(&prev(1)) && !across_comma {
                    return Some(k - 1);
                }
                // A German genitive after a noun in a phrase: "Laut einem
                // Bericht der Financial Times".
                if lang == Lang::De
                    && ["der", "des"].contains(&prev(1))
                    && k >= 4
                    && words[k - 2].text(text).starts_with(char::is_uppercase)
                    && article(prev(3))
                    && prepositions.contains(&prev(4))
                {
                    return Some(k - 4);
                }
                if article(prev(1)) && prepositions.contains(&prev(2)) {
                    return Some(k - 2);
                }
                (2..=4)
                    .find(|&n| {
                        k > n
                            && article(prev(n))
                            && prepositions.contains(&prev(n + 1))
                            && (k - n + 1..k).all(|i| {
                                let w = words[i].text(text);
                                let noun = i + 1 == k;
                                w.chars().all(|c| c.is_alphabetic() || c == '-')
                                    && (noun || w.starts_with(char::is_lowercase) || lang == Lang::En)
                            })
                            && !text[words[k - n].span.start..m.span.start].contains([',', ';', ':', '(', '"'])
                    })
                    .map(|n| k - n - 1)
            };
            // (Except the subject of a "for … to" infinitive: "called for the
            // government to block it" is the government's block.)
            let for_to = |m: &&Mention, j: usize| {
                lang == Lang::En
                    && lower[j] == "for"
                    && trigger.first > 0
                    && lower[trigger.first - 1] == "to"
                    && text[m.span.end..words[trigger.first - 1].span.start].trim().is_empty()
            };
            let after_preposition = |m: &&Mention| preposition_before(m).is_some_and(|j| !for_to(m, j));
            // A name in brackets after another annotates it: "Christian
            // Lindner (FDP)" names his party, not the subject.
            let bracketed = |m: &&Mention| {
                text[..m.span.start]
                    .strip_suffix('(')
                    .map(str::trim_end)
                    .is_some_and(|lead| lead.len() < m.span.start && before.iter().any(|o| o.span.end == lead.len()))
            };
            // A name inside a relative clause closed before the verb is not
            // its subject: "The ED, which comes under India's finance
            // ministry, first raided 48 locations".
            let in_relative = |m: &&Mention| {
                let lead = &text[clause_start.max(sentence.start)..m.span.start];
                lang == Lang::En
                    && [", which ", ", who ", ", whose "].iter().any(|r| lead.contains(r))
                    && text[m.span.end..trigger.span.start].contains(',')
                    && !text[m.span.end..trigger.span.start].contains(", which ")
            };
            // A person's party or body after "of" is the person's, not the
            // subject: "Opposition leader Rahul Gandhi of the Congress party
            // demanded".
            let of_person = |m: &&Mention| {
                let lead = text[..m.span.start].trim_end();
                let lead = lead.strip_suffix(" the").unwrap_or(lead);
                lead.strip_suffix(" of").is_some_and(|l| {
                    before.iter().any(|p| {
                        p.span.end == l.trim_end().len() && found.entities[p.entity].etype == EntityType::Person
                    })
                })
            };
            let subjects: Vec<&Mention> = before
                .iter()
                .copied()
                .filter(|m| {
                    !possessive(m)
                        && !of_person(m)
                        && !in_relative(m)
                        && !place(m)
                        && !apposition.is_some_and(|a| a.contains(m.span))
                        && !after_preposition(m)
                        && !bracketed(m)
                })
                .collect();
            // German verb-second: a sentence that opens with an adverbial
            // holds no subject before its verb ("Im Ringen um den
            // Zughersteller Talgo zieht das Konsortium Ganz-MaVag vor Gericht").
            // (Only after a preposition: "Auch Außenministerin Baerbock warnte"
            // opens with an adverb and the subject.)
            let opens_with_preposition =
                lexicon.words.get("fronting.de_prepositions").iter().any(|p| p == lower[opening]);
            // (The trigger is the finite verb: no auxiliary before it, "Laut
            // einem Bericht hatte die US-Regierung Südkorea gebeten".)
            let lead = &text[words[opening].span.start.min(trigger.span.start)..trigger.span.start];
            let verb_second = fronted
                && opens_with_preposition
                && !trigger.pattern.noun
                && !after.is_empty()
                && !lead.contains([',', ':', ';'])
                && !lead.contains(". ")
                && !lower[opening.min(trigger.first)..trigger.first].iter().any(|w| AUXILIARIES.contains(w));
            let subjects = if verb_second { Vec::new() } else { subjects };
            let headline = headline_sentence == Some(sentence_idx);
            let passive = is_passive(lang, &words, text, &lower, trigger, lexicon, headline);
            // A verb pattern used as a noun is one: "a 619 million euro
            // takeover bid for Talgo by Ganz-MaVag" (after an article or a
            // trigger noun).
            let noun = trigger.pattern.noun
                || lang == Lang::En
                    && !passive
                    && trigger.first > 0
                    && !text[words[trigger.first - 1].span.end..trigger.span.start].contains(',')
                    && (text::DETERMINERS.contains(&lower[trigger.first - 1])
                        && !relative_verb_at(&words, text, &lower, trigger.first)
                        // ("Broadcom's $117 billion hostile bid for Qualcomm".)
                        || text::strip_possessive(words[trigger.first - 1].text(text)).len()
                            < words[trigger.first - 1].text(text).len()
                        || lexicon.words.contains_lowered("nominal.premodifiers_en", lower[trigger.first - 1])
                        || noun_trigger_at(lexicon, lang, text, &words, &lower, trigger.first - 1, &mut noun_scratch)
                            .is_some());
            let mut by_agent = by_phrase_mention(text, lang, &words, &lower, trigger, &args, lexicon, passive);
            // A passive joined to one before it shares its agent: "were
            // arrested by the FBI and charged with …".
            if lang == Lang::En && passive && by_agent.is_empty() {
                if let Some(Some(by)) = coordinated_passive(&words, text, &lower, trigger.first, lexicon) {
                    let (from, to) = (words[by].span.end, words[trigger.first - 1].span.start);
                    by_agent.extend(args.iter().find(|m| m.span.start >= from && m.span.end <= to && !m.modifier));
                }
            }
            if lang == Lang::De && trigger.pattern.noun && by_agent.is_empty() {
                by_agent.extend(subjective_genitive(text, &words, &lower, trigger, &args, found, lexicon));
            }
            // A country adjective right before (or inside) a noun trigger is its
            // agent: "des russischen Angriffs", "US-Sanktionen", "the Chinese probe".
            // (A country's possessive before a common noun stands so too:
            // "sanctions on Turkey's justice and interior ministers".)
            let possessive = |m: &Mention| {
                ["'s ", "’s "].iter().any(|p| {
                    text[m.span.end..].strip_prefix(p).is_some_and(|rest| rest.starts_with(char::is_lowercase))
                })
            };
            let adjectives: Vec<&Mention> = mentions
                .iter()
                .copied()
                .filter(|m| {
                    (m.anaphoric || lang == Lang::En && possessive(m))
                        && m.modifier
                        && found.entities[m.entity].etype == EntityType::Country
                })
                .collect();
            let attached_adjective = adjectives.iter().find(|m| {
                trigger.pattern.noun
                    && (trigger.span.contains(m.span)
                        || (m.span.end <= trigger.span.start
                            && words_between(&words, m.span.end, trigger.span.start) == 0))
            });
            // A participle right after a noun, with no auxiliary, modifies it:
            // "three companies accused of supplying Iran", "officers charged
            // with obstruction". Its target is a name right before it, its
            // agent only a by-phrase.
            let reduced = lang == Lang::En
                && !passive
                && !trigger.pattern.noun
                && trigger.last == trigger.first + 1
                && trigger.first > 0
                && lower[trigger.first].ends_with("ed")
                && lower.get(trigger.last).is_some_and(|w| ["of", "with", "from", "by"].contains(w))
                && !["has", "have", "had", "and", "or", "but", "who", "which", "that"]
                    .contains(&lower[trigger.first - 1]);
            let (agent, target): (Vec<usize>, Vec<usize>) = if spec.reported {
                // "The Commission said Apple had abused its dominant position":
                // who reports the wrong accuses who did it; unreported, the
                // wrong is no accusation.
                let reporting = lexicon.words.lowered_lang("reported", lang);
                let verb = (0..trigger.first).rev().find(|&k| {
                    words[k].span.start >= clause_start
                        && (speech.iter().any(|v| v == lower[k]) || reporting.iter().any(|v| v == lower[k]))
                });
                let Some(verb) = verb else { continue };
                let said_at = words[verb].span.start;
                let mut wrongdoer =
                    subjects.iter().rev().find(|m| m.span.start >= words[verb].span.end).map(|m| vec![m.entity]);
                // (All of a coordinated reporter: "Brazil and Colombia said …".)
                let reporter =
                    subjects.iter().rev().find(|m| m.span.end <= said_at).map(|m| list_around(text, &subjects, m));
                // "it" did the wrong: whom the reporter told ("told Ericsson
                // that it had breached the deal"), else the body named before
                // the reporter ("Ericsson agreed to plead guilty after the
                // Justice Department found that it had violated").
                let mut k = trigger.first;
                while k > 0 && ["had", "has", "have", "was", "were", "is", "also", "then"].contains(&lower[k - 1]) {
                    k -= 1;
                }
                if lang == Lang::En && k > verb + 1 && ["it", "they"].contains(&lower[k - 1]) {
                    let told = mentions.iter().find(|m| {
                        m.span.start > words[verb].span.end
                            && words_between(&words, words[verb].span.end, m.span.start) == 0
                            && text[m.span.end..].trim_start().starts_with("that ")
                    });
                    let before = || {
                        mentions.iter().rev().find(|m| {
                            m.span.end <= said_at
                                && m.sentence == sentence_idx
                                && !m.modifier
                                && reporter.as_ref().is_some_and(|r| !r.contains(&m.entity))
                                && matches!(
                                    found.entities[m.entity].etype,
                                    EntityType::Company | EntityType::Organization
                                )
                        })
                    };
                    if let Some(m) = told.or_else(before) {
                        wrongdoer = Some(vec![m.entity]);
                    }
                }
                match (reporter, wrongdoer) {
                    (Some(reporter), Some(wrongdoer)) => (reporter, wrongdoer),
                    _ => continue,
                }
            } else if spec.agentless {
                let subject = if fronted { after.first() } else { before.last() }.map(|m| m.entity);
                (subject.into_iter().collect(), Vec::new())
            } else if reduced {
                let agent: Vec<usize> = by_agent.iter().map(|m| m.entity).collect();
                let target = before
                    .last()
                    .filter(|m| words_between(&words, m.span.end, trigger.span.start) == 0)
                    .map(|m| vec![m.entity]);
                (agent, target.unwrap_or_default())
            } else if passive {
                let agent: Vec<usize> = by_agent.iter().map(|m| m.entity).collect();
                // "Ross said the restrictions would be lifted": the speaker is
                // not what the passive verb is done to.
                let speaker = |m: &&&Mention| {
                    let k = word_index_before(&words, m.span.end);
                    lower.get(k).is_some_and(|w| speech.iter().any(|v| v == w))
                };
                // A genitive attribute names the subject's owner, not the
                // subject: "Das Rechenzentrum der Alibaba Group wurde eröffnet".
                let genitive = |m: &&&Mention| {
                    let k = word_index_before(&words, m.span.start);
                    lang == Lang::De
                        && k >= 2
                        && ["der", "des"].contains(&lower[k - 1])
                        && words[k - 2].text(text).starts_with(char::is_uppercase)
                };
                // The subject stands before the auxiliary, however far that is
                // ("Nexperia … was spun off from NXP … and acquired by").
                let aux_path = lexicon.words.lang_path("voice.passive_aux", lang);
                let aux_words = lexicon.words.get(&aux_path);
                let aux_at = (lang == Lang::En)
                    .then(|| {
                        (0..trigger.first)
                            .rev()
                            .take_while(|&k| words[k].span.start >= clause_start)
                            .find(|&k| aux_words.iter().any(|a| a == lower[k]))
                    })
                    .flatten()
                    .filter(|&k| k + 3 < trigger.first)
                    .map(|k| words[k].span.start);
                // A coordinated clause has a subject of its own: "…, and access
                // to Twitter was restricted" is not about the name before.
                let coordinated_at = (lang == Lang::En)
                    .then(|| {
                        [", and ", ", but "]
                            .iter()
                            .filter_map(|c| text[clause_start..trigger.span.start].rfind(c))
                            .max()
                            .map(|k| clause_start + k)
                    })
                    .flatten();
                let own_clause = |m: &&&Mention| coordinated_at.is_none_or(|at| m.span.start > at);
                let target = subjects
                    .iter()
                    .rev()
                    .filter(own_clause)
                    .filter(|m| aux_at.is_none_or(|at| m.span.end <= at))
                    .filter(|m| !speaker(m) && !genitive(m))
                    .find(|m| !by_agent.iter().any(|b| b.span == m.span))
                    .map(|m| list_around(text, &subjects, m));
                // Or what the subject's head is of: "access to Twitter was
                // restricted", "the assets of Gazprom were frozen".
                let target = target.or_else(|| {
                    (lang == Lang::En)
                        .then(|| {
                            before
                                .iter()
                                .find(|m| {
                                    own_clause(m)
                                        && preposition_before(m).is_some_and(|p| ["to", "of"].contains(&lower[p]))
                                        && aux_at.is_none_or(|at| m.span.end <= at)
                                })
                                .map(|m| vec![m.entity])
                        })
                        .flatten()
                });
                // "Gegen Huawei wird ermittelt": what the passive is aimed at.
                let against = || {
                    before
                        .iter()
                        .rev()
                        .find(|m| lang == Lang::De && preposition_before(m).is_some_and(|p| lower[p] == "gegen"))
                };
                let target = target.or_else(|| against().map(|m| list_around(text, &before, m)));
                // A participle phrase that opens the sentence describes the
                // subject after its comma: "Founded in 2023 by Liang Wenfeng
                // and backed by his hedge fund High-Flyer, DeepSeek rattled …".
                let opening_participle = lang == Lang::En
                    && !trigger.pattern.noun
                    && (lower[opening].ends_with("ed")
                        || lexicon.words.get("voice.irregular_participles_en").iter().any(|w| w == lower[opening]))
                    && !text[words[opening].span.start..trigger.span.start].contains(',');
                let target = if opening_participle {
                    let comma = text[trigger.span.end..sentence.end].find(',').map(|k| trigger.span.end + k);
                    comma
                        .and_then(|c| {
                            after.iter().find(|m| m.span.start > c && words_between(&words, c, m.span.start) <= 1)
                        })
                        .map(|m| vec![m.entity])
                } else {
                    target
                };
                // What an investment opens or builds is its owner's: the
                // owner is the agent ("… der Alibaba Group wurde in den USA
                // eröffnet").
                let owner = (agent.is_empty() && spec.etype == EventType::Invest)
                    .then(|| subjects.iter().rev().find(|m| genitive(m)).map(|m| m.entity))
                    .flatten();
                let agent = if let Some(owner) = owner { vec![owner] } else { agent };
                // "Braun was arrested, Munich prosecutors said": police,
                // prosecutors or a court that report a coercion, sanction or
                // charge with no agent named did it.
                let agent = if agent.is_empty()
                    && matches!(spec.etype, EventType::Coerce | EventType::Sanction | EventType::Accuse)
                {
                    speaking_authority(text, &words, &lower, &mentions, found, speech).map_or(agent, |m| vec![m])
                } else {
                    agent
                };
                (agent, target.unwrap_or_default())
            } else if let Some(pair) = (noun && spec.etype == EventType::Sanction && lang == Lang::En)
                .then(|| paid_penalty(text, &words, &lower, trigger, &before, &after, &args, found, lexicon))
                .flatten()
            {
                pair
            } else if let Some(pair) = noun
                .then(|| {
                    genitive_agent(text, &words, &lower, trigger, &after, |m| {
                        spec.etype == EventType::Sanction
                            && matches!(
                                found.entities[m.entity].etype,
                                EntityType::Agency | EntityType::Country | EntityType::Organization
                            )
                    })
                })
                .flatten()
            {
                pair
            } else if noun {
                // The target follows a preposition or genitive article right
                // after the noun ("investigation into X", "curbs on dozens of
                // companies such as X", "Untersuchung des … von X").
                let prepositions = lexicon.words.lang("nominal.prepositions", lang);
                let preposition = |k: usize| lower.get(k).is_some_and(|w| prepositions.iter().any(|p| p == w));
                // German may put an adverb between: "richten sich die
                // Strafmaßnahmen zudem gegen" (lower case: no noun).
                let adverb_between = lang == Lang::De
                    && words.get(trigger.last).is_some_and(|w| {
                        // An adverb, not a preposition: "Investitionen in der Volksrepublik".
                        let prepositions_de = [
                            "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zur",
                            "zum", "für", "über", "unter", "gegen", "durch", "um", "ohne", "vor", "seit", "wegen",
                        ];
                        w.text(text).starts_with(char::is_lowercase) && !prepositions_de.contains(&lower[trigger.last])
                    })
                    && !text[trigger.span.end..words[trigger.last].span.start].contains([',', ';', ':'])
                    && preposition(trigger.last + 1)
                    && !["des", "der"].contains(&lower[trigger.last + 1]);
                // (Or the pattern ends in one: "Verfahren gegen", "charges
                // against"; or a time stands between: "an investigation in
                // December into".)
                let time_between = lang == Lang::En
                    && lower.get(trigger.last).is_some_and(|w| ["in", "on", "last", "this", "earlier"].contains(w))
                    && lower.get(trigger.last + 1).is_some_and(|w| crate::dates::is_time_word(w))
                    && preposition(trigger.last + 2);
                let opens =
                    preposition(trigger.last) || adverb_between || preposition(trigger.last - 1) || time_between;
                let target = after
                    .first()
                    .filter(|m| opens && words_between(&words, trigger.span.end, m.span.start) <= 10)
                    .map(|m| list_from(text, &after, m));
                // A takeover a regulator blocks is not the regulator's: "hat die
                // geplante Fusion von Siemens und Alstom untersagt", "blocked
                // the acquisition of X by Y". Its parties are the names it lists.
                let blocked = spec.etype == EventType::Acquire
                    && triggers.iter().any(|v| {
                        let vtype = lexicon.triggers[v.pattern.trigger].etype;
                        !v.pattern.noun
                            && matches!(vtype, EventType::Sanction | EventType::Reject)
                            && (v.last <= trigger.first && trigger.first - v.last <= 3
                                || lang == Lang::De
                                    && v.first >= trigger.last
                                    && v.first - trigger.last <= 10
                                    && !text[trigger.span.end..v.span.start].contains([',', ';', ':']))
                    });
                let agent: Vec<usize> = if let Some(by) = by_agent.first() {
                    // ("allegations by the Justice Department and the SEC": all listed.)
                    if after.iter().any(|m| m.span == by.span) {
                        list_from(text, &after, by)
                    } else {
                        vec![by.entity]
                    }
                } else if let Some(adjective) = attached_adjective {
                    vec![adjective.entity]
                } else if let Some(owner) = possessor(&words, &lower, trigger, &owners, lexicon) {
                    vec![owner.entity]
                } else if let Some(owner) =
                    (lang == Lang::En && pronoun_owns(lexicon, &lower, trigger.first)).then(|| before.last()).flatten()
                {
                    // "sanctions on Russia over its invasion of Ukraine": the
                    // pronoun's owner is the name right before it.
                    vec![owner.entity]
                } else if blocked {
                    // (Named by the subject of the verb that blocks it only.)
                    Vec::new()
                } else if spec.subject_agent {
                    if fronted { after.first() } else { before.last() }.map(|m| vec![m.entity]).unwrap_or_default()
                } else {
                    nominal_agent(text, lang, &words, &lower, trigger, &subjects, lexicon)
                        .map(|m| vec![m.entity])
                        .unwrap_or_default()
                };
                // The subject resolves or faces the charges: "Ericsson agreed
                // to pay … to resolve allegations by the Justice Department".
                let accused = (lang == Lang::En
                    && spec.etype == EventType::Accuse
                    && target.as_ref().is_none_or(|t| t.iter().all(|e| agent.contains(e)))
                    && (trigger.first.saturating_sub(2)..trigger.first)
                        .any(|k| lexicon.words.contains_lowered("nominal.accused_verbs_en", lower[k])))
                .then(|| subjects.first().map(|m| m.entity))
                .flatten()
                .filter(|s| !agent.contains(s));
                let target = accused.map(|s| vec![s]).or(target);
                // A takeover whose only party after the noun is its buyer is
                // the subject's: "Kuka faces a takeover by Midea", "Kuka
                // steht vor der Übernahme durch Midea".
                let taken = (spec.etype == EventType::Acquire
                    && !by_agent.is_empty()
                    && target.as_ref().is_none_or(|t| t.iter().all(|e| agent.contains(e))))
                .then(|| subjects.last().or(before.last()).map(|m| m.entity))
                .flatten()
                .filter(|s| !agent.contains(s));
                let target = taken.map(|s| vec![s]).or(target);
                let (agent, target) = match target {
                    Some(parties) if blocked && agent.is_empty() && parties.len() >= 2 => {
                        (vec![parties[0]], parties[1..].to_vec())
                    }
                    target => (agent, target.unwrap_or_default()),
                };
                (agent, target)
            } else if lang == Lang::De && subjects.is_empty() && !after.is_empty() {
                // German verb-second: with an adverbial in front ("Zugleich
                // setzte das Ministerium X auf die Liste"), the subject follows the verb;
                // a noun phrase in front is the subject, though no name ("Die
                // Ermittler werfen zwei Managern des Unternehmens Betrug vor").
                let first = words.iter().position(|w| w.span.start >= clause_start).unwrap_or(trigger.first);
                // (Or a country's adjective and a noun: "Ungarischer Bieter klagt gegen …".)
                let adjective_first = first + 2 == trigger.first
                    && mentions.iter().any(|m| m.modifier && m.anaphoric && m.span == words[first].span)
                    && !mentions.iter().any(|m| m.span.overlaps(words[first + 1].span));
                let unnamed_subject = (first + 1 < trigger.first
                    && (["der", "die", "das", "ein", "eine"].contains(&lower[first]) || adjective_first)
                    || first + 1 == trigger.first && ["sie", "er", "es", "wir", "man"].contains(&lower[first]))
                    && !text[words[first].span.start..trigger.span.start].contains(',');
                // An object pronoun goes before the subject: "lieferte ihn
                // die Schweiz an Deutschland aus".
                let object_pronoun = after.len() > 1
                    && after[0].anaphoric
                    && lexicon
                        .words
                        .contains_lowered("anaphora.object_person_de", &after[0].span.slice(text).to_lowercase());
                let subject_at = usize::from(object_pronoun);
                let agent = if unnamed_subject { Vec::new() } else { inverted_subjects(text, &after[subject_at..]) };
                // (The subject's acronym in brackets is the subject still:
                // "nahm die Staatliche Verwaltung für Marktregulierung (SAMR)
                // Google ins Visier".)
                let rest: Vec<&Mention> = if unnamed_subject {
                    after.clone()
                } else {
                    after.iter().copied().filter(|m| !agent.contains(&m.entity)).collect()
                };
                let target = rest.first().map(|m| list_from(text, &rest, m)).unwrap_or_default();
                // A fronted "gegen" phrase names the target: "Gegen Volkswagen
                // ermittelt die Staatsanwaltschaft Braunschweig".
                let against = verb_second && lower[opening] == "gegen" && target.is_empty();
                let target = match before.first() {
                    Some(first) if against => list_from(text, &before, first),
                    _ => target,
                };
                (agent, target)
            } else if let Some((agent, target)) = (lang == Lang::De && after.is_empty())
                .then(|| zu_infinitive_arguments(text, &words, &lower, &subjects, trigger, lexicon))
                .flatten()
            {
                // "Das Kabinett beschloss, Südkorea von der Liste zu
                // streichen": the main clause's subject acts on the names of
                // the infinitive's clause.
                (agent, target)
            } else if let Some(object) = (lang == Lang::De
                && after.is_empty()
                && subjects.len() == 1
                && clause_final(&words, text, &lower, trigger))
            .then(|| object_after_unnamed_subject(&words, &lower, &mentions, clause_start, trigger, subjects[0]))
            .flatten()
            {
                // "Die Polizei hat Markus Braun festgenommen": the subject is
                // no name, the name after the auxiliary the object.
                (Vec::new(), vec![object])
            } else if let Some(subject) = (lang == Lang::De && !passive && after.is_empty())
                .then(|| clause_on_clause_subject(text, &before, sentence.start, trigger))
                .flatten()
            {
                // "…, was Bamako bestreitet": "was" stands for the clause
                // before; the name after it is the subject.
                (vec![subject], Vec::new())
            } else if let Some((agent, target)) =
                (lang == Lang::De && !passive && after.is_empty() && clause_final(&words, text, &lower, trigger))
                    .then(|| {
                        relative_clause_arguments(text, &before, &subjects, clause_start, trigger, |e| {
                            matches!(found.entities[e].etype, EntityType::Agency | EntityType::Country)
                        })
                    })
                    .flatten()
            {
                // "die Staatsanwaltschaft, die gegen Stadler ermittelt", "…,
                // deren Ermittler Stadler festnehmen ließen": the relative
                // pronoun stands for the name before its comma, the subject.
                (agent, target)
            } else if let Some((subject, object)) = (lang == Lang::De
                // (Names after a comma leave a participle clause-final: "hatte
                // der Bank Geldwäsche vorgeworfen und vorgeschlagen, sie …".)
                && (after.is_empty()
                    || german_participle(words[trigger.last - 1].text(text))
                        && after.iter().all(|m| text[trigger.span.end..m.span.start].contains([',', ';'])))
                && clause_final(&words, text, &lower, trigger))
            .then(|| {
                // (What an apposition names is neither: "FinCEN, eine
                // Behörde des US-Finanzministeriums, hatte der Bank …".)
                let unapposed: Vec<&Mention> =
                    before.iter().copied().filter(|m| !apposition.is_some_and(|a| a.contains(m.span))).collect();
                verb_final_arguments(text, &subjects, &unapposed, clause_start, trigger, speech, |e| {
                    found.entities[e].etype == EntityType::Person
                })
            })
            .flatten()
            {
                // Verb-final clause ("China hat Lockheed Martin und Raytheon …
                // auf die Liste gesetzt", "…, das die HHLA mit Cosco vereinbart
                // hatte", "Die EU hat Sanktionen gegen Russland verhängt"):
                // within the subordinate clause, the subject first, then the object.
                // Coordinated verbs share the subject, not the objects: "hatte ihren
                // Anteil an X aufgestockt und bei der EZB die Genehmigung beantragt".
                let coordinated = words[..trigger.first]
                    .iter()
                    .enumerate()
                    .rev()
                    .take_while(|(_, w)| w.span.start > subject.span.end)
                    .find(|(k, w)| {
                        matches!(w.text(text), "und" | "oder")
                            && *k > 0
                            && words[k - 1].text(text).starts_with(char::is_lowercase)
                    })
                    .map(|(_, w)| w.span.end);
                let mut object = object;
                if let Some(from) = coordinated {
                    if object.iter().any(|m| m.span.start > from) {
                        object.retain(|m| m.span.start > from);
                    }
                }
                // (Subjects joined by a conjunction act together: "hatten der
                // BND und das Bundesamt für Verfassungsschutz Bedenken geäußert".)
                let named: Vec<&Mention> = std::iter::once(subject).chain(object.iter().copied()).collect();
                let agent = inverted_subjects(text, &named);
                object.retain(|m| !agent.contains(&m.entity));
                let target = object.first().map(|first| list_from(text, &object, first)).unwrap_or_default();
                (agent, target)
            } else if trigger.first > 0
                && (["and", "und", "but", "aber", "sowie"].contains(&lower[trigger.first - 1])
                    || lang == Lang::En
                        && trigger.first > 1
                        && ["has", "have", "had", "also"].contains(&lower[trigger.first - 1])
                        && ["and", "but"].contains(&lower[trigger.first - 2])
                    || lang == Lang::En
                        && lower[trigger.first].ends_with("ing")
                        && text[..words[trigger.first].span.start].ends_with(", ")
                    || pronoun_subject(lang, &lower, trigger.first, |w| speech.iter().any(|v| v == w))
                        && subjects.len() > 1
                        && !text[subjects[0].span.end..trigger.span.start].contains(", which")
                        && !text[subjects[0].span.end..trigger.span.start].contains(", who"))
            {
                // (So does a pronoun: "China's commerce ministry said it opposed
                // them, accused Japan of abusing export controls and warned it
                // would take resolute measures".)
                // "SMIC said it had no ties to the military and denied the
                // allegations": a coordinated verb shares the sentence subject,
                // as does a participle ("UniCredit acquired a stake in
                // Commerzbank, buying part of the government's holding").
                // (Not a name quoted before the speaker: '"… the European
                // Commission unfairly targeting Apple …," the company said,
                // accusing Brussels of …'.)
                let quoted = |m: &&&Mention| {
                    let lead = &text[sentence.start..m.span.start];
                    lead.matches('"').count() % 2 == 1 || lead.rfind('“') > lead.rfind('”')
                };
                // The speaker of a quote is no argument, but the participle
                // after its "said" is the speaker's act.
                let speaker = mentions.iter().rev().find(|m| {
                    m.span.end <= trigger.span.start && !quoted(m) && {
                        let between = text[m.span.end..trigger.span.start].trim().trim_end_matches(',').trim();
                        speech.iter().any(|v| v == &between.to_lowercase())
                    }
                });
                // A verb coordinated inside a subordinate clause shares that
                // clause's subject: "Mexico suspended relations with Ecuador
                // after Ecuadorean police forced their way into the embassy
                // and arrested Glas" (the police arrested him). The clause
                // opens with its subject, a verb follows it, and no comma
                // closes it before the conjunction ("two days after the
                // company raised $4.4 billion, and barred it").
                let subordinate = (lang == Lang::En && ["and", "but"].contains(&lower[trigger.first - 1]))
                    .then(|| (0..trigger.first - 1).rev().find(|&k| bare.iter().any(|b| b == lower[k])))
                    .flatten()
                    .and_then(|b| {
                        let m = subjects.iter().find(|m| m.span.start > words[b].span.end)?;
                        let next = words.iter().position(|w| w.span.start >= m.span.end)?;
                        let verb = next < trigger.first - 1
                            && !text[words[b].span.end..trigger.span.start].contains([',', ';', '('])
                            && words_between(&words, words[b].span.end, m.span.start) <= 1
                            && (events
                                .iter()
                                .any(|e| e.sentence == sentence_idx && e.trigger.start == words[next].span.start)
                                || lower[next].ends_with("ed") && words[next].text(text) == lower[next]);
                        verb.then_some(*m)
                    });
                let agent = subordinate
                    .or_else(|| subjects.iter().find(|m| !quoted(m)).copied())
                    .or(speaker.copied())
                    .or(subjects.first().copied())
                    .map(|m| vec![m.entity])
                    .unwrap_or_default();
                // A participle after a sentence whose event names no agent
                // has none either: "A coalition of 474 civil society
                // organisations has filed a complaint against Norway's
                // Telenor, accusing the telecoms group of …".
                let participle = lang == Lang::En
                    && lower[trigger.first].ends_with("ing")
                    && text[..words[trigger.first].span.start].ends_with(", ");
                let main = events
                    .iter()
                    .rev()
                    .find(|e| participle && e.sentence == sentence_idx && e.trigger.end <= trigger.span.start);
                let agent = if main.is_some_and(|e| e.agent.is_empty()) { Vec::new() } else { agent };
                let target = after.first().map(|m| list_from(text, &after, m)).unwrap_or_default();
                (agent, target)
            } else if let Some(aux) = (lang == Lang::De && !trigger.pattern.words.contains(&None))
                .then(|| {
                    let from = clause_start_word(&words, text, trigger.first);
                    (from..trigger.first)
                        .find(|&k| AUXILIARIES.contains(&lower[k]) && words[k].span.start >= clause_start)
                })
                .flatten()
                .filter(|&a| subjects.iter().any(|m| m.span.start > words[a].span.end))
            {
                // A German participle after its auxiliary and objects: the
                // subject stands before the auxiliary or, after a fronted
                // adverbial, right after it ("Im Juni hatte die Kommission
                // der Alibaba-Tochter AliExpress einen Verstoß vorgeworfen").
                let at = words[aux].span.start;
                let clause_from = words[clause_start_word(&words, text, trigger.first)].span.start;
                let subject = subjects
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= at && m.span.start >= clause_from)
                    .or_else(|| subjects.iter().find(|m| m.span.start > at));
                // (All of a coordinated subject: "Die USA, Großbritannien und
                // Kanada hatten … Sanktionen … verhängt".)
                let agent: Vec<usize> = subject.map(|m| list_around(text, &subjects, m)).unwrap_or_default();
                let objects: Vec<&Mention> = before
                    .iter()
                    .copied()
                    .filter(|m| m.span.start > at && !agent.contains(&m.entity) && !possessive(m))
                    .chain(after.iter().copied())
                    .collect();
                let target = objects.first().map(|m| list_from(text, &objects, m)).unwrap_or_default();
                (agent, target)
            } else {
                let agent = subjects.last().map(|m| list_around(text, &subjects, m)).unwrap_or_default();
                let target = after.first().map(|m| list_from(text, &after, m)).unwrap_or_default();
                (agent, target)
            };
            let mut agent = agent;
            // A gerund after "of", "from", "for" is done by whom the phrase is
            // about, not by the sentence's subject: "sanctions on companies
            // accused of supplying Iran", "banned from buying".
            let gerund = lang == Lang::En
                && !trigger.pattern.noun
                && trigger.first > 0
                && lower[trigger.first].ends_with("ing")
                && ["of", "from", "for"].contains(&lower[trigger.first - 1]);
            if gerund && by_agent.is_empty() {
                agent.clear();
            }
            // A verb right after "that" (and a modal) has "that" for its
            // subject, and so the noun before it: in "upheld a federal law that
            // will ban TikTok" the law bans, not the court. (A "that" clause
            // after "said" needs a subject of its own.)
            if lang == Lang::En && !noun && !passive && by_agent.is_empty() {
                let between = lexicon.words.lowered_lang("subject", lang);
                let mut k = trigger.first;
                while k > 0 && between.iter().any(|w| w == lower[k - 1]) && trigger.first - k < 2 {
                    k -= 1;
                }
                // ("its content rules, which bar praise": after a comma too.)
                let relative = k >= 2
                    && matches!(lower[k - 1], "that" | "which")
                    && (text[words[k - 2].span.end..words[k - 1].span.start] == *" "
                        || lower[k - 1] == "which" && text[words[k - 2].span.end..words[k - 1].span.start] == *", ")
                    && words[k - 2].text(text).starts_with(char::is_lowercase)
                    && !mentions.iter().any(|m| m.span.end == words[k - 2].span.end);
                // Unless the subject made the noun's referent: "signed an
                // executive order that will restrict investments".
                let support = lexicon.words.get("nominal.support_verbs_en");
                let made = relative
                    && (k.saturating_sub(7)..k - 2).any(|j| {
                        words[j].span.start >= clause_start && support.iter().any(|v| word_matches(v, lower[j]))
                    });
                // A "that" clause whose subject is a common noun names no
                // agent: "told a news conference that the pipeline threatened
                // the continuity of gas supplies".
                let common_subject = (2..=4).any(|n| {
                    k > n
                        && lower[k - n - 1] == "that"
                        && ["the", "a", "an", "this", "these", "such"].contains(&lower[k - n])
                        && (k - n + 1..k).all(|j| {
                            lower[j].chars().all(|c| c.is_alphabetic() || c == '-')
                                && words[j].text(text).starts_with(char::is_lowercase)
                        })
                        && !mentions
                            .iter()
                            .any(|m| m.span.overlaps(Span::new(words[k - n].span.start, words[k - 1].span.end)))
                });
                if relative && !made || common_subject {
                    agent.clear();
                }
                // A name before ", which" or ", who" is the relative clause's
                // subject, wherever it stands: "following pressure from the
                // United States, which has put Huawei on a trade blacklist".
                let mut r = trigger.first;
                while r > 0
                    && trigger.first - r < 3
                    && (between.iter().any(|w| w == lower[r - 1]) || ["has", "have", "had"].contains(&lower[r - 1]))
                {
                    r -= 1;
                }
                let antecedent = (r >= 2
                    && matches!(lower[r - 1], "which" | "who")
                    // (Or its acronym: "the Indigenous People of Biafra (IPOB), which".)
                    && [", ", "), "].contains(&&text[words[r - 2].span.end..words[r - 1].span.start]))
                .then(|| mentions.iter().find(|m| m.span.end == words[r - 2].span.end && !m.modifier))
                .flatten()
                .filter(|m| {
                    matches!(
                        found.entities[m.entity].etype,
                        EntityType::Company
                            | EntityType::Agency
                            | EntityType::Country
                            | EntityType::Person
                            | EntityType::Organization
                            | EntityType::Group
                    )
                });
                if let Some(m) = antecedent {
                    agent = vec![m.entity];
                }
                // An infinitive of purpose after a verb that does not hand its
                // object a task is its subject's: in "Apple sued NSO later
                // that month to bar it" Apple bars, not NSO (but "urged Sweden
                // to ban" is Sweden's ban).
                let purpose = trigger.first > 0 && lower[trigger.first - 1] == "to";
                let governing = events.iter().rev().find(|e: &&LocalEvent| {
                    e.sentence == sentence_idx
                        && e.trigger.end <= trigger.span.start
                        && !text[e.trigger.end..trigger.span.start].contains([',', ';', ':', '"'])
                });
                // "a decision by the country's telecoms regulator to bar
                // Huawei": the by-phrase acts (no one named: no agent).
                let mut named_by = false;
                if purpose {
                    let to = trigger.first - 1;
                    let decisions = lexicon.words.get("nominal.decision_nouns_en");
                    let by = (to.saturating_sub(8)..to).rev().find(|&j| {
                        lower[j] == "by"
                            && j > 0
                            && decisions.iter().any(|d| d == lower[j - 1])
                            && !text[words[j].span.end..words[to].span.start].contains([',', ';', ':', '"'])
                    });
                    named_by = by.is_some();
                    if let Some(by) = by {
                        agent = mentions
                            .iter()
                            .find(|m| {
                                m.span.start > words[by].span.end && m.span.end <= words[to].span.start && !m.modifier
                            })
                            .map(|m| vec![m.entity])
                            .unwrap_or_default();
                    }
                }
                if let Some(previous) = governing.filter(|e| {
                    purpose
                        && !named_by
                        && !spec.settles
                        && !e.agent.is_empty()
                        && e.target == agent
                        && matches!(
                            e.etype,
                            EventType::Accuse | EventType::Sanction | EventType::Acquire | EventType::Invest
                        )
                }) {
                    agent = previous.agent.clone();
                }
            }
            // A sale turns around: the buyer after "to"/"an" acquires the
            // object the seller names before it ("agreed to sell Bergen
            // Engines to TMH International"). No buyer, no acquisition.
            // An accusation settled is stated too: (trigger, accuser, payer).
            let mut accusation: Option<(usize, Vec<usize>, Vec<usize>)> = None;
            // And a sum paid to settle it is a penalty: (the word "pay").
            let mut payment: Option<usize> = None;
            let (mut agent, target) = if spec.seller {
                let to_buyer = |m: &&&Mention| preposition_before(m).is_some_and(|p| ["to", "an"].contains(&lower[p]));
                // (A German verb at the clause's end names the buyer before
                // it: "seine Anteile an Midea zu verkaufen".)
                let buyer = after
                    .iter()
                    .find(to_buyer)
                    .or_else(|| before.iter().rev().filter(|_| lang == Lang::De).find(to_buyer))
                    .copied();
                let Some(buyer) = buyer else { continue };
                // What is sold is a company, a unit or a product; else the
                // seller's own ("selling its wafer fab in Dortmund to Silex").
                let sellable = |e: usize| {
                    matches!(
                        found.entities[e].etype,
                        EntityType::Company | EntityType::Product | EntityType::Organization
                    )
                };
                let object = after
                    .iter()
                    .find(|m| {
                        let k = word_index_before(&words, m.span.start);
                        let located = k > 0 && ["of", "in", "at", "near"].contains(&lower[k - 1]);
                        m.span.end <= buyer.span.start && !after_preposition(m) && !located && sellable(m.entity)
                    })
                    .map(|m| m.entity)
                    .or_else(|| agent.first().copied().filter(|&e| found.entities[e].etype == EntityType::Company));
                let Some(object) = object else { continue };
                (vec![buyer.entity], vec![object])
            } else if spec.settles {
                let Some((payer, accuser, accused_by)) =
                    settled_accusation(text, &words, &lower, trigger, &mentions, &args, &agent, found, lexicon)
                else {
                    continue;
                };
                accusation = Some((accused_by, accuser.clone(), payer.clone()));
                payment = paid_to_settle(text, &words, &lower, trigger, lexicon)
                    .filter(|_| !events.iter().any(|e| e.sentence == sentence_idx && e.etype == EventType::Sanction));
                (payer, accuser)
            } else if spec.on_behalf {
                // The requester right after the phrase ("at the request of
                // the United States"); the clause's subject is asked.
                let requester = after.iter().find(|m| {
                    !m.modifier
                        && words_between(&words, trigger.span.end, m.span.start) <= 2
                        && !text[trigger.span.end..m.span.start].contains([',', ';', ':'])
                });
                let Some(requester) = requester else { continue };
                // (After a fronted phrase the subject follows: "Auf Ersuchen
                // der USA nahm die Schweizer Polizei … fest".)
                // The one asked is the agent of the act before the phrase
                // ("police in the island nation arrested him at the request
                // of the United States": none named), else the subject of an
                // active clause.
                let act =
                    events.iter().rev().find(|e| e.sentence == sentence_idx && e.trigger.end <= trigger.span.start);
                let asked = match act {
                    Some(act) => act.agent.first().copied(),
                    None if passive => None,
                    None => subjects
                        .first()
                        .copied()
                        .or_else(|| {
                            after.iter().copied().find(|m| {
                                !m.modifier
                                    && m.span.start > requester.span.end
                                    && words_between(&words, requester.span.end, m.span.start) >= 1
                            })
                        })
                        .map(|m| m.entity),
                };
                let asked = asked.filter(|&e| e != requester.entity);
                if mentions.iter().filter(|m| m.entity == requester.entity).count() == 1 {
                    requesters.push((trigger.span, requester.entity));
                }
                (vec![requester.entity], asked.into_iter().collect())
            } else if spec.giver
                && (trigger.pattern.noun
                    || trigger
                        .pattern
                        .words
                        .last()
                        .and_then(|w| w.as_deref())
                        .is_some_and(|w| ["from", "von", "bei"].contains(&w)))
            {
                // The giver after the noun ("from the SNB", "der SNB") or a
                // borrowing verb's "from" ("borrowed heavily from"); the
                // subject, if any, receives.
                let givers = ["from", "der", "des", "von", "vom", "bei"];
                let giver = after.iter().find(|m| {
                    let k = word_index_before(&words, m.span.start);
                    let marked = k > 0 && givers.contains(&lower[k - 1])
                        || k > 1 && lower[k - 2] == "from" && ["the", "its", "their"].contains(&lower[k - 1]);
                    marked
                        && words_between(&words, trigger.span.end, m.span.start) <= 8
                        && !text[trigger.span.end..m.span.start].contains([',', ';', ':'])
                });
                match giver {
                    Some(giver) => {
                        let subject = subjects.last().map(|m| m.entity).into_iter();
                        let receiver: Vec<usize> =
                            agent.into_iter().chain(subject).filter(|&a| a != giver.entity).take(1).collect();
                        (vec![giver.entity], receiver)
                    }
                    None => (agent, target),
                }
            } else {
                (agent, target)
            };
            // A German noun's relative clause with "mit denen" names who
            // used it: "Gegensanktionen, mit denen China auf … reagiert
            // hatte". Its subject acts, and is no target.
            if lang == Lang::De && noun && agent.is_empty() {
                let rest = &text[trigger.span.end..];
                let opener = [", mit denen ", ", mit der ", ", mit dem ", ", mit welchen "]
                    .iter()
                    .find(|o| rest.starts_with(**o));
                if let Some(opener) = opener {
                    let from = trigger.span.end + opener.len();
                    let subject = after.iter().find(|m| {
                        m.span.start >= from && words_between(&words, from, m.span.start) <= 1 && !m.modifier
                    });
                    if let Some(subject) = subject {
                        agent = vec![subject.entity];
                    }
                }
            }
            let mut target: Vec<usize> = target.into_iter().filter(|t| !agent.contains(t)).collect();
            // An English compound names a company or person it is aimed at
            // before the noun, when nothing after it is: "Amazon abandons
            // iRobot takeover", "criticised the Huawei ban" ("the EU probe"
            // names the agent, a body). It was taken for the noun's agent.
            // (German joins them: "die Aixtron-Übernahme".)
            // (Not before a company: "Lufthansa-Einstieg bei ITA Airways" is
            // Lufthansa's.)
            let party_after = after.iter().any(|m| {
                !m.modifier && matches!(found.entities[m.entity].etype, EntityType::Company | EntityType::Person)
            });
            if noun && target.is_empty() && !party_after {
                let joined = |m: &Mention| {
                    let hyphen = m.span.start == trigger.span.start && text[m.span.end..].starts_with('-');
                    let spaced = lang == Lang::En
                        && m.span.end < trigger.span.start
                        && &text[m.span.end..trigger.span.start] == " ";
                    hyphen || spaced
                };
                let before_noun = mentions.iter().find(|m| {
                    joined(m)
                        && !m.anaphoric
                        && matches!(found.entities[m.entity].etype, EntityType::Company | EntityType::Person)
                });
                if let Some(m) = before_noun {
                    agent.retain(|&a| a != m.entity);
                    target.push(m.entity);
                    // A company that is the subject buys: "Amazon abandons
                    // iRobot takeover" (not "EU blocks iRobot takeover").
                    let buyer = subjects
                        .iter()
                        .rev()
                        .find(|s| s.entity != m.entity && found.entities[s.entity].etype == EntityType::Company);
                    if spec.etype == EventType::Acquire && agent.is_empty() {
                        agent.extend(buyer.map(|s| s.entity));
                    }
                }
            }
            // An object pronoun after a second verb is the first verb's
            // object: "added the company to its entity list, accusing it of
            // human rights violations against Uyghurs".
            // (German: "verhängte Beschränkungen gegen Dutzende Firmen und
            // beschuldigte sie der Mitschuld".)
            let after_verb = if trigger.pattern.words.contains(&None) { trigger.first + 1 } else { trigger.last };
            let object_pronoun = !noun
                && lower.get(after_verb).is_some_and(|w| {
                    lexicon.words.lowered_lang("anaphora.object_pronoun", lang).iter().any(|p| p == w)
                });
            if object_pronoun {
                let previous = events.iter().rev().find(|e: &&LocalEvent| {
                    e.sentence == sentence_idx
                        && e.agent == agent
                        && !e.target.is_empty()
                        && e.trigger.end <= trigger.span.start
                });
                if let Some(previous) = previous {
                    target = previous.target.clone();
                } else if target.is_empty() && lang == Lang::En {
                    // Else, in a relative clause, it is the sentence's subject:
                    // "The conglomerate weathered an attack by Hindenburg
                    // Research, which accused it of stock manipulation".
                    // After a comma, the body named last before it: "said it
                    // was abandoning the bid over a lack of engagement by
                    // Seven & i, accusing it of delaying tactics".
                    // (Not a relative clause that closed before the verb:
                    // "the Bavarian authority, which oversees the company in
                    // the EU, ordered it in December to delete some data".)
                    let relative = text[sentence.start..trigger.span.start]
                        .rfind(", which ")
                        .is_some_and(|k| !text[sentence.start + k + 2..trigger.span.start].contains(','));
                    let participle =
                        text[..trigger.span.start].ends_with(", ") && lower[trigger.first].ends_with("ing");
                    let body = |m: &&&Mention| {
                        m.span.start < trigger.span.start
                            && !agent.contains(&m.entity)
                            && matches!(
                                found.entities[m.entity].etype,
                                EntityType::Company | EntityType::Agency | EntityType::Country
                            )
                    };
                    let subject = match (relative, participle) {
                        (true, _) => args.iter().find(body).map(|m| m.entity),
                        (false, true) => args.iter().rev().find(body).map(|m| m.entity),
                        // Else "it" before a sum or a charge is the body
                        // named last before it in the sentence ("found that DWS
                        // had failed …, and fined it $6 million"), or the
                        // company named last before the sentence ("The
                        // regulator fined it $6 million"), also before what it
                        // must do or not ("ordered it to stop collecting iris
                        // scans", "barred it from operating"). ("Ukraine has
                        // said it will not renew it" names no body.)
                        (false, false)
                            if lower[after_verb] == "it"
                                && matches!(
                                    spec.etype,
                                    EventType::Sanction | EventType::Accuse | EventType::Coerce
                                )
                                && (lower
                                    .get(after_verb + 1)
                                    .is_some_and(|w| starts_sum(w) || ["of", "with", "to", "from"].contains(w))
                                    || to_after_time(&lower[after_verb + 1..])) =>
                        {
                            args.iter().rev().find(body).map(|m| m.entity).or_else(|| {
                                found
                                    .mentions
                                    .iter()
                                    .rev()
                                    .filter(|m| m.span.end <= sentence.start && !m.modifier)
                                    .find(|m| {
                                        !agent.contains(&m.entity)
                                            && found.entities[m.entity].etype == EntityType::Company
                                    })
                                    .map(|m| m.entity)
                            })
                        }
                        (false, false) => None,
                    };
                    if let Some(subject) = subject {
                        target.push(subject);
                    }
                }
            }
            // "suspended its registration permits", "froze its assets": a
            // company's possession (`anaphora.possessions_en`) after "its"
            // makes the company the target, the one named last before in the
            // sentence, else before the sentence.
            let possessive = !noun
                && target.is_empty()
                && lang == Lang::En
                && matches!(spec.etype, EventType::Sanction | EventType::Coerce)
                && lower.get(after_verb).is_some_and(|w| *w == "its")
                && lower.get(after_verb + 1..).is_some_and(|rest| {
                    let possessions = lexicon.words.lowered("anaphora.possessions_en");
                    rest.iter().take(3).any(|w| possessions.iter().any(|p| p == w))
                });
            if possessive {
                let company = |m: &&Mention| {
                    !agent.contains(&m.entity) && !m.modifier && found.entities[m.entity].etype == EntityType::Company
                };
                let owner = found
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= trigger.span.start && m.sentence + 1 >= sentence_idx)
                    .find(company);
                target.extend(owner.map(|m| m.entity));
            }
            // "Japan and the Netherlands agreed to restrict exports to China":
            // the parties agreed with each other; what follows "to" is the content.
            let infinitive = lower.get(trigger.last).is_some_and(|w| *w == "to");
            if spec.etype == EventType::Agree
                && !trigger.pattern.noun
                && agent.len() >= 2
                && (target.is_empty() || infinitive)
            {
                target = agent.split_off(1);
            }
            // Where no name stands, a country adjective does ("forderte die
            // deutsche Seite auf").
            if agent.is_empty() {
                if let Some(m) = attached_adjective {
                    agent.push(m.entity);
                }
            }
            // (After a participle, what follows is its by-phrase: "a step
            // urged by Ukrainian Foreign Minister Dmytro Kuleba".)
            if !spec.agentless && !reduced && !matches!(spec.etype, EventType::Deny | EventType::Statement) {
                // (Nor one that describes the agent named right after it: "zieht
                // das ungarische Konsortium Ganz-MaVag vor Gericht".)
                let describes_agent = |a: &Mention| {
                    after.iter().any(|m| {
                        agent.contains(&m.entity)
                            && m.span.start >= a.span.end
                            && words_between(&words, a.span.end, m.span.start) <= 2
                    })
                };
                let following = adjectives.iter().find(|m| {
                    m.span.start >= trigger.span.end
                        && words_between(&words, trigger.span.end, m.span.start) <= 4
                        && !agent.contains(&m.entity)
                        && !describes_agent(m)
                });
                // The adjective's phrase is the object when the first name
                // comes well after it: "sanctions on three Chinese companies
                // accused of supplying drone parts to Iran" (not "Chinese
                // firms such as Huawei").
                let named_far = |a: &Mention| {
                    after.iter().find(|m| target.contains(&m.entity)).is_some_and(|t| {
                        t.span.start > a.span.end
                            && words_between(&words, a.span.end, t.span.start) >= 5
                            && !["such as", "including", "like", "darunter", " wie ", "among them"]
                                .iter()
                                .any(|j| text[a.span.end..t.span.start].to_lowercase().contains(j))
                    })
                };
                // Unless they are the agent's own ("BIS banned American
                // companies from selling to ZTE"): then the name is the target.
                let own = |m: &Mention| {
                    agent
                        .iter()
                        .any(|a| state_of(found, *a).is_some() && state_of(found, *a) == state_of(found, m.entity))
                };
                // Nor is an agent's own country its target ("Moskau wirft dem
                // Westen vor, russische Vermögenswerte einzufrieren").
                if let Some(m) = following.filter(|m| (target.is_empty() || named_far(m)) && !own(m)) {
                    target = vec![m.entity];
                }
            }
            // A reaction to "the decision", "den Schritt", "die Strafmaßnahmen"
            // is aimed at whoever took it: the agent of the first event the
            // article reported (of the noun's type, where the noun is a trigger).
            // (An approval is one too: "cleared the deal".)
            // (A denial of "the allegations" answers whoever made them: "MTN
            // denies the allegations" after "Turkcell, which accuses MTN".)
            let reaction = matches!(
                spec.etype,
                EventType::Accuse | EventType::Reject | EventType::Support | EventType::Protest | EventType::Deny
            ) && (spec.untargeted || spec.etype == EventType::Support);
            // (A name after the noun is not the object then: "criticized the
            // decision on Twitter".)
            if !agent.is_empty() && reaction && !trigger.pattern.noun {
                if let Some(wanted) =
                    event_anaphor(lexicon, lang, text, &words, &lower, &mentions, trigger, (clause_start, clause_end))
                        .filter(|wanted| spec.etype != EventType::Deny || *wanted == Some(EventType::Accuse))
                {
                    // Allegations are rejected by those they were made against;
                    // nobody opposes their own state's acts ("The Kremlin
                    // dismissed the measures" is not aimed at Russia's invasion),
                    // though a minister defends them.
                    let own_state = |a: &usize| {
                        spec.etype != EventType::Support
                            && state_of(found, *a).is_some()
                            && agent.iter().any(|b| state_of(found, *b) == state_of(found, *a))
                    };
                    let referent = events.iter().find(|e: &&LocalEvent| {
                        !e.agent.is_empty()
                            && !e.agent.iter().any(|a| agent.contains(a) || own_state(a))
                            && match wanted {
                                Some(EventType::Accuse) => {
                                    e.etype == EventType::Accuse && e.target.iter().any(|t| agent.contains(t))
                                }
                                Some(etype) => e.etype == etype,
                                None => !is_reaction(e.etype),
                            }
                    });
                    if let Some(referent) = referent {
                        target = referent.agent.clone();
                    }
                }
            }
            // Opposing "the acquisition", "den Deal" opposes the parties of
            // the deal the article reported before: "the FTC sued to block
            // the acquisition" after "Nvidia abandoned its plan to buy Arm".
            if target.is_empty()
                && !agent.is_empty()
                && !trigger.pattern.noun
                && opposes_deals(spec.etype)
                && deal_anaphor(lexicon, lang, &words, &lower, &mentions, trigger, (clause_start, clause_end))
            {
                let referent = events.iter().rev().find(|e: &&LocalEvent| {
                    matches!(e.etype, EventType::Acquire | EventType::Retreat)
                        && !e.agent.is_empty()
                        && !e.target.is_empty()
                        && !e.agent.iter().chain(&e.target).any(|p| agent.contains(p))
                });
                if let Some(referent) = referent {
                    target = referent.agent.iter().chain(&referent.target).copied().collect();
                }
            }
            // After a German "der" (masculine nominative) the antecedent is
            // the subject and the name the object: "Der Mutterkonzern Holcim,
            // der Lafarge 2015 übernommen hatte".
            if lang == Lang::De && !trigger.pattern.noun && !passive {
                let subject = agent
                    .first()
                    .and_then(|a| args.iter().rev().find(|m| m.entity == *a && m.span.end <= trigger.span.start));
                let antecedent = subject.and_then(|subject| {
                    let lead = text[sentence.start..subject.span.start].trim_end();
                    let before = lead.strip_suffix(", der").or_else(|| lead.strip_suffix(", welcher"))?;
                    let comma = sentence.start + before.len();
                    mentions.iter().find(|m| m.span.end == comma && m.entity != subject.entity && !m.modifier)
                });
                if let (Some(subject), Some(antecedent)) = (subject, antecedent) {
                    target = vec![subject.entity];
                    agent = vec![antecedent.entity];
                }
            }
            // The object of a relative clause is its antecedent: "Huawei, which
            // the U.S. added to a trade blacklist in 2019", "ZTE, den die USA
            // auf die Liste gesetzt hatten".
            // "Whom" is an object always, whatever follows the verb: "Fethullah
            // Gulen, the U.S.-based cleric whom Ankara blames for a failed coup".
            if !trigger.pattern.noun {
                if let Some(subject) = agent
                    .first()
                    .and_then(|a| args.iter().rev().find(|m| m.entity == *a && m.span.end <= trigger.span.start))
                {
                    let whom = whom_antecedent(text, sentence.start, subject, &mentions).filter(|a| !agent.contains(a));
                    if let Some(antecedent) = whom {
                        target = vec![antecedent];
                    } else if target.is_empty() {
                        // Not the subject itself: "Google, which the company criticized".
                        target.extend(
                            relative_antecedent(text, sentence.start, subject, &mentions)
                                .filter(|a| !agent.contains(a)),
                        );
                    }
                }
            }
            // What is bought is a company, not its products: "licenses to buy
            // Intel and Qualcomm chips" (`nominal.product_nouns`).
            if spec.etype == EventType::Acquire {
                let products = lexicon.words.lang_path("nominal.product_nouns", lang);
                // In a list, the last name carries the noun: "Intel and Qualcomm chips".
                let last = target.last().and_then(|e| after.iter().find(|m| m.entity == *e));
                // Nor is whoever sells what they hold: "buying part of the German
                // government's holding".
                let holdings = lexicon.words.lang_path("nominal.holding_nouns", lang);
                let qualifies = last.is_some_and(|m| {
                    let next = text[m.span.end..].trim_start_matches(' ');
                    let owned = ["'s ", "’s ", "' ", "’ "].iter().find_map(|p| next.strip_prefix(p));
                    let next = owned.unwrap_or(next);
                    let word: String = next.chars().take_while(|c| text::is_word_char(*c)).collect();
                    let word = word.to_lowercase();
                    lexicon.words.contains_lowered(&products, &word)
                        || owned.is_some() && lexicon.words.contains_lowered(&holdings, &word)
                });
                if qualifies {
                    target.clear();
                }
            }
            // A collective ("Chinese companies") gives way to the named members listed with it.
            let is_group = |e: &usize| found.entities[*e].etype == EntityType::Group;
            if target.iter().any(|t| !is_group(t)) {
                target.retain(|t| !is_group(t));
            }
            // An object named only by a common noun may be spelled out
            // between dashes after it: "fined the five European energy firms
            // that helped fund the pipeline - France's Engie, Austria's OMV,
            // … - a combined 234 million zlotys".
            if target.is_empty() && !trigger.pattern.noun && !spec.untargeted {
                let rest = &text[clause_end..sentence.end];
                let dash = [" - ", " – ", " — "].iter().find(|d| rest.starts_with(**d));
                if let Some(dash) = dash {
                    let from = clause_end + dash.len();
                    let to = [" - ", " – ", " — "]
                        .iter()
                        .filter_map(|d| text[from..sentence.end].find(d))
                        .min()
                        .map_or(sentence.end, |k| from + k);
                    let listed: Vec<&Mention> = args
                        .iter()
                        .copied()
                        .filter(|m| m.span.start >= from && m.span.end <= to && !place(m))
                        .filter(|m| !["'s ", "’s "].iter().any(|p| text[m.span.end..].starts_with(p)))
                        .collect();
                    if let Some(first) = listed.first().filter(|m| words_between(&words, from, m.span.start) <= 1) {
                        target = list_from(text, &listed, first);
                    }
                }
            }
            if agent.is_empty() && target.is_empty() {
                continue;
            }
            // A threat nobody makes is a risk: "Der Machtkampf um Nexperia droht
            // die Autoindustrie auszubremsen", "Dem Konzern drohen Strafen".
            if agent.is_empty() && spec.etype == EventType::Threaten {
                continue;
            }
            // Most events need whom they concern ("the threat", "die
            // Untersuchung", "VTB said the sanctions …" state none); denials,
            // statements, criticism and the like stand without (`untargeted`).
            // Accusations and threats stand without a target named when
            // their agent is the active subject before the verb ("Zakharova
            // accused Western NGOs of double standards", "the watchdog opened
            // proceedings in 2018", "Baerbock kündigte Konsequenzen an");
            // not a name after it ("droht Temu eine Geldbuße", "klagt …
            // Stadler an"), a passive's ("Krah war nicht angeklagt") or a
            // headline's or any line's without a full stop, whose participles
            // are passive ("Alibaba-Unternehmen beschuldigt").
            // (A company that will "examine" a ruling investigates no one;
            // German "drohen" mostly says what looms: "sonst drohen
            // Zwangsgelder".)
            let examines = spec.mode.as_deref() == Some("investigate")
                && agent.iter().any(|&a| found.entities[a].etype == EntityType::Company);
            let looms = lang == Lang::De && lower[trigger.first].starts_with("droh");
            let stands_alone = matches!(spec.etype, EventType::Accuse | EventType::Threaten)
                && !trigger.pattern.noun
                && !passive
                && !headline
                && sentence.slice(text).trim_end().ends_with(['.', '!', '?', '"', '”', '“', '»', '«'])
                && !examines
                && !looms
                && before.iter().any(|m| agent.contains(&m.entity) && !m.modifier);
            // A sanction whose targets the next sentence lists: "…
            // Gegensanktionen, mit denen China … reagiert hatte. Betroffen
            // sind … Reinhard Bütikofer, … Michael Gahler …"
            // (`nominal.affected_next`).
            // (The sentence's first sanction only: "Gegensanktionen, mit
            // denen China auf Strafmaßnahmen der Europäischen Union reagiert
            // hatte" lists China's targets, not the EU's.)
            let first_sanction = !events.iter().any(|e| e.sentence == sentence_idx && e.etype == EventType::Sanction);
            if target.is_empty() && spec.etype == EventType::Sanction && !agent.is_empty() && first_sanction {
                if let Some(next) = sentence_spans.get(sentence_idx + 1) {
                    let next = sentences::trimmed(text, *next);
                    let opens = lexicon
                        .words
                        .get(&lexicon.words.lang_path("nominal.affected_next", lang))
                        .iter()
                        .any(|o| next.slice(text).starts_with(o.as_str()));
                    if opens {
                        for m in found.mentions.iter().filter(|m| {
                            m.sentence == sentence_idx + 1
                                && !m.modifier
                                && !text[m.span.end..].starts_with('-')
                                && matches!(
                                    found.entities[m.entity].etype,
                                    EntityType::Person
                                        | EntityType::Organization
                                        | EntityType::Company
                                        | EntityType::Agency
                                )
                        }) {
                            if !target.contains(&m.entity) && !agent.contains(&m.entity) {
                                target.push(m.entity);
                            }
                        }
                    }
                }
            }
            if target.is_empty() && !spec.untargeted && !stands_alone {
                continue;
            }
            if trigger.pattern.noun
                && target.is_empty()
                && !matches!(spec.etype, EventType::Deny | EventType::Statement)
            {
                continue;
            }
            // (What follows a comma after the trigger is its content: "wirft
            // Temu vor, nicht genug zu unternehmen" is no denial.)
            let content_follows = words
                .get(trigger.last)
                .is_some_and(|w| text[words[trigger.last - 1].span.end..w.span.start].contains(','));
            // (The month is no modal: "ZURICH, May 27, 2015 (Reuters) - Swiss
            // police arrested", "in May".)
            let month_may = |k: usize| {
                words[k].text(text) == "May"
                    && (k > 0 || words.get(1).is_some_and(|w| w.text(text).starts_with(|c: char| c.is_ascii_digit())))
            };
            let unmonthed: Vec<&str>;
            let lower = if lang == Lang::En && (0..words.len()).any(month_may) {
                unmonthed = lower.iter().enumerate().map(|(k, w)| if month_may(k) { "" } else { *w }).collect();
                &unmonthed[..]
            } else {
                &lower[..]
            };
            let modality = modality(lang, lower, trigger, lexicon, content_follows);
            // A headline tells the news of the day it was published: undated,
            // it takes the document's date (so that "FCC bans Huawei" joins its
            // article's event, not an older one elsewhere).
            let date = sentence_dates
                .get_or_insert_with(|| dates::find(text, sentence, doc.date.as_deref()))
                .iter()
                .min_by_key(|d| d.span.start.abs_diff(trigger.span.start))
                .map(|d| d.iso.clone())
                .or_else(|| doc.date.clone().filter(|_| headline));
            // A pair ("both men": "both" and "men", see
            // `resolve::link_pairs`) takes part whole.
            for pair in mentions.windows(2) {
                let [a, b] = [pair[0], pair[1]];
                let pair = a.anaphoric
                    && b.anaphoric
                    && !a.modifier
                    && !b.modifier
                    && a.entity != b.entity
                    && found.entities[a.entity].etype == found.entities[b.entity].etype
                    && &text[a.span.end..b.span.start] == " ";
                if !pair {
                    continue;
                }
                let named_here = |x: usize| mentions.iter().any(|m| m.entity == x && !m.anaphoric);
                // (Its two words are no subject and object: "Die beiden
                // Fluggesellschaften bestreiten".)
                let split = |one: &[usize], other: &[usize]| {
                    one.contains(&a.entity) && other.contains(&b.entity) && !named_here(b.entity)
                };
                if split(&agent, &target) {
                    target.retain(|&x| x != b.entity);
                } else if split(&target, &agent) {
                    agent.retain(|&x| x != b.entity);
                }
                for side in [&mut agent, &mut target] {
                    for (have, partner) in [(a.entity, b.entity), (b.entity, a.entity)] {
                        if side.contains(&have) && !side.contains(&partner) && !named_here(have) {
                            side.push(partner);
                        }
                    }
                }
            }
            if let (Some(pay), Some((_, accuser, payer))) = (payment, &accusation) {
                // (The ontology's one sanction for fines: the first SANCTION trigger's.)
                if let Some(fine) = lexicon.triggers.iter().find(|t| t.etype == EventType::Sanction) {
                    events.push(LocalEvent {
                        etype: fine.etype,
                        mode: fine.mode.clone(),
                        context: fine.context.clone(),
                        cameo: fine.cameo.clone(),
                        agent: accuser.clone(),
                        target: payer.clone(),
                        date: date.clone(),
                        modality,
                        reported_by: reporters.clone(),
                        sentence: sentence_idx,
                        trigger: words[pay].span,
                    });
                }
            }
            if let Some((accuse, accuser, payer)) = accusation {
                let spec = &lexicon.triggers[accuse];
                events.push(LocalEvent {
                    etype: spec.etype,
                    mode: spec.mode.clone(),
                    context: spec.context.clone(),
                    cameo: spec.cameo.clone(),
                    agent: accuser,
                    target: payer,
                    date: date.clone(),
                    modality: Modality::Asserted,
                    reported_by: reporters.clone(),
                    sentence: sentence_idx,
                    trigger: words[trigger.last - 1].span,
                });
            }
            // A deal abandoned ("Nvidia abandons Arm deal", "hat die Übernahme
            // abgeblasen") is also the acquisition, negated.
            let abandoned_deal = spec.etype == EventType::Retreat && !agent.is_empty() && !target.is_empty() && {
                let deal = lexicon.words.lowered_lang("anaphora.deal", lang);
                let deal_verbs = lexicon.words.lowered_lang("anaphora.deal_verbs", lang);
                lower[trigger.first..trigger.last].iter().any(|w| {
                    deal.iter().chain(deal_verbs).any(|d| w == d || lang == Lang::De && w.ends_with(d.as_str()))
                })
            };
            if abandoned_deal {
                if let Some(acquire) = lexicon.triggers.iter().find(|t| t.etype == EventType::Acquire) {
                    events.push(LocalEvent {
                        etype: acquire.etype,
                        mode: acquire.mode.clone(),
                        context: acquire.context.clone(),
                        cameo: acquire.cameo.clone(),
                        agent: agent.clone(),
                        target: target.clone(),
                        date: date.clone(),
                        modality: Modality::Negated,
                        reported_by: reporters.clone(),
                        sentence: sentence_idx,
                        trigger: trigger.span,
                    });
                }
            }
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
        // Whoever asked for an act is no party to it where the sentence names
        // them only there: "police arrested them at the request of the
        // United States" does not arrest the United States.
        for &(phrase, requester) in &requesters {
            // (Not across a comma: "at the request of the United States,
            // where prosecutors charged him".)
            let same_clause = |span: Span| {
                let (from, to) =
                    if span.end <= phrase.start { (span.end, phrase.start) } else { (phrase.end, span.start) };
                from <= to && !text[from..to].contains([',', ';', ':'])
            };
            for event in events
                .iter_mut()
                .filter(|e| e.sentence == sentence_idx && e.trigger != phrase && same_clause(e.trigger))
            {
                event.agent.retain(|&e| e != requester);
                event.target.retain(|&e| e != requester);
            }
        }
    }
    events
}

/// The state an entity belongs to (ISO3): its own country, or itself if a country.
fn state_of(found: &Found, entity: usize) -> Option<&str> {
    let e = &found.entities[entity];
    e.country.as_deref().or(e.key.strip_prefix("country:"))
}

/// The name a relative clause opened right before `subject` refers back to:
/// "Huawei, which the U.S. …", "ZTE, den die USA …".
fn relative_antecedent(text: &str, sentence_start: usize, subject: &Mention, mentions: &[&Mention]) -> Option<usize> {
    let mut lead = text[sentence_start..subject.span.start].trim_end();
    for article in [" the", " die", " der", " das"] {
        if let Some(rest) = lead.strip_suffix(article) {
            lead = rest;
            break;
        }
    }
    let comma = [", which", ", that", ", whom", ", den", ", die", ", das", ", dem"]
        .iter()
        .find_map(|r| lead.strip_suffix(r))
        .map(|before| sentence_start + before.len())?;
    mentions.iter().find(|m| m.span.end == comma && m.span.start != subject.span.start).map(|m| m.entity)
}

/// The name an English "whom" right before `subject` stands for: the name
/// before it, or before the apposition that it closes ("Fethullah Gulen,
/// the U.S.-based cleric whom Ankara blames").
fn whom_antecedent(text: &str, sentence_start: usize, subject: &Mention, mentions: &[&Mention]) -> Option<usize> {
    let lead = text[sentence_start..subject.span.start].trim_end();
    let before = lead.strip_suffix(" whom").or_else(|| lead.strip_suffix(", whom"))?;
    let end = sentence_start + before.len();
    mentions.iter().rev().filter(|m| m.span.end <= end && !m.modifier).find_map(|m| {
        let between = &text[m.span.end..end];
        let apposition = between.is_empty()
            || between.starts_with(", ") && !between[1..].contains(',') && between.split_whitespace().count() <= 6;
        apposition.then_some(m.entity)
    })
}

/// A German participle inflected before its noun describes it, stating no
/// event: "die verhängten Sanktionen", "eine staatlich unterstützte Gruppe"
/// (after an article, or an adverb that follows one or opens the sentence).
fn attributive(lower: &[&str], first: usize, last: usize) -> bool {
    if last != first + 1 || lower.get(last).is_none() {
        return false;
    }
    let word = lower[first];
    if !["te", "ten", "tes", "tem", "ter"].iter().any(|e| word.ends_with(e)) {
        return false;
    }
    // (The determiners `text` knows, possessives among them, and "einer".)
    let article = |k: usize| text::DETERMINERS.contains(&lower[k]) || lower[k] == "einer";
    let adverb =
        |k: usize| ["lich", "ig", "isch"].iter().any(|e| lower[k].ends_with(e) && lower[k].len() > e.len() + 2);
    // Opening a sentence, an adverb may stand before the verb itself
    // ("Zusätzlich verhängte die EU"): only an adjective after it makes the
    // participle attributive ("Staatlich unterstützte chinesische Hacker").
    let adjective_next = lower.get(last).is_some_and(|w| {
        ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
            && !article(last)
            && !["sie", "er", "es", "wir", "man", "sich", "ihre", "seine", "diese", "jene"].contains(w)
    });
    match first {
        0 => false,
        1 => adverb(0) && adjective_next,
        _ => article(first - 1) || adverb(first - 1) && article(first - 2),
    }
}

/// The type of the one-word trigger noun at word `k` ("probe",
/// "Strafmaßnahmen"), if it is one. `candidates` is scratch space.
fn noun_trigger_at(
    lexicon: &Lexicon,
    lang: Lang,
    text: &str,
    words: &[Word],
    lower: &[&str],
    k: usize,
    candidates: &mut Vec<usize>,
) -> Option<EventType> {
    let plain = text::strip_possessive(lower[k]);
    lexicon.trigger_index(lang).candidates(plain, candidates);
    candidates
        .iter()
        .map(|&i| &lexicon.trigger_patterns[i])
        .find(|p| p.noun && p.words.len() == 1 && match_at(p, &[words[k].text(text)], &[plain], 0, &[]).is_some())
        .map(|pattern| lexicon.triggers[pattern.trigger].etype)
}

/// Whether the words after an object pronoun are a short time phrase and
/// then "to": "ordered it in December to delete some data".
fn to_after_time(rest: &[&str]) -> bool {
    matches!(rest.first(), Some(&("in" | "on" | "last" | "this" | "earlier" | "later")))
        && rest.iter().take(5).skip(1).take_while(|w| !w.contains(',')).any(|w| *w == "to")
}

/// Whether "it" after a speech verb is the subject of the verb at `first`,
/// perhaps with a modal between: "warned it would take measures". ("They"
/// may stand for several subjects: "X and Y said they had agreed".)
fn pronoun_subject(lang: Lang, lower: &[&str], first: usize, spoken: impl Fn(&str) -> bool) -> bool {
    if lang != Lang::En {
        return false;
    }
    let modal = |k: usize| ["would", "will", "could", "might", "may", "had", "has", "have"].contains(&lower[k]);
    let pronoun = match first {
        f if f >= 2 && modal(f - 1) => f - 2,
        f if f >= 1 => f - 1,
        _ => return false,
    };
    pronoun >= 1 && lower[pronoun] == "it" && spoken(lower[pronoun - 1])
}

/// Types of events that answer another event (criticism, rejection, praise,
/// denial, comment, a request) rather than being one a reaction refers to.
fn is_reaction(etype: EventType) -> bool {
    matches!(
        etype,
        EventType::Accuse
            | EventType::Reject
            | EventType::Support
            | EventType::Protest
            | EventType::Deny
            | EventType::Statement
            | EventType::Request
            | EventType::Threaten
    )
}

/// Whether an event of this type can be aimed at a deal and so at its parties.
fn opposes_deals(etype: EventType) -> bool {
    matches!(
        etype,
        EventType::Accuse | EventType::Sanction | EventType::Reject | EventType::Protest | EventType::Coerce
    )
}

/// Whether the object of `trigger` is a deal named by a definite noun
/// (`anaphora.deal_*`: "the acquisition", "the proposed merger", "den Deal",
/// "die geplante Übernahme") and not by its parties ("the acquisition of
/// Arm", "die Übernahme des Konzerns").
fn deal_anaphor(
    lexicon: &Lexicon,
    lang: Lang,
    words: &[Word],
    lower: &[&str],
    mentions: &[&Mention],
    trigger: &TriggerHit,
    (clause_start, clause_end): (usize, usize),
) -> bool {
    let nouns = lexicon.words.lowered_lang("anaphora.deal", lang);
    let articles = lexicon.words.lowered_lang("anaphora.deal_determiners", lang);
    // The object follows the verb's words, or stands in the gap of a
    // separable verb ("hatten sich bei den Behörden gegen die Übernahme
    // ausgesprochen"), where a name may stand before it.
    let gap = trigger.pattern.words.contains(&None);
    let positions =
        if gap { trigger.first + 1..trigger.last } else { trigger.last..(trigger.last + 6).min(words.len()) };
    let mut article = None;
    for k in positions {
        let word = &words[k];
        if word.span.end > clause_end || word.span.start < clause_start {
            return false;
        }
        if mentions.iter().any(|m| m.span.overlaps(word.span)) {
            if gap {
                article = None;
                continue;
            }
            return false;
        }
        if articles.iter().any(|a| a == lower[k]) {
            article = Some(k);
            continue;
        }
        let Some(a) = article else { continue };
        if nouns.iter().any(|n| n == lower[k]) {
            let named = lower.get(k + 1).is_some_and(|w| ["of", "by", "des", "der", "von", "vom", "mit"].contains(w));
            return !named;
        }
        // At most two words between the article and the noun ("the
        // proposed $40 billion").
        if k - a > 2 {
            article = None;
        }
    }
    false
}

/// Does the verb's object refer back to an event ("criticized the decision",
/// "wies die Strafmaßnahmen scharf zurück")? The object is among the few
/// words after the verb, before any name: a noun of `anaphora.event_*`, or a
/// trigger noun, which also says the type of the event referred to
/// (`Some(type)`; `None` for "the decision", "the move").
#[allow(clippy::too_many_arguments)]
fn event_anaphor(
    lexicon: &Lexicon,
    lang: Lang,
    text: &str,
    words: &[Word],
    lower: &[&str],
    mentions: &[&Mention],
    trigger: &TriggerHit,
    (clause_start, clause_end): (usize, usize),
) -> Option<Option<EventType>> {
    let nouns = lexicon.words.lowered_lang("anaphora.event", lang);
    let mut candidates = Vec::new();
    // The object follows the verb's words, stands in the gap of a separable
    // verb ("wies die Strafmaßnahmen zurück"), or before a German verb that
    // closes its clause ("will die Entscheidung anfechten").
    let first = if trigger.pattern.words.contains(&None) { trigger.first + 1 } else { trigger.last };
    // The type a noun refers to (`None`: any), if it is an event noun.
    let mut event_noun = |k: usize| -> Option<Option<EventType>> {
        let plain = text::strip_possessive(lower[k]);
        match noun_trigger_at(lexicon, lang, text, words, lower, k, &mut candidates) {
            Some(etype) => Some(Some(etype)),
            None if nouns.iter().any(|n| n == plain) => Some(None),
            None => None,
        }
    };
    // The antecedent of a relative clause: "a move that Beijing condemned",
    // "a decision which Huawei criticized".
    if lang == Lang::En {
        // The subject right before the verb, the pronoun right before it.
        let subject = mentions
            .iter()
            .filter(|m| m.span.end <= trigger.span.start)
            .max_by_key(|m| m.span.start)
            .filter(|m| words_between(words, m.span.end, trigger.span.start) <= 2);
        if let Some(subject) = subject {
            let k = word_index_before(words, subject.span.start);
            let pronoun = k.checked_sub(1).filter(|&p| ["that", "which"].contains(&lower[p]));
            if let Some(wanted) = pronoun.filter(|&p| p > 0).and_then(|p| event_noun(p - 1)) {
                return Some(wanted);
            }
        }
    }
    let gap = trigger.pattern.words.contains(&None);
    let positions: Vec<usize> = if lang == Lang::De && !gap && clause_final(words, text, lower, trigger) {
        (trigger.first.saturating_sub(4)..trigger.first).rev().collect()
    } else {
        (first..(first + 5).min(words.len())).collect()
    };
    for k in positions {
        let word = &words[k];
        if word.span.end > clause_end
            || word.span.start < clause_start
            || mentions.iter().any(|m| m.span.overlaps(word.span))
        {
            return None;
        }
        let Some(wanted) = event_noun(k) else { continue };
        // "die Entscheidung des Kabinetts", "the decision by Britain" name the event's agent.
        let named = lower.get(k + 1).is_some_and(|w| ["of", "by", "des", "der", "von", "vom"].contains(w));
        return (!named).then_some(wanted);
    }
    None
}

/// A penalty someone pays hits the payer, and whom it is paid to imposed
/// it: "Westpac agreed on Thursday to pay a A$1.3 billion penalty", "paid a
/// fine of $700 million to the Justice Department". The payer is the last
/// name before "pay" in the clause; the agent a body after "to" or "by",
/// else the bodies whose investigation the penalty settles ("to settle
/// corruption investigations in France, Britain and the United States").
#[allow(clippy::too_many_arguments)]
fn paid_penalty(
    text: &str,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    before: &[&Mention],
    after: &[&Mention],
    args: &[&Mention],
    found: &Found,
    lexicon: &Lexicon,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let pay = (trigger.first.saturating_sub(9)..trigger.first)
        .rev()
        .find(|&k| ["pay", "pays", "paid", "paying"].contains(&lower[k]))?;
    if text[words[pay].span.end..trigger.span.start].contains([',', ';', ':']) {
        return None;
    }
    let payer = before.iter().rev().find(|m| m.span.end <= words[pay].span.start)?;
    let body = |m: &&&Mention| {
        let k = word_index_before(words, m.span.start);
        let prev = |n: usize| k.checked_sub(n).map_or("", |i| lower[i]);
        let skip = usize::from(prev(1) == "the");
        matches!(found.entities[m.entity].etype, EntityType::Agency | EntityType::Country | EntityType::Organization)
            && ["to", "by"].contains(&prev(1 + skip))
            && words_between(words, trigger.span.end, m.span.start) <= 12
    };
    let investigating = |m: &&&Mention| {
        let k = word_index_before(words, m.span.start);
        let k = k - usize::from(k > 0 && lower[k - 1] == "the");
        matches!(found.entities[m.entity].etype, EntityType::Agency | EntityType::Country)
            && k >= 2
            && ["in", "by"].contains(&lower[k - 1])
            && noun_trigger_at(lexicon, Lang::En, text, words, lower, k - 2, &mut Vec::new())
                .is_some_and(|t| t == EventType::Accuse)
            && m.span.start >= trigger.span.end
            && words_between(words, trigger.span.end, m.span.start) <= 12
    };
    // (Several bodies: "in penalties to France, Britain and the United States".)
    let agent = match after.iter().find(body) {
        Some(m) => list_from(text, after, m),
        None => args.iter().find(investigating).map(|m| list_from(text, args, m)).unwrap_or_default(),
    };
    Some((agent, vec![payer.entity]))
}

/// The word "pay" of "will pay $25 million to settle", "paid €1 billion to
/// resolve": a sum paid for a settlement, within eight words before its
/// trigger and no comma, is a penalty.
fn paid_to_settle(
    text: &str,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    lexicon: &Lexicon,
) -> Option<usize> {
    let pay = (trigger.first.saturating_sub(8)..trigger.first)
        .rev()
        .find(|&k| ["pay", "pays", "paid", "paying"].contains(&lower[k]))?;
    let sum = lower[pay + 1..trigger.first]
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) || lexicon.words.contains_lowered("nominal.amount_words", w));
    (sum && !text[words[pay].span.end..trigger.span.start].contains([',', ';', ':'])).then_some(pay)
}

/// "DWS will pay $25 million to settle SEC charges", "agreed to pay A$1.3
/// billion to settle a lawsuit by Australia's financial crimes watchdog",
/// "to settle corruption investigations in France, Britain and the United
/// States": the payer (the subject) settles with the accuser, named between
/// the verb and the noun or after the noun by "by", "from" or "with" (or
/// "in", for the places an investigation runs in). Returns the payer, the
/// accuser, and the ACCUSE trigger whose event the accusation is (an
/// investigation's or an allegation's).
#[allow(clippy::too_many_arguments)]
fn settled_accusation(
    text: &str,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    mentions: &[&Mention],
    args: &[&Mention],
    subject: &[usize],
    found: &Found,
    lexicon: &Lexicon,
) -> Option<(Vec<usize>, Vec<usize>, usize)> {
    let noun = trigger.last - 1;
    let (open, close) = (words[trigger.first].span.end, words[noun].span.start);
    if subject.is_empty() || words_between(words, open, close) > 6 || text[open..close].contains([',', ';', ':']) {
        return None;
    }
    let accuser_kind = |m: &&Mention| {
        !m.modifier
            && matches!(
                found.entities[m.entity].etype,
                EntityType::Agency | EntityType::Country | EntityType::Organization | EntityType::Person
            )
            && !subject.contains(&m.entity)
    };
    let investigation = lower[noun].starts_with("investigat") || lower[noun].starts_with("probe");
    let inside = mentions.iter().rev().find(|m| m.span.start >= open && m.span.end <= close && accuser_kind(m));
    let accuser = match inside {
        Some(m) => vec![m.entity],
        None => {
            let marked = |m: &&&Mention| {
                let k = word_index_before(words, m.span.start);
                let k = k - usize::from(k > 0 && lower[k - 1] == "the");
                k > 0
                    && (["by", "from", "with"].contains(&lower[k - 1]) || investigation && lower[k - 1] == "in")
                    && words_between(words, trigger.span.end, m.span.start) <= 3
            };
            let first = args.iter().find(|m| m.span.start >= trigger.span.end && accuser_kind(m) && marked(m))?;
            list_from(text, args, first)
        }
    };
    let mode = if investigation { "investigate" } else { "allege" };
    let accuse =
        lexicon.triggers.iter().position(|t| t.etype == EventType::Accuse && t.mode.as_deref() == Some(mode))?;
    Some((subject.to_vec(), accuser, accuse))
}

/// "die Ermittlungen des Bundeskartellamts gegen Amazon": the name right
/// after a noun trigger is its agent when a preposition then introduces the
/// target.
fn genitive_agent(
    text: &str,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    after: &[&Mention],
    imposer: impl Fn(&Mention) -> bool,
) -> Option<(Vec<usize>, Vec<usize>)> {
    // The genitive follows the noun directly, with its article ("des", "der").
    let article = lower.get(trigger.last).is_some_and(|w| *w == "des" || *w == "der");
    let p = after.iter().position(|m| {
        let k = word_index_before(words, m.span.start);
        k > 0 && ["gegen", "against", "into"].contains(&lower[k - 1])
    });
    let Some(p) = p else {
        // A penalty's genitive body imposed it, with or without a target
        // named: "gegen die Milliardenstrafe der EU-Kommission".
        let genitive = after
            .first()
            .filter(|g| article && words_between(words, trigger.span.end, g.span.start) <= 2 && imposer(g))?;
        return Some((vec![genitive.entity], Vec::new()));
    };
    let genitive =
        after.first().filter(|g| p > 0 && article && words_between(words, trigger.span.end, g.span.start) <= 2)?;
    Some((vec![genitive.entity], list_from(text, &after[p..], after[p])))
}

/// The owner of a noun trigger, whose act it is: "China's probe", "Microsoft's
/// planned $69 billion takeover" (a modifier and an amount may stand between).
fn possessor<'m>(
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    before: &[&'m Mention],
    lexicon: &Lexicon,
) -> Option<&'m Mention> {
    let nearest = before.last()?;
    let owner = word_index_before(words, nearest.span.end);
    let possessive = words.get(owner).is_some_and(|w| w.span.start < nearest.span.end)
        && ["'s", "’s", "s'", "s’"].iter().any(|s| lower[owner].ends_with(s));
    if !possessive || owner >= trigger.first {
        return None;
    }
    let amounts = lexicon.words.get("nominal.amount_words");
    let amount =
        |w: &str| w.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c)) || amounts.iter().any(|a| a == w);
    let between = &lower[owner + 1..trigger.first];
    let other = between.iter().filter(|w| !amount(w)).count();
    let plain = |w: &&str| !text::DETERMINERS.contains(w) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    (between.len() <= 5 && other <= 1 && between.iter().filter(|w| !amount(w)).all(plain)).then_some(nearest)
}

/// The agent of a noun trigger from before it: a name right before the noun
/// ("China's probe", "US-Sanktionen") or the subject of a support verb that
/// makes the noun an act ("imposed sanctions", "launched an investigation",
/// "hat … Vorwürfe gemacht"); not the subject of any verb ("called the
/// accusations nonsense").
fn nominal_agent<'m>(
    text: &str,
    lang: Lang,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    before: &[&'m Mention],
    lexicon: &Lexicon,
) -> Option<&'m Mention> {
    let nearest = before.last()?;
    if words_between(words, nearest.span.end, trigger.span.start) <= 1 {
        return Some(nearest);
    }
    // A possessive before an amount and adjectives: "Broadcom's $117
    // billion bid for Qualcomm".
    // (The company's legal form may carry it: "Broadcom Ltd's bid".)
    let k = word_index_before(words, nearest.span.end);
    let possessive = lang == Lang::En
        && (text[nearest.span.end..].starts_with(['\'', '’'])
            || words.get(k).is_some_and(|w| {
                let (word, stem) = (w.text(text), text::strip_possessive(w.text(text)));
                stem.len() < word.len() && lexicon.words.contains_undotted("org_suffixes.company", stem)
            }));
    if possessive
        && trigger.first > k
        && trigger.first - k <= 4
        && lower[k..trigger.first]
            .iter()
            .skip(1)
            .all(|w| w.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase()))
        && !text[nearest.span.end..trigger.span.start].contains([',', ';', ':'])
    {
        return Some(nearest);
    }
    // Whom a blame names did it: "macht den GRU für einen Cyberangriff …
    // verantwortlich", "accused X of a cyber attack".
    // (The name's own nouns may stand before the preposition: "Russia's GRU
    // military intelligence service of a cyber attack".)
    let between = &lower[word_index_before(words, nearest.span.end).min(trigger.first)..trigger.first];
    if let Some(p) = between.iter().position(|w| ["for", "of", "für"].contains(w)) {
        let nouns = &words[trigger.first - between.len()..trigger.first - between.len() + p];
        if p <= 3
            && nouns.iter().all(|w| w.text(text).chars().all(|c| c.is_lowercase()))
            && between[p + 1..].iter().all(|w| text::DETERMINERS.contains(w))
        {
            return Some(nearest);
        }
    }
    let support = lexicon.words.lang("nominal.support_verbs", lang);
    let from = word_index_before(words, before.first()?.span.start);
    let to = match lang {
        Lang::En => trigger.first,
        Lang::De => lower.len(),
    };
    let supported = (from..to).any(|k| support.iter().any(|v| word_matches(v, lower[k])));
    if !supported {
        return None;
    }
    // A noun behind a cause is another's act: "imposed sanctions on Turkey's
    // ministers over the prolonged detention of Andrew Brunson".
    let near = word_index_before(words, nearest.span.end).min(trigger.first);
    let cause = ["cause_after_object", "cause"].iter().any(|path| {
        any_phrase(lexicon.words.phrases(&lexicon.words.lang_path(path, lang)), lower, near, trigger.first)
    });
    if cause {
        return None;
    }
    match lang {
        Lang::En => Some(nearest),
        // German: the subject is the first name of the clause (a fronted
        // adverbial names none, or only a source that is not an argument).
        Lang::De => before.first().copied(),
    }
}

/// German auxiliaries and modals that stand beside a participle or infinitive.
const AUXILIARIES: &[&str] = &[
    "haben", "hat", "hatte", "hatten", "habe", "sein", "ist", "war", "waren", "sei", "werden", "wird", "wurde",
    "wurden", "worden", "soll", "sollen", "könne", "könnte", "kann", "will", "wollte", "werde", "würde", "würden",
    "wolle", "solle", "müsse", "muss",
];

/// The mentions of the German subordinate clause that a verb-final trigger
/// closes: after the last ", dass", ", das", ", die", ", weil", … before it.
fn subclause<'m>(
    text: &str,
    mentions: &[&'m Mention],
    clause_start: usize,
    trigger: &TriggerHit,
    speech: &[String],
) -> Vec<&'m Mention> {
    const OPENERS: &[&str] = &[
        ", dass ",
        ", das ",
        ", die ",
        ", der ",
        ", den ",
        ", dem ",
        ", deren ",
        ", dessen ",
        ", welche ",
        ", welcher ",
        ", weil ",
        ", ob ",
        ", wenn ",
        ", als ",
        ", nachdem ",
        ", obwohl ",
        ", da ",
        ", wie ",
        ", womit ",
        ", wobei ",
    ];
    let lead = &text[clause_start..trigger.span.start];
    let start =
        OPENERS.iter().filter_map(|o| lead.rfind(o).map(|p| clause_start + p + 2)).max().unwrap_or(clause_start);
    // Reported speech opens one after its verb's comma: "hatte Baigorri
    // berichtet, Starlink habe sich geweigert".
    // (Also a separable verb's particle, and what stands before it: "kündigte
    // am Montag an, Seoul werde Japan …".)
    let reported = speech
        .iter()
        .filter_map(|v| {
            let at = lead.rfind(&format!(" {v} ")).or_else(|| lead.rfind(&format!(" {v},")))?;
            let rest = &lead[at + 1 + v.len()..];
            let comma = rest.find(", ")?;
            (rest[..comma].split_whitespace().count() <= 8).then(|| clause_start + at + 1 + v.len() + comma + 2)
        })
        .max()
        .unwrap_or(clause_start);
    let start = start.max(reported);
    mentions.iter().copied().filter(|m| m.span.start >= start).collect()
}

/// The subject of a German relative clause on a whole clause that the
/// trigger closes: "…, was Bamako bestreitet", "…, was Peking zurückwies"
/// (the first name after "was", with no other comma before the trigger).
fn clause_on_clause_subject(
    text: &str,
    before: &[&Mention],
    sentence_start: usize,
    trigger: &TriggerHit,
) -> Option<usize> {
    let lead = &text[sentence_start..trigger.span.start];
    let at = sentence_start + lead.rfind(", was ")? + ", was ".len();
    if text[at..trigger.span.start].contains([',', ';', ':']) {
        return None;
    }
    before.iter().find(|m| m.span.start >= at && !m.modifier).map(|m| m.entity)
}

/// The agent and the targets of a German relative clause that a verb-final
/// trigger closes, where the relative pronoun is the subject and stands for
/// the name right before its comma: the pronoun and no other subject in the
/// clause ("die Staatsanwaltschaft, die seit 2017 gegen Stadler ermittelt"),
/// the owner of the subject ("…, deren Ermittler Stadler festnehmen
/// ließen"), or an authority before one name that is none ("die Behörde, die
/// Stadler festnehmen ließ"; in "Huawei, das die USA sanktioniert haben" the
/// pronoun is the object and the clause is left to [`verb_final_arguments`]).
fn relative_clause_arguments(
    text: &str,
    before: &[&Mention],
    subjects: &[&Mention],
    clause_start: usize,
    trigger: &TriggerHit,
    authority: impl Fn(usize) -> bool,
) -> Option<(Vec<usize>, Vec<usize>)> {
    const PRONOUNS: [&str; 8] = ["die", "der", "das", "welche", "welcher", "welches", "deren", "dessen"];
    let lead = &text[..trigger.span.start];
    let (comma, pronoun) =
        PRONOUNS.iter().filter_map(|p| lead.rfind(&format!(", {p} ")).map(|at| (at, *p))).max_by_key(|(at, _)| *at)?;
    if comma < clause_start {
        return None;
    }
    // (No other clause opens between the pronoun and the trigger.)
    let inner = &text[comma + 2 + pronoun.len()..trigger.span.start];
    if inner.contains([',', ';', ':']) {
        return None;
    }
    let antecedent = before.iter().rev().find(|m| m.span.end <= comma && text[m.span.end..comma].trim().is_empty())?;
    let start = comma + 2 + pronoun.len();
    // (A name that qualifies a title before a person's is the title's:
    // "Audi-Chef Rupert Stadler".)
    let titles = |m: &Mention| {
        before.iter().any(|n| {
            n.span.start > m.span.end && {
                let gap = &text[m.span.end..n.span.start];
                gap.starts_with('-') && gap.split_whitespace().count() == 1
            }
        })
    };
    let names: Vec<&Mention> = before
        .iter()
        .copied()
        .filter(|m| m.span.start >= start && m.entity != antecedent.entity && !titles(m))
        .collect();
    let first = names.first()?;
    let own_subjects = subjects.iter().filter(|m| m.span.start >= start).count();
    let subject_pronoun = matches!(pronoun, "deren" | "dessen")
        || own_subjects == 0
        || own_subjects == 1 && names.len() == 1 && authority(antecedent.entity) && !authority(first.entity);
    subject_pronoun.then(|| (vec![antecedent.entity], list_from(text, &names, first)))
}

/// The agent and the targets of a German infinitive with "zu" that closes a
/// clause after a comma: the one subject before the comma, and the names
/// between the comma and the verb ("Das Kabinett beschloss, Südkorea von der
/// Liste zu streichen").
fn zu_infinitive_arguments(
    text: &str,
    words: &[Word],
    lower: &[&str],
    subjects: &[&Mention],
    trigger: &TriggerHit,
    lexicon: &Lexicon,
) -> Option<(Vec<usize>, Vec<usize>)> {
    // (Or a perfect infinitive: "zugegeben, den IS finanziert zu haben"; or
    // "zu" inside a separable verb: "Odebrecht … auszuschließen".)
    let perfect = lower.get(trigger.last) == Some(&"zu")
        && lower.get(trigger.last + 1).is_some_and(|w| ["haben", "sein", "werden"].contains(w));
    let fused = lexicon.fused_zu_infinitive(lower[trigger.last - 1]);
    if (trigger.last < 2 || lower[trigger.last - 2] != "zu") && !perfect && !fused {
        return None;
    }
    let comma = text[..trigger.span.start].rfind(',')?;
    // (Only where the main clause names its subject alone: the object of
    // "wirft X vor, … zu liefern" is who would deliver.)
    // (Nor is an owner after "von" and a title: "Das Kabinett von
    // Ministerpräsident Shinzo Abe beschloss, …".)
    let titled_owner = |m: &Mention| {
        let k = word_index_before(words, m.span.start);
        k >= 2 && ["von", "vom"].contains(&lower[k - 2]) && words[k - 1].text(text).starts_with(char::is_uppercase)
    };
    let main: Vec<&&Mention> = subjects.iter().filter(|m| m.span.end <= comma && !titled_owner(m)).collect();
    let [agent] = main[..] else { return None };
    let objects: Vec<&Mention> = subjects.iter().copied().filter(|m| m.span.start > comma).collect();
    let first = objects.first()?;
    let target: Vec<usize> = list_from(text, &objects, first).into_iter().filter(|&e| e != agent.entity).collect();
    (!target.is_empty()).then(|| (vec![agent.entity], target))
}

/// The entity of `name` when it is the object of a German main clause whose
/// subject is a noun phrase no name covers, before a perfect's auxiliary:
/// "Die Polizei hat Markus Braun festgenommen".
fn object_after_unnamed_subject(
    words: &[Word],
    lower: &[&str],
    mentions: &[&Mention],
    clause_start: usize,
    trigger: &TriggerHit,
    name: &Mention,
) -> Option<usize> {
    let first = words.iter().position(|w| w.span.start >= clause_start)?;
    let aux = (first + 2..trigger.first).find(|&k| ["hat", "hatte", "haben", "hatten"].contains(&lower[k]))?;
    let unnamed = ["der", "die", "das", "ein", "eine"].contains(&lower[first])
        && !mentions.iter().any(|m| m.span.start < words[aux].span.start && m.span.end > words[first].span.start);
    (unnamed && name.span.start > words[aux].span.end).then_some(name.entity)
}

/// The subject and the objects of a German verb-final clause: the first
/// subject of the subordinate clause, then every other name after it, also
/// those after a preposition ("Sanktionen gegen Russland verhängt", "mit
/// Cosco vereinbart"). None when the clause names no subject or nothing else.
fn verb_final_arguments<'m>(
    text: &str,
    subjects: &[&'m Mention],
    before: &[&'m Mention],
    clause_start: usize,
    trigger: &TriggerHit,
    speech: &[String],
    is_person: impl Fn(usize) -> bool,
) -> Option<(&'m Mention, Vec<&'m Mention>)> {
    let subject = *subclause(text, subjects, clause_start, trigger, speech).first()?;
    // The object is the next entity: "die HHLA (HHLA) mit Cosco" names HHLA twice.
    // Nor is the person the subject's title names: "die Berliner
    // Datenschutzbeauftragte Maja Smoltczyk".
    // (Or in apposition: "Der Bundesbeauftragte für den Datenschutz, Ulrich Kelber, hatte …".)
    let named_by_title = |m: &Mention| {
        let gap = &text[subject.span.end..m.span.start];
        is_person(m.entity) && (gap == " " || gap == ", " && text[m.span.end..].starts_with(','))
    };
    // Nor the subject's genitive attribute: "Das Ermittlungsbüro des
    // Justizministeriums hatte die Verdächtigen festgenommen".
    let owner = |m: &Mention| matches!(&text[subject.span.end..m.span.start], " des " | " der ");
    let object: Vec<&Mention> = subclause(text, before, clause_start, trigger, speech)
        .into_iter()
        .filter(|m| m.span.start >= subject.span.end && m.entity != subject.entity && !named_by_title(m) && !owner(m))
        .collect();
    (!object.is_empty()).then_some((subject, object))
}

/// Does the trigger close its clause (German verb-final: "…, dass X Y
/// sanktioniert", "… gewarnt.", "hat X auf die Liste … gesetzt")?
fn clause_final(words: &[Word], text: &str, lower: &[&str], trigger: &TriggerHit) -> bool {
    // A separable verb ("forderte … auf", "wies … zurück") stands second, its
    // particle last; a phrase with a gap that ends in a participle closes the
    // clause after an auxiliary ("hat X auf seine Liste … gesetzt").
    if trigger.pattern.words.contains(&None) {
        // (Or an infinitive after a modal or "zu": "Seoul werde Japan von
        // seiner Liste … nehmen", "… zu streichen".)
        let last = trigger.pattern.words.last().and_then(|w| w.as_deref()).unwrap_or("");
        // ("zu … Haft verurteilt": participles of inseparable verbs end in "t".)
        let verb_last = last.starts_with("ge") || last.ends_with("en") || last.ends_with('t');
        if !verb_last {
            return false;
        }
        let clause_start = clause_start_word(words, text, trigger.first);
        let auxiliary = lower[clause_start..trigger.first].iter().any(|w| AUXILIARIES.contains(w))
            || lower[trigger.last - 2] == "zu";
        if !auxiliary {
            return false;
        }
    }
    closes_clause(words, text, trigger.last)
}

/// The first word of the clause that holds word `at`: after the last comma,
/// semicolon or colon before it.
fn clause_start_word(words: &[Word], text: &str, at: usize) -> usize {
    (1..at).rev().find(|&k| text[words[k - 1].span.end..words[k].span.start].contains([',', ';', ':'])).unwrap_or(0)
}

/// Do the words before `last` end their clause, auxiliaries after them
/// included ("geliefert haben", "verhängt worden war")?
fn closes_clause(words: &[Word], text: &str, last: usize) -> bool {
    let mut last = last;
    while last < words.len()
        && AUXILIARIES.contains(&words[last].text(text).to_lowercase().as_str())
        && !text[words[last - 1].span.end..words[last].span.start].contains([',', ';', ':', '.'])
    {
        last += 1;
    }
    // (A participle coordinated after it closes the clause with it: "hatte der
    // Bank Geldwäsche vorgeworfen und vorgeschlagen, …".)
    if last + 1 < words.len()
        && matches!(words[last].text(text), "und" | "oder")
        && german_participle(words[last + 1].text(text))
        && text[words[last - 1].span.end..words[last + 1].span.start].trim() == words[last].text(text)
    {
        last += 2;
    }
    let end = words[last - 1].span.end;
    last == words.len() || text[end..words[last].span.start].contains([',', ';', ':', '.', '"', '“', '„'])
}

/// Does the word look like a German past participle ("vorgeworfen",
/// "gesperrt")? After a separable prefix its "ge" stands inside: "vorgeschlagen".
fn german_participle(word: &str) -> bool {
    const PREFIXES: [&str; 14] =
        ["", "ab", "an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "vor", "weg", "zu", "zurück"];
    (word.ends_with('t') || word.ends_with("en"))
        && word.chars().count() > 5
        && PREFIXES.iter().any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with("ge")))
}

fn word_index_before(words: &[Word], offset: usize) -> usize {
    words.iter().take_while(|w| w.span.end <= offset).count()
}

/// Does `s` open with a sum: a digit or a currency sign ("$25", "4.3", "€1")?
fn starts_sum(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit() || ['$', '€', '£'].contains(&c))
}

/// Whether "its" or "their" stands before the noun trigger at word `first`,
/// over an amount and adjectives of an offer: "its invasion", "its $40
/// billion purchase".
fn pronoun_owns(lexicon: &Lexicon, lower: &[&str], first: usize) -> bool {
    let mut k = first;
    while k > 0 && first - k < 4 {
        k -= 1;
        let w = lower[k];
        if ["its", "their"].contains(&w) {
            return true;
        }
        if !(starts_sum(w) || lexicon.words.contains_lowered("nominal.premodifiers_en", w)) {
            return false;
        }
    }
    false
}

/// The clause of `sentence` around byte `at`: from the end of the last
/// separator before it to the start of the first one after it. Colons and
/// semicolons separate a headline's topic ("Alibaba: US leads
/// investigation") and joined statements, a dash ends a dateline ("Brüssel
/// (AFP) - Die EU …").
fn clause_around(sentence: &str, at: usize) -> (usize, usize) {
    const SEPARATORS: [&str; 5] = [":", ";", " - ", " – ", " — "];
    let (mut start, mut end) = (0, sentence.len());
    for (i, b) in sentence.bytes().enumerate() {
        if !matches!(b, b':' | b';' | b' ') {
            continue;
        }
        for separator in SEPARATORS {
            if !sentence[i..].starts_with(separator) {
                continue;
            }
            if i + separator.len() <= at {
                start = start.max(i + separator.len());
            } else if i >= at {
                end = end.min(i);
            }
        }
        if i >= end {
            break;
        }
    }
    (start, end)
}

/// Where a new clause opens after word `from`: a word of `[clauses]`
/// after a comma (", after Washington imposed …", ", die …"), or a
/// conjunction of `[clauses] bare_*` anywhere ("curbs in March after
/// Washington imposed …").
fn clause_cut(
    text: &str,
    words: &[Word],
    lower: &[&str],
    from: usize,
    after_comma: &[String],
    bare: &[String],
) -> Option<usize> {
    (from.max(1)..words.len()).find_map(|k| {
        let comma = text[words[k - 1].span.end..words[k].span.start].contains(',');
        let opens = (comma && after_comma.iter().any(|w| w == lower[k])) || bare.iter().any(|w| w == lower[k]);
        opens.then_some(words[k].span.start)
    })
}

fn words_between(words: &[Word], start: usize, end: usize) -> usize {
    words.iter().filter(|w| w.span.start >= start && w.span.end <= end).count()
}

/// What joins two names of a list.
const CONJUNCTIONS: &[&str] = &[",", "and", "und", "or", "oder", ", and", ", und", "sowie"];

/// A lowercased gap between two names without the age (and residence) the
/// first is given: ", 61, of the bronx, and" in "Lu Jianwang, 61, of the
/// Bronx, and Chen Jinping" is ", and".
fn without_age(gap: &str) -> &str {
    let Some(rest) = gap.strip_prefix(", ") else { return gap };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(rest) = (1..=3).contains(&digits).then(|| &rest[digits..]).and_then(|r| r.strip_prefix(',')) else {
        return gap;
    };
    // (The residence runs to the next comma.)
    match rest.strip_prefix(" of ").and_then(|r| r.find(',').map(|k| &r[k..])) {
        Some(after) => after,
        None => rest.trim_start(),
    }
}

/// A lowercased gap between two names without the article that may follow
/// its conjunction: "and the" in "Japan and the Netherlands".
fn without_article(gap: &str) -> &str {
    ["the", "die", "der", "das", "den", "dem"]
        .iter()
        .find_map(|a| gap.strip_suffix(a).filter(|g| g.is_empty() || g.ends_with(' ')))
        .map_or(gap, str::trim_end)
}

/// The subjects that follow a German verb-second verb: the first name, and
/// those a conjunction joins to it ("hatten der Bundesnachrichtendienst (BND)
/// und das Bundesamt für Verfassungsschutz Bedenken geäußert"). Names side by
/// side are subject and object ("setzte das Ministerium Huawei auf die Liste").
fn inverted_subjects(text: &str, after: &[&Mention]) -> Vec<usize> {
    let mut out = vec![after[0].entity];
    let mut last = after[0];
    // (Names after commas belong to the list once a conjunction closes it:
    // "Die USA, Großbritannien und Kanada hatten …".)
    let mut listed = Vec::new();
    for next in &after[1..] {
        let gap = text[last.span.end..next.span.start].trim();
        // The subject's acronym in brackets: "(BND)".
        if next.entity == last.entity && gap == "(" {
            last = next;
            continue;
        }
        let gap = gap.strip_prefix(')').unwrap_or(gap).trim().to_lowercase();
        if gap == "," {
            listed.push(next.entity);
            last = next;
            continue;
        }
        // (A short description may follow the conjunction: "Qualcomm sowie
        // die Technologiekonzerne Microsoft und Google".)
        let described = described_after_conjunction(&gap, &["und", "sowie", "and"], 3);
        if !["und", "sowie", "and"].contains(&without_article(&gap)) && !described {
            break;
        }
        for entity in listed.drain(..).chain([next.entity]) {
            if !out.contains(&entity) {
                out.push(entity);
            }
        }
        last = next;
    }
    out
}

/// Whether a gap between two names is a conjunction, then a short
/// description of the second, in at most `max_words` words all told and
/// no punctuation ("and drone maker", "sowie die Technologiekonzerne").
fn described_after_conjunction(gap: &str, conjunctions: &[&str], max_words: usize) -> bool {
    let mut words = gap.split_whitespace();
    words.next().is_some_and(|w| conjunctions.contains(&w))
        && gap.split_whitespace().count() <= max_words
        && !gap.contains([',', ';', ':', '(', ')'])
        && words.all(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

/// The mentions of a list that contains `m`: "Huawei, TikTok and Xiaomi".
fn list_from(text: &str, mentions: &[&Mention], m: &Mention) -> Vec<usize> {
    let mut out = vec![m.entity];
    let mut last = *m;
    for next in mentions.iter().filter(|x| x.span.start > m.span.end) {
        let mut gap = text[last.span.end..next.span.start].trim();
        // A possessor before the next name belongs to it: "Apple, Alphabet's
        // Google and Meta".
        if gap.ends_with("'s") || gap.ends_with("’s") {
            match gap.rsplit_once(' ') {
                Some((head, owner)) if owner.starts_with(char::is_uppercase) => gap = head.trim_end(),
                _ => {}
            }
        }
        let gap_lower = gap.to_lowercase();
        // (Past the age and residence the name before is given: "Lu
        // Jianwang, 61, and Chen Jinping".)
        let gap_lower = without_age(&gap_lower).to_string();
        let joins = [
            ",",
            "and",
            "und",
            "or",
            "oder",
            ", and",
            ", und",
            "sowie",
            ", such as",
            "such as",
            ", including",
            "including",
            ", darunter",
            "darunter",
            ", darunter auch",
            "darunter auch",
            "wie",
            "like",
            ", like",
            "as well as",
            ", darunter auch den",
        ];
        // "SMIC and drone maker DJI", "Qualcomm sowie die Technologiekonzerne
        // Microsoft", "the OPCW and the U.S. nuclear company Westinghouse": a
        // conjunction, then a short description.
        let described = described_after_conjunction(&gap_lower, &["and", "und", "or", "oder", "sowie"], 5);
        // "fined Google 4.3 billion euros and Apple 1.8 billion euros": each
        // name's sum, then the conjunction.
        let summed = starts_sum(gap)
            && (gap_lower.ends_with(" and") || gap_lower.ends_with(" und"))
            && gap.split_whitespace().count() <= 7
            && !gap.contains([',', ';', ':', '(', ')']);
        let joined = described
            || summed
            || CONJUNCTIONS.contains(&without_article(&gap_lower))
            || joins.contains(&gap_lower.as_str())
            || (gap_lower.starts_with(", darunter")
                || gap_lower.starts_with(", such as")
                || gap_lower.starts_with(", including")
                || gap_lower.starts_with("such as"))
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
///
/// Names joined by commas alone are an apposition, not a list ("China's
/// ambassador to Britain, Liu Xiaoming, criticized"): then only the name
/// next to the verb counts.
fn list_around(text: &str, mentions: &[&Mention], m: &Mention) -> Vec<usize> {
    let mut out = vec![m.entity];
    let mut first = *m;
    let mut conjunction = false;
    for prev in mentions.iter().rev().filter(|x| x.span.end < m.span.start) {
        let gap = text[prev.span.end..first.span.start].trim().to_lowercase();
        // "Volkswagen und der chinesische Hersteller Xpeng": a conjunction,
        // then a short description.
        let described = gap.split_whitespace().next().is_some_and(|w| ["and", "und"].contains(&w))
            && (2..=5).contains(&gap.split_whitespace().count())
            && !gap.contains([',', ';', ':', '(', ')']);
        if described {
            conjunction = true;
            if !out.contains(&prev.entity) {
                out.insert(0, prev.entity);
            }
            first = **prev;
            continue;
        }
        let gap = without_article(without_age(&gap));
        if !CONJUNCTIONS.contains(&gap) {
            break;
        }
        conjunction |= gap != ",";
        if !out.contains(&prev.entity) {
            out.insert(0, prev.entity);
        }
        first = **prev;
    }
    if conjunction {
        out
    } else {
        vec![m.entity]
    }
}

/// The police, prosecutors or court (an agency of the COP or JUD sector) that
/// a sentence names as its speaker: right before a speech verb ("Munich
/// prosecutors said") or right after one ("teilte die Staatsanwaltschaft
/// München I mit", "said the prosecutor's office").
fn speaking_authority(
    text: &str,
    words: &[Word],
    lower: &[&str],
    mentions: &[&Mention],
    found: &Found,
    speech: &[String],
) -> Option<usize> {
    let is_speech = |k: usize| lower.get(k).is_some_and(|w| speech.iter().any(|v| v == w));
    mentions.iter().find_map(|m| {
        let entity = &found.entities[m.entity];
        let authority = entity.etype == EntityType::Agency
            && entity.sector.as_deref().is_some_and(|s| ["COP", "JUD"].contains(&s))
            && !m.modifier;
        if !authority {
            return None;
        }
        let after = words.partition_point(|w| w.span.start < m.span.end);
        let before = words.partition_point(|w| w.span.end <= m.span.start);
        // (Past an article: "teilte die …", "said the …".)
        let mut k = before;
        while k > 0 && ["the", "der", "die", "das", "ein", "eine"].contains(&lower[k - 1]) {
            k -= 1;
        }
        // (A name that ends the sentence may still follow its verb: "…,
        // said the Munich prosecutor's office.")
        let said_after =
            words.get(after).is_some_and(|w| is_speech(after) && !text[m.span.end..w.span.start].contains(','));
        let said_before = k > 0 && is_speech(k - 1);
        (said_after || said_before).then_some(m.entity)
    })
}

/// Is the trigger a passive participle? English: a form of "be" (or the
/// paraphrase "changed into") within three words before it. German: a form of
/// "werden" earlier in the sentence and an agent introduced by "von"/"durch",
/// or, with no agent named, a form of "werden" in the participle's own clause
/// that the participle closes ("Huawei wurde sanktioniert.", "Dem Konzern
/// wird vorgeworfen, …").
fn is_passive(
    lang: Lang,
    words: &[Word],
    text: &str,
    lower: &[&str],
    trigger: &TriggerHit,
    lexicon: &Lexicon,
    headline: bool,
) -> bool {
    if trigger.pattern.noun {
        return false;
    }
    let aux_path = lexicon.words.lang_path("voice.passive_aux", lang);
    let aux = lexicon.words.get(&aux_path);
    match lang {
        Lang::En => {
            let from = trigger.first.saturating_sub(3);
            let verb = lower[trigger.last - 1];
            // A participle right before "by" is passive however far its
            // auxiliary ("was spun off from NXP in 2017 and acquired by
            // Wingtech").
            let is_participle = |w: &str| {
                w.ends_with("ed") || lexicon.words.get("voice.irregular_participles_en").iter().any(|p| p == w)
            };
            let participle = is_participle(verb);
            let by_follows =
                trigger.pattern.words.len() == 1 && participle && lower.get(trigger.last).is_some_and(|w| *w == "by");
            // A verb joined to a passive by "and" is active where a name
            // follows it as its object: "demanded that Adani be arrested and
            // accused Prime Minister Narendra Modi of shielding him".
            let joined_active = lower[from..trigger.first].iter().any(|w| ["and", "or"].contains(w))
                && name_at(words, text, trigger.last);
            // A headline drops the auxiliary: a participle right after its
            // subject is passive ("Bankman-Fried denied bail in Bahamas");
            // active verbs stand in the present ("Apple denies claims").
            let headline_participle = headline
                && is_participle(lower[trigger.first])
                && trigger.first > 0
                && name_at(words, text, trigger.first - 1)
                && !lower[..trigger.first].iter().any(|w| {
                    ["has", "have", "had", "to", "who", "which"].contains(w)
                        || lexicon.words.contains_lowered("attribution.en_speech_verbs", w)
                });
            (by_follows
                || headline_participle
                || (participle && coordinated_passive(words, text, lower, trigger.first, lexicon).is_some())
                || any_phrase(lexicon.words.phrases(&aux_path), lower, from, trigger.first))
                && !joined_active
                && !lower[trigger.first].ends_with("ing")
                // (A state is no passive: "Rolls-Royce is in talks with the SFO";
                // nor a progressive before it: "Intel was considering a bid".)
                && lower[trigger.first] != "in"
                // (After the auxiliary: "which occupied a building, was
                // opened" has a noun in "-ing" before it.)
                && !lower[aux_before(lower, aux, from, trigger.first)..trigger.first]
                    .iter()
                    .any(|w| w.len() > 4 && w.ends_with("ing") && *w != "being")
        }
        Lang::De => {
            // ("war … übernommen worden": the auxiliary may follow too.)
            let has_aux = lower[..trigger.first].iter().any(|w| aux.iter().any(|a| a == w))
                || lower.get(trigger.last).is_some_and(|w| *w == "worden");
            // The participle ends a phrase: "mit … Sanktionen belegt".
            let verb = lower[trigger.last - 1];
            let participle = verb.starts_with("ge") || verb.ends_with("en") || verb.ends_with('t');
            let by = lexicon.words.get("voice.passive_by_de");
            // A headline drops the auxiliary: a participle that closes it
            // after its subject is passive ("Terra-Gründer Do Kwon an die
            // USA ausgeliefert"); a finite verb stands second ("EU
            // sanktioniert Russland").
            // ("Bundeskartellamt will Amazon … untersagen" ends in an infinitive.)
            let past_participle =
                verb.ends_with('t') || verb.ends_with("en") && verb.get(2..).is_some_and(|r| r.contains("ge"));
            let headline_participle = headline
                && !has_aux
                && past_participle
                && !lower[..trigger.first].iter().any(|w| AUXILIARIES.contains(w))
                && trigger.pattern.words.len() == 1
                && trigger.first > clause_start_word(words, text, trigger.first) + 1
                && closes_clause(words, text, trigger.last);
            if headline_participle {
                return true;
            }
            if !(has_aux && participle) {
                return false;
            }
            if lower.iter().any(|w| by.iter().any(|b| b == w)) {
                return true;
            }
            // "ist … festgenommen worden": "worden" is a passive's alone.
            if lower.get(trigger.last).is_some_and(|w| *w == "worden") {
                return true;
            }
            // (Commas of a list are within the clause: "Dem 56-Jährigen
            // werden Betrug, Falschbeurkundung und strafbare Werbung
            // vorgeworfen".)
            let mut clause_start = clause_start_word(words, text, trigger.first);
            while clause_start > 0
                && lower[clause_start..trigger.first].iter().any(|w| ["und", "oder", "sowie"].contains(w))
                && !lexicon.words.contains_lowered("voice.clause_openers_de", lower[clause_start])
            {
                clause_start = clause_start_word(words, text, clause_start);
            }
            let aux_in_clause = lower[clause_start..trigger.first].iter().any(|w| aux.iter().any(|a| a == w));
            aux_in_clause && closes_clause(words, text, trigger.last)
        }
    }
}

/// The index of the last word of `aux` among `lower[from..to]`, or `from`.
fn aux_before(lower: &[&str], aux: &[String], from: usize, to: usize) -> usize {
    (from..to).rev().find(|&k| aux.iter().any(|a| a == lower[k])).unwrap_or(from)
}

/// The word index of the "by" of a passive that the English participle at
/// `first` is joined to by "and", sharing its auxiliary and agent: "were
/// arrested by the FBI and charged with …". `Some(None)` when that passive
/// names no agent ("was fined and ordered to pay"); `None` when no passive
/// stands before the "and" in the same clause.
fn coordinated_passive(
    words: &[Word],
    text: &str,
    lower: &[&str],
    first: usize,
    lexicon: &Lexicon,
) -> Option<Option<usize>> {
    let and = first.checked_sub(1).filter(|&k| lower[k] == "and")?;
    let aux = lexicon.words.get("voice.passive_aux_en");
    let irregular = lexicon.words.get("voice.irregular_participles_en");
    let participle = |w: &str| w.ends_with("ed") || irregular.iter().any(|p| p == w);
    let at = (and.saturating_sub(8)..and).rev().find(|&k| {
        aux.iter().any(|a| a == lower[k]) && lower.get(k + 1).is_some_and(|w| participle(w)) && k + 1 < and
    })?;
    if text[words[at].span.end..words[and].span.start].contains([',', ';', ':', '"']) {
        return None;
    }
    Some((at + 2..and).find(|&k| lower[k] == "by"))
}

/// The mention introduced by "by"/"von"/"durch" for this trigger: after a
/// passive verb or a noun in English, anywhere in the clause in German.
#[allow(clippy::too_many_arguments)]
fn by_phrase_mention<'m>(
    text: &str,
    lang: Lang,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    args: &[&'m Mention],
    lexicon: &Lexicon,
    passive: bool,
) -> Vec<&'m Mention> {
    // Lowercased and split at whitespace, as `lower` is.
    let markers = lexicon.words.phrases(&lexicon.words.lang_path("voice.passive_by", lang));
    let range: Vec<usize> = match lang {
        Lang::En => (trigger.last..lower.len()).collect(),
        Lang::De if passive => (0..lower.len()).collect(),
        // A German noun's "von" marks its object, not its agent: only "durch".
        Lang::De => (trigger.last..lower.len()).filter(|&k| lower[k] == "durch").collect(),
    };
    for k in range {
        for parts in markers {
            if k + parts.len() > lower.len() || !parts.iter().enumerate().all(|(n, p)| lower[k + n] == *p) {
                continue;
            }
            if lang == Lang::De && !passive && !(parts.len() == 1 && parts[0] == "durch") {
                continue;
            }
            // After a common noun "von" names its owner, not an agent: "Der
            // Chef von Wirecard, Markus Braun, wurde festgenommen".
            // (A time is no owner: "im Oktober von Robert Simonds übernommen",
            // "Anfang Oktober von".)
            let time = k > 1 && ["im", "am", "anfang", "ende", "mitte", "seit"].contains(&lower[k - 2]);
            // ("durch" names no owner: "die Übernahme durch Midea".)
            let of_noun = lang == Lang::De
                && lower[k] != "durch"
                && k > 0
                && words[k - 1].text(text).starts_with(char::is_uppercase)
                && !time
                && !args.iter().any(|m| m.span.contains(words[k - 1].span));
            if of_noun {
                continue;
            }
            // A participle of another verb between the noun and "by" takes the
            // by-phrase: "a review of products sold in China by Micron", "the
            // probe, first reported by Reuters" (not "sanctions imposed by").
            if lang == Lang::En
                && trigger.pattern.noun
                && other_participle(text, words, lower, trigger.last, k, lexicon)
            {
                continue;
            }
            let after = words[k + parts.len() - 1].span.end;
            // The agent is the first mention within a few words of the marker.
            if let Some(m) =
                args.iter().find(|m| m.span.start >= after && words_between(words, after, m.span.start) <= 4)
            {
                if !(lang == Lang::En && k > trigger.last + 6) {
                    return vec![*m];
                }
            }
        }
    }
    Vec::new()
}

/// The actor a German event noun names in its genitive, where the noun
/// takes the one who acts there (`nominal.subjective_genitive_de`): "der
/// Vorwurf des kanadischen Premierministers Justin Trudeau", "die Kritik der
/// Bundesregierung". A person, body or country within four words of the
/// article, right after the noun.
fn subjective_genitive<'m>(
    text: &str,
    words: &[Word],
    lower: &[&str],
    trigger: &TriggerHit,
    args: &[&'m Mention],
    found: &Found,
    lexicon: &Lexicon,
) -> Option<&'m Mention> {
    let noun = lower[trigger.last - 1];
    if !lexicon.words.contains_lowered("nominal.subjective_genitive_de", noun) {
        return None;
    }
    let article = words.get(trigger.last)?;
    if !["des", "der"].contains(&lower[trigger.last])
        || text[words[trigger.last - 1].span.end..article.span.start] != *" "
    {
        return None;
    }
    let actor = |m: &&&Mention| {
        matches!(
            found.entities[m.entity].etype,
            EntityType::Person | EntityType::Agency | EntityType::Country | EntityType::Organization
        ) && !m.modifier
    };
    args.iter()
        .find(|m| m.span.start > article.span.end && words_between(words, article.span.end, m.span.start) <= 4)
        .filter(actor)
        .filter(|m| !text[article.span.end..m.span.start].contains([',', ';', ':']))
        .copied()
}

/// Does a past participle other than a support verb stand among the
/// lowercased words `lower[from..to]`?
fn other_participle(text: &str, words: &[Word], lower: &[&str], from: usize, to: usize, lexicon: &Lexicon) -> bool {
    let support = lexicon.words.get("nominal.support_verbs_en");
    let irregular = lexicon.words.get("voice.irregular_participles_en");
    (from..to.min(lower.len())).any(|k| {
        let w = lower[k];
        // (A name is none: "in the United States by the Department of Justice".)
        !text::is_capitalized(words[k].text(text))
            && (w.len() > 4 && w.ends_with("ed") || irregular.iter().any(|i| i == w))
            && !support.iter().any(|v| word_matches(v, w))
    })
}

/// How the sentence commits to the event around its trigger.
fn modality(lang: Lang, lower: &[&str], trigger: &TriggerHit, lexicon: &Lexicon, content_follows: bool) -> Modality {
    let phrases = |path: &str| lexicon.words.phrases(&lexicon.words.lang_path(path, lang));
    // A trigger that is itself a negation ("did not respond", "äußerte sich
    // nicht") states a refusal; its own words do not negate it.
    // Cues of several words count too ("called off … merger").
    let pattern: Vec<&str> = trigger.pattern.words.iter().map(|w| w.as_deref().unwrap_or("")).collect();
    let own_negation = any_phrase(phrases("modality.negated"), &pattern, 0, pattern.len());
    // Nor does an accusation's own "alleged" make it alleged.
    let alleged = lexicon.words.lang("modality.alleged", lang);
    let own_modality = trigger.pattern.words.iter().flatten().any(|w| alleged.iter().any(|n| n == w));
    let masked: Vec<&str>;
    let lower = if own_negation || own_modality {
        masked = lower
            .iter()
            .enumerate()
            .map(|(k, w)| if (trigger.first..trigger.last).contains(&k) { "" } else { *w })
            .collect();
        &masked[..]
    } else {
        lower
    };
    let near_from = trigger.first.saturating_sub(4);
    let near_to = if content_follows { trigger.last } else { (trigger.last + 2).min(lower.len()) };
    let (clause_from, clause_to) = match lang {
        // "could lead the White House to sanction": the modal may stand a few words off.
        Lang::En => (trigger.first.saturating_sub(6), trigger.last),
        // German modals sit in second position, the verb at the end: look at the whole sentence before the trigger.
        Lang::De => (0, near_to),
    };
    if any_phrase(phrases("modality.negated"), lower, near_from, near_to) {
        return Modality::Negated;
    }
    // A conjunction after the trigger opens its content, not a condition:
    // "Brüssel untersucht, ob TikTok genug unternommen hat".
    let content = lexicon.words.lang("modality.content", lang);
    let hypothetical = phrases("modality.hypothetical");
    let condition_after = hypothetical
        .iter()
        .filter(|p| !(p.len() == 1 && content.iter().any(|c| *c == p[0])))
        .any(|p| any_phrase(std::slice::from_ref(p), lower, trigger.first.max(clause_from), clause_to));
    if any_phrase(hypothetical, lower, clause_from, trigger.first.max(clause_from)) || condition_after {
        // Reported speech's "would" is a future seen from the past: "Milei
        // said his government would appeal the ruling".
        let end = trigger.last.min(lower.len());
        let would = (clause_from..end).find(|&k| lower[k] == "would").filter(|_| lang == Lang::En);
        let reported = would.is_some_and(|w| {
            let speech = lexicon.words.lowered("attribution.en_speech_verbs");
            (0..w).any(|k| speech.iter().any(|v| v == lower[k]))
                && !any_phrase(hypothetical, lower, w + 1, (trigger.last + 6).min(lower.len()))
                && !any_phrase(hypothetical, lower, clause_from, w)
        });
        if reported {
            return Modality::Future;
        }
        return Modality::Hypothetical;
    }
    if any_phrase(phrases("modality.alleged"), lower, clause_from, clause_to) {
        return Modality::Alleged;
    }
    if any_phrase(phrases("modality.future"), lower, clause_from, clause_to) {
        return Modality::Future;
    }
    Modality::Asserted
}

#[cfg(test)]
mod tests {
    use super::clause_around;

    #[test]
    fn the_clause_around_a_word_ends_at_separators() {
        // (sentence, word, its clause)
        let cases = [
            ("Alibaba: US leads investigation", "leads", " US leads investigation"),
            ("Brüssel (AFP) - Die EU verhängt Sanktionen", "verhängt", "Die EU verhängt Sanktionen"),
            ("A sues B; C denies it", "sues", "A sues B"),
            ("A sues B; C denies it", "denies", " C denies it"),
            ("Berlin – Der Bund — so heißt es – prüft", "prüft", "prüft"),
            ("No separator here", "separator", "No separator here"),
            ("Ratio 3:1 stands", "stands", "1 stands"),
        ];
        for (sentence, word, clause) in cases {
            let at = sentence.find(word).unwrap();
            let (start, end) = clause_around(sentence, at);
            assert_eq!(&sentence[start..end], clause, "{sentence:?} around {word:?}");
        }
    }
}

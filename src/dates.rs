//! Dates: finds date expressions in a sentence and normalises them to ISO
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! Absolute forms ("in August 2020", "im Jahr 2015", "Jan. 5, 2021", "5.
//! Januar 2021", "2021-01-19") need nothing else; relative ones ("last month",
//! "im vergangenen Monat", "im Januar", "am Dienstag") resolve against the
//! document date and are dropped when it is unknown. Pure functions.

use crate::model::Span;
use regex::Regex;
use std::sync::OnceLock;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("montag", 0),
    ("tuesday", 1),
    ("dienstag", 1),
    ("wednesday", 2),
    ("mittwoch", 2),
    ("thursday", 3),
    ("donnerstag", 3),
    ("friday", 4),
    ("freitag", 4),
    ("saturday", 5),
    ("samstag", 5),
    ("sunday", 6),
    ("sonntag", 6),
];

/// Whether a lowercased word names a time: a month, a weekday, a year
/// ("December", "Monday", "2019"), as in "an investigation in December into".
pub(crate) fn is_time_word(word: &str) -> bool {
    month_number(word).is_some()
        || WEEKDAYS.iter().any(|(d, _)| *d == word)
        || word.len() == 4 && word.starts_with(['1', '2']) && word.chars().all(|c| c.is_ascii_digit())
        || ["year", "week", "month"].contains(&word)
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

fn regexes() -> &'static [(Regex, Kind)] {
    static RE: OnceLock<Vec<(Regex, Kind)>> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember)";
        let table = [
            (r"\b(\d{4})-(\d{2})-(\d{2})\b".to_string(), Kind::Iso),
            (format!(r"\b{month} (\d{{1,2}}),? (\d{{4}})\b"), Kind::MonthDayYear),
            (format!(r"\b(\d{{1,2}})\.? {month} (\d{{4}})\b"), Kind::DayMonthYear),
            (format!(r"\b{month} (\d{{4}})\b"), Kind::MonthYear),
            (r"\b(?:in|im Jahr|im Jahre|seit|since|during|bis|until|by|Ende|Anfang|Mitte|early|late|mid-)\s+(\d{4})\b".to_string(), Kind::Year),
            (r"\b(?:In|Im Jahr) (\d{4})\b".to_string(), Kind::Year),
            (r"(?i)\b(last|next|this|previous|im vergangenen|vergangenen|letzten|im letzten|nächsten|im nächsten|diesen|in diesem) (month|year|week|Monat|Jahr|Woche)\b".to_string(), Kind::Relative),
            (format!(r"\b(?:in|im|Im|In|since|seit|last|next) {month}\b"), Kind::BareMonth),
            (r"\b(?:on|am|Am|On|last|vergangenen|letzten) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b".to_string(), Kind::Weekday),
        ];
        table.into_iter().filter_map(|(re, kind)| Regex::new(&re).ok().map(|r| (r, kind))).collect()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    MonthDayYear,
    DayMonthYear,
    MonthYear,
    Year,
    Relative,
    BareMonth,
    Weekday,
}

impl Kind {
    /// Its expressions have a digit (a year, a day).
    fn needs_digit(self) -> bool {
        matches!(self, Kind::Iso | Kind::MonthDayYear | Kind::DayMonthYear | Kind::MonthYear | Kind::Year)
    }
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub span: Span,
    pub iso: String,
}

/// A document date parsed into its parts (year, month, day); missing parts are `None`.
fn parse_iso(date: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let mut parts = date.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m));
    let day = parts.next().and_then(|d| d.parse().ok()).filter(|d| (1..=31).contains(d));
    Some((year, month, day))
}

fn plausible_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

/// Finds dates in `text[span]`, normalised; relative dates need `doc_date`.
pub fn find(text: &str, span: Span, doc_date: Option<&str>) -> Vec<FoundDate> {
    let slice = &text[span.start..span.end];
    let reference = doc_date.and_then(parse_iso);
    let mut out: Vec<FoundDate> = Vec::new();
    // Most expressions have a number (`\d` is any Unicode digit).
    let has_digit = slice.chars().any(char::is_numeric);
    for (re, kind) in regexes() {
        if !has_digit && kind.needs_digit() {
            continue;
        }
        for caps in re.captures_iter(slice) {
            let Some(whole) = caps.get(0) else { continue };
            let found = Span::new(span.start + whole.start(), span.start + whole.end());
            if out.iter().any(|d| d.span.overlaps(found)) {
                continue;
            }
            let group = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
            let iso = match kind {
                Kind::Iso => {
                    let (y, m, d) =
                        (group(1).parse::<i32>().ok(), group(2).parse::<u32>().ok(), group(3).parse::<u32>().ok());
                    match (y, m, d) {
                        (Some(y), Some(m), Some(d))
                            if plausible_year(y) && (1..=12).contains(&m) && (1..=31).contains(&d) =>
                        {
                            Some(format!("{y:04}-{m:02}-{d:02}"))
                        }
                        _ => None,
                    }
                }
                Kind::MonthDayYear => {
                    match (month_number(group(1)), group(2).parse::<u32>(), group(3).parse::<i32>()) {
                        (Some(m), Ok(d), Ok(y)) if plausible_year(y) && (1..=31).contains(&d) => {
                            Some(format!("{y:04}-{m:02}-{d:02}"))
                        }
                        _ => None,
                    }
                }
                Kind::DayMonthYear => {
                    match (group(1).parse::<u32>(), month_number(group(2)), group(3).parse::<i32>()) {
                        (Ok(d), Some(m), Ok(y)) if plausible_year(y) && (1..=31).contains(&d) => {
                            Some(format!("{y:04}-{m:02}-{d:02}"))
                        }
                        _ => None,
                    }
                }
                Kind::MonthYear => match (month_number(group(1)), group(2).parse::<i32>()) {
                    (Some(m), Ok(y)) if plausible_year(y) => Some(format!("{y:04}-{m:02}")),
                    _ => None,
                },
                Kind::Year => group(1).parse::<i32>().ok().filter(|y| plausible_year(*y)).map(|y| format!("{y:04}")),
                Kind::Relative => reference.and_then(|(y, m, _)| {
                    let which = group(1).to_lowercase();
                    let unit = group(2).to_lowercase();
                    let offset: i32 = if ["last", "previous", "im vergangenen", "vergangenen", "letzten", "im letzten"]
                        .contains(&which.as_str())
                    {
                        -1
                    } else if ["next", "nächsten", "im nächsten"].contains(&which.as_str()) {
                        1
                    } else {
                        0
                    };
                    match unit.as_str() {
                        "year" | "jahr" => Some(format!("{:04}", y + offset)),
                        "month" | "monat" => m.map(|m| {
                            let total = y * 12 + (m as i32 - 1) + offset;
                            format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
                        }),
                        _ => None,
                    }
                }),
                Kind::BareMonth => {
                    let words: Vec<&str> = whole.as_str().split_whitespace().collect();
                    let month = words.last().and_then(|w| month_number(w));
                    match (reference, month) {
                        (Some((y, Some(doc_month), _)), Some(m)) => {
                            let year = if m > doc_month { y - 1 } else { y };
                            Some(format!("{year:04}-{m:02}"))
                        }
                        (Some((y, None, _)), Some(m)) => Some(format!("{y:04}-{m:02}")),
                        _ => None,
                    }
                }
                Kind::Weekday => {
                    let day = WEEKDAYS.iter().find(|(w, _)| group(1).eq_ignore_ascii_case(w)).map(|(_, n)| *n);
                    match (reference, day) {
                        (Some((y, Some(m), Some(d))), Some(weekday)) => Some(most_recent_weekday(y, m, d, weekday)),
                        _ => None,
                    }
                }
            };
            if let Some(iso) = iso {
                out.push(FoundDate { span: found, iso });
            }
        }
    }
    out.sort_by_key(|d| d.span);
    out
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The latest date on or before the reference date that falls on `weekday` (0 = Monday).
fn most_recent_weekday(y: i32, m: u32, d: u32, weekday: u32) -> String {
    let days = days_from_civil(y, m, d);
    let today = (days + 3).rem_euclid(7) as u32; // 1970-01-01 was a Thursday (3)
    let back = (today + 7 - weekday) % 7;
    let (y, m, d) = civil_from_days(days - back as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, doc_date: Option<&str>) -> Option<String> {
        find(text, Span::new(0, text.len()), doc_date).into_iter().next().map(|d| d.iso)
    }

    #[test]
    fn normalises() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Alibaba Cloud caught attention in August 2020.", None, Some("2020-08")),
            ("Alibaba Cloud erregte im August 2020 Aufmerksamkeit.", None, Some("2020-08")),
            ("Im Jahr 2015 eröffnete das Unternehmen", None, Some("2015")),
            ("In 2018, the U.S. government blocked a bid", None, Some("2018")),
            ("on Jan. 5, 2021 the order", None, Some("2021-01-05")),
            ("am 5. Januar 2021 wurde", None, Some("2021-01-05")),
            ("Last month, the U.S. authorities", Some("2021-01-19"), Some("2020-12")),
            ("Im vergangenen Monat verhängte", Some("2021-03-02"), Some("2021-02")),
            ("Last month, the U.S. authorities", None, None),
            ("after he took office in January", Some("2021-03-02"), Some("2021-01")),
            ("fielen am Dienstag vor Börseneröffnung", Some("2021-01-21"), Some("2021-01-19")),
            ("rose 3% to 9.2 billion", None, None),
        ];
        for (text, doc_date, expected) in cases {
            assert_eq!(first(text, *doc_date).as_deref(), *expected, "{text}");
        }
    }

    #[test]
    fn calendar_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 1, 19), (2024, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
    }
}

//! The build benchmark: generates a deterministic synthetic corpus of English
//! and German news articles from templates and the lexicon's own names, times
//! `newsgraph build` on it end to end, and compares it with the floor of any
//! lexicon-based extractor measured in the same run (reading the same files
//! and one aho-corasick pass of every lexicon name over them).
//!
//!     cargo run --release --example bench                       # 100 MB
//!     cargo run --release --example bench -- --size 1GB
//!     cargo run --release --example bench -- --articles 100000 --add 10
//!     cargo run --release --example bench -- --size 2MB --threads 1 --keep target/bench
//!
//! Options: `--size N[KB|MB|GB]` (default 100MB) or `--articles N`; `--threads
//! N` (default: all cores); `--add N` also times an incremental build that
//! adds N new articles to the database; `--dir DIR` writes the corpus and the
//! database there (default: a temporary directory, removed at the end);
//! `--keep` keeps it; `--seed N` changes the corpus.

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use newsgraph::pipeline::{self, BuildOptions};
use newsgraph::Lexicon;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The allocator of the `newsgraph` binary, so that the benchmark measures
/// the build as users run it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    size: u64,
    articles: Option<usize>,
    threads: Option<usize>,
    add: usize,
    dir: Option<PathBuf>,
    keep: bool,
    seed: u64,
}

fn parse_size(value: &str) -> Result<u64, String> {
    let upper = value.trim().to_ascii_uppercase();
    let (number, unit) = match upper.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(at) => upper.split_at(at),
        None => (upper.as_str(), "B"),
    };
    let number: f64 = number.parse().map_err(|_| format!("bad size '{value}'"))?;
    let unit = match unit.trim() {
        "B" | "" => 1.0,
        "K" | "KB" => 1e3,
        "M" | "MB" => 1e6,
        "G" | "GB" => 1e9,
        other => return Err(format!("bad size unit '{other}'")),
    };
    Ok((number * unit) as u64)
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { size: 100_000_000, articles: None, threads: None, add: 0, dir: None, keep: false, seed: 1 };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--size" => args.size = parse_size(&value("--size")?)?,
            "--articles" => args.articles = Some(value("--articles")?.parse().map_err(|e| format!("--articles: {e}"))?),
            "--threads" => args.threads = Some(value("--threads")?.parse().map_err(|e| format!("--threads: {e}"))?),
            "--add" => args.add = value("--add")?.parse().map_err(|e| format!("--add: {e}"))?,
            "--dir" => args.dir = Some(PathBuf::from(value("--dir")?)),
            "--seed" => args.seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--keep" => args.keep = true,
            "--bench" => {} // passed by `cargo bench`
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("bench: {message}");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(&args) {
        eprintln!("bench: error: {error}");
        std::process::exit(1);
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let lexicon = Lexicon::builtin()?;
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().ok();
    let temp = match &args.dir {
        Some(_) => None,
        None => Some(tempfile::Builder::new().prefix("newsgraph-bench").tempdir()?),
    };
    let dir = match (&args.dir, &temp) {
        (Some(dir), _) => dir.clone(),
        (None, Some(temp)) => temp.path().to_path_buf(),
        (None, None) => unreachable!(),
    };
    let corpus = dir.join("corpus");
    let db = dir.join("bench.db");
    let _ = std::fs::remove_dir_all(&corpus);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }

    let started = Instant::now();
    let mut generator = Generator::new(&lexicon, args.seed);
    let (n_files, n_bytes) = generator.write_corpus(&corpus, args.size, args.articles)?;
    println!(
        "corpus:     {n_files} articles, {:.1} MB in {} ({:.1} s to generate)",
        mb(n_bytes),
        corpus.display(),
        started.elapsed().as_secs_f64()
    );

    let floor = measure_floor(&corpus, &lexicon)?;
    println!(
        "floor:      {:.1} MB/s (read + one aho-corasick pass of {} lexicon names, {threads} threads, {:.2} s)",
        mb(floor.bytes) / floor.seconds,
        floor.n_patterns,
        floor.seconds
    );

    reset_peak_rss();
    let cpu_before = cpu_seconds();
    let options =
        BuildOptions { paths: vec![corpus.clone()], db: db.clone(), threads: Some(threads), ..BuildOptions::default() };
    let started = Instant::now();
    let report = pipeline::build(&options, &lexicon)?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let peak = peak_rss_kb();
    let db_size = db_bytes(&db);
    let words = floor.words as f64;
    let throughput = mb(n_bytes) / seconds;
    println!(
        "build:      {seconds:.2} s, {threads} threads, {cpu:.1} s of CPU ({:.1} MB per CPU-second), load average before: {}",
        mb(n_bytes) / cpu.max(1e-9),
        load_average()
    );
    println!("  {:>10.1} MB/s", throughput);
    println!("  {:>10.0} words/s   ({} words)", words / seconds, floor.words);
    println!("  {:>10.0} docs/s    ({} documents)", report.added as f64 / seconds, report.added);
    println!(
        "  {:>10.0} entity mentions/s ({} mentions, {} entities)",
        report.n_mentions as f64 / seconds,
        report.n_mentions,
        report.n_entities
    );
    println!(
        "  {:>10.0} events/s  ({} local events, {} events)",
        report.n_local_events as f64 / seconds,
        report.n_local_events,
        report.n_events
    );
    print!("{}", pipeline::format_timings(&report.timings));
    println!("  peak RSS:  {:.0} MB", peak as f64 / 1024.0);
    println!("  database:  {:.1} MB", mb(db_size));
    println!(
        "  fraction of floor: 1/{:.1} ({:.3})",
        (mb(floor.bytes) / floor.seconds) / throughput,
        throughput / (mb(floor.bytes) / floor.seconds)
    );

    if args.add > 0 {
        let added = generator.write_more(&corpus, args.add, n_files)?;
        let started = Instant::now();
        let report = pipeline::build(&options, &lexicon)?;
        println!(
            "incremental: {} new articles added to {} in {:.2} s, rows rewritten for {} documents ({} documents, {} entities, {} events)",
            report.added,
            n_files,
            started.elapsed().as_secs_f64(),
            report.n_rewritten,
            report.n_documents,
            report.n_entities,
            report.n_events
        );
        debug_assert_eq!(report.added, added);
        print!("{}", pipeline::format_timings(&report.timings));
    }
    if args.keep {
        println!("kept:       {}", dir.display());
        if let Some(temp) = temp {
            let _ = temp.keep();
        }
    }
    Ok(())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn db_bytes(db: &Path) -> u64 {
    ["", "-wal"].iter().filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok()).map(|m| m.len()).sum()
}

/// User and system CPU time of this process so far (all threads), from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses).
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name; 100 ticks a second.
    (ticks(11) + ticks(12)) / 100.0
}

/// The 1-minute load average: other work on the machine slows the build.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_default()
}

/// Resets the peak resident set size (Linux: `echo 5 > /proc/self/clear_refs`),
/// so that the peak measured after the build is the build's.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident set size in kB (`VmHWM` of /proc/self/status).
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

struct Floor {
    bytes: u64,
    words: u64,
    seconds: f64,
    n_patterns: usize,
}

/// Reads every file and runs one aho-corasick pass of the whole lexicon over
/// it (every name, alias, adjective and institution noun, as the gazetteer
/// matches them), in parallel.
fn measure_floor(corpus: &Path, lexicon: &Lexicon) -> Result<Floor, Box<dyn std::error::Error>> {
    let mut names: Vec<&str> = Vec::new();
    for entry in &lexicon.entries {
        names.push(&entry.name);
        names.extend(entry.en.iter().chain(&entry.de).map(String::as_str));
    }
    for country in &lexicon.countries {
        names.push(&country.name);
        for list in
            [&country.en, &country.de, &country.adj_en, &country.adj_de, &country.capital_en, &country.capital_de]
        {
            names.extend(list.iter().map(String::as_str));
        }
    }
    for institution in &lexicon.institutions {
        names.extend(institution.en.iter().chain(&institution.de).map(String::as_str));
    }
    names.sort_unstable();
    names.dedup();
    let automaton =
        AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(&names)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    // Words and bytes, counted apart (not part of the floor's work).
    let (bytes, words) = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read(path).unwrap_or_default();
            (text.len() as u64, text.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).count() as u64)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let started = Instant::now();
    let hits: u64 = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read(path).unwrap_or_default();
            automaton.find_overlapping_iter(&text).count() as u64
        })
        .sum();
    let seconds = started.elapsed().as_secs_f64();
    std::hint::black_box(hits);
    Ok(Floor { bytes, words, seconds, n_patterns: names.len() })
}

// ---------------------------------------------------------------------------
// The synthetic corpus
// ---------------------------------------------------------------------------

/// A small deterministic random number generator (SplitMix64), so that the
/// same seed gives the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Zipf-like choice: low indices are much more frequent, as in news.
    fn skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let n = items.len().max(1) as f64;
        let x = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let i = (n.powf(x) - 1.0) as usize;
        &items[i.min(items.len() - 1)]
    }
}

struct Names {
    companies: Vec<String>,
    media: Vec<String>,
    agencies_en: Vec<String>,
    agencies_de: Vec<String>,
    people: Vec<String>,
    countries_en: Vec<String>,
    countries_de: Vec<String>,
    adjectives_en: Vec<String>,
    places: Vec<String>,
    new_companies: Vec<String>,
    new_people: Vec<String>,
}

/// A happening that several articles tell: who did what to whom, when.
#[derive(Clone)]
struct Story {
    kind: usize,
    target: String,
    other: String,
    agency: usize,
    country: usize,
    media: String,
    year: usize,
    month: usize,
}

struct Generator {
    rng: Rng,
    names: Names,
    stories: Vec<Story>,
}

const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

impl Generator {
    fn new(lexicon: &Lexicon, seed: u64) -> Generator {
        let of = |etype: &str, sector: Option<&str>| -> Vec<String> {
            lexicon
                .entries
                .iter()
                .filter(|e| e.etype == etype && (sector.is_none() || e.sector.as_deref() == sector))
                .map(|e| e.en.first().unwrap_or(&e.name).clone())
                .filter(|n| n.chars().count() > 3)
                .collect()
        };
        let mut companies = of("COMPANY", Some("BUS"));
        let mut media = of("COMPANY", Some("MED"));
        let mut people = of("PERSON", None);
        let places = of("LOCATION", None);
        let mut agencies_en = of("AGENCY", None);
        agencies_en.extend(
            ["U.S. Commerce Department", "U.S. Treasury Department", "Federal Trade Commission", "European Commission"]
                .map(String::from),
        );
        let agencies_de = vec![
            "Das US-Handelsministerium".to_string(),
            "Das US-Finanzministerium".to_string(),
            "Die EU-Kommission".to_string(),
            "Das Bundeskartellamt".to_string(),
            "Die chinesische Regierung".to_string(),
        ];
        let countries_en: Vec<String> = lexicon.countries.iter().map(|c| c.name.clone()).collect();
        let countries_de: Vec<String> =
            lexicon.countries.iter().map(|c| c.de.first().unwrap_or(&c.name).clone()).collect();
        let adjectives_en: Vec<String> = lexicon.countries.iter().filter_map(|c| c.adj_en.first().cloned()).collect();
        for (list, fallback) in [(&mut companies, "Alibaba"), (&mut media, "Reuters"), (&mut people, "Jack Ma")] {
            if list.is_empty() {
                list.push(fallback.to_string());
            }
        }
        // Names no lexicon holds, found by patterns: "Norvik Systems Inc", "Lena Hartmann".
        let given: Vec<String> =
            lexicon.words.get("given_names.en").iter().chain(lexicon.words.get("given_names.de")).cloned().collect();
        let given = if given.is_empty() { vec!["Anna".to_string(), "Peter".to_string()] } else { given };
        let syllables =
            ["nor", "vik", "tal", "bren", "ka", "lum", "sen", "dor", "ri", "mar", "ost", "qua", "zel", "fen"];
        let mut rng = Rng(seed ^ 0x5eed);
        let word = |rng: &mut Rng| -> String {
            let n = 2 + rng.below(2);
            let mut w: String = (0..n).map(|_| *rng.pick(&syllables)).collect();
            w[..1].make_ascii_uppercase();
            w
        };
        let suffixes = ["Inc", "Corp", "AG", "GmbH", "Ltd", "Holdings"];
        let new_companies = (0..3000).map(|_| format!("{} {}", word(&mut rng), rng.pick(&suffixes))).collect();
        let new_people = (0..3000).map(|_| format!("{} {}", rng.pick(&given), word(&mut rng))).collect();
        Generator {
            stories: Vec::new(),
            rng: Rng(seed),
            names: Names {
                companies,
                media,
                agencies_en,
                agencies_de,
                people,
                countries_en,
                countries_de,
                adjectives_en,
                places: if places.is_empty() { vec!["Shenzhen".into()] } else { places },
                new_companies,
                new_people,
            },
        }
    }

    /// Writes articles until `size` bytes (or `articles` files) are written.
    fn write_corpus(&mut self, dir: &Path, size: u64, articles: Option<usize>) -> std::io::Result<(usize, u64)> {
        std::fs::create_dir_all(dir)?;
        // About 4.5 kB an article; as in real news, a few stories are told by
        // many articles and many by few: the pool grows with the square root.
        let expected = articles.unwrap_or((size / 4500) as usize).max(1);
        self.make_stories(200 + (40.0 * (expected as f64).sqrt()) as usize);
        let (mut n, mut bytes) = (0usize, 0u64);
        while articles.map_or(bytes < size, |a| n < a) {
            let text = self.article(n);
            bytes += text.len() as u64;
            std::fs::write(dir.join(format!("{n:07}.txt")), text)?;
            n += 1;
        }
        Ok((n, bytes))
    }

    /// Writes `count` more articles after the first `from`.
    fn write_more(&mut self, dir: &Path, count: usize, from: usize) -> std::io::Result<usize> {
        for n in from..from + count {
            std::fs::write(dir.join(format!("{n:07}.txt")), self.article(n))?;
        }
        Ok(count)
    }

    fn company(&mut self) -> String {
        if self.rng.below(5) == 0 {
            self.rng.skewed(&self.names.new_companies).clone()
        } else {
            self.rng.skewed(&self.names.companies).clone()
        }
    }

    fn person(&mut self) -> String {
        if self.rng.below(4) == 0 {
            self.rng.skewed(&self.names.new_people).clone()
        } else {
            self.rng.skewed(&self.names.people).clone()
        }
    }

    fn make_stories(&mut self, n: usize) {
        self.stories = (0..n)
            .map(|_| Story {
                kind: self.rng.below(8),
                target: self.company(),
                other: self.company(),
                agency: self.rng.below(self.names.agencies_en.len().min(self.names.agencies_de.len())),
                country: self.rng.below(self.names.countries_en.len().min(self.names.countries_de.len()).min(40)),
                media: self.rng.pick(&self.names.media).clone(),
                year: 2015 + self.rng.below(10),
                month: 1 + self.rng.below(12),
            })
            .collect();
    }

    fn article(&mut self, n: usize) -> String {
        let german = self.rng.below(3) == 0;
        let stories: Vec<Story> = (0..1 + self.rng.below(2)).map(|_| self.rng.skewed(&self.stories).clone()).collect();
        let main = &stories[0];
        let mut out = String::with_capacity(6000);
        if self.rng.below(2) == 0 {
            let day = 1 + self.rng.below(28);
            let (year, month) = (main.year, main.month);
            let _ =
                write!(out, "---\ndate: {year}-{month:02}-{day:02}\nlang: {}\n---\n", if german { "de" } else { "en" });
        }
        let title = if german {
            format!("{} im Visier der Behörden ({n})", main.target)
        } else {
            format!("{} under scrutiny ({n})", main.target)
        };
        let _ = write!(out, "{title}\n\n");
        let target_len = 2500 + self.rng.below(4000);
        let mut told = 0;
        while out.len() < target_len {
            let sentences = 3 + self.rng.below(4);
            for i in 0..sentences {
                if i > 0 {
                    out.push(' ');
                }
                // About one sentence in five tells one of the article's stories.
                let sentence = if self.rng.below(5) == 0 || told == 0 {
                    told += 1;
                    let story = stories[self.rng.below(stories.len())].clone();
                    if german {
                        self.story_de(&story)
                    } else {
                        self.story_en(&story)
                    }
                } else if german {
                    self.filler_de(&main.target.clone())
                } else {
                    self.filler_en(&main.target.clone())
                };
                out.push_str(&sentence);
            }
            out.push_str("\n\n");
        }
        out
    }

    fn story_en(&mut self, s: &Story) -> String {
        let (t, o, y, m) = (&s.target, &s.other, s.year, MONTHS_EN[s.month - 1]);
        let agency = &self.names.agencies_en[s.agency];
        let country = &self.names.countries_en[s.country];
        match (s.kind, self.rng.below(2)) {
            (0, 0) => format!("The U.S. Commerce Department added {t} to the Entity List in {m} {y}."),
            (0, _) => format!("In {m} {y}, the U.S. Commerce Department added {t} to its trade blacklist."),
            (1, 0) => format!("The {agency} is investigating {t}, according to {}.", s.media),
            (1, _) => format!("The {agency} opened an investigation into {t} in {m} {y}."),
            (2, 0) => format!("{country} imposed sanctions on {t} in {m} {y}."),
            (2, _) => format!("{country} imposed sanctions on {t} last year, {} reported.", s.media),
            (3, 0) => format!("Regulators accused {t} of misleading investors about its business."),
            (3, _) => format!("The {agency} accused {t} of violating export rules."),
            (4, 0) => format!("{o} agreed to acquire a stake in {t} for $1.2 billion, Reuters reported."),
            (4, _) => format!("{o} agreed to acquire {t} in {m} {y}."),
            (5, _) => format!("{country} criticized {t} over its handling of user data."),
            (6, _) => format!("{t} denied the allegations and said it would cooperate with regulators."),
            (_, _) => format!("{t} and {o} signed an agreement to cooperate on research in {y}."),
        }
    }

    fn story_de(&mut self, s: &Story) -> String {
        let (t, o, y, m) = (&s.target, &s.other, s.year, MONTHS_DE[s.month - 1]);
        let agency = &self.names.agencies_de[s.agency];
        let agency_lower = agency.replacen("Das ", "das ", 1).replacen("Die ", "die ", 1);
        let country = &self.names.countries_de[s.country];
        match (s.kind, self.rng.below(2)) {
            (0, 0) => format!("Das US-Handelsministerium setzte {t} im {m} {y} auf die Entity List."),
            (0, _) => format!("Das US-Handelsministerium ermittelt gegen {t}."),
            (1, 0) => format!("Laut {} prüft {agency_lower} die Geschäfte von {t}.", s.media),
            (1, _) => format!("{agency} ermittelt seit {m} {y} gegen {t}."),
            (2, _) => format!("{country} verhängte im {m} {y} Sanktionen gegen {t}."),
            (3, _) => format!("{agency} wirft {t} vor, Daten an Dritte weitergegeben zu haben."),
            (4, _) => format!("{o} übernimmt einen Anteil an {t} für 1,2 Milliarden Euro."),
            (5, _) => format!("{country} kritisierte {t} scharf."),
            (6, _) => format!("{t} wies die Vorwürfe zurück."),
            (_, _) => format!("{t} und {o} vereinbarten eine Zusammenarbeit bei der Forschung."),
        }
    }

    fn filler_en(&mut self, subject: &str) -> String {
        match self.rng.below(14) {
            0 => format!("Shares of {subject} fell 3.4% in early trading on Tuesday."),
            1 => {
                let person = self.person();
                format!("{person} has been the chief executive of {subject} since 2019.")
            }
            2 => {
                let country = self.rng.skewed(&self.names.countries_en).clone();
                format!("The company employs about 12,000 people in {country}.")
            }
            3 => "Analysts expect revenue to grow by about 12 percent next year, driven by cloud services.".to_string(),
            4 => "The review could take several months, people familiar with the matter said.".to_string(),
            5 => {
                let person = self.person();
                format!("\"We are following the rules in every market,\" {person} told reporters.")
            }
            6 => {
                let place = self.rng.pick(&self.names.places).clone();
                format!("The firm opened a new office in {place} two years ago.")
            }
            7 => "It was not immediately clear how the decision would affect customers.".to_string(),
            8 => "The measures take effect immediately and apply to all new contracts.".to_string(),
            9 => {
                let other = self.company();
                format!("Rivals such as {other} have expanded quickly in the same market.")
            }
            10 => "The company declined to comment.".to_string(),
            11 => {
                let adjective = self.rng.skewed(&self.names.adjectives_en).clone();
                format!("{adjective} officials have raised concerns about data security.")
            }
            12 => "Revenue rose 9 percent to 4.1 billion dollars in the quarter.".to_string(),
            _ => format!("{subject} is one of the largest suppliers of network equipment."),
        }
    }

    fn filler_de(&mut self, subject: &str) -> String {
        match self.rng.below(12) {
            0 => "Die Aktie fiel am Dienstag um 3,4 Prozent.".to_string(),
            1 => "Analysten rechnen im kommenden Jahr mit einem Umsatzplus von rund zwölf Prozent.".to_string(),
            2 => {
                let person = self.person();
                format!("{person} leitet {subject} seit 2019.")
            }
            3 => "Die Prüfung könnte mehrere Monate dauern, hieß es aus Branchenkreisen.".to_string(),
            4 => {
                let place = self.rng.pick(&self.names.places).clone();
                format!("Die Gespräche in {place} sollen in der kommenden Woche fortgesetzt werden.")
            }
            5 => "Ein Sprecher des Unternehmens wollte sich dazu nicht äußern.".to_string(),
            6 => "Die Maßnahmen gelten ab sofort für alle neuen Verträge.".to_string(),
            7 => "Kritiker sehen darin einen weiteren Schritt im Handelsstreit zwischen Washington und Peking."
                .to_string(),
            8 => {
                let other = self.company();
                format!("Konkurrenten wie {other} sind im selben Markt stark gewachsen.")
            }
            9 => "Der Umsatz stieg im Quartal um neun Prozent auf 4,1 Milliarden Euro.".to_string(),
            10 => format!("{subject} beschäftigt weltweit rund 12.000 Menschen."),
            _ => "Die Behörde hatte bereits im vergangenen Jahr Bedenken geäußert.".to_string(),
        }
    }
}

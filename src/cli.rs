//! The command line: clap types whose doc comments are the `--help`, turned
//! once into the library's settings, and [`run`], which does what a command
//! asks and writes its output to the streams it is given. All the work is in
//! the library (pipeline, store, export); this module only parses and prints.
//! It never creates a database except in `build`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::model::{EntityType, EventType};
use newsgraph::pipeline::{self, BuildOptions, Progress};
use newsgraph::store::{EntityRef, EventRow, Profile, Store};
use newsgraph::{Error, Lexicon, Result};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

// Graph commands (export options, path, neighbors, timeline, stats): src/cli/analysis.rs.
mod analysis;

const EXAMPLES: &str = "\
Examples:
  newsgraph build                                  # read seeds/ into newsgraph.db
  newsgraph build articles/ --date 2021-07-14 --db news.db
  newsgraph export dot -o graph.dot && dot -Tsvg graph.dot -o graph.svg
  newsgraph export json --mentions -o graph.json
  newsgraph entities --type AGENCY
  newsgraph events --entity Alibaba --type ACCUSE
  newsgraph show US-Handelsministerium
  newsgraph sql 'SELECT * FROM event_view LIMIT 5'
  newsgraph stats
  newsgraph export dot --focus 'Alibaba Cloud' --depth 2 --render svg -o alibaba.svg
  newsgraph path 'Jack Ma' 'Office of Intelligence and Security'
  newsgraph neighbors Alibaba --depth 2
  newsgraph timeline Alibaba --json

Exit status: 0 done, 1 error, 2 usage error, 3 done but some input files were skipped.";

/// Turns English and German news articles into a knowledge graph of actors,
/// agencies, events and relations, stored in SQLite and drawn with Graphviz.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (files and directories) and build the knowledge graph database.
    ///
    /// Directories are read recursively, `.txt` and `.md` files only; a file
    /// named directly is read whatever its extension. The document id is the
    /// file stem; a file already in the database with the same content counts
    /// as unchanged. Files that cannot be read are reported on stderr and
    /// skipped (exit status 3). The whole graph is then rebuilt and stored in
    /// one transaction.
    #[command(after_help = "Examples:\n  newsgraph build\n  newsgraph build seeds more/articles --db news.db\n  \
                            newsgraph build --rebuild --lexicon my-companies.toml")]
    Build(BuildArgs),
    /// Write the graph as Graphviz DOT (or a rendered diagram), JSON, GraphML or Neo4j import CSV.
    ///
    /// `export dot` draws the whole graph, or with --focus the entities within
    /// --depth hops of one; the other Diagram options filter it. Large graphs
    /// are cut to the --max-nodes most central entities (100 by default), and
    /// stderr says what was left out.
    #[command(after_help = "Examples:\n  newsgraph export dot -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n  \
                            newsgraph export dot --focus Alibaba --depth 2 --cluster country --render svg -o alibaba.svg\n  \
                            newsgraph export dot --event-type ACCUSE,SANCTION --since 2020 --min-sources 2\n  \
                            newsgraph export json --mentions > graph.json\n  \
                            newsgraph export graphml -o graph.graphml\n  \
                            newsgraph export csv -o neo4j-import/")]
    Export(ExportArgs),
    /// List entities, the most mentioned first.
    #[command(after_help = "Examples:\n  newsgraph entities\n  newsgraph entities --type COMPANY")]
    Entities(EntitiesArgs),
    /// List events, optionally those of one entity or one type.
    #[command(after_help = "Examples:\n  newsgraph events\n  newsgraph events --entity 'Commerce Department'\n  \
                            newsgraph events --entity Alibaba --type ACCUSE")]
    Events(EventsArgs),
    /// Show everything known about an entity, found by any of its names in any language.
    #[command(after_help = "Examples:\n  newsgraph show Alibaba\n  newsgraph show 'us-handelsministerium'")]
    Show(ShowArgs),
    /// Run one read-only SQL query and print the result as a table.
    ///
    /// The views entity_view, event_view, relation_view and edge_view can be
    /// read without joins; see README.md for their columns.
    #[command(after_help = "Examples:\n  newsgraph sql 'SELECT * FROM event_view LIMIT 5'\n  \
                            newsgraph sql \"SELECT name, n_mentions FROM entity_view WHERE type = 'AGENCY'\"")]
    Sql(SqlArgs),
    /// Count documents, entities, events and relations; components, top entities, most reported events.
    #[command(after_help = "Examples:\n  newsgraph stats --db news.db\n  newsgraph stats --top 5 --json")]
    Stats(analysis::StatsArgs),
    /// The shortest connection between two entities, each hop with its evidence sentence.
    #[command(after_help = "Examples:\n  newsgraph path 'Jack Ma' 'Office of Intelligence and Security'\n  \
                            newsgraph path Alibaba Handelsministerium --json")]
    Path(analysis::PathArgs),
    /// The entities within N hops of an entity, and what links them.
    #[command(
        after_help = "Examples:\n  newsgraph neighbors 'Alibaba Cloud'\n  newsgraph neighbors Alibaba --depth 2 --json"
    )]
    Neighbors(analysis::NeighborsArgs),
    /// An entity's events in date order (undated last).
    #[command(
        after_help = "Examples:\n  newsgraph timeline Alibaba\n  newsgraph timeline 'Trump administration' --json"
    )]
    Timeline(analysis::TimelineArgs),
    /// Score the graph against a hand-made gold file (format: docs/gold-format.md).
    ///
    /// Prints precision, recall and F1 for entities (overall and per type),
    /// events (overall, per type, mode accuracy) and relations, then what was
    /// missed, spurious, fragmented and conflated. The numbers agree with
    /// ../shared/eval/score.py.
    #[command(after_help = "Examples:\n  newsgraph eval --gold ../shared/gold/seeds.json\n  \
                            newsgraph eval --gold tests/heldout/gold.json --db heldout.db --json")]
    Eval(EvalArgs),
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file (JSON, the format of ../shared/gold/seeds.json).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub db: DbArg,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The database option shared by every command.
#[derive(Debug, Args)]
pub struct DbArg {
    /// The SQLite database file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Article files and directories to read.
    #[arg(value_name = "PATHS", default_value = "seeds")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Start the database over instead of adding to it.
    #[arg(long)]
    pub rebuild: bool,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD) of articles whose front matter gives none.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub date: Option<String>,
    /// An extra lexicon file (TOML, the format of lexicon/README.md); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Threads that read and analyse articles (default: one per core); the
    /// result is the same whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Print no progress and no summary (skipped files are still reported on stderr).
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how long each phase of the build took, and the memory it held, on stderr.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON, the contract of ONTOLOGY.md.
    Json,
    /// GraphML (Gephi, yEd, Cytoscape).
    Graphml,
    /// nodes.csv and relationships.csv for neo4j-admin database import (needs -o DIR).
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(value_enum)]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArg,
    /// Write to this file (for csv: this directory) instead of standard output.
    #[arg(long, short, value_name = "FILE", required_if_eq("format", "csv"))]
    pub output: Option<PathBuf>,
    /// JSON: include every entity mention (document, byte span, entity, type, text).
    #[arg(long)]
    pub mentions: bool,
    /// DOT: also draw entities that take part in no event or relation.
    #[arg(long)]
    pub isolated: bool,
    #[command(flatten)]
    pub diagram: analysis::DiagramArgs,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only entities of this type (PERSON, COMPANY, AGENCY, ORGANIZATION, COUNTRY, LOCATION, GROUP, PRODUCT).
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = parse_entity_type)]
    pub etype: Option<EntityType>,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events in which this entity (any name or alias, case-insensitive) takes part.
    #[arg(long, short, value_name = "NAME")]
    pub entity: Option<String>,
    /// Only events of this type (ACCUSE, SANCTION, ...; see ONTOLOGY.md).
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = parse_event_type)]
    pub etype: Option<EventType>,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A name or alias of the entity, in any language, any case.
    pub name: String,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One SQL statement; it may only read.
    pub query: String,
    #[command(flatten)]
    pub db: DbArg,
}

fn parse_date_arg(value: &str) -> std::result::Result<String, String> {
    newsgraph::ingest::parse_date(value).ok_or_else(|| format!("'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
}

fn parse_entity_type(value: &str) -> std::result::Result<EntityType, String> {
    EntityType::parse(value).ok_or_else(|| {
        let all: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown entity type '{value}'; one of {}", all.join(", "))
    })
}

fn parse_event_type(value: &str) -> std::result::Result<EventType, String> {
    EventType::parse(value).ok_or_else(|| {
        let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown event type '{value}'; one of {}", all.join(", "))
    })
}

/// How a command that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked was done.
    Done,
    /// Done, but some input files could not be read and were skipped.
    Skipped,
}

fn stdout_error(source: io::Error) -> Error {
    Error::Io { path: PathBuf::from("standard output"), source }
}

fn stderr_error(source: io::Error) -> Error {
    Error::Io { path: PathBuf::from("standard error"), source }
}

/// Runs a parsed command line, writing results to `out` and reports to
/// `err`. `cancel`, once set (by Ctrl-C), stops a build at its next batch.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write, cancel: Arc<AtomicBool>) -> Result<Outcome> {
    match cli.command {
        Command::Build(args) => build(args, out, err, cancel),
        Command::Export(args) => analysis::export(args, out, err),
        Command::Entities(args) => {
            let store = Store::open_read_only(&args.db.db)?;
            let rows: Vec<Vec<String>> = store
                .entities(args.etype)?
                .into_iter()
                .map(|e| {
                    vec![
                        e.id,
                        e.name,
                        e.etype.to_string(),
                        e.country.unwrap_or_default(),
                        e.sector.unwrap_or_default(),
                        e.n_documents.to_string(),
                        e.n_mentions.to_string(),
                        e.aliases.join(" | "),
                    ]
                })
                .collect();
            let headers = ["ID", "NAME", "TYPE", "COUNTRY", "SECTOR", "DOCS", "MENTIONS", "ALIASES"];
            write_table(out, &headers, &rows)?;
            Ok(Outcome::Done)
        }
        Command::Events(args) => {
            let store = Store::open_read_only(&args.db.db)?;
            let rows: Vec<Vec<String>> = store
                .events(args.entity.as_deref(), args.etype)?
                .into_iter()
                .map(|e| {
                    vec![
                        e.id.clone(),
                        event_kind(&e),
                        names(&e.agents),
                        names(&e.targets),
                        e.date.clone().unwrap_or_default(),
                        e.modality.to_string(),
                        e.n_documents.to_string(),
                        names(&e.reported_by),
                        shorten(e.evidence.as_deref().unwrap_or_default(), 80),
                    ]
                })
                .collect();
            let headers = ["ID", "EVENT", "AGENT", "TARGET", "DATE", "MODALITY", "DOCS", "REPORTED BY", "EVIDENCE"];
            write_table(out, &headers, &rows)?;
            Ok(Outcome::Done)
        }
        Command::Show(args) => {
            let store = Store::open_read_only(&args.db.db)?;
            for (i, profile) in store.profiles(&args.name)?.iter().enumerate() {
                if i > 0 {
                    writeln!(out).map_err(stdout_error)?;
                }
                write_profile(out, profile).map_err(stdout_error)?;
            }
            Ok(Outcome::Done)
        }
        Command::Sql(args) => {
            let store = Store::open_read_only(&args.db.db)?;
            let result = store.query(&args.query)?;
            if !result.columns.is_empty() {
                let headers: Vec<&str> = result.columns.iter().map(String::as_str).collect();
                write_table(out, &headers, &result.rows)?;
            }
            let n = result.rows.len();
            writeln!(out, "({n} {})", if n == 1 { "row" } else { "rows" }).map_err(stdout_error)?;
            Ok(Outcome::Done)
        }
        Command::Eval(args) => {
            let graph = Store::open_read_only(&args.db.db)?.load_graph(false)?;
            let report = newsgraph::eval::run_eval(&args.gold, &graph, args.json)?;
            out.write_all(report.as_bytes()).map_err(stdout_error)?;
            Ok(Outcome::Done)
        }
        Command::Stats(args) => analysis::stats(args, out),
        Command::Path(args) => analysis::path(args, out),
        Command::Neighbors(args) => analysis::neighbors(args, out),
        Command::Timeline(args) => analysis::timeline(args, out),
    }
}

fn build(args: BuildArgs, out: &mut dyn Write, err: &mut dyn Write, cancel: Arc<AtomicBool>) -> Result<Outcome> {
    let lexicon = if args.lexicon.is_empty() { Lexicon::builtin()? } else { Lexicon::with_files(&args.lexicon)? };
    let options = BuildOptions {
        paths: args.paths,
        db: args.db.db,
        rebuild: args.rebuild,
        date: args.date,
        threads: args.threads.map(usize::from),
        cancel: Some(cancel),
    };
    let mut display = ProgressDisplay::new(args.quiet);
    let report = pipeline::build_with_progress(&options, &lexicon, &mut |p| display.update(p));
    display.finish();
    let report = report?;
    for error in &report.skipped {
        writeln!(err, "skipped: {error}").map_err(stderr_error)?;
    }

    if !args.quiet {
        for (document, note) in &report.diagnostics {
            writeln!(err, "note: {document}: {note}").map_err(stderr_error)?;
        }
        if report.added + report.unchanged + report.skipped.len() == 0 {
            writeln!(err, "note: no .txt or .md files found in the given paths").map_err(stderr_error)?;
        }
        writeln!(
            out,
            "read: {} added, {} unchanged, {} skipped\n{}: {} documents, {} entities, {} events, {} relations",
            report.added,
            report.unchanged,
            report.skipped.len(),
            options.db.display(),
            report.n_documents,
            report.n_entities,
            report.n_events,
            report.n_relations,
        )
        .map_err(stdout_error)?;
    }
    if args.timings {
        out.flush().map_err(stdout_error)?;
        write!(err, "timings:\n{}", pipeline::format_timings(&report.timings)).map_err(stderr_error)?;
    }
    if report.skipped.is_empty() {
        Ok(Outcome::Done)
    } else if report.added + report.unchanged == 0 {
        Err(Error::Invalid(format!(
            "none of the input could be read ({} skipped); nothing was added",
            report.skipped.len()
        )))
    } else {
        Ok(Outcome::Skipped)
    }
}

/// Shows how far a build is: a progress bar (files, MB/s, ETA) when stderr
/// is a terminal, a line every few seconds when it is not, nothing with `--quiet`.
struct ProgressDisplay {
    bar: Option<ProgressBar>,
    lines: bool,
    started: Instant,
    last_line: Instant,
    total: (usize, u64),
}

impl ProgressDisplay {
    /// Seconds between two progress lines when stderr is not a terminal.
    const LINE_EVERY: Duration = Duration::from_secs(5);

    fn new(quiet: bool) -> ProgressDisplay {
        let terminal = io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{spinner} {prefix:12} [{bar:30}] {pos}/{len} files  {msg}  ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix("reading");
            bar
        });
        let now = Instant::now();
        ProgressDisplay { bar, lines: !quiet && !terminal, started: now, last_line: now, total: (0, 0) }
    }

    fn update(&mut self, progress: Progress) {
        match progress {
            Progress::Listed { files, bytes } => {
                self.total = (files, bytes);
                if let Some(bar) = &self.bar {
                    bar.set_length(files as u64);
                }
            }
            Progress::Read { files, bytes } => {
                if let Some(bar) = &self.bar {
                    let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
                    bar.set_message(format!("{:.1} MB/s", bytes as f64 / 1e6 / seconds));
                    bar.set_position(files as u64);
                }
                if self.lines && self.last_line.elapsed() >= Self::LINE_EVERY {
                    self.last_line = Instant::now();
                    let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
                    let _ = writeln!(
                        io::stderr(),
                        "build: {files}/{} files, {:.1}/{:.1} MB, {:.1} MB/s",
                        self.total.0,
                        bytes as f64 / 1e6,
                        self.total.1 as f64 / 1e6,
                        bytes as f64 / 1e6 / seconds
                    );
                }
            }
            Progress::Reanalyzed { done, total } => {
                if let Some(bar) = &self.bar {
                    bar.set_prefix("re-analysing");
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
                if self.lines && self.last_line.elapsed() >= Self::LINE_EVERY {
                    self.last_line = Instant::now();
                    let _ = writeln!(io::stderr(), "build: analysing stored documents again, {done}/{total}");
                }
            }
            Progress::Assembling => {
                if let Some(bar) = &self.bar {
                    bar.set_prefix("assembling");
                }
                if self.lines && self.started.elapsed() >= Self::LINE_EVERY {
                    let _ = writeln!(io::stderr(), "build: assembling the graph");
                }
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

fn names(entities: &[EntityRef]) -> String {
    entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(" | ")
}

/// "ACCUSE/investigate"
fn event_kind(event: &EventRow) -> String {
    match &event.mode {
        Some(mode) => format!("{}/{mode}", event.etype),
        None => event.etype.to_string(),
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", text[..i].trim_end()),
        None => text,
    }
}

/// Writes rows under headers, columns padded to their widest cell (the last
/// column is not padded, so lines carry no trailing spaces).
fn write_table(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let clean = |cell: &str| cell.replace(['\n', '\r', '\t'], " ");
    let headers: Vec<String> = headers.iter().map(|h| clean(h)).collect();
    let rows: Vec<Vec<String>> = rows.iter().map(|row| row.iter().map(|c| clean(c)).collect()).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(width) = widths.get_mut(i) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let separator: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    for row in std::iter::once(&headers).chain(std::iter::once(&separator)).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < row.len() {
                let width = widths.get(i).copied().unwrap_or(0);
                line.push_str(&" ".repeat(width.saturating_sub(cell.chars().count())));
            }
        }
        writeln!(out, "{}", line.trim_end()).map_err(stdout_error)?;
    }
    Ok(())
}

fn write_profile(out: &mut dyn Write, profile: &Profile) -> io::Result<()> {
    let entity = &profile.entity;
    writeln!(out, "{} ({})", one_line(&entity.name), entity.id)?;
    writeln!(out, "  type:      {}", entity.etype)?;
    if let Some(country) = &entity.country {
        writeln!(out, "  country:   {country}")?;
    }
    if let Some(sector) = &entity.sector {
        writeln!(out, "  sector:    {sector}")?;
    }
    if !entity.aliases.is_empty() {
        writeln!(out, "  aliases:   {}", one_line(&entity.aliases.join(" | ")))?;
    }
    writeln!(out, "  mentions:  {} in {} documents", entity.mentions, profile.documents.len())?;
    if !profile.documents.is_empty() {
        writeln!(out, "documents:")?;
        for (id, title) in &profile.documents {
            writeln!(out, "  {id}  {}", one_line(title))?;
        }
    }
    type Role = fn(&EventRow) -> &[EntityRef];
    let roles: [(&str, Role); 3] = [
        ("events as agent", |e| &e.agents),
        ("events as target", |e| &e.targets),
        ("events it reported", |e| &e.reported_by),
    ];
    for (title, role) in roles {
        let events: Vec<&EventRow> =
            profile.events.iter().filter(|e| role(e).iter().any(|r| r.id == entity.id)).collect();
        if events.is_empty() {
            continue;
        }
        writeln!(out, "{title}:")?;
        for event in events {
            let date = event.date.as_deref().map(|d| format!(" {d}")).unwrap_or_default();
            let n = event.n_documents;
            writeln!(
                out,
                "  {}  {}{date}  {} → {}  ({}, {n} {})",
                event.id,
                event_kind(event),
                one_line(or_dash(&names(&event.agents))),
                one_line(or_dash(&names(&event.targets))),
                event.modality,
                if n == 1 { "article" } else { "articles" },
            )?;
        }
    }
    if !profile.relations.is_empty() {
        writeln!(out, "relations:")?;
        for relation in &profile.relations {
            let (source, target) = (one_line(&relation.source.name), one_line(&relation.target.name));
            writeln!(out, "  {}  {source} {} {target}", relation.id, relation.rtype)?;
        }
    }
    Ok(())
}

/// Text on one line: line breaks and other control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() {
        "-"
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn table_alignment() {
        let mut out = Vec::new();
        let rows = vec![vec!["e1".to_string(), "Türkei".to_string(), "x".to_string()]];
        write_table(&mut out, &["ID", "NAME", "Z"], &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "ID  NAME    Z\n--  ------  -\ne1  Türkei  x\n");
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("a  b\nc", 10), "a b c");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }
}

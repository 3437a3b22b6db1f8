//! Store: the SQLite database that keeps the documents and the corpus graph.
//!
//! The schema lives in `schema.sql` at the top of the repository, embedded
//! here with `include_str!` and versioned with `PRAGMA user_version`; this
//! module holds the only other SQL in newsgraph. Writes happen in one
//! transaction ([`Store::replace_all`], [`Store::clear`]), so a failed build
//! leaves what was stored before. A file that is not a newsgraph database,
//! or one of another schema version, is reported and never written to.
//! [`Store::load_graph`] gives back exactly the [`Graph`] that was stored, in
//! a deterministic order, so exports of the same input are byte-identical.
//! The helper queries ([`Store::entities`], [`Store::events`],
//! [`Store::profiles`], [`Store::stats`], [`Store::query`]) serve the CLI.

use crate::assemble;
use crate::compact::Compact;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::{
    Analysis, Document, DocumentInfo, Entity, EntityType, Event, EventType, Evidence, Graph, GraphMention, Lang,
    Modality, Relation, RelationType, Span,
};
use crate::text::fold;
use rayon::prelude::*;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, ErrorCode, OpenFlags};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database schema, `schema.sql`.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// The `PRAGMA user_version` this newsgraph writes and reads.
pub const SCHEMA_VERSION: i64 = 3;

/// The oldest schema version that [`Store::open`] upgrades (running the
/// `upgrade-N` sections of `schema.sql` from it to [`SCHEMA_VERSION`]) and
/// that [`Store::open_read_only`] reads as it is.
const OLDEST_UPGRADABLE_VERSION: i64 = 1;

/// Every table, children before parents (the order to empty them in).
const TABLES_CHILD_FIRST: &[&str] = &[
    "relation_documents",
    "relation_evidence",
    "relations",
    "event_documents",
    "event_evidence",
    "event_roles",
    "events",
    "mentions",
    "entity_documents",
    "aliases",
    "entities",
    "row_digests",
    "analyses",
    "sentences",
    "documents",
];

/// The tables of the corpus graph that list entities and relations (not
/// documents, not events), children before parents: what every assembly
/// rewrites. Events are rewritten where they changed (see
/// [`event_signatures`]).
const ENTITY_TABLES_CHILD_FIRST: &[&str] =
    &["relation_documents", "relation_evidence", "relations", "aliases", "entities"];

/// The tables of the corpus graph, children before parents: what an
/// assembly rewrites when it rewrites everything.
const GRAPH_TABLES_CHILD_FIRST: &[&str] = &[
    "relation_documents",
    "relation_evidence",
    "relations",
    "event_documents",
    "event_evidence",
    "event_roles",
    "events",
    "mentions",
    "entity_documents",
    "aliases",
    "entities",
];

/// How the store opened its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

/// An open newsgraph database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    access: Access,
}

/// The result of [`Store::query`]: column names and every row as text
/// (`NULL` as an empty string).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// An entity as a row of the `entities` listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub etype: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub aliases: Vec<String>,
    pub n_documents: usize,
    pub n_mentions: usize,
}

/// An entity id with its name, as events and relations refer to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
}

/// An event with the names of its participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: String,
    pub etype: EventType,
    pub mode: Option<String>,
    pub agents: Vec<EntityRef>,
    pub targets: Vec<EntityRef>,
    pub reported_by: Vec<EntityRef>,
    pub date: Option<String>,
    pub modality: Modality,
    pub n_documents: usize,
    /// The first evidence sentence, if any.
    pub evidence: Option<String>,
}

/// A relation with the names of its ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRow {
    pub id: String,
    pub source: EntityRef,
    pub rtype: RelationType,
    pub target: EntityRef,
    pub n_documents: usize,
}

/// Everything the database knows about one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub entity: Entity,
    /// The documents that mention it: (id, title).
    pub documents: Vec<(String, String)>,
    /// The events it takes part in (as agent, target or reporter).
    pub events: Vec<EventRow>,
    /// The relations it is the source or target of.
    pub relations: Vec<RelationRow>,
}

/// Counts for `newsgraph stats`. Every breakdown is sorted by its key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub n_documents: usize,
    pub documents_by_lang: Vec<(String, usize)>,
    pub n_sentences: usize,
    pub n_entities: usize,
    pub entities_by_type: Vec<(String, usize)>,
    pub n_mentions: usize,
    pub n_events: usize,
    pub events_by_type: Vec<(String, usize)>,
    pub n_relations: usize,
    pub relations_by_type: Vec<(String, usize)>,
}

/// The sort key that puts ids in numeric order: `e2` before `e10`.
pub fn id_order(id: &str) -> (&str, u64, &str) {
    let digits = id.len() - id.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
    let (prefix, number) = id.split_at(digits);
    (prefix, number.parse().unwrap_or(u64::MAX), id)
}

/// The text of one `-- section: NAME` of `schema.sql`.
fn schema_section(name: &str) -> &'static str {
    let marker = format!("-- section: {name}\n");
    let Some(at) = SCHEMA.find(&marker) else { return "" };
    let rest = &SCHEMA[at + marker.len()..];
    match rest.find("-- section: ") {
        Some(end) => &rest[..end],
        None => rest,
    }
}

/// What is at a database path before SQLite touches it.
enum FileState {
    Missing,
    Empty,
    Sqlite,
}

/// Looks at the file without opening it as a database, so that a file that is
/// not SQLite is never written to.
fn inspect_file(path: &Path) -> Result<FileState> {
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(source) => {
            // "Not a directory" and the like: say which part of the path is wrong.
            check_parent_directory(path)?;
            return Err(Error::Io { path: path.to_path_buf(), source });
        }
    };
    if metadata.is_dir() {
        return Err(Error::NotNewsgraph { path: path.to_path_buf(), message: "is a directory".into() });
    }
    if metadata.len() == 0 {
        return Ok(FileState::Empty);
    }
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let n = file.read(&mut header).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if n < header.len() || &header != b"SQLite format 3\0" {
        return Err(Error::NotNewsgraph {
            path: path.to_path_buf(),
            message: "not a SQLite database (the file was left untouched)".into(),
        });
    }
    Ok(FileState::Sqlite)
}

impl Store {
    /// Opens the database at `path`, creating it (with the schema) when there
    /// is no file yet. A file that is not a newsgraph database, or one of
    /// another schema version, is an error and is left as it is.
    ///
    /// A new database is created under a temporary name beside `path` and
    /// renamed into place once it holds the whole schema, so that a process
    /// killed while creating it leaves either no database or a complete,
    /// empty one (never a file without tables).
    pub fn open(path: &Path) -> Result<Store> {
        if matches!(inspect_file(path)?, FileState::Missing) {
            check_parent_directory(path)?;
            let creating = sibling(path, ".creating");
            remove_database_files(&creating);
            let result = Store::open_existing(&creating).and_then(|store| {
                // Closing the only connection checkpoints the WAL into the
                // main file and removes it: the file alone is the database.
                store.conn.close().map_err(|(_, e)| Error::Database { path: path.to_path_buf(), source: e })
            });
            let result = result.and_then(|()| {
                // A journal or WAL left beside a deleted database belongs to
                // no database: SQLite would play it into the new one.
                remove_database_files(path);
                fs::rename(&creating, path)
                    .map_err(|e| Error::Unwritable { path: path.to_path_buf(), message: e.to_string() })
            });
            if let Err(error) = result {
                remove_database_files(&creating);
                return Err(match error {
                    // Name the file the user asked for, not the temporary one.
                    Error::Unwritable { message, .. } => Error::Unwritable { path: path.to_path_buf(), message },
                    Error::Database { source, .. } => Error::Database { path: path.to_path_buf(), source },
                    other => other,
                });
            }
        }
        Store::open_existing(path)
    }

    /// [`Store::open`] on a file that exists, or that SQLite creates in place.
    fn open_existing(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf(), access: Access::ReadWrite };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| store.db_error(e))?;
        match store.probe_version()? {
            0 if store.n_schema_objects()? == 0 => store.create_schema()?,
            0 => {
                return Err(Error::NotNewsgraph {
                    path: path.to_path_buf(),
                    message: "a SQLite database, but not a newsgraph one (the file was left untouched)".into(),
                })
            }
            SCHEMA_VERSION => store.conn.execute_batch(schema_section("connection")).map_err(|e| store.db_error(e))?,
            old @ OLDEST_UPGRADABLE_VERSION..SCHEMA_VERSION => {
                store.conn.execute_batch(schema_section("connection")).map_err(|e| store.db_error(e))?;
                for version in old..SCHEMA_VERSION {
                    let upgrade = schema_section(&format!("upgrade-{version}"));
                    store.conn.execute_batch(upgrade).map_err(|e| store.db_error(e))?;
                }
            }
            found => return Err(Error::SchemaVersion { path: path.to_path_buf(), found, expected: SCHEMA_VERSION }),
        }
        Ok(store)
    }

    /// Opens an existing database for reading only (`PRAGMA query_only`):
    /// every write through it fails. A missing file is
    /// [`Error::NoDatabase`]: it is never created.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match inspect_file(path)? {
            FileState::Missing => return Err(Error::NoDatabase { path: path.to_path_buf() }),
            FileState::Empty => {
                return Err(Error::NotNewsgraph {
                    path: path.to_path_buf(),
                    message: "empty file, not a newsgraph database; run `newsgraph build` first".into(),
                })
            }
            FileState::Sqlite => {}
        }
        // Opened for writing where the file allows it, so that closing the
        // last connection cleans up the WAL files as usual; `query_only` (set
        // below) and the statement check in `query` refuse every write.
        let read_write = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, read_write)
            .or_else(|_| Connection::open_with_flags(path, read_only))
            .map_err(|e| open_error(path, e))?;
        let store = Store { conn, path: path.to_path_buf(), access: Access::ReadOnly };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| store.db_error(e))?;
        match store.probe_version()? {
            OLDEST_UPGRADABLE_VERSION..=SCHEMA_VERSION => {}
            0 => {
                return Err(Error::NotNewsgraph {
                    path: path.to_path_buf(),
                    message: "a SQLite database, but not a newsgraph one".into(),
                })
            }
            found => return Err(Error::SchemaVersion { path: path.to_path_buf(), found, expected: SCHEMA_VERSION }),
        }
        store.conn.execute_batch("PRAGMA query_only = ON;").map_err(|e| store.db_error(e))?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Empties every table, in one transaction.
    pub fn clear(&mut self) -> Result<()> {
        let path = self.path.clone();
        let db = |e| Error::Database { path: path.clone(), source: e };
        let tx = self.conn.transaction().map_err(db)?;
        for table in TABLES_CHILD_FIRST {
            tx.execute(&format!("DELETE FROM {table}"), []).map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    /// Every stored document with its text, sorted by id, ready to be analysed again.
    pub fn load_documents(&self) -> Result<Vec<Document>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, path, text, sha256, title, date, lang_hint, body_start FROM documents ORDER BY id")
            .map_err(|e| self.db_error(e))?;
        let rows = stmt
            .query_map([], |row| {
                let lang_hint: Option<String> = row.get(6)?;
                Ok(Document {
                    id: row.get(0)?,
                    path: row.get(1)?,
                    text: row.get(2)?,
                    sha256: row.get(3)?,
                    title: row.get(4)?,
                    date: row.get(5)?,
                    lang_hint: lang_hint.as_deref().and_then(Lang::from_code),
                    body_start: row.get::<_, i64>(7)?.try_into().unwrap_or(0),
                })
            })
            .map_err(|e| self.db_error(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db_error(e))
    }

    /// Replaces everything stored with `docs` (and their sentences, from
    /// `analyses[i]` for `docs[i]`) and `graph`, in one transaction: if any
    /// of it fails, the database keeps what it held before.
    pub fn replace_all(&mut self, docs: &[Document], analyses: &[Analysis], graph: &Graph) -> Result<()> {
        check_references(docs, graph)?;
        let path = self.path.clone();
        let db = |e| Error::Database { path: path.clone(), source: e };
        let tx = self.conn.transaction().map_err(db)?;
        for table in TABLES_CHILD_FIRST {
            tx.execute(&format!("DELETE FROM {table}"), []).map_err(db)?;
        }
        // Indexes are rebuilt once after the load rather than row by row.
        let indexes: Vec<String> = {
            let mut stmt = tx
                .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                .map_err(db)?;
            let names = stmt.query_map([], |row| row.get(0)).map_err(db)?;
            names.collect::<rusqlite::Result<_>>().map_err(db)?
        };
        for index in &indexes {
            tx.execute(&format!("DROP INDEX \"{}\"", index.replace('"', "\"\"")), []).map_err(db)?;
        }

        write_documents(&tx, docs, analyses, graph).map_err(db)?;
        write_graph(&tx, docs, analyses, graph).map_err(db)?;

        tx.execute_batch(schema_section("indexes")).map_err(db)?;
        tx.commit().map_err(db)
    }

    /// The stored graph: documents by id, entities, events and relations in
    /// numeric id order (`e2` before `e10`), lists in the order they were
    /// stored, and (when `with_mentions`) every mention sorted by document
    /// and position.
    pub fn load_graph(&self, with_mentions: bool) -> Result<Graph> {
        self.read_graph(with_mentions).map_err(|e| self.db_error(e))
    }

    /// Runs one read-only SQL statement and returns its columns and rows as
    /// text. A statement that would write is refused with [`Error::ReadOnly`].
    pub fn query(&self, sql: &str) -> Result<QueryResult> {
        if sql.trim().trim_end_matches(';').trim().is_empty() {
            return Err(Error::Invalid("sql: the query is empty".into()));
        }
        let mut stmt = match self.conn.prepare(sql) {
            Ok(stmt) => stmt,
            Err(rusqlite::Error::MultipleStatement) => {
                return Err(Error::Invalid("sql: give one statement at a time".into()));
            }
            Err(e) => return Err(self.db_error(e)),
        };
        if !stmt.readonly() {
            return Err(Error::ReadOnly { path: self.path.clone() });
        }
        let columns: Vec<String> = stmt.column_names().map(String::from).collect();
        let n_columns = columns.len();
        let mut rows = stmt.query([]).map_err(|e| self.db_error(e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.db_error(e))? {
            let mut cells = Vec::with_capacity(n_columns);
            for i in 0..n_columns {
                let value = row.get_ref(i).map_err(|e| self.db_error(e))?;
                cells.push(value_to_string(value));
            }
            out.push(cells);
        }
        Ok(QueryResult { columns, rows: out })
    }

    /// Entities, optionally of one type: the most mentioned first, then by
    /// name and id.
    pub fn entities(&self, etype: Option<EntityType>) -> Result<Vec<EntityRow>> {
        let run = || -> rusqlite::Result<Vec<EntityRow>> {
            let aliases = self.grouped("SELECT entity, alias FROM aliases ORDER BY entity, position")?;
            let mut stmt = self.conn.prepare(
                "SELECT id, name, type, country, sector, n_documents, n_mentions FROM entity_view
                  WHERE ?1 IS NULL OR type = ?1",
            )?;
            let rows = stmt.query_map([etype.map(|t| t.as_str())], |row| {
                let id: String = row.get(0)?;
                Ok(EntityRow {
                    aliases: aliases.get(&id).cloned().unwrap_or_default(),
                    name: row.get(1)?,
                    etype: parse_column(row, 2, EntityType::parse)?,
                    country: row.get(3)?,
                    sector: row.get(4)?,
                    n_documents: get_count(row, 5)?,
                    n_mentions: get_count(row, 6)?,
                    id,
                })
            })?;
            let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.sort_by(|a, b| {
                (b.n_mentions, a.name.to_lowercase(), id_order(&a.id)).cmp(&(
                    a.n_mentions,
                    b.name.to_lowercase(),
                    id_order(&b.id),
                ))
            });
            Ok(rows)
        };
        run().map_err(|e| self.db_error(e))
    }

    /// The ids of the entities whose name or an alias is `name`, compared
    /// case-insensitively; failing that, compared folded (without
    /// diacritics, punctuation or `ß`, so "U.S. Department of Commerce"
    /// finds "US Department of Commerce"). Sorted by id.
    pub fn find_entities(&self, name: &str) -> Result<Vec<String>> {
        let names = self.all_names()?;
        let lower = name.trim().to_lowercase();
        let mut ids: BTreeSet<(&str, u64, &str)> =
            names.iter().filter(|(_, n)| n.to_lowercase() == lower).map(|(id, _)| id_order(id)).collect();
        if ids.is_empty() {
            let folded = fold(name);
            if !folded.is_empty() {
                ids = names.iter().filter(|(_, n)| fold(n) == folded).map(|(id, _)| id_order(id)).collect();
            }
        }
        Ok(ids.into_iter().map(|(_, _, id)| id.to_string()).collect())
    }

    /// Up to `max` names and aliases that look like `name` (share most of
    /// their letters or contain it), closest first.
    pub fn suggest(&self, name: &str, max: usize) -> Result<Vec<String>> {
        let query = fold(name);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut scored: BTreeMap<(usize, String), ()> = BTreeMap::new();
        let mut seen = HashSet::new();
        for (_, candidate) in self.all_names()? {
            let folded = fold(&candidate);
            if folded.is_empty() || !seen.insert(candidate.clone()) {
                continue;
            }
            let distance = edit_distance(&query, &folded);
            let limit = (query.chars().count() / 3).max(2);
            let contains = query.chars().count() >= 3 && (folded.contains(&query) || query.contains(&folded));
            if distance <= limit || contains {
                let score = if contains { distance.min(limit) } else { distance };
                scored.insert((score, candidate), ());
            }
        }
        Ok(scored.into_keys().map(|(_, name)| name).take(max).collect())
    }

    /// Events, optionally only those in which an entity called `entity`
    /// (any name or alias, see [`Store::find_entities`]) takes part, and only
    /// of one type. Sorted by id. An unknown entity name is
    /// [`Error::UnknownEntity`] with suggestions.
    pub fn events(&self, entity: Option<&str>, etype: Option<EventType>) -> Result<Vec<EventRow>> {
        let ids = match entity {
            Some(name) => {
                let ids = self.find_entities(name)?;
                if ids.is_empty() {
                    return Err(self.unknown_entity(name));
                }
                Some(ids)
            }
            None => None,
        };
        self.event_rows(ids.as_deref(), etype).map_err(|e| self.db_error(e))
    }

    /// The profile of every entity called `name` (one, or several for
    /// homonyms such as Washington the city and Washington the government).
    /// An unknown name is [`Error::UnknownEntity`] with suggestions.
    pub fn profiles(&self, name: &str) -> Result<Vec<Profile>> {
        let ids = self.find_entities(name)?;
        if ids.is_empty() {
            return Err(self.unknown_entity(name));
        }
        let run = || -> rusqlite::Result<Vec<Profile>> {
            let graph_entities = self.read_entities()?;
            let titles: HashMap<String, String> = {
                let mut stmt = self.conn.prepare("SELECT id, title FROM documents")?;
                let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let relations = self.relation_rows()?;
            let mut profiles = Vec::new();
            for id in &ids {
                let Some(entity) = graph_entities.iter().find(|e| &e.id == id) else { continue };
                let documents =
                    entity.documents.iter().map(|d| (d.clone(), titles.get(d).cloned().unwrap_or_default())).collect();
                let events = self.event_rows(Some(std::slice::from_ref(id)), None)?;
                let relations =
                    relations.iter().filter(|r| &r.source.id == id || &r.target.id == id).cloned().collect();
                profiles.push(Profile { entity: entity.clone(), documents, events, relations });
            }
            Ok(profiles)
        };
        run().map_err(|e| self.db_error(e))
    }

    /// Counts of documents, sentences, entities, mentions, events and relations.
    pub fn stats(&self) -> Result<Stats> {
        let run = || -> rusqlite::Result<Stats> {
            let count = |table: &str| -> rusqlite::Result<usize> {
                let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                Ok(n.try_into().unwrap_or(0))
            };
            let by = |sql: &str| -> rusqlite::Result<Vec<(String, usize)>> {
                let mut stmt = self.conn.prepare(sql)?;
                let rows = stmt.query_map([], |row| Ok((row.get(0)?, get_count(row, 1)?)))?;
                rows.collect()
            };
            Ok(Stats {
                n_documents: count("documents")?,
                documents_by_lang: by(
                    "SELECT coalesce(lang, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 1",
                )?,
                n_sentences: count("sentences")?,
                n_entities: count("entities")?,
                entities_by_type: by("SELECT type, count(*) FROM entities GROUP BY type ORDER BY type")?,
                n_mentions: count("mentions")?,
                n_events: count("events")?,
                events_by_type: by("SELECT type, count(*) FROM events GROUP BY type ORDER BY type")?,
                n_relations: count("relations")?,
                relations_by_type: by("SELECT type, count(*) FROM relations GROUP BY type ORDER BY type")?,
            })
        };
        run().map_err(|e| self.db_error(e))
    }

    // -----------------------------------------------------------------------
    // Opening
    // -----------------------------------------------------------------------

    fn db_error(&self, source: rusqlite::Error) -> Error {
        Error::Database { path: self.path.clone(), source }
    }

    fn unknown_entity(&self, name: &str) -> Error {
        Error::UnknownEntity { name: name.to_string(), suggestions: self.suggest(name, 5).unwrap_or_default() }
    }

    /// Reads `user_version`. A file SQLite cannot read is reported as not a
    /// newsgraph database before anything is written to it.
    fn probe_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(|e| self.probe_error(e))
    }

    fn n_schema_objects(&self) -> Result<i64> {
        self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0)).map_err(|e| self.probe_error(e))
    }

    fn probe_error(&self, error: rusqlite::Error) -> Error {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::NotNewsgraph {
                path: self.path.clone(),
                message: format!("corrupt or not a SQLite database ({error}); the file was left untouched"),
            },
            _ => self.db_error(error),
        }
    }

    fn create_schema(&mut self) -> Result<()> {
        debug_assert_eq!(self.access, Access::ReadWrite);
        let path = self.path.clone();
        let result = self.conn.execute_batch(schema_section("connection")).and_then(|()| {
            self.conn.execute_batch(schema_section("create"))?;
            self.conn.execute_batch(schema_section("indexes"))
        });
        result.map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Error::Unwritable { path, message: e.to_string() }
            }
            _ => Error::Database { path, source: e },
        })
    }

    // -----------------------------------------------------------------------
    // Reading
    // -----------------------------------------------------------------------

    /// Runs a two-column query `(key, value)` ordered by key and position and
    /// groups the values by key.
    fn grouped(&self, sql: &str) -> rusqlite::Result<HashMap<String, Vec<String>>> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        while let Some(row) = rows.next()? {
            out.entry(row.get(0)?).or_default().push(row.get(1)?);
        }
        Ok(out)
    }

    /// Every (entity id, name or alias) pair.
    fn all_names(&self) -> Result<Vec<(String, String)>> {
        let run = || -> rusqlite::Result<Vec<(String, String)>> {
            let mut stmt = self
                .conn
                .prepare("SELECT id, name FROM entities UNION SELECT entity, alias FROM aliases ORDER BY 1, 2")?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.db_error(e))
    }

    fn read_graph(&self, with_mentions: bool) -> rusqlite::Result<Graph> {
        let documents = {
            let mut stmt =
                self.conn.prepare("SELECT id, path, lang, title, sha256, date FROM documents ORDER BY id")?;
            let rows = stmt.query_map([], |row| {
                Ok(DocumentInfo {
                    id: row.get(0)?,
                    path: row.get(1)?,
                    lang: row.get(2)?,
                    title: row.get(3)?,
                    sha256: row.get(4)?,
                    date: row.get(5)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let entities = self.read_entities()?;
        let events = self.read_events()?;
        let relations = self.read_relations()?;
        let mentions = if with_mentions { Some(self.read_mentions()?) } else { None };
        Ok(Graph { documents, entities, events, relations, mentions })
    }

    fn read_entities(&self) -> rusqlite::Result<Vec<Entity>> {
        let mut aliases = self.grouped("SELECT entity, alias FROM aliases ORDER BY entity, position")?;
        let mut documents = self.grouped("SELECT entity, document FROM entity_documents ORDER BY entity, position")?;
        let mut stmt = self.conn.prepare("SELECT id, name, type, country, sector, n_mentions FROM entities")?;
        let rows = stmt.query_map([], |row| {
            let id: String = row.get(0)?;
            Ok(Entity {
                name: row.get(1)?,
                etype: parse_column(row, 2, EntityType::parse)?,
                country: row.get(3)?,
                sector: row.get(4)?,
                aliases: aliases.remove(&id).unwrap_or_default(),
                documents: documents.remove(&id).unwrap_or_default(),
                mentions: get_count(row, 5)?,
                id,
            })
        })?;
        let mut entities = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        entities.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
        Ok(entities)
    }

    fn read_events(&self) -> rusqlite::Result<Vec<Event>> {
        let mut roles =
            self.grouped("SELECT event || ' ' || role, entity FROM event_roles ORDER BY event, role, position")?;
        let mut documents = self.grouped("SELECT event, document FROM event_documents ORDER BY event, position")?;
        let mut evidence =
            self.evidence("SELECT event, document, start, end, text FROM event_evidence ORDER BY event, position")?;
        let mut stmt = self.conn.prepare("SELECT id, type, mode, context, cameo, date, modality FROM events")?;
        let rows = stmt.query_map([], |row| {
            let id: String = row.get(0)?;
            let context: String = row.get(3)?;
            let mut take = |role: &str| roles.remove(&format!("{id} {role}")).unwrap_or_default();
            Ok(Event {
                etype: parse_column(row, 1, EventType::parse)?,
                mode: row.get(2)?,
                context: parse_context(&context),
                cameo: row.get(4)?,
                agent: take("agent"),
                target: take("target"),
                reported_by: take("reported_by"),
                date: row.get(5)?,
                modality: parse_column(row, 6, Modality::parse)?,
                documents: documents.remove(&id).unwrap_or_default(),
                evidence: evidence.remove(&id).unwrap_or_default(),
                id,
            })
        })?;
        let mut events = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        events.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
        Ok(events)
    }

    fn read_relations(&self) -> rusqlite::Result<Vec<Relation>> {
        let mut documents =
            self.grouped("SELECT relation, document FROM relation_documents ORDER BY relation, position")?;
        let mut evidence = self.evidence(
            "SELECT relation, document, start, end, text FROM relation_evidence ORDER BY relation, position",
        )?;
        let mut stmt = self.conn.prepare("SELECT id, source, type, target FROM relations")?;
        let rows = stmt.query_map([], |row| {
            let id: String = row.get(0)?;
            Ok(Relation {
                source: row.get(1)?,
                rtype: parse_column(row, 2, RelationType::parse)?,
                target: row.get(3)?,
                documents: documents.remove(&id).unwrap_or_default(),
                evidence: evidence.remove(&id).unwrap_or_default(),
                id,
            })
        })?;
        let mut relations = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        relations.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
        Ok(relations)
    }

    fn evidence(&self, sql: &str) -> rusqlite::Result<HashMap<String, Vec<Evidence>>> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<String, Vec<Evidence>> = HashMap::new();
        while let Some(row) = rows.next()? {
            out.entry(row.get(0)?).or_default().push(Evidence {
                document: row.get(1)?,
                start: get_count(row, 2)?,
                end: get_count(row, 3)?,
                text: row.get(4)?,
            });
        }
        Ok(out)
    }

    fn read_mentions(&self) -> rusqlite::Result<Vec<GraphMention>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.document, m.start, m.end, m.entity, e.type, m.text
               FROM mentions m JOIN entities e ON e.id = m.entity",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(GraphMention {
                document: row.get(0)?,
                start: get_count(row, 1)?,
                end: get_count(row, 2)?,
                entity: row.get(3)?,
                etype: parse_column(row, 4, EntityType::parse)?,
                text: row.get(5)?,
            })
        })?;
        let mut mentions = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        mentions.sort_by(|a, b| {
            (&a.document, a.start, a.end, id_order(&a.entity)).cmp(&(&b.document, b.start, b.end, id_order(&b.entity)))
        });
        Ok(mentions)
    }

    /// Events with participant names, filtered by participant ids and type.
    fn event_rows(&self, entity_ids: Option<&[String]>, etype: Option<EventType>) -> rusqlite::Result<Vec<EventRow>> {
        let ids_json = entity_ids.map(|ids| serde_json::Value::from(ids.to_vec()).to_string());
        let mut roles: HashMap<(String, String), Vec<EntityRef>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT r.event, r.role, r.entity, e.name FROM event_roles r JOIN entities e ON e.id = r.entity
                  ORDER BY r.event, r.role, r.position",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                roles
                    .entry((row.get(0)?, row.get(1)?))
                    .or_default()
                    .push(EntityRef { id: row.get(2)?, name: row.get(3)? });
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, type, mode, date, modality, n_documents, evidence FROM event_view
              WHERE (?1 IS NULL OR type = ?1)
                AND (?2 IS NULL OR id IN (SELECT event FROM event_roles
                                           WHERE entity IN (SELECT value FROM json_each(?2))))",
        )?;
        let rows = stmt.query_map(params![etype.map(|t| t.as_str()), ids_json], |row| {
            let id: String = row.get(0)?;
            let mut take = |role: &str| roles.remove(&(id.clone(), role.to_string())).unwrap_or_default();
            Ok(EventRow {
                etype: parse_column(row, 1, EventType::parse)?,
                mode: row.get(2)?,
                agents: take("agent"),
                targets: take("target"),
                reported_by: take("reported_by"),
                date: row.get(3)?,
                modality: parse_column(row, 4, Modality::parse)?,
                n_documents: get_count(row, 5)?,
                evidence: row.get(6)?,
                id,
            })
        })?;
        let mut events = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        events.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
        Ok(events)
    }

    fn relation_rows(&self) -> rusqlite::Result<Vec<RelationRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, r.source, s.name, r.type, r.target, t.name,
                    (SELECT count(DISTINCT document) FROM relation_documents d WHERE d.relation = r.id)
               FROM relations r JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(RelationRow {
                id: row.get(0)?,
                source: EntityRef { id: row.get(1)?, name: row.get(2)? },
                rtype: parse_column(row, 3, RelationType::parse)?,
                target: EntityRef { id: row.get(4)?, name: row.get(5)? },
                n_documents: get_count(row, 6)?,
            })
        })?;
        let mut relations = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        relations.sort_by(|a, b| id_order(&a.id).cmp(&id_order(&b.id)));
        Ok(relations)
    }
}

// ---------------------------------------------------------------------------
// Streaming builds
// ---------------------------------------------------------------------------

/// One analysed document as a streaming build stores it: the document, its
/// sentences and the compact result of its analysis.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    pub doc: Document,
    pub lang: Option<Lang>,
    pub sentences: Vec<Span>,
    /// [`Compact::encode`] of the analysis.
    pub compact: Vec<u8>,
    /// Soft problems found while analysing it.
    pub diagnostics: Vec<String>,
}

/// How long one phase of a build took.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// What the phase did ("read, analyse, store", "pass 2: events", ...).
    pub phase: &'static str,
    /// Wall-clock seconds it took.
    pub seconds: f64,
    /// Resident memory (MB) at its end, where known (Linux).
    pub resident_mb: Option<f64>,
    /// A step of the phase before it (the assembly's passes).
    pub step: bool,
}

/// What an assembly wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssemblyCounts {
    /// Its steps, in order.
    pub timings: Vec<Timing>,
    pub n_documents: usize,
    pub n_entities: usize,
    pub n_mentions: usize,
    pub n_local_events: usize,
    pub n_events: usize,
    pub n_relations: usize,
    /// Documents whose rows (mentions, evidence, ...) were written.
    pub n_rewritten: usize,
}

impl Store {
    /// Settings for a long build on this connection: a larger page cache (8
    /// MiB: twice that built no faster and held 15 MB more at 100 MB, near
    /// the 300 MB bound at 1 GB) and fewer syncs. On a database that holds
    /// no documents yet (a first build, a `--rebuild`, a first build that
    /// was killed before its graph) the build writes with a rollback journal
    /// instead of the WAL: it appends new pages, which a rollback journal
    /// does not copy, so each page is written once instead of twice (into
    /// the WAL, then by the checkpoint).
    /// Commits stay atomic (`synchronous = FULL` syncs the journal before the
    /// file), but readers wait while a transaction writes, which is why a
    /// database that already has a graph to read keeps the WAL
    /// (`synchronous = NORMAL` there: it can lose the last commits on power
    /// loss, never corrupt). [`Store::end_build`] goes back to the WAL.
    pub fn tune_for_build(&self) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            self.conn.execute_batch("PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 4000;")?;
            let empty: bool =
                self.conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |row| row.get(0))?;
            if empty {
                // Switching needs the only connection; with another one open
                // the mode stays WAL, which is merely slower.
                let mode: String = self.conn.query_row("PRAGMA journal_mode = TRUNCATE", [], |row| row.get(0))?;
                if mode.eq_ignore_ascii_case("truncate") {
                    return self.conn.execute_batch("PRAGMA synchronous = FULL;");
                }
            }
            self.conn.execute_batch("PRAGMA synchronous = NORMAL;")
        };
        run().map_err(|e| self.db_error(e))
    }

    /// Leaves the database in its usual journal mode (WAL) after a build.
    pub fn end_build(&self) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            let _mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
            Ok(())
        };
        run().map_err(|e| self.db_error(e))
    }

    /// The value of a `build_state` entry.
    fn build_state(&self, name: &str) -> Result<Option<String>> {
        let run = || -> rusqlite::Result<Option<String>> {
            let mut stmt = self.conn.prepare("SELECT value FROM build_state WHERE name = ?1")?;
            let mut rows = stmt.query([name])?;
            rows.next()?.map(|row| row.get(0)).transpose()
        };
        run().map_err(|e| self.db_error(e))
    }

    /// Makes the stored analyses those of `analyzer` (a version of the
    /// analysis and the lexicon): when they were made by another one, they
    /// are all dropped (in one transaction), to be made again. Returns
    /// whether they were dropped.
    pub fn use_analyzer(&mut self, analyzer: &str) -> Result<bool> {
        if self.build_state("analyzer")?.as_deref() == Some(analyzer) {
            return Ok(false);
        }
        let path = self.path.clone();
        let db = |e| Error::Database { path: path.clone(), source: e };
        let tx = self.conn.transaction().map_err(db)?;
        let dropped = tx.execute("DELETE FROM analyses", []).map_err(db)? > 0;
        tx.execute("INSERT OR REPLACE INTO build_state (name, value) VALUES ('analyzer', ?1)", [analyzer])
            .map_err(db)?;
        if dropped {
            tx.execute("INSERT OR REPLACE INTO build_state (name, value) VALUES ('assembled', '0')", []).map_err(db)?;
        }
        tx.commit().map_err(db)?;
        Ok(dropped)
    }

    /// Whether documents were stored since the graph was last assembled.
    pub fn needs_assembly(&self) -> Result<bool> {
        Ok(self.build_state("assembled")?.as_deref() == Some("0"))
    }

    /// Calls `f` with the id and SHA-256 (hex) of every stored document.
    pub fn for_each_document_hash(&self, mut f: impl FnMut(&str, &str)) -> Result<()> {
        let mut run = || -> rusqlite::Result<()> {
            let mut stmt = self.conn.prepare("SELECT id, sha256 FROM documents")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                f(row.get_ref(0)?.as_str()?, row.get_ref(1)?.as_str()?);
            }
            Ok(())
        };
        run().map_err(|e| self.db_error(e))
    }

    /// The ids of the stored documents that have no stored analysis, sorted.
    pub fn unanalyzed(&self) -> Result<Vec<String>> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM documents WHERE id NOT IN (SELECT document FROM analyses) ORDER BY id")?;
            let rows = stmt.query_map([], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.db_error(e))
    }

    /// The stored documents with these ids, in that order.
    pub fn load_documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>> {
        let run = || -> rusqlite::Result<Vec<Document>> {
            let mut stmt = self.conn.prepare(
                "SELECT id, path, text, sha256, title, date, lang_hint, body_start FROM documents WHERE id = ?1",
            )?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                let mut rows = stmt.query([id])?;
                if let Some(row) = rows.next()? {
                    let lang_hint: Option<String> = row.get(6)?;
                    out.push(Document {
                        id: row.get(0)?,
                        path: row.get(1)?,
                        text: row.get(2)?,
                        sha256: row.get(3)?,
                        title: row.get(4)?,
                        date: row.get(5)?,
                        lang_hint: lang_hint.as_deref().and_then(Lang::from_code),
                        body_start: row.get::<_, i64>(7)?.try_into().unwrap_or(0),
                    });
                }
            }
            Ok(out)
        };
        run().map_err(|e| self.db_error(e))
    }

    /// Stores analysed documents in one transaction: each replaces the
    /// stored document of the same id (with its sentences and analysis), and
    /// the graph is marked as waiting for assembly. Killed at any moment,
    /// the database holds all of them or none.
    pub fn write_analyzed(&mut self, batch: &[AnalyzedDocument], with_documents: bool) -> Result<()> {
        let path = self.path.clone();
        let db = |e| Error::Database { path: path.clone(), source: e };
        let tx = self.conn.transaction().map_err(db)?;
        {
            let mut delete = tx.prepare_cached("DELETE FROM documents WHERE id = ?1").map_err(db)?;
            let mut insert_document = tx
                .prepare_cached(
                    "INSERT INTO documents (id, path, lang, lang_hint, title, sha256, date, body_start, text)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(db)?;
            let mut insert_sentence = MultiRowInsert::new(
                &tx,
                "INSERT INTO sentences (document, idx, start, end, text) VALUES {values}".to_string(),
                5,
            );
            let mut insert_analysis =
                tx.prepare_cached("INSERT OR REPLACE INTO analyses (document, data) VALUES (?1, ?2)").map_err(db)?;
            let mut set_lang = tx.prepare_cached("UPDATE documents SET lang = ?2 WHERE id = ?1").map_err(db)?;
            for item in batch {
                let doc = &item.doc;
                if with_documents {
                    delete.execute([&doc.id]).map_err(db)?;
                    insert_document
                        .execute(params![
                            doc.id,
                            doc.path,
                            item.lang.map(|l| l.code()),
                            doc.lang_hint.map(|l| l.code()),
                            doc.title,
                            doc.sha256,
                            doc.date,
                            to_i64(doc.body_start),
                            doc.text,
                        ])
                        .map_err(db)?;
                    let int = |n: usize| Field::Int(to_i64(n));
                    for (idx, span) in item.sentences.iter().enumerate() {
                        let text = doc.text.get(span.start..span.end).unwrap_or_default().trim();
                        insert_sentence
                            .push([Field::Text(&doc.id), int(idx), int(span.start), int(span.end), Field::Text(text)])
                            .map_err(db)?;
                    }
                } else {
                    set_lang.execute(params![doc.id, item.lang.map(|l| l.code())]).map_err(db)?;
                }
                insert_analysis.execute(params![doc.id, item.compact]).map_err(db)?;
            }
            insert_sentence.flush().map_err(db)?;
        }
        tx.execute("INSERT OR REPLACE INTO build_state (name, value) VALUES ('assembled', '0')", []).map_err(db)?;
        tx.commit().map_err(db)
    }

    /// Assembles the corpus graph from the stored analyses (see
    /// [`crate::assemble`]) and rewrites the graph tables in one
    /// transaction, keeping the ids of the earlier graph. `cancelled` is
    /// asked now and then; when it says so, nothing is written.
    pub fn assemble(&mut self, lexicon: &Lexicon, cancelled: &(dyn Fn() -> bool + Sync)) -> Result<AssemblyCounts> {
        let path = self.path.clone();
        let result = self.assemble_in_transaction(lexicon, cancelled);
        match result {
            Ok(Some(counts)) => Ok(counts),
            Ok(None) => Err(Error::Interrupted { message: "stopped before the graph was assembled".into() }),
            Err(e) => Err(Error::Database { path, source: e }),
        }
    }

    fn assemble_in_transaction(
        &mut self,
        lexicon: &Lexicon,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> rusqlite::Result<Option<AssemblyCounts>> {
        // Foreign keys are checked by construction; checking them row by row
        // costs more than the rest of the load.
        self.conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
        let result = self.assemble_with_foreign_keys_off(lexicon, cancelled);
        self.conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        result
    }

    fn assemble_with_foreign_keys_off(
        &mut self,
        lexicon: &Lexicon,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> rusqlite::Result<Option<AssemblyCounts>> {
        let tx = self.conn.transaction()?;
        let document_ids = document_strings(&tx, "SELECT id FROM documents ORDER BY id")?;
        let prior = read_prior_ids(&tx)?;

        let mut clock = std::time::Instant::now();
        let mut timings: Vec<Timing> = Vec::new();
        let mut lap = |phase: &'static str| {
            let seconds = clock.elapsed().as_secs_f64();
            clock = std::time::Instant::now();
            timings.push(Timing { phase, seconds, resident_mb: resident_megabytes(), step: true });
        };
        let mut entity_pass = assemble::EntityPass::new();
        let mut expected_events = 0;
        if !for_each_compact(&tx, cancelled, |d, c| {
            expected_events += c.events.len();
            entity_pass.add(d, c)
        })? {
            return Ok(None);
        }
        let entities = entity_pass.finish(lexicon);
        lap("pass 1: entities");
        let document_dates = document_strings(&tx, "SELECT date FROM documents ORDER BY id")?;
        let mut event_pass = assemble::EventPass::new(&entities, lexicon, &prior, &document_ids, document_dates);
        event_pass.reserve_local_events(expected_events);
        let mut n_local_events = 0;
        if !for_each_compact(&tx, cancelled, |d, c| {
            n_local_events += c.events.len();
            event_pass.add(d, c)
        })? {
            return Ok(None);
        }
        let mut plan = event_pass.finish(&prior);
        lap("pass 2: events");

        // The digest of each document's rows as last written. When most are
        // known (an incremental build), only the rows of documents whose
        // digest changed are rewritten, indexes in place; otherwise every
        // row is, indexes dropped and built again after the load.
        let digests: Vec<Option<i64>> = {
            let mut stmt = tx.prepare(
                "SELECT r.digest FROM documents d LEFT JOIN row_digests r ON r.document = d.id ORDER BY d.id",
            )?;
            let rows = stmt.query_map([], |row| row.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let n_unknown = digests.iter().filter(|d| d.is_none()).count();
        let rewrite_all = n_unknown * 5 > digests.len() || n_unknown == digests.len();
        let tables = if rewrite_all { GRAPH_TABLES_CHILD_FIRST } else { ENTITY_TABLES_CHILD_FIRST };
        for table in tables {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        if rewrite_all {
            let indexes: Vec<String> = {
                let mut stmt = tx
                    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")?;
                let names = stmt.query_map([], |row| row.get(0))?;
                names.collect::<rusqlite::Result<_>>()?
            };
            for index in &indexes {
                tx.execute(&format!("DROP INDEX \"{}\"", index.replace('"', "\"\"")), [])?;
            }
        }

        let mut counts =
            AssemblyCounts { n_documents: document_ids.len(), n_local_events, ..AssemblyCounts::default() };
        let entity_rows = plan.entities();
        counts.n_entities = entity_rows.len();
        {
            let mut insert_entity = tx.prepare(
                "INSERT INTO entities (id, key, name, type, country, sector, n_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut insert_alias = tx.prepare("INSERT INTO aliases (entity, position, alias) VALUES (?1, ?2, ?3)")?;
            for entity in &entity_rows {
                insert_entity.execute(params![
                    entity.id,
                    entity.key,
                    entity.name,
                    entity.etype.as_str(),
                    entity.country,
                    entity.sector,
                    to_i64(entity.n_mentions),
                ])?;
                for (position, alias) in entity.aliases.iter().enumerate() {
                    insert_alias.execute(params![entity.id, to_i64(position), alias])?;
                }
            }
        }
        drop(entity_rows);

        counts.n_events = plan.n_events();
        {
            // Every event when everything is rewritten; otherwise those whose
            // rows changed, and the stored ones that are gone.
            let mut stored = if rewrite_all { HashMap::new() } else { event_signatures(&tx)? };
            let mut insert_event = tx.prepare(
                "INSERT INTO events (id, type, mode, context, cameo, date, modality) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut insert_role =
                tx.prepare("INSERT INTO event_roles (event, role, position, entity) VALUES (?1, ?2, ?3, ?4)")?;
            let mut delete_event = tx.prepare("DELETE FROM events WHERE id = ?1")?;
            let mut delete_roles = tx.prepare("DELETE FROM event_roles WHERE event = ?1")?;
            for event in plan.event_rows() {
                let event = &event;
                match stored.remove(event.id.as_str()) {
                    Some(signature) if signature == new_event_signature(event) => continue,
                    Some(_) => {
                        delete_roles.execute([&event.id])?;
                        delete_event.execute([&event.id])?;
                    }
                    None => {}
                }
                insert_event_rows(&mut insert_event, &mut insert_role, event)?;
            }
            let mut gone: Vec<String> = stored.into_keys().collect();
            gone.sort_unstable();
            for id in gone {
                delete_roles.execute([&id])?;
                delete_event.execute([&id])?;
            }
        }

        // Pass 3: mentions, the documents of entities and events, evidence,
        // document by document.
        {
            let mut insert_mention = MultiRowInsert::new(
                &tx,
                "INSERT INTO mentions (document, start, end, sentence, entity, text) VALUES {values}".to_string(),
                6,
            );
            // Tables keyed by (entity or event, position) get their rows in
            // document order, not key order: they go to temporary tables
            // first and into their own in key order after, which spares the
            // key index random inserts. In an incremental build it also keeps
            // the keys unique while documents are rewritten one by one: a
            // document added early moves the positions of every later one, so
            // a position is written only after all rows it replaces are gone.
            tx.execute_batch(
                "CREATE TEMP TABLE staged_entity_documents (entity, position, document);
                 CREATE TEMP TABLE staged_event_evidence (event, position, document, start, end, sentence);
                 CREATE TEMP TABLE staged_event_documents (event, position, document);",
            )?;
            let (entity_documents, event_evidence, event_documents) =
                ("temp.staged_entity_documents", "temp.staged_event_evidence", "temp.staged_event_documents");
            let sql = |template: &str, table: &str| template.replace("{table}", table);
            let mut insert_entity_document = MultiRowInsert::new(
                &tx,
                sql("INSERT INTO {table} (entity, position, document) VALUES {values}", entity_documents),
                3,
            );
            let mut insert_evidence = MultiRowInsert::new(
                &tx,
                sql(
                    "INSERT INTO {table} (event, position, document, start, end, sentence) VALUES {values}",
                    event_evidence,
                ),
                6,
            );
            let mut insert_event_document = MultiRowInsert::new(
                &tx,
                sql("INSERT INTO {table} (event, position, document) VALUES {values}", event_documents),
                3,
            );
            let mut delete_rows: Vec<_> = ["mentions", "entity_documents", "event_evidence", "event_documents"]
                .iter()
                .map(|table| tx.prepare(&format!("DELETE FROM {table} WHERE document = ?1")))
                .collect::<rusqlite::Result<_>>()?;
            let mut set_digest = tx.prepare("INSERT OR REPLACE INTO row_digests (document, digest) VALUES (?1, ?2)")?;
            let mut n_mentions = 0;
            let mut n_rewritten = 0;
            let mut failed = None;
            let mut write = |d: u32, c: &Compact| -> rusqlite::Result<()> {
                let ids = plan.entity_ids(c);
                let rows = plan.document_rows(d, c, &ids);
                let document = document_ids.str(d as usize);
                n_mentions += rows.mentions.len();
                let digest = rows.digest();
                if !rewrite_all && digests[d as usize] == Some(digest) {
                    return Ok(());
                }
                n_rewritten += 1;
                if !rewrite_all {
                    for delete in &mut delete_rows {
                        delete.execute([document])?;
                    }
                }
                set_digest.execute(params![document, digest])?;
                let text = Field::Text;
                let int = |n: u32| Field::Int(i64::from(n));
                for row in &rows.mentions {
                    insert_mention.push([
                        text(document),
                        int(row.start),
                        int(row.end),
                        row.sentence.map_or(Field::Null, int),
                        text(row.entity),
                        text(row.text),
                    ])?;
                }
                for (entity, position) in &rows.entity_documents {
                    insert_entity_document.push([text(entity), int(*position), text(document)])?;
                }
                for (event, position, evidence) in &rows.event_evidence {
                    insert_evidence.push([
                        text(event),
                        int(*position),
                        text(document),
                        int(evidence.start),
                        int(evidence.end),
                        int(evidence.sentence),
                    ])?;
                }
                for (event, position) in &rows.event_documents {
                    insert_event_document.push([text(event), int(*position), text(document)])?;
                }
                Ok(())
            };
            let done = for_each_compact(&tx, cancelled, |d, c| {
                if failed.is_none() {
                    failed = write(d, c).err();
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            if !done {
                return Ok(None);
            }
            for insert in
                [&mut insert_mention, &mut insert_entity_document, &mut insert_evidence, &mut insert_event_document]
            {
                insert.flush()?;
            }
            tx.execute_batch(
                "INSERT INTO main.entity_documents (entity, position, document)
                   SELECT entity, position, document FROM temp.staged_entity_documents ORDER BY entity, position;
                 INSERT INTO main.event_evidence (event, position, document, start, end, text)
                   SELECT v.event, v.position, v.document, v.start, v.end, s.text
                     FROM temp.staged_event_evidence v JOIN sentences s ON s.document = v.document AND s.idx = v.sentence
                    ORDER BY v.event, v.position;
                 INSERT INTO main.event_documents (event, position, document)
                   SELECT event, position, document FROM temp.staged_event_documents ORDER BY event, position;
                 DROP TABLE temp.staged_entity_documents;
                 DROP TABLE temp.staged_event_evidence;
                 DROP TABLE temp.staged_event_documents;",
            )?;
            counts.n_mentions = n_mentions;
            counts.n_rewritten = n_rewritten;
        }
        lap("pass 3: mentions, evidence");

        let relations = plan.relations(&prior);
        counts.n_relations = relations.len();
        {
            let mut insert_relation =
                tx.prepare("INSERT INTO relations (id, source, type, target) VALUES (?1, ?2, ?3, ?4)")?;
            let mut insert_evidence = tx.prepare(
                "INSERT INTO relation_evidence (relation, position, document, start, end, text)
                 SELECT ?1, ?2, ?3, ?4, ?5, text FROM sentences WHERE document = ?3 AND idx = ?6",
            )?;
            let mut insert_document =
                tx.prepare("INSERT INTO relation_documents (relation, position, document) VALUES (?1, ?2, ?3)")?;
            for relation in &relations {
                insert_relation.execute(params![
                    relation.id,
                    relation.source,
                    relation.rtype.as_str(),
                    relation.target
                ])?;
                for (position, evidence) in relation.evidence.iter().enumerate() {
                    insert_evidence.execute(params![
                        relation.id,
                        to_i64(position),
                        document_ids.str(evidence.document as usize),
                        evidence.start,
                        evidence.end,
                        evidence.sentence,
                    ])?;
                }
                for (position, d) in relation.documents.iter().enumerate() {
                    insert_document.execute(params![relation.id, to_i64(position), document_ids.str(*d as usize)])?;
                }
            }
        }

        lap("relations");
        if cancelled() {
            return Ok(None);
        }
        if rewrite_all {
            tx.execute_batch(schema_section("indexes"))?;
        }
        lap("indexes");
        tx.execute("INSERT OR REPLACE INTO build_state (name, value) VALUES ('assembled', '1')", [])?;
        tx.commit()?;
        lap("commit");
        counts.timings = timings;
        Ok(Some(counts))
    }
}

/// Inserts rows many at a time: a statement of up to [`MultiRowInsert::ROWS`]
/// rows costs SQLite much less than as many one-row statements. `sql` has
/// `{values}` where the rows go (`VALUES {values}`, or `FROM (VALUES {values})`).
/// The texts of the waiting rows are copied into one reused buffer, so
/// that a row costs no allocation (a build inserts millions).
struct MultiRowInsert<'c> {
    conn: &'c Connection,
    sql: String,
    /// The statement of a full batch, made once.
    full_sql: String,
    n_columns: usize,
    fields: Vec<Stored>,
    texts: String,
}

/// A field of a row given to [`MultiRowInsert::push`].
#[derive(Clone, Copy)]
enum Field<'a> {
    Text(&'a str),
    Int(i64),
    Null,
}

/// A field waiting in [`MultiRowInsert`]: texts as a range of its buffer.
enum Stored {
    Text(usize, usize),
    Int(i64),
    Null,
}

impl<'c> MultiRowInsert<'c> {
    const ROWS: usize = 64;

    fn new(conn: &'c Connection, sql: String, n_columns: usize) -> MultiRowInsert<'c> {
        let full_sql = Self::statement(&sql, n_columns, Self::ROWS);
        MultiRowInsert {
            conn,
            sql,
            full_sql,
            n_columns,
            fields: Vec::with_capacity(Self::ROWS * n_columns),
            texts: String::new(),
        }
    }

    fn statement(sql: &str, n_columns: usize, n_rows: usize) -> String {
        let row = format!("({})", vec!["?"; n_columns].join(", "));
        sql.replace("{values}", &vec![row; n_rows].join(", "))
    }

    fn push<const N: usize>(&mut self, row: [Field<'_>; N]) -> rusqlite::Result<()> {
        debug_assert_eq!(N, self.n_columns);
        for field in row {
            self.fields.push(match field {
                Field::Text(text) => {
                    let start = self.texts.len();
                    self.texts.push_str(text);
                    Stored::Text(start, self.texts.len())
                }
                Field::Int(n) => Stored::Int(n),
                Field::Null => Stored::Null,
            });
        }
        if self.fields.len() >= Self::ROWS * self.n_columns {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> rusqlite::Result<()> {
        let n_rows = self.fields.len() / self.n_columns;
        if n_rows == 0 {
            return Ok(());
        }
        let mut stmt = if n_rows == Self::ROWS {
            self.conn.prepare_cached(&self.full_sql)?
        } else {
            self.conn.prepare_cached(&Self::statement(&self.sql, self.n_columns, n_rows))?
        };
        for (i, field) in self.fields.iter().enumerate() {
            match *field {
                Stored::Text(start, end) => stmt.raw_bind_parameter(i + 1, &self.texts[start..end])?,
                Stored::Int(n) => stmt.raw_bind_parameter(i + 1, n)?,
                Stored::Null => stmt.raw_bind_parameter(i + 1, rusqlite::types::Null)?,
            }
        }
        stmt.raw_execute()?;
        self.fields.clear();
        self.texts.clear();
        Ok(())
    }
}

/// The resident set size of this process in MB (Linux; `None` elsewhere),
/// for the timings of a build.
pub(crate) fn resident_megabytes() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())?;
    Some(kb / 1024.0)
}

/// One column of the documents in id order, packed into one string
/// (`assemble::DocumentStrings`) as the rows come, never as a vector of
/// strings.
fn document_strings(tx: &rusqlite::Transaction, sql: &str) -> rusqlite::Result<assemble::DocumentStrings> {
    let mut stmt = tx.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut table = assemble::DocumentStrings::default();
    while let Some(row) = rows.next()? {
        table.push(row.get_ref(0)?.as_str_or_null()?);
    }
    table.shrink_to_fit();
    Ok(table)
}

/// The ids of the graph stored now, to be kept by the next assembly.
fn read_prior_ids(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<assemble::PriorIds> {
    let mut prior = assemble::PriorIds::default();
    {
        let mut stmt = tx.prepare("SELECT key, id FROM entities WHERE key IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            prior.entities.insert(row.get(0)?, row.get(1)?);
        }
    }
    {
        // An event is found again by its first evidence sentence (one row an event).
        let mut stmt = tx.prepare(
            "SELECT x.document, x.start, v.type, v.mode, v.id FROM event_evidence x JOIN events v ON v.id = x.event
              WHERE x.position = 0",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let etype = parse_column(row, 2, EventType::parse)?;
            prior.events.entry((row.get(0)?, row.get(1)?, etype, row.get(3)?)).or_default().push(row.get(4)?);
        }
        for ids in prior.events.values_mut() {
            ids.sort_by(|a, b| id_order(a).cmp(&id_order(b)));
        }
    }
    {
        let mut stmt = tx.prepare("SELECT source, type, target, id FROM relations")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rtype = parse_column(row, 1, RelationType::parse)?;
            prior.relations.insert((row.get(0)?, rtype, row.get(2)?), row.get(3)?);
        }
    }
    Ok(prior)
}

/// Calls `f` with every stored document's analysis, in document id order,
/// decoding them in parallel a block at a time. A document whose analysis is
/// missing or unreadable counts as one without entities. Returns `false`
/// when `cancelled` stopped it.
fn for_each_compact(
    tx: &rusqlite::Transaction<'_>,
    cancelled: &(dyn Fn() -> bool + Sync),
    mut f: impl FnMut(u32, &Compact),
) -> rusqlite::Result<bool> {
    const BLOCK: usize = 512;
    let mut stmt =
        tx.prepare("SELECT a.data FROM documents d LEFT JOIN analyses a ON a.document = d.id ORDER BY d.id")?;
    let mut rows = stmt.query([])?;
    let mut read = || -> rusqlite::Result<Vec<Option<Vec<u8>>>> {
        let mut block = Vec::with_capacity(BLOCK);
        while block.len() < BLOCK {
            match rows.next()? {
                Some(row) => block.push(row.get(0)?),
                None => break,
            }
        }
        Ok(block)
    };
    // Two blocks at a time: while `f` goes through one, the next is decoded
    // on the other threads. (Unrolled, so that each decoded block borrows
    // the bytes of its own variable.)
    let mut d: u32 = 0;
    let mut raw0 = read()?;
    let mut decoded0 = decode_block(&raw0);
    loop {
        if decoded0.is_empty() {
            return Ok(true);
        }
        if cancelled() {
            return Ok(false);
        }
        let raw1 = read()?;
        let decoded1 = apply_while_decoding(&decoded0, &raw1, &mut d, &mut f);
        drop(decoded0);
        if decoded1.is_empty() {
            return Ok(true);
        }
        if cancelled() {
            return Ok(false);
        }
        raw0 = read()?;
        decoded0 = apply_while_decoding(&decoded1, &raw0, &mut d, &mut f);
    }
}

/// Decodes stored analyses (a missing or unreadable one is empty).
fn decode_block(block: &[Option<Vec<u8>>]) -> Vec<Compact<'_>> {
    block.par_iter().map(|bytes| bytes.as_deref().and_then(Compact::decode).unwrap_or_default()).collect()
}

/// Calls `f` on each of `decoded` (documents `*d`, `*d + 1`, ...) on this
/// thread while `next` is decoded on the others; returns `next` decoded.
fn apply_while_decoding<'n>(
    decoded: &[Compact<'_>],
    next: &'n [Option<Vec<u8>>],
    d: &mut u32,
    f: &mut impl FnMut(u32, &Compact),
) -> Vec<Compact<'n>> {
    let mut out = Vec::new();
    rayon::in_place_scope(|scope| {
        scope.spawn(|_| out = decode_block(next));
        for compact in decoded {
            f(*d, compact);
            *d += 1;
        }
    });
    out
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

fn write_documents(
    tx: &rusqlite::Transaction<'_>,
    docs: &[Document],
    analyses: &[Analysis],
    graph: &Graph,
) -> rusqlite::Result<()> {
    let detected: HashMap<&str, &str> =
        graph.documents.iter().filter_map(|d| Some((d.id.as_str(), d.lang.as_deref()?))).collect();
    let mut insert_document = tx.prepare(
        "INSERT INTO documents (id, path, lang, lang_hint, title, sha256, date, body_start, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut insert_sentence =
        tx.prepare("INSERT INTO sentences (document, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, doc) in docs.iter().enumerate() {
        let analysis = analyses.get(i);
        let lang = detected
            .get(doc.id.as_str())
            .map(|l| l.to_string())
            .or_else(|| analysis.and_then(|a| a.lang).map(|l| l.code().to_string()));
        insert_document.execute(params![
            doc.id,
            doc.path,
            lang,
            doc.lang_hint.map(|l| l.code()),
            doc.title,
            doc.sha256,
            doc.date,
            to_i64(doc.body_start),
            doc.text,
        ])?;
        for (idx, span) in analysis.map(|a| a.sentences.as_slice()).unwrap_or_default().iter().enumerate() {
            let text = doc.text.get(span.start..span.end).unwrap_or_default().trim();
            insert_sentence.execute(params![doc.id, to_i64(idx), to_i64(span.start), to_i64(span.end), text])?;
        }
    }
    Ok(())
}

fn write_graph(
    tx: &rusqlite::Transaction<'_>,
    docs: &[Document],
    analyses: &[Analysis],
    graph: &Graph,
) -> rusqlite::Result<()> {
    let keys = entity_keys(docs, analyses, graph);
    let mut insert_entity = tx.prepare(
        "INSERT INTO entities (id, key, name, type, country, sector, n_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_alias = tx.prepare("INSERT INTO aliases (entity, position, alias) VALUES (?1, ?2, ?3)")?;
    let mut insert_entity_document =
        tx.prepare("INSERT INTO entity_documents (entity, position, document) VALUES (?1, ?2, ?3)")?;
    for entity in &graph.entities {
        insert_entity.execute(params![
            entity.id,
            keys.get(entity.id.as_str()),
            entity.name,
            entity.etype.as_str(),
            entity.country,
            entity.sector,
            to_i64(entity.mentions),
        ])?;
        for (position, alias) in entity.aliases.iter().enumerate() {
            insert_alias.execute(params![entity.id, to_i64(position), alias])?;
        }
        for (position, document) in entity.documents.iter().enumerate() {
            insert_entity_document.execute(params![entity.id, to_i64(position), document])?;
        }
    }

    let sentences: HashMap<&str, &[Span]> =
        docs.iter().zip(analyses).map(|(doc, analysis)| (doc.id.as_str(), analysis.sentences.as_slice())).collect();
    let mut insert_mention = tx.prepare(
        "INSERT INTO mentions (document, start, end, sentence, entity, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for mention in graph.mentions.iter().flatten() {
        let sentence = sentences.get(mention.document.as_str()).and_then(|s| sentence_of(s, mention.start));
        insert_mention.execute(params![
            mention.document,
            to_i64(mention.start),
            to_i64(mention.end),
            sentence.map(to_i64),
            mention.entity,
            mention.text,
        ])?;
    }

    let mut insert_event = tx.prepare(
        "INSERT INTO events (id, type, mode, context, cameo, date, modality) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_role =
        tx.prepare("INSERT INTO event_roles (event, role, position, entity) VALUES (?1, ?2, ?3, ?4)")?;
    let mut insert_event_evidence = tx.prepare(
        "INSERT INTO event_evidence (event, position, document, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut insert_event_document =
        tx.prepare("INSERT INTO event_documents (event, position, document) VALUES (?1, ?2, ?3)")?;
    for event in &graph.events {
        insert_event_rows(&mut insert_event, &mut insert_role, event)?;
        for (position, evidence) in event.evidence.iter().enumerate() {
            insert_event_evidence.execute(params![
                event.id,
                to_i64(position),
                evidence.document,
                to_i64(evidence.start),
                to_i64(evidence.end),
                evidence.text,
            ])?;
        }
        for (position, document) in event.documents.iter().enumerate() {
            insert_event_document.execute(params![event.id, to_i64(position), document])?;
        }
    }

    let mut insert_relation = tx.prepare("INSERT INTO relations (id, source, type, target) VALUES (?1, ?2, ?3, ?4)")?;
    let mut insert_relation_evidence = tx.prepare(
        "INSERT INTO relation_evidence (relation, position, document, start, end, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut insert_relation_document =
        tx.prepare("INSERT INTO relation_documents (relation, position, document) VALUES (?1, ?2, ?3)")?;
    for relation in &graph.relations {
        insert_relation.execute(params![relation.id, relation.source, relation.rtype.as_str(), relation.target])?;
        for (position, evidence) in relation.evidence.iter().enumerate() {
            insert_relation_evidence.execute(params![
                relation.id,
                to_i64(position),
                evidence.document,
                to_i64(evidence.start),
                to_i64(evidence.end),
                evidence.text,
            ])?;
        }
        for (position, document) in relation.documents.iter().enumerate() {
            insert_relation_document.execute(params![relation.id, to_i64(position), document])?;
        }
    }
    Ok(())
}

/// Checks that every id the graph refers to is one of its entities or one of
/// `docs`, so that a dangling reference is reported by name rather than as a
/// bare foreign key failure.
fn check_references(docs: &[Document], graph: &Graph) -> Result<()> {
    let documents: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let entities: HashSet<&str> = graph.entities.iter().map(|e| e.id.as_str()).collect();
    let dangling = |what: &str, id: &str, kind: &str, target: &str| {
        Error::Invalid(format!("graph: {what} {id} refers to {kind} '{target}', which is not in the graph"))
    };
    for entity in &graph.entities {
        if let Some(d) = entity.documents.iter().find(|d| !documents.contains(d.as_str())) {
            return Err(dangling("entity", &entity.id, "document", d));
        }
    }
    for event in &graph.events {
        let participants = event.agent.iter().chain(&event.target).chain(&event.reported_by);
        if let Some(e) = participants.into_iter().find(|e| !entities.contains(e.as_str())) {
            return Err(dangling("event", &event.id, "entity", e));
        }
        let cited = event.documents.iter().chain(event.evidence.iter().map(|x| &x.document));
        if let Some(d) = cited.into_iter().find(|d| !documents.contains(d.as_str())) {
            return Err(dangling("event", &event.id, "document", d));
        }
    }
    for relation in &graph.relations {
        if let Some(e) = [&relation.source, &relation.target].into_iter().find(|e| !entities.contains(e.as_str())) {
            return Err(dangling("relation", &relation.id, "entity", e));
        }
        let cited = relation.documents.iter().chain(relation.evidence.iter().map(|x| &x.document));
        if let Some(d) = cited.into_iter().find(|d| !documents.contains(d.as_str())) {
            return Err(dangling("relation", &relation.id, "document", d));
        }
    }
    for mention in graph.mentions.iter().flatten() {
        if !entities.contains(mention.entity.as_str()) {
            return Err(dangling("mention in", &mention.document, "entity", &mention.entity));
        }
        if !documents.contains(mention.document.as_str()) {
            return Err(dangling("mention of", &mention.entity, "document", &mention.document));
        }
    }
    Ok(())
}

/// The resolution key of each corpus entity, recovered by matching the
/// graph's mentions to the per-document mentions (which know their local
/// entity's key). An entity gets the smallest of its keys that no entity
/// before it took; entities without mentions get none.
fn entity_keys<'g>(docs: &'g [Document], analyses: &'g [Analysis], graph: &'g Graph) -> HashMap<&'g str, &'g str> {
    let mut local: HashMap<(&str, usize, usize), &str> = HashMap::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        for mention in &analysis.mentions {
            if let Some(entity) = analysis.entities.get(mention.entity) {
                local.insert((doc.id.as_str(), mention.span.start, mention.span.end), entity.key.as_str());
            }
        }
    }
    let mut candidates: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for mention in graph.mentions.iter().flatten() {
        if let Some(key) = local.get(&(mention.document.as_str(), mention.start, mention.end)) {
            candidates.entry(mention.entity.as_str()).or_default().insert(key);
        }
    }
    let mut entities: Vec<&str> = graph.entities.iter().map(|e| e.id.as_str()).collect();
    entities.sort_by_key(|id| id_order(id));
    let mut taken = HashSet::new();
    let mut keys = HashMap::new();
    for id in entities {
        if let Some(key) = candidates.get(id).and_then(|keys| keys.iter().find(|k| taken.insert(**k))) {
            keys.insert(id, *key);
        }
    }
    keys
}

/// The index of the sentence that holds byte `offset` (sentences sorted by start).
fn sentence_of(sentences: &[Span], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= offset).checked_sub(1)?;
    (offset < sentences[i].end).then_some(i)
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/// `path` with `suffix` appended to its file name.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database file and its WAL, shared-memory and journal files,
/// whichever exist.
pub(crate) fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sibling(path, suffix));
    }
}

fn check_parent_directory(path: &Path) -> Result<()> {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => return Ok(()),
    };
    match fs::metadata(parent) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::Unwritable {
            path: path.to_path_buf(),
            message: format!("{} is not a directory", parent.display()),
        }),
        Err(_) => Err(Error::Unwritable {
            path: path.to_path_buf(),
            message: format!("directory {} does not exist", parent.display()),
        }),
    }
}

fn open_error(path: &Path, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            Error::Unwritable { path: path.to_path_buf(), message: error.to_string() }
        }
        _ => Error::Database { path: path.to_path_buf(), source: error },
    }
}

/// The fields of an event that the `events` and `event_roles` tables hold,
/// whether it comes from a whole [`Event`] or from the streaming assembly.
trait EventFields {
    fn fields(&self) -> (&str, EventType, &Option<String>, &[String], &str, &Option<String>, Modality);
    fn roles(&self) -> [(&'static str, &[String]); 3];
}

impl EventFields for Event {
    fn fields(&self) -> (&str, EventType, &Option<String>, &[String], &str, &Option<String>, Modality) {
        (&self.id, self.etype, &self.mode, &self.context, &self.cameo, &self.date, self.modality)
    }
    fn roles(&self) -> [(&'static str, &[String]); 3] {
        [("agent", &self.agent), ("target", &self.target), ("reported_by", &self.reported_by)]
    }
}

impl EventFields for assemble::EventRow {
    fn fields(&self) -> (&str, EventType, &Option<String>, &[String], &str, &Option<String>, Modality) {
        (&self.id, self.etype, &self.mode, &self.context, &self.cameo, &self.date, self.modality)
    }
    fn roles(&self) -> [(&'static str, &[String]); 3] {
        [("agent", &self.agent), ("target", &self.target), ("reported_by", &self.reported_by)]
    }
}

/// A hash of the values of one event's rows — its `events` row (id, type,
/// mode, context as JSON, CAMEO code, date, modality) and its roles (role,
/// position, entity) sorted by role and position — the same whether they
/// were read from the database or made by the assembly. (SipHash with fixed
/// keys.)
fn event_signature<'r>(row: &[Option<&str>; 7], roles: impl Iterator<Item = (&'r str, i64, &'r str)>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    row.hash(&mut hasher);
    let mut n = 0usize;
    for role in roles {
        role.hash(&mut hasher);
        n += 1;
    }
    n.hash(&mut hasher);
    hasher.finish()
}

/// [`event_signature`] of an event the assembly made.
fn new_event_signature(event: &impl EventFields) -> u64 {
    let (id, etype, mode, context, cameo, date, modality) = event.fields();
    let context = serde_json::Value::from(context.to_vec()).to_string();
    let mut roles: Vec<(&str, i64, &str)> = event
        .roles()
        .iter()
        .flat_map(|(role, entities)| {
            entities.iter().enumerate().map(|(position, entity)| (*role, to_i64(position), entity.as_str()))
        })
        .collect();
    roles.sort_unstable_by_key(|(role, position, _)| (*role, *position));
    let row = [
        Some(id),
        Some(etype.as_str()),
        mode.as_deref(),
        Some(context.as_str()),
        Some(cameo),
        date.as_deref(),
        Some(modality.as_str()),
    ];
    event_signature(&row, roles.into_iter())
}

/// [`event_signature`] of every stored event, by id: events and their roles
/// are read side by side, both in id order.
fn event_signatures(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<HashMap<String, u64>> {
    let mut events = tx.prepare("SELECT id, type, mode, context, cameo, date, modality FROM events ORDER BY id")?;
    let mut roles =
        tx.prepare("SELECT event, role, position, entity FROM event_roles ORDER BY event, role, position")?;
    let mut events = events.query([])?;
    let mut roles = roles.query([])?;
    type Role = (String, String, i64, String);
    fn next_role(roles: &mut rusqlite::Rows<'_>) -> rusqlite::Result<Option<Role>> {
        roles.next()?.map(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).transpose()
    }
    let mut role = next_role(&mut roles)?;
    let mut out = HashMap::new();
    while let Some(row) = events.next()? {
        let values: [Option<String>; 7] =
            [row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?];
        let id = values[0].clone().unwrap_or_default();
        // Roles of events that are not stored (none, unless edited by hand) are passed over.
        while role.as_ref().is_some_and(|r| r.0 < id) {
            role = next_role(&mut roles)?;
        }
        let mut own: Vec<(String, i64, String)> = Vec::new();
        while let Some((_, name, position, entity)) = role.take_if(|r| r.0 == id) {
            own.push((name, position, entity));
            role = next_role(&mut roles)?;
        }
        let row = values.each_ref().map(|v| v.as_deref());
        let signature = event_signature(&row, own.iter().map(|(r, p, e)| (r.as_str(), *p, e.as_str())));
        out.insert(id, signature);
    }
    Ok(out)
}

/// One event's row and its agent, target and reporter roles: the one place
/// both writers (whole graph and streaming assembly) store an event.
fn insert_event_rows(
    insert_event: &mut rusqlite::Statement<'_>,
    insert_role: &mut rusqlite::Statement<'_>,
    event: &impl EventFields,
) -> rusqlite::Result<()> {
    let (id, etype, mode, context, cameo, date, modality) = event.fields();
    let context = serde_json::Value::from(context.to_vec()).to_string();
    insert_event.execute(params![id, etype.as_str(), mode, context, cameo, date, modality.as_str()])?;
    for (role, entities) in event.roles() {
        for (position, entity) in entities.iter().enumerate() {
            insert_role.execute(params![id, role, to_i64(position), entity])?;
        }
    }
    Ok(())
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn get_count(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<usize> {
    let n: i64 = row.get(index)?;
    usize::try_from(n)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Integer, e.into()))
}

/// Reads a text column through one of the model's `parse` functions; a value
/// it does not know is a conversion error naming the value.
fn parse_column<T>(row: &rusqlite::Row<'_>, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown value '{text}' in column {index}").into(),
        )
    })
}

/// An event's context column: a JSON array, or (written by hand) a comma list.
fn parse_context(text: &str) -> Vec<String> {
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(context) => context,
        Err(_) => text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
    }
}

fn value_to_string(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        ValueRef::Blob(bytes) => format!("<{} bytes>", bytes.len()),
    }
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_sections_are_all_there() {
        for name in ["connection", "create", "indexes"] {
            assert!(!schema_section(name).trim().is_empty(), "{name}");
        }
        assert!(schema_section("create").contains(&format!("PRAGMA user_version = {SCHEMA_VERSION};")));
        for version in OLDEST_UPGRADABLE_VERSION..SCHEMA_VERSION {
            let upgrade = schema_section(&format!("upgrade-{version}"));
            assert!(upgrade.contains(&format!("PRAGMA user_version = {};", version + 1)), "upgrade-{version}");
        }
    }

    #[test]
    fn ids_sort_numerically() {
        let mut ids = vec!["e10", "e2", "v1", "e1", "x", "e2a"];
        ids.sort_by_key(|id| id_order(id));
        assert_eq!(ids, ["e1", "e2", "e10", "e2a", "v1", "x"]);
    }

    #[test]
    fn sentence_lookup() {
        let sentences = [Span::new(0, 5), Span::new(6, 10), Span::new(10, 12)];
        for (offset, expected) in [(0, Some(0)), (4, Some(0)), (5, None), (6, Some(1)), (10, Some(2)), (12, None)] {
            assert_eq!(sentence_of(&sentences, offset), expected, "{offset}");
        }
        assert_eq!(sentence_of(&[], 3), None);
    }

    #[test]
    fn contexts() {
        assert_eq!(parse_context(r#"["technology","cyber"]"#), ["technology", "cyber"]);
        assert_eq!(parse_context("technology, cyber"), ["technology", "cyber"]);
        assert!(parse_context("").is_empty());
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("alibaba", "alibaba"), 0);
        assert_eq!(edit_distance("alibab", "alibaba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

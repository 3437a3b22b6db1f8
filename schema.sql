-- newsgraph's database: the one source of truth for its shape.
--
-- Embedded in the binary (src/store.rs, include_str!). The store runs the
-- sections below by their `-- section:` markers: `connection` on every open,
-- `create` (tables and views, one transaction that ends by setting the
-- schema version) once when it creates a database, `upgrade-N` once on a
-- database of version N (each takes it to N + 1), `indexes` after each bulk
-- load (it drops them before loading, which is faster than updating them
-- row by row). The `connection`, `create` and `indexes` sections, fed to
-- `sqlite3 x.db`, create the same database.
--
-- Spans (`start`, `end`) are byte offsets into documents.text, half-open.
-- Lists keep their order in a `position` column. Ids are the JSON export's
-- ids: documents by file stem, entities 'e1', events 'v1', relations 'r1'.

-- section: connection
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;

-- section: create
BEGIN;

CREATE TABLE documents (
    id         TEXT PRIMARY KEY,          -- file stem
    path       TEXT NOT NULL,             -- as given to `build`
    lang       TEXT,                      -- detected: 'en' or 'de'
    lang_hint  TEXT,                      -- from front matter, if any
    title      TEXT NOT NULL,
    sha256     TEXT NOT NULL,             -- of the raw file bytes
    date       TEXT,                      -- YYYY, YYYY-MM or YYYY-MM-DD
    body_start INTEGER NOT NULL DEFAULT 0,  -- byte offset after BOM and front matter
    text       TEXT NOT NULL              -- byte-exact file contents
);

CREATE TABLE sentences (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,            -- 0-based, in text order
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,               -- the span's text, trimmed
    PRIMARY KEY (document, idx)
);

CREATE TABLE entities (
    id         TEXT PRIMARY KEY,          -- 'e1', 'e2', ...
    key        TEXT UNIQUE,               -- resolution key ('lex:us-commerce'), when known
    name       TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('PERSON', 'COMPANY', 'AGENCY', 'ORGANIZATION',
                                             'COUNTRY', 'LOCATION', 'GROUP', 'PRODUCT')),
    country    TEXT,                      -- ISO 3166-1 alpha-3
    sector     TEXT,                      -- PLOVER/CAMEO sector code
    n_mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE aliases (
    entity   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    alias    TEXT NOT NULL,
    PRIMARY KEY (entity, position)
);

-- The documents that name an entity (the JSON's entities[].documents).
CREATE TABLE entity_documents (
    entity   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (entity, position)
);

CREATE TABLE mentions (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    sentence INTEGER,                     -- sentences.idx of the sentence that holds it
    entity   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    text     TEXT NOT NULL
);

CREATE TABLE events (
    id       TEXT PRIMARY KEY,            -- 'v1', 'v2', ...
    type     TEXT NOT NULL,               -- PLOVER type or extension: ACCUSE, SANCTION, ...
    mode     TEXT,                        -- PLOVER mode: investigate, allege, ...
    context  TEXT NOT NULL DEFAULT '[]',  -- JSON array of PLOVER contexts
    cameo    TEXT NOT NULL,
    date     TEXT,
    modality TEXT NOT NULL CHECK (modality IN ('asserted', 'alleged', 'hypothetical', 'future', 'negated'))
);

CREATE TABLE event_roles (
    event    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('agent', 'target', 'reported_by')),
    position INTEGER NOT NULL,
    entity   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (event, role, position)
);

CREATE TABLE event_evidence (
    event    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (event, position)
);

-- The documents that report an event (the JSON's events[].documents); an
-- event's evidence sentences come from these documents.
CREATE TABLE event_documents (
    event    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (event, position)
);

CREATE TABLE relations (
    id     TEXT PRIMARY KEY,              -- 'r1', 'r2', ...
    source TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    type   TEXT NOT NULL,                 -- SUBSIDIARY_OF, PART_OF, ...
    target TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);

CREATE TABLE relation_evidence (
    relation TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (relation, position)
);

-- A relation known from the lexicon has no evidence sentence but still
-- comes from the documents that name both ends.
CREATE TABLE relation_documents (
    relation TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (relation, position)
);

-- The build's own state. `analyses` keeps the compact result of analysing
-- each document (src/compact.rs, postcard-encoded): what the corpus assembly
-- needs, so that a build analyses only new and changed documents and
-- assembles the graph without the texts. `build_state` holds `assembled`
-- ('1' when the graph tables reflect every document, '0' while documents
-- wait to be assembled) and `analyzer` (the version of the analysis and of
-- the lexicon that made the stored analyses; another one analyses again).
CREATE TABLE analyses (
    document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data     BLOB NOT NULL
);

-- A hash of each document's rows in mentions, entity_documents,
-- event_evidence and event_documents as the last assembly wrote them: an
-- assembly rewrites the rows of a document only when their digest changed.
-- (A table of its own: updating a column of `analyses` would rewrite the
-- whole row, blob included.)
CREATE TABLE row_digests (
    document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    digest   INTEGER NOT NULL
);

CREATE TABLE build_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Views
-- Views a person can read without joins. Lists are joined with ' | ' (names
-- may contain commas). They use no syntax newer than SQLite 3.37, so the
-- sqlite3 shell of any current distribution reads them.

CREATE VIEW entity_view AS
SELECT e.id,
       e.name,
       e.type,
       e.country,
       e.sector,
       (SELECT group_concat(alias, ' | ')
          FROM (SELECT alias FROM aliases a WHERE a.entity = e.id ORDER BY a.position)) AS aliases,
       (SELECT count(DISTINCT document) FROM entity_documents d WHERE d.entity = e.id) AS n_documents,
       e.n_mentions
  FROM entities e;

CREATE VIEW event_view AS
SELECT v.id,
       v.type,
       v.mode,
       (SELECT group_concat(name, ' | ')
          FROM (SELECT x.name FROM event_roles r JOIN entities x ON x.id = r.entity
                 WHERE r.event = v.id AND r.role = 'agent' ORDER BY r.position)) AS agents,
       (SELECT group_concat(name, ' | ')
          FROM (SELECT x.name FROM event_roles r JOIN entities x ON x.id = r.entity
                 WHERE r.event = v.id AND r.role = 'target' ORDER BY r.position)) AS targets,
       (SELECT group_concat(name, ' | ')
          FROM (SELECT x.name FROM event_roles r JOIN entities x ON x.id = r.entity
                 WHERE r.event = v.id AND r.role = 'reported_by' ORDER BY r.position)) AS reported_by,
       v.date,
       v.modality,
       (SELECT count(DISTINCT document) FROM event_documents d WHERE d.event = v.id) AS n_documents,
       (SELECT text FROM event_evidence x WHERE x.event = v.id ORDER BY x.position LIMIT 1) AS evidence
  FROM events v;

CREATE VIEW relation_view AS
SELECT r.id,
       s.name AS source,
       r.type,
       t.name AS target,
       (SELECT count(DISTINCT document) FROM relation_documents d WHERE d.relation = r.id) AS n_documents
  FROM relations r
  JOIN entities s ON s.id = r.source
  JOIN entities t ON t.id = r.target;

-- Every drawn edge of the graph: one row per agent and target of an event,
-- one per relation. Events that lack an agent or a target have no edge here
-- (they are in event_view).
CREATE VIEW edge_view AS
SELECT 'event' AS kind,
       v.id,
       a.name AS source,
       v.type || coalesce('/' || v.mode, '') AS label,
       t.name AS target,
       v.date,
       (SELECT count(DISTINCT document) FROM event_documents d WHERE d.event = v.id) AS n_documents
  FROM events v
  JOIN event_roles ra ON ra.event = v.id AND ra.role = 'agent'
  JOIN entities a ON a.id = ra.entity
  JOIN event_roles rt ON rt.event = v.id AND rt.role = 'target'
  JOIN entities t ON t.id = rt.entity
UNION ALL
SELECT 'relation' AS kind,
       r.id,
       s.name AS source,
       r.type AS label,
       t.name AS target,
       NULL AS date,
       (SELECT count(DISTINCT document) FROM relation_documents d WHERE d.relation = r.id) AS n_documents
  FROM relations r
  JOIN entities s ON s.id = r.source
  JOIN entities t ON t.id = r.target;

PRAGMA user_version = 3;
COMMIT;

-- section: upgrade-1
BEGIN;

-- The build's own state. `analyses` keeps the compact result of analysing
-- each document (src/compact.rs, postcard-encoded): what the corpus assembly
-- needs, so that a build analyses only new and changed documents and
-- assembles the graph without the texts. `build_state` holds `assembled`
-- ('1' when the graph tables reflect every document, '0' while documents
-- wait to be assembled) and `analyzer` (the version of the analysis and of
-- the lexicon that made the stored analyses; another one analyses again).
CREATE TABLE IF NOT EXISTS analyses (
    document    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data        BLOB NOT NULL,
    rows_digest INTEGER           -- hash of the document's rows in mentions, entity_documents,
                                  -- event_evidence, event_documents as last written (NULL: none)
);

CREATE TABLE IF NOT EXISTS build_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

PRAGMA user_version = 2;
COMMIT;

-- section: upgrade-2
BEGIN;

-- The digests move out of `analyses` into a table of their own.
CREATE TABLE row_digests (
    document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    digest   INTEGER NOT NULL
);
INSERT INTO row_digests (document, digest)
  SELECT document, rows_digest FROM analyses WHERE rows_digest IS NOT NULL ORDER BY document;
ALTER TABLE analyses DROP COLUMN rows_digest;

PRAGMA user_version = 3;
COMMIT;

-- section: indexes
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document, start);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE INDEX IF NOT EXISTS entity_documents_document ON entity_documents(document);
CREATE INDEX IF NOT EXISTS event_roles_entity ON event_roles(entity, role);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS event_evidence_document ON event_evidence(document);
CREATE INDEX IF NOT EXISTS event_documents_document ON event_documents(document);
CREATE INDEX IF NOT EXISTS relations_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target);
CREATE INDEX IF NOT EXISTS relation_evidence_document ON relation_evidence(document);
CREATE INDEX IF NOT EXISTS relation_documents_document ON relation_documents(document);

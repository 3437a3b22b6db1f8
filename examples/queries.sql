-- Useful queries over a newsgraph database, for `newsgraph sql "…"` or
-- `sqlite3 newsgraph.db`. Each query has a `-- title` and ends with `;`.
-- Queries about one entity use 'Alibaba': put any name or alias there, in
-- any language and case. tests/queries.rs runs every query here.

-- Who investigated whom: ACCUSE/investigate events, agent → target
SELECT source AS investigator, target AS investigated, date, n_documents
  FROM edge_view
 WHERE kind = 'event' AND label = 'ACCUSE/investigate'
 ORDER BY n_documents DESC, investigator, investigated;

-- Who accused, sanctioned or coerced whom, any mode, most reported first
SELECT source, label, target, date, n_documents
  FROM edge_view
 WHERE kind = 'event' AND (label LIKE 'ACCUSE%' OR label LIKE 'SANCTION%' OR label LIKE 'COERCE%')
 ORDER BY n_documents DESC, source, target;

-- Events reported by more than one article
SELECT id, type, mode, agents, targets, date, modality, n_documents
  FROM event_view
 WHERE n_documents > 1
 ORDER BY n_documents DESC, id;

-- Everything about one entity: its profile (found by name or any alias)
WITH this AS (
    SELECT id FROM entities WHERE name = 'Alibaba' COLLATE NOCASE
    UNION SELECT entity FROM aliases WHERE alias = 'Alibaba' COLLATE NOCASE
)
SELECT * FROM entity_view WHERE id IN (SELECT id FROM this);

-- Everything about one entity: the events it takes part in, and in which role
WITH this AS (
    SELECT id FROM entities WHERE name = 'Alibaba' COLLATE NOCASE
    UNION SELECT entity FROM aliases WHERE alias = 'Alibaba' COLLATE NOCASE
)
SELECT r.role, v.*
  FROM event_roles r JOIN event_view v ON v.id = r.event
 WHERE r.entity IN (SELECT id FROM this)
 ORDER BY v.date, v.id, r.role;

-- Everything about one entity: its relations
WITH this AS (
    SELECT id FROM entities WHERE name = 'Alibaba' COLLATE NOCASE
    UNION SELECT entity FROM aliases WHERE alias = 'Alibaba' COLLATE NOCASE
)
SELECT v.*
  FROM relation_view v JOIN relations r ON r.id = v.id
 WHERE r.source IN (SELECT id FROM this) OR r.target IN (SELECT id FROM this);

-- Everything about one entity: every sentence that names it
WITH this AS (
    SELECT id FROM entities WHERE name = 'Alibaba' COLLATE NOCASE
    UNION SELECT entity FROM aliases WHERE alias = 'Alibaba' COLLATE NOCASE
)
SELECT m.document, m.text AS mention, s.text AS sentence
  FROM mentions m LEFT JOIN sentences s ON s.document = m.document AND s.idx = m.sentence
 WHERE m.entity IN (SELECT id FROM this)
 ORDER BY m.document, m.start;

-- Who says so: events attributed to a source ("according to Reuters")
SELECT reported_by, type, mode, agents, targets, date
  FROM event_view
 WHERE reported_by IS NOT NULL
 ORDER BY reported_by, id;

-- The most talked-about entities: in most documents, then most mentions
SELECT name, type, country, n_documents, n_mentions
  FROM entity_view
 ORDER BY n_documents DESC, n_mentions DESC, name
 LIMIT 20;

-- Entities that appear in articles of both languages
SELECT e.name, e.type, group_concat(DISTINCT d.lang) AS languages
  FROM entity_documents ed
  JOIN entities e ON e.id = ed.entity
  JOIN documents d ON d.id = ed.document
 GROUP BY e.id
HAVING count(DISTINCT d.lang) > 1
 ORDER BY e.name;

-- Company structure: subsidiaries, products and parts
SELECT source, type, target, n_documents
  FROM relation_view
 WHERE type IN ('SUBSIDIARY_OF', 'PRODUCT_OF', 'PART_OF')
 ORDER BY target, source;

-- Events per type and mode
SELECT type, coalesce(mode, '') AS mode, count(*) AS n_events
  FROM events
 GROUP BY type, mode
 ORDER BY n_events DESC, type, mode;

-- Documents per language, with dates
SELECT coalesce(lang, 'unknown') AS lang, count(*) AS n_documents,
       min(date) AS first_date, max(date) AS last_date
  FROM documents
 GROUP BY lang
 ORDER BY lang;

"""The SQL text of the store's reads and writes, and the small helpers that
assemble it.

Reads are built from parts: a column list, a FROM clause, the ``WHERE_*``
filters a call asks for (each takes one parameter, AND-ed by ``where_clause``)
and an ORDER BY. Every value goes in as a parameter, never into the text.
"""
from __future__ import annotations

from typing import Any

UPSERT_DOCUMENT = """
INSERT INTO documents (doc_id, path, title, format, encoding, sha256, text, n_chars,
                       extracted_at, ceremony_name, ceremony_year, ceremony_key,
                       ceremony_edition)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(path) DO UPDATE SET
    doc_id = excluded.doc_id, title = excluded.title, format = excluded.format,
    encoding = excluded.encoding, sha256 = excluded.sha256, text = excluded.text,
    n_chars = excluded.n_chars, extracted_at = excluded.extracted_at,
    ceremony_name = excluded.ceremony_name, ceremony_year = excluded.ceremony_year,
    ceremony_key = excluded.ceremony_key, ceremony_edition = excluded.ceremony_edition
RETURNING id
"""
DELETE_FACTS = (
    "DELETE FROM quotes WHERE document_id = ?",
    "DELETE FROM hosts WHERE document_id = ?",
    "DELETE FROM awards WHERE document_id = ?",
    "DELETE FROM document_people WHERE document_id = ?",
    "DELETE FROM timeline WHERE document_id = ?",  # its people go by cascade
)
INSERT_PERSON = "INSERT INTO people (name) VALUES (?) ON CONFLICT(name) DO NOTHING"
SELECT_PERSON_ID = "SELECT id FROM people WHERE name = ?"
SELECT_PERSON_NAME = "SELECT name FROM people WHERE casefold(name) = casefold(?) LIMIT 1"
INSERT_DOCUMENT_PERSON = (
    "INSERT OR IGNORE INTO document_people (document_id, person_id) VALUES (?, ?)"
)
INSERT_QUOTE = """
INSERT INTO quotes (document_id, person_id, text, start, "end", speaker_start,
                    speaker_end, cue, setting, confidence, time)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_HOST = 'INSERT INTO hosts (document_id, name, start, "end") VALUES (?, ?, ?, ?)'
INSERT_AWARD = """
INSERT INTO awards (document_id, award, family, candidates, winner, winner_start,
                    winner_end, work, work_start, work_end, mention, start, "end",
                    confidence, time)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_AWARD_PERSON = """
INSERT INTO award_people (award_id, role, name, start, "end") VALUES (?, ?, ?, ?, ?)
"""
INSERT_EVENT = """
INSERT INTO timeline (document_id, time, stamp, zone, kind, text, start, "end", award)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_EVENT_PERSON = "INSERT INTO timeline_people (event_id, name) VALUES (?, ?)"
# People no quote or document refers to any more (after a replace or delete).
PRUNE_PEOPLE = """
DELETE FROM people
WHERE id NOT IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL)
  AND id NOT IN (SELECT person_id FROM document_people)
"""
DELETE_DOCUMENT = "DELETE FROM documents WHERE path = ?"
HAS_DOCUMENT = "SELECT 1 FROM documents WHERE path = ? AND sha256 = ?"

# Filters shared by the reads; each takes one parameter.
WHERE_MATCH = "quotes_fts MATCH ?"
WHERE_SPEAKER = "instr(casefold(p.name), casefold(?)) > 0"
WHERE_SPEAKER_IS = "casefold(p.name) = casefold(?)"
WHERE_CEREMONY = "instr(casefold(d.ceremony_name), casefold(?)) > 0"
WHERE_CEREMONY_IS = "casefold(d.ceremony_name) = casefold(?)"
WHERE_YEAR = "d.ceremony_year = ?"
WHERE_WINNER_IS = "casefold(a.winner) = casefold(?)"
WHERE_NAMED_AS = """a.id IN (SELECT award_id FROM award_people
                              WHERE role = ? AND casefold(name) = casefold(?))"""
WHERE_HOST_IS = "d.id IN (SELECT document_id FROM hosts WHERE casefold(name) = casefold(?))"
WHERE_DOCUMENT_ROW = "d.id = ?"

QUOTE_COLUMNS = """
SELECT q.text, p.name, q.setting, q.start, q."end", d.doc_id, d.path, d.title,
       q.cue, q.confidence
"""
QUOTES_FROM = """
FROM quotes AS q
JOIN documents AS d ON d.id = q.document_id
LEFT JOIN people AS p ON p.id = q.person_id
"""
QUOTES_FTS_JOIN = "JOIN quotes_fts ON quotes_fts.rowid = q.id"
WHERE_DOCUMENT = "(d.doc_id = ? OR d.path = ?)"
ORDER_BY_RANK = "ORDER BY quotes_fts.rank, q.id LIMIT ?"
ORDER_BY_PLACE = "ORDER BY d.path, q.start, q.id LIMIT ?"
ORDER_BY_PATH = "ORDER BY d.path"

SELECT_DOCUMENTS = """
SELECT d.doc_id, d.path, d.title, count(q.id), d.ceremony_name, d.ceremony_year,
       d.ceremony_key, d.ceremony_edition
FROM documents AS d LEFT JOIN quotes AS q ON q.document_id = d.id
{where} GROUP BY d.id ORDER BY d.path
"""
SELECT_CEREMONIES = """
SELECT ceremony_name, ceremony_year, count(*) FROM documents
WHERE ceremony_name IS NOT NULL
GROUP BY ceremony_name, ceremony_year
ORDER BY ceremony_name, ceremony_year IS NULL, ceremony_year
"""
DOCUMENT_COLUMNS = """
SELECT d.id, d.doc_id, d.path, d.title, d.format, d.encoding, d.sha256, d.text,
       d.ceremony_name, d.ceremony_year, d.ceremony_key, d.ceremony_edition
FROM documents AS d
"""
# A doc_id match wins over a path match; among equal doc_ids the oldest row wins.
BY_ID_OR_PATH = """
WHERE d.doc_id = ? OR d.path = ?
ORDER BY d.doc_id = ? DESC, d.id LIMIT 1
"""
SELECT_DOCUMENT = DOCUMENT_COLUMNS + BY_ID_OR_PATH
SELECT_DOCUMENT_TEXT = "SELECT d.text FROM documents AS d" + BY_ID_OR_PATH
SAVE_JOB = """
INSERT OR REPLACE INTO jobs (id, state, done, total, failures, documents, owner, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
SELECT_JOB = "SELECT id, state, done, total, failures, documents, owner FROM jobs WHERE id = ?"
SELECT_DOCUMENT_SPAN = "SELECT substr(d.text, ? + 1, ?), d.n_chars FROM documents AS d" + BY_ID_OR_PATH
SELECT_DOCUMENT_QUOTES = """
SELECT q.text, q.start, q."end", p.name, q.speaker_start, q.speaker_end, q.cue,
       q.setting, q.confidence, q.time
FROM quotes AS q LEFT JOIN people AS p ON p.id = q.person_id
WHERE q.document_id = ? ORDER BY q.id
"""
SELECT_DOCUMENT_PEOPLE = """
SELECT p.name FROM document_people AS dp JOIN people AS p ON p.id = dp.person_id
WHERE dp.document_id = ? ORDER BY dp.rowid
"""
SELECT_DOCUMENT_HOSTS = 'SELECT name, start, "end" FROM hosts WHERE document_id = ? ORDER BY id'
SELECT_DOCUMENT_AWARDS = """
SELECT id, award, winner, start, "end", work, mention, family, candidates,
       winner_start, winner_end, work_start, work_end, confidence, time
FROM awards WHERE document_id = ? ORDER BY id
"""
AWARDS_FROM = "FROM awards AS a JOIN documents AS d ON d.id = a.document_id"
STORED_AWARD_COLUMNS = """
SELECT a.id, a.award, a.family, a.winner, a.work, a.confidence, d.doc_id, d.path,
       d.title, a.start, a."end", d.ceremony_name, d.ceremony_year, d.ceremony_key,
       d.ceremony_edition, a.candidates, a.mention
"""
AWARDS_ORDER = (
    'ORDER BY d.ceremony_year IS NULL, d.ceremony_year, d.ceremony_name, d.path, a.start, a.id'
)
# The nominees and presenters of every award the same WHERE selects, in saved order.
AWARD_PEOPLE_COLUMNS = 'SELECT ap.award_id, ap.role, ap.name, ap.start, ap."end"'
AWARD_PEOPLE_JOIN = "JOIN award_people AS ap ON ap.award_id = a.id"
AWARD_PEOPLE_ORDER = "ORDER BY ap.rowid"
EVENTS_FROM = "FROM timeline AS t JOIN documents AS d ON d.id = t.document_id"
STORED_EVENT_COLUMNS = """
SELECT t.id, t.time, t.stamp, t.zone, t.kind, t.text, t.award, d.doc_id, d.path, d.title,
       t.start, t."end", d.ceremony_name, d.ceremony_year, d.ceremony_key, d.ceremony_edition
"""
# Through the night: evening first, then "00:xx"-"05:xx" (after midnight), untimed last;
# "HH:MM" strings sort as times.
EVENTS_ORDER = """
ORDER BY t.time IS NULL, t.time < '06:00', t.time, d.path, t.start, t.id
"""
# A document's own events, in the order the pipeline gave them (its time order).
EVENTS_IN_DOCUMENT_ORDER = "ORDER BY t.id"
# The people of every event the same WHERE selects, in saved order.
EVENT_PEOPLE_COLUMNS = "SELECT tp.event_id, tp.name"
EVENT_PEOPLE_JOIN = "JOIN timeline_people AS tp ON tp.event_id = t.id"
EVENT_PEOPLE_ORDER = "ORDER BY tp.rowid"
SELECT_PEOPLE = """
SELECT p.name, count(q.id) AS n FROM people AS p LEFT JOIN quotes AS q ON q.person_id = p.id
GROUP BY p.id ORDER BY n DESC, p.name
"""
COUNT = {
    "documents": "SELECT count(*) FROM documents",
    "quotes": "SELECT count(*) FROM quotes",
    "people": "SELECT count(*) FROM people",
}


def fts_query(search: str) -> str | None:
    """Turn a user's words into a safe FTS5 query, or ``None`` if there are none.

    Each whitespace-separated word becomes a quoted FTS5 string, so operators
    and stray quotes are plain words; words are AND-ed and a trailing ``*``
    keeps its prefix meaning. Words with no letter or digit are dropped.
    """
    terms = []
    for word in search.split():
        prefix = word.endswith("*")
        core = word.rstrip("*")
        if not any(ch.isalnum() for ch in core):
            continue
        terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def where_clause(conditions: list[str]) -> str:
    """``WHERE a AND b`` for the given conditions, or nothing."""
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def ceremony_filter(ceremony: str | None, year: int | None) -> tuple[list[str], list[Any]]:
    """The conditions and parameters selecting documents by ceremony name and year."""
    where: list[str] = []
    params: list[Any] = []
    if ceremony:
        where.append(WHERE_CEREMONY)
        params.append(ceremony)
    if year is not None:
        where.append(WHERE_YEAR)
        params.append(year)
    return where, params

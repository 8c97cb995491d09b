"""The SQLite store: schema, migrations, saving results and reading them back.

``Store`` is the only place in pressroom that writes SQL. One document's facts
(its text, quotes, people, ceremony, hosts and awards) are saved in one
transaction, keyed by the document's path; quotes are searchable through an
FTS5 index over the quote text and the speaker's name.

Reads return frozen dataclasses (``StoredQuote``, ``StoredDocument``,
``StoredAward``) or the records the pipeline produced (``DocumentResult``),
never ``sqlite3.Row``.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ParamSpec, TypedDict, TypeVar

from .errors import StoreError
from .records import Award, Ceremony, Document, DocumentResult, Host, Mention, Quote

__all__ = [
    "MIGRATIONS", "PersonFacts", "Store", "StoredAward", "StoredDocument", "StoredQuote",
    "document_key", "fts_query",
]

RAW_TEXT_PREFIX = "text:"

# Each entry is one schema version; append new ones, never edit released ones.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        path TEXT UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT 'text',
        encoding TEXT NOT NULL DEFAULT 'utf-8',
        sha256 TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        n_chars INTEGER NOT NULL,
        extracted_at TEXT NOT NULL,
        ceremony_name TEXT,
        ceremony_year INTEGER,
        ceremony_key TEXT,
        ceremony_edition INTEGER
    );
    CREATE INDEX documents_doc_id ON documents(doc_id);
    CREATE INDEX documents_ceremony ON documents(ceremony_name, ceremony_year);
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE document_people (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id),
        PRIMARY KEY (document_id, person_id)
    );
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES people(id),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        setting TEXT NOT NULL DEFAULT 'unknown',
        confidence REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX quotes_document ON quotes(document_id);
    CREATE INDEX quotes_person ON quotes(person_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker);
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (
            new.id, new.text,
            coalesce((SELECT name FROM people WHERE id = new.person_id), ''));
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid = old.id;
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (
            new.id, new.text,
            coalesce((SELECT name FROM people WHERE id = new.person_id), ''));
    END;
    CREATE TABLE hosts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX hosts_document ON hosts(document_id);
    CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        award TEXT,
        family TEXT,
        candidates TEXT NOT NULL DEFAULT '[]',
        winner TEXT,
        winner_start INTEGER,
        winner_end INTEGER,
        work TEXT,
        work_start INTEGER,
        work_end INTEGER,
        mention TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        confidence REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX awards_document ON awards(document_id);
    CREATE TABLE award_people (
        award_id INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('nominee', 'presenter')),
        name TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX award_people_award ON award_people(award_id);
    """,
)

_UPSERT_DOCUMENT = """
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
_DELETE_FACTS = (
    "DELETE FROM quotes WHERE document_id = ?",
    "DELETE FROM hosts WHERE document_id = ?",
    "DELETE FROM awards WHERE document_id = ?",
    "DELETE FROM document_people WHERE document_id = ?",
)
_INSERT_PERSON = "INSERT INTO people (name) VALUES (?) ON CONFLICT(name) DO NOTHING"
_SELECT_PERSON_ID = "SELECT id FROM people WHERE name = ?"
_SELECT_PERSON_NAME = "SELECT name FROM people WHERE casefold(name) = casefold(?) LIMIT 1"
_INSERT_DOCUMENT_PERSON = (
    "INSERT OR IGNORE INTO document_people (document_id, person_id) VALUES (?, ?)"
)
_INSERT_QUOTE = """
INSERT INTO quotes (document_id, person_id, text, start, "end", speaker_start,
                    speaker_end, cue, setting, confidence)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_HOST = 'INSERT INTO hosts (document_id, name, start, "end") VALUES (?, ?, ?, ?)'
_INSERT_AWARD = """
INSERT INTO awards (document_id, award, family, candidates, winner, winner_start,
                    winner_end, work, work_start, work_end, mention, start, "end",
                    confidence)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_AWARD_PERSON = """
INSERT INTO award_people (award_id, role, name, start, "end") VALUES (?, ?, ?, ?, ?)
"""
# People no quote or document refers to any more (after a replace or delete).
_PRUNE_PEOPLE = """
DELETE FROM people
WHERE id NOT IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL)
  AND id NOT IN (SELECT person_id FROM document_people)
"""
_DELETE_DOCUMENT = "DELETE FROM documents WHERE path = ?"
_HAS_DOCUMENT = "SELECT 1 FROM documents WHERE path = ? AND sha256 = ?"

# Filters shared by the reads; each takes one parameter.
_WHERE_MATCH = "quotes_fts MATCH ?"
_WHERE_SPEAKER = "instr(casefold(p.name), casefold(?)) > 0"
_WHERE_SPEAKER_IS = "casefold(p.name) = casefold(?)"
_WHERE_CEREMONY = "instr(casefold(d.ceremony_name), casefold(?)) > 0"
_WHERE_YEAR = "d.ceremony_year = ?"
_WHERE_WINNER_IS = "casefold(a.winner) = casefold(?)"
_WHERE_NAMED_AS = """a.id IN (SELECT award_id FROM award_people
                              WHERE role = ? AND casefold(name) = casefold(?))"""
_WHERE_HOST_IS = "d.id IN (SELECT document_id FROM hosts WHERE casefold(name) = casefold(?))"
_WHERE_DOCUMENT_ROW = "d.id = ?"

_QUOTE_COLUMNS = """
SELECT q.text, p.name, q.setting, q.start, q."end", d.doc_id, d.path, d.title,
       q.cue, q.confidence
"""
_QUOTES_FROM = """
FROM quotes AS q
JOIN documents AS d ON d.id = q.document_id
LEFT JOIN people AS p ON p.id = q.person_id
"""
_QUOTES_FTS_JOIN = "JOIN quotes_fts ON quotes_fts.rowid = q.id"
_WHERE_DOCUMENT = "(d.doc_id = ? OR d.path = ?)"
_ORDER_BY_RANK = "ORDER BY quotes_fts.rank, q.id LIMIT ?"
_ORDER_BY_PLACE = "ORDER BY d.path, q.start, q.id LIMIT ?"

_SELECT_DOCUMENTS = """
SELECT d.doc_id, d.path, d.title, count(q.id), d.ceremony_name, d.ceremony_year,
       d.ceremony_key, d.ceremony_edition
FROM documents AS d LEFT JOIN quotes AS q ON q.document_id = d.id
{where} GROUP BY d.id ORDER BY d.path
"""
_SELECT_CEREMONIES = """
SELECT ceremony_name, ceremony_year, count(*) FROM documents
WHERE ceremony_name IS NOT NULL
GROUP BY ceremony_name, ceremony_year
ORDER BY ceremony_name, ceremony_year IS NULL, ceremony_year
"""
_DOCUMENT_COLUMNS = """
SELECT d.id, d.doc_id, d.path, d.title, d.format, d.encoding, d.sha256, d.text,
       d.ceremony_name, d.ceremony_year, d.ceremony_key, d.ceremony_edition
FROM documents AS d
"""
# A doc_id match wins over a path match; among equal doc_ids the oldest row wins.
_SELECT_DOCUMENT = _DOCUMENT_COLUMNS + """
WHERE d.doc_id = ? OR d.path = ?
ORDER BY d.doc_id = ? DESC, d.id LIMIT 1
"""
_SELECT_DOCUMENT_QUOTES = """
SELECT q.text, q.start, q."end", p.name, q.speaker_start, q.speaker_end, q.cue,
       q.setting, q.confidence
FROM quotes AS q LEFT JOIN people AS p ON p.id = q.person_id
WHERE q.document_id = ? ORDER BY q.id
"""
_SELECT_DOCUMENT_PEOPLE = """
SELECT p.name FROM document_people AS dp JOIN people AS p ON p.id = dp.person_id
WHERE dp.document_id = ? ORDER BY dp.rowid
"""
_SELECT_DOCUMENT_HOSTS = 'SELECT name, start, "end" FROM hosts WHERE document_id = ? ORDER BY id'
_SELECT_DOCUMENT_AWARDS = """
SELECT id, award, winner, start, "end", work, mention, family, candidates,
       winner_start, winner_end, work_start, work_end, confidence
FROM awards WHERE document_id = ? ORDER BY id
"""
_AWARDS_FROM = "FROM awards AS a JOIN documents AS d ON d.id = a.document_id"
_STORED_AWARD_COLUMNS = """
SELECT a.id, a.award, a.family, a.winner, a.work, a.confidence, d.doc_id, d.path,
       d.title, a.start, a."end", d.ceremony_name, d.ceremony_year, d.ceremony_key,
       d.ceremony_edition, a.candidates, a.mention
"""
_AWARDS_ORDER = (
    'ORDER BY d.ceremony_year IS NULL, d.ceremony_year, d.ceremony_name, d.path, a.start, a.id'
)
# The nominees and presenters of every award the same WHERE selects, in saved order.
_AWARD_PEOPLE_COLUMNS = 'SELECT ap.award_id, ap.role, ap.name, ap.start, ap."end"'
_AWARD_PEOPLE_JOIN = "JOIN award_people AS ap ON ap.award_id = a.id"
_AWARD_PEOPLE_ORDER = "ORDER BY ap.rowid"
_SELECT_PEOPLE = """
SELECT p.name, count(q.id) AS n FROM people AS p LEFT JOIN quotes AS q ON q.person_id = p.id
GROUP BY p.id ORDER BY n DESC, p.name
"""
_COUNT = {
    "documents": "SELECT count(*) FROM documents",
    "quotes": "SELECT count(*) FROM quotes",
    "people": "SELECT count(*) FROM people",
}


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """One quote as ``Store.quotes`` returns it, with the document it came from.

    ``path`` is the document's store key (its file path, or ``text:<sha256>``).
    """

    text: str
    speaker: str | None
    setting: str
    start: int
    end: int
    doc_id: str
    path: str
    title: str
    cue: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One line of ``Store.documents``: a saved document and how many quotes it has."""

    doc_id: str
    path: str
    title: str
    n_quotes: int
    ceremony: Ceremony | None


@dataclass(frozen=True, slots=True)
class StoredAward:
    """One award as ``Store.awards`` returns it, with the document that states it.

    ``award`` is None when the document's wording fit several categories
    (listed in ``candidates``); ``winner`` is None when it named no winner.
    ``start``/``end`` point at the category in the document's text.
    """

    award: str | None
    family: str | None
    winner: str | None
    work: str | None
    nominees: tuple[Mention, ...]
    presenters: tuple[Mention, ...]
    confidence: float
    doc_id: str
    path: str
    title: str
    start: int
    end: int
    ceremony: Ceremony | None
    candidates: tuple[str, ...] = ()
    mention: str = ""


class PersonFacts(TypedDict):
    """What ``Store.person`` knows about one person, each list in store order."""

    name: str  # the stored spelling when the person is known, else the name asked for
    quotes: list[StoredQuote]
    wins: list[StoredAward]
    nominations: list[StoredAward]
    presentations: list[StoredAward]
    hosting: list[StoredDocument]


def document_key(document: Document) -> str:
    """The store's identity for ``document``: its path, or ``text:<sha256>`` for raw text."""
    if document.path:
        return str(document.path)
    digest = document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    return RAW_TEXT_PREFIX + digest


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


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _translated(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """Re-raise sqlite3 errors from a public method as ``StoreError`` naming the file."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            store = args[0]
            assert isinstance(store, Store)
            raise StoreError(f"{store.path}: {method.__name__} failed: {exc}") from exc

    return wrapper


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (trigger bodies hold semicolons)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""


class Store:
    """A pressroom database: ``Store("pressroom.db")`` or ``Store(":memory:")``.

    Opening sets WAL mode (for files), a 5 s busy timeout and foreign keys,
    then brings the schema up to date. Raises ``StoreError`` if the file is
    not a SQLite database, is corrupt, or comes from a newer pressroom.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open: {exc}") from exc
        try:
            self._conn.create_function("casefold", 1, _casefold, deterministic=True)
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:" and self.path:
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: not a usable SQLite database: {exc}") from exc
        except StoreError:
            self._conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Run several reads against one state of the file, even while another process writes."""
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        if self.schema_version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {self.schema_version} is newer than "
                f"this pressroom knows ({len(MIGRATIONS)})"
            )
        for version, script in enumerate(MIGRATIONS, start=1):
            with self._transaction() as conn:
                # Read inside the write lock: another process may have migrated meanwhile.
                if self.schema_version >= version:
                    continue
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version:d}")

    # -- writes -------------------------------------------------------------

    @_translated
    def save(self, result: DocumentResult) -> int:
        """Save one document's facts in one transaction; return its row id.

        A document already stored under the same key (see ``document_key``) has
        all its facts replaced, even when its sha256 is unchanged: the extractor
        may have improved. Callers that want to skip unchanged files ask ``has``
        first. On any error nothing is written and the earlier version stays.
        """
        doc = result.document
        c = result.ceremony
        with self._transaction() as conn:
            (document_id,) = conn.execute(
                _UPSERT_DOCUMENT,
                (doc.id, document_key(doc), doc.title, doc.format, doc.encoding,
                 doc.sha256, doc.text, len(doc.text), _now(),
                 c.name if c else None, c.year if c else None,
                 c.key if c else None, c.edition if c else None),
            ).fetchone()
            for statement in _DELETE_FACTS:
                conn.execute(statement, (document_id,))
            people: dict[str, int] = {}
            for name in result.people:
                person_id = self._person_id(name, people)
                if person_id is not None:
                    conn.execute(_INSERT_DOCUMENT_PERSON, (document_id, person_id))
            self._insert_quotes(document_id, result.quotes, people)
            for host in result.hosts:
                conn.execute(_INSERT_HOST, (document_id, host.name, host.start, host.end))
            self._insert_awards(document_id, result.awards)
            conn.execute(_PRUNE_PEOPLE)
        return document_id

    def _person_id(self, name: str | None, seen: dict[str, int]) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        if name.casefold() not in seen:
            self._conn.execute(_INSERT_PERSON, (name,))
            seen[name.casefold()] = self._conn.execute(_SELECT_PERSON_ID, (name,)).fetchone()[0]
        return seen[name.casefold()]

    def _insert_quotes(
        self, document_id: int, quotes: tuple[Quote, ...], people: dict[str, int]
    ) -> None:
        for q in quotes:
            self._conn.execute(
                _INSERT_QUOTE,
                (document_id, self._person_id(q.speaker, people), q.text, q.start, q.end,
                 q.speaker_start, q.speaker_end, q.cue, q.setting, q.confidence),
            )

    def _insert_awards(self, document_id: int, awards: tuple[Award, ...]) -> None:
        for a in awards:
            winner_start, winner_end = a.winner_at or (None, None)
            work_start, work_end = a.work_at or (None, None)
            award_id = self._conn.execute(
                _INSERT_AWARD,
                (document_id, a.award, a.family, json.dumps(list(a.candidates)), a.winner,
                 winner_start, winner_end, a.work, work_start, work_end, a.mention,
                 a.start, a.end, a.confidence),
            ).lastrowid
            for role, mentions in (("nominee", a.nominees), ("presenter", a.presenters)):
                for m in mentions:
                    self._conn.execute(
                        _INSERT_AWARD_PERSON, (award_id, role, m.name, m.start, m.end)
                    )

    @_translated
    def delete_document(self, path: str) -> bool:
        """Delete the document stored under ``path`` and its facts; ``False`` if none was."""
        with self._transaction() as conn:
            deleted = conn.execute(_DELETE_DOCUMENT, (path,)).rowcount
            conn.execute(_PRUNE_PEOPLE)
        return deleted > 0

    # -- reads: quotes and documents ------------------------------------------

    @_translated
    def has(self, path: str, sha256: str) -> bool:
        """Whether a document is stored under ``path`` with this exact ``sha256``."""
        return self._conn.execute(_HAS_DOCUMENT, (path, sha256)).fetchone() is not None

    @_translated
    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        document: str | None = None,
        limit: int = 100,
    ) -> list[StoredQuote]:
        """Quotes matching every filter given.

        ``speaker`` matches any part of the speaker's full name, ignoring case.
        ``search`` is full text over quote and speaker (see ``fts_query``),
        best match first; with no usable words it filters nothing. ``document``
        is a doc_id or a store path. Otherwise quotes come in document order.
        Raises ``ValueError`` for a negative ``limit``.
        """
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        where: list[str] = []
        params: list[Any] = []
        match = fts_query(search) if search else None
        if match:
            where.append(_WHERE_MATCH)
            params.append(match)
        if speaker:
            where.append(_WHERE_SPEAKER)
            params.append(speaker)
        if document:
            where.append(_WHERE_DOCUMENT)
            params += [document, document]
        return self._quotes(where, params, ranked=bool(match), limit=limit)

    def _quotes(
        self, where: list[str], params: list[Any], *, ranked: bool = False, limit: int = -1
    ) -> list[StoredQuote]:
        sql = " ".join([
            _QUOTE_COLUMNS,
            _QUOTES_FROM,
            _QUOTES_FTS_JOIN if ranked else "",
            _where(where),
            _ORDER_BY_RANK if ranked else _ORDER_BY_PLACE,
        ])
        rows = self._conn.execute(sql, (*params, limit)).fetchall()
        return [StoredQuote(*row) for row in rows]

    @_translated
    def documents(self) -> list[StoredDocument]:
        """Every stored document, by path, with its quote count and ceremony."""
        return self._documents([], [])

    def _documents(self, where: list[str], params: list[Any]) -> list[StoredDocument]:
        rows = self._conn.execute(_SELECT_DOCUMENTS.format(where=_where(where)), params)
        return [
            StoredDocument(doc_id, path, title, n, _ceremony(*ceremony))
            for doc_id, path, title, n, *ceremony in rows
        ]

    @_translated
    def ceremonies(self) -> list[tuple[str, int | None, int]]:
        """``(ceremony name, year, number of documents)`` for every ceremony stored.

        Sorted by name, then year; documents that did not say their year count
        under ``None``, listed last.
        """
        return [(name, year, n) for name, year, n in self._conn.execute(_SELECT_CEREMONIES)]

    @_translated
    def document(self, doc_id: str) -> DocumentResult | None:
        """The stored document with this doc_id (or store path), as the pipeline saved it.

        Raw-text documents come back with ``path=None``, as they went in.
        """
        with self._snapshot():
            row = self._conn.execute(_SELECT_DOCUMENT, (doc_id, doc_id, doc_id)).fetchone()
            return self._result(row) if row is not None else None

    @_translated
    def results(
        self, *, ceremony: str | None = None, year: int | None = None
    ) -> list[DocumentResult]:
        """Every stored document's ``DocumentResult``, by path, as ``document`` returns it.

        ``ceremony`` matches any part of the ceremony's name, ignoring case
        ("globe"); ``year`` is the ceremony's year. Documents without a
        ceremony are left out when either filter is given.
        """
        where, params = _ceremony_filter(ceremony, year)
        sql = " ".join([_DOCUMENT_COLUMNS, _where(where), "ORDER BY d.path"])
        with self._snapshot():
            return [self._result(row) for row in self._conn.execute(sql, params).fetchall()]

    def _result(self, row: tuple[Any, ...]) -> DocumentResult:
        rowid, doc_id, path, title, fmt, encoding, sha256, text, *ceremony = row
        document = Document(
            id=doc_id, text=text, title=title, format=fmt, encoding=encoding, sha256=sha256,
            path=None if path.startswith(RAW_TEXT_PREFIX) else path,
        )
        conn = self._conn
        quotes = tuple(Quote(*r) for r in conn.execute(_SELECT_DOCUMENT_QUOTES, (rowid,)))
        people = tuple(name for (name,) in conn.execute(_SELECT_DOCUMENT_PEOPLE, (rowid,)))
        hosts = tuple(Host(*r) for r in conn.execute(_SELECT_DOCUMENT_HOSTS, (rowid,)))
        named = self._award_people([_WHERE_DOCUMENT_ROW], [rowid])
        awards = tuple(
            Award(award, winner, start, end, work, mention, family, tuple(json.loads(candidates)),
                  _span(winner_start, winner_end), _span(work_start, work_end),
                  named[award_id, "nominee"], named[award_id, "presenter"], confidence)
            for (award_id, award, winner, start, end, work, mention, family, candidates,
                 winner_start, winner_end, work_start, work_end, confidence)
            in conn.execute(_SELECT_DOCUMENT_AWARDS, (rowid,)).fetchall()
        )
        return DocumentResult(document, quotes, people, _ceremony(*ceremony), hosts, awards)

    # -- reads: awards and people ---------------------------------------------

    @_translated
    def awards(
        self,
        *,
        winner: str | None = None,
        ceremony: str | None = None,
        year: int | None = None,
    ) -> list[StoredAward]:
        """Awards as the stored documents state them, one row per document and category.

        ``winner`` matches the whole winner's name, ignoring case; ``ceremony``
        and ``year`` filter as in ``results``. Rows come by ceremony year
        (undated last), ceremony name, document path and place in the text.
        """
        where, params = _ceremony_filter(ceremony, year)
        if winner:
            where.append(_WHERE_WINNER_IS)
            params.append(winner)
        with self._snapshot():
            return self._awards(where, params)

    def _awards(self, where: list[str], params: list[Any]) -> list[StoredAward]:
        sql = " ".join([_STORED_AWARD_COLUMNS, _AWARDS_FROM, _where(where), _AWARDS_ORDER])
        rows = self._conn.execute(sql, params).fetchall()
        named = self._award_people(where, params) if rows else defaultdict(tuple)
        return [
            StoredAward(award, family, winner, work, named[award_id, "nominee"],
                        named[award_id, "presenter"], confidence, doc_id, path, title, start,
                        end, _ceremony(c_name, c_year, c_key, c_edition),
                        tuple(json.loads(candidates)), mention)
            for (award_id, award, family, winner, work, confidence, doc_id, path, title, start,
                 end, c_name, c_year, c_key, c_edition, candidates, mention) in rows
        ]

    def _award_people(
        self, where: list[str], params: list[Any]
    ) -> defaultdict[tuple[int, str], tuple[Mention, ...]]:
        """``(award id, role) -> mentions`` for every award the same filters select."""
        sql = " ".join([_AWARD_PEOPLE_COLUMNS, _AWARDS_FROM, _AWARD_PEOPLE_JOIN, _where(where),
                        _AWARD_PEOPLE_ORDER])
        named: defaultdict[tuple[int, str], tuple[Mention, ...]] = defaultdict(tuple)
        for award_id, role, name, start, end in self._conn.execute(sql, params):
            named[award_id, role] += (Mention(name, start, end),)
        return named

    @_translated
    def person(self, name: str) -> PersonFacts:
        """Everything stored about one person, for a person page.

        ``name`` matches whole names, ignoring case: the person's quotes, the
        awards they won, were nominated for or presented, and the documents
        that name them a host. A name the store has never seen gets empty lists.
        """
        with self._snapshot():
            row = self._conn.execute(_SELECT_PERSON_NAME, (name,)).fetchone()
            return PersonFacts(
                name=row[0] if row else name,
                quotes=self._quotes([_WHERE_SPEAKER_IS], [name]),
                wins=self._awards([_WHERE_WINNER_IS], [name]),
                nominations=self._awards([_WHERE_NAMED_AS], ["nominee", name]),
                presentations=self._awards([_WHERE_NAMED_AS], ["presenter", name]),
                hosting=self._documents([_WHERE_HOST_IS], [name]),
            )

    @_translated
    def people(self) -> list[tuple[str, int]]:
        """``(name, n_quotes)`` for everyone stored, most quoted first."""
        return [(name, n) for name, n in self._conn.execute(_SELECT_PEOPLE)]

    @_translated
    def stats(self) -> dict[str, int]:
        """Counts: ``{"documents": ..., "quotes": ..., "people": ...}``."""
        return {key: self._conn.execute(sql).fetchone()[0] for key, sql in _COUNT.items()}

    @_translated
    def integrity_ok(self) -> bool:
        """Whether ``PRAGMA integrity_check`` finds the file sound."""
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return rows == [("ok",)]


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _ceremony_filter(ceremony: str | None, year: int | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if ceremony:
        where.append(_WHERE_CEREMONY)
        params.append(ceremony)
    if year is not None:
        where.append(_WHERE_YEAR)
        params.append(year)
    return where, params


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def _ceremony(
    name: str | None, year: int | None, key: str | None = None, edition: int | None = None
) -> Ceremony | None:
    return Ceremony(name, year, key, edition) if name else None


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

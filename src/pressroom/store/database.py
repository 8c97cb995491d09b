"""``Store``: a pressroom SQLite database, and the only code that runs SQL.

One document's facts (its text, quotes, people, ceremony, hosts, awards and
timeline) are saved in one transaction, keyed by the document's path (``document_key``).
The SQL text lives in ``schema`` and ``queries``; reads come back as the rows
of ``rows`` or as pipeline records.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from ..errors import StoreError
from ..records import Award, Ceremony, Document, DocumentResult, Event, Host, Mention, Quote
from .queries import (
    AWARDS_FROM,
    AWARDS_ORDER,
    AWARD_PEOPLE_COLUMNS,
    AWARD_PEOPLE_JOIN,
    AWARD_PEOPLE_ORDER,
    COUNT,
    DELETE_DOCUMENT,
    DELETE_FACTS,
    DOCUMENT_COLUMNS,
    EVENTS_FROM,
    EVENTS_IN_DOCUMENT_ORDER,
    EVENTS_ORDER,
    EVENT_PEOPLE_COLUMNS,
    EVENT_PEOPLE_JOIN,
    EVENT_PEOPLE_ORDER,
    HAS_DOCUMENT,
    INSERT_AWARD,
    INSERT_AWARD_PERSON,
    INSERT_DOCUMENT_PERSON,
    INSERT_EVENT,
    INSERT_EVENT_PERSON,
    INSERT_HOST,
    INSERT_PERSON,
    INSERT_QUOTE,
    ORDER_BY_PATH,
    ORDER_BY_PLACE,
    ORDER_BY_RANK,
    PRUNE_PEOPLE,
    QUOTES_FROM,
    QUOTES_FTS_JOIN,
    QUOTE_COLUMNS,
    SAVE_JOB,
    SELECT_CEREMONIES,
    SELECT_DOCUMENT,
    SELECT_DOCUMENTS,
    SELECT_DOCUMENT_AWARDS,
    SELECT_DOCUMENT_HOSTS,
    SELECT_DOCUMENT_PEOPLE,
    SELECT_DOCUMENT_QUOTES,
    SELECT_DOCUMENT_SPAN,
    SELECT_DOCUMENT_TEXT,
    SELECT_JOB,
    SELECT_PEOPLE,
    SELECT_PERSON_ID,
    SELECT_PERSON_NAME,
    STORED_AWARD_COLUMNS,
    STORED_EVENT_COLUMNS,
    UPSERT_DOCUMENT,
    WHERE_CEREMONY_IS,
    WHERE_DOCUMENT,
    WHERE_DOCUMENT_ROW,
    WHERE_HOST_IS,
    WHERE_MATCH,
    WHERE_NAMED_AS,
    WHERE_SPEAKER,
    WHERE_SPEAKER_IS,
    WHERE_WINNER_IS,
    WHERE_YEAR,
    ceremony_filter,
    fts_query,
    where_clause,
)
from .rows import PersonFacts, StoredAward, StoredDocument, StoredEvent, StoredJob, StoredQuote
from .schema import (
    CONNECTION_PRAGMAS,
    DATA_VERSION,
    GET_VERSION,
    INTEGRITY_CHECK,
    MIGRATIONS,
    SET_VERSION,
    WAL_MODE,
    statements,
)

RAW_TEXT_PREFIX = "text:"


def document_key(document: Document) -> str:
    """The store's identity for ``document``: its path, or ``text:<sha256>`` for raw text."""
    if document.path:
        return str(document.path)
    digest = document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    return RAW_TEXT_PREFIX + digest


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


class Store:
    """A pressroom database: ``Store("pressroom.db")`` or ``Store(":memory:")``.

    Opening sets WAL mode (for files), a 5 s busy timeout and foreign keys,
    then brings the schema up to date (taking the write lock only when it is
    not, so opening never waits on a writer). With ``any_thread`` the store
    may be used from several threads, one at a time: the caller serializes.
    Raises ``StoreError`` if the file is not a SQLite database, is corrupt, or
    comes from a newer pressroom.
    """

    def __init__(self, path: str | Path, *, any_thread: bool = False) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None,
                                         check_same_thread=not any_thread)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open: {exc}") from exc
        try:
            self._conn.create_function("casefold", 1, _casefold, deterministic=True)
            for pragma in CONNECTION_PRAGMAS:
                self._conn.execute(pragma)
            if self.path != ":memory:" and self.path:
                self._conn.execute(WAL_MODE)
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
    def in_transaction(self) -> bool:
        """Whether a transaction (or a snapshot) is open on this connection."""
        return self._conn.in_transaction

    @property
    def schema_version(self) -> int:
        return self._conn.execute(GET_VERSION).fetchone()[0]

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
        if self._conn.in_transaction:  # inside a caller's snapshot: that one state already
            yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """``with store.snapshot():`` every read inside sees one state of the file.

        Another process may commit meanwhile; the reads see it after the block.
        Do not save inside it.
        """
        try:
            with self._snapshot():
                yield self
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: snapshot failed: {exc}") from exc

    def _migrate(self) -> None:
        if self.schema_version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {self.schema_version} is newer than "
                f"this pressroom knows ({len(MIGRATIONS)})"
            )
        if self.schema_version == len(MIGRATIONS):
            return  # up to date: no write lock, so opening never waits on a writer
        for version, script in enumerate(MIGRATIONS, start=1):
            with self._transaction() as conn:
                # Read inside the write lock: another process may have migrated meanwhile.
                if self.schema_version >= version:
                    continue
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(SET_VERSION.format(version=version))

    # -- writes -------------------------------------------------------------

    @_translated
    def save(self, result: DocumentResult) -> int:
        """Save one document's facts and timeline in one transaction; return its row id.

        A document already stored under the same key (see ``document_key``) has
        all its facts replaced, even when its sha256 is unchanged: the extractor
        may have improved. Callers that want to skip unchanged files ask ``has``
        first. On any error nothing is written and the earlier version stays.
        """
        doc = result.document
        c = result.ceremony
        with self._transaction() as conn:
            (document_id,) = conn.execute(
                UPSERT_DOCUMENT,
                (doc.id, document_key(doc), doc.title, doc.format, doc.encoding,
                 doc.sha256, doc.text, len(doc.text), _now(),
                 c.name if c else None, c.year if c else None,
                 c.key if c else None, c.edition if c else None),
            ).fetchone()
            for statement in DELETE_FACTS:
                conn.execute(statement, (document_id,))
            people: dict[str, int] = {}
            for name in result.people:
                person_id = self._person_id(name, people)
                if person_id is not None:
                    conn.execute(INSERT_DOCUMENT_PERSON, (document_id, person_id))
            self._insert_quotes(document_id, result.quotes, people)
            for host in result.hosts:
                conn.execute(INSERT_HOST, (document_id, host.name, host.start, host.end))
            self._insert_awards(document_id, result.awards)
            self._insert_timeline(document_id, result.timeline)
            conn.execute(PRUNE_PEOPLE)
        return document_id

    def _person_id(self, name: str | None, seen: dict[str, int]) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        if name.casefold() not in seen:
            self._conn.execute(INSERT_PERSON, (name,))
            seen[name.casefold()] = self._conn.execute(SELECT_PERSON_ID, (name,)).fetchone()[0]
        return seen[name.casefold()]

    def _insert_quotes(
        self, document_id: int, quotes: tuple[Quote, ...], people: dict[str, int]
    ) -> None:
        for q in quotes:
            self._conn.execute(
                INSERT_QUOTE,
                (document_id, self._person_id(q.speaker, people), q.text, q.start, q.end,
                 q.speaker_start, q.speaker_end, q.cue, q.setting, q.confidence, q.time),
            )

    def _insert_awards(self, document_id: int, awards: tuple[Award, ...]) -> None:
        for a in awards:
            winner_start, winner_end = a.winner_at or (None, None)
            work_start, work_end = a.work_at or (None, None)
            award_id = self._conn.execute(
                INSERT_AWARD,
                (document_id, a.award, a.family, json.dumps(list(a.candidates)), a.winner,
                 winner_start, winner_end, a.work, work_start, work_end, a.mention,
                 a.start, a.end, a.confidence, a.time),
            ).lastrowid
            for role, mentions in (("nominee", a.nominees), ("presenter", a.presenters)):
                for m in mentions:
                    self._conn.execute(
                        INSERT_AWARD_PERSON, (award_id, role, m.name, m.start, m.end)
                    )

    def _insert_timeline(self, document_id: int, timeline: tuple[Event, ...]) -> None:
        for e in timeline:
            event_id = self._conn.execute(
                INSERT_EVENT,
                (document_id, e.time, e.stamp, e.zone, e.kind, e.text, e.start, e.end, e.award),
            ).lastrowid
            for name in e.people:
                self._conn.execute(INSERT_EVENT_PERSON, (event_id, name))

    @_translated
    def delete_document(self, path: str) -> bool:
        """Delete the document stored under ``path`` and its facts; ``False`` if none was."""
        with self._transaction() as conn:
            deleted = conn.execute(DELETE_DOCUMENT, (path,)).rowcount
            conn.execute(PRUNE_PEOPLE)
        return deleted > 0

    # -- reads: quotes and documents ------------------------------------------

    @_translated
    def text(self, doc_id: str) -> str | None:
        """The stored text of the document with this doc_id (or store path); ``None`` if none."""
        row = self._conn.execute(SELECT_DOCUMENT_TEXT, (doc_id, doc_id, doc_id)).fetchone()
        return row[0] if row is not None else None

    @_translated
    def span(self, doc_id: str, start: int, end: int) -> str | None:
        """Characters ``start:end`` of that document's text (cut at its ends, as slicing
        does; no more is read into Python); ``None`` if no such document."""
        start = max(0, start)
        row = self._conn.execute(SELECT_DOCUMENT_SPAN, (start, max(0, end - start), doc_id, doc_id, doc_id)).fetchone()
        if row is None:
            return None
        piece, n_chars = row
        if len(piece) != max(0, min(end, n_chars) - start):  # SQLite's substr stops at a NUL character
            return (self.text(doc_id) or "")[start:end]
        return piece

    @_translated
    def has(self, path: str, sha256: str) -> bool:
        """Whether a document is stored under ``path`` with this exact ``sha256``."""
        return self._conn.execute(HAS_DOCUMENT, (path, sha256)).fetchone() is not None

    @_translated
    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        document: str | None = None,
        ceremony: str | None = None,
        year: int | None = None,
        limit: int = 100,
    ) -> list[StoredQuote]:
        """Quotes matching every filter given.

        ``speaker`` matches any part of the speaker's full name, ignoring case.
        ``search`` is full text over quote and speaker (see ``fts_query``),
        best match first; with no usable words it filters nothing. ``document``
        is a doc_id or a store path. ``ceremony`` is a ceremony's full name
        (any case) and ``year`` its year. Otherwise quotes come in document order.
        Raises ``ValueError`` for a negative ``limit``.
        """
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        where: list[str] = []
        params: list[Any] = []
        match = fts_query(search) if search else None
        if match:
            where.append(WHERE_MATCH)
            params.append(match)
        if speaker:
            where.append(WHERE_SPEAKER)
            params.append(speaker)
        if document:
            where.append(WHERE_DOCUMENT)
            params += [document, document]
        if ceremony:
            where.append(WHERE_CEREMONY_IS)
            params.append(ceremony)
        if year is not None:
            where.append(WHERE_YEAR)
            params.append(year)
        return self._quotes(where, params, ranked=bool(match), limit=limit)

    def _quotes(
        self, where: list[str], params: list[Any], *, ranked: bool = False, limit: int = -1
    ) -> list[StoredQuote]:
        sql = " ".join([
            QUOTE_COLUMNS,
            QUOTES_FROM,
            QUOTES_FTS_JOIN if ranked else "",
            where_clause(where),
            ORDER_BY_RANK if ranked else ORDER_BY_PLACE,
        ])
        rows = self._conn.execute(sql, (*params, limit)).fetchall()
        return [StoredQuote(*row) for row in rows]

    @_translated
    def documents(self) -> list[StoredDocument]:
        """Every stored document, by path, with its quote count and ceremony."""
        return self._documents([], [])

    def _documents(self, where: list[str], params: list[Any]) -> list[StoredDocument]:
        rows = self._conn.execute(SELECT_DOCUMENTS.format(where=where_clause(where)), params)
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
        return [(name, year, n) for name, year, n in self._conn.execute(SELECT_CEREMONIES)]

    @_translated
    def document(self, doc_id: str) -> DocumentResult | None:
        """The stored document with this doc_id (or store path), as the pipeline saved it.

        Raw-text documents come back with ``path=None``, as they went in.
        """
        with self._snapshot():
            row = self._conn.execute(SELECT_DOCUMENT, (doc_id, doc_id, doc_id)).fetchone()
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
        where, params = ceremony_filter(ceremony, year)
        sql = " ".join([DOCUMENT_COLUMNS, where_clause(where), ORDER_BY_PATH])
        with self._snapshot():
            return [self._result(row) for row in self._conn.execute(sql, params).fetchall()]

    def _result(self, row: tuple[Any, ...]) -> DocumentResult:
        rowid, doc_id, path, title, fmt, encoding, sha256, text, *ceremony = row
        document = Document(
            id=doc_id, text=text, title=title, format=fmt, encoding=encoding, sha256=sha256,
            path=None if path.startswith(RAW_TEXT_PREFIX) else path,
        )
        conn = self._conn
        quotes = tuple(Quote(*r) for r in conn.execute(SELECT_DOCUMENT_QUOTES, (rowid,)))
        people = tuple(name for (name,) in conn.execute(SELECT_DOCUMENT_PEOPLE, (rowid,)))
        hosts = tuple(Host(*r) for r in conn.execute(SELECT_DOCUMENT_HOSTS, (rowid,)))
        named = self._award_people([WHERE_DOCUMENT_ROW], [rowid])
        awards = tuple(
            Award(award, winner, start, end, work, mention, family, tuple(json.loads(candidates)),
                  _span(winner_start, winner_end), _span(work_start, work_end),
                  named[award_id, "nominee"], named[award_id, "presenter"], confidence, time)
            for (award_id, award, winner, start, end, work, mention, family, candidates,
                 winner_start, winner_end, work_start, work_end, confidence, time)
            in conn.execute(SELECT_DOCUMENT_AWARDS, (rowid,)).fetchall()
        )
        timeline = tuple(
            Event(e.time, e.stamp, e.kind, e.text, e.start, e.end, e.zone, e.people, e.award)
            for e in self._events([WHERE_DOCUMENT_ROW], [rowid], EVENTS_IN_DOCUMENT_ORDER)
        )
        return DocumentResult(document, quotes, people, _ceremony(*ceremony), hosts, awards,
                              timeline)

    # -- reads: the timeline ---------------------------------------------------

    @_translated
    def timeline(
        self, *, ceremony: str | None = None, year: int | None = None
    ) -> list[StoredEvent]:
        """Every stored live-blog entry, through the night, across documents.

        ``ceremony`` and ``year`` filter as in ``results``. Entries come by
        time, the evening first and "00:00"-"05:59" after it (past midnight),
        untimed ones last; then by document path and place in the text. Times
        are as each blog gives them, in its own zone: they are not converted.
        """
        where, params = ceremony_filter(ceremony, year)
        with self._snapshot():
            return self._events(where, params, EVENTS_ORDER)

    def _events(self, where: list[str], params: list[Any], order: str) -> list[StoredEvent]:
        sql = " ".join([STORED_EVENT_COLUMNS, EVENTS_FROM, where_clause(where), order])
        rows = self._conn.execute(sql, params).fetchall()
        people: defaultdict[int, tuple[str, ...]] = defaultdict(tuple)
        if rows:
            sql = " ".join([EVENT_PEOPLE_COLUMNS, EVENTS_FROM, EVENT_PEOPLE_JOIN,
                            where_clause(where), EVENT_PEOPLE_ORDER])
            for event_id, name in self._conn.execute(sql, params):
                people[event_id] += (name,)
        return [
            StoredEvent(time, stamp, zone, kind, text, people[event_id], award, doc_id, path,
                        title, start, end, _ceremony(c_name, c_year, c_key, c_edition))
            for (event_id, time, stamp, zone, kind, text, award, doc_id, path, title, start, end,
                 c_name, c_year, c_key, c_edition) in rows
        ]

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
        where, params = ceremony_filter(ceremony, year)
        if winner:
            where.append(WHERE_WINNER_IS)
            params.append(winner)
        with self._snapshot():
            return self._awards(where, params)

    def _awards(self, where: list[str], params: list[Any]) -> list[StoredAward]:
        sql = " ".join([STORED_AWARD_COLUMNS, AWARDS_FROM, where_clause(where), AWARDS_ORDER])
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
        sql = " ".join([AWARD_PEOPLE_COLUMNS, AWARDS_FROM, AWARD_PEOPLE_JOIN, where_clause(where),
                        AWARD_PEOPLE_ORDER])
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
            row = self._conn.execute(SELECT_PERSON_NAME, (name,)).fetchone()
            return PersonFacts(
                name=row[0] if row else name,
                quotes=self._quotes([WHERE_SPEAKER_IS], [name]),
                wins=self._awards([WHERE_WINNER_IS], [name]),
                nominations=self._awards([WHERE_NAMED_AS], ["nominee", name]),
                presentations=self._awards([WHERE_NAMED_AS], ["presenter", name]),
                hosting=self._documents([WHERE_HOST_IS], [name]),
            )

    @_translated
    def people(self) -> list[tuple[str, int]]:
        """``(name, n_quotes)`` for everyone stored, most quoted first."""
        return [(name, n) for name, n in self._conn.execute(SELECT_PEOPLE)]

    @_translated
    def stats(self) -> dict[str, int]:
        """Counts: ``{"documents": ..., "quotes": ..., "people": ...}``."""
        return {key: self._conn.execute(sql).fetchone()[0] for key, sql in COUNT.items()}

    # -- the web server's upload jobs -----------------------------------------

    @_translated
    def save_job(self, job: StoredJob) -> None:
        """Write ``job`` (a new one, or a newer state of one), in one transaction."""
        with self._transaction() as conn:
            conn.execute(
                SAVE_JOB,
                (job.id, job.state, job.done, job.total, json.dumps(list(job.failures)),
                 json.dumps(list(job.documents)), job.owner, _now()),
            )

    @_translated
    def job(self, job_id: str) -> StoredJob | None:
        """The job with this id; ``None`` if there is none."""
        row = self._conn.execute(SELECT_JOB, (job_id,)).fetchone()
        if row is None:
            return None
        return StoredJob(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), tuple(json.loads(row[5])), row[6])

    @_translated
    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the file.

        Compare two values from the same ``Store`` to tell whether what was read
        before is still current (SQLite's ``PRAGMA data_version``); values from
        different stores do not compare.
        """
        return self._conn.execute(DATA_VERSION).fetchone()[0]

    @_translated
    def integrity_ok(self) -> bool:
        """Whether ``PRAGMA integrity_check`` finds the file sound."""
        rows = self._conn.execute(INTEGRITY_CHECK).fetchall()
        return rows == [("ok",)]


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

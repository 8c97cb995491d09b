"""The SQLite store: schema, migrations, saving results and reading them back.

``Store`` is the only place in pressroom that runs SQL. One document's facts
(its text, quotes, people, ceremony, hosts, awards and timeline) are saved in
one transaction, keyed by the document's path; quotes are searchable through
an FTS5 index over the quote text and the speaker's name.

Reads return frozen dataclasses (``StoredQuote``, ``StoredDocument``,
``StoredAward``, ``StoredEvent``) or the records the pipeline produced
(``DocumentResult``), never ``sqlite3.Row``.

Modules: ``database`` (the ``Store`` class), ``schema`` (migrations and
connection settings), ``queries`` (the SQL of reads and writes), ``rows``
(what reads return).
"""
from __future__ import annotations

from .database import RAW_TEXT_PREFIX, Store, document_key
from .queries import fts_query
from .rows import PersonFacts, StoredAward, StoredDocument, StoredEvent, StoredJob, StoredQuote
from .schema import MIGRATIONS

__all__ = [
    "MIGRATIONS", "PersonFacts", "Store", "StoredAward", "StoredDocument", "StoredEvent", "StoredJob",
    "StoredQuote", "document_key", "fts_query",
]

"""The store's schema: the migrations that build it, one per version, and the
connection settings every ``Store`` applies.

The schema version lives in SQLite's ``user_version``; ``Store`` runs each
migration past it in its own transaction.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

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
    # 2: the night as live blogs tell it, and the time of each quote and award.
    """
    ALTER TABLE quotes ADD COLUMN time TEXT;
    ALTER TABLE awards ADD COLUMN time TEXT;
    CREATE TABLE timeline (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        time TEXT,
        stamp TEXT NOT NULL,
        zone TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        award TEXT
    );
    CREATE INDEX timeline_document ON timeline(document_id);
    CREATE INDEX timeline_time ON timeline(time);
    CREATE TABLE timeline_people (
        event_id INTEGER NOT NULL REFERENCES timeline(id) ON DELETE CASCADE,
        name TEXT NOT NULL
    );
    CREATE INDEX timeline_people_event ON timeline_people(event_id);
    """,
    # 3: the web server's upload jobs, shared by its worker processes.
    """
    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL,
        failures TEXT NOT NULL DEFAULT '[]',
        documents TEXT NOT NULL DEFAULT '[]',
        owner INTEGER,
        updated_at TEXT NOT NULL
    );
    """,
)

# Set on every connection; WAL only for files (":memory:" has no journal to share).
CONNECTION_PRAGMAS = ("PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON")
WAL_MODE = "PRAGMA journal_mode = WAL"
GET_VERSION = "PRAGMA user_version"
SET_VERSION = "PRAGMA user_version = {version:d}"
INTEGRITY_CHECK = "PRAGMA integrity_check"
DATA_VERSION = "PRAGMA data_version"


def statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (trigger bodies hold semicolons)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""

"""The one door: ``extract(...)`` turns files or raw texts into a Result."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, TextIO

from .documents import DEFAULT_MAX_BYTES, load_documents, read_text
from .errors import InputError, PressroomError
from .records import Document, DocumentResult, Failure, Result
from .fuse import fuse, resolve_across
from .store import Store

Progress = Callable[[int, str], None]  # (documents done so far, name of the last one)


def extract(
    paths: Iterable[str | Path] | str | Path = (),
    *,
    texts: Mapping[str, str] | Iterable[str] | None = None,
    store: Store | str | Path | None = None,
    model: str | None = None,
    ceremony: str | None = None,
    year: int | None = None,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Result:
    """Extract every document of ``paths`` (files, folders, globs, ``-``) and ``texts``.

    ``texts`` maps ids to raw text (or is a list of texts, given ids
    ``text-1``...). When ``store`` is given (a Store or a path to a SQLite
    file), each document's facts are written there in one transaction as soon
    as it is done. A document that cannot be read or extracted becomes a
    ``Failure`` in the result; the rest of the batch still runs. ``ceremony``
    and ``year`` override what the documents say about their ceremony. The
    result's ``ceremonies`` fuse the documents of each ceremony and year.
    A file (or standard input) larger than ``max_bytes`` is a ``Failure``,
    refused before it is read; None lifts the limit.

    Raises ModelError when no spaCy model can be loaded.
    """
    from . import nlp as nlp_loader
    from .pipeline import extract_document

    pipeline = nlp_loader.load(model)
    result = Result()
    own_store = isinstance(store, (str, Path))
    db = Store(store) if isinstance(store, (str, Path)) else store
    try:
        done = 0
        for item in _documents(paths, texts, stdin, max_bytes):
            if isinstance(item, InputError):
                result.failures.append(Failure(item.source, item.problem))
                continue
            name = item.path or item.id
            try:
                doc_result = extract_document(item, pipeline, ceremony=ceremony, year=year)
                if db is not None:
                    db.save(doc_result)
            except PressroomError as exc:
                result.failures.append(Failure(name, str(exc)))
            except Exception as exc:  # one bad document never stops a batch
                result.failures.append(Failure(name, f"extraction failed: {type(exc).__name__}: {exc}"))
            else:
                result.documents.append(doc_result)
            done += 1
            if progress is not None:
                progress(done, name)
    finally:
        if own_store and db is not None:
            db.close()
    settled = resolve_across(result.documents)
    if db is not None or own_store:
        changed = [new for old, new in zip(result.documents, settled) if new is not old]
        if changed:
            with (Store(store) if own_store else _same(db)) as again:
                for doc_result in changed:
                    again.save(doc_result)  # the categories other documents settled
    result.documents = settled
    result.ceremonies = fuse(result.documents)
    return result


class _same:
    """A context manager that hands back a store the caller still owns."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        return None


def extract_text(text: str, *, id: str = "text", model: str | None = None) -> DocumentResult:
    """Extract one raw text; raises InputError when it is empty."""
    from . import nlp as nlp_loader
    from .pipeline import extract_document

    return extract_document(read_text(text, id=id), nlp_loader.load(model))


def _documents(
    paths: Iterable[str | Path] | str | Path,
    texts: Mapping[str, str] | Iterable[str] | None,
    stdin: TextIO | BinaryIO | None,
    max_bytes: int | None,
) -> Iterator[Document | InputError]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    inputs = [str(p) for p in paths]
    if inputs:
        yield from load_documents(inputs, stdin=stdin, max_bytes=max_bytes)
    if texts is None:
        return
    pairs = texts.items() if isinstance(texts, Mapping) else ((f"text-{i}", t) for i, t in enumerate(texts, 1))
    for ident, text in pairs:
        try:
            yield read_text(text, id=ident)
        except InputError as exc:
            yield exc

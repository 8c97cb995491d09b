"""The one door: ``extract(...)`` turns files or raw texts into a Result."""
from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from .documents import DEFAULT_MAX_BYTES, load_documents, read_text
from .errors import InputError, PressroomError, StoreError
from .records import Document, DocumentResult, Failure, Result
from .fuse import Fusion, Settler
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
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = 16,
    keep: bool = True,
    gate: bool = True,
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

    ``engine`` ("local" or "dask"), ``workers`` and ``scheduler`` say where
    the work runs (see ``pressroom.engines``); documents go in batches of
    ``batch_size``. The result is the same whatever runs it. With
    ``keep=False`` (for corpora larger than memory; needs a store) the result
    holds no documents, only failures, fused ceremonies and ``counts``.
    ``gate=False`` parses every sentence (see ``pressroom.nlp.gate``).

    Raises ModelError when no spaCy model can be loaded, ValueError for an
    unknown engine, a worker count below 1, or ``keep=False`` without a store.
    """
    from . import engines
    from . import nlp as nlp_loader

    if not keep and store is None:
        raise ValueError("keep=False needs a store to keep the documents in")
    if engine == "local" and workers == 1:
        nlp_loader.load(model)  # fail now, not at the first document
    else:
        nlp_loader.resolve_model(model)
    settings = engines.Settings(model=model, ceremony=ceremony, year=year, gate=gate)
    result = Result()
    counts = {"documents": 0, "quotes": 0, "awards": 0}
    settler, fusion = Settler(), Fusion()
    own_store = isinstance(store, (str, Path))
    db = Store(store) if isinstance(store, (str, Path)) else store
    with _Stash(keep) as stash:
        try:
            done = 0
            documents = _readable(_documents(paths, texts, stdin, max_bytes), result.failures)
            for batch in engines.run(engines.batched(documents, batch_size), settings,
                                     engine=engine, workers=workers, scheduler=scheduler):
                for document, outcome in batch:
                    name = document.path or document.id
                    if isinstance(outcome, str):
                        result.failures.append(Failure(name, outcome))
                    else:
                        try:
                            if db is not None:
                                db.save(outcome)
                        except PressroomError as exc:
                            result.failures.append(Failure(name, str(exc)))
                        else:
                            counts["documents"] += 1
                            counts["quotes"] += len(outcome.quotes)
                            counts["awards"] += len(outcome.awards)
                            settler.note(outcome)
                            stash.put(outcome)
                    done += 1
                    if progress is not None:
                        progress(done, name)
            # second pass: the categories other documents settled, then fusion, in the same order
            settled = []
            for doc_result in stash:
                new = settler.settle(doc_result)
                if new is not doc_result and db is not None:
                    db.save(new if keep else _restore(db, new))
                fusion.add(new)
                if keep:
                    settled.append(new)
        finally:
            if own_store and db is not None:
                db.close()
    result.documents = settled
    result.ceremonies = fusion.records()
    result.counts = counts
    return result


def _readable(items: Iterable[Document | InputError], failures: list[Failure]) -> Iterator[Document]:
    """The documents that could be read; the others go to ``failures``."""
    for item in items:
        if isinstance(item, InputError):
            failures.append(Failure(item.source, item.problem))
        else:
            yield item


class _Stash:
    """The documents' results between the two passes: in memory when the caller
    keeps them, else only what fusion needs, pickled to a temporary file, so
    memory does not grow with the corpus."""

    def __init__(self, keep: bool) -> None:
        self._keep = keep
        self._kept: list[DocumentResult] = []
        self._file: BinaryIO | None = None

    def __enter__(self) -> _Stash:
        if not self._keep:
            self._file = tempfile.TemporaryFile(prefix="pressroom-")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._file is not None:
            self._file.close()

    def put(self, result: DocumentResult) -> None:
        if self._file is None:
            self._kept.append(result)
        else:
            pickle.dump(_slim(result), self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[DocumentResult]:
        if self._file is None:
            yield from self._kept
            return
        self._file.flush()
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return


def _slim(result: DocumentResult) -> DocumentResult:
    """What fusion needs of a document: its ceremony, hosts and awards, not its text."""
    return replace(result, document=replace(result.document, text=""), quotes=(), timeline=(), people=())


def _restore(db: Store, slim: DocumentResult) -> DocumentResult:
    """The stored document, with the awards that fusion settled."""
    stored = db.document(slim.document.path or slim.document.id)
    if stored is None:
        raise StoreError(f"{slim.document.path or slim.document.id}: not in the store any more")
    return replace(stored, awards=slim.awards)


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

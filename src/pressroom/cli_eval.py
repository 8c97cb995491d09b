"""``pressroom eval``: score an answers file with the CS337 autograder's metric.

A thin command over ``pressroom.cs337.score_answers``; cli.py registers it with
``app.command("eval")(eval_command)``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import cs337 as metric  # imported under another name: --cs337 is a parameter below
from .errors import InputError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

YEAR_IN_NAME = re.compile(r"gg(\d{4})")
TRUTH_NAME = "gg{year}answers.json"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def _read(path: Path, role: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        _fail(f"{path}: no such {role} file")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        _fail(f"{path}: cannot read the {role} as JSON ({exc})")
    if not isinstance(data, dict):
        _fail(f"{path}: the {role} must be a JSON object in the course's gg{{year}}answers.json shape")
    return data


def _truth_path(answers: Path, year: Optional[int]) -> Path:
    """``gg{year}answers.json`` beside the answers, the year from --year or the answers' file name."""
    if year is None:
        found = YEAR_IN_NAME.search(answers.name)
        if not found:
            _fail(f"{answers}: cannot tell the year from the file name; give --year or --truth")
        year = int(found.group(1))
    truth = answers.parent / TRUTH_NAME.format(year=year)
    if not truth.is_file():
        _fail(f"no truth file {truth}; give --truth TRUTH.json")
    if truth.resolve() == answers.resolve():
        _fail(f"{answers} is itself the course's truth file; give --truth to score it against another")
    return truth


def eval_command(
    answers: Path = typer.Argument(..., help="Answers JSON in the course's gg{year}answers.json shape (e.g. gg2013results.json from gg_api.main())."),
    truth: Optional[Path] = typer.Option(None, "--truth", help="The course's answers for that year (default: gg{YEAR}answers.json beside ANSWERS).", show_default=False),
    year: Optional[int] = typer.Option(None, "--year", min=1900, max=2100, help="Ceremony year (default: the gg{YEAR} in the ANSWERS file name).", show_default=False),
    cs337: bool = typer.Option(False, "--cs337", help="Score with the CS337 Golden Globes autograder's metric."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of a table."),
) -> None:
    """Score answers with the CS337 autograder's spelling and completeness per field."""
    if not cs337:
        _fail("pressroom eval scores with the CS337 metric only: pass --cs337")
    truth_path = truth or _truth_path(answers, year)
    if year is None:
        found = YEAR_IN_NAME.search(truth_path.name) or YEAR_IN_NAME.search(answers.name)
        year = int(found.group(1)) if found else None
    given, expected = _read(answers, "answers"), _read(truth_path, "truth")
    try:
        result = metric.score_answers(given, expected, year=year)
    except InputError as exc:
        _fail(f"{truth_path}: {exc.problem}")
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        out.print(metric.report(result))

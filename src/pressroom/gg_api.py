"""The CS337 course interface: ``gg_api`` as the course's autograder calls it.

Northwestern CS337 Project 1 asks for a module ``gg_api`` with ``pre_ceremony()``,
``main()`` and ``get_hosts / get_awards / get_nominees / get_winner /
get_presenters(year)``; the shapes and award-name keys follow the course's
starter gg_api.py (Version 0.35, read in barrieca/NLP-gg2020/gg_api.py). The
work is pressroom's tweet engine, ``pressroom.tweets.analyze``, run once per
year over ``gg{year}.json`` found in ``$PRESSROOM_TWEETS_DIR`` or the working
directory; every get_* call for that year reads the cached analysis.

    from pressroom import gg_api
    gg_api.pre_ceremony()
    gg_api.get_winner(2013)  # {"best motion picture - drama": "...", ...}
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from . import cs337
from .errors import InputError

__all__ = [
    "answers",
    "available_years",
    "award_names",
    "get_awards",
    "get_hosts",
    "get_nominees",
    "get_presenters",
    "get_winner",
    "main",
    "pre_ceremony",
    "tweets_path",
]

TWEETS_DIR_ENV = "PRESSROOM_TWEETS_DIR"
TWEETS_FILE = re.compile(r"^gg(\d{4})\.json$")
RESULTS_NAME = "gg{year}results.json"  # not gg{year}answers.json: that name is the course's truth

# (year, tweets file) -> TweetAnalysis; a year's stream is read once per process.
_analyses: dict[tuple[int, Path], Any] = {}


def _year(year: int | str) -> int:
    # The autograder passes years as strings ('2013').
    try:
        return int(str(year).strip())
    except ValueError:
        raise InputError(str(year), "expected a year such as 2013") from None


def _tweets_dir() -> Path:
    return Path(os.environ.get(TWEETS_DIR_ENV) or Path.cwd())


def tweets_path(year: int | str) -> Path:
    """Where the course's tweets for a year are read from: ``gg{year}.json``."""
    return _tweets_dir() / f"gg{_year(year)}.json"


def available_years() -> list[int]:
    """The years whose ``gg{year}.json`` is in the tweets folder."""
    folder = _tweets_dir()
    if not folder.is_dir():
        return []
    found = (TWEETS_FILE.match(p.name) for p in folder.iterdir() if p.is_file())
    return sorted(int(m.group(1)) for m in found if m)


def award_names(year: int | str) -> list[str]:
    """The award-name keys of a year: the course's list (2013, 2015, 2018, 2019), else
    the official Golden Globe category names in pressroom's knowledge.

    A year past the knowledge file takes the latest names; a year before the
    first ceremony raises InputError.
    """
    y = _year(year)
    if y in cs337.course_years():
        return cs337.official_awards(y)
    from .knowledge import load_ceremony

    years = load_ceremony("golden_globes")["years"]
    entry = years.get(str(y))
    if not entry:
        known = [int(k) for k, v in years.items() if v.get("categories")]
        if y < min(known):
            raise InputError(str(y), "no Golden Globe award names known for this year")
        entry = years[str(max(known))]  # a year past the knowledge file: the latest names
    return list(dict.fromkeys(entry["categories"].values()))


def _analysis(year: int | str):
    y = _year(year)
    path = tweets_path(y)
    key = (y, path.resolve())
    if key not in _analyses:
        if not path.is_file():
            raise InputError(str(path), f"no tweets for {y}: put gg{y}.json in the working "
                                        f"directory or in ${TWEETS_DIR_ENV}")
        # Looked up at call time so the engine loads only when a year is first asked for.
        from .tweets import analyze

        _analyses[key] = analyze(path, year=y, ceremony="golden_globes", awards=award_names(y))
    return _analyses[key]


def pre_ceremony() -> None:
    """Load what can be prepared before the ceremony: the course's award names and
    pressroom's Golden Globe knowledge (both cached for the process)."""
    from .knowledge import load_ceremony

    for y in cs337.course_years():
        cs337.official_awards(y)
    load_ceremony("golden_globes")


def get_hosts(year: int | str) -> list[str]:
    """Hosts is a list of one or more strings."""
    return list(_analysis(year).hosts)


def get_awards(year: int | str) -> list[str]:
    """Awards is a list of strings: the award names found in the tweets."""
    return list(_analysis(year).award_names)


def get_nominees(year: int | str) -> dict[str, list[str]]:
    """Nominees: the year's official award names as keys, each a list of strings."""
    found = _analysis(year).nominees
    return {award: list(found.get(award) or []) for award in award_names(year)}


def get_winner(year: int | str) -> dict[str, str]:
    """Winners: the year's official award names as keys, each a single string
    (empty when the tweets do not decide)."""
    found = _analysis(year).winners
    return {award: found.get(award) or "" for award in award_names(year)}


def get_presenters(year: int | str) -> dict[str, list[str]]:
    """Presenters: the year's official award names as keys, each a list of strings."""
    found = _analysis(year).presenters
    return {award: list(found.get(award) or []) for award in award_names(year)}


def answers(year: int | str) -> dict:
    """Everything for a year in the shape of the course's ``gg{year}answers.json``,
    plus ``awards``, the award names found: ``{"hosts", "awards", "award_data":
    {award: {"nominees", "presenters", "winner"}}}``."""
    nominees, presenters, winners = get_nominees(year), get_presenters(year), get_winner(year)
    return {
        "hosts": get_hosts(year),
        "awards": get_awards(year),
        "award_data": {
            award: {"nominees": nominees[award], "presenters": presenters[award], "winner": winners[award]}
            for award in award_names(year)
        },
    }


def _summary(year: int, data: dict, written: Path):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = Text.assemble((f"Golden Globes {year}\n", "bold"),
                         ("hosts: ", "bold"), ", ".join(data["hosts"]) or "(none found)", "\n",
                         ("award names found: ", "bold"), str(len(data["awards"])))
    table = Table(show_lines=False)
    table.add_column("award", style="green", max_width=44, overflow="fold")
    table.add_column("winner", style="bold")
    table.add_column("nominees")
    table.add_column("presenters", style="cyan")
    for award, entry in data["award_data"].items():
        table.add_row(award, entry["winner"] or "-", ", ".join(entry["nominees"]) or "-",
                      ", ".join(entry["presenters"]) or "-")
    return Group(head, table, Text(f"written to {written}", style="dim"))


def main() -> None:
    """Run the analysis for every year whose ``gg{year}.json`` is present, write each
    year's answers to ``gg{year}results.json`` in the working directory and print a
    summary to read."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    pre_ceremony()
    years = available_years()
    if not years:
        console.print(f"no gg{{year}}.json tweets in {_tweets_dir()} (set ${TWEETS_DIR_ENV} to their folder)")
        return
    for year in years:
        data = answers(year)
        path = Path.cwd() / RESULTS_NAME.format(year=year)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        console.print(_summary(year, data, path))


if __name__ == "__main__":
    main()

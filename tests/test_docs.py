"""The README's command-line reference cannot drift from the commands themselves.

As in datasette's and sqlite-utils' ``tests/test_docs.py``: every command and
every option has a place in the README, and the README documents nothing that
does not exist.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from pressroom.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
COMMAND_HEADING = re.compile(r"^### `pressroom (?P<name>[\w-]+)", re.MULTILINE)
ANY_HEADING = re.compile(r"^#{1,3} ", re.MULTILINE)

# typer may vendor its own click, so commands and params are told apart by their
# attributes, not by isinstance checks against the installed click.
COMMANDS = typer.main.get_command(app).commands


def readme_sections() -> dict[str, str]:
    """Command name -> its README section, from its heading to the next heading."""
    text = README.read_text(encoding="utf-8")
    sections = {}
    for heading in COMMAND_HEADING.finditer(text):
        following = ANY_HEADING.search(text, heading.end())
        sections[heading["name"]] = text[heading.start() : following.start() if following else len(text)]
    return sections


def long_flags(command) -> list[str]:
    return [
        flag
        for param in command.params
        if param.param_type_name == "option"
        for flag in (*param.opts, *param.secondary_opts)
        if flag.startswith("--")
    ]


def command_options() -> list[tuple[str, str]]:
    return [(name, flag) for name, command in COMMANDS.items() for flag in long_flags(command)]


OPTIONS = command_options()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_a_readme_heading(name):
    assert name in readme_sections(), f"command `pressroom {name}` has no ### heading in README.md"


@pytest.mark.parametrize("name, flag", OPTIONS)
def test_option_is_documented_in_its_section(name, flag):
    section = readme_sections().get(name, "")
    assert re.search(rf"`{re.escape(flag)}(?![\w-])", section), (
        f"option {flag} of `pressroom {name}` is not documented in its README section"
    )


@pytest.mark.parametrize("name", sorted(readme_sections()))
def test_documented_command_exists(name):
    assert name in COMMANDS, f"README.md documents `pressroom {name}`, which is not a command"


def test_readme_documents_some_commands():
    # guards the tests above against a heading style change that matches nothing
    assert readme_sections(), "no ### `pressroom <command>` headings found in README.md"


def test_options_are_found():
    # guards against a typer/click change that hides every option from long_flags
    assert ("extract", "--no-store") in OPTIONS

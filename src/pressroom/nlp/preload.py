"""Imported once by the process pool's fork server (see ``engines``): the
default spaCy pipeline is loaded there, so every worker forked from it starts
with the model in memory instead of loading it again.

Nothing here may raise: a fork server that cannot load the model still forks
workers, and they report the problem (ModelError) when they load it.
"""
from __future__ import annotations

try:
    from . import load

    load()
except Exception:  # noqa: BLE001 - the workers load (and report) it themselves
    pass

"""The few exceptions pressroom raises; each message names the bad value."""
from __future__ import annotations


class PressroomError(Exception):
    """Base class for every error pressroom raises on purpose."""


class InputError(PressroomError):
    """A source cannot be read as a document (missing, binary, empty, undecodable)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # rebuilt from both fields, so it pickles (to and from workers) and deep-copies
        return type(self), (self.source, self.problem)


class ModelError(PressroomError):
    """No usable spaCy model could be loaded."""


class StoreError(PressroomError):
    """The store file cannot be opened, migrated or written."""

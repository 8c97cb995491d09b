"""pressroom: turn awards-night coverage into a structured, sourced record."""
from __future__ import annotations

__version__ = "0.1.0"

# Load the extractors package before binding the function of the same name:
# importing it later would rebind ``pressroom.extract`` to the package.
from . import pipeline as _pipeline  # noqa: F401
from .api import extract, extract_text
from .errors import InputError, ModelError, PressroomError, StoreError
from .records import (
    Award,
    Ceremony,
    Document,
    DocumentResult,
    Event,
    Failure,
    Host,
    Quote,
    Result,
)
from .store import Store

__all__ = [
    "Award",
    "Ceremony",
    "Document",
    "DocumentResult",
    "Event",
    "Failure",
    "Host",
    "InputError",
    "ModelError",
    "PressroomError",
    "Quote",
    "Result",
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "extract_text",
]

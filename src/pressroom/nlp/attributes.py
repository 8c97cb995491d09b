"""The model's attribute ruler, answered by table lookup.

English pipelines end their tagging with an ``attribute_ruler``: some 180
token patterns (a tag map, morphology rules, lemma exceptions) that a
``Matcher`` runs over every token, a seventh of the pipeline's time. Nearly
all of them look at one token's tag, lower-case form, dependency label and
whether it is space, so the rules a token matches depend only on those four
values: ``FastAttributeRuler`` works them out once per distinct combination
and applies the merged attributes, with a ``Matcher`` only for the few
patterns that span two tokens. The result is the same as the ruler's, rule
for rule and in the same order (tests compare them token by token); a ruler
with a pattern it cannot read this way is left in place.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEYS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
_Key = tuple[str, str, str, bool]


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    if not isinstance(value, dict):
        return lambda v, want=value: v == want
    if len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda v: v not in banned
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda v: bool(pattern.search(v))
    return None


def _token_test(spec: dict[str, Any]) -> Callable[[_Key], bool] | None:
    tests = []
    for key, value in spec.items():
        if key not in _KEYS:
            return None
        test = _value_test(value)
        if test is None:
            return None
        tests.append((list(_KEYS).index(key), test))
    return lambda k: all(test(k[i]) for i, test in tests)


class FastAttributeRuler:
    """A drop-in for an ``AttributeRuler``, built from its patterns."""

    def __init__(self, single: list[tuple[int, Callable[[_Key], bool]]], matcher: Matcher | None,
                 multi: dict[int, int], attrs: list[dict]) -> None:
        self._single = single  # (rule id, test) in rule order
        self._matcher = matcher  # the two-token patterns, keyed by rule id
        self._multi_index = multi  # rule id -> index of the token it sets
        self._attrs = attrs  # rule id -> attributes
        self._cache: dict[_Key, tuple[int, ...]] = {}

    @classmethod
    def from_ruler(cls, ruler: Any, vocab: Any) -> FastAttributeRuler | None:
        """Compile ``ruler``; None when one of its patterns is not of the kinds above."""
        single: list[tuple[int, Callable[[_Key], bool]]] = []
        matcher = Matcher(vocab)
        multi: dict[int, int] = {}
        for rule_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    test = _token_test(pattern[0])
                    if test is None:
                        return None
                    single.append((rule_id, test))
                else:
                    if any("OP" in spec for spec in pattern):
                        return None
                    matcher.add(str(rule_id), [pattern])
                    multi[rule_id] = entry["index"]
        return cls(single, matcher if multi else None, multi, list(ruler.attrs))

    def _rules(self, key: _Key) -> tuple[int, ...]:
        found = self._cache.get(key)
        if found is None:
            found = tuple(rule_id for rule_id, test in self._single if test(key))
            self._cache[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        keys = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        extra: dict[int, list[int]] = {}
        if self._matcher is not None:
            for match_id, start, end in self._matcher(doc, allow_missing=True):
                rule_id = int(doc.vocab.strings[match_id])
                at = range(start, end)[self._multi_index[rule_id]]
                extra.setdefault(at, []).append(rule_id)
        for i, key in enumerate(keys):
            rules = self._rules(key)
            if i in extra:
                rules = tuple(sorted(rules + tuple(extra[i])))
            if not rules:
                continue
            if len(rules) == 1:
                set_token_attrs(doc[i], self._attrs[rules[0]])
            else:
                for rule_id in rules:
                    set_token_attrs(doc[i], self._attrs[rule_id])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def speed_up(nlp: Language) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by its table-lookup twin; True when done."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    if FastAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler"), nlp.vocab) is None:
        return False
    nlp.add_pipe(FAST_RULER, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return True


FAST_RULER = "pressroom_attribute_ruler"


@Language.factory(FAST_RULER)
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler``, which must be present."""
    fast = FastAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler"), nlp.vocab)
    if fast is None:
        raise ValueError("the attribute_ruler has patterns FastAttributeRuler cannot read")
    return fast

"""Read tweets as a stream: a JSON array or JSON lines of tweet objects, plain or gzipped.

The CS337 format: objects with ``text``, ``user.screen_name``, ``id`` and ``timestamp_ms``.
Nothing here holds more than one chunk of the file (and one record) in memory; a record
that is not an object or has no text is skipped and reported as an ``InputError``.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..errors import InputError

__all__ = ["Tweet", "read_tweets", "tweet_from_record"]

CHUNK = 1 << 20  # bytes read at a time
MAX_RECORD = 8 << 20  # a JSON-array element longer than this is reported as malformed

_RETWEET = re.compile(r"^RT @\w{1,30}:?\s?", re.ASCII)
_WHITESPACE = b" \t\r\n"


@dataclass(frozen=True, slots=True)
class Tweet:
    """One tweet as pressroom reads it.

    ``retweet_of`` is the text of the original when the tweet is a retweet ("RT @x: ..."
    or a ``retweeted_status``), else None.
    """

    id: str
    text: str
    user: str
    timestamp_ms: int | None
    retweet_of: str | None = None


def tweet_from_record(record: Any) -> Tweet:
    """A ``Tweet`` from one decoded record. Raises ValueError naming what is wrong."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a tweet object, got {type(record).__name__}")
    text = record.get("full_text") or record.get("text")
    extended = record.get("extended_tweet")
    if isinstance(extended, dict) and isinstance(extended.get("full_text"), str):
        text = extended["full_text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text")
    user = record.get("user")
    if isinstance(user, dict):
        user = user.get("screen_name") or user.get("name") or ""
    elif not isinstance(user, str):
        user = record.get("screen_name") or ""
    tweet_id = record.get("id_str") or record.get("id")
    retweet_of = None
    original = record.get("retweeted_status")
    if isinstance(original, dict) and isinstance(original.get("text"), str):
        retweet_of = original.get("full_text") or original["text"]
    elif text.startswith("RT @") and (m := _RETWEET.match(text)):
        retweet_of = text[m.end():]
    return Tweet(id="" if tweet_id is None else str(tweet_id), text=text, user=str(user),
                 timestamp_ms=_timestamp(record), retweet_of=retweet_of)


def _timestamp(record: dict) -> int | None:
    value = record.get("timestamp_ms")
    if value is not None:
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    created = record.get("created_at")
    if isinstance(created, str):  # Twitter's "Mon Jan 13 02:04:12 +0000 2013"
        try:
            return int(datetime.strptime(created, "%a %b %d %H:%M:%S %z %Y").timestamp() * 1000)
        except ValueError:
            return None
    return None


def read_tweets(source: str | Path | IO[bytes] | Iterable[dict], *,
                errors: list | None = None) -> Iterator[Tweet]:
    """Stream the tweets of a file, a binary file object, or an iterable of dicts.

    Files hold a JSON array or JSON lines (told apart by the first non-space byte) and
    may be gzipped. A record that is not an object or has no text is skipped, and an
    ``InputError(source, "line N: ...")`` is appended to ``errors`` when given (items of
    an in-memory iterable are numbered "item N"). Raises ``InputError`` when a path
    cannot be opened.
    """
    errors = errors if errors is not None else []
    if isinstance(source, (str, Path)):
        name = str(source)
        try:
            handle = open(source, "rb")
        except OSError as e:
            raise InputError(name, f"cannot open: {e.strerror or e}") from None
        with handle:
            yield from _read_stream(handle, name, errors)
    elif hasattr(source, "read"):
        yield from _read_stream(source, str(getattr(source, "name", "<stream>")), errors)
    else:
        for n, record in enumerate(source, 1):
            if isinstance(record, Tweet):
                yield record
                continue
            try:
                yield tweet_from_record(record)
            except ValueError as e:
                errors.append(InputError("<tweets>", f"item {n}: {e}"))


def _read_stream(stream: IO[bytes], name: str, errors: list) -> Iterator[Tweet]:
    chunks = _chunks(stream, name)
    first = _head(chunks)
    if first[:2] == b"\x1f\x8b":  # gzip: read the rest through a decompressor
        stream = gzip.GzipFile(fileobj=_Joined(first, chunks), mode="rb")
        chunks = _chunks(stream, name)
        first = _head(chunks)
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]
    while first and not first.lstrip(_WHITESPACE):  # a chunk of blank space
        first = next(chunks, b"")
    head = first.lstrip(_WHITESPACE)[:1]
    if not head:
        return
    if head == b"[":
        yield from _read_array(first, chunks, name, errors)
    else:
        yield from _read_lines(first, chunks, name, errors)


def _chunks(stream: IO[bytes], name: str) -> Iterator[bytes]:
    while True:
        try:
            chunk = stream.read(CHUNK)
        except (OSError, EOFError) as e:  # a damaged gzip stream, a read error
            raise InputError(name, f"cannot read: {e}") from None
        if not chunk:
            return
        if isinstance(chunk, str):  # a text-mode file object: take it as UTF-8
            chunk = chunk.encode("utf-8")
        yield chunk


def _head(chunks: Iterator[bytes]) -> bytes:
    """The first chunk, grown to at least 4 bytes (enough to tell gzip and a BOM) when it can be."""
    first = next(chunks, b"")
    while 0 < len(first) < 4 and (more := next(chunks, b"")):
        first += more
    return first


class _Joined(io.RawIOBase):
    """A read-only stream over a first chunk and the rest of an iterator of chunks."""

    def __init__(self, first: bytes, rest: Iterator[bytes]) -> None:
        self._buffer, self._rest = first, rest

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            self._buffer = next(self._rest, b"")
            if not self._buffer:
                return 0
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _read_lines(first: bytes, chunks: Iterator[bytes], name: str, errors: list) -> Iterator[Tweet]:
    line_no = 0
    carry = first
    loads = json.loads
    for chunk in _chain(chunks):
        if chunk is None:  # end of input: what is left, the last line without its newline too
            lines, carry = carry.split(b"\n"), b""
        else:
            lines = (carry + chunk).split(b"\n")
            carry = lines.pop()
        for line in lines:
            line_no += 1
            if not line.strip():
                continue
            try:
                record = loads(line)
            except ValueError as e:  # JSONDecodeError and UnicodeDecodeError
                errors.append(InputError(name, f"line {line_no}: not JSON ({_reason(e)})"))
                continue
            try:
                yield tweet_from_record(record)
            except ValueError as e:
                errors.append(InputError(name, f"line {line_no}: {e}"))


def _chain(chunks: Iterator[bytes]) -> Iterator[bytes | None]:
    yield from chunks
    yield None


def _reason(e: Exception) -> str:
    return e.msg if isinstance(e, json.JSONDecodeError) else str(e)


def _read_array(first: bytes, chunks: Iterator[bytes], name: str, errors: list) -> Iterator[Tweet]:
    """Decode the elements of a top-level JSON array one at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    raw_decode = json.JSONDecoder().raw_decode
    text = decoder.decode(first)
    text = text[text.index("[") + 1:]
    pos, line, item, eof = 0, 1 + first[: first.index(b"[")].count(b"\n"), 0, False

    def more() -> bool:
        nonlocal text, pos, eof
        chunk = next(chunks, None)
        if chunk is None:
            eof = True
            text = text[pos:] + decoder.decode(b"", final=True)
        else:
            text = text[pos:] + decoder.decode(chunk)
        pos = 0
        return chunk is not None

    while True:
        # skip blanks and the comma between elements
        while True:
            n = len(text)
            while pos < n and text[pos] in " \t\r\n,":
                if text[pos] == "\n":
                    line += 1
                pos += 1
            if pos < n or not more():
                break
        if pos >= len(text) or text[pos] == "]":
            return
        item += 1
        while True:
            try:
                record, end = raw_decode(text, pos)
                break
            except json.JSONDecodeError as e:
                if not eof and len(text) - pos < MAX_RECORD:
                    more()  # the element may just be cut by the chunk's end: read on, try again
                    continue
                errors.append(InputError(name, f"line {line + text.count(chr(10), pos, e.pos)}, "
                                               f"item {item}: not JSON ({e.msg})"))
                record, end = None, _resync(text, e.pos, pos)
                break
        line += text.count("\n", pos, end)
        pos = end
        if record is None:
            continue
        try:
            yield tweet_from_record(record)
        except ValueError as e:
            errors.append(InputError(name, f"line {line}, item {item}: {e}"))


def _resync(text: str, bad: int, start: int) -> int:
    """Where to look for the next element after a malformed one: the next object start."""
    m = re.compile(r"[,\n]\s*(?=\{)").search(text, max(bad, start + 1))
    return m.end() if m else len(text)

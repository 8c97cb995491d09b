"""Readers: files, folders, globs and stdin in; ``Document`` records out.

Every reader decodes bytes to text once, normalises newlines to ``\\n`` and
turns HTML and Markdown into plain prose, so ``Document.text`` is the string
every later offset points into. A source that cannot be read raises (or, in a
batch, yields) an ``InputError`` naming the source and the problem.
"""
from __future__ import annotations

import codecs
import errno
import glob
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO, TextIO

import charset_normalizer
import trafilatura

from .errors import InputError
from .records import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DOCUMENT_SUFFIXES",
    "Source",
    "iter_sources",
    "load_documents",
    "read_bytes",
    "read_path",
    "read_source",
    "read_text",
]

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 20_000_000  # a long article is well under 1 MB; past this it is not one
MAX_TITLE = 200
MAX_CONTROL_RATIO = 0.05
STDIN_NAME = "stdin"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file (``path``) or bytes already read (``data``, for stdin)."""

    name: str  # what messages and ids name: the path as given, or "stdin"
    path: Path | None = None
    data: bytes | None = None


# --- single sources -------------------------------------------------------


def read_path(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read one file as a ``Document``; raise ``InputError`` if it cannot be read.

    A file larger than ``max_bytes`` (None: no limit) is refused before it is read.
    """
    source = str(path)
    path = Path(path)
    try:
        if not path.is_file():
            raise InputError(source, _missing_problem(path))
        if path.suffix.lower() in JSON_SUFFIXES:
            raise InputError(source, "JSON is not read as a document (a tweet file? use 'pressroom tweets')")
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(source, _too_big(size, max_bytes))
        with path.open("rb") as file:
            data = file.read() if max_bytes is None else file.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, _os_problem(exc)) from exc
    if max_bytes is not None and len(data) > max_bytes:  # it grew after the size was taken
        raise InputError(source, _too_big(None, max_bytes))
    return read_bytes(data, id=path.stem, path=source)


def read_bytes(
    data: bytes, *, id: str, path: str | None = None, source: str | None = None
) -> Document:
    """Decode ``data`` and read it as HTML, Markdown or plain text.

    The format follows ``path``'s extension, overridden by HTML content.
    Raises ``InputError`` naming ``source`` (default: ``path`` or ``id``) when
    the bytes are binary, undecodable or empty.
    """
    source = source or path or id
    text, encoding = _decode(data, source)
    if not text.strip():
        raise InputError(source, "empty document")
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise InputError(source, "binary file (not text): too many control characters")
    kind = _format(text, Path(path).suffix.lower() if path else "")
    if kind == "html":
        body, title = _html_text(text)
    elif kind == "markdown":
        body, title = _markdown_text(text)
    else:
        body, title = text, ""
    if not body.strip():
        raise InputError(source, f"empty document (no text in the {kind})")
    return Document(
        id=id,
        text=body,
        path=path,
        title=title or _first_line(body),
        format=kind,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def read_text(text: str, *, id: str, title: str = "") -> Document:
    """Wrap a string given through the Python API as a plain-text ``Document``."""
    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError(id, "empty document")
    return Document(
        id=id,
        text=text,
        title=title or _first_line(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read_source(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read a ``Source`` from ``iter_sources``; raise ``InputError`` if it cannot be read."""
    if source.data is not None:
        return read_bytes(source.data, id=source.name, source=source.name)
    return read_path(source.name, max_bytes=max_bytes)


# --- many sources ---------------------------------------------------------


def iter_sources(
    inputs: Iterable[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Source | InputError]:
    """Expand CLI inputs (files, folders, globs, ``-``) into sources, in order.

    Folders are read recursively and sorted, keeping only document files
    (``DOCUMENT_SUFFIXES``) and skipping hidden entries, ``*.gold.json`` and the
    folder's own ``README``; a folder reached again through a symbolic link is
    not read again, so link loops end.
    An input that matches nothing yields an ``InputError`` instead of raising,
    and a file reached twice is yielded once. Standard input longer than
    ``max_bytes`` yields an ``InputError``.
    """
    seen: set[Path | str] = set()
    for item in inputs:
        for found in _expand(item, stdin, max_bytes):
            if isinstance(found, InputError):
                yield found
                continue
            key = _identity(found.path) if found.path else found.name
            if key not in seen:
                seen.add(key)
                yield found


def load_documents(
    inputs: Iterable[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Read every input as ``iter_sources`` expands it; yield errors, never raise them.

    A file or standard input larger than ``max_bytes`` (None: no limit) is an error.
    """
    for found in iter_sources(inputs, stdin=stdin, max_bytes=max_bytes):
        if isinstance(found, InputError):
            yield found
            continue
        try:
            yield read_source(found, max_bytes=max_bytes)
        except InputError as exc:
            yield exc


def _expand(
    item: str, stdin: TextIO | BinaryIO | None, max_bytes: int | None
) -> Iterator[Source | InputError]:
    if item == "-":
        yield _read_stdin(stdin, max_bytes)
        return
    path = Path(item)
    if path.is_dir():
        yield from _folder_sources(path, item)
    elif path.exists() or path.is_symlink():
        yield Source(item, path)
    elif glob.has_magic(item):
        yield from _glob_sources(item)
    else:
        yield InputError(item, "no such file or folder")


def _read_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int | None) -> Source | InputError:
    stream = stdin if stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)  # raw bytes, so decoding is ours
    try:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except OSError as exc:
        return InputError(STDIN_NAME, _os_problem(exc))
    if isinstance(data, str):
        data = data.encode("utf-8")
    if max_bytes is not None and len(data) > max_bytes:
        return InputError(STDIN_NAME, _too_big(None, max_bytes))
    return Source(STDIN_NAME, data=data)


def _glob_sources(pattern: str) -> Iterator[Source | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError(pattern, "no files match this pattern")
        return
    found = False
    seen_dirs: set[Path] = set()
    for match in matches:
        path = Path(match)
        if path.is_dir():
            for entry in _walk(path, seen_dirs):
                found = True
                yield entry if isinstance(entry, InputError) else Source(str(entry), entry)
        elif _is_document_file(path) or _names_suffix(pattern, path):
            found = True
            yield Source(match, path)
    if not found:
        yield InputError(pattern, "no document files match this pattern")


def _folder_sources(folder: Path, name: str) -> Iterator[Source | InputError]:
    found = False
    for entry in _walk(folder, set()):
        found = True
        yield entry if isinstance(entry, InputError) else Source(str(entry), entry)
    if not found:
        yield InputError(name, "no document files in this folder")


def _walk(folder: Path, seen_dirs: set[Path]) -> Iterator[Path | InputError]:
    """Document files under ``folder``, depth first, sorted by name; symlink cycles stop."""
    real = _identity(folder)
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield InputError(str(folder), _os_problem(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen_dirs)
        elif _is_document_file(entry):
            yield entry


def _names_suffix(pattern: str, path: Path) -> bool:
    """Whether a pattern spells out the file's suffix ("*.log"), asking for such files."""
    return bool(path.suffix) and pattern.lower().endswith(path.suffix.lower())


def _is_document_file(path: Path) -> bool:
    # *.gold.json answer keys stay out, and so does a folder's own README
    return path.suffix.lower() in DOCUMENT_SUFFIXES and path.stem.upper() != "README"


def _identity(path: Path) -> Path:
    """Where a path leads, so a file reached twice is read once; a link loop leads to itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return path.absolute()


def _missing_problem(path: Path) -> str:
    if path.is_dir():
        return "is a folder, not a file"
    if path.is_symlink():
        return "symbolic link loop" if _link_loop(path) else "broken symbolic link"
    if path.exists():
        return "not a regular file"
    return "no such file"


def _link_loop(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _too_big(size: int | None, max_bytes: int) -> str:
    limit = f"the {max_bytes / 1_000_000:g} MB limit (--max-size)"
    return f"file is {size / 1_000_000:.1f} MB, over {limit}" if size is not None else f"over {limit}"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return (exc.strerror or str(exc)).lower()


# --- decoding -------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\n\t\f")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` with newlines normalised, or raise ``InputError``."""
    if not data:
        raise InputError(source, "empty document")
    announced = _unicode_by_bom(data) or _utf16_without_bom(data)
    if announced:
        encoding, body = announced
        try:
            return _normalise_newlines(body.decode(encoding)), encoding
        except UnicodeDecodeError:
            raise InputError(source, f"cannot decode as text (invalid {encoding})") from None
    if b"\0" in data:
        raise InputError(source, "binary file (not text): contains NUL bytes")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        cut = _utf8_cut_short(data, exc)
        if cut is not None:
            return _normalise_newlines(cut), "utf-8"
    for encoding in _declared_charset(data):
        try:
            return _normalise_newlines(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    guessed = _decode_legacy(data)
    if guessed is None:
        raise InputError(source, "cannot decode as text (tried utf-8, utf-16, cp1252 and others)")
    return _normalise_newlines(guessed[0]), guessed[1]


def _utf8_cut_short(data: bytes, exc: UnicodeDecodeError) -> str | None:
    """UTF-8 cut off inside its last character (a truncated download): the text, the cut one as U+FFFD.

    Only when the text before it shows UTF-8 characters: after plain ASCII,
    the last bytes read as well as cp1252 (a "café" that ends the text).
    """
    if exc.reason != "unexpected end of data" or exc.end != len(data):
        return None
    head = data[: exc.start]
    return None if head.isascii() else head.decode("utf-8") + "\ufffd"


def _unicode_by_bom(data: bytes) -> tuple[str, bytes] | None:
    """The encoding a byte-order mark announces, and the bytes after the mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, bytes] | None:
    """UTF-16 when NULs sit at nearly every odd (or even) byte, as in mostly-ASCII text."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= 0.4 * half and even_nuls <= 0.05 * half:
        return "utf-16-le", data
    if even_nuls >= 0.4 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be", data
    return None


def _declared_charset(data: bytes) -> list[str]:
    """The charset an HTML ``<meta>`` declares, if any (latin-1 read as cp1252, as browsers do)."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return []
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return []
    return ["cp1252" if name in ("iso8859-1", "ascii") else name]


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """cp1252 when the text reads as Western European, else charset-normalizer's best guess."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    # charset-normalizer misreads short English with smart quotes, so test cp1252 first:
    # in Western text accented letters are a minority among letters.
    if text is not None and _mostly_ascii_letters(text):
        return text, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    return accented <= 0.5 * len(letters)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    controls = sum(
        1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc"
    )
    return controls / len(text)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:MAX_TITLE]
    return ""


# --- formats --------------------------------------------------------------


def _format(text: str, suffix: str) -> str:
    start = text.lstrip()[:64].lower()
    if suffix in HTML_SUFFIXES or start.startswith(("<!doctype html", "<html")):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _html_text(html: str) -> tuple[str, str]:
    """Main text (paragraphs split by blank lines) and title of an HTML page."""
    parsed = _TagStripper.parse(html)
    extracted = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        prune_xpath="//template",  # inert markup a browser never shows
    )
    if extracted and extracted.strip():
        blocks = (_collapse(_LIST_BULLET.sub("", line)) for line in extracted.split("\n"))
        text = "\n\n".join(block for block in blocks if block)
    else:
        text = "\n\n".join(parsed.blocks)
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "") or parsed.title
    return text, " ".join(title.split())[:MAX_TITLE]


_LIST_BULLET = re.compile(r"^\s*[-*+•]\s+")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; a no-break space stays


def _collapse(text: str) -> str:
    """Whitespace runs as a browser renders them: one space, none at the ends."""
    return _HTML_SPACE.sub(" ", text).strip(" ")


class _TagStripper(HTMLParser):
    """Text blocks of a page, skipping scripts and styles, and its ``<title>``."""

    SKIP = frozenset({"script", "style", "noscript", "template", "title"})
    BLOCK = frozenset(
        "address article aside blockquote br dd div dl dt figcaption figure footer form "
        "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title = ""
        self._current: list[str] = []
        self._skipping: list[str] = []

    @classmethod
    def parse(cls, html: str) -> _TagStripper:
        parser = cls()
        parser.feed(html)
        parser.close()
        parser._flush()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping.append(tag)
        elif tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        elif tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping == ["title"]:
            self.title += data
        elif not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        block = _collapse("".join(self._current))
        if block:
            self.blocks.append(block)
        self._current = []


_ESCAPABLE = "\\`*_{}[]()#+-.!>~|"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_ESCAPED = re.compile("[" + re.escape("".join(chr(0xE000 + ord(c)) for c in _ESCAPABLE)) + "]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_OR_RULE = re.compile(r"^\s{0,3}([-=*_])(\s*\1){2,}\s*$")
_QUOTE_MARKER = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_EMPHASIS = 500
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_INLINE = (  # order matters: images before links, code before emphasis
    (re.compile(r"`+([^`]+?)`+"), r"\1"),
    (re.compile(r"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    # emphasis spans at most _EMPHASIS characters: an unclosed marker on a long line
    # then costs a bounded look ahead, not the rest of the line
    (re.compile(rf"(?<![\w*])(\*{{1,3}})(?=\S)(.{{1,{_EMPHASIS}}}?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(rf"(?<![\w_])(_{{1,3}})(?=\S)(.{{1,{_EMPHASIS}}}?)(?<=\S)\1(?![\w_])"), r"\2"),
    (re.compile(rf"~~(?=\S)(.{{1,{_EMPHASIS}}}?)(?<=\S)~~"), r"\1"),
)


def _markdown_text(markdown: str) -> tuple[str, str]:
    """Markdown as readable prose, and its first ``# heading`` as the title."""
    # Escaped characters hide in the private-use area so no rule below touches them.
    markdown = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), markdown)
    lines: list[str] = []
    title = ""
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        if _SETEXT_OR_RULE.match(line) or _LINK_DEFINITION.match(line):
            continue
        line = _QUOTE_MARKER.sub("", line)
        heading = _ATX_HEADING.match(line)
        if heading:
            line = heading.group(2)
        line = _BULLET.sub("", line)
        for pattern, replacement in _INLINE:
            line = pattern.sub(replacement, line)
        if heading and heading.group(1) == "#" and not title:
            title = line.strip()
        lines.append(line)
    return _unescape("\n".join(lines)), _unescape(title)[:MAX_TITLE]


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(ord(m.group()) - 0xE000), text)

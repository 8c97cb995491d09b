import io
import random
from pathlib import Path

import pytest

from pressroom.documents import (
    Source,
    iter_sources,
    load_documents,
    read_bytes,
    read_path,
    read_text,
)
from pressroom.errors import InputError

SPEECH = "Corwin Fell said \u201cI have a feeling my luck\u2019s just run out\u201d \u2014 and left."


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def noise(size: int, *, lowest: int = 0) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(lowest, 256) for _ in range(size))


def names(items) -> list[str]:
    return [Path(item.name).name if isinstance(item, Source) else f"error:{item.problem}" for item in items]


# --- decoding ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (SPEECH.encode("utf-8"), SPEECH, "utf-8"),
        (b"\xef\xbb\xbf" + SPEECH.encode("utf-8"), SPEECH, "utf-8-sig"),
        (b"\xff\xfe" + SPEECH.encode("utf-16-le"), SPEECH, "utf-16-le"),
        (b"\xfe\xff" + SPEECH.encode("utf-16-be"), SPEECH, "utf-16-be"),
        (SPEECH.encode("utf-16-le"), SPEECH, "utf-16-le"),
        (SPEECH.encode("utf-16-be"), SPEECH, "utf-16-be"),
        (b"He said \x93thank you\x94 and \x91wow\x92.", "He said \u201cthank you\u201d and \u2018wow\u2019.", "cp1252"),
        (b"Le caf\xe9 \xe0 c\xf4t\xe9, na\xefve r\xe9sum\xe9.", "Le caf\u00e9 \u00e0 c\u00f4t\u00e9, na\u00efve r\u00e9sum\u00e9.", "cp1252"),
        ("Привет, как дела? Это русский текст.".encode("cp1251"), "Привет, как дела? Это русский текст.", "cp1251"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251"],
)
def test_decodes_common_encodings(data, text, encoding):
    doc = read_bytes(data, id="speech")
    assert (doc.text, doc.encoding) == (text, encoding)


@pytest.mark.parametrize(
    "data, text",
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\n\r\ntwo\rthree\n", "one\n\ntwo\nthree\n"),
        ("a\r\nb".encode("utf-16"), "a\nb"),
        (b"tabs\tand\fform feeds stay", "tabs\tand\fform feeds stay"),
    ],
)
def test_normalises_newlines_only(data, text):
    assert read_bytes(data, id="x").text == text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary file"),
        (noise(2048), "binary file"),
        (b"ok\x01\x02\x03\x04\x05\x06\x07\x08", "binary file"),
        (noise(2048, lowest=1), "cannot decode"),
        (b"", "empty document"),
        (b" \n\t\r\n  ", "empty document"),
        ("  \n ".encode("utf-16"), "empty document"),
    ],
    ids=["png", "random", "controls", "random-no-nul", "empty", "whitespace", "utf-16-whitespace"],
)
def test_rejects_unreadable_bytes(data, problem):
    with pytest.raises(InputError) as raised:
        read_bytes(data, id="bad", path="in/bad.txt")
    assert raised.value.problem.startswith(problem)
    assert raised.value.source == "in/bad.txt"
    assert str(raised.value).startswith("in/bad.txt: ")


# --- files --------------------------------------------------------------------


def test_read_path_fills_the_record(tmp_path):
    path = write(tmp_path, "fell.txt", "Fell wins\r\n\r\n" + SPEECH)
    doc = read_path(path)
    assert doc.id == "fell"
    assert doc.path == str(path)
    assert doc.text == "Fell wins\n\n" + SPEECH
    assert doc.title == "Fell wins"
    assert doc.format == "text"
    assert len(doc.sha256) == 64
    assert doc.sha256 == read_path(str(path)).sha256


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _broken_link(d), "broken symbolic link"),
    ],
    ids=["missing", "folder", "broken-link"],
)
def test_read_path_names_the_problem(tmp_path, make, problem):
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        read_path(path)
    assert raised.value.source == str(path)
    assert raised.value.problem.startswith(problem)


def test_read_path_permission_denied(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    path = write(tmp_path, "secret.txt", "hidden words")
    monkeypatch.setattr(Path, "open", refuse)  # chmod does not stop root
    with pytest.raises(InputError) as raised:
        read_path(path)
    assert (raised.value.source, raised.value.problem) == (str(path), "permission denied")


def _broken_link(folder: Path) -> Path:
    link = folder / "gone.txt"
    link.symlink_to(folder / "nowhere.txt")
    return link


@pytest.mark.parametrize(
    "text, title",
    [
        ("\n\n  Oscars night  \nBody.", "Oscars night"),
        ("x" * 300, "x" * 200),
        ("One line only.", "One line only."),
    ],
)
def test_plain_text_title_is_first_line(text, title):
    assert read_bytes(text.encode(), id="t").title == title


def test_read_text_wraps_raw_strings():
    doc = read_text("Headline\r\nBody", id="api", title="Given")
    assert (doc.id, doc.text, doc.title, doc.path, doc.format) == ("api", "Headline\nBody", "Given", None, "text")
    assert read_text("Headline\nBody", id="api").title == "Headline"
    with pytest.raises(InputError, match="api: empty document"):
        read_text("  \n", id="api")


# --- HTML ---------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Oscars 2031: Fell &amp; Porter win</title>
<style>p { color: red; }</style><script>var secret = "do not extract";</script></head>
<body><nav>Home | News</nav><article>
<p>Corwin Fell won Best Actor for &ldquo;The Quiet Crown&rdquo; on Sunday night at the Harbor Theatre.</p>
<p>&quot;I have a feeling my luck has just run out,&quot; he told the audience, to laughter &amp; applause.</p>
<p>Nadia Porter took home Best Actress for White Heron and thanked her family at length.</p>
</article><noscript>enable scripts</noscript></body></html>"""

TINY_PAGE = (
    "<html><head><title>Tiny &amp; short</title><script>var x = 1;</script></head>"
    "<body><div>First&nbsp;block   here.</div><div>Second <b>block</b>.</div></body></html>"
)


@pytest.mark.parametrize("page", [PAGE, TINY_PAGE], ids=["article", "tiny"])
def test_html_drops_markup_scripts_and_styles(page):
    doc = read_bytes(page.encode("utf-8"), id="page", path="page.html")
    assert doc.format == "html"
    for absent in ("<p>", "<div", "secret", "color: red", "var x", "enable scripts", "&amp;", "&quot;"):
        assert absent not in doc.text


def test_html_keeps_title_entities_and_paragraphs():
    doc = read_bytes(PAGE.encode("utf-8"), id="page", path="page.html")
    assert "Fell" in doc.title and "&amp;" not in doc.title
    sentence = "\u201cThe Quiet Crown\u201d on Sunday night"
    start = doc.text.index(sentence)  # offsets point into the extracted text
    assert doc.text[start : start + len(sentence)] == sentence
    assert '"I have a feeling my luck has just run out," he told the audience, to laughter & applause.' in doc.text
    assert "Harbor Theatre.\n\n\"I have" in doc.text


def test_html_falls_back_to_tag_stripping():
    doc = read_bytes(TINY_PAGE.encode("utf-8"), id="tiny", path="tiny.htm")
    assert "First\u00a0block here." in doc.text  # runs of spaces collapse, as a browser shows them
    assert "Second block." in doc.text
    assert doc.title == "Tiny & short"


@pytest.mark.parametrize(
    "start, format",
    [
        ("<!DOCTYPE html><html><body><p>Hello there.</p></body></html>", "html"),
        ("  <html><body><p>Hello there.</p></body></html>", "html"),
        ("Plain words with <b> in them.", "text"),
        ("# Not markdown in a .txt file", "text"),
    ],
)
def test_txt_files_are_sniffed_for_html(tmp_path, start, format):
    assert read_path(write(tmp_path, "page.txt", start)).format == format


def test_html_meta_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>It\x92s here.</p></body></html>'
    assert "It\u2019s here." in read_bytes(page.encode("latin-1"), id="p", path="p.html").text


# --- Markdown -----------------------------------------------------------------

MARKDOWN = """# The *Oscars* night

Some **bold** words, _emphasis_, `code` and [a link](https://example.com "t").
![a photo](photo.jpg)
## Winners ##
- Best Actor: Corwin Fell
* Best Actress: Nadia Porter
> "I have a feeling my luck has just run out."
snake_case_name and 5 * 3 stay; \\*escaped\\* stars stay.
"""


@pytest.mark.parametrize(
    "line",
    [
        "The Oscars night",
        "Some bold words, emphasis, code and a link.",
        "Winners",
        "Best Actor: Corwin Fell",
        "Best Actress: Nadia Porter",
        '"I have a feeling my luck has just run out."',
        "snake_case_name and 5 * 3 stay; *escaped* stars stay.",
    ],
)
def test_markdown_becomes_prose(line):
    doc = read_bytes(MARKDOWN.encode(), id="md", path="night.md")
    assert line in doc.text.split("\n")


@pytest.mark.parametrize("absent", ["#", "**", "](", "photo.jpg", "https://", "`", "- Best", "> "])
def test_markdown_markup_is_gone(absent):
    assert absent not in read_bytes(MARKDOWN.encode(), id="md", path="night.md").text


def test_markdown_title_is_first_level_one_heading():
    doc = read_bytes(b"Intro line\n\n## Sub\n# Main *title*\n# Later", id="md", path="x.markdown")
    assert (doc.format, doc.title) == ("markdown", "Main title")
    assert read_bytes(b"## Only sub\ntext", id="md", path="x.md").title == "Only sub"


# --- expanding inputs ---------------------------------------------------------


@pytest.fixture
def corpus(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.text", "z.markdown"]:
        write(tmp_path, name, "<html><body><p>Words.</p></body></html>" if name.endswith("html") else "Words.")
    for name in [".hidden.txt", ".git/e.txt", "notes.gold.json", "image.png", "README", "sub/f.json"]:
        write(tmp_path, name, "skip me")
    return tmp_path


def test_folder_is_recursive_sorted_and_skips_hidden(corpus):
    assert names(iter_sources([str(corpus)])) == ["a.md", "b.txt", "c.html", "d.text", "z.markdown"]


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("*.txt", ["b.txt"]),
        ("**/*.t*", ["b.txt", "d.text"]),
        ("sub/*", ["c.html", "d.text"]),  # a matched folder is read recursively
        ("*", ["a.md", "b.txt", "c.html", "d.text", "z.markdown"]),  # image.png, README skipped
        ("*.png", ["image.png"]),  # a pattern naming the suffix asks for it
        ("?.md", ["a.md"]),
        ("[ab].*", ["a.md", "b.txt"]),
        ("nothing*.txt", ["error:no files match this pattern"]),
        ("notes.gold.*", ["error:no document files match this pattern"]),
    ],
)
def test_globs_expand_sorted(corpus, monkeypatch, pattern, expected):
    monkeypatch.chdir(corpus)
    assert names(iter_sources([pattern])) == expected


@pytest.mark.parametrize(
    "inputs, expected",
    [
        (["missing.txt", "b.txt"], ["error:no such file or folder", "b.txt"]),
        (["b.txt", "./b.txt", "sub/../b.txt"], ["b.txt"]),
        (["sub", "sub/c.html", "*.md", "a.md"], ["c.html", "d.text", "a.md"]),
        (["README"], ["README"]),  # a file named explicitly is read whatever its suffix
        (["empty-dir"], ["error:no document files in this folder"]),
    ],
)
def test_inputs_continue_past_errors_and_collapse_duplicates(corpus, monkeypatch, inputs, expected):
    monkeypatch.chdir(corpus)
    (corpus / "empty-dir").mkdir()
    assert names(iter_sources(inputs)) == expected


def test_symlink_loop_terminates(tmp_path):
    write(tmp_path, "top/a.txt", "Words.")
    write(tmp_path, "top/sub/b.txt", "Words.")
    (tmp_path / "top/sub/loop").symlink_to(tmp_path / "top", target_is_directory=True)
    (tmp_path / "top/sub/self").symlink_to(tmp_path / "top/sub", target_is_directory=True)
    (tmp_path / "top/link.txt").symlink_to(tmp_path / "top/sub/b.txt")
    assert names(iter_sources([str(tmp_path / "top")])) == ["a.txt", "link.txt"]  # sub/b.txt is link.txt


@pytest.mark.parametrize(
    "stdin",
    [io.BytesIO(SPEECH.encode("utf-16")), io.StringIO(SPEECH), io.TextIOWrapper(io.BytesIO(SPEECH.encode()))],
    ids=["bytes", "text", "wrapped"],
)
def test_dash_reads_stdin_once(stdin):
    docs = list(load_documents(["-", "-"], stdin=stdin))
    assert [(d.id, d.path, d.text) for d in docs] == [("stdin", None, SPEECH)]


def test_load_documents_yields_errors_and_keeps_going(tmp_path):
    write(tmp_path, "a.txt", SPEECH)
    write(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "c.txt", "   ")
    write(tmp_path, "d.md", "# Title\nBody")
    results = list(load_documents([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "InputError", "Document", "InputError"]
    assert [r.source for r in results if isinstance(r, InputError)] == [
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.txt"),
        str(tmp_path / "nope.txt"),
    ]
    assert results[0].text == SPEECH and results[3].title == "Title"

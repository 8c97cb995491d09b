"""The web app against hostile input, in process: markup in every stored field and
every parameter stays text, malformed searches and uploads get a 400/413 with a
message (never a 500), paths never reach a file, and every answer carries the
security headers. (tests/web/test_app.py has the ordinary cases; the browser test
checks in Chromium that uploaded payloads do not run.)"""
from __future__ import annotations

import asyncio
import re
import sys
import threading
from html.parser import HTMLParser
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from pressroom.records import Award, Ceremony, Document, DocumentResult, Event, Host, Mention, Quote
from pressroom.store import Store
from pressroom.web import create_app
from pressroom.web.headers import DOCS_POLICY, PAGE_POLICY
from pressroom.web.upload import MAX_FILES, MAX_UPLOAD

SCRIPT = "<script>alert('pwned')</script>"
OPEN = "<script>alert(6)"  # an unclosed tag
IMG = '<img src=x onerror="alert(1)">'
SVG = "<svg onload=alert(2)>"
BREAKOUT = '" onmouseover="alert(3)'  # leaves a double-quoted attribute
SINGLE = "' onfocus='alert(4)"  # leaves a single-quoted one
JS = "javascript:alert(5)"

SPEAKER = f"Odile {IMG} Farrowdale"
HOST = f"Bram {SVG} Vexley"
WINNER = f"Ines {BREAKOUT} Ambrecht"
NOMINEE = f"Lorcan {SINGLE} Kettering"
PRESENTER = JS
WORK = f"{SCRIPT} The Lantern Year"
TITLE = f"{SCRIPT} Gala {IMG}"
CEREMONY_NAME = f"{IMG} Awards"
YEAR = 2031


def _hostile_night() -> DocumentResult:
    """A document whose every stored field carries markup, with true offsets into its text."""
    said = f"{SCRIPT} is how I sign {BREAKOUT} my letters"
    text = (f"{TITLE}\n\n{HOST} hosted.\n\n{PRESENTER} presented best director to {WINNER} for "
            f'"{WORK}" over {NOMINEE}.\n\n9:01 p.m. {IMG} took the stage.\n\n"{said}," {SPEAKER} said.\n')

    def at(part: str) -> tuple[int, int]:
        start = text.index(part)
        return start, start + len(part)

    award = Award(
        award="best director - motion picture", winner=WINNER, start=at("best director")[0],
        end=at("best director")[1], work=WORK, mention="best director", family="film.director",
        winner_at=at(WINNER), work_at=at(WORK), nominees=(Mention(NOMINEE, *at(NOMINEE)),),
        presenters=(Mention(PRESENTER, *at(PRESENTER)),), confidence=0.9)
    return DocumentResult(
        document=Document(id=JS, text=text, path=f"/uploads/{IMG}.txt", title=TITLE, sha256="1"),
        quotes=(Quote(said, *at(said), SPEAKER, *at(SPEAKER), cue="said", setting="backstage",
                      confidence=0.9),),
        people=(SPEAKER, HOST, WINNER),
        ceremony=Ceremony("Golden Globe Awards", YEAR, "golden_globes", 88),
        hosts=(Host(HOST, *at(HOST)),),
        awards=(award,),
        timeline=(Event("21:01", "9:01 p.m.", "other", f"{IMG} took the stage", *at(f"{IMG} took the stage"),
                        people=(HOST,)),),
    )


def _hostile_ceremony() -> DocumentResult:
    text = f'"Nothing here is code," said {SPEAKER}.\n'
    start = text.index(SPEAKER)
    return DocumentResult(
        document=Document(id=f"{SVG}-notes", text=text, path=f"/uploads/{SVG}.txt", title=SVG, sha256="2"),
        quotes=(Quote("Nothing here is code,", 1, 22, SPEAKER, start, start + len(SPEAKER)),),
        people=(SPEAKER,),
        ceremony=Ceremony(CEREMONY_NAME, YEAR),
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("hostile") / "pressroom.db"
    with Store(db) as store:
        store.save(_hostile_night())
        store.save(_hostile_ceremony())
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        yield client


# -- markup stays text --------------------------------------------------------------------

FORBIDDEN_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "frame", "base", "link", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href"}


class _Markup(HTMLParser):
    """What a browser would make of a page: its tags and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_inert(html: str, where: str) -> None:
    """No script, no event handler, no javascript: URL, no inline style: nothing can run."""
    markup = _Markup()
    markup.feed(html)
    markup.close()
    head_links = 0
    for tag, attrs in markup.tags:
        if tag == "link" and dict(attrs).get("href") == "/static/style.css" and head_links == 0:
            head_links += 1  # the one stylesheet of base.html
            continue
        assert tag not in FORBIDDEN_TAGS, f"<{tag}> on {where}"
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...> on {where}"
            assert name != "style", f"inline style on {where} (the CSP forbids it)"
            if name in URL_ATTRIBUTES and value:
                cleaned = "".join(ch for ch in value if ch > " ").lower()
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), \
                    f"<{tag} {name}={value!r}> on {where}"
    assert "<script" not in html.lower(), where


NIGHT = "/ceremonies/Golden%20Globe%20Awards/2031"
HOSTILE_CEREMONY = f"/ceremonies/{quote(CEREMONY_NAME)}/{YEAR}"


@pytest.mark.parametrize("path, shown", [
    ("/", [CEREMONY_NAME]),
    (NIGHT, [HOST, WINNER, WORK, NOMINEE, PRESENTER, f"{IMG} took the stage", TITLE]),
    (HOSTILE_CEREMONY, [f"{SVG}-notes"]),
    ("/people", [SPEAKER, HOST, WINNER]),
    (f"/people/{quote(SPEAKER)}", [SPEAKER, SCRIPT, TITLE]),
    (f"/people/{quote(WINNER)}", [WINNER, WORK, TITLE]),
    (f"/people/{quote(NOMINEE)}", [NOMINEE]),
    (f"/people/{quote(HOST)}", [HOST, TITLE]),
    (f"/people/{quote(PRESENTER)}", [PRESENTER]),
    ("/quotes", [SCRIPT, BREAKOUT, SPEAKER, TITLE, CEREMONY_NAME]),
    ("/quotes?q=letters", [SCRIPT, SPEAKER]),
    (f"/quotes?speaker={quote(IMG)}", [SPEAKER]),
    (f"/quotes?q={quote(SCRIPT + ' ' + BREAKOUT)}", [SCRIPT + " " + BREAKOUT]),  # the search, echoed
    (f"/quotes?speaker={quote(BREAKOUT + SINGLE)}", [BREAKOUT + SINGLE]),
    (f"/quotes?ceremony={quote(CEREMONY_NAME + '|' + str(YEAR))}", [CEREMONY_NAME, SPEAKER]),
    ("/documents", [TITLE, SVG, CEREMONY_NAME]),
    (f"/documents/{quote(JS)}", [TITLE, SCRIPT, IMG, WINNER, NOMINEE, SPEAKER]),
    (f"/documents/{quote(SVG + '-notes')}", [SVG, CEREMONY_NAME]),
])
def test_stored_markup_is_shown_as_text(client, path, shown):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert_inert(response.text, path)
    for value in shown:
        assert str(escape(value)) in response.text, f"{value!r} is not shown (escaped) on {path}"


@pytest.mark.parametrize("path, echoed", [
    (f"/people/{quote(OPEN)}", OPEN),
    (f"/documents/{quote(IMG)}", IMG),
    (f"/ceremonies/{quote(SVG)}/2031", SVG),
    (f"/jobs/{quote(BREAKOUT)}", BREAKOUT),
    (f"/quotes?ceremony={quote(SCRIPT + '|' + JS)}", SCRIPT),  # a year that is not a number
    (f"/quotes?q={quote(SVG + ' ' + chr(0))}", None),
])
def test_parameters_in_error_pages_are_text(client, path, echoed):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert response.headers["content-type"].startswith("text/html")
    assert_inert(response.text, path)
    if echoed:
        assert str(escape(repr(echoed)[1:-1])) in response.text


def test_api_answers_markup_as_json_never_html(client):
    for path in [f"/api/documents/{quote(JS)}", f"/api/people/{quote(SPEAKER)}", "/api/quotes?q=letters",
                 f"/api/quotes?ceremony={quote(SCRIPT + '|x')}", f"/api/people/{quote(SCRIPT)}",
                 f"/api/ceremonies/Golden%20Globe%20Awards/{YEAR}"]:
        response = client.get(path)
        assert response.headers["content-type"] == "application/json", path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.json()  # the payload as data, for the client to escape
    assert client.get("/api/quotes?q=letters").json()[0]["text"].startswith(SCRIPT)


def test_job_page_shows_hostile_file_names_as_text(client):
    files = [("files", (f"{SVG}{IMG}.txt", b"   \n", "text/plain"))]
    response = client.post("/upload", files=files, follow_redirects=False)
    assert response.status_code == 303
    job = response.headers["location"]
    for _ in range(600):
        page = client.get(job)
        if "Extraction failed" in page.text or "Extraction done" in page.text:
            break
        threading.Event().wait(0.1)
    assert page.status_code == 200
    assert_inert(page.text, job)
    assert "<svg" not in page.text and "onerror=" not in page.text  # the saved name is cleaned


# -- malformed searches: 400 with a message, or plain words; never 500 ---------------------

@pytest.mark.parametrize("query, status", [
    ('"night', 200),  # every word is quoted for FTS5: operators and stray quotes are plain words
    ('night"', 200),
    ('""', 400),  # nothing left to look for
    ("NEAR(", 200),
    ("NEAR(letters sign, 2)", 200),
    ("AND OR", 200),
    ("letters AND", 200),
    ("OR", 200),
    ("NOT letters", 200),
    ("^", 400),
    ("^letters", 200),
    ("*", 400),
    ("*letters", 200),
    ("let*ters", 200),
    ("letters**", 200),
    ("text:", 200),
    ("text:letters", 200),
    ("speaker:Odile", 200),
    ("{text speaker}:letters", 200),
    ("- + ( ) : ^", 400),
    ("(letters)", 200),
    ("\x00", 400),
    ("letters\x00", 400),
    ("\x1b[31m", 400),
    ("x" * 10_000, 400),
    ("letters " * 30, 400),  # over 200 characters of words
    ("🎬", 400),
    ("🎬letters", 200),
    ("İstanbul ß", 200),
])
def test_malformed_search_never_fails(client, query, status):
    api = client.get("/api/quotes", params={"q": query})
    page = client.get("/quotes", params={"q": query})
    assert (api.status_code, page.status_code) == (status, status)
    if status == 400:
        assert api.json()["detail"]
        assert '<p class="error" role="alert">' in page.text
    else:
        assert isinstance(api.json(), list)
        assert 'class="error"' not in page.text


@pytest.mark.parametrize("params", [
    {"ceremony": "Golden Globe Awards|99999999999999999999"},
    {"ceremony": "Golden Globe Awards|-3"},
    {"ceremony": "|"},
    {"limit": "99999999999999999999"},
    {"limit": "-1"},
    {"limit": "1e3"},
])
def test_bad_filters_are_400_with_a_message(client, params):
    api = client.get("/api/quotes", params=params)
    assert api.status_code == 400 and api.json()["detail"]
    page = client.get("/quotes", params=params)
    assert page.status_code == 400


@pytest.mark.parametrize("params", [
    {"speaker": "a\x00b"}, {"speaker": "x" * 10_000}, {"ceremony": "\x00"},
    {"ceremony": "y" * 10_000}, {"speaker": "%_*"},
])
def test_odd_but_harmless_filters_find_nothing(client, params):
    for path in ("/api/quotes", "/quotes"):
        response = client.get(path, params=params)
        assert response.status_code == 200
    assert client.get("/api/quotes", params=params).json() == []


@pytest.mark.parametrize("path", [
    "/ceremonies/Golden%20Globe%20Awards/99999999999999999999",
    "/api/ceremonies/Golden%20Globe%20Awards/99999999999999999999",
    "/ceremonies/Golden%20Globe%20Awards/-1",
    "/ceremonies/%00/2031",
])
def test_impossible_years_are_not_found(client, path):
    assert client.get(path).status_code == 404


# -- upload limits ---------------------------------------------------------------------------

def _multipart(parts: list[tuple[str, bytes]], boundary: str = "pressroomboundary") -> bytes:
    body = b""
    for name, data in parts:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                 "Content-Type: text/plain\r\n\r\n").encode() + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def test_too_many_files_is_400_with_a_message(client):
    files = [("files", (f"night-{i}.txt", b'"Hi," said Petra Lindqvist.', "text/plain"))
             for i in range(MAX_FILES + 1)]
    api = client.post("/api/upload", files=files)
    assert api.status_code == 400 and str(MAX_FILES) in api.json()["detail"]
    page = client.post("/upload", files=files)
    assert page.status_code == 400 and str(MAX_FILES) in page.text


def test_files_over_the_limit_together_are_413(client):
    third = b"x" * (MAX_UPLOAD // 3)
    files = [("files", (f"part-{i}.txt", third, "text/plain")) for i in range(4)]
    response = client.post("/api/upload", files=files)
    assert response.status_code == 413 and "5 MB" in response.json()["detail"]


def test_a_chunked_body_over_the_limit_is_413(client):
    body = _multipart([("big.txt", b"y" * (MAX_UPLOAD + 1))])

    def chunks():  # no Content-Length: the server must count as it reads
        for i in range(0, len(body), 65536):
            yield body[i:i + 65536]

    response = client.post("/api/upload", content=chunks(),
                           headers={"content-type": "multipart/form-data; boundary=pressroomboundary"})
    assert response.status_code == 413


def test_a_content_length_that_is_not_a_number_is_400(client):
    response = client.post("/api/upload", content=b"text=hello",
                           headers={"content-type": "application/x-www-form-urlencoded",
                                    "content-length": "lots"})
    assert response.status_code == 400 and "Content-Length" in response.json()["detail"]


@pytest.mark.parametrize("request_kwargs, message", [
    ({}, "nothing to add"),
    ({"data": {"text": " \n\t "}}, "nothing to add"),
    ({"files": [("files", ("empty.txt", b"", "text/plain"))]}, "nothing to add"),
    ({"json": {"text": "a JSON body is not a form"}}, "nothing to add"),
    ({"content": b"--x\r\nnot a form", "headers": {"content-type": "multipart/form-data; boundary=x"}},
     "Invalid multipart data"),
])
def test_an_empty_or_broken_upload_is_400_with_a_message(client, request_kwargs, message):
    api = client.post("/api/upload", **request_kwargs)
    assert api.status_code == 400 and message in api.json()["detail"]
    page = client.post("/upload", **request_kwargs)
    assert page.status_code == 400 and message in page.text


# -- paths never reach a file -----------------------------------------------------------------

def asgi_get(app, raw_path: bytes) -> tuple[int, bytes]:
    """GET ``raw_path`` exactly as a client sent it (no ``..`` folding, unlike httpx),
    with ``path`` decoded as uvicorn decodes it."""
    path, _, query = raw_path.partition(b"?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": unquote(path.decode("latin-1")), "raw_path": path,
        "query_string": query, "root_path": "", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {},
    }
    answer: dict[str, object] = {"body": b""}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return answer["status"], answer["body"]


_opened: list[str] = []
_watching = threading.Event()


def _audit(event: str, args: tuple) -> None:
    if _watching.is_set() and event in ("open", "os.listdir", "os.scandir"):
        _opened.append(f"{event} {args[0]!r}")


sys.addaudithook(_audit)


@pytest.mark.parametrize("raw_path", [
    b"/static/../../etc/passwd",
    b"/static/../app.py",
    b"/static/%2e%2e/%2e%2e/etc/passwd",
    b"/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    b"/static/..%2f..%2f..%2fpyproject.toml",
    b"/static/%2fetc%2fpasswd",
    b"/static/style.css%00.py",
    b"/static/style.css/../../app.py",
    b"/static/..\\..\\app.py",
    b"/documents/..%2f..%2fetc%2fpasswd",
    b"/documents/%2fetc%2fpasswd",
    b"/documents/%00",
    b"/api/documents/..%2f..%2fetc%2fpasswd",
    b"/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    b"/people/..%2f..%2fetc%2fpasswd",
    b"/ceremonies/..%2f..%2fetc/passwd",
    b"/jobs/..%2f..%2fetc%2fpasswd",
    b"/etc/passwd",
    b"//etc/passwd",
    b"/../../../../etc/passwd",
    b"/%2e%2e/%2e%2e/etc/passwd",
    b"/file:///etc/passwd",
    b"/C:%5cWindows%5cwin.ini",
])
def test_paths_are_rejected_without_reading_a_file(client, raw_path):
    asgi_get(client.app, b"/nosuch")  # the error page's template is loaded once, before
    _opened.clear()
    _watching.set()
    try:
        status, body = asgi_get(client.app, raw_path)
    finally:
        _watching.clear()
    assert status in (400, 404), (raw_path, status)
    assert b"root:" not in body and b"import " not in body and b"[project]" not in body
    assert _opened == [], f"{raw_path!r} opened {_opened}"


# -- security headers ------------------------------------------------------------------------

@pytest.mark.parametrize("method, path, status", [
    ("GET", "/", 200),
    ("GET", NIGHT, 200),
    ("GET", "/quotes?q=letters", 200),
    ("GET", "/quotes?q=*", 400),
    ("GET", "/upload", 200),
    ("GET", "/static/style.css", 200),
    ("GET", "/api/quotes?q=letters", 200),
    ("GET", "/api" + NIGHT, 200),
    ("GET", "/api/stats", 200),
    ("GET", "/openapi.json", 200),
    ("GET", "/nosuch", 404),
    ("GET", "/api/documents/nosuch", 404),
    ("POST", "/", 405),
    ("POST", "/api/upload", 400),
])
def test_every_answer_carries_the_security_headers(client, method, path, status):
    response = client.request(method, path)
    assert response.status_code == status
    headers = response.headers
    assert headers.get_list("content-security-policy") == [PAGE_POLICY]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_the_page_policy_allows_no_script_and_no_framing():
    rules = dict(rule.strip().split(" ", 1) for rule in PAGE_POLICY.split(";"))
    assert rules["default-src"] == "'none'"  # so no script-src: no script at all, inline or not
    assert "script-src" not in rules and "unsafe" not in PAGE_POLICY
    assert rules["frame-ancestors"] == "'none'"
    assert rules["style-src"] == "'self'" and rules["form-action"] == "'self'"


def test_the_api_docs_get_their_own_policy(client):
    for path in ("/docs", "/redoc"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-security-policy"] == DOCS_POLICY
    assert "frame-ancestors 'none'" in DOCS_POLICY
    assert client.get("/documents").headers["content-security-policy"] == PAGE_POLICY


def test_cached_answers_keep_single_headers(client):
    for _ in range(3):
        response = client.get("/api" + NIGHT)
        assert len(response.headers.get_list("x-frame-options")) == 1


def test_names_with_a_slash_have_their_pages(tmp_path):
    person, ceremony = "Ilse Maro/Vance", "Film/TV Critics Prize"
    text = f'"Both halves of my name came to the party," said {person}. {person} hosted.\n'
    start = text.index(person)
    result = DocumentResult(
        document=Document(id="slash-notes", text=text, path="/uploads/slash.txt", title="Slash notes", sha256="3"),
        quotes=(Quote("Both halves of my name came to the party,", 1, 42, person, start, start + len(person)),),
        people=(person,),
        ceremony=Ceremony(ceremony, 2030),
        hosts=(Host(person, start, start + len(person)),),
    )
    db = tmp_path / "slash.db"
    with Store(db) as store:
        store.save(result)
    with TestClient(create_app(db)) as client:
        links = re.findall(r'href="(/people/[^"#?]+)"', client.get("/people").text)
        assert links == [f"/people/{quote(person)}"]  # the slash itself stays in the link
        page = client.get(links[0])
        assert page.status_code == 200 and "Both halves of my name" in page.text
        assert client.get(f"/api/people/{quote(person)}").json()["name"] == person
        board = client.get(f"/ceremonies/{quote(ceremony)}/2030")
        assert board.status_code == 200 and person in board.text
        assert client.get(f"/api/ceremonies/{quote(ceremony)}/2030").json()["name"] == ceremony
        assert client.get(f"/ceremonies/{quote(ceremony)}/2029").status_code == 404

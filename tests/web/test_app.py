"""The web app, in process: every route as HTML and JSON, 404s, escaping, search
errors, uploads and their jobs, the size limit, and paths that must not reach files."""
from __future__ import annotations

import re
import time
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import pressroom
from pressroom.web import create_app
from pressroom.web.app import ROUTES
from pressroom.web.documents import Fact, segments
from pressroom.web.upload import MAX_UPLOAD

GALA = """Golden Globes 2025: Lenna Marsh wins big

Comedian Otis Brandywell hosted the 82nd Golden Globes on Sunday night.

Dalia Fenwick presented the award for Best Actress in a Motion Picture - Drama. The award went to Lenna Marsh for "Harbor Lights". Lenna Marsh beat fellow nominees Corra Vint and Jessa Pell.

"I never thought this night would come," Lenna Marsh said backstage.

Best Director went to Rufus Tallow for "The Quiet Field".

"We made this film with nothing but stubbornness," said Rufus Tallow.
"""
BACKSTAGE = """Backstage at the Golden Globes 2025

Otis Brandywell hosted the ceremony. Lenna Marsh won Best Actress in a Motion Picture - Drama for "Harbor Lights".

"The crew deserves this more than I do," Lenna Marsh told reporters.

"Hosting is harder than acting," Otis Brandywell joked onstage.
"""
HOSTILE = """<script>alert(1)</script> Gala notes

"<script>alert('quote')</script> was my first line of code," said Pim Arbuckle backstage.
"""
LATE = """Late edition

"Nobody told me the trophy was this heavy," said Wren Oakhurst backstage.
"""
CEREMONY = "/ceremonies/Golden%20Globe%20Awards/2025"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    for name, text in {"gala": GALA, "backstage": BACKSTAGE, "hostile": HOSTILE}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder / "pressroom.db"
    result = pressroom.extract(sorted(folder.glob("*.txt")), store=path)
    assert result.ok, result.failures
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def wait_for(client, job: dict, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(job["api"]).json()
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"job {job['id']} still {state['state']} after {seconds} s")


# -- every page answers, with what it is about ------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("/", ["Golden Globe Awards", "2025"]),
    (CEREMONY, ["Lenna Marsh", "Harbor Lights", "Corra Vint", "Dalia Fenwick", "Otis Brandywell",
                "Rufus Tallow", "Confidence", "Sources"]),
    ("/people", ["Lenna Marsh", "Pim Arbuckle"]),
    ("/people/Lenna%20Marsh", ["Wins", "Harbor Lights", "I never thought this night would come"]),
    ("/people/Dalia%20Fenwick", ["Presentations", "motion picture - drama"]),
    ("/people/Corra%20Vint", ["Nominations", "motion picture - drama"]),
    ("/quotes", ["I never thought", "stubbornness"]),
    ("/quotes?q=stubborn*", ["stubbornness", "Rufus Tallow", "/documents/gala#at-"]),
    ("/quotes?speaker=marsh", ["The crew deserves"]),
    ("/quotes?ceremony=Golden%20Globe%20Awards%7C2025", ["Hosting is harder"]),
    ("/documents", ["Golden Globes 2025: Lenna Marsh wins big", "Backstage at the Golden Globes 2025"]),
    ("/documents/gala", ['class="fact quote"', 'class="fact host"', "fact winner", "fact presenter"]),
    ("/upload", ['enctype="multipart/form-data"', 'name="text"', 'name="files"']),
])
def test_html_page(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for text in expected:
        assert text in response.text, f"{text!r} missing from {path}"


def test_stylesheet(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")


def test_ceremony_page_shows_the_timeline_only_when_there_is_one(client):
    assert "Timeline" not in client.get(CEREMONY).text


def test_quote_search_leaves_out_other_ceremonies(client):
    assert "first line of code" not in client.get("/quotes?ceremony=Golden%20Globe%20Awards%7C2025").text
    assert "first line of code" in client.get("/quotes").text


# -- the JSON API mirrors the pages -------------------------------------------------

def test_api_ceremonies(client):
    assert client.get("/api/ceremonies").json() == [
        {"name": "Golden Globe Awards", "year": 2025, "documents": 2, "url": CEREMONY}
    ]


def test_api_ceremony_board(client):
    record = client.get("/api/ceremonies/Golden%20Globe%20Awards/2025").json()
    actress = record["award_data"]["best performance by a female actor in a motion picture - drama"]
    assert (actress["winner"], actress["work"]) == ("Lenna Marsh", "Harbor Lights")
    assert sorted(actress["documents"]) == ["backstage", "gala"]
    assert actress["presenters"] == ["Dalia Fenwick"]
    assert "Corra Vint" in actress["nominees"]
    assert record["hosts"] == [{"name": "Otis Brandywell", "support": 2}]
    assert record["timeline"] == []


def test_api_people_and_person(client):
    people = {p["name"]: p for p in client.get("/api/people").json()}
    assert people["Lenna Marsh"]["quotes"] == 2
    assert people["Lenna Marsh"]["url"] == "/people/Lenna%20Marsh"
    facts = client.get("/api/people/lenna%20marsh").json()
    assert facts["name"] == "Lenna Marsh"
    assert [w["work"] for w in facts["wins"]] == ["Harbor Lights", "Harbor Lights"]
    assert {q["text"] for q in facts["quotes"]} == {
        "I never thought this night would come,", "The crew deserves this more than I do,"}


@pytest.mark.parametrize("query, speakers", [
    ("q=night", {"Lenna Marsh"}),
    ("q=harder+acting", {"Otis Brandywell"}),
    ("q=night+stubbornness", set()),
    ("speaker=tallow", {"Rufus Tallow"}),
    ("ceremony=Golden%20Globe%20Awards", {"Lenna Marsh", "Rufus Tallow", "Otis Brandywell"}),
    ("ceremony=Golden%20Globe%20Awards%7C2024", set()),
    ("q=AND+OR+NOT", set()),  # operators are plain words
])
def test_api_quotes(client, query, speakers):
    response = client.get(f"/api/quotes?{query}")
    assert response.status_code == 200
    assert {q["speaker"] for q in response.json()} == speakers


def test_api_quote_comes_in_its_sentence_with_its_source(client):
    [found] = client.get("/api/quotes?q=stubbornness").json()
    assert found["sentence"] == {
        "before": '"', "quote": "We made this film with nothing but stubbornness,",
        "after": '" said Rufus Tallow.'}
    assert found["source"] == f"/documents/gala#at-{found['start']}"
    assert f'id="at-{found["start"]}"' in client.get("/documents/gala").text


def test_api_documents(client):
    docs = {d["doc_id"]: d for d in client.get("/api/documents").json()}
    assert set(docs) >= {"gala", "backstage", "hostile"}
    assert docs["gala"]["n_quotes"] == 2 and docs["gala"]["url"] == "/documents/gala"


def test_api_document_has_text_and_facts(client):
    doc = client.get("/api/documents/gala").json()
    assert doc["text"] == GALA
    kinds = {f["kind"] for f in doc["facts"]}
    assert {"quote", "speaker", "host", "category", "winner", "work", "nominee", "presenter"} <= kinds
    for fact in doc["facts"]:
        assert 0 <= fact["start"] < fact["end"] <= len(GALA)


def test_api_stats(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] >= 3 and stats["quotes"] >= 5


def test_openapi_describes_the_api_and_only_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    # OpenAPI writes {name:path} as {name}
    assert set(paths) == {re.sub(r":\w+}", "}", route.path) for route in ROUTES if route.api}
    assert all(path.startswith("/api/") for path in paths)


def test_routes_table_is_the_app(client):
    served = {(r.path, m) for r in client.app.routes for m in getattr(r, "methods", ()) if m != "HEAD"}
    assert {(r.path, m) for r in ROUTES for m in r.methods} <= served


# -- not found ----------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/ceremonies/Golden%20Globe%20Awards/1999",
    "/ceremonies/Nothing%20Awards/2025",
    "/people/Nobody%20Atall",
    "/documents/nosuch",
    "/jobs/nosuch",
    "/nosuch",
])
def test_unknown_page_is_404_html(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "not found" in response.text.lower()


@pytest.mark.parametrize("path", [
    "/api/ceremonies/Golden%20Globe%20Awards/1999",
    "/api/people/Nobody%20Atall",
    "/api/documents/nosuch",
    "/api/jobs/nosuch",
])
def test_unknown_api_id_is_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "not found" in response.json()["detail"]


# -- escaping -----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/documents/hostile", "/documents", "/quotes?q=code", "/people/Pim%20Arbuckle"])
def test_document_text_is_escaped(client, path):
    html = client.get(path).text
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


# -- bad input ----------------------------------------------------------------------

@pytest.mark.parametrize("query", ['"', "*", "(((", "-", "x" * 201, "a\x00b"])
def test_malformed_search_is_400_with_a_message(client, query):
    api = client.get("/api/quotes", params={"q": query})
    assert api.status_code == 400
    assert api.json()["detail"]
    page = client.get("/quotes", params={"q": query})
    assert page.status_code == 400
    assert 'class="error"' in page.text


@pytest.mark.parametrize("query", ["ceremony=Golden%7Cnineteen", "limit=0", "limit=many"])
def test_bad_filters_are_400(client, query):
    response = client.get(f"/api/quotes?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("path", [
    "/documents/..%2F..%2Fetc%2Fpasswd",
    "/api/documents/..%2F..%2Fetc%2Fpasswd",
    "/documents/%2Fetc%2Fpasswd",
    "/documents/etc%2Fpasswd",
    "/static/..%2Fapp.py",
    "/static/..%2F..%2F..%2Fpyproject.toml",
    "/people/..%2F..%2Fetc%2Fpasswd",
])
def test_paths_never_reach_the_filesystem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_pages_are_read_only(client):
    for path in ("/", "/quotes", "/documents/gala", "/api/documents/gala"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


# -- adding documents ---------------------------------------------------------------

def test_pasted_text_is_extracted_in_the_background(client):
    assert client.get("/api/quotes?q=heavy").json() == []
    job = client.post("/api/upload", data={"text": LATE, "title": "late edition"}).json()
    assert job["total"] == 1 and job["state"] in ("queued", "running", "done")
    state = wait_for(client, job)
    assert state["state"] == "done" and state["done"] == 1 and state["failures"] == []
    [stored] = state["documents"]
    assert stored.startswith("late-edition-")
    assert "Wren Oakhurst" in client.get(f"/documents/{stored}").text
    [found] = client.get("/api/quotes?q=heavy").json()
    assert found["speaker"] == "Wren Oakhurst"
    assert "Wren Oakhurst" in client.get("/people").text


def test_uploaded_files_through_the_form(client):
    files = [
        ("files", ("../../evil name.txt", b'"Every seat had a view of the stage," said Juno Hartwell backstage.\n', "text/plain")),
        ("files", ("blank.txt", b"   \n", "text/plain")),
    ]
    response = client.post("/upload", files=files, follow_redirects=False)
    assert response.status_code == 303
    job_url = response.headers["location"]
    assert job_url.startswith("/jobs/")
    job_id = job_url.rsplit("/", 1)[-1]
    state = wait_for(client, {"id": job_id, "api": f"/api/jobs/{job_id}"})
    assert state["state"] == "done" and state["total"] == 2
    assert [f["source"] for f in state["failures"]] == ["blank.txt"]
    page = client.get(job_url)
    assert page.status_code == 200 and "blank.txt" in page.text and "refresh" not in page.text
    assert [q["speaker"] for q in client.get("/api/quotes?q=seat").json()] == ["Juno Hartwell"]
    [stored] = state["documents"]
    assert client.get(f"/documents/{quote(stored)}").status_code == 200


def test_empty_upload_is_400(client):
    assert client.post("/api/upload", data={"text": "  "}).status_code == 400
    assert client.post("/upload", data={}).status_code == 400


def test_upload_over_the_limit_is_413(client):
    too_big = "a" * (MAX_UPLOAD + 1)
    assert client.post("/api/upload", data={"text": too_big}).status_code == 413
    response = client.post("/upload", files={"files": ("big.txt", too_big.encode(), "text/plain")})
    assert response.status_code == 413


# -- highlights -----------------------------------------------------------------------

@pytest.mark.parametrize("facts, expected", [
    ([], [("abcdef", ())]),
    ([Fact("quote", 1, 3, "q")], [("a", ()), ("bc", ("quote",)), ("def", ())]),
    ([Fact("quote", 0, 4, "q"), Fact("speaker", 2, 6, "s")],
     [("ab", ("quote",)), ("cd", ("quote", "speaker")), ("ef", ("speaker",))]),
])
def test_segments_cut_text_at_every_fact_edge(facts, expected):
    pieces = segments("abcdef", facts)
    assert [(p.text, tuple(f.kind for f in p.facts)) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == "abcdef"


def test_a_failing_extraction_fails_its_job(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("model went missing")

    monkeypatch.setattr("pressroom.api.extract", broken)
    job = client.post("/api/upload", data={"text": LATE}).json()
    state = wait_for(client, job)
    assert state["state"] == "failed"
    assert "model went missing" in state["failures"][0]["problem"]


# -- the command ----------------------------------------------------------------------

def test_serve_runs_uvicorn_on_localhost_by_default(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from pressroom.cli import app

    calls = []
    monkeypatch.setattr("uvicorn.run", lambda web_app, **kw: calls.append((web_app, kw)))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.output
    [(web_app, options)] = calls
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    assert web_app.state.db_path == str(tmp_path / "new.db")


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    from typer.testing import CliRunner

    from pressroom.cli import app

    bad = tmp_path / "notes.db"
    bad.write_text("not sqlite at all, " * 100)
    result = CliRunner().invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 1

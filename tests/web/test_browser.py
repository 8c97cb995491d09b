"""The web app end to end, in real headless Chromium driven by Playwright.

A real server (`pressroom serve`, uvicorn in its own process) serves a store
built from the dev corpus (../shared/corpus/dev; the project's examples/ when
the corpus is not beside the checkout). The browser opens a ceremony page,
searches a quote, follows it to its highlighted source, uploads documents and
sees their quotes appear, and checks that hostile text stays text. Screenshots
go to build/screenshots/ (or $PRESSROOM_SCREENSHOTS); with the dev corpus the
2012 ceremony page is build/screenshots/ceremony-2012.png (the winners
board alone: ceremony-2012-board.png).

Skipped, with the reason, only where Chromium or Playwright is missing;
./install.sh installs both, so CI runs it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

import pressroom

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
EXAMPLES = ROOT / "examples"
CHROMIUM = Path(os.environ.get("PRESSROOM_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(os.environ.get("PRESSROOM_SCREENSHOTS", ROOT / "build" / "screenshots"))
ARGS = [  # a closed network: no background calls home, no sandbox as root
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 20_000

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (./install.sh installs it)")
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (./install.sh installs Debian's chromium)", allow_module_level=True)
expect = sync_api.expect

# Written for these tests: invented people, a real ceremony.
UPLOADED = """Golden Globes 2025: a late night for Ysolde Harrowgate

Ysolde Harrowgate won Best Actress in a Motion Picture - Musical or Comedy for "Paper Lanterns".

"I rehearsed this speech in the bath for eleven years," Ysolde Harrowgate said backstage.
"""
UPLOADED_FILE = """Backstage with Corvin Ashdale

"My grandmother bet a whole goat on me tonight," Corvin Ashdale told reporters after the show.
"""
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned=1\">"
HOSTILE = """Notes from the press room

"<script>window.__pwned = 1; alert('quote')</script> is how I sign my emails," said Quill Ambersley backstage.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Path], int]:
    """The documents to serve and the year whose ceremony page the test opens."""
    if DEV.is_dir() and any(DEV.glob("*.txt")):
        return sorted(DEV.glob("*.txt")), 2012
    return sorted(EXAMPLES.glob("*.txt")), 2025


@pytest.fixture(scope="module")
def server(corpus, tmp_path_factory):
    """A real `pressroom serve` on a free loopback port; yields its base URL."""
    paths, _ = corpus
    db = tmp_path_factory.mktemp("browser") / "pressroom.db"
    result = pressroom.extract(paths, store=db)
    assert result.ok, result.failures
    port = _free_port()
    log = open(db.with_suffix(".log"), "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", "--db", str(db), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get_json(f"{base}/api/ceremonies")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"pressroom serve did not start: {log.read()}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.dialogs, page.errors = dialogs, errors
    yield page
    assert not dialogs, f"a script ran and opened dialogs: {dialogs}"
    page.close()


def _shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000, f"{path} looks blank"
    return path


def _wait_for_job(page) -> None:
    """The job page refreshes itself until the extraction is done."""
    expect(page.locator("h1")).to_have_text(re.compile(r"Extraction (done|failed)"), timeout=180_000)
    expect(page.locator("h1")).to_have_text("Extraction done")


def _word_to_search(text: str) -> str:
    """The longest plain word of a quote: what a person would type to find it again."""
    words = re.findall(r"[A-Za-z]{4,}", text)
    assert words, f"no word to search in {text!r}"
    return max(words, key=len)


def test_ceremony_page_shows_the_winners_board(server, corpus, page):
    _, year = corpus
    page.goto(server + "/")
    row = page.locator("tbody tr", has=page.get_by_role("cell", name=str(year), exact=True))
    row.get_by_role("link", name="Golden Globe Awards").click()
    expect(page.locator("h1")).to_have_text(f"Golden Globe Awards {year}")

    fused = _get_json(f"{server}/api/ceremonies/{quote('Golden Globe Awards')}/{year}")
    awards = {name: a for name, a in fused["award_data"].items() if a["winner"]}
    assert awards, "the fused record has no winner"
    board = page.locator(".board section.award")
    expect(board).to_have_count(len(awards))
    for name, a in awards.items():
        heading = page.get_by_role("heading", name=re.compile(f"^{re.escape(name)}$", re.I))
        section = board.filter(has=heading)
        expect(section).to_have_count(1)
        expect(section.locator(".winner")).to_contain_text(a["winner"])
        expect(section.locator("dd").last).to_contain_text(str(len(a["documents"])))
    for host in fused["hosts"]:
        expect(page.get_by_role("link", name=host["name"], exact=True).first).to_be_visible()
    _shot(page, f"ceremony-{year}.png")
    board.first.locator("xpath=..").screenshot(path=str(SHOTS / f"ceremony-{year}-board.png"))


def test_search_a_quote_and_follow_it_to_its_source(server, corpus, page):
    _, year = corpus
    ceremony = f"Golden Globe Awards|{year}"
    found = _get_json(f"{server}/api/quotes?ceremony={quote(ceremony)}&limit=500")
    said = max((q for q in found if q["speaker"]), key=lambda q: len(q["text"]))
    word = _word_to_search(said["text"])

    page.goto(server + "/")
    page.get_by_role("navigation").get_by_role("link", name="Quotes").click()
    page.get_by_label("Words").fill(word)
    page.get_by_label("Ceremony").select_option(ceremony)
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/quotes\?q="))
    hit = page.locator("blockquote").filter(has=page.locator("mark", has_text=said["text"][:60]))
    expect(hit.first).to_be_visible()
    expect(hit.first.locator("footer")).to_contain_text(said["speaker"])
    _shot(page, "quote-search.png")

    hit.first.locator("footer a").last.click()
    expect(page).to_have_url(re.compile(rf"/documents/.+#at-{said['start']}$"))
    mark = page.locator(f"mark#at-{said['start']}")
    expect(mark).to_have_class(re.compile(r"\bquote\b"))
    expect(mark).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == f"at-{said['start']}"
    expect(mark).to_have_css("outline-style", "solid")  # the followed fact stands out
    assert said["text"].startswith(mark.inner_text()[:40])
    _shot(page, "quote-source.png")


def test_upload_documents_and_see_their_quotes(server, page):
    page.goto(server + "/")
    page.get_by_role("link", name="Add documents").first.click()
    page.get_by_label("Title").fill("A late night")
    page.get_by_label("Paste coverage").fill(UPLOADED)
    page.locator("input[type=file]").set_input_files([
        {"name": "ashdale.txt", "mimeType": "text/plain", "buffer": UPLOADED_FILE.encode()},
    ])
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(re.compile(r"/jobs/"))
    _wait_for_job(page)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    _shot(page, "upload-done.png")

    stored = page.locator("main ul li a")
    expect(stored).to_have_count(2)
    pasted = stored.filter(has_text=re.compile("late", re.I))
    pasted.first.click()
    expect(page.locator("mark.quote").first).to_contain_text("I rehearsed this speech")
    expect(page.locator("main")).to_contain_text("Ysolde Harrowgate")
    _shot(page, "uploaded-document.png")

    page.goto(server + "/quotes?q=goat")
    hit = page.locator("blockquote", has_text="bet a whole goat")
    expect(hit).to_have_count(1)
    expect(hit.locator("footer")).to_contain_text("Corvin Ashdale")
    page.goto(server + "/people/" + quote("Ysolde Harrowgate"))
    expect(page.locator("main")).to_contain_text("I rehearsed this speech")


def test_hostile_text_stays_text(server, page):
    page.goto(server + "/upload")
    page.get_by_label("Title").fill(HOSTILE_TITLE)
    page.get_by_label("Paste coverage").fill(HOSTILE)
    page.locator("input[type=file]").set_input_files([
        {"name": "<svg onload=alert(2)>.txt", "mimeType": "text/plain", "buffer": HOSTILE.encode()},
    ])
    page.get_by_role("button", name="Add").click()
    _wait_for_job(page)
    stored = page.locator("main ul li a")
    expect(stored).to_have_count(2)
    for href in [link.get_attribute("href") for link in stored.all()]:
        page.goto(server + href)
        expect(page.locator("mark.quote").first).to_contain_text("<script>")
        assert page.evaluate("window.__pwned") is None
    for path in ["/quotes?q=emails", "/documents", "/people/" + quote("Quill Ambersley"), "/"]:
        page.goto(server + path)
        expect(page.locator("main")).to_be_visible()
        assert page.evaluate("window.__pwned") is None, f"a script ran on {path}"
        assert page.locator("main script, main img, main svg").count() == 0, path
    _shot(page, "hostile-home.png")


@pytest.mark.parametrize("path", ["/", "/quotes?q=night", "/upload", "/documents"])
def test_pages_fit_a_phone(server, corpus, browser, path):
    _, year = corpus
    phone = browser.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    try:
        for url in (path, f"/ceremonies/{quote('Golden Globe Awards')}/{year}"):
            phone.goto(server + url)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{url} is {width} px wide on a 390 px phone: it scrolls sideways"
        if path == "/":
            _shot(phone, f"phone-ceremony-{year}.png")
    finally:
        phone.close()

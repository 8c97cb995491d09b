"""What the web app keeps between requests: whole answers (with ETags) until the store
changes, computed values shared by concurrent requests, and pooled connections."""
from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

import pressroom
from pressroom.store import Store
from pressroom.web import create_app
from pressroom.web.cache import MISSING, StoreCache, StorePool

FIRST = """Golden Globes 2025: notes from the ballroom

"A lighthouse keeper taught me patience," said Orla Quenby backstage.
"""
SECOND = """Later that night

"Patience ran out at the buffet," said Tamsin Verlaine on the red carpet.
"""
SEARCH = "/quotes?q=patience"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "pressroom.db"
    result = pressroom.extract(texts={"first": FIRST}, store=path)
    assert result.ok, result.failures
    return path


class CountingPool(StorePool):
    """A pool that counts how many times a request borrowed a connection."""

    borrowed = 0

    def store(self):
        CountingPool.borrowed += 1
        return super().store()


@pytest.fixture
def app(db):
    app = create_app(db)
    app.state.stores = CountingPool(str(db))
    CountingPool.borrowed = 0
    return app


def test_a_kept_answer_is_sent_again_without_reading_the_store(app):
    with TestClient(app) as client:
        first = client.get(SEARCH)
        borrowed = CountingPool.borrowed
        assert first.status_code == 200 and "Orla Quenby" in first.text and borrowed >= 1
        again = client.get(SEARCH)
        assert again.status_code == 200
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        assert CountingPool.borrowed == borrowed  # nothing was read
        assert again.headers["x-frame-options"] == "DENY"  # the security headers, once
        assert len(again.headers.get_list("content-security-policy")) == 1


def test_a_commit_by_another_connection_drops_what_was_kept(app, db):
    with TestClient(app) as client:
        before = client.get(SEARCH)
        page = client.get("/api/quotes?q=patience").json()
        assert [q["speaker"] for q in page] == ["Orla Quenby"]
        assert pressroom.extract(texts={"second": SECOND}, store=db).ok  # another process's commit, as it were
        after = client.get(SEARCH)
        assert "Tamsin Verlaine" in after.text and "Orla Quenby" in after.text
        assert after.headers["etag"] != before.headers["etag"]
        assert {q["speaker"] for q in client.get("/api/quotes?q=patience").json()} == {"Orla Quenby", "Tamsin Verlaine"}


def test_if_none_match_gets_304_without_a_body(app):
    with TestClient(app) as client:
        etag = client.get(SEARCH).headers["etag"]
        same = client.get(SEARCH, headers={"If-None-Match": f'"nope", {etag}'})
        assert same.status_code == 304 and same.content == b""
        assert same.headers["etag"] == etag and same.headers["x-content-type-options"] == "nosniff"
        stale = client.get(SEARCH, headers={"If-None-Match": '"something-else"'})
        assert stale.status_code == 200 and stale.headers["etag"] == etag


@pytest.mark.parametrize("path, status", [
    ("/quotes?q=%01", 400),  # a search the index cannot take
    ("/api/ceremonies/Nothing/2025", 404),
    ("/upload", 200),  # not a page of the store
    ("/jobs/0123456789abcdef0123456789abcdef", 404),
])
def test_errors_and_pages_outside_the_store_are_not_kept(app, path, status):
    with TestClient(app) as client:
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == status
            assert "etag" not in response.headers
        assert app.state.answers.lookup((path.split("?")[0], path.partition("?")[2].encode()))[1] is MISSING


def test_concurrent_requests_for_one_answer_compute_it_once(app):
    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(*(client.get(SEARCH) for _ in range(12)))

    responses = asyncio.run(run())
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1
    assert CountingPool.borrowed == 1


# -- StoreCache and StorePool -----------------------------------------------------

def test_store_cache_keeps_by_weight_least_recently_used_first(db):
    cache = StoreCache(str(db), size=10, weigh=len)
    try:
        assert cache.get("a", lambda: "aaaa") == "aaaa"
        assert cache.get("b", lambda: "bbbb") == "bbbb"
        assert cache.get("a", lambda: "never") == "aaaa"  # kept; and now the most recent
        cache.get("c", lambda: "cccc")  # 12 > 10: "b", the least recently used, goes
        assert cache.lookup("b")[1] is MISSING
        assert cache.lookup("a")[1] == "aaaa" and cache.lookup("c")[1] == "cccc"
        cache.get("huge", lambda: "x" * 11)  # heavier than the whole cache: not kept, nothing dropped
        assert cache.lookup("huge")[1] is MISSING and cache.lookup("a")[1] == "aaaa"
    finally:
        cache.close()


def test_store_cache_forgets_after_a_commit_elsewhere_and_never_keeps_a_stale_value(db):
    cache = StoreCache(str(db))
    try:
        version, _ = cache.lookup("k")
        assert pressroom.extract(texts={"second": SECOND}, store=db).ok
        cache.keep(version, "k", "computed before the commit")  # read before the store moved
        assert cache.lookup("k")[1] is MISSING
        assert cache.get("k", lambda: "fresh") == "fresh" and cache.lookup("k")[1] == "fresh"
    finally:
        cache.close()


def test_store_cache_threads_share_one_computation(db):
    cache = StoreCache(str(db))
    calls = []
    started = threading.Event()

    def compute():
        calls.append(1)
        started.set()
        time.sleep(0.2)  # long enough for every other thread to ask meanwhile
        return "value"

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", compute))) for _ in range(8)]
    try:
        threads[0].start()
        started.wait(5)
        for thread in threads[1:]:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert results == ["value"] * 8 and len(calls) == 1
    finally:
        cache.close()


def test_store_cache_a_failed_computation_keeps_nothing(db):
    cache = StoreCache(str(db))
    try:
        with pytest.raises(ZeroDivisionError):
            cache.get("k", lambda: 1 / 0)
        assert cache.get("k", lambda: 2) == 2
    finally:
        cache.close()


def test_store_pool_lends_one_connection_at_a_time_and_reuses_it(db):
    pool = StorePool(str(db), keep=1)
    with pool.store() as first:
        with pool.store() as second:
            assert first is not second  # both lent at once
    with pool.store() as again:
        assert again in (first, second)  # one kept (keep=1), the other closed
    with pool.store() as store, store.snapshot():
        pass
    with pool.store() as store:
        store_left_open = store
        store._conn.execute("BEGIN")  # a connection left inside a transaction is not lent again
    with pool.store() as fresh:
        assert fresh is not store_left_open
    pool.close()
    with pool.store() as after_close:  # still works, but keeps nothing
        assert after_close.stats()["documents"] == 1
    assert pool._idle == []


def test_store_pool_keeps_no_broken_connection(tmp_path):
    pool = StorePool(str(tmp_path / "fresh.db"))
    with pytest.raises(RuntimeError), pool.store() as store:
        raise RuntimeError("the request failed")
    with pool.store() as again:  # the connection was clean: it is lent again
        assert again is store
    assert isinstance(again, Store)
    pool.close()

"""The SQLite store: round trips, replacement, search, awards, people, the timeline,
migrations, failures."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from pressroom.errors import StoreError
from pressroom.fuse import fuse
from pressroom.records import Award, Ceremony, Document, DocumentResult, Event, Host, Mention, Quote
from pressroom.store import (
    MIGRATIONS,
    Store,
    StoredAward,
    StoredDocument,
    StoredEvent,
    StoredQuote,
    document_key,
    fts_query,
)
from pressroom.store.schema import statements

GALA_TEXT = (
    'Mara Quill hosted the evening. "I brought my lucky socks," said Tobin Vale backstage. '
    'Later Vale added, "The lighthouse film was a family project." '
    '"Nobody expected the otter to steal the show," Mara Quill joked onstage. '
    'Mara Quill presented Best Picture to Tobin Vale for The Lighthouse over Ines Roe. '
    'Ines Roe and Pell Harrow were up for the music prize.'
)
AWARDS_AT = GALA_TEXT.index("Mara Quill presented")
MUSIC_AT = GALA_TEXT.index("Ines Roe and Pell Harrow")
HARBOUR = Ceremony("Harbour Film Awards", 2024, key="harbour_film_awards", edition=12)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _mention(text: str, name: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    return Mention(name, start, start + len(name))


def _quote(text: str, said: str, speaker: str | None, **kw) -> Quote:
    start, end = _span(text, said)
    return Quote(said, start, end, speaker=speaker, **kw)


def gala_result(path: str | None = "/news/gala.txt", **doc) -> DocumentResult:
    text = GALA_TEXT
    document = Document(
        id="gala", text=text, path=path, title="A night of otters",
        sha256="a" * 64, **doc,
    )
    quotes = (
        _quote(text, "I brought my lucky socks,", "Tobin Vale",
               speaker_start=60, speaker_end=70, cue="said", setting="backstage",
               confidence=0.9),
        _quote(text, "The lighthouse film was a family project.", "Tobin Vale",
               cue="added", setting="unknown", confidence=0.7),
        _quote(text, "Nobody expected the otter to steal the show,", "Mara Quill",
               cue="joked", setting="onstage", confidence=0.8),
    )
    host_start, host_end = _span(text, "Mara Quill")
    picture = _mention(text, "Best Picture")
    winner = _mention(text, "Tobin Vale", AWARDS_AT)
    work = _mention(text, "The Lighthouse")
    music = _mention(text, "music prize")
    best_picture = Award(
        award="Best Picture", winner="Tobin Vale", start=picture.start, end=picture.end,
        work="The Lighthouse", mention="Best Picture", family="film.picture",
        winner_at=(winner.start, winner.end), work_at=(work.start, work.end),
        nominees=(winner, _mention(text, "Ines Roe", AWARDS_AT)),
        presenters=(_mention(text, "Mara Quill", AWARDS_AT),), confidence=0.6,
    )
    music_prize = Award(  # wording that fits two categories, and no winner named
        award=None, winner=None, start=music.start, end=music.end, mention="music prize",
        candidates=("Best Score", "Best Song"),
        nominees=(_mention(text, "Ines Roe", MUSIC_AT), _mention(text, "Pell Harrow")),
        confidence=0.3,
    )
    return DocumentResult(
        document=document,
        quotes=quotes,
        people=("Mara Quill", "Tobin Vale"),
        ceremony=HARBOUR,
        hosts=(Host("Mara Quill", host_start, host_end),),
        awards=(best_picture, music_prize),
    )


def second_result() -> DocumentResult:
    text = 'Ines Roe smiled. "Rain and wind are good for the soul," she told reporters.'
    return DocumentResult(
        document=Document(id="rain", text=text, path="/news/rain.txt", title="Rain", sha256="b" * 64),
        quotes=(_quote(text, "Rain and wind are good for the soul,", "Ines Roe", cue="told",
                       setting="interview", confidence=0.5),),
        people=("Ines Roe",),
    )


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def filled(store):
    store.save(gala_result())
    store.save(second_result())
    return store


# -- round trips --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/news/gala.txt", None])
def test_round_trip(store, path):
    result = gala_result(path=path)
    store.save(result)
    assert store.document("gala") == result


def test_raw_text_uses_synthetic_key(store):
    result = gala_result(path=None)
    store.save(result)
    key = document_key(result.document)
    assert key == "text:" + "a" * 64
    assert [d.path for d in store.documents()] == [key]
    assert store.has(key, "a" * 64)


@pytest.mark.parametrize("start, end", [(0, 5), (3, 40), (-10, 4), (30, 10_000), (10_000, 10_050), (7, 7)])
@pytest.mark.parametrize("text", ["Prize night \u00e9t\u00e9 \U0001f3c6 at the hall, said Ines Roe.",
                                  "a NUL\x00 inside\x00 the text, read past it all the same"])
def test_span_is_a_slice_of_the_stored_text(store, text, start, end):
    result = gala_result()
    store.save(replace(result, document=replace(result.document, text=text)))
    assert store.span("gala", start, end) == text[max(0, start):end]
    assert store.span("no-such-doc", 0, 5) is None


def test_document_by_path_and_missing(filled):
    assert filled.document("/news/rain.txt").document.id == "rain"
    assert filled.document("no-such-doc") is None


def test_unattributed_quote_round_trips(store):
    text = '"Who left the door open?" someone asked.'
    result = DocumentResult(
        Document(id="door", text=text, path="/d.txt"),
        quotes=(_quote(text, "Who left the door open?", None),),
    )
    store.save(result)
    assert store.document("door") == result
    assert store.quotes()[0].speaker is None
    assert store.people() == []


AWARD_TEXT = "Best Song went to Pell Harrow for Low Tide, handed over by Ada Finch."


@pytest.mark.parametrize(
    "award",
    [
        Award("Best Song", "Pell Harrow", 0, 9, work="Low Tide", mention="Best Song",
              family="music.song", winner_at=(18, 29), work_at=(34, 42),
              presenters=(Mention("Ada Finch", 60, 69),), confidence=0.75),
        Award("Best Song", None, 0, 9, presenters=(Mention("Ada Finch", 60, 69),)),
        Award("Best Song", None, 0, 9, nominees=(Mention("Pell Harrow", 18, 29),
                                                  Mention("Ada Finch", 60, 69))),
        Award(None, "Pell Harrow", 0, 9, candidates=("Best Song", "Best Score"),
              winner_at=(18, 29)),
        Award(None, None, 0, 9, candidates=()),
        Award("Best Song", "Pell Harrow", 0, 9, work="Low Tide", work_at=(34, 42)),
    ],
    ids=["full", "presenter-only", "nominees-only", "unresolved", "bare", "work-no-winner-at"],
)
def test_award_round_trips(store, award):
    result = DocumentResult(
        Document(id="song", text=AWARD_TEXT, path="/song.txt"),
        ceremony=Ceremony("Tidewater Music Prize", None, key="tidewater", edition=None),
        awards=(award, replace(award, start=60, end=69, confidence=0.1)),
    )
    store.save(result)
    assert store.document("song") == result


# -- replacement --------------------------------------------------------------


@pytest.mark.parametrize("sha256", ["a" * 64, "c" * 64])
def test_resave_replaces_without_duplicates(store, sha256):
    first = store.save(gala_result())
    improved = gala_result(encoding="latin-1")
    improved = replace(
        improved,
        document=replace(improved.document, sha256=sha256),
        quotes=improved.quotes[:2],
    )
    second = store.save(improved)
    assert first == second
    assert store.stats() == {"documents": 1, "quotes": 2, "people": 2}
    assert store.document("gala") == improved
    assert store.quotes(search="otter") == []
    assert [len(a.nominees) for a in store.awards()] == [2, 2]  # replaced, not appended


def test_replaced_speakers_are_forgotten(store):
    store.save(gala_result())
    store.save(replace(gala_result(), quotes=(), people=()))
    assert store.people() == []


def test_people_are_shared_across_documents_case_insensitively(store):
    store.save(gala_result())
    text = '"Socks again," said tobin vale.'
    store.save(DocumentResult(
        Document(id="socks", text=text, path="/socks.txt"),
        quotes=(_quote(text, "Socks again,", "tobin vale"),),
    ))
    assert store.people() == [("Tobin Vale", 3), ("Mara Quill", 1)]


def test_has(filled):
    assert filled.has("/news/gala.txt", "a" * 64)
    assert not filled.has("/news/gala.txt", "c" * 64)
    assert not filled.has("/news/other.txt", "a" * 64)


def test_delete_document(filled):
    assert filled.delete_document("/news/gala.txt")
    assert not filled.delete_document("/news/gala.txt")
    assert filled.stats() == {"documents": 1, "quotes": 1, "people": 1}
    assert filled.quotes(search="otter") == []
    assert filled.awards() == []
    assert filled.integrity_ok()


# -- listing ------------------------------------------------------------------


def test_documents_and_stats(filled):
    docs = filled.documents()
    assert [(d.doc_id, d.path, d.title, d.n_quotes) for d in docs] == [
        ("gala", "/news/gala.txt", "A night of otters", 3),
        ("rain", "/news/rain.txt", "Rain", 1),
    ]
    assert docs[0].ceremony == HARBOUR
    assert docs[1].ceremony is None
    assert filled.stats() == {"documents": 2, "quotes": 4, "people": 3}
    assert filled.people() == [("Tobin Vale", 2), ("Ines Roe", 1), ("Mara Quill", 1)]


def test_quote_rows(filled):
    rows = filled.quotes(document="gala")
    assert rows[0] == StoredQuote(
        text="I brought my lucky socks,", speaker="Tobin Vale", setting="backstage",
        start=GALA_TEXT.index("I brought"), end=GALA_TEXT.index("I brought") + 25,
        doc_id="gala", path="/news/gala.txt", title="A night of otters",
        cue="said", confidence=0.9,
    )
    assert [q.start for q in rows] == sorted(q.start for q in rows)


@pytest.mark.parametrize("document, n", [("gala", 3), ("/news/rain.txt", 1), ("nope", 0)])
def test_document_filter(filled, document, n):
    assert len(filled.quotes(document=document)) == n


@pytest.mark.parametrize("ceremony, year, n", [
    (HARBOUR.name, None, 3), (HARBOUR.name.upper(), HARBOUR.year, 3),
    (HARBOUR.name, HARBOUR.year + 1, 0), ("Other Awards", None, 0), (None, HARBOUR.year, 3),
])
def test_ceremony_filter(filled, ceremony, year, n):
    rows = filled.quotes(ceremony=ceremony, year=year)
    assert len(rows) == n and all(r.doc_id == "gala" for r in rows)
    assert len(filled.quotes(ceremony=ceremony, year=year, search="otter")) == min(n, 1)


def test_limit(filled):
    assert len(filled.quotes(limit=2)) == 2
    assert filled.quotes(limit=0) == []
    with pytest.raises(ValueError, match="-1"):
        filled.quotes(limit=-1)


# -- search -------------------------------------------------------------------


@pytest.mark.parametrize(
    "speaker, expected",
    [
        ("Vale", {"Tobin Vale"}),
        ("vale", {"Tobin Vale"}),
        ("TOBIN VALE", {"Tobin Vale"}),
        ("quil", {"Mara Quill"}),
        ("r", {"Mara Quill", "Ines Roe"}),
        ("Tobin Quill", set()),
        ("%", set()),
        ("_", set()),
    ],
)
def test_speaker_filter_is_case_insensitive_substring(filled, speaker, expected):
    assert {q.speaker for q in filled.quotes(speaker=speaker)} == expected


@pytest.mark.parametrize(
    "search, expected",
    [
        ("otter", ["Nobody expected the otter to steal the show,"]),
        ("OTTER show", ["Nobody expected the otter to steal the show,"]),
        ("otter socks", []),
        ("Quill", ["Nobody expected the otter to steal the show,"]),  # by speaker
        ("Ines rain", ["Rain and wind are good for the soul,"]),  # speaker and text together
        ("light*", ["The lighthouse film was a family project."]),  # prefix
        ("light", []),  # no prefix, no partial word
        ("elephant", []),
    ],
)
def test_full_text_search(filled, search, expected):
    assert [q.text for q in filled.quotes(search=search)] == expected


def test_search_ranks_best_match_first(store):
    text = '"Boats." "Boats and boats and more boats," "Boats, fine."'
    store.save(DocumentResult(
        Document(id="boats", text=text, path="/boats.txt"),
        quotes=(
            _quote(text, "Boats.", "Ada Finch"),
            _quote(text, "Boats and boats and more boats,", "Ada Finch"),
        ),
    ))
    assert store.quotes(search="boats")[0].text == "Boats and boats and more boats,"


def test_search_combines_with_speaker_and_document(filled):
    assert len(filled.quotes(search="the", speaker="Vale")) == 1
    assert len(filled.quotes(search="the", document="rain")) == 1
    assert filled.quotes(search="otter", document="rain") == []


@pytest.mark.parametrize("search", ['"unbalanced', "AND", "*", "NEAR(", "", "   ", "OR NOT",
                                    'otter"', "(", "col:umn", "^start", "-", "***"])
def test_malformed_queries_never_raise(filled, search):
    rows = filled.quotes(search=search)
    assert isinstance(rows, list)


@pytest.mark.parametrize(
    "search, expected",
    [
        ("otter", '"otter"'),
        ("otter show", '"otter" "show"'),
        ("light*", '"light"*'),
        ('"unbalanced', '"""unbalanced"'),
        ("AND", '"AND"'),
        ("NEAR(", '"NEAR("'),
        ("*", None),
        ("", None),
        ("  -  ", None),
    ],
)
def test_fts_query(search, expected):
    assert fts_query(search) == expected


@pytest.mark.parametrize("search, n", [("AND", 1), ('"unbalanced', 0), ("NEAR(", 0), ("*", 4), ("", 4)])
def test_operators_are_plain_words(filled, search, n):
    # "and" is a word in one quote; a query with no words filters nothing.
    assert len(filled.quotes(search=search)) == n


# -- ceremonies, results and awards across documents ----------------------------

GLOBE = "Lantern Globe Prize"


def ceremony_result(doc_id: str, text: str, ceremony: Ceremony, *awards: Award,
                    hosts: tuple[Host, ...] = ()) -> DocumentResult:
    return DocumentResult(
        Document(id=doc_id, text=text, path=f"/news/{doc_id}.txt", sha256=doc_id),
        ceremony=ceremony, hosts=hosts, awards=awards,
    )


def director(text: str, winner: str | None, **kw) -> Award:
    start, end = _span(text, "Best Director")
    return Award("Best Director", winner, start, end, family="film.director", **kw)


def season_results() -> list[DocumentResult]:
    """Documents over two ceremonies and years, one undated, besides gala and rain."""
    t23 = "Pell Harrow won Best Director. Ines Roe hosted the Lantern Globe Prize."
    t24 = "Best Director went to Ines Roe, presented by Tobin Vale."
    tnd = "INES ROE won Best Director again."
    tb = "Tobin Vale took Best Picture at the harbour."
    picture = _span(tb, "Best Picture")
    return [
        ceremony_result("globe-2023", t23, Ceremony(GLOBE, 2023), director(t23, "Pell Harrow"),
                        hosts=(Host("Ines Roe", *_span(t23, "Ines Roe")),)),
        ceremony_result("globe-2024", t24, Ceremony(GLOBE, 2024),
                        director(t24, "Ines Roe", presenters=(_mention(t24, "Tobin Vale"),))),
        ceremony_result("globe-undated", tnd, Ceremony(GLOBE), director(tnd, "INES ROE")),
        ceremony_result("harbour-b", tb, HARBOUR,
                        Award("Best Picture", "Tobin Vale", *picture, confidence=0.9)),
    ]


@pytest.fixture
def season(filled):
    for result in season_results():
        filled.save(result)
    return filled


def test_ceremonies(season):
    assert season.ceremonies() == [
        ("Harbour Film Awards", 2024, 2),
        (GLOBE, 2023, 1),
        (GLOBE, 2024, 1),
        (GLOBE, None, 1),  # undated last; "rain" has no ceremony and is not counted
    ]


def test_ceremonies_of_empty_store(store):
    assert store.ceremonies() == []


@pytest.mark.parametrize(
    "ceremony, year, expected",
    [
        (None, None, ["gala", "globe-2023", "globe-2024", "globe-undated", "harbour-b", "rain"]),
        ("globe", None, ["globe-2023", "globe-2024", "globe-undated"]),
        ("LANTERN GLOBE PRIZE", None, ["globe-2023", "globe-2024", "globe-undated"]),
        ("globe", 2024, ["globe-2024"]),
        (None, 2024, ["gala", "globe-2024", "harbour-b"]),
        ("harbour", 2023, []),
        ("Oscars", None, []),
        ("%", None, []),
    ],
)
def test_results_filters(season, ceremony, year, expected):
    results = season.results(ceremony=ceremony, year=year)
    assert [r.document.id for r in results] == expected


def test_results_are_what_was_saved(season):
    saved = {r.document.id: r for r in [gala_result(), second_result(), *season_results()]}
    assert {r.document.id: r for r in season.results()} == saved


def test_results_fuse_the_store(season):
    (record,) = fuse(season.results(ceremony="harbour"))
    assert (record.name, record.year, record.documents) == (
        "Harbour Film Awards", 2024, ("gala", "harbour-b"))
    assert [(a.award, a.winner) for a in record.awards] == [("Best Picture", "Tobin Vale")]


def test_award_row(filled):
    picture, music = filled.awards()
    start, end = _span(GALA_TEXT, "Best Picture")
    assert picture == StoredAward(
        award="Best Picture", family="film.picture", winner="Tobin Vale", work="The Lighthouse",
        nominees=gala_result().awards[0].nominees, presenters=gala_result().awards[0].presenters,
        confidence=0.6, doc_id="gala", path="/news/gala.txt", title="A night of otters",
        start=start, end=end, ceremony=HARBOUR, candidates=(), mention="Best Picture",
    )
    assert (music.award, music.winner) == (None, None)
    assert music.candidates == ("Best Score", "Best Song")
    assert [m.name for m in music.nominees] == ["Ines Roe", "Pell Harrow"]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, [("globe-2023", "Best Director"), ("gala", "Best Picture"), ("gala", None),
              ("harbour-b", "Best Picture"), ("globe-2024", "Best Director"),
              ("globe-undated", "Best Director")]),
        ({"winner": "ines roe"}, [("globe-2024", "Best Director"),
                                  ("globe-undated", "Best Director")]),
        ({"winner": "Roe"}, []),  # whole names only
        ({"winner": "Tobin Vale", "ceremony": "globe"}, []),
        ({"ceremony": "harbour"}, [("gala", "Best Picture"), ("gala", None),
                                   ("harbour-b", "Best Picture")]),
        ({"ceremony": "globe", "year": 2023}, [("globe-2023", "Best Director")]),
        ({"year": 1999}, []),
    ],
)
def test_awards_filters(season, filters, expected):
    # by year (undated last), then ceremony name, document path and place in the text
    assert [(a.doc_id, a.award) for a in season.awards(**filters)] == expected


# -- people ---------------------------------------------------------------------


def _places(awards: list[StoredAward]) -> list[tuple[str, str | None]]:
    return [(a.doc_id, a.award) for a in awards]


def test_person_gathers_everything(season):
    ines = season.person("ines roe")
    assert ines["name"] == "Ines Roe"  # the stored spelling
    assert [q.text for q in ines["quotes"]] == ["Rain and wind are good for the soul,"]
    assert _places(ines["wins"]) == [("globe-2024", "Best Director"),
                                     ("globe-undated", "Best Director")]
    assert _places(ines["nominations"]) == [("gala", "Best Picture"), ("gala", None)]
    assert ines["presentations"] == []
    assert ines["hosting"] == [
        StoredDocument("globe-2023", "/news/globe-2023.txt", "", 0, Ceremony(GLOBE, 2023)),
    ]


def test_person_roles(season):
    tobin = season.person("Tobin Vale")
    assert _places(tobin["wins"]) == [("gala", "Best Picture"), ("harbour-b", "Best Picture")]
    assert _places(tobin["nominations"]) == [("gala", "Best Picture")]
    assert _places(tobin["presentations"]) == [("globe-2024", "Best Director")]
    assert [a.presenters for a in tobin["presentations"]] == [
        (Mention("Tobin Vale", *_span("Best Director went to Ines Roe, presented by Tobin Vale.",
                                     "Tobin Vale")),),
    ]
    assert len(tobin["quotes"]) == 2
    assert season.person("Mara Quill")["hosting"][0].doc_id == "gala"


@pytest.mark.parametrize("name", ["Nobody Here", "Vale", "", "%"])
def test_person_unknown_or_partial_name_finds_nothing(season, name):
    facts = season.person(name)
    assert facts["name"] == name
    assert all(facts[key] == [] for key in
               ("quotes", "wins", "nominations", "presentations", "hosting"))


# -- the timeline ---------------------------------------------------------------

BLOG_TEXT = (
    "Harbour night live\n"
    "11:58 p.m. ET: Tobin Vale wins Best Picture. \"For the otters,\" he said.\n"
    "12:10 a.m. ET: Mara Quill and Ines Roe close the show.\n"
    "8:02 p.m. ET: Mara Quill opens with a monologue.\n"
)
LATE_BLOG_TEXT = (
    "Lantern notes\n"
    "8:02pm - Pell Harrow waves from the carpet.\n"
    "9:15pm - Ines Roe presents Best Director.\n"
    "Earlier - the doors opened.\n"
)


def _event(text: str, stamp: str, time: str | None, kind: str, *people: str,
           zone: str | None = None, award: str | None = None) -> Event:
    start = text.index(stamp)
    end = text.find("\n", start) + 1
    body = text[start:end].split(":", 2)[-1] if zone else text[start:end]
    return Event(time, stamp, kind, " ".join(body.split()), start, end, zone=zone,
                 people=people, award=award)


def blog_result() -> DocumentResult:
    """A reverse-ordered live blog: an evening entry, one before and one past midnight."""
    text = BLOG_TEXT
    said = _quote(text, "For the otters,", "Tobin Vale", cue="said", setting="onstage",
                  confidence=0.9, time="23:58")
    picture = _mention(text, "Best Picture")
    award = Award("Best Picture", "Tobin Vale", picture.start, picture.end,
                  winner_at=_span(text, "Tobin Vale"), confidence=0.8, time="23:58")
    timeline = (
        _event(text, "8:02 p.m. ET", "20:02", "monologue", "Mara Quill", zone="ET"),
        _event(text, "11:58 p.m. ET", "23:58", "win", "Tobin Vale", zone="ET", award="Best Picture"),
        _event(text, "12:10 a.m. ET", "00:10", "other", "Mara Quill", "Ines Roe", zone="ET"),
    )
    return DocumentResult(
        Document(id="blog", text=text, path="/news/blog.txt", title="Harbour night", sha256="d" * 64),
        quotes=(said,), people=("Mara Quill", "Tobin Vale"), ceremony=HARBOUR,
        awards=(award,), timeline=timeline,
    )


def late_blog_result() -> DocumentResult:
    """Another ceremony's blog: an entry at the same minute as blog's first, and an untimed one."""
    text = LATE_BLOG_TEXT
    timeline = (
        _event(text, "8:02pm", "20:02", "red-carpet", "Pell Harrow"),
        _event(text, "9:15pm", "21:15", "presentation", "Ines Roe", award="Best Director"),
        _event(text, "Earlier", None, "other"),
    )
    return DocumentResult(
        Document(id="lantern", text=text, path="/news/lantern.txt", sha256="e" * 64),
        ceremony=Ceremony(GLOBE, 2023), timeline=timeline,
    )


@pytest.fixture
def nights(store):
    store.save(late_blog_result())
    store.save(blog_result())
    store.save(second_result())  # no timeline
    return store


def test_timeline_round_trips(store):
    result = blog_result()
    store.save(result)
    assert store.document("blog") == result
    assert store.results() == [result]
    (quote,) = store.document("blog").quotes
    assert quote.time == "23:58"


def test_timeline_runs_through_the_night(nights):
    assert [(e.time, e.doc_id) for e in nights.timeline()] == [
        ("20:02", "blog"),  # same minute: by document path
        ("20:02", "lantern"),
        ("21:15", "lantern"),
        ("23:58", "blog"),
        ("00:10", "blog"),  # past midnight, after the evening
        (None, "lantern"),  # untimed last
    ]


def test_timeline_row(nights):
    row = nights.timeline()[3]
    text = BLOG_TEXT
    start = text.index("11:58")
    assert row == StoredEvent(
        time="23:58", stamp="11:58 p.m. ET", zone="ET", kind="win",
        text='Tobin Vale wins Best Picture. "For the otters," he said.',
        people=("Tobin Vale",), award="Best Picture", doc_id="blog", path="/news/blog.txt",
        title="Harbour night", start=start, end=text.index("12:10"), ceremony=HARBOUR,
    )
    assert [e.people for e in nights.timeline() if e.time == "00:10"] == [("Mara Quill", "Ines Roe")]


@pytest.mark.parametrize(
    "ceremony, year, expected",
    [
        (None, None, {"blog", "lantern"}),
        ("harbour", None, {"blog"}),
        ("LANTERN", 2023, {"lantern"}),
        (None, 2024, {"blog"}),
        ("lantern", 2024, set()),
        ("Oscars", None, set()),
    ],
)
def test_timeline_filters(nights, ceremony, year, expected):
    assert {e.doc_id for e in nights.timeline(ceremony=ceremony, year=year)} == expected


def test_timeline_of_empty_store(store):
    assert store.timeline() == []


def test_resave_replaces_the_timeline(tmp_path):
    path = tmp_path / "press.db"
    shorter = replace(blog_result(), timeline=blog_result().timeline[1:2])
    with Store(path) as store:
        store.save(blog_result())
        store.save(late_blog_result())
        store.save(shorter)
        assert store.document("blog") == shorter
        assert [e.doc_id for e in store.timeline()].count("blog") == 1
        store.delete_document("/news/lantern.txt")
        assert {e.doc_id for e in store.timeline()} == {"blog"}
    raw = sqlite3.connect(path)
    try:
        counts = [raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("timeline", "timeline_people")]
    finally:
        raw.close()
    assert counts == [1, 1]  # replaced and deleted events took their people along


def _failing_timeline(self, document_id, timeline):
    raise RuntimeError("timeline blew up")


def test_failed_save_keeps_previous_timeline(store, monkeypatch):
    original = blog_result()
    store.save(original)
    monkeypatch.setattr(Store, "_insert_timeline", _failing_timeline)
    with pytest.raises(RuntimeError):
        store.save(replace(original, timeline=original.timeline[:1]))
    assert store.document("blog") == original
    assert len(store.timeline()) == 3


# -- files, migrations, failures ------------------------------------------------


def test_file_store_uses_wal_and_migrates_once(tmp_path):
    path = tmp_path / "press.db"
    with Store(path) as store:
        store.save(gala_result())
        assert store.schema_version == len(MIGRATIONS)
    with Store(path) as store:  # second open: migrations are a no-op
        assert store.schema_version == len(MIGRATIONS)
        assert store.stats()["quotes"] == 3
        assert store.integrity_ok()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    finally:
        raw.close()


def _save_as_version_1(raw: sqlite3.Connection, result: DocumentResult) -> None:
    """Write ``result`` as pressroom's schema version 1 stored it (no times, no timeline)."""
    doc, c = result.document, result.ceremony
    (document_id,) = raw.execute(
        "INSERT INTO documents (doc_id, path, title, format, encoding, sha256, text, n_chars,"
        " extracted_at, ceremony_name, ceremony_year, ceremony_key, ceremony_edition)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00+00:00', ?, ?, ?, ?) RETURNING id",
        (doc.id, doc.path, doc.title, doc.format, doc.encoding, doc.sha256, doc.text,
         len(doc.text), c.name, c.year, c.key, c.edition),
    ).fetchone()

    def person(name: str) -> int:
        raw.execute("INSERT OR IGNORE INTO people (name) VALUES (?)", (name,))
        return raw.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()[0]

    for name in result.people:
        raw.execute("INSERT INTO document_people VALUES (?, ?)", (document_id, person(name)))
    for q in result.quotes:
        raw.execute(
            'INSERT INTO quotes (document_id, person_id, text, start, "end", speaker_start,'
            " speaker_end, cue, setting, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, person(q.speaker) if q.speaker else None, q.text, q.start, q.end,
             q.speaker_start, q.speaker_end, q.cue, q.setting, q.confidence),
        )
    for h in result.hosts:
        raw.execute('INSERT INTO hosts (document_id, name, start, "end") VALUES (?, ?, ?, ?)',
                    (document_id, h.name, h.start, h.end))
    for a in result.awards:
        award_id = raw.execute(
            "INSERT INTO awards (document_id, award, family, candidates, winner, winner_start,"
            ' winner_end, work, work_start, work_end, mention, start, "end", confidence)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, a.award, a.family, json.dumps(list(a.candidates)), a.winner,
             *(a.winner_at or (None, None)), a.work, *(a.work_at or (None, None)), a.mention,
             a.start, a.end, a.confidence),
        ).lastrowid
        for role, mentions in (("nominee", a.nominees), ("presenter", a.presenters)):
            for m in mentions:
                raw.execute("INSERT INTO award_people VALUES (?, ?, ?, ?, ?)",
                            (award_id, role, m.name, m.start, m.end))


def test_version_1_file_migrates_in_place(tmp_path):
    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path)
    try:
        for statement in statements(MIGRATIONS[0]):
            raw.execute(statement)
        raw.execute("PRAGMA user_version = 1")
        _save_as_version_1(raw, gala_result())
        raw.commit()
    finally:
        raw.close()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.document("gala") == gala_result()  # every fact kept; times None
        assert [q.speaker for q in store.quotes(search="otter")] == ["Mara Quill"]
        store.save(blog_result())
        assert store.document("blog") == blog_result()
        assert len(store.timeline()) == 3
        assert store.integrity_ok()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    finally:
        raw.close()


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"these are not the bytes you want\n" * 200, "not a usable SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "not a usable SQLite database"),
    ],
)
def test_non_database_file_raises_store_error(tmp_path, content, problem):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=problem) as info:
        Store(path)
    assert str(path) in str(info.value)


def test_missing_directory_raises_store_error(tmp_path):
    path = tmp_path / "nowhere" / "press.db"
    with pytest.raises(StoreError, match="nowhere"):
        Store(path)


def test_newer_schema_raises_store_error(tmp_path):
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def _failing_awards(self, document_id, awards):
    raise RuntimeError("extractor blew up")


def _with_unbindable_quote(result: DocumentResult) -> DocumentResult:
    bad = Quote(text=object(), start=0, end=1, speaker="Ines Roe")  # type: ignore[arg-type]
    return replace(result, quotes=result.quotes[:1] + (bad,))


def _with_unbindable_nominee(result: DocumentResult) -> DocumentResult:
    bad = Mention(name=object(), start=0, end=1)  # type: ignore[arg-type]
    award = replace(result.awards[1], nominees=result.awards[1].nominees + (bad,))
    return replace(result, awards=(result.awards[0], award))


def _with_new_person(result: DocumentResult) -> DocumentResult:
    return replace(result, quotes=result.quotes[:1], people=("Ines Roe",))


@pytest.mark.parametrize(
    "break_result, patch_awards, error",
    [
        # sqlite cannot bind a value, met after the old quotes were deleted
        (_with_unbindable_quote, False, StoreError),
        # the same, met after one award and its people were written
        (_with_unbindable_nominee, False, StoreError),
        # any exception mid-save rolls back too, and propagates as it is
        (_with_new_person, True, RuntimeError),
    ],
)
def test_failed_save_keeps_previous_version(store, monkeypatch, break_result, patch_awards, error):
    original = gala_result()
    store.save(original)
    if patch_awards:
        monkeypatch.setattr(Store, "_insert_awards", _failing_awards)
    with pytest.raises(error):
        store.save(break_result(original))
    assert store.document("gala") == original
    assert store.stats() == {"documents": 1, "quotes": 3, "people": 2}
    assert store.quotes(search="otter") != []
    assert len(store.awards()) == 2


@pytest.mark.parametrize("read", ["stats", "person", "results", "timeline"])
def test_closed_store_raises_store_error(read):
    store = Store(":memory:")
    store.close()
    with pytest.raises(StoreError, match=read):
        getattr(store, read)(*(["Ines Roe"] if read == "person" else []))


def test_reads_leave_no_transaction_open(tmp_path):
    with Store(tmp_path / "press.db") as store:
        store.save(gala_result())
        store.document("gala"), store.results(), store.awards(), store.person("Ines Roe")
        store.save(second_result())  # BEGIN IMMEDIATE would fail inside an open read
        assert store.stats()["documents"] == 2


def test_search_index_follows_replace_and_delete(tmp_path):
    path = tmp_path / "press.db"
    with Store(path) as store:
        store.save(gala_result())
        store.save(second_result())
        store.save(gala_result())
        store.delete_document("/news/rain.txt")
    raw = sqlite3.connect(path)
    try:
        counts = [raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("quotes", "quotes_fts", "awards", "award_people")]
    finally:
        raw.close()
    assert counts == [3, 3, 2, 5]

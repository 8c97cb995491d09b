"""build_timeline: a live blog's timestamped entries as the night's events.

The stamp cases give a blog and the ``(time, zone, stamp)`` of each entry in
time order; the kind cases read one invented blog of the 82nd Golden Globes
(2025) through the whole pipeline. People and films are invented.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressroom.extract.timeline import build_timeline
from pressroom.records import Award, Quote

P = pytest.param

STAMPS = [
    P("10:57 p.m. ET: The last award.\n\n10:41 p.m. ET: The one before.\n",
      [("22:41", "ET", "10:41 p.m. ET"), ("22:57", "ET", "10:57 p.m. ET")], id="p.m.-zone-colon"),
    P("8:01pm - Doors open.\n8:15pm - Lights down.\n",
      [("20:01", None, "8:01pm"), ("20:15", None, "8:15pm")], id="pm-dash"),
    P("21:45 GMT\nThe first envelope.\n\n22:10 GMT\nThe second envelope.\n",
      [("21:45", "GMT", "21:45 GMT"), ("22:10", "GMT", "22:10 GMT")], id="24-hour-zone"),
    P("21:45 GMT - The first envelope.\n22:10 GMT - The second envelope.\n",
      [("21:45", "GMT", "21:45 GMT"), ("22:10", "GMT", "22:10 GMT")], id="24-hour-zone-dash"),
    P("[9.31pm]\nA standing ovation.\n[9.40pm]\nA commercial break.\n",
      [("21:31", None, "[9.31pm]"), ("21:40", None, "[9.40pm]")], id="bracketed-dot"),
    P("8:00 PM\nThe orchestra tunes up.\n\nThe hall goes quiet.\n\n8:20 PM\nThe first winner walks up.\n",
      [("20:00", None, "8:00 PM"), ("20:20", None, "8:20 PM")], id="alone-on-its-line"),
    P("11:50 p.m. ET: The final envelope.\n12:15 a.m. ET: The after-parties begin.\n",
      [("23:50", "ET", "11:50 p.m. ET"), ("00:15", "ET", "12:15 a.m. ET")], id="past-midnight-after-evening"),
    P("9:05pm - A toast.\n9:20 - A speech runs long.\n9:45pm - A song.\n",
      [("21:05", None, "9:05pm"), ("21:20", None, "9:20"), ("21:45", None, "9:45pm")],
      id="bare-time-in-an-evening-blog"),
    P("21:45 GMT The first envelope.\n22:10 GMT The second envelope.\n",
      [("21:45", "GMT", "21:45 GMT"), ("22:10", "GMT", "22:10 GMT")], id="24-hour-zone-then-words"),
    P("[9.31pm] A standing ovation.\n[9.40pm] A commercial break.\n",
      [("21:31", None, "[9.31pm]"), ("21:40", None, "[9.40pm]")], id="bracketed-then-words"),
]




@pytest.mark.parametrize("text, expected", STAMPS)
def test_stamps(text, expected):
    events, _, _ = build_timeline(text, (), (), [])
    assert [(e.time, e.zone, e.stamp) for e in events] == expected


NO_TIMELINE = [
    P("8:01pm - The only entry of a short post.\nMore words follow it.\n", id="one-stamp"),
    P("The ceremony ran long and nobody minded.\n", id="no-stamp"),
    P("10.5 per cent of voters abstained.\n12.25 per cent more wanted a recount.\n", id="figures-at-line-heads"),
    P("The show starts at 8:00 PM and ends at 11:00 PM.\n", id="times-inside-lines"),
]


@pytest.mark.parametrize("text", NO_TIMELINE)
def test_no_timeline(text):
    quote = Quote("nobody minded", 0, 5)
    events, quotes, _ = build_timeline(text, (quote,), (), [])
    assert events == ()
    assert quotes == (quote,)  # untouched: no time


REVERSED = (
    "Live from the ballroom\n\n"
    "10:30 p.m. ET: The last envelope is opened.\n\n"
    "9:45 p.m. ET: Halfway through the winners.\n\n"
    "9:05 p.m. ET: The first winner walks up.\n\n"
    "8:00 p.m. ET: The lights go down.\n"
)


def test_reverse_chronological_blog_is_told_in_time_order():
    events, _, _ = build_timeline(REVERSED, (), (), [])
    assert [e.time for e in events] == ["20:00", "21:05", "21:45", "22:30"]
    assert [e.start for e in events] == sorted((e.start for e in events), reverse=True)


def test_an_entry_runs_from_its_stamp_to_the_next():
    events, _, _ = build_timeline(REVERSED, (), (), [])
    first, *_, last = events  # 8:00 is written last, 10:30 first
    assert REVERSED[first.start :].startswith("8:00 p.m. ET")
    assert first.end == len(REVERSED)
    assert REVERSED[last.start : last.end].strip() == "10:30 p.m. ET: The last envelope is opened."
    assert last.text == "The last envelope is opened."


def test_a_stamp_alone_on_its_line_heads_the_paragraphs_below_it():
    text = "8:00 PM\nThe orchestra tunes up.\n\nThe hall goes quiet.\n\n8:20 PM\nThe first winner walks up.\n"
    first, second = build_timeline(text, (), (), [])[0]
    assert first.text == "The orchestra tunes up. The hall goes quiet."
    assert second.text == "The first winner walks up."


def test_facts_carry_the_time_of_their_entry():
    said = REVERSED.index("Halfway")
    told = REVERSED.index("first winner")
    before = REVERSED.index("ballroom")
    quotes = (Quote("Halfway", said, said + 7), Quote("ballroom", before, before + 8))
    awards = (Award("Best Song", "Ada Quince", told, told + 12),)
    events, timed_quotes, timed_awards = build_timeline(REVERSED, quotes, awards, [])
    assert [q.time for q in timed_quotes] == ["21:45", None]  # before the first stamp: no time
    assert [a.time for a in timed_awards] == ["21:05"]
    assert [(e.time, e.award) for e in events if e.award] == [("21:05", "Best Song")]


# -- one blog read by the whole pipeline ------------------------------------------------------

NIGHT = """Golden Globes 2025 live blog

Ezra Moll said before the show, "I have no speech ready at all."

10:57 p.m. ET: That's the show. Host Wren Calloway signed off with a bow.

10:41 p.m. ET: Best Motion Picture - Drama goes to "Salt Orchard". Producer Dov Arkwright thanked his mother in a long acceptance speech.

10:12 p.m. ET: Tamsin Okafor and Jules Brightwater presented Best Director - Motion Picture to Ezra Moll.

9:50 p.m. ET: Backstage, Ezra Moll was asked about the shoot. "We froze for three months," he said.

9:31 p.m. ET: Onstage, Priya Vantongeren accepted her trophy with a speech. "This belongs to my sister," she said, holding the globe.

8:04 p.m. ET: Wren Calloway opens the show with a monologue about parking valets.

7:40 p.m. ET: Nell Ashgrove arrives on the red carpet wearing a silver gown.

7:15 p.m. ET: The ballroom doors are open and the seats are filling.
"""


@pytest.fixture(scope="module")
def night(extract_at):
    return extract_at(NIGHT)


def test_night_is_in_time_order(night):
    assert [e.time for e in night.timeline] == [
        "19:15", "19:40", "20:04", "21:31", "21:50", "22:12", "22:41", "22:57"]


@pytest.mark.parametrize(
    "time, kind",
    [
        ("19:15", "other"),
        ("19:40", "red-carpet"),
        ("20:04", "monologue"),
        ("21:31", "speech"),
        ("21:50", "quote"),
        ("22:12", "presentation"),
        ("22:41", "win"),
        ("22:57", "other"),
    ],
)
def test_entry_kinds(night, time, kind):
    (event,) = [e for e in night.timeline if e.time == time]
    assert event.kind == kind


def test_entries_name_their_people_and_award(night):
    by_time = {e.time: e for e in night.timeline}
    assert by_time["20:04"].people == ("Wren Calloway",)
    assert by_time["19:40"].people == ("Nell Ashgrove",)
    assert by_time["19:15"].people == ()
    assert by_time["22:41"].award == "best motion picture - drama"
    assert by_time["22:12"].award == "best director - motion picture"
    assert by_time["21:50"].award is None


@pytest.mark.parametrize(
    "said, time",
    [
        ("We froze for three months,", "21:50"),
        ("This belongs to my sister,", "21:31"),
        ("I have no speech ready at all.", None),  # the lede, before the first stamp
    ],
)
def test_quotes_carry_their_entry_time(night, said, time):
    (quote,) = [q for q in night.quotes if q.text == said]
    assert quote.time == time


def test_awards_carry_their_entry_time(night):
    times = {a.award: a.time for a in night.awards}
    assert times["best motion picture - drama"] == "22:41"
    assert times["best director - motion picture"] == "22:12"


def test_a_story_without_stamps_has_no_timeline(extract_at):
    result = extract_at('Ezra Moll won Best Director - Motion Picture. "We froze," he said.')
    assert result.timeline == ()
    assert all(q.time is None for q in result.quotes)
    assert all(a.time is None for a in result.awards)


# -- the development corpus -----------------------------------------------------------------

DEV_BLOG = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev" / "003_309b3a58ae026ecf.txt"
ET_STAMP = re.compile(r"(?m)^\d{1,2}:\d{2} p\.m\. ET:")


@pytest.mark.corpus
def test_dev_live_blog(nlp):
    if not DEV_BLOG.is_file():
        pytest.skip(f"the shared dev corpus is not at {DEV_BLOG.parent} (it sits beside the checkout in CI)")
    from pressroom.documents import read_text
    from pressroom.pipeline import extract_document

    text = DEV_BLOG.read_text(encoding="utf-8")
    result = extract_document(read_text(text, id=DEV_BLOG.stem), nlp)
    stamps = ET_STAMP.findall(text)
    assert len(stamps) > 50
    assert len(result.timeline) == len(stamps)
    times = [e.time for e in result.timeline]
    assert times == sorted(times)  # every stamp is p.m.: the night never crosses midnight
    assert times[0] == "18:02" and times[-1] == "22:57"
    first = min(e.start for e in result.timeline)
    inside = [q for q in result.quotes if q.start >= first]
    assert inside and all(q.time for q in inside)

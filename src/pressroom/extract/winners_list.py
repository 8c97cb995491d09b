"""Winners lists: a category at the head of a line, its winner after a separator
or on the lines below.

"Best Actor, Drama: Name, 'Work'"; "Best Picture - Title, Studio"; a category
alone on its line with its nominees below, the winner marked ("- WINNER",
"(won)") or the only one given. The other lines of the list are nominees. A
line the text cuts off mid-word gives no winner: its name may be cut.
"""
from __future__ import annotations

import re

from ..records import Mention
from ..resolve import known_first_name
from .claims import _Claim, _Reader, _first_of, _line_end
from .works import Title

_LIST_HEAD = re.compile(r"^[ \t\u2022*\-\d.)]*$")
_WINNER_MARK = re.compile(r"[\u2013\u2014\-(\[]\s*(?:winner|won)\s*[)\]]?\s*$|\((?:winner|won)\)", re.I)
_SEP = ":\u2013\u2014-,"


class WinnersList(_Reader):
    """Reads the claims whose category heads a line of a winners list."""

    def _from_list(self, claim: _Claim) -> bool:
        text, m = self.text, claim.mention
        line_start = text.rfind("\n", 0, m.start) + 1
        if not _LIST_HEAD.match(text[line_start : m.start]):
            return False
        line_end = _line_end(text, m.end)
        rest_at = m.end
        while rest_at < line_end and (text[rest_at] in _SEP or text[rest_at].isspace()):
            rest_at += 1
        if rest_at < line_end:
            if not (set(text[m.end : rest_at]) & set(_SEP)):
                return False  # the category runs on into a sentence: not a list line
            return self._list_entry(claim, rest_at, line_end, single=True)
        # the category alone on its line: its winner (or nominees) on the lines below
        lines = []
        pos = line_end + 1
        while pos < len(text) and len(lines) < 12:
            end = _line_end(text, pos)
            line = text[pos:end]
            if line.strip():
                if self._is_category_line(pos, end):
                    break
                lines.append((pos, end))
            elif lines:
                break
            pos = end + 1
        if not lines:
            return False
        marked = [(s, e) for s, e in lines if _WINNER_MARK.search(text[s:e])]
        if len(lines) == 1 or marked:
            win = marked[0] if marked else lines[0]
            ok = self._list_entry(claim, win[0], win[1], single=True)
            for s, e in lines:
                if (s, e) != win:
                    entry = self._entry_name(claim, s, e)
                    if entry is not None:
                        claim.nominees.append(entry)
            return ok
        for s, e in lines:
            entry = self._entry_name(claim, s, e)
            if entry is not None:
                claim.nominees.append(entry)
        return False

    def _is_category_line(self, start: int, end: int) -> bool:
        for m in self.mentions:
            if start <= m.start < end and _LIST_HEAD.match(self.text[start : m.start]):
                return True
        return False

    def _list_entry(self, claim: _Claim, start: int, end: int, *, single: bool) -> bool:
        text = self.text
        if _cut_off(text, end):
            return False  # the text stops in the middle of this line: its name may be cut
        end = _WINNER_MARK.sub("", text[start:end]).rstrip()
        end = start + len(end)
        if claim.kind == "person":
            name_end = _first_of(text, start, end, (",", " for ", " (", " \u2013 ", " \u2014 ", " - ", ":"))
            name = self._person(start, name_end)
            if name is None:
                return False
            claim.winner, claim.winner_at = name
            work = self._work_after(name_end, end)
            if work is not None:
                claim.work, claim.work_at = work.text, (work.start, work.end)
        else:
            title = self._title_entry(start, end)
            if title is None:
                return False
            claim.winner, claim.winner_at = title.text, (title.start, title.end)
        claim.confidence = 0.9
        return True

    def _title_entry(self, start: int, end: int) -> Title | None:
        """The work a list line gives: its quoted title, else the title after the
        people ("Name and Name, Title", "Name for Title"), else the line's head."""
        quoted = self.works.quoted_between(start, end + 1)
        if quoted:
            return quoted[0]
        text = self.text
        cut = _first_of(text, start, end, (" for ", ", ", " – ", " — ", " - "))
        head = text[start:cut].strip()
        if cut < end and text.startswith(", ", cut) and self._says_where(cut + 2, end):
            title = self.works.at(start, commas=False)  # "Title, France", "Title, Netflix"
            if title is not None and title.end <= cut:
                return title
        if cut < end and self._names_people(head):
            pos = cut + (5 if text.startswith(" for ", cut) else 2)
            title = self.works.at(pos)
            if title is not None and title.end <= end:
                return title
        title = self.works.at(start, commas=False)
        return title if title is not None and title.end <= end else None

    def _says_where(self, start: int, end: int) -> bool:
        """A country, a network or a studio: what follows a title in a winners list."""
        return any(e.label_ in ("GPE", "ORG", "NORP", "LOC") and e.start_char < end and start < e.end_char
                   and e.start_char >= start - 1 for e in self.doc.ents)

    def _names_people(self, head: str) -> bool:
        parts = [p.strip() for p in re.split(r"\s*(?:,|&|\band\b)\s*", head) if p.strip()]
        return bool(parts) and all(
            self.people.is_person(p) or (len(p.split()) >= 2 and known_first_name(p.split()[0]))
            for p in parts
        )

    def _entry_name(self, claim: _Claim, start: int, end: int) -> Mention | None:
        text = self.text
        if claim.kind == "person":
            name_end = _first_of(text, start, end, (",", " for ", " (", " \u2013 ", " \u2014 ", " - "))
            found = self._person(start, name_end)
            return Mention(found[0], *found[1]) if found else None
        title = self.works.at(start)
        return Mention(title.text, title.start, title.end) if title and title.end <= end else None

    def _work_after(self, pos: int, end: int) -> Title | None:
        text = self.text
        while pos < end and (text[pos] in ",(:\u2013\u2014-" or text[pos].isspace() or text[pos : pos + 4] == "for "):
            pos += 4 if text[pos : pos + 4] == "for " else 1
        title = self.works.at(pos)
        return title if title is not None and title.end <= end + 1 else None

    def _person(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        raw = self.text[start:end].strip()
        m = self.ctx.mention_in(start, end)
        if m is not None and m.kind == "name" and m.person:
            return m.person, (m.start, m.end)
        name = self.people.lookup(raw) or self.people.add(raw)
        if name is None:
            return None
        s = start + (len(self.text[start:end]) - len(self.text[start:end].lstrip()))
        return name, (s, s + len(raw))

    def _section_heading(self, pos: int) -> str:
        """The heading a winners list sits under ("Film winners", "TELEVISION")."""
        text, seen = self.text, 0
        while pos > 0 and seen < 40:
            start = text.rfind("\n", 0, pos - 1) + 1
            line = text[start : pos - 1].strip()
            pos, seen = start, seen + 1
            if not line:
                continue
            words = line.split()
            if len(words) <= 6 and not any(start <= m.start < start + len(line) + 1 for m in self.mentions) and (
                line.isupper() or line.endswith(":") or re.search(r"\b(?:winners|nominees|categories)\b", line, re.I)
            ):
                return line
        return ""


def _cut_off(text: str, end: int) -> bool:
    """The line ends where the whole text ends, mid-word: a snippet cut short."""
    rest = text[end:].strip()
    return not rest and bool(text.rstrip()) and text.rstrip()[-1].isalnum() and not text.endswith("\n")

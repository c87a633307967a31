"""A draft answer key for an article: spans a teacher is likely to mark, each with a reason.

Hand-written rules over the cues a teacher would name (`suggest_cues`), on the
article's shape (`suggest_parse`): no library, model or network. A library
was weighed and not taken: NLTK's sentence splitter needs `nltk.download`,
spaCy's English model is a 12 MB wheel from GitHub rather than PyPI and
tags about 10,000 words a second (too slow for 0.2 s per 10,000
characters), and pysbd only splits sentences, which news text needs least.
What decides a label here is a short list of words (may, said, according to)
and the marks around them (quotation marks, digits), which rules see exactly
and a student can be told about in the reason.

- `sourcing`: the attribution phrase itself ("said parks director Linda Okafor",
  "according to ...", "(via CBS News)", "reportedly", "City records show").
- `claim`: words in quotation marks, and reported, loaded or accusing statements.
- `speculation`: a clause with a hedge or modal verb (may, could, likely, if, "it is
  thought"), from the hedge's "that" onwards.
- `fact`: an unhedged, unattributed clause with checkable particulars (numbers, dates,
  names and places), or what a document (a report, records) is said to show.

Spans never overlap within a label and are trimmed as scoring.md trims them.
Time is linear in the length of the text: each paragraph, sentence and clause
is walked a bounded number of times.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from medialit.core import suggest_cues as cue
from medialit.core import suggest_reasons as why
from medialit.core.model import KeySpan, Label
from medialit.core.suggest_parse import (
    Range,
    clauses,
    meets,
    merged,
    paragraphs,
    quotations,
    sentences,
    subtract,
    word_count,
)
from medialit.core.text import trim

MAX_PHRASE = 200
MIN_WORDS = 4  # a clause shorter than this ("Okafor rejected that") is not suggested
ENDS_WITH_LEAD = re.compile(r"[,:]\s*[\"“„«'‘]?\s*$")
THAT = re.compile(r"\bthat\s+", re.I)
THAT_AFTER_VERB = re.compile(r"(?:,\s*\w+,\s*)?that\s+", re.I)  # "warn, however, that"
DIGIT = re.compile(r"\d")
# Whom someone told: a name ("the Eastbrook Gazette", "NBC News") or one word ("reporters").
TOLD_WHOM = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5}|\w+)")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A draft key span: half-open code-point offsets, a label, and why, for a student."""

    start: int
    end: int
    label: Label
    reason: str


def suggest(text: str) -> list[Suggestion]:
    """Draft key spans for `text` (canonical), in text order; [] when no cue is found."""
    found: list[Suggestion] = []
    for p_start, p_end in paragraphs(text):
        quotes = quotations(text, p_start, p_end)
        q = 0
        for s_start, s_end in sentences(text, p_start, p_end):
            while q < len(quotes) and quotes[q][1] <= s_start:
                q += 1
            inside, i = [], q
            while i < len(quotes) and quotes[i][0] < s_end:
                inside.append((max(quotes[i][0], s_start), min(quotes[i][1], s_end)))
                i += 1
            found.extend(_Sentence(text, s_start, s_end, inside).suggestions())
    return tidy(text, found)


def tidy(text: str, found: Iterable[Suggestion]) -> list[Suggestion]:
    """Trimmed as scoring.md trims, empty ones dropped, and within a label a span that
    overlaps an earlier one dropped; in text order."""
    kept: list[Suggestion] = []
    last_end: dict[Label, int] = {}
    trimmed = []
    for s in found:
        start, end = trim(text, s.start, s.end)
        if start < end:
            trimmed.append(Suggestion(start, end, s.label, s.reason))
    for s in sorted(trimmed, key=lambda s: (s.start, -s.end)):
        if s.start >= last_end.get(s.label, 0):
            kept.append(s)
            last_end[s.label] = s.end
    return sorted(kept, key=lambda s: (s.start, s.end, s.label.value))


def without_key_overlaps(
    suggestions: Iterable[Suggestion], key: Iterable[KeySpan]
) -> list[Suggestion]:
    """Suggestions that share no character with a key span of the same label."""
    by_label: dict[Label, list[Range]] = {}
    for k in key:
        by_label.setdefault(k.label, []).append((k.start, k.end))
    keyed = {label: merged(ranges) for label, ranges in by_label.items()}
    return [s for s in suggestions if not meets(keyed.get(s.label, []), s.start, s.end)]


class _Sentence:
    """One sentence's suggestions: quotations and attributions first, then the clauses
    left over, each labelled by its strongest cue."""

    def __init__(self, text: str, start: int, end: int, quotes: list[Range]) -> None:
        self.text, self.start, self.end = text, start, end
        self.quotes = quotes
        self.found: list[Suggestion] = []
        self.used: list[Range] = []
        self.according = "none"  # who the sentence's "according to" names: a document or person

    def add(self, start: int, end: int, label: Label, reason: str, *, consume: bool = True) -> None:
        """A suggestion; unless `consume` is false, its words are not labelled again."""
        if start < end:
            self.found.append(Suggestion(start, end, label, reason))
            if consume:
                self.used.append((start, end))

    def suggestions(self) -> list[Suggestion]:
        self._asides()
        self._quotations()
        self._attributions()
        for chunk in subtract(clauses(self.text, self.start, self.end), merged(self.used)):
            self._clause(*chunk)
        return self.found

    # -- quotations and who said them ----------------------------------------------------

    def _asides(self) -> None:
        """Sources that sit inside a statement: "(via X)", "according to X", "reportedly"."""
        text, start, end = self.text, self.start, self.end
        for m in cue.VIA.finditer(text, start, end):
            self.add(*m.span(1), Label.SOURCING, why.VIA_REASON)
        for m in cue.ACCORDING_TO.finditer(text, start, end):
            phrase_end = _phrase_end(text, m.end(), end)
            self.add(m.start(), phrase_end, Label.SOURCING, why.ACCORDING)
            self.according = _source_kind(text[m.end() : phrase_end])
        for m in cue.VAGUE_SOURCES.finditer(text, start, end):
            if not meets(self.quotes, m.start(), m.end()):
                self.add(*m.span(), Label.SOURCING, why.vague(m.group()), consume=False)
        for m in cue.AS_SAYS.finditer(text, start, end):
            self.add(*m.span(1), Label.SOURCING, why.says(text, *m.span(1)), consume=False)

    def _quotations(self) -> None:
        text, kept = self.text, []
        before = self.start
        asides = merged(self.used)
        for qs, qe in self.quotes:
            lead_start = _lead_start(text, before, qs, asides)
            lead = text[lead_start:qs]
            words = word_count(text, qs, qe)
            characterised = cue.CHARACTERISING.search(lead) is not None
            if words <= 2 and not characterised:
                before = qe
                continue  # a title or a scare quote ("Rust"): part of the sentence around it
            kept.append((qs, qe))
            self._lead_in(lead_start, qs, qe, characterised)
            before = qe
        self.quotes = kept

    def _lead_in(self, lead_start: int, qs: int, qe: int, characterised: bool) -> None:
        """The words before a quotation: who says it, or the start of the claim itself."""
        text = self.text
        lead = text[lead_start:qs]
        question = text[qs:qe].rstrip(" \"”'’").endswith("?")
        speaker = _speech_verb(lead) is not None
        if question or cue.QUESTIONING.search(lead):
            self.used.append((lead_start, qe))
            return
        link = cue.LEADING_LINK.match(text, lead_start, qs)
        lead_start = link.end() if link else lead_start
        verb = _speech_verb(text[lead_start:qs])
        if characterised or (speaker and ENDS_WITH_LEAD.search(lead)):
            self.add(lead_start, qs, Label.SOURCING, why.says(text, lead_start, qs))
            self.add(qs, qe, Label.CLAIM, why.claim_quote(characterised))
        elif verb and word_count(text, lead_start, lead_start + verb[0]) <= 14:
            v_end = lead_start + verb[1]  # 'Patel said the fund "will still be ..."'
            self.add(lead_start, v_end, Label.SOURCING, why.says(text, lead_start, v_end))
            self.add(v_end, qe, Label.CLAIM, why.REPORTED)
        elif cue.ACCUSING.search(lead) or (_has_words(lead) and not ENDS_WITH_LEAD.search(lead)):
            accusing = cue.ACCUSING.search(lead)
            reason = why.accusation(accusing.group()) if accusing else why.claim_quote(False)
            self.add(lead_start, qe, Label.CLAIM, reason)
        else:
            self.add(qs, qe, Label.CLAIM, why.claim_quote(False))

    def _attributions(self) -> None:
        taken = merged(self.used)
        for _qs, qe in self.quotes:
            self._tail(qe + 1, taken)
        self._intro()

    def _tail(self, at: int, taken: list[Range]) -> None:
        """After a quotation: ', said X, who ...' or ', X told Y.' or ', she said.'"""
        text = self.text
        stop = _phrase_end(text, at, self.end, stops=';:"“(')
        begin = at
        while begin < stop and (text[begin].isspace() or text[begin] in ",”\"'’"):
            begin += 1
        verb = _speech_verb(text[begin : min(stop, begin + 160)])
        if verb is None or meets(taken, begin, begin + 1):
            return
        v_start, v_end = begin + verb[0], begin + verb[1]
        if v_start == begin:  # "said Rosa Delgado, who has three children ..."
            self.add(begin, stop, Label.SOURCING, why.says(text, begin, stop))
        elif word_count(text, begin, v_start) <= 14:
            told = cue.TOLD.fullmatch(text[v_start:v_end]) is not None
            self.add(begin, stop if told else v_end, Label.SOURCING, why.says(text, begin, v_end))

    def _intro(self) -> None:
        """ "In the trailer for ...," before a main clause that reports what someone said."""
        text = self.text
        begin = self.start
        while begin < self.end and text[begin].isspace():
            begin += 1
        m = cue.INTRO_PHRASE.match(text, begin, self.end)
        main = clauses(text, m.end(), self.end)[0] if m else (0, 0)
        if m and cue.MEDIA_WORDS.search(m.group()) and cue.SAYING.search(text, *main):
            self.add(*m.span(), Label.SOURCING, why.INTRO_REASON)

    # -- the clauses left over ----------------------------------------------------------

    def _clause(self, start: int, end: int) -> None:
        text = self.text
        start, end = trim(text, start, end)
        lead = cue.LEADING_LINK.match(text, start, end)
        if lead:
            start = lead.end()
        if word_count(text, start, end) < MIN_WORDS or text[end : end + 1] == "?":
            return
        if meets(self.quotes, start, start + 1):
            return
        source = self.according
        after = cue.SAYS_AFTER.search(text, start, end)
        final = cue.CLAUSE_FINAL.search(text, start, end)
        if after:
            self.add(*after.span(1), Label.SOURCING, why.says(text, *after.span(1)))
            source, end = _source_kind(after.group(1)), after.start()
        elif final and _speech_verb(final.group(2)) and word_count(text, *final.span(1)) <= 6:
            s_start, s_end = final.span(1)
            self.add(s_start, s_end, Label.SOURCING, why.says(text, s_start, s_end))
            source = _source_kind(text[s_start : s_start + final.start(2) - final.start(1)])
            end = final.start()
        else:
            opener = cue.OPENER.match(text, start, end)
            subject_start = opener.end() if opener else start
            verb = _speech_verb(text[subject_start : min(end, subject_start + 160)])
            if verb and 1 <= word_count(text, subject_start, subject_start + verb[0]) <= 14:
                v_end = subject_start + verb[1]
                subject = text[subject_start : subject_start + verb[0]]
                if cue.TOLD.fullmatch(text, subject_start + verb[0], v_end):
                    v_end = _told_whom(text, v_end, end)
                if not cue.HEDGES.search(subject):
                    self.add(
                        subject_start, v_end, Label.SOURCING, why.says(text, subject_start, v_end)
                    )
                    source = _source_kind(subject)
                    that = THAT_AFTER_VERB.match(text, _skip_space(text, v_end), end)
                    start = that.end() if that else v_end
        self._label_content(start, end, source)

    def _label_content(self, start: int, end: int, source: str) -> None:
        text = self.text
        if word_count(text, start, end) < MIN_WORDS:
            return
        hedge = cue.HEDGES.search(text, start, end)
        if hedge and not (source == "person" and hedge.group().lower() == "would"):
            that = _last_that_before(text, start, hedge.start())
            if that > start and word_count(text, start, that) >= MIN_WORDS:
                self._label_content(start, that, source)
                start = that
            self.add(start, end, Label.SPECULATION, why.hedged(hedge.group()))
            return
        vague = cue.VAGUE_SOURCES.search(text, start, end)
        loaded = cue.ACCUSING.search(text, start, end) or cue.LOADED.search(text, start, end)
        particular = _particular(text, start, end)
        if vague:
            self.add(start, end, Label.CLAIM, why.reported_vaguely(vague.group()))
        elif loaded:
            self.add(start, end, Label.CLAIM, why.loaded(loaded.group()))
        elif source == "document":
            self.add(start, end, Label.FACT, why.DOCUMENT_FACT)
        elif source == "person" and not DIGIT.search(text, start, end):
            self.add(start, end, Label.CLAIM, why.REPORTED)
        elif particular:
            self.add(start, end, Label.FACT, why.checkable(*particular))


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _lead_start(text: str, floor: int, quote_start: int, asides: list[Range]) -> int:
    """Where the clause that runs into a quotation begins (after `floor` and after any
    source already found before the quotation; `asides` sorted and disjoint)."""
    i = bisect.bisect_right(asides, (quote_start, quote_start)) - 1
    begin = max(floor, asides[i][1]) if i >= 0 and asides[i][1] <= quote_start else floor
    for m in cue.CLAUSE_BREAK.finditer(text, begin, quote_start):
        begin = m.end()
    return begin


def _phrase_end(text: str, at: int, end: int, stops: str = ',;:()"“”') -> int:
    """Where an attribution phrase from `at` stops: at a stop character, or after at most
    `MAX_PHRASE` characters (a source is a few words; this keeps every walk short)."""
    limit = min(end, at + MAX_PHRASE)
    for i in range(at, limit):
        if text[i] in stops:
            return i
    return limit


def _speech_verb(words: str) -> tuple[int, int] | None:
    """The first speech verb in `words` that is a verb ("the paper says", not "a report")."""
    for m in cue.SPEECH.finditer(words):
        noun = cue.SPEECH.match(words, _skip_space(words, m.end()))  # "the report found"
        if not noun and not cue.NOT_A_SPEECH_ACT.search(words, 0, m.start()):
            return m.span()
    return None


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _told_whom(text: str, at: int, end: int) -> int:
    """The end of "told <whom>": "told reporters", "told the Eastbrook Gazette", "told us"."""
    m = TOLD_WHOM.match(text, at, end)
    return m.end() if m else at


def _source_kind(subject: str) -> str:
    return "document" if cue.DOCUMENTS.search(subject) else "person"


def _last_that_before(text: str, start: int, at: int) -> int:
    found = start
    for m in THAT.finditer(text, start, at):
        found = m.end()
    return found


def _particular(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The first checkable particular in text[start:end]: (kind, the words)."""
    m = cue.PARTICULARS.search(text, start, end)
    if m:
        kind = "number" if m.group()[:1].isdigit() or m.group()[:1] in "$€£¥" else "detail"
        return kind, m.group()
    for name in cue.NAME.finditer(text, start + 1, end):
        if name.group() not in cue.NOT_NAMES:
            return "name", name.group()
    return None

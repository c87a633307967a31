"""The words a teacher points at when drafting a key: the suggester's cue lists, as data.

Hand-written and English: a cue the lists miss is simply not suggested, so an
article in another language gets what language-free cues find (quotation
marks, digits) and never an error. Every regex here is built from alternations of
literal words, bounded character classes and bounded repeats of those (the
attribution patterns), run with `search`/`finditer`/`match` over one clause at a
time, so matching stays linear in the length of the text. `suggest` keeps only the
patterns of a clause's grammar (a "that", whom someone told).
"""

from __future__ import annotations

import re


def _words(words: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the comma-separated `words` (phrases
    allowed) as whole words, longest first."""
    phrases = {w.strip() for w in words.split(",") if w.strip()}
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(reversed(alternatives)) + r")(?![\w'’-])", re.I)


# Speculation: modal verbs, hedges and guesses ("it is thought").
HEDGES = _words(
    """may, might, could, would, appears, appear, appeared, seems, seem, seemed, seemingly,
    apparently, likely, unlikely, possibly, possible, potentially, perhaps, probably,
    presumably, supposedly, suggests, suggest, suggested, hint, hints, hinted, expected to,
    believed to, thought to, hopes to, hope to, hoped to, predicted, predicts, predict,
    it is thought, it is believed, it is feared, it is hoped, it is unclear, is thought,
    are thought, is believed, are believed, think, thinks, believe, believes, worry, worries,
    fear, fears, feared, speculated, speculate, if, unless"""
)

# Claim: words that judge or stir feelings, and verbs of accusing or insisting.
LOADED = _words(
    """stunning, shocking, shocked, absolutely, incredibly, incredible, tragic, horrific,
    horrible, bizarre, of course, worst, best, greatest, disaster, disastrous, destroying,
    destroy, destroyed, outrageous, ridiculous, amazing, terrible, awful, appalling, huge,
    massive, crisis, scandal, simply, clearly, obviously, undoubtedly, truly, totally,
    far too, lax, reckless, failure, failing, shameful, unfair, unacceptable, disgraceful,
    brilliant, perfect, stunned, incredulously, emphatic, extraordinary, remarkable,
    dramatic, devastating, heartbreaking, top stories, one of the most"""
)
ACCUSING = _words(
    """accused, accuses, accusing, blamed, blames, alleged, alleges, denied, denies,
    insisted, insists, claimed, claims, slammed, criticized, criticised, condemned"""
)
# Reported questions: what someone asks is not a claim they make.
QUESTIONING = re.compile(r"\b(?:asks|asked|asking|wonders|wondered)\b", re.I)
# Calling something "X": the quoted words are a description someone chose.
CHARACTERISING = _words(
    "called, calls, calling, described, describes, dubbed, labelled, labeled, branded, termed"
)

# Sourcing: who says so. A verb right after a determiner or "was" is not a speech act
# ("a report by", "was found").
SPEECH = _words(
    """said, says, say, told, tells, tell, added, adds, explained, explains, wrote, writes,
    insisted, insists, argued, argues, noted, notes, warned, warns, warn, recalled,
    responded, responds, replied, replies, admitted, admits, claimed, claims, stated,
    states, announced, announces, reported, reports, report, show, shows, showed, found,
    finds, confirmed, confirms, revealed, reveals, concluded, concludes, pointed out,
    points out"""
)
NOT_A_SPEECH_ACT = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|his|her|their|its|our|own|new|was|were|is|are|"
    r"be|been|being|to|not|never|did|does|do|will|would|could|can|may|might|n't)\s+)$",
    re.I,
)
TOLD = re.compile(r"told|tells|tell", re.I)
# ", says Omar Haddad, who runs a bakery." closing a statement: the speaker after the verb.
SAYS_AFTER = re.compile(
    r",\s+((?:says|said|adds|added|explains|explained|writes|wrote|insists|insisted|warns|warned)"
    r"\s+[^;\n]{1,120}?)\s*[.!?]?\s*$",
    re.I,
)
# ", as the mayor says,": the speaker set inside the statement.
AS_SAYS = re.compile(r",\s+(as\s+[^,;\n]{1,60}?\s+(?:claims|says|said|puts it|notes))\s*,", re.I)
# ", officials said." / ", the paper says" / ", Okafor said on Monday." at the end of a clause.
CLAUSE_FINAL = re.compile(
    r",\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+\s+([a-z]+))"
    r"(?:\s+(?:on|in|at|last|this|yesterday|today|earlier|after)\b[^,;\n]{0,40}?)?\s*[.!?]?\s*$",
    re.I,
)
# Subjects that are documents, not people: what they report is checked like any statement.
DOCUMENTS = _words(
    """report, reports, records, record, study, studies, data, figures, paper, papers,
    survey, documents, document, analysis, research, review, audit, statistics, census,
    minutes, filing"""
)
VAGUE_SOURCES = _words("reportedly, allegedly, reports say, sources say, it is reported")
ACCORDING_TO = re.compile(r"(?<![\w])according\s+to\b", re.I)
VIA = re.compile(r"\(\s*(via\s[^()\n]{1,120}?)\s*\)", re.I)
# "In the trailer for ...," / "In a statement," before a main clause that reports speech.
MEDIA_WORDS = _words(
    """clip, clips, trailer, trailers, interview, interviews, statement, statements, video,
    videos, post, posts, tweet, tweets, report, letter, email, broadcast, episode, podcast,
    documentary, footage, speech, memo, press release, filing"""
)
INTRO_PHRASE = re.compile(r"(?:in|from|during)\s[^,;:\"“”\n]{3,160}?(?=,\s)", re.I)
SAYING = _words(
    """says, said, calls, called, claims, claimed, makes a, made a, makes an, made an, tells,
    told, admits, admitted, reveals, revealed, describes, described, insists, insisted,
    denies, denied"""
)

# Fact: checkable particulars.
MONTHS = "january february march april may june july august september october november december"
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion half dozen"
)
PARTICULARS = re.compile(
    r"\d[\d,.]*\d|\d"
    r"|[$€£¥%]"
    r"|(?<![\w-])(?:" + "|".join(MONTHS.split()[:4] + MONTHS.split()[5:]) + r")(?![\w-])"
    r"|\bMay\s+\d"  # "May" the month only with a day or year; otherwise it is a hedge
    r"|(?<![\w-])(?:" + "|".join(WEEKDAYS.split() + NUMBER_WORDS.split()) + r")(?![\w-])"
    r"|\b(?:yesterday|today|tonight|tomorrow|last\s+(?:week|month|year|season|night)"
    r"|next\s+(?:week|month|year)|this\s+(?:week|month|year))\b",
    re.I,
)
# A capitalised word that is not the first of its clause: a name, place or named event.
NAME = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’.-]*[a-z]")
NOT_NAMES = frozenset({"I", "I'm", "I've", "I'd", "I'll"})

# Clause boundaries inside a sentence: the conjunction stays with the clause it opens.
CLAUSE_BREAK = re.compile(
    r";\s+|,[\"”’']?\s+(?=(?:and|but|or|though|although|whereas|with|so|yet|which|both of which)\b)"
    r"|\s+[—–]\s+",
    re.I,
)
# Words that open a clause before its subject ("For now, officials say ...").
OPENER = re.compile(
    r"^(?:(?:for now|however|meanwhile|now|today|yesterday|on \w+|since then|in \d+|last \w+"
    r"|this \w+|but|and|so|also)\s*,?\s+)+",
    re.I,
)
LEADING_LINK = re.compile(r"(?:and|but|or|so|yet|though|although|whereas|with|as)\s+(?=\S)", re.I)
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """dr mr mrs ms prof st jr sr vs etc gen gov sen rep lt col sgt capt mt ft inc ltd co corp
    dept fig jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m e.g i.e u.s u.k""".split()  # noqa: SIM905
)

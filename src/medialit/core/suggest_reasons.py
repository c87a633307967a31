"""Why a span is suggested, in words a 14-year-old can read: each becomes the draft
explanation the teacher edits, so it names the very word that was the cue."""

from __future__ import annotations

QUOTE_CHARS = 40


def quoted(text: str, start: int, end: int) -> str:
    """The words of text[start:end] on one line: whole words, about 40 characters, then "…"."""
    words = text[start : min(end, start + 4 * QUOTE_CHARS)].split()
    shown = ""
    for word in words:
        if shown and len(shown) + len(word) >= QUOTE_CHARS:
            return shown + " …"
        shown = f"{shown} {word}" if shown else word
    return shown.rstrip(".,;:")  # the reason's own full stop follows: no "Okafor."."


VIA_REASON = '"Via" names where the writer found this, so you can go and look at the original.'
ACCORDING = '"According to" tells you where this information comes from. Ask: would they know?'
INTRO_REASON = (
    "This tells you where the words come from. A clip or trailer is short and edited, "
    "so some of what was said may be missing."
)
REPORTED = "The article tells you what someone said, but it gives no proof. So it is their claim."
DOCUMENT_FACT = (
    "This is what a document (a report, records or a study) says. You could read that "
    "document and check it yourself."
)


def says(text: str, start: int, end: int) -> str:
    return f'This tells you who said it, or where it comes from: "{quoted(text, start, end)}".'


def claim_quote(characterised: bool) -> str:
    if characterised:
        return (
            "These words in quotation marks are how one person chose to describe it. "
            "You cannot check a description."
        )
    return (
        "These are someone's own words in quotation marks. The article shows that they said "
        "it, not that it is true."
    )


def accusation(word: str) -> str:
    return f'"{word}" shows someone blames or denies. They say so, but where is the proof?'


def vague(word: str) -> str:
    return f'"{word}" says someone reported this, but not who: a source with no name.'


def reported_vaguely(word: str) -> str:
    return f'"{word}" means someone said this, but the article does not say who. It gives no proof.'


def loaded(word: str) -> str:
    return (
        f'Strong words like "{word}" give an opinion or a feeling, not something you could check.'
    )


def hedged(word: str) -> str:
    return f'"{word}" shows this is a guess about what might be true or might happen, not a known fact.'


def checkable(kind: str, words: str) -> str:
    what = {"number": "a number", "detail": "a date or an amount", "name": "a name or a place"}
    return (
        f'This states what happened with details you could check, such as {what[kind]}: "{words}".'
    )

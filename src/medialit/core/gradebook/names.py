"""Matching the names students type to the names on the roster.

Students type their names on a school laptop: "daniel okafor", "Okafor, Daniel",
"Zoe Angstrom" for "Zoë Ångström", two spaces. `name_key` folds all of that away
(case, accents, punctuation, spacing and the order of the names), so such names match
by themselves. A name that is only *close* ("Dan Okafor" for "Daniel Okafor") is
never matched on its own: `proposals` ranks roster names by `rapidfuzz`'s token-sort
ratio for the teacher to confirm; a confirmed link is kept by student id
(`store.roster.link`). Pure: no Store, no I/O.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz, process

from medialit.core.text import PLAIN_LETTERS

PROPOSE_FROM = 80.0  # token-sort ratio (0-100) at or above which a roster name is proposed
MAX_PROPOSALS = 3

T = TypeVar("T")


def name_key(name: str) -> str:
    """`name` for matching: accents off (NFKD without combining marks, and ł ø đ ħ ı æ œ
    as plain letters: "Soren" is Søren), case folded, punctuation as spaces, the words
    sorted, so "Okafor,  Daniel" == "daniel okafor"."""
    letters = "".join(ch if ch.isalnum() else " " for ch in _unmarked(name))
    return refold(letters.casefold())


def refold(key: str) -> str:
    """A key as `name_key` makes it now. Keys the teacher confirmed are stored; those made
    before ł ø đ ħ ı æ œ were read as plain letters still hold ("kierkegaard søren")."""
    return " ".join(sorted(key.translate(PLAIN_LETTERS).split()))


def fold(text: str) -> str:
    """`text` as a search box compares it: case folded and accents off (NFKD without
    combining marks, and ł ø đ ħ ı æ œ as plain letters), word order and punctuation
    kept, so "zoe mar" is found in "Zoë Martín" and "lukasz" in "Łukasz Żółw"."""
    return _unmarked(text.casefold().translate(PLAIN_LETTERS))


def _unmarked(text: str) -> str:
    """`text` with its accents off: NFKD, without the combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Proposal:
    """A roster entry whose name is close to a submitter's, for the teacher to confirm."""

    name: str  # the submitter's name as typed
    entry: object  # the roster entry (whatever the caller passed in)
    entry_name: str
    similarity: float  # 0-100


def proposals(
    name: str,
    entries: Sequence[T],
    names: Sequence[str],
    *,
    limit: int = MAX_PROPOSALS,
    equal: bool = False,
) -> list[Proposal]:
    """Roster entries (`entries`, named `names`, in step) whose names are close to `name`,
    the closest first; never applied by themselves. An equal name is a match, not a
    proposal, unless `equal`: for a submitter the name did not place (another class, or
    two roster students of that name), the entries of that very name come first."""
    key = name_key(name)
    if not key:
        return []
    keys = [name_key(n) for n in names]
    found = process.extract(
        key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=PROPOSE_FROM, limit=None
    )
    return [
        Proposal(name, entries[index], names[index], float(similarity))
        for _key, similarity, index in found
        if equal or keys[index] != key
    ][:limit]

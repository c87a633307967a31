"""Why a file was not imported, in words a teacher reads: the import report says "the file
is cut off or is not valid JSON (line 38)", not Python's "Unterminated string starting at:
line 38 column 13 (char 1234)". The readers' messages are precise for a programmer; this
rewrites the ones a teacher cannot act on and leaves the rest (which name their field)."""

from __future__ import annotations

import re

_JSON = re.compile(r"^not valid JSON: (?P<what>[^:]*)(?::.*?line (?P<line>\d+))?")
_UTF8 = re.compile(r"^not UTF-8 text \(byte (?P<byte>\d+)\)")
_FOUND = re.compile(r"^expected a JSON object, found (?P<kind>\w+)")
_KINDS = {"list": "a list", "str": "some text", "int": "a number", "float": "a number"}


def plain_reason(reason: str) -> str:
    """`reason` as a teacher should read it (unchanged when it is already plain)."""
    m = _JSON.match(reason)
    if m:
        what, line = m.group("what"), m.group("line")
        where = f" (line {line})" if line else ""
        if what.startswith("Expecting value") and line == "1":
            return "the file is not a medialit submission: it is not JSON at all"
        if what.startswith("Extra data"):
            return f"there is more after the end of the submission{where}: the file was changed"
        if what.startswith("Invalid control character"):
            return f"the file has a character that JSON does not allow{where}"
        if "too many digits" in reason:
            return "the file has a number far too long to be a real one"
        return f"the file is cut off or is not valid JSON{where}"
    m = _UTF8.match(reason)
    if m:
        return (
            f"the file is not saved as UTF-8 text (byte {m.group('byte')}): it was changed by "
            "another program; ask the student to submit again from medialit"
        )
    m = _FOUND.match(reason)
    if m:
        return f"the file is not a medialit submission: it holds {_KINDS.get(m.group('kind'), 'something else')}"
    if reason.startswith("JSON is nested too deeply"):
        return "the file is nested far too deeply to be a medialit submission"
    if reason.startswith("format: is 'medialit-lesson'"):
        return "this is a lesson file, not a student's submission"
    return reason

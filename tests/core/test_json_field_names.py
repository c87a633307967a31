"""A field named with control characters is named in one printable line (the window's import and
`medialit score` then say the same; hypothesis found a key of "\\r" and one of "\\x1e")."""

import json

import pytest

from medialit.core.errors import FileFormatError
from medialit.core.jsonfile import parse_json_text


@pytest.mark.parametrize(
    ("key", "shown"), [("\r", "?"), ("\x1e", "?"), ("a\nb", "a?b"), ("\x85", "?")]
)
def test_a_control_character_in_a_key_is_shown_as_a_question_mark(key: str, shown: str) -> None:
    text = '{"spans": [{"start": {' + json.dumps(key) + ": Infinity}}]}"
    with pytest.raises(FileFormatError) as info:
        parse_json_text(text, "fuzz.json")
    message = str(info.value)
    assert message.isprintable() and len(message.splitlines()) == 1, repr(message)
    assert f"spans[0].start.{shown}: " in message and "Infinity is not allowed" in message

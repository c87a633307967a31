"""Plurals: every "N thing" a user reads agrees with N, through the one helper (core.wording).

"1 spans" and "2 span(s)" are what a 14-year-old notices first. The source is
read as Python (string constants and f-string parts), so a comment or a
docstring saying "(s)" is no error but a message is.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "medialit"
WORD_S = re.compile(r"[A-Za-z]\(s\)")


def _messages(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants that are not docstrings, with their line numbers."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_message_says_thing_s() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for line, text in _messages(ast.parse(path.read_text(encoding="utf-8"))):
            if WORD_S.search(text):
                found.append(f"{path.relative_to(SRC)}:{line}: {text!r}")
    assert not found, "use core.wording.plural:\n" + "\n".join(found)


def test_there_is_one_plural_helper() -> None:
    defined = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path in sorted(SRC.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and "plural" in node.name
    ]
    assert defined == ["core/wording.py:" + defined[0].split(":")[1]], defined


def test_the_check_finds_a_thing_s() -> None:
    tree = ast.parse('def f():\n    """Counts file(s)."""\n    return f"{n} span(s) left"\n')
    assert [WORD_S.search(text) is not None for _, text in _messages(tree)] == [True]

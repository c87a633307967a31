"""List every assertion in the tests, keyed by test name, to compare two commits (not a test).

A structural change may move a test or change its imports, never what it asserts:
the output of this script must be identical before and after. Each line is a test
function (or helper) name and one `assert` statement or `pytest.raises(...)`/`match=`
call, normalised by `ast.unparse`, sorted, so a test moved between files still matches.

    python tests/tools/assertions.py > assertions.txt
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def assertions(tree: ast.AST) -> list[str]:
    out: list[str] = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Assert) or (
                isinstance(node, ast.Call)
                and ast.unparse(node.func).endswith(
                    ("pytest.raises", "pytest.warns", "pytest.approx")
                )
            ):
                out.append(f"{func.name}: {ast.unparse(node)}")
    return out


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    lines: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "tools" in path.relative_to(root).parts:
            continue
        lines.extend(assertions(ast.parse(path.read_text(encoding="utf-8"))))
    print("\n".join(sorted(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

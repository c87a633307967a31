"""ARCHITECTURE.md stays true: every module is on the code map, and imports flow one way."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "medialit"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_is_on_the_code_map(path: Path) -> None:
    codemap = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    rel = path.relative_to(PACKAGE).as_posix()
    assert f"`{rel}`" in codemap or f"`{path.name}`" in codemap, f"{rel} is not in ARCHITECTURE.md"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    rel = path.relative_to(PACKAGE).as_posix()
    imports = _imports(path)
    if rel.startswith("core/"):
        assert not {m for m in imports if m.startswith(("medialit.gui", "medialit.cli"))}
        assert not {m for m in imports if m.startswith(("PySide6", "shiboken6"))}
    if rel.startswith("gui/"):
        assert "medialit.cli" not in imports

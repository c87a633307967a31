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


FLOWS = (
    "span_edits",
    "navigation",
    "lesson_flow",
    "student_flow",
    "submit_flow",
    "review_flow",
    "actions",
)


@pytest.mark.parametrize("flow", FLOWS)
def test_no_flow_imports_the_window(flow: str) -> None:
    """Flows type against gui.flow_host.FlowHost, not MainWindow (not even under TYPE_CHECKING)."""
    assert "medialit.gui.main_window" not in _imports(PACKAGE / "gui" / f"{flow}.py")


# Modules of the student window that may hold the store, and why: the session writes;
# start-up and recovery open it; the backup menu acts on the whole file; the window hands it to the
# teacher menu (gui.teacher), which has its own `Desk`.
STORE_HOLDERS = {"session.py", "app.py", "recovery.py", "backup_menu.py", "main_window.py"}


@pytest.mark.parametrize("path", sorted((PACKAGE / "gui").glob("*.py")), ids=lambda p: p.name)
def test_student_widgets_reach_the_store_only_through_the_session(path: Path) -> None:
    """No student widget or flow touches `.store`: edits, names, lessons and preferences are
    the session's to write (`Session.apply`, its own methods, `Session.prefs`)."""
    tree = ast.parse(path.read_text("utf-8"))
    touches = [
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "store"
    ]
    if path.name == "main_window.py":
        assert len(touches) == 1  # install_teacher_menu(self, session.store)
    elif path.name not in STORE_HOLDERS:
        assert touches == [], f"{path.name} lines {touches}"

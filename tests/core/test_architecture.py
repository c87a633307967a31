"""ARCHITECTURE.md stays true: every module is on the code map, imports stay within what
its row allows, there is no import cycle, and imports flow one way."""

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

from tests.imports_graph import cycles, graph, imports, modules, packages

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "medialit"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))
ALL_MODULES = modules()  # dotted name -> path, package __init__s with code included
KNOWN = set(ALL_MODULES) | packages()

# -- the code map's grammar ------------------------------------------------------------------

THIRD_PARTY = {"PySide6": "Qt", "shiboken6": "Qt", "sqlite_utils": "sqlite-utils"}


def _dependencies() -> set[str]:
    """The packages pyproject.toml says medialit depends on, by name (PySide6 is `Qt`)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        declared = tomllib.load(f)["project"]["dependencies"]
    names = {re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0].lower() for d in declared}
    return {"Qt" if n.startswith("pyside6") else n for n in names}


WORDS = {"stdlib"} | _dependencies()  # besides module paths
ROW = re.compile(r"^\|\s*`(medialit(?:\.\w+)*)`\s*\|.*\|([^|]*)\|\s*$")
ENTRY = re.compile(r"^(?:`(?P<path>medialit(?:\.\w+)*)`|(?P<word>[\w-]+))(?P<lazily> lazily)?$")


def codemap() -> dict[str, list[tuple[str, bool]]]:
    """module -> its "may import" entries: (a module path or a word, lazily only)."""
    rows: dict[str, list[tuple[str, bool]]] = {}
    for line in (ROOT / "ARCHITECTURE.md").read_text("utf-8").splitlines():
        found = ROW.match(line)
        if not found:
            continue
        module, cell = found[1], found[2].strip()
        assert module not in rows, f"{module} has two rows"
        entries = []
        for raw in [] if cell == "nothing" else [e.strip() for e in cell.split(",")]:
            entry = ENTRY.match(raw)
            assert entry, f"{module}: cannot read {raw!r} (a `module.path`, a word, + lazily)"
            token = entry["path"] or entry["word"]
            assert entry["path"] in KNOWN or token in WORDS, f"{module}: unknown {raw!r}"
            entries.append((token, bool(entry["lazily"])))
        rows[module] = entries
    return rows


CODEMAP = codemap()


def token_of(target: str) -> str:
    """What a row must name to allow importing `target`."""
    top = target.split(".")[0]
    if top == "medialit":
        return target
    if top in sys.stdlib_module_names:
        return "stdlib"
    return THIRD_PARTY.get(top, top)


def allows(entry: str, token: str) -> bool:
    if not entry.startswith("medialit"):
        return entry == token
    return token == entry or (entry != "medialit" and token.startswith(entry + "."))


@pytest.mark.parametrize("module", sorted(ALL_MODULES))
def test_every_module_is_on_the_code_map(module: str) -> None:
    assert module in CODEMAP, f"{module} is not in ARCHITECTURE.md's code map"


def test_every_row_of_the_code_map_is_a_module() -> None:
    assert sorted(set(CODEMAP) - set(ALL_MODULES)) == []


@pytest.mark.parametrize("module", sorted(ALL_MODULES))
def test_imports_stay_within_the_code_map(module: str) -> None:
    """Each import is allowed by the module's row; a deferred one (in a function or under
    TYPE_CHECKING) also by a `lazily` entry, one made when the module loads never."""
    entries = CODEMAP.get(module, [])
    wrong = []
    for found in imports(ALL_MODULES[module], KNOWN):
        token = token_of(found.target)
        if token == module:
            continue
        deferred = found.lazily or found.type_only
        if not any(allows(e, token) and (deferred or not lazy) for e, lazy in entries):
            wrong.append(f"line {found.line}: {found.target}" + (" (deferred)" if deferred else ""))
    assert wrong == [], f"{module} imports what its row does not allow"


@pytest.mark.parametrize("module", sorted(m for m in CODEMAP if m.startswith("medialit.core")))
def test_no_core_row_allows_the_gui_the_cli_or_qt(module: str) -> None:
    tokens = {e for e, _ in CODEMAP[module]}
    assert not {t for t in tokens if t == "Qt" or t.startswith(("medialit.gui", "medialit.cli"))}


def test_the_grammar_reads_what_it_should_and_refuses_the_rest() -> None:
    assert ENTRY.match("`medialit.gui.review` lazily")["lazily"]
    assert ENTRY.match("sqlite-utils")["word"] == "sqlite-utils"
    assert not ENTRY.match("`gui.review`")  # a bare path, not a full module path
    assert allows("medialit.core", "medialit.core.model")
    assert allows("medialit.core.teacher", "medialit.core.teacher.packs")
    assert not allows("medialit.core.model", "medialit.core.modelling")
    assert not allows("medialit", "medialit.gui.app")  # the root allows only itself


def test_no_import_cycle_in_src() -> None:
    """TYPE_CHECKING and function-level imports count too."""
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


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
    "edge_actions",
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

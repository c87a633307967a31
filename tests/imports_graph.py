"""medialit's import graph, read from the source with `ast` (no import is run).

Shared by `tests/core/test_architecture.py` (ARCHITECTURE.md's code map and the
no-cycle rule) and anyone who wants the graph (`python -m tests.imports_graph`
prints it). Every import counts: at module level, under `if TYPE_CHECKING:`, and
inside a function ("lazily"); `from X import Y` is an import of `X.Y` when that
is a module of medialit, else of `X`.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"


@dataclass(frozen=True, slots=True)
class Import:
    target: str  # a dotted module name (medialit's own resolved to the module)
    lazily: bool  # inside a function: loaded when it runs, not when the module is
    type_only: bool  # under `if TYPE_CHECKING:`
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _only_a_docstring(tree: ast.Module) -> bool:
    body = tree.body
    return all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body)


def modules() -> dict[str, Path]:
    """Every module of medialit, by dotted name (a package's `__init__` only if it has code)."""
    found = {}
    for path in sorted((SRC / "medialit").rglob("*.py")):
        if path.name == "__init__.py" and _only_a_docstring(ast.parse(path.read_text("utf-8"))):
            continue
        found[module_name(path)] = path
    return found


def packages() -> set[str]:
    return {module_name(p) for p in (SRC / "medialit").rglob("__init__.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path, known: set[str]) -> list[Import]:
    """What the module at `path` imports; `known`: medialit's modules and packages."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[Import] = []

    def visit(node: ast.AST, lazily: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True, type_only)
            elif isinstance(child, ast.If) and _is_type_checking(child):
                for part in child.body:
                    visit(ast.Module(body=[part], type_ignores=[]), lazily, True)
                for part in child.orelse:
                    visit(ast.Module(body=[part], type_ignores=[]), lazily, type_only)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    out.append(Import(alias.name, lazily, type_only, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parent, *([base] if base else [])])
                if base == "__future__":
                    continue
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    target = sub if sub in known else base
                    out.append(Import(target, lazily, type_only, child.lineno))
            else:
                visit(child, lazily, type_only)

    visit(ast.parse(path.read_text("utf-8")), False, False)
    return out


def graph() -> dict[str, set[str]]:
    """medialit module -> the medialit modules it imports (every kind of import)."""
    mods = modules()
    known = set(mods) | packages()
    return {
        name: {i.target for i in imports(path, known) if i.target in mods and i.target != name}
        for name, path in mods.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            connect(v)
    return found


def main() -> int:
    edges = graph()
    for name in sorted(edges):
        print(f"{name} -> {', '.join(sorted(edges[name])) or '(nothing of medialit)'}")
    print(f"{len(edges)} modules, {sum(map(len, edges.values()))} edges, cycles: {cycles(edges)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

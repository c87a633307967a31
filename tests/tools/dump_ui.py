"""Dump both windows' menus, actions, shortcuts and toolbars to text (not a test).

A structural change must leave this output identical: run it on the parent commit
and on the change, and diff the two. It drives the real windows offscreen in a few
states (a student window before and after labelling a span; a teacher window with
no lesson and with one), and lists for each: the menu bar (recursively), the
toolbars, the right-click menu, every QAction and QShortcut the window owns.

    QT_QPA_PLATFORM=offscreen python tests/tools/dump_ui.py > ui.txt
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar, QWidget


def keys(action: QAction) -> str:
    return ", ".join(
        k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()
    )


def describe(action: QAction) -> str:
    if action.isSeparator():
        return "----"
    parts = [
        repr(action.text()),
        f"name={action.objectName()!r}",
        f"keys=[{keys(action)}]",
        f"context={action.shortcutContext().name}",
        f"enabled={action.isEnabled()}",
        f"visible={action.isVisible()}",
    ]
    if action.isCheckable():
        parts.append(f"checked={action.isChecked()}")
    if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
        parts.append(f"tip={action.toolTip()!r}")
    if action.statusTip():
        parts.append(f"status={action.statusTip()!r}")
    if action.whatsThis():
        parts.append(f"whatsthis={action.whatsThis()!r}")
    parts.append(f"icon={not action.icon().isNull()}")
    return " ".join(parts)


def walk_menu(menu: QMenu, depth: int) -> Iterator[str]:
    pad = "  " * depth
    yield f"{pad}menu {menu.title()!r} name={menu.objectName()!r} enabled={menu.isEnabled()}"
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from walk_menu(sub, depth + 1)
        else:
            yield f"{pad}  {describe(action)}"


def dump_window(title: str, window: QMainWindow) -> Iterator[str]:
    yield f"=== {title}: {type(window).__name__} {window.objectName()!r} {window.windowTitle()!r}"
    yield "-- menu bar"
    for action in window.menuBar().actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from walk_menu(sub, 1)
        else:
            yield f"  {describe(action)}"
    for toolbar in sorted(window.findChildren(QToolBar), key=lambda t: t.objectName()):
        yield f"-- toolbar {toolbar.windowTitle()!r} name={toolbar.objectName()!r}"
        for action in toolbar.actions():
            yield f"  {describe(action)}"
    yield "-- actions added to the window"
    for action in window.actions():
        yield f"  {describe(action)}"
    yield "-- every QAction the window owns (sorted)"
    for line in sorted(describe(a) for a in window.findChildren(QAction)):
        yield f"  {line}"
    yield "-- QShortcuts"
    for line in sorted(
        f"{s.key().toString(QKeySequence.SequenceFormat.PortableText)} "
        f"enabled={s.isEnabled()} parent={s.parent().objectName()!r}"
        for s in window.findChildren(QShortcut)
    ):
        yield f"  {line}"


def context_menu(window: QMainWindow, view: QWidget) -> Iterator[str]:
    view.customContextMenuRequested.emit(QPoint(5, 5))
    QApplication.processEvents()
    menus = [m for m in window.findChildren(QMenu) if m.objectName() == "article_menu"]
    yield f"-- right-click menus: {len(menus)}"
    for menu in menus[-1:]:
        yield from walk_menu(menu, 1)
        menu.close()
    QApplication.processEvents()


def student_window(db: Path) -> Iterator[str]:
    from medialit.core.records import Student
    from medialit.core.store import Store
    from medialit.gui.app import build_window
    from medialit.gui.backup_menu import install_recovery_menu

    store = Store.open(db)
    window, problems = build_window(store, student=Student(id="s1", name="Ann"))
    install_recovery_menu(window)
    window.show()
    QApplication.processEvents()
    yield f"problems: {problems}"
    yield from dump_window("student, fresh", window)
    yield from context_menu(window, window.view)
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 3)
    window.view.setTextCursor(cursor)
    window.findChild(QAction, "label_claim").trigger()
    window.findChild(QAction, "next_span").trigger()
    QApplication.processEvents()
    yield from dump_window("student, one span labelled and selected", window)
    yield from context_menu(window, window.view)
    window.undo_action.trigger()
    QApplication.processEvents()
    yield from dump_window("student, after undo", window)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    store.close()


def author_bundled_lesson(store: object) -> None:
    """Keep the bundled lesson as an authored lesson, with whichever API this commit has."""
    from medialit.core.lesson import default_lesson_path, load_lesson

    lesson = load_lesson(default_lesson_path())
    try:
        from medialit.core.teacher.authoring import import_lesson_file
    except ImportError:  # before core/teacher.py was split
        from medialit.core.teacher import import_lesson_file  # type: ignore[attr-defined,no-redef]
    import_lesson_file(store, lesson)  # type: ignore[arg-type]


def teacher_window(db: Path) -> Iterator[str]:
    from medialit.core.store import Store
    from medialit.gui.teacher.window import TeacherWindow

    store = Store.open(db)
    window = TeacherWindow(store)
    window.show()
    QApplication.processEvents()
    yield from dump_window("teacher, no lesson", window)
    window.close()
    window.deleteLater()
    author_bundled_lesson(store)
    window = TeacherWindow(store)
    window.show()
    QApplication.processEvents()
    yield from dump_window("teacher, one lesson", window)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    store.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("medialit")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HOME"] = folder
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        lines = [
            *student_window(Path(folder) / "student.db"),
            *teacher_window(Path(folder) / "teacher.db"),
        ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

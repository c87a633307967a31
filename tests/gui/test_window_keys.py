"""Keys and menus both main windows share: Redo on Ctrl+Y and Ctrl+Shift+Z, F10, Quit under File,
a toolbar that stays put, and a span list that lets go on Esc. Real key events, database checked."""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from medialit.core.model import Label
from medialit.core.store import Store
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import db_spans, open_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def label_first_words(qtbot: QtBot, view, words: int, key: Qt.Key) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    for _ in range(words):
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(view, key)


def test_student_redo_works_with_ctrl_y_and_ctrl_shift_z(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    label_first_words(qtbot, view, 2, Qt.Key.Key_1)
    assert db_spans(store, window) == [("Alec Baldwin", "claim", 0, 12, "")]
    for redo_key, redo_mods in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert db_spans(store, window) == []
        qtbot.keyClick(view, redo_key, redo_mods)
        assert db_spans(store, window) == [("Alec Baldwin", "claim", 0, 12, "")]
    # the keys are bound by name, not taken from the platform theme (X11 lists only one)
    assert [k.toString() for k in window.redo_action.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    window.close()
    store.close()


def test_teacher_redo_works_with_ctrl_y_and_ctrl_shift_z(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.memory()
    teacher = TeacherWindow(store)
    qtbot.addWidget(teacher)
    teacher.show()
    teacher.activateWindow()
    qtbot.waitUntil(teacher.isActiveWindow)
    article = tmp_path / "bridge.txt"
    article.write_text("The mayor said the bridge will open on Monday.\n", "utf-8")
    teacher.create_lesson_from_file(article)
    editor = teacher.key_editor
    text = teacher.desk.require_lesson().article.text
    editor.view.select_cp(0, text.index(" said"))
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_4)
    assert [(k.label, k.quote) for k in teacher.desk.key] == [(Label.SOURCING, "The mayor")]
    for redo_key, redo_mods in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        qtbot.keyClick(editor.view, Qt.Key.Key_Z, CTRL)
        assert teacher.desk.key == ()
        assert store.db.execute("SELECT count(*) FROM key_spans").fetchone()[0] == 0
        qtbot.keyClick(editor.view, redo_key, redo_mods)
        assert [k.quote for k in teacher.desk.key] == ["The mayor"]
        assert store.db.execute("SELECT count(*) FROM key_spans").fetchone()[0] == 1
    teacher.close()
    store.close()


def test_f10_opens_the_menu_bar_in_both_windows(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    qtbot.keyClick(window.view, Qt.Key.Key_F10)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.objectName() == "file_menu"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    teacher = TeacherWindow(store)
    qtbot.addWidget(teacher)
    teacher.show()
    teacher.activateWindow()
    qtbot.waitUntil(teacher.isActiveWindow)
    qtbot.keyClick(teacher.tabs, Qt.Key.Key_F10)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.title() == "&Lesson"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    teacher.close()
    window.close()
    store.close()


def test_quit_is_the_last_entry_of_file_not_lesson(qtbot: QtBot, tmp_path: Path) -> None:
    from medialit.gui.backup_menu import install_recovery_menu

    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    install_recovery_menu(window)  # as the app does: its entries go above Quit
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus)[:2] == ["&File", "&Lesson"]
    file_names = [a.objectName() for a in menus["&File"].actions() if not a.isSeparator()]
    assert file_names == ["backup_now", "restore_backup", "quit"]
    assert "quit" not in [a.objectName() for a in menus["&Lesson"].actions()]
    window.close()
    store.close()


def test_toolbar_does_not_shift_when_undo_text_changes(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    toolbar = window.findChild(QToolBar, "label_toolbar")
    submit = toolbar.widgetForAction(window.acts.submit)
    before = submit.geometry()
    label_first_words(qtbot, window.view, 2, Qt.Key.Key_3)  # "Undo Label as speculation"
    assert window.undo_action.text() == "&Undo Label as speculation"
    QApplication.processEvents()
    assert submit.geometry() == before
    undo_button = next(
        toolbar.widgetForAction(a) for a in toolbar.actions() if a.objectName() == "toolbar_undo"
    )
    assert "Label as speculation" in undo_button.toolTip()
    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)  # the toolbar button still undoes
    assert db_spans(store, window) == []
    window.close()
    store.close()


def _highlighted_pixels(table) -> int:
    image = table.viewport().grab().toImage()
    highlight = table.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    active = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 4):
            colour = QColor(image.pixel(x, y))
            if colour.rgb() in (highlight.rgb(), active.rgb()):
                found += 1
    return found


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_span_list_lets_go_of_its_row_on_escape(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    label_first_words(qtbot, window.view, 2, Qt.Key.Key_2)
    table = window.span_list.table
    assert table.selectionModel().selectedRows() and _highlighted_pixels(table) > 0
    counter = PaintCounter()
    QApplication.processEvents()
    table.viewport().installEventFilter(counter)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: counter.paints > 0)  # the old highlight is painted over on screen
    assert window.selected_span() is None
    assert table.selectionModel().selectedRows() == []
    assert not table.selectionModel().currentIndex().isValid()
    assert _highlighted_pixels(table) == 0
    window.close()
    store.close()

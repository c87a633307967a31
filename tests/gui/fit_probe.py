"""Run by tests/gui/test_fits_screen.py on a real X server (Xvfb, the xcb platform): opens every
window and dialog the way the app does and prints, as JSON, where each one landed.

Not a test itself: a child process, so that Qt starts on the Xvfb screen of the size under test
(pytest's own Qt runs offscreen at 800x600). One JSON object per line: a window's name, its frame,
the screen's available area, and what of it lies outside that area (status bar, buttons).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMessageBox, QWidget

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Span
from medialit.core.prefs import Prefs
from medialit.core.store import Store
from medialit.gui.app import build_window
from medialit.gui.docks import text_height
from medialit.gui.screen_fit import available_area


def settle(ms: int = 400) -> None:
    """Let Qt lay out, show and place (the screen keeper re-measures after 250 ms)."""
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def report(name: str, window: QWidget, **extra: object) -> None:
    """One line: the window, the area it must stay in, and every part of it outside."""
    area = available_area(window)
    outside = []
    status = window.statusBar() if isinstance(window, QMainWindow) else None
    if status is not None and status.isVisible() and not area.contains(global_rect(status)):
        outside.append("status bar")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not area.contains(global_rect(button)):
            outside.append(f"button {button.text() or button.objectName()!r}")
    frame = window.frameGeometry()
    line = {
        "name": name,
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "area": [area.x(), area.y(), area.width(), area.height()],
        "inside": area.contains(frame),
        "outside": outside,
        "hint": [window.sizeHint().width(), window.sizeHint().height()],
        **extra,
    }
    print(json.dumps(line), flush=True)


def main() -> int:
    app = QApplication(sys.argv)  # noqa: F841 - kept alive until the end
    folder = Path(tempfile.mkdtemp(prefix="fit-probe-"))
    store = Store.open(folder / "m.db")

    # first start: the window and the name dialog
    window, _ = build_window(store)
    window.show()
    settle()
    name_dialog = window.dialog
    assert name_dialog is not None
    report("name dialog", name_dialog)
    name_dialog.name_edit.setText("Ann")
    name_dialog.accept()
    settle()
    legend = window.legend
    report(
        "student window",
        window,
        hint_shown=window.pane.hint.isVisible(),
        legend_needs=text_height(legend),
        legend_has=legend.height(),
        legend_scrolls=legend.verticalScrollBar().maximum() > 0,
        legend_dock_inside=available_area(window).contains(global_rect(window.legend_dock)),
    )

    # the student's dialogs
    view, text = window.view, window.session.article.text
    view.select_cp(0, text.index(" "))
    window.label_actions[Label.CLAIM].trigger()
    window.acts.note.trigger()
    report("note dialog", window.dialog)
    window.dialog.reject()
    window.acts.submit.trigger()
    report("submit dialog", window.dialog)
    window.dialog.reject()
    window.acts.open.trigger()
    report("lesson dialog", window.dialog)
    window.dialog.reject()
    settle(100)

    # the review, as after a submit
    from medialit.gui.review import ReviewWindow

    lesson = load_lesson(default_lesson_path())
    spans = [Span.create(lesson.article, 0, text.index(" "), Label.CLAIM)]
    review = ReviewWindow(lesson, spans, parent=window, sizes=window.prefs)
    review.show()
    settle()
    report("review window", review)
    review.close()

    # the teacher window and its dialogs
    from medialit.gui.backup_menu import RestoreDialog
    from medialit.gui.teacher.dialogs import LessonDialog, TextDialog
    from medialit.gui.teacher.passphrase import PassphraseDialog
    from medialit.gui.teacher.window import TeacherWindow

    teacher = TeacherWindow(store)
    teacher.show()
    settle()
    report("teacher window", teacher)
    for name, dialog in (
        ("teacher lesson dialog", LessonDialog(teacher)),
        ("teacher text dialog", TextDialog(lesson, teacher)),
        ("passphrase dialog", PassphraseDialog(store, teacher)),
        ("restore dialog", RestoreDialog(window, store, lambda _b: None, lambda _m: True)),
    ):
        dialog.show()
        settle(300)
        report(name, dialog)
        dialog.close()

    # a forgotten passphrase: the recovery dialog, then the next recovery code
    from medialit.core.teacher.passphrase import set_passphrase_with_code

    code = set_passphrase_with_code(store, "sesame-open")
    gate = PassphraseDialog(store, teacher)
    gate.show()
    settle(100)
    recovery = gate.on_forgot_clicked()  # the "Forgot it?" button
    settle(300)
    report("recovery dialog", recovery)
    recovery.code.setText(code)
    recovery.passphrase.setText("sesame-again")
    recovery.repeat.setText("sesame-again")
    recovery.on_buttons_accepted()
    settle(300)
    assert gate.code_box is not None
    report("recovery code box", gate.code_box)
    gate.code_box.close()
    gate.close()
    teacher.close()

    # the key editor on a new lesson, answering suggestions (issue 11)
    from medialit.core.paths import seeds_dir

    teacher = TeacherWindow(store)
    teacher.create_lesson_from_file(seeds_dir() / "001_eastbrook_pool.txt")
    teacher.show()
    editor = teacher.key_editor
    editor.suggesting.start()
    for _ in range(11):  # an 11-span key, the last one selected
        editor.suggesting.accept()
    settle()
    panel = editor.suggesting.panel
    report(
        "key editor answering suggestions",
        teacher,
        key_rows_shown=editor.table.viewport().height() // max(editor.table.rowHeight(0), 1),
        explanation_height=editor.explanation_edit.height(),
        reason_clipped=panel.reason.height() < panel.reason.heightForWidth(panel.reason.width()),
        article_width=editor.view.width(),
    )
    dialog = editor.edit_definitions()
    assert dialog is not None
    settle(300)
    report("label definitions dialog", dialog)
    dialog.close()
    grading = teacher.edit_grading()  # Results ▸ Grading…
    assert grading is not None
    settle(300)
    report("grading dialog", grading)
    grading.close()
    release = teacher.exports.review_pack_asked()  # Lesson ▸ Export review pack…
    assert release is not None
    settle(300)
    report("release key box", release)
    release.close()
    delete = teacher.delete_lesson()  # Lesson ▸ Delete lesson…
    assert delete is not None
    settle(300)
    report("delete lesson box", delete)
    delete.close()
    teacher.revise("A wholly different text, so every key span loses its words. " * 20)
    removed = teacher.findChild(QMessageBox, "key_spans_removed_box")  # names all 11
    assert removed is not None
    settle(300)
    report("key spans removed box", removed)
    removed.close()
    teacher.close()

    # a size the user sets is remembered, and clamped to the screen next time
    window.resize(900, 560)
    settle(100)
    window.close()
    settle(100)
    kept = Prefs(store).window_size("student")
    again, _ = build_window(store)
    again.show()
    settle()
    report("student window again", again, kept=kept, size=[again.width(), again.height()])
    again.close()
    Prefs(store).set_window_size("student", 4000, 3000)  # from a big classroom screen
    big, _ = build_window(store)
    big.show()
    settle()
    report("student window from a bigger screen", big)
    big.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

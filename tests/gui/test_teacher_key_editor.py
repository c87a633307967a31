"""Teacher mode: passphrase gate, lesson from HTML, key editor edits with undo/redo, packs, import."""

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.model import Label, Span
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.passphrase import PassphraseGate, has_passphrase, set_passphrase
from medialit.gui.app import build_window
from medialit.gui.teacher import dialogs, open_teacher_mode, passphrase_gate
from medialit.gui.teacher.dialogs import LessonDialog
from medialit.gui.teacher.passphrase import PassphraseDialog
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import drop_on, open_teacher
from tests.helpers import FakeClock

HTML = (
    "<html><head><title>Bridge to open</title><script>x()</script></head><body>"
    "<p>The mayor said the bridge will open on Monday.</p>"
    "<p>Critics fear it may cost 😀 twice the budget, the Gazette reported.</p></body></html>"
)


@pytest.fixture
def teacher(qtbot: QtBot, tmp_path: Path) -> TeacherWindow:
    store = Store.memory()
    window = open_teacher(qtbot, store)
    yield window
    store.close()


def _lesson_from_html(window: TeacherWindow, tmp_path: Path):
    path = tmp_path / "bridge.html"
    path.write_text(HTML, "utf-8")
    return window.create_lesson_from_file(path)


def _select(window: TeacherWindow, quote: str) -> None:
    text = window.desk.require_lesson().article.text
    start = text.index(quote)
    window.key_editor.view.select_cp(start, start + len(quote))


def test_passphrase_is_set_on_first_use_then_required(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    student_window, _ = build_window(store)
    qtbot.addWidget(student_window)
    menu_titles = [a.text() for a in student_window.menuBar().actions()]
    assert "&Teacher" in menu_titles
    dialog = open_teacher_mode(student_window, store)
    assert isinstance(dialog, PassphraseDialog) and dialog.first_use
    assert not dialog.forgot.isVisible()  # no passphrase yet: nothing to forget
    dialog.passphrase.setText("sesame-open")
    dialog.repeat.setText("sesame-opeN")
    dialog.on_buttons_accepted()
    assert dialog.isVisible() and "differ" in dialog.error.text() and not has_passphrase(store)
    dialog.repeat.setText("sesame-open")
    dialog.on_buttons_accepted()
    assert has_passphrase(store)
    box = dialog.code_box  # the one-time recovery code, shown before teacher mode opens
    assert box is not None and box.isVisible() and box.property("code") in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    teacher = student_window._teacher_window  # type: ignore[attr-defined]
    qtbot.addWidget(teacher)
    assert isinstance(teacher, TeacherWindow) and teacher.isVisible()
    teacher.close()

    again = open_teacher_mode(student_window, store)
    assert isinstance(again, PassphraseDialog) and not again.first_use
    again.passphrase.setText("wrong-guess")
    again.on_buttons_accepted()
    assert again.isVisible() and "not the teacher passphrase" in again.error.text()
    again.passphrase.setText("sesame-open")
    again.on_buttons_accepted()
    assert not again.isVisible()
    store.close()


def test_wrong_guesses_make_the_next_try_wait_and_say_how_long(qtbot: QtBot) -> None:
    store = Store.memory()
    set_passphrase(store, "sesame-open")
    clock = FakeClock()
    gate = PassphraseGate(store, clock=clock)
    student_window = QMainWindow()
    qtbot.addWidget(student_window)
    dialog = open_teacher_mode(student_window, store, gate=gate)
    assert isinstance(dialog, PassphraseDialog)
    for n in range(3):
        dialog.passphrase.setText(f"wrong-guess-{n}")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not dialog.ok_button.isEnabled() and dialog.timer.isActive()
    assert dialog.error.text() == (
        "That is not the teacher passphrase. After 3 wrong guesses, try again in 2 s."
    )
    dialog.passphrase.setText("sesame-open")  # too early: not even checked
    dialog.on_buttons_accepted()
    assert dialog.isVisible() and gate.wrong == 3
    clock.now += 1.2
    dialog.on_timer_timeout()
    assert dialog.error.text().endswith("try again in 1 s.")
    clock.now += 1
    dialog.on_timer_timeout()
    assert dialog.ok_button.isEnabled() and not dialog.timer.isActive()
    assert dialog.error.text().endswith("You can try again now.")
    dialog.passphrase.setText("wrong-guess-4")
    dialog.on_buttons_accepted()
    assert dialog.error.text().endswith("After 4 wrong guesses, try again in 4 s.")
    dialog.reject()
    # a new dialog does not start afresh
    again = open_teacher_mode(student_window, store, gate=gate)
    assert isinstance(again, PassphraseDialog) and not again.ok_button.isEnabled()
    assert again.error.text().startswith("Too many wrong guesses.")
    clock.now += 4
    again.on_timer_timeout()
    again.passphrase.setText("sesame-open")
    again.on_buttons_accepted()
    assert not again.isVisible() and gate.wrong == 0
    teacher = student_window._teacher_window  # type: ignore[attr-defined]
    qtbot.addWidget(teacher)
    teacher.close()
    assert passphrase_gate(store) is passphrase_gate(store)  # one per store, by default
    store.close()


def test_key_editor_add_refuse_overlap_edit_undo_redo(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    lesson = _lesson_from_html(teacher, tmp_path)
    assert lesson.title == "Bridge to open" and "x()" not in lesson.article.text
    editor = teacher.key_editor
    assert "cannot be scored" in editor.warnings_label.text()

    _select(teacher, "The mayor said")
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_4)  # sourcing
    _select(teacher, "the bridge will open on Monday")
    editor.label_actions[Label.CLAIM].trigger()
    _select(teacher, "may cost 😀 twice the budget")
    editor.label_actions[Label.SPECULATION].trigger()
    key = teacher.desk.key
    assert [(k.label, k.quote) for k in key] == [
        (Label.SOURCING, "The mayor said"),
        (Label.CLAIM, "the bridge will open on Monday"),
        (Label.SPECULATION, "may cost 😀 twice the budget"),
    ]
    text = lesson.article.text
    assert key[2].start == text.index("may cost")  # code points, after an emoji-free prefix
    assert editor.table.rowCount() == 3
    assert "Claim 1 · Fact 0 · Speculation 1 · Sourcing 1" in editor.counts_label.text()
    assert "No key span is labelled fact" in editor.warnings_label.text()
    assert "No explanation" in editor.warnings_label.text()

    _select(teacher, "bridge will")  # same label, overlapping: refused
    editor.label_actions[Label.CLAIM].trigger()
    assert len(teacher.desk.key) == 3
    assert "must not overlap" in teacher.statusBar().currentMessage()

    editor.select_span(key[1].id)
    editor.explanation_edit.setPlainText("The mayor says so; nothing shows it yet.")
    editor.save_typing()
    editor.accept_boxes[Label.SPECULATION].click()
    editor.optional_box.click()
    edited = next(k for k in teacher.desk.key if k.id == key[1].id)
    assert edited.explanation.startswith("The mayor says so")
    assert edited.also_accept == {Label.SPECULATION} and edited.optional
    assert teacher.desk.store.keys.spans(lesson.id) == list(teacher.desk.key)

    stack = editor.undo_stack
    assert stack.count() == 6
    for _ in range(6):
        teacher.undo_action.trigger()
    assert teacher.desk.store.keys.spans(lesson.id) == []
    for _ in range(6):
        teacher.redo_action.trigger()
    assert teacher.desk.store.keys.spans(lesson.id) == list(teacher.desk.key)
    assert len(teacher.desk.key) == 3 and teacher.desk.key[1].optional
    assert "key last changed" in teacher.key_stamp.text()

    editor.select_span(key[0].id)
    editor.delete_action.trigger()
    assert len(teacher.desk.store.keys.spans(lesson.id)) == 2
    teacher.undo_action.trigger()
    assert len(teacher.desk.store.keys.spans(lesson.id)) == 3


def test_relabel_into_overlap_is_refused(teacher: TeacherWindow, tmp_path: Path) -> None:
    _lesson_from_html(teacher, tmp_path)
    editor = teacher.key_editor
    _select(teacher, "The mayor said")
    editor.label_actions[Label.SOURCING].trigger()
    _select(teacher, "The mayor")
    editor.label_actions[Label.CLAIM].trigger()
    claim = next(k for k in teacher.desk.key if k.label is Label.CLAIM)
    editor.select_span(claim.id)
    editor.label_combo.setCurrentIndex(3)
    editor.details.on_label_combo_activated(3)
    assert next(k for k in teacher.desk.key if k.id == claim.id).label is Label.CLAIM
    assert "must not overlap" in teacher.statusBar().currentMessage()


def test_student_pack_and_revised_text(teacher: TeacherWindow, tmp_path: Path) -> None:
    lesson = _lesson_from_html(teacher, tmp_path)
    _select(teacher, "The mayor said")
    teacher.key_editor.label_actions[Label.SOURCING].trigger()
    teacher.key_editor.explanation_edit.setPlainText("Named source, speaking officially.")
    teacher.key_editor.save_typing()
    pack = teacher.exports.student_pack(tmp_path / "pack.json")
    assert pack is not None
    data = pack.read_bytes()
    assert b"Named source" not in data and b'"key"' not in data and b'"start"' not in data
    teacher.revise("UPDATED. " + lesson.article.text)
    revised = teacher.desk.require_lesson()
    assert revised.version == 2 and revised.previous_sha256 == (lesson.article.sha256,)
    assert teacher.desk.key[0].start == len("UPDATED. ")
    assert teacher.key_editor.view.text == revised.article.text
    assert "Version 2" in teacher.key_stamp.text()


def test_a_text_version_that_loses_a_key_span_says_which_in_a_box_that_does_not_block(
    teacher: TeacherWindow, tmp_path: Path
) -> None:
    """The box names the lost span and waits for OK while the window goes on (it was a
    nested-event-loop QMessageBox.information: no test could reach it)."""
    lesson = _lesson_from_html(teacher, tmp_path)
    _select(teacher, "The mayor said")
    teacher.key_editor.label_actions[Label.SOURCING].trigger()
    assert len(teacher.desk.key) == 1
    teacher.revise(lesson.article.text.replace("The mayor said", "Someone wrote"))
    box = teacher.findChild(QMessageBox, "key_spans_removed_box")
    assert box is not None and box.isVisible()
    assert "1 key span lost its text: “The mayor said”" in box.text()
    assert teacher.desk.key == ()
    assert teacher.desk.require_lesson().version == 2
    box.button(QMessageBox.StandardButton.Ok).click()
    assert not box.isVisible()


def _submission(lesson, name: str, sid: str) -> Submission:
    text = lesson.article.text
    s = text.index("The mayor")
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=sid,
        student_name=name,
        class_code="8B",
        submitted_at="2026-11-30T09:00:00+00:00",
        spans=(Span.create(lesson.article, s, s + 9, Label.SOURCING),),
        lesson_title=lesson.title,
    )


def test_import_by_drop_with_report_and_roster(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    lesson = _lesson_from_html(teacher, tmp_path)
    folder = tmp_path / "usb"
    folder.mkdir()
    write_submission(folder, _submission(lesson, "Ann Lee", "s1"))
    (folder / "broken.json").write_text("{", "utf-8")
    drop_on(teacher, folder)
    qtbot.waitUntil(lambda: teacher.imports.last_report is not None)
    report = teacher.imports.last_report
    assert report is not None and report.summary == "1 imported, 1 rejected"
    dialog = teacher.imports.report_dialog
    assert dialog is not None and dialog.table.rowCount() == 2
    assert "not valid JSON" in dialog.table.item(1, 2).text()

    teacher.roster.class_code.setText("8B")
    teacher.roster.paste.setPlainText("Ann Lee\nBob Marsh\n")
    teacher.roster.on_add_clicked()
    assert [teacher.roster.names.item(i).text() for i in range(2)] == [
        "Ann Lee  (8B)",
        "Bob Marsh  (8B)",
    ]
    assert teacher.roster.missing.count() == 1
    assert teacher.roster.missing.item(0).text() == "Bob Marsh"


def test_large_batch_shows_progress_and_stays_responsive(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    lesson = _lesson_from_html(teacher, tmp_path)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        write_submission(folder, _submission(lesson, f"Student {i}", f"s{i}"))
    run = teacher.imports.import_paths([folder], show_report=False)
    assert run.dialog is not None  # a progress dialog for a large batch
    ticks: list[int] = []
    run.progress.connect(lambda done, _total: ticks.append(done))
    qtbot.waitUntil(lambda: teacher.imports.last_report is not None, timeout=10_000)
    assert len(ticks) >= 2  # the event loop ran between chunks
    assert len(teacher.imports.last_report.added) == 60  # type: ignore[union-attr]


def test_new_lesson_from_pasted_text_and_details(teacher: TeacherWindow) -> None:
    dialog = teacher.new_lesson()
    assert dialog.text is not None
    dialog.text.setPlainText("<p>Pasted\u00a0HTML <script>bad()</script>story.</p><p>Second.</p>")
    dialog.title.setText("Pasted")
    dialog.kind.setCurrentIndex(dialog.kind.findData("html"))  # the teacher says it is HTML
    dialog.on_buttons_accepted()
    lesson = teacher.desk.require_lesson()
    assert lesson.title == "Pasted" and lesson.article.text == "Pasted\u00a0HTML story.\n\nSecond."
    assert teacher.lesson_list.count() == 1
    details = teacher.edit_details()
    assert details is not None
    details.feedback.setCurrentIndex(1)  # score
    details.title.setText("Renamed")
    details.on_buttons_accepted()
    again = teacher.desk.require_lesson()
    assert again.title == "Renamed" and again.feedback.value == "score"
    empty = teacher.new_lesson()
    empty.on_buttons_accepted()
    assert empty.isVisible() and "empty" in empty.error.text()


def test_roster_from_csv_file(teacher: TeacherWindow, tmp_path: Path) -> None:
    path = tmp_path / "class.csv"
    path.write_text("\ufeffName;Class\nZoë Ādams;9C\nLi Wei;9C\n", "utf-8")
    assert teacher.roster.add_csv(path) == 2
    assert [e.name for e in teacher.desk.store.roster.entries("9C")] == ["Li Wei", "Zoë Ādams"]


# -- the New-lesson dialog reads a text once, by its kind (issue 13) ---------------------------

ABOUT_HTML = (
    "<html><head><title>Tags</title></head><body>"
    "<p>Every paragraph starts with &lt;p&gt; and ends with &lt;/p&gt;.</p>"
    "<p>A line break is &lt;br&gt;; a heading is &lt;h1&gt;.</p></body></html>"
)


def _load(qtbot: QtBot, teacher: TeacherWindow, path: Path) -> LessonDialog:
    dialog = teacher.new_lesson()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=20_000)
    return dialog


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "tags.html",
            ABOUT_HTML,
            "Every paragraph starts with <p> and ends with </p>.\n\n"
            "A line break is <br>; a heading is <h1>.",
        ),
        (
            "tags.txt",
            "<p>is how HTML starts a paragraph.</p>\n\nThat is all <b>this</b> says.",
            "<p>is how HTML starts a paragraph.</p>\n\nThat is all <b>this</b> says.",
        ),
    ],
)
def test_a_loaded_file_is_parsed_once_and_keeps_its_text(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path, name: str, content: str, expected: str
) -> None:
    """An article about HTML, or a .txt starting with <p>, lost most of its text: the dialog
    read the file as HTML, then sniffed the box and read it as HTML again on OK."""
    path = tmp_path / name
    path.write_text(content, "utf-8")
    dialog = _load(qtbot, teacher, path)
    assert dialog.error.text() == ""
    dialog.on_buttons_accepted()
    assert teacher.desk.require_lesson().article.text == expected


def test_pasted_text_starting_with_a_tag_stays_text(teacher: TeacherWindow) -> None:
    dialog = teacher.new_lesson()
    assert dialog.text is not None
    dialog.text.setPlainText("<p> marks a paragraph.\n\nThe <b> tag makes text bold.")
    dialog.title.setText("Tags")
    dialog.on_buttons_accepted()
    assert teacher.desk.require_lesson().article.text == (
        "<p> marks a paragraph.\n\nThe <b> tag makes text bold."
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("odd.html", b"<p>Start</p><![ 1 ]><p>end</p>", "HTML could not be read"),
        ("esc.html", b'<meta charset="unicode_escape"><p>\\ud800</p>\xff', "unicode_escape"),
        ("huge.html", b'<meta charset="windows-1252"><p>' + b"x" * (5 * 1024 * 1024), "limit"),
    ],
)
def test_a_refused_file_is_said_in_the_dialog_naming_it(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    dialog = _load(qtbot, teacher, path)
    assert name in dialog.error.text() and reason in dialog.error.text()
    assert dialog.text is not None and dialog.text.toPlainText() == ""
    assert dialog.isVisible()


def test_the_file_is_read_off_the_gui_thread_with_progress(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the file is read the window keeps answering and shows how far it got."""
    real = dialogs.read_article_file
    release = threading.Event()
    seen: list[str] = []

    def slow_read(path: Path, *, progress: Callable[[float], None]) -> object:
        seen.append(threading.current_thread().name)
        progress(0.5)
        assert release.wait(20)
        return real(path, progress=progress)

    monkeypatch.setattr(dialogs, "read_article_file", slow_read)
    path = tmp_path / "bridge.html"
    path.write_text(HTML, "utf-8")
    dialog = teacher.new_lesson()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.progress.value() == 50, timeout=10_000)
    assert dialog.progress.isVisible() and dialog.is_loading()
    assert seen and seen[0] != threading.main_thread().name
    qtbot.keyClicks(dialog.source, "typed while loading")  # the GUI thread is free
    assert dialog.source.text() == "typed while loading"
    dialog.on_buttons_accepted()
    assert "still being read" in dialog.error.text() and dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=10_000)
    assert not dialog.progress.isVisible()
    assert dialog.title.text() == "Bridge to open"
    dialog.on_buttons_accepted()
    assert teacher.desk.require_lesson().source == "typed while loading"


def test_cancelling_while_loading_stops_the_read(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped = threading.Event()

    def endless(path: Path, *, progress: Callable[[float], None]) -> object:
        try:
            while True:
                progress(0.1)
                time.sleep(0.01)
        finally:
            stopped.set()

    monkeypatch.setattr(dialogs, "read_article_file", endless)
    dialog = teacher.new_lesson()
    load = dialog.load_file(tmp_path / "x.txt")
    dialog.reject()
    assert stopped.wait(10)
    qtbot.wait(2 * load.POLL_MS)
    assert teacher.desk.lesson is None

"""Handing work in: the submit dialog, the submission file, the confirmation, the review.

`submit(host)` shows what will be handed in and asks for a folder;
`submit_to(host, folder)` writes the file, records it, says where it went and
emits `Session.submitted`; the window answers that with `open_review(host,
submission)` when the lesson allows a review. The review window is imported
only when a review opens, not at start-up.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from medialit import __version__
from medialit.core import paths
from medialit.core.errors import MedialitError
from medialit.core.submission import Submission, write_submission
from medialit.core.wording import plural
from medialit.core.workspace import make_submission
from medialit.gui.errors import show_error
from medialit.gui.flow_host import FlowHost
from medialit.gui.screen_fit import fit_dialog
from medialit.gui.span_list import counts_text
from medialit.gui.submit_dialog import SubmitDialog

if TYPE_CHECKING:
    from medialit.gui.review import ReviewWindow


def submit(host: FlowHost) -> None:
    """Ctrl+Shift+S: the submit dialog; OK writes the file into the folder chosen there."""
    summary = submit_summary(host)
    folder = Path(host.prefs.last_submit_folder() or paths.documents_dir())
    dialog = SubmitDialog(host.window(), summary=summary, folder=folder)
    host.open_dialog(dialog, lambda: submit_to(host, dialog.folder()))


def submit_summary(host: FlowHost) -> str:
    """What is handed in, by whom, and what the student should know first (HTML)."""
    session = host.session
    counts = session.index.counts()
    before = session.own_submissions()
    student = session.student
    summary = (
        f"<b>{escape(session.lesson.title)}</b><br>Handed in by <b>{escape(student.name)}</b>"
        + (f", class {escape(student.class_code)}" if student.class_code else "")
        + f"<br>{counts_text(counts)}"
    )
    if not len(session.index):
        summary += "<br><b>You have not labelled anything yet.</b>"
    if session.orphans:
        summary += (
            f"<br>{plural(len(session.orphans), 'label', 'labels')} that could not be placed "
            "on the corrected text will not be handed in (they have no place in it)."
        )
    if before:
        summary += f"<br>You submitted this lesson {plural(len(before), 'time')} before; this adds a new file."
    return summary


def submit_to(host: FlowHost, folder: Path) -> Path | None:
    """Write the submission file into `folder`, remember it, confirm where it went.

    Then `Session.submitted` tells who listens (the window opens the review),
    once the "Submitted" message is open.
    """
    session = host.session
    submission = make_submission(
        session.lesson, session.student, session.index, app_version=__version__
    )
    try:
        if folder == paths.documents_dir():  # the usual place may not exist yet
            folder.mkdir(parents=True, exist_ok=True)
        path = write_submission(folder, submission)
    except OSError as exc:
        show_error(
            host.window(),
            "Could not submit",
            f"Could not write to {folder}: {exc.strerror or exc}. Nothing was handed in; "
            "your work is still saved here. Try another folder.",
        )
        return None
    try:
        session.record_submission(submission, path=str(path))
        host.prefs.set_last_submit_folder(str(folder))
    except MedialitError:
        pass  # the file is written; on_session_failed already said what was not recorded
    host.last_submission = path
    host.open_dialog(submitted_box(host, path), lambda: None)
    host.say(f"Submitted: {path}")
    session.submitted.emit(submission)
    return path


def submitted_box(host: FlowHost, path: Path) -> QMessageBox:
    """The "Submitted" message: the file to give the teacher, and whether a review follows."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Submitted",
        f"Your work was handed in as this file:\n\n{path}\n\n"
        "Give this file to your teacher. You can keep working and submit again; "
        "each submission is a new file."
        + (
            "\n\nWhen you close this message, your review opens: how your labels "
            "compare with the teacher's key."
            if host.session.lesson.review_allowed
            else ""
        ),
        QMessageBox.StandardButton.Ok,
        host.window(),
    )
    box.setObjectName("submitted_box")
    fit_dialog(box)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def open_review(host: FlowHost, submission: Submission) -> None:
    """Open the review of a submission against the lesson's key, in its own window.

    The window calls it on `Session.submitted` when the lesson holds the key
    and allows feedback (`Lesson.review_allowed`: the bundled practice
    lesson, a teacher's review pack; never a student pack). What it shows
    follows the lesson's feedback mode. It opens with show(), never modal,
    once the "Submitted" message is closed (while that message is up, it
    would block the review too); a new submit replaces the previous review.
    """
    lesson = host.session.lesson
    try:
        from medialit.gui.review import ReviewWindow

        review = ReviewWindow(
            lesson, submission.spans, mode=lesson.feedback, parent=host.window(), sizes=host.prefs
        )
    except (MedialitError, ValueError) as exc:
        show_error(host.window(), "Could not show the review", exc)
        return
    if host.review_window is not None:
        host.review_window.close()
        host.review_window.deleteLater()
    host.review_window = review
    if host.dialog is not None:
        host.dialog.finished.connect(lambda _result: show_review(host, review))
    else:
        show_review(host, review)


def show_review(host: FlowHost, review: ReviewWindow) -> None:
    if review is not host.review_window:
        return  # replaced by a newer submission's review
    review.show()
    review.raise_()
    review.activateWindow()
    host.say("Your review is open in its own window (Esc closes it).")

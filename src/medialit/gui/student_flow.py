"""Who is working: the name asked on first start, Student ▸ Switch and ▸ Edit my name.

A name is a `Student` in the store (found again by name and class code); the
one chosen becomes the current student (`Session.name_student`) and the
session switches to their work. Nothing can be saved until a first name is given.
A teacher starting medialit for the first time is not asked for a student's
name: "I am the teacher" opens teacher mode behind the passphrase, as the
Teacher menu does; cancelling it asks for the name again, and so does closing the teacher
window while nobody is named (`MainWindow.open_teacher_mode` follows it).
"""

from __future__ import annotations

from medialit.core.errors import MedialitError
from medialit.core.model import new_id
from medialit.core.records import Student
from medialit.gui.dialogs import NameDialog
from medialit.gui.errors import show_error
from medialit.gui.flow_host import FlowHost


def ask_name(host: FlowHost, *, switch: bool) -> None:
    """Switch student (a name, maybe one used here before) or edit the current one's name."""
    session = host.session
    first = not session.has_student
    current = session.student
    dialog = NameDialog(
        host.window(),
        title="Who is working?" if switch else "Your name and class",
        name="" if switch else current.name,
        class_code=current.class_code,
        known_names=[s.name for s in session.known_students()] if switch else None,
        first_start=first,
    )
    host.open_dialog(
        dialog,
        lambda: save_name(
            host, dialog.name(), dialog.class_code(), switching=switch or first, current=current
        ),
    )

    def finished(result: int) -> None:
        if result == NameDialog.TEACHER:
            teacher_instead(host)

    dialog.finished.connect(finished)


def ask_name_if_nobody(host: FlowHost) -> None:
    """The name asked whenever nobody is named with the window up, its store open and no other
    dialog open: at the window's first show, once start-up opened the store, and when "I am
    the teacher" was cancelled."""
    session, free = host.session, host.dialog is None
    if free and host.window().isVisible() and session.is_open and not session.has_student:
        ask_name(host, switch=True)


def teacher_instead(host: FlowHost) -> None:
    """ "I am the teacher": teacher mode, behind its passphrase; Cancel asks for a name again."""
    host.say("Teacher mode: enter the teacher passphrase (or set one).")
    gate = host.open_teacher_mode()

    gate.rejected.connect(lambda: ask_name_if_nobody(host))
    gate.accepted.connect(
        lambda: host.say("Teacher mode is open. To label as a student: Student ▸ Switch student…")
    )


def save_name(
    host: FlowHost, name: str, class_code: str, *, switching: bool, current: Student
) -> None:
    """Work as the student of that name: found or new when `switching`, else `current` renamed."""
    session = host.session
    existing = session.student_named(name, class_code)
    if switching:
        student = existing or Student(new_id(), name, class_code)
    elif existing is not None and existing.id != current.id:
        host.say(f"Someone here already uses the name {name}: use Student ▸ Switch.")
        return
    else:
        student = Student(current.id, name, class_code)
    try:
        session.name_student(student)
    except MedialitError as exc:
        show_error(host.window(), "Could not save your name", exc)
        return
    session.switch(student=student)
    host.say(f"Hello {student.name}! Your work is kept under this name.")

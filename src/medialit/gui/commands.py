"""Every edit is a QUndoCommand, so undo and redo are edits too, each committed to the database.

Commands are validated before `push()`, so `redo()` never meets bad input. A
store failure (disk full, read-only) makes the command obsolete (`gui.store_command`,
the base the teacher's key edits share): QUndoStack drops it, and the window, told by
`Session.failed`, shows the error and "Not saved". The database and the
in-memory index are unchanged by a failed write, so what is shown stays true.
"""

from __future__ import annotations

from medialit.core.edges import Reshape
from medialit.core.model import Label, Span
from medialit.core.records import SavedSpan
from medialit.gui.session import Session
from medialit.gui.store_command import StoreCommand


class SessionCommand(StoreCommand):
    """A student's edit: the base every window's commands share, with the Session."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session


class AddSpan(SessionCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(session, f"Label as {span.label.value}")
        self.span = span

    def redo(self) -> None:
        self.run(lambda: self.session.add_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.session.delete_span(self.span))


class DeleteSpan(SessionCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(session, f"Delete {span.label.value} span")
        self.span = span

    def redo(self) -> None:
        self.run(lambda: self.session.delete_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.session.add_span(self.span))


class DeleteOrphan(SessionCommand):
    """Delete a span that could not be placed on the corrected text (only ever on request)."""

    def __init__(self, session: Session, orphan: SavedSpan) -> None:
        super().__init__(session, f"Delete unplaced {orphan.span.label.value} label")
        self.orphan = orphan

    def redo(self) -> None:
        self.run(lambda: self.session.delete_orphan(self.orphan))

    def undo(self) -> None:
        self.run(lambda: self.session.restore_orphan(self.orphan))


class RelabelSpan(SessionCommand):
    def __init__(self, session: Session, span: Span, label: Label) -> None:
        super().__init__(session, f"Relabel as {label.value}")
        self.before, self.after = span, span.with_label(label)

    def redo(self) -> None:
        self.run(lambda: self.session.update_span(self.after))

    def undo(self) -> None:
        self.run(lambda: self.session.update_span(self.before))


class EditNote(SessionCommand):
    def __init__(self, session: Session, span: Span, note: str) -> None:
        super().__init__(session, "Edit note" if note else "Remove note")
        self.before, self.after = span, span.with_note(note)

    def redo(self) -> None:
        self.run(lambda: self.session.update_span(self.after))

    def undo(self) -> None:
        self.run(lambda: self.session.update_span(self.before))


class ReshapeSpan(SessionCommand):
    """An edge moved (a word at a time, or dragged): the span at its new place, and the spans
    of its label it grew into merged away; undo puts all of them back as they were."""

    def __init__(self, session: Session, plan: Reshape, what: str) -> None:
        super().__init__(session, what)
        self.plan = plan

    def redo(self) -> None:
        plan = self.plan
        self.run(lambda: self.session.reshape_span(plan.span, remove=plan.absorbed))

    def undo(self) -> None:
        plan = self.plan
        self.run(lambda: self.session.reshape_span(plan.before, restore=plan.absorbed))

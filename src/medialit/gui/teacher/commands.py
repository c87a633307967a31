"""Key edits as QUndoCommands: each redo/undo is one committed store write via the Desk.

They share the student's base (`gui.store_command.StoreCommand`): a write that fails
(a read-only database, a full disk) leaves nothing on the undo stack, and the window says
"Not saved" once, from `Desk.failed`.

An explanation is typed, not clicked, so it is saved as it is typed
(`ExplainKeySpan`, after a pause, on focus change, on close): the saves of one
burst of typing on one span merge into one undo step (`id`/`mergeWith`), so
Ctrl+Z takes back the whole burst, not its last second.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from medialit.core.model import KeySpan, LabelDefinition
from medialit.core.teacher.keycheck import KeyReshape
from medialit.gui.store_command import StoreCommand
from medialit.gui.teacher.desk import Desk

EXPLAIN_ID = 1101  # QUndoCommand.id() of ExplainKeySpan: only these merge


class AddKeySpan(StoreCommand):
    def __init__(self, desk: Desk, span: KeySpan, text: str = "") -> None:
        super().__init__(text or f"Add {span.label.value} key span")
        self.desk, self.span = desk, span

    def redo(self) -> None:
        self.run(lambda: self.desk.add_key_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.desk.delete_key_span(self.span))


class AddKeySpans(StoreCommand):
    """Several key spans at once (all suggestions of a label): one write, one undo step."""

    def __init__(self, desk: Desk, spans: Sequence[KeySpan], text: str) -> None:
        super().__init__(text)
        self.desk, self.spans = desk, tuple(spans)

    def redo(self) -> None:
        self.run(lambda: self.desk.add_key_spans(self.spans))

    def undo(self) -> None:
        self.run(lambda: self.desk.delete_key_spans(self.spans))


class DeleteKeySpan(StoreCommand):
    def __init__(self, desk: Desk, span: KeySpan) -> None:
        super().__init__(f"Delete {span.label.value} key span")
        self.desk, self.span = desk, span

    def redo(self) -> None:
        self.run(lambda: self.desk.delete_key_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.desk.add_key_span(self.span))


class EditKeySpan(StoreCommand):
    """Label, also-accept or optional flag changed (same place, same id)."""

    def __init__(self, desk: Desk, before: KeySpan, after: KeySpan, what: str) -> None:
        super().__init__(what)
        self.desk, self.before, self.after = desk, before, after

    def redo(self) -> None:
        self.run(lambda: self.desk.update_key_span(self.after))

    def undo(self) -> None:
        self.run(lambda: self.desk.update_key_span(self.before))


class ReshapeKeySpan(StoreCommand):
    """An edge moved (keys or a drag): the span, and the same-label spans it grew into merged
    into it, written in one transaction; undone in one."""

    def __init__(self, desk: Desk, reshape: KeyReshape, text: str) -> None:
        super().__init__(text)
        self.desk, self.reshape = desk, reshape

    def redo(self) -> None:
        def write() -> None:
            r = self.reshape
            self.desk.replace_key_spans([k.id for k in r.absorbed], [r.span])

        self.run(write)

    def undo(self) -> None:
        def write() -> None:
            r = self.reshape
            self.desk.replace_key_spans([], [r.before, *r.absorbed])

        self.run(write)


class ExplainKeySpan(StoreCommand):
    """A key span's explanation; saves of the same `burst` on the same span merge."""

    def __init__(self, desk: Desk, span_id: str, before: str, after: str, burst: int) -> None:
        super().__init__("Edit explanation")
        self.desk, self.span_id = desk, span_id
        self.before, self.after, self.burst = before, after, burst

    def id(self) -> int:
        return EXPLAIN_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, ExplainKeySpan)
            and other.span_id == self.span_id
            and other.burst == self.burst
            and not other.isObsolete()
        ):
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed, then deleted again: no step
        return True

    def redo(self) -> None:
        self.run(lambda: self.desk.explain_key_span(self.span_id, self.after))

    def undo(self) -> None:
        self.run(lambda: self.desk.explain_key_span(self.span_id, self.before))


class EditDefinitions(StoreCommand):
    """The lesson's label definitions (Lesson > Label definitions…): one step for all four."""

    def __init__(
        self,
        desk: Desk,
        before: Sequence[LabelDefinition],
        after: Sequence[LabelDefinition],
    ) -> None:
        super().__init__("Edit label definitions")
        self.desk, self.before, self.after = desk, tuple(before), tuple(after)

    def redo(self) -> None:
        self.run(lambda: self.desk.set_definitions(self.after))

    def undo(self) -> None:
        self.run(lambda: self.desk.set_definitions(self.before))

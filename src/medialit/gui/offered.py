"""What the student window offers now, enabled or not.

Nothing that changes the work until the store is open (start-up paints from a
glance at the database first: `Session.is_open`), no labelling or submitting
before the student is named, note and delete only on a selected span.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction

from medialit.gui.actions import ActionHost


def offer_actions(window: ActionHost, edits: Iterable[QAction]) -> None:
    """Enable each action of `window` as far as the session allows; `edits` are the
    actions that change what is saved (`ActionSpec.edits`, the teacher's menu)."""
    opened = window.session.is_open
    for action in edits:
        action.setEnabled(opened)
    working = opened and window.session.has_student
    labels = (*window.label_actions.values(), *window.exact_actions.values())
    for action in (*labels, window.acts.submit):
        action.setEnabled(working)
    chosen = opened and window.selected_id is not None
    window.acts.delete.setEnabled(chosen)
    window.acts.note.setEnabled(chosen)

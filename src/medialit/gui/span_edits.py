"""Which edit a key means: 1-4 label or relabel, N writes a note, Delete removes a span.

Each function decides the edit from what is selected in `window` and runs it
as an undo command (gui.commands) through `window.push`; it never writes to the
store itself. What happened, or why nothing did, goes to the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.core.model import Label, Span
from medialit.core.workspace import selection_range
from medialit.gui.commands import AddSpan, DeleteOrphan, DeleteSpan, EditNote, RelabelSpan
from medialit.gui.dialogs import NoteDialog

if TYPE_CHECKING:
    from medialit.gui.main_window import MainWindow


def label_selection(window: MainWindow, label: Label, *, exact: bool = False) -> None:
    """Keys 1-4: label the selected text, or relabel the selected span."""
    selection = window.view.selection_cp()
    if selection is None:
        span = window.selected_span()
        if span is not None:
            relabel(window, span, label)
        else:
            window.say("Select some text first, then press 1-4.")
        return
    session = window.session
    snap = window.prefs.snap_words() and not exact
    found = selection_range(session.article.text, *selection, snap=snap)
    if found is None:
        window.say("That selection is only spaces or punctuation: nothing to label.")
        return
    start, end = found
    for twin in session.index.overlapping(start, end):
        if (twin.start, twin.end, twin.label) == (start, end, label):
            window.select_span(twin.id)
            window.say(f"That is already labelled {label.info.title}.")
            return
    span = Span.create(session.article, start, end, label)
    if window.push(AddSpan(session, span)):
        window.view.clear_selection()
        window.select_span(span.id, move_caret=False)
        window.say(f"Labelled {window.describe(span)}")


def relabel(window: MainWindow, span: Span, label: Label) -> None:
    if span.label is label:
        window.say(f"That span is already {label.info.title}.")
        return
    if window.push(RelabelSpan(window.session, span, label)):
        window.say(f"Relabelled as {window.describe(span.with_label(label))}")


def delete_selected_span(window: MainWindow) -> None:
    span = window.selected_span()
    if span is None:
        window.say("Select a span first (click it, or Alt+Down).")
        return
    if window.push(DeleteSpan(window.session, span)):
        window.say(f"Deleted the {span.label.info.title} span. Ctrl+Z brings it back.")


def delete_orphan(window: MainWindow, span_id: str) -> None:
    """Delete a span that could not be placed: only ever on the student's request."""
    orphan = next((o for o in window.session.orphans if o.span.id == span_id), None)
    if orphan is None:
        return
    if window.push(DeleteOrphan(window.session, orphan)):
        window.say(
            f"Deleted the {orphan.span.label.info.title} label that could not be placed. "
            "Ctrl+Z brings it back."
        )


def edit_note(window: MainWindow) -> None:
    """N: the note dialog for the selected span; OK changes the note if it changed."""
    span = window.selected_span()
    if span is None:
        window.say("Select a span first (click it, or Alt+Down), then press N.")
        return
    dialog = NoteDialog(window, quote=span.quote, label=span.label.info.title, note=span.note)

    def save() -> None:
        note = dialog.note()
        current = window.session.index.get(span.id)
        if current is not None and note != current.note:
            window.push(EditNote(window.session, current, note))

    window.open_dialog(dialog, save)

"""Which edit a key means: 1-4 label or relabel, N writes a note, Delete removes a span.

Each function decides the edit from what is selected in the window (`host`,
a `FlowHost`) and runs it as an undo command (gui.commands) through
`host.push`; it never writes to the store itself. What happened, or why
nothing did, is `host.answer`ed: the status bar, a screen reader and, for a
refusal or a deletion, a message beside the text.
"""

from __future__ import annotations

from medialit.core.edges import Edge, drag_edge, move_edge, plan_reshape
from medialit.core.model import Label, Span
from medialit.core.wording import one_line, plural
from medialit.core.workspace import selection_range
from medialit.gui.commands import (
    AddSpan,
    DeleteOrphan,
    DeleteSpan,
    EditNote,
    RelabelSpan,
    ReshapeSpan,
)
from medialit.gui.dialogs import NoteDialog
from medialit.gui.flow_host import FlowHost


def label_selection(host: FlowHost, label: Label, *, exact: bool = False) -> None:
    """Keys 1-4: label the selected text, or relabel the selected span."""
    selection = host.view.selection_cp()
    if selection is None:
        span = host.selected_span()
        if span is not None:
            relabel(host, span, label)
        else:
            host.answer("Select some text first, then press 1-4.")
        return
    session = host.session
    snap = host.prefs.snap_words() and not exact
    found = selection_range(session.article.text, *selection, snap=snap)
    if found is None:
        host.answer("That selection is only spaces or punctuation: nothing to label.")
        return
    start, end = found
    for twin in session.index.overlapping(start, end):
        if (twin.start, twin.end, twin.label) == (start, end, label):
            host.select_span(twin.id)
            host.answer(f"That is already labelled {label.info.title}.")
            return
    span = Span.create(session.article, start, end, label)
    if host.push(AddSpan(session, span)):
        host.view.clear_selection()
        host.select_span(span.id, move_caret=False)
        host.answer(f"Labelled {host.describe(span)}", near_text=False, described=True)


def relabel(host: FlowHost, span: Span, label: Label) -> None:
    if span.label is label:
        host.answer(f"That span is already {label.info.title}.")
        return
    if host.push(RelabelSpan(host.session, span, label)):
        relabelled = host.describe(span.with_label(label))
        host.answer(f"Relabelled as {relabelled}", near_text=False, described=True)


def delete_selected_span(host: FlowHost) -> None:
    span = host.selected_span()
    if span is None:
        host.answer("Select a span first (click it, or Alt+Down).")
        return
    if host.push(DeleteSpan(host.session, span)):
        host.answer(f"Deleted the {span.label.info.title} span. Ctrl+Z brings it back.")


def delete_orphan(host: FlowHost, span_id: str) -> None:
    """Delete a span that could not be placed: only ever on the student's request."""
    orphan = next((o for o in host.session.orphans if o.span.id == span_id), None)
    if orphan is None:
        return
    if host.push(DeleteOrphan(host.session, orphan)):
        host.answer(
            f"Deleted the {orphan.span.label.info.title} label that could not be placed. "
            "Ctrl+Z brings it back.",
            near_text=False,
        )


def edit_note(host: FlowHost) -> None:
    """N: the note dialog for the selected span; OK changes the note if it changed."""
    span = host.selected_span()
    if span is None:
        host.answer("Select a span first (click it, or Alt+Down), then press N.")
        return
    dialog = NoteDialog(
        host.window(), quote=span.quote, label=span.label.info.title, note=span.note
    )

    def save() -> None:
        note = dialog.note()
        current = host.session.index.get(span.id)
        if current is not None and note != current.note:
            host.push(EditNote(host.session, current, note))

    host.open_dialog(dialog, save)


# -- moving a span's edges (keys: a word at a time; the mouse: dragging an end) ------------

NEEDS_A_WORD = "A span needs at least one word: that edge cannot move further in."


def move_selected_edge(host: FlowHost, edge: Edge, step: int) -> None:
    """Alt+, / Alt+. move the start, Alt+Left / Alt+Right the end, one word at a time."""
    span = host.selected_span()
    if span is None:
        host.answer("Select a span first (click it, or Alt+Down), then move its edges.")
        return
    found = move_edge(host.session.article.text, span.start, span.end, edge, step)
    if found is None:
        outward = (edge == "start") == (step < 0)
        host.answer(
            f"There is no word {'before' if edge == 'start' else 'after'} this span."
            if outward
            else NEEDS_A_WORD
        )
        return
    reshape(host, span, *found, edge=edge)


def drag_selected_edge(host: FlowHost, edge: Edge, cp: int) -> None:
    """The mouse let go of the selected span's start or end at `cp`: the edge goes to that word."""
    span = host.selected_span()
    if span is None:
        return
    found = drag_edge(host.session.article.text, span.start, span.end, edge, cp)
    if found is None:
        host.answer(NEEDS_A_WORD)
    elif found != (span.start, span.end):
        reshape(host, span, *found, edge=edge)


def reshape(host: FlowHost, span: Span, start: int, end: int, *, edge: Edge) -> None:
    """One undo step: the span at [start, end), merged with the same-label spans it grew into."""
    session = host.session
    plan = plan_reshape(session.article, list(session.index), span, start, end)
    what = f"Move {edge} of {span.label.value} span"
    if not host.push(ReshapeSpan(session, plan, what)):
        return
    moved = plan.span
    host.view.place_caret_cp(moved.start if edge == "start" else moved.end)
    host.select_span(moved.id, move_caret=False)
    merged = (
        f" Joined with {plural(len(plan.absorbed), 'other span')} labelled {span.label.info.title}."
        if plan.absorbed
        else ""
    )
    host.answer(
        f"{span.label.info.title} now: “{one_line(moved.quote, 60)}”.{merged} Ctrl+Z undoes it.",
        near_text=False,
        described=True,  # the moved span's new description says its label and words
    )

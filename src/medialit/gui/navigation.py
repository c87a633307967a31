"""Moving around the student window, changing nothing: the Go menu, F6 and F1.

Alt+Down/F8 and Alt+Up/Shift+F8 select the next or previous span from the
caret, Escape lets go of the span and the selected text, F6 goes between the
article and the span list, F1 shows the label definitions. The window keeps
which span is selected (`select_span`); these only choose where to go.
"""

from __future__ import annotations

from medialit.core.model import Span
from medialit.gui.flow_host import FlowHost


def let_go(host: FlowHost) -> None:
    """Escape: nothing selected any more, so no key can change a span by surprise."""
    host.view.clear_selection()
    host.select_span(None, move_caret=False)


def select_next_span(host: FlowHost) -> None:
    span = host.session.index.next_after(pos=host.view.caret_cp(), current=host.selected_id)
    go_to(host, span, "There are no more spans after this one.")


def select_previous_span(host: FlowHost) -> None:
    span = host.session.index.previous_before(pos=host.view.caret_cp(), current=host.selected_id)
    go_to(host, span, "There are no spans before this one.")


def go_to(host: FlowHost, span: Span | None, nothing: str) -> None:
    """Select `span` with the focus in the article, or say `nothing` when there is none."""
    if span is None:
        host.say(nothing)
        return
    host.select_span(span.id)
    host.view.setFocus()
    host.answer(host.describe(span), near_text=False, described=True)  # heard, not only seen


def toggle_list_focus(host: FlowHost) -> None:
    """F6: from the article to the span list; from anywhere else back to the article."""
    if host.view.hasFocus():
        host.focus_span_list()
    else:
        host.view.setFocus()


def show_definitions(host: FlowHost) -> None:
    """F1: the label definitions, shown and focused."""
    host.focus_definitions()
    host.say("Label definitions. F6 goes back to the article.")

"""Moving around the student window, changing nothing: the Go menu, F6 and F1.

Alt+Down/F8 and Alt+Up/Shift+F8 select the next or previous span from the
caret, Escape lets go of the span and the selected text, F6 goes between the
article and the span list, F1 shows the label definitions. The window keeps
which span is selected (`select_span`); these only choose where to go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.core.model import Span

if TYPE_CHECKING:
    from medialit.gui.main_window import MainWindow


def let_go(window: MainWindow) -> None:
    """Escape: nothing selected any more, so no key can change a span by surprise."""
    window.view.clear_selection()
    window.select_span(None, move_caret=False)


def select_next_span(window: MainWindow) -> None:
    span = window.session.index.next_after(pos=window.view.caret_cp(), current=window.selected_id)
    go_to(window, span, "There are no more spans after this one.")


def select_previous_span(window: MainWindow) -> None:
    span = window.session.index.previous_before(
        pos=window.view.caret_cp(), current=window.selected_id
    )
    go_to(window, span, "There are no spans before this one.")


def go_to(window: MainWindow, span: Span | None, nothing: str) -> None:
    """Select `span` with the focus in the article, or say `nothing` when there is none."""
    if span is None:
        window.say(nothing)
        return
    window.select_span(span.id)
    window.view.setFocus()


def toggle_list_focus(window: MainWindow) -> None:
    """F6: from the article to the span list; from anywhere else back to the article."""
    if window.view.hasFocus():
        window.span_list_dock.show()
        window.span_list.table.setFocus()
    else:
        window.view.setFocus()


def show_definitions(window: MainWindow) -> None:
    """F1: the label definitions, shown and focused."""
    window.legend_dock.show()
    window.legend_dock.raise_()
    window.legend.setFocus()
    window.say("Label definitions. F6 goes back to the article.")

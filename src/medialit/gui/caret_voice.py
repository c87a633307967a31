"""Which labels the caret is in, for a screen reader, as the student reads with the arrow keys.

The spans are painted, not stored as text formats, so a screen reader reading
the article hears plain text: nothing says "this is labelled Claim". Qt's
accessible text attributes come only from text formats, and PySide6 cannot
supply its own (`QAccessibleTextInterface.attributes` and `textAtOffset` are
not bindable: PySide6's typesystem removes them), so the labels at the caret
are the article's accessible *description* instead, changed as the caret
moves into other labels: "Claim.", "Claim and Sourcing. Note on Claim: he
says so himself.", "No label." on leaving them. A screen reader speaks a
change of the focused object's description (Orca 43 does; it does not yet
speak Qt's announcements), and reads it again with the object.

Nothing changes while the caret stays inside the same labels, while text is
being selected, or inside the span the window has selected (the window's own
description of that span, with the keys that change it, stays).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from medialit.core.model import LABELS, Span
from medialit.core.wording import one_line
from medialit.gui.article_view import ArticleView


def labels_here(spans: list[Span]) -> str:
    """What the caret is in, in words: "Claim.", "Claim and Fact. Note on Claim: …"."""
    if not spans:
        return "No label."
    titles = [label.info.title for label in LABELS if any(s.label is label for s in spans)]
    said = (" and ".join(titles) if len(titles) < 3 else ", ".join(titles)) + "."
    for span in spans:
        if span.note:
            said += f" Note on {span.label.info.title}: {one_line(span.note, 120)}"
            said += "" if said.endswith((".", "!", "?")) else "."
    return said


class CaretVoice(QObject):
    """Watches the article's caret; puts the labels around it in the article's description."""

    def __init__(self, view: ArticleView, selected: Callable[[], str | None]) -> None:
        super().__init__(view)
        self.view = view
        self.selected = selected  # the id of the span the window has selected, if any
        view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)

    def spans_at_caret(self) -> list[Span]:
        """Spans covering the character after the caret, in text order."""
        caret = self.view.caret_cp()
        return sorted(self.view.index.at(caret), key=lambda s: (s.start, s.end, s.id))

    def on_view_cursor_position_changed(self) -> None:
        if self.view.textCursor().hasSelection():
            return  # selecting text: the reader says what is selected
        spans = self.spans_at_caret()
        if self.selected() in {s.id for s in spans}:
            return  # the window describes the span it has selected
        said = labels_here(spans)
        if self.view.accessibleDescription() != said:  # a change is what a reader speaks
            self.view.setAccessibleDescription(said)

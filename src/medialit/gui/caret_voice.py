"""Which labels the caret is in, said to a screen reader as the student reads with the arrow keys.

The spans are painted, not stored as text formats, so a screen reader reading
the article hears plain text: nothing says "this is labelled Claim". (Qt's
accessible text attributes come only from text formats, and PySide6 cannot
supply its own: `QAccessibleTextInterface.attributes` is not bindable.) So
when the caret moves into text with another set of labels, this says so
(politely, after the reader has read the text): "Claim.", "Claim and
Sourcing. Note on Claim: he says so himself.", and "No label." on leaving
them. Nothing is said while the caret stays inside the same labels, while
text is being selected, or for the span the window has just selected (the
window says that one itself).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from medialit.core.model import LABELS, Span
from medialit.gui.announce import announce
from medialit.gui.article_view import ArticleView
from medialit.gui.span_model import one_line


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
    """Watches the article's caret; says the labels around it when they change."""

    def __init__(self, view: ArticleView, selected: Callable[[], str | None]) -> None:
        super().__init__(view)
        self.view = view
        self.selected = selected  # the id of the span the window has selected, if any
        self.here: tuple[str, ...] = ()
        view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)

    def spans_at_caret(self) -> list[Span]:
        """Spans covering the character after the caret, in text order."""
        caret = self.view.caret_cp()
        return sorted(self.view.index.at(caret), key=lambda s: (s.start, s.end, s.id))

    def on_view_cursor_position_changed(self) -> None:
        if self.view.textCursor().hasSelection():
            return  # selecting text: the reader says what is selected
        spans = self.spans_at_caret()
        here = tuple(s.id for s in spans)
        if here == self.here:
            return
        self.here = here
        if not self.view.hasFocus() or self.selected() in here:
            return  # not reading the article, or the window has said this span already
        announce(self.view, labels_here(spans))

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
description of that span, with the keys that change it, stays: `tell`).

The window's answers to a key press go to the reader through `announce` here. Orca
speaks the focused article's description as it changes (43.1, heard with `a11y.sh
--orca`; newer Orca's `on_description_changed` does the same), so an answer that is
the span the window described in that same key press (labelled, relabelled, the next
span, an edge moved: `FlowHost.answer(described=True)`) is not announced on AT-SPI:
Orca 45.1 on would say it twice. A refusal, a deletion, an undo or redo, … is announced
(and, for a reader without announcements, said by `gui.announce`'s notice).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from medialit.core.model import LABELS, Span
from medialit.core.wording import one_line
from medialit.gui.announce import AT_SPI, announce
from medialit.gui.article_view import ArticleView

DESCRIPTION_HEARD = AT_SPI  # a reader speaks the focused object's changed description (Orca)


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
        self.told = False  # the window told the article's description in this key press
        view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)

    def tell(self, text: str) -> None:
        """The window's words for the article (its selected span, with the keys): the description."""
        if text == self.view.accessibleDescription():
            return
        self.view.setAccessibleDescription(text)  # a reader speaks it: a changed description
        if text and not self.told:
            self.told = True
            QTimer.singleShot(0, self._forget)  # once this key press is handled

    def _forget(self) -> None:
        self.told = False

    def announce(self, message: str, *, told_by_span: bool) -> None:
        """The answer to a key press, to a screen reader. `told_by_span`: the answer is the
        span the window just described (labelled, relabelled, the next span, an edge moved)."""
        if told_by_span and self.told and self.view.hasFocus() and DESCRIPTION_HEARD:
            return  # the description just said it
        announce(self.view, message)

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

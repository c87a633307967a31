"""Moving the selected key span's edges, as a student moves a span's: the same keys, the same
words, the same mouse dragging of its ends, the same merging.

Alt+, / Alt+. move the start a word earlier or later, Alt+Left / Alt+Right the
end (`shortcuts.EDGE_KEYS`, shown in the teacher window's Edit menu); dragging
an end of the selected key span with the mouse moves it to the word where it
is let go (`gui.edge_drag`). Which word is `core.edges`'; a key span grown into
another of its label merges with it (`keycheck.reshape_key_span`). Each move
is one undo step (`commands.ReshapeKeySpan`), one committed write.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from medialit.core.edges import Edge, drag_edge, move_edge
from medialit.core.errors import MedialitError
from medialit.core.model import KeySpan, Span, SpanId
from medialit.core.teacher.keycheck import reshape_key_span
from medialit.core.wording import plural
from medialit.gui.edge_drag import EdgeDrag
from medialit.gui.shortcuts import EDGE_KEYS
from medialit.gui.store_command import StoreCommand
from medialit.gui.teacher.commands import ReshapeKeySpan
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.key_details import short
from medialit.gui.teacher.key_view import KeyArticleView

NEEDS_A_WORD = "A key span needs at least one word: that would leave none."


class EdgeHost(Protocol):
    """What the edge moves ask of the key editor."""

    desk: Desk
    view: KeyArticleView
    message: SignalInstance

    def push(self, command: StoreCommand) -> bool: ...

    def selected_span(self) -> KeySpan | None: ...

    def select_span(self, span_id: str | None, *, move_caret: bool = True) -> None: ...


class KeyEdges(QObject):
    def __init__(self, editor: EdgeHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = editor
        self.actions: list[QAction] = []
        for edge, step, keys, text in EDGE_KEYS:
            action = QAction(text.replace("&", ""), parent)
            action.setObjectName(f"key_move_{edge}_{'earlier' if step < 0 else 'later'}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # in the article
            action.setToolTip(f"{text.replace('&', '')} ({keys}), or drag the end")
            action.triggered.connect(partial(self.move, edge, step))
            editor.view.addAction(action)
            self.actions.append(action)
        self.drag = EdgeDrag(editor.view, self.selected_as_span)
        self.drag.dropped.connect(self.on_drag_dropped)

    def selected_as_span(self) -> Span | None:
        k = self.editor.selected_span()
        return None if k is None else Span(SpanId(k.id), k.start, k.end, k.label, k.quote)

    def fill_menu(self, menu: QMenu) -> dict[str, QAction]:
        """The teacher window's Edit ▸ Move an edge of the key span (the keys shown there)."""
        sub = menu.addMenu("&Move an edge of the key span")
        out = {}
        for action in self.actions:
            sub.addAction(action)
            out[action.objectName()] = action
        return out

    def move(self, edge: Edge, step: int, _checked: bool = False) -> None:
        span = self.editor.selected_span()
        if span is None:
            self.editor.message.emit("Select a key span first (click it, or Alt+Down).")
            return
        text = self.editor.view.text
        found = move_edge(text, span.start, span.end, edge, step)
        if found is None:
            outward = (edge == "start") == (step < 0)
            side = "before" if edge == "start" else "after"
            self.editor.message.emit(
                f"There is no word {side} this key span." if outward else NEEDS_A_WORD
            )
            return
        self.reshape(span, *found, edge=edge)

    def on_drag_dropped(self, edge: str, cp: int) -> None:
        span = self.editor.selected_span()
        if span is None or edge not in ("start", "end"):
            return
        which: Edge = "start" if edge == "start" else "end"
        found = drag_edge(self.editor.view.text, span.start, span.end, which, cp)
        if found is None:
            self.editor.message.emit(NEEDS_A_WORD)
        elif found != (span.start, span.end):
            self.reshape(span, *found, edge=which)

    def reshape(self, span: KeySpan, start: int, end: int, *, edge: Edge) -> None:
        """One undo step: the key span at [start, end), merged with what it grew into."""
        desk = self.editor.desk
        try:
            plan = reshape_key_span(desk.require_lesson().article, desk.key, span, start, end)
        except MedialitError as exc:
            self.editor.message.emit(f"Not moved: {exc}")
            return
        what = f"Move {edge} of {span.label.value} key span"
        if not self.editor.push(ReshapeKeySpan(desk, plan, what)):
            return
        moved = plan.span
        self.editor.select_span(moved.id, move_caret=False)
        self.editor.view.place_caret_cp(moved.start if edge == "start" else moved.end)
        joined = (
            f" Joined with {plural(len(plan.absorbed), 'other key span')} labelled "
            f"{span.label.info.title}."
            if plan.absorbed
            else ""
        )
        self.editor.message.emit(
            f"{span.label.info.title} now: “{short(moved.quote, 60)}”.{joined} Ctrl+Z undoes it."
        )

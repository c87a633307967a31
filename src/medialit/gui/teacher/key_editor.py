"""The key editor: the student's article view and keys, plus the key's spans and their details.

It works as the student's view does: select text and press 1-4 (a selection
that cuts a word grows to whole words and is trimmed, `workspace.selection_range`;
Alt+1-4 takes the exact selection), 1-4 with no text selected relabels the
selected key span, Alt+Down/Up walk the key spans, the student's keys and
mouse drags move its edges (`key_edges`), Delete removes one, Esc lets go. Every field of a key span is saved as it changes (`key_details`), and
"Suggest key" answers a drafted key (`suggestion_mode`). Every edit is an undo
command; the editor validates before pushing (no same-label overlap, nothing
empty), so `redo()` never fails on bad input.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from medialit.core.errors import MedialitError
from medialit.core.model import LABELS, KeySpan, Label, LabelDefinition, Span, SpanId
from medialit.core.prefs import Prefs
from medialit.core.records import Change, Touches
from medialit.core.spanindex import SpanIndex
from medialit.core.teacher.keycheck import check_key, check_no_overlap, make_key_span
from medialit.core.workspace import selection_range
from medialit.gui.store_command import StoreCommand
from medialit.gui.teacher.commands import (
    AddKeySpan,
    DeleteKeySpan,
    EditDefinitions,
    EditKeySpan,
    ExplainKeySpan,
)
from medialit.gui.teacher.definitions import DefinitionsDialog
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.key_details import KeyDetails, short
from medialit.gui.teacher.key_edges import KeyEdges
from medialit.gui.teacher.key_layout import KeyTable, arrange
from medialit.gui.teacher.key_view import KeyArticleView
from medialit.gui.teacher.suggestion_mode import SuggestionMode

__all__ = ["KeyEditor", "as_display_span", "short"]

MAX_WARNINGS = 3  # lines under the details: more would push the key list off a small screen


def as_display_span(k: KeySpan) -> Span:
    """A key span drawn like a student's span (the explanation shows as its tooltip note)."""
    return Span(SpanId(k.id), k.start, k.end, k.label, k.quote, note=k.explanation)


class KeyEditor(QWidget):
    message = Signal(str)  # for the window's status bar

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_editor")
        self.desk = desk
        self.prefs = Prefs(desk.store)
        self.undo_stack = QUndoStack(self)
        self._selected_id: str | None = None

        self.view = KeyArticleView("", self)
        self.view.setObjectName("key_article_view")
        self.view.setAccessibleName("Article text (key editor)")
        self.toolbar = QToolBar("Key labels", self)
        self.toolbar.setObjectName("key_toolbar")
        self.label_actions = self._label_actions(exact=False)
        self.exact_actions = self._label_actions(exact=True)
        self.toolbar.addSeparator()
        self.delete_action = self._view_action(
            "Delete", "key_delete", QKeySequence.StandardKey.Delete, self.on_delete_key
        )
        self.delete_action.setToolTip("Delete the selected key span (in suggestion mode: reject)")
        self.toolbar.addAction(self.delete_action)
        self._view_action("Next key span", "key_next", "Alt+Down", lambda: self.walk(1))
        self._view_action("Previous key span", "key_previous", "Alt+Up", lambda: self.walk(-1))
        self._view_action("Let go", "key_let_go", "Esc", self.on_escape_key)
        self.edges = KeyEdges(self, self)  # Alt+, Alt+. Alt+Left Alt+Right, and dragging
        self.suggesting = SuggestionMode(self, self)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.suggesting.start_action)
        self.definitions_action = QAction("Definitions…", self)
        self.definitions_action.setObjectName("key_definitions")
        self.definitions_action.setToolTip("What each label means in this lesson")
        self.definitions_action.triggered.connect(self.edit_definitions)
        self.toolbar.addAction(self.definitions_action)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("key_counts")
        self.counts_label.setWordWrap(True)
        self.table = KeyTable(self)
        self.table.span_chosen.connect(self.on_table_span_chosen)
        table_delete = QAction("Delete key span", self.table)  # Delete in the list: never a reject
        table_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        table_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table_delete.triggered.connect(self.delete_selected)
        self.table.addAction(table_delete)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("key_warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setStyleSheet("color: #8a4b00;")
        self.details = KeyDetails(self.edit_selected, self.explain, self)
        self.label_combo = self.details.label_combo
        self.accept_boxes = self.details.accept_boxes
        self.optional_box = self.details.optional_box
        self.explanation_edit = self.details.explanation_edit
        arrange(
            self,
            (self.toolbar, self.view),
            (
                self.counts_label,
                self.table,
                self.suggesting.panel,
                self.details,
                self.warnings_label,
            ),
        )

        self.view.span_clicked.connect(self.on_view_span_clicked)
        desk.changed.connect(self.on_desk_changed)
        desk.leaving.connect(self.save_typing)
        desk.lesson_switched.connect(self.on_desk_lesson_switched)
        self.on_desk_lesson_switched()

    def _view_action(
        self, text: str, name: str, key: str | QKeySequence.StandardKey, slot: object
    ) -> QAction:
        """An action whose key works while the article has the focus (as the label keys)."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        self.view.addAction(action)
        return action

    def _label_actions(self, *, exact: bool) -> dict[Label, QAction]:
        """1-4 (on the toolbar, in the label's colour) and Alt+1-4 (the exact selection)."""
        actions = {}
        for label in LABELS:
            info = label.info
            key = f"Alt+{info.shortcut}" if exact else info.shortcut
            text = f"{info.title}, exact selection" if exact else f"{info.shortcut} {info.title}"
            action = self._view_action(
                text,
                f"key_label_{label.value}" + ("_exact" if exact else ""),
                key,
                lambda lab=label: self.add_selection(lab, exact=exact),
            )
            action.setToolTip(f"Add the selection to the key as {info.title} ({key})")
            if not exact:
                self.toolbar.addAction(action)
                button = self.toolbar.widgetForAction(action)
                if button is not None:
                    button.setStyleSheet(
                        f"QToolButton {{ border-bottom: 4px solid {info.colour}; "
                        "padding: 3px 4px; }"
                    )
            actions[label] = action
        return actions

    # -- reading state ---------------------------------------------------------------------

    def selected_span(self) -> KeySpan | None:
        for k in self.desk.key:
            if k.id == self._selected_id:
                return k
        return None

    # -- edits -----------------------------------------------------------------------------

    def push(self, command: StoreCommand) -> bool:
        """Run `command` (one store write) onto the undo stack; False when it was not saved
        (it is not on the stack then, and the window has said so, from `Desk.failed`)."""
        self.undo_stack.push(command)
        return not command.not_saved

    def add_selection(self, label: Label, *, exact: bool = False) -> None:
        """1-4: the selection, snapped to whole words and trimmed as a student's is (Alt: as
        it is), becomes a key span; with nothing selected, the current suggestion is accepted
        as `label` (suggestion mode) or the selected key span relabelled."""
        lesson = self.desk.lesson
        selection = self.view.selection_cp()
        if lesson is None:
            return
        if selection is None:
            if self.suggesting.active:
                self.suggesting.accept(label)
            elif self.selected_span() is not None:
                self.edit_selected(f"Relabel key span as {label.value}", label=label)
            else:
                self.message.emit("Select some text first, then press 1-4.")
            return
        snap = self.prefs.snap_words() and not exact
        found = selection_range(lesson.article.text, *selection, snap=snap)
        if found is None:
            self.message.emit("That selection is only spaces or punctuation: nothing to add.")
            return
        try:
            span = make_key_span(lesson.article, *found, label, existing=self.desk.key)
        except MedialitError as exc:
            self.message.emit(f"Not added: {exc}")
            return
        if self.push(AddKeySpan(self.desk, span)):
            self.view.clear_selection()
            self.select_span(span.id, move_caret=False)
            self.message.emit(f"Added {label.value} key span: “{short(span.quote, 40)}”")

    def on_delete_key(self) -> None:
        """Delete in the article: rejects the current suggestion in suggestion mode, else
        deletes the selected key span."""
        if self.suggesting.active:
            self.suggesting.reject()
        else:
            self.delete_selected()

    def delete_selected(self) -> None:
        span = self.selected_span()
        if span is not None:
            self._selected_id = None
            if self.push(DeleteKeySpan(self.desk, span)):
                self.message.emit("Deleted the key span. Ctrl+Z brings it back.")

    def walk(self, step: int) -> None:
        """Alt+Down/Up: the next or previous suggestion (suggestion mode) or key span."""
        if self.suggesting.active:
            self.suggesting.walk(step)
            return
        index, caret = self.view.index, self.view.caret_cp()
        span = (
            index.next_after(pos=caret, current=self._selected_id)
            if step > 0
            else index.previous_before(pos=caret, current=self._selected_id)
        )
        if span is None:
            self.message.emit("No more key spans that way.")
        else:
            self.select_span(span.id)

    def on_escape_key(self) -> None:
        if self.suggesting.active:
            self.suggesting.stop()
        else:
            self.view.clear_selection()
            self.select_span(None)

    def edit_selected(self, what: str, **changes: object) -> bool:
        span = self.selected_span()
        if span is None:
            return False
        after = dataclasses.replace(span, **changes)  # type: ignore[arg-type]
        after = dataclasses.replace(after, also_accept=after.also_accept - {after.label})
        if after == span:
            return False
        try:
            check_no_overlap(after, self.desk.key)
        except MedialitError as exc:
            self.message.emit(f"Not changed: {exc}")
            self.details.show_span(span)
            return False
        return self.push(EditKeySpan(self.desk, span, after, what))

    def explain(self, span_id: str, text: str, burst: int) -> bool:
        """Save an explanation typed on `span_id` (which may no longer be the selected one).
        False when it could not be saved (kept in the box, to be tried again)."""
        span = next((k for k in self.desk.key if k.id == span_id), None)
        if span is None or span.explanation == text:
            return True
        if not self.push(ExplainKeySpan(self.desk, span_id, span.explanation, text, burst)):
            return False
        self.message.emit("Explanation saved.")
        return True

    def edit_definitions(self) -> DefinitionsDialog | None:
        """The label definitions dialog; OK saves the four as one undo step."""
        lesson = self.desk.lesson
        if lesson is None:
            return None

        def save(after: tuple[LabelDefinition, ...]) -> None:
            if self.push(EditDefinitions(self.desk, lesson.definitions, after)):
                self.message.emit("Label definitions saved. Ctrl+Z takes them back.")

        dialog = DefinitionsDialog(lesson, save, self)
        dialog.open()
        return dialog

    def save_typing(self) -> None:
        """Save an explanation still being typed (the window closes, another lesson opens)."""
        self.details.save_explanation()

    # -- refresh ---------------------------------------------------------------------------

    def on_desk_lesson_switched(self) -> None:
        self.suggesting.stop()
        self.undo_stack.clear()
        self._selected_id = None
        lesson = self.desk.lesson
        self.view.set_text(lesson.article.text if lesson else "")
        self.view.lesson = lesson
        self.setEnabled(lesson is not None)
        self.refresh()

    def on_desk_changed(self, change: Change) -> None:
        if change.touches & (Touches.KEY | Touches.EXPLANATIONS | Touches.LESSON):
            lesson = self.desk.lesson
            self.view.lesson = lesson
            if change.touches & Touches.TEXT and lesson and self.view.text != lesson.article.text:
                self.suggesting.stop()  # the suggestions were for the old text
                self.undo_stack.clear()  # a new text version: old edits no longer apply
                self.view.set_text(lesson.article.text)
            self.refresh()

    def refresh(self) -> None:
        key = self.desk.key
        if self._selected_id and not any(k.id == self._selected_id for k in key):
            self._selected_id = None
        self.view.set_index(SpanIndex([as_display_span(k) for k in key]))
        self.view.set_selected_span(self._selected_id)
        self.table.show_key(key, self._selected_id)
        self.details.show_span(self.selected_span())
        check = check_key(key)
        optional = len(key) - check.required
        self.counts_label.setText(  # one line on a small screen: optional ones said if any
            " · ".join(f"{lab.info.title} {check.counts[lab]}" for lab in LABELS)
            + f" · {check.required} required"
            + (f", {optional} optional" if optional else "")
        )
        warnings = check.warnings if self.desk.lesson else []
        shown = [f"⚠ {w}" for w in warnings[:MAX_WARNINGS]]
        if len(warnings) > MAX_WARNINGS:
            shown.append(f"… and {len(warnings) - MAX_WARNINGS} more (⚠ in the Why column)")
        self.warnings_label.setText("\n".join(shown))
        self.warnings_label.setToolTip("\n".join(warnings))
        self.delete_action.setEnabled(self._selected_id is not None or self.suggesting.active)
        self.suggesting.refresh()

    def select_span(self, span_id: str | None, *, move_caret: bool = True) -> None:
        """Make `span_id` the key span whose details show and that 1-4 and Delete act on."""
        self._selected_id = span_id
        span = self.selected_span()
        if span is not None and move_caret:
            self.view.place_caret_cp(span.start)
        self.refresh()

    def on_table_span_chosen(self, span_id: str) -> None:
        if span_id != self._selected_id:
            self.select_span(span_id)

    def on_view_span_clicked(self, span_id: str) -> None:
        """A click on a key span selects it; in suggestion mode, a click on a suggestion's words
        (and on no key span) makes it the current suggestion."""
        if span_id and span_id != self._selected_id:
            self.select_span(span_id, move_caret=False)
        elif not span_id and self.suggesting.active:
            self.suggesting.pick_at(self.view.caret_cp())

"""Suggest key: the suggester's draft shown faintly beside the key, answered one key at a time.

"Suggest key" (Ctrl+G) runs `core.suggest` on the lesson's text and enters
suggestion mode until Esc. The article view keeps the focus; the current
suggestion is outlined, and the panel (and a screen reader, via `announce`)
says what it is and why. Enter accepts it (its reason becomes the
explanation), 1-4 accepts it with that label, Delete rejects it, Alt+Down/Up
walk the open ones (a click on a suggestion's words picks it), Ctrl+Enter accepts all open suggestions of its label in
one undo step (those overlapping the key are skipped, and counted). With text
selected, 1-4 labels the selection as usual. Every accept is one undo command;
undoing it shows the suggestion again. Which suggestions are open is
`core.teacher.suggesting`'s business.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from medialit.core.errors import MedialitError
from medialit.core.model import Label
from medialit.core.suggest import Suggestion
from medialit.core.teacher.suggesting import SuggestionQueue
from medialit.core.wording import plural
from medialit.gui.announce import announce
from medialit.gui.store_command import StoreCommand
from medialit.gui.teacher.commands import AddKeySpan, AddKeySpans
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.key_details import short
from medialit.gui.teacher.key_view import KeyArticleView

KEYS_HINT = "1-4: accept as that label · Alt+↓/↑: next or previous"  # the rest on the buttons
BUTTONS = (  # (name, text, key said on it)
    ("suggestion_accept", "Accept", "Enter"),
    ("suggestion_reject", "Reject", "Del"),
    ("suggestion_accept_all", "Accept all", "Ctrl+Enter"),
    ("suggestion_stop", "Stop", "Esc"),
)


class SuggestionHost(Protocol):
    """What the mode asks of the key editor (typed so, the mode does not import the editor)."""

    desk: Desk
    view: KeyArticleView
    message: SignalInstance

    def push(self, command: StoreCommand) -> bool: ...

    def select_span(self, span_id: str | None, *, move_caret: bool = True) -> None: ...

    def refresh(self) -> None: ...


class SuggestionPanel(QGroupBox):
    """The current suggestion in words, with buttons for what the keys do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Suggested key", parent)
        self.setObjectName("suggestion_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.position = QLabel(self)
        self.position.setObjectName("suggestion_position")
        self.quote = QLabel(self)
        self.quote.setObjectName("suggestion_quote")
        self.reason = QLabel(self)
        self.reason.setObjectName("suggestion_reason")
        hint = QLabel(KEYS_HINT, self)
        hint.setObjectName("suggestion_keys")
        hint.setStyleSheet("color: #555;")
        for label in (self.position, self.quote, self.reason, hint):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        made = []
        for name, text, key in BUTTONS:
            button = QPushButton(f"{text} ({key})" if key != "Ctrl+Enter" else text, self)
            button.setObjectName(name)
            button.setToolTip(f"{text} ({key})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work in the article
            buttons.addWidget(button)
            made.append(button)
        self.accept_button, self.reject_button, self.accept_all_button, self.stop_button = made
        layout.addLayout(buttons)

    def show_current(self, current: Suggestion | None, number: int, total: int, text: str) -> None:
        for button in (self.accept_button, self.reject_button, self.accept_all_button):
            button.setEnabled(current is not None)
        if current is None:
            self.position.setText("No suggestions left to answer.")
            self.quote.setText("")
            self.reason.setText("Esc ends suggestion mode.")
            return
        title = current.label.info.title
        self.position.setText(f"Suggestion {number} of {total} · {title}")
        self.quote.setText(f"“{short(text[current.start : current.end], 160)}”")
        self.reason.setText(f"Why: {current.reason}")
        self.accept_all_button.setText(f"All {title}")
        self.accept_all_button.setToolTip(f"Accept all {title} suggestions (Ctrl+Enter)")


class SuggestionMode(QObject):
    """The mode's state and what its keys do, for one key editor."""

    def __init__(self, editor: SuggestionHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = editor
        self.queue: SuggestionQueue | None = None
        self.panel = SuggestionPanel(parent)
        self.panel.hide()
        self.panel.accept_button.clicked.connect(lambda: self.accept())
        self.panel.reject_button.clicked.connect(self.reject)
        self.panel.accept_all_button.clicked.connect(self.accept_all)
        self.panel.stop_button.clicked.connect(self.stop)
        self.start_action = QAction("Suggest key", parent)
        self.start_action.setObjectName("suggest_key")
        self.start_action.setShortcut(QKeySequence("Ctrl+G"))
        self.start_action.setToolTip(
            "Show a suggested draft key, faintly, and answer it: Enter accept, Delete reject "
            "(Ctrl+G)"
        )
        self.start_action.triggered.connect(self.start)
        self.accept_action = self._view_action("Accept suggestion", "suggestion_accept", "Return")
        self.accept_action.triggered.connect(lambda: self.accept())
        self.accept_all_action = self._view_action(
            "Accept all of this label", "suggestion_accept_all", "Ctrl+Return"
        )
        self.accept_all_action.triggered.connect(self.accept_all)

    def _view_action(self, text: str, name: str, key: str) -> QAction:
        action = QAction(text, self.parent())
        action.setObjectName(name + "_key")
        enter = QKeySequence(key.replace("Return", "Enter"))
        action.setShortcuts([QKeySequence(key), enter])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setEnabled(False)
        self.editor.view.addAction(action)
        return action

    @property
    def active(self) -> bool:
        return self.queue is not None

    # -- entering and leaving --------------------------------------------------------------

    def start(self) -> None:
        lesson = self.editor.desk.lesson
        if lesson is None:
            return
        self.queue = SuggestionQueue.for_article(lesson.article)
        for action in (self.accept_action, self.accept_all_action):
            action.setEnabled(True)
        self.panel.show()
        self.editor.view.setFocus()
        self.queue.settle(self.editor.desk.key)
        total = len(self.queue.open(self.editor.desk.key))
        hidden = len(self.queue.suggestions) - total
        more = f" ({hidden} already in the key, not shown)" if hidden else ""
        self.editor.refresh()
        self.say(f"{plural(total, 'suggestion')} to answer{more}. " + self.describe_current())

    def stop(self) -> None:
        if self.queue is None:
            return
        self.queue = None
        for action in (self.accept_action, self.accept_all_action):
            action.setEnabled(False)
        self.panel.hide()
        self.editor.view.set_suggestions((), None)
        self.editor.view.setAccessibleDescription("")
        self.editor.refresh()
        self.say("Suggestion mode ended.")

    # -- answers ---------------------------------------------------------------------------

    def accept(self, label: Label | None = None) -> None:
        """Enter (its own label, its reason the explanation) or 1-4 (that label)."""
        queue, desk = self.queue, self.editor.desk
        if queue is None or queue.current is None:
            self.say("No suggestion to accept. Esc ends suggestion mode.")
            return
        try:
            span = queue.key_span(queue.current, desk.key, label)
        except MedialitError as exc:
            self.say(f"Not added: {exc}")
            return
        name = span.label.info.title
        if self.editor.push(AddKeySpan(desk, span, f"Accept suggested {span.label.value} span")):
            self.editor.select_span(span.id, move_caret=False)
            said = "" if span.explanation else " Write why it is right in Explanation."
            self.say(f"Accepted as {name}.{said} " + self.describe_current())

    def reject(self) -> None:
        queue = self.queue
        if queue is None or queue.current is None:
            return
        queue.reject(queue.current)
        self.refresh()
        self.say("Rejected. " + self.describe_current())

    def walk(self, step: int) -> None:
        if self.queue is not None:
            self.queue.walk(self.editor.desk.key, step)
            self.refresh()
            self.say(self.describe_current())

    def pick_at(self, cp: int) -> None:
        """The open suggestion whose words hold `cp` becomes the current one (a click)."""
        if self.queue is None:
            return
        at = [s for s in self.queue.open(self.editor.desk.key) if s.start <= cp < s.end]
        if at and at[0] != self.queue.current:
            self.queue.current = at[0]
            self.refresh()
            self.say(self.describe_current())

    def accept_all(self) -> None:
        """All open suggestions of the current one's label, in one undo step."""
        queue, desk = self.queue, self.editor.desk
        if queue is None or queue.current is None:
            return
        label = queue.current.label
        try:
            plan = queue.accept_all(label, desk.key)
        except MedialitError as exc:
            self.say(f"Not added: {exc}")
            return
        skipped = (
            f" Skipped {plural(plan.skipped, 'suggestion')} that overlap the key."
            if plan.skipped
            else ""
        )
        if not plan.spans:
            self.say(f"No {label.info.title} suggestion left to accept.{skipped}")
            return
        n = plural(len(plan.spans), f"{label.info.title} suggestion")
        if self.editor.push(AddKeySpans(desk, plan.spans, f"Accept {n}")):
            self.say(f"Accepted {n}.{skipped} " + self.describe_current())

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """After any key change: the current suggestion still open, or the next."""
        queue, lesson = self.queue, self.editor.desk.lesson
        if queue is None or lesson is None:
            return
        key = self.editor.desk.key
        queue.settle(key)
        number, total = queue.position(key)
        self.editor.view.set_suggestions(queue.open(key), queue.current)
        self.panel.show_current(queue.current, number, total, lesson.article.text)
        # a reader without announcements (Orca 43) reads this when the article gets the focus
        self.editor.view.setAccessibleDescription(self.describe_current())

    def describe_current(self) -> str:
        queue, lesson = self.queue, self.editor.desk.lesson
        if queue is None or lesson is None or queue.current is None:
            return "No suggestions left. Esc ends suggestion mode."
        s = queue.current
        number, total = queue.position(self.editor.desk.key)
        quote = short(lesson.article.text[s.start : s.end], 80)
        return f"Suggestion {number} of {total}: {s.label.info.title}, “{quote}”. {s.reason}"

    def say(self, message: str) -> None:
        """In the status bar and to a screen reader (which hears the current suggestion)."""
        self.editor.message.emit(message)
        announce(self.editor.view, message)

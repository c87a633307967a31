"""The student's main window: the article, the label toolbar and legend, the saved state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.model import LABELS, Label, Span, trimmed_range
from medialit.core.store import Change
from medialit.gui.article_view import ArticleView
from medialit.gui.commands import AddSpan
from medialit.gui.errors import show_error
from medialit.gui.session import Session


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = session
        self.undo_stack = QUndoStack(self)
        lesson = session.lesson
        self.setWindowTitle(f"{lesson.title} — medialit")
        self.resize(1100, 760)

        self.view = ArticleView(lesson.article.text, self)
        self.setCentralWidget(self.view)
        self.label_actions = self._make_label_actions()
        self._make_menus()
        self._make_legend()
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("saved_state")
        self.saved_label.setAccessibleName("Save state")
        self.statusBar().addPermanentWidget(self.saved_label)

        session.changed.connect(self.on_session_changed)
        session.failed.connect(self.on_session_failed)
        self.refresh_spans()
        self._set_saved(True)
        self.view.setFocus()

    # -- construction ------------------------------------------------------------------

    def _make_label_actions(self) -> dict[Label, QAction]:
        toolbar = QToolBar("Labels", self)
        toolbar.setObjectName("label_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        actions = {}
        for label in LABELS:
            info = label.info
            action = QAction(f"{info.shortcut} {info.title}", self)
            action.setObjectName(f"label_{label.value}")
            action.setShortcut(QKeySequence(info.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(
                f"{info.title} ({info.shortcut}): {self.session.lesson.definition_of(label)}"
            )
            action.setStatusTip(self.session.lesson.definition_of(label))
            action.triggered.connect(lambda _=False, lab=label: self.label_selection(lab))
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setStyleSheet(
                    f"QToolButton {{ border-bottom: 4px solid {info.colour}; padding: 4px 10px; }}"
                )
                button.setAccessibleName(f"Label selection as {info.title}")
            actions[label] = action
        return actions

    def _make_menus(self) -> None:
        edit = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        labels = self.menuBar().addMenu("&Label")
        for action in self.label_actions.values():
            labels.addAction(action)

    def _make_legend(self) -> None:
        dock = QDockWidget("Labels", self)
        dock.setObjectName("legend_dock")
        body = QWidget(dock)
        layout = QVBoxLayout(body)
        for label in LABELS:
            info = label.info
            text = QLabel(
                f"<span style='background:{info.colour};'>&nbsp;&nbsp;&nbsp;</span> "
                f"<b>{info.shortcut} · {info.title}</b><br>{self.session.lesson.definition_of(label)}"
            )
            text.setWordWrap(True)
            text.setObjectName(f"legend_{label.value}")
            layout.addWidget(text)
        layout.addStretch(1)
        dock.setWidget(body)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    # -- actions -------------------------------------------------------------------------

    def label_selection(self, label: Label) -> None:
        selection = self.view.selection_cp()
        if selection is None:
            self.statusBar().showMessage("Select some text first, then press 1-4.", 4000)
            return
        trimmed = trimmed_range(self.session.article, *selection)
        if trimmed is None:
            self.statusBar().showMessage("That selection is only spaces or punctuation.", 4000)
            return
        span = Span.create(self.session.article, *trimmed, label)
        self._push(AddSpan(self.session, span))

    def _push(self, command: QUndoCommand) -> None:
        self._set_saved(False)
        try:
            self.undo_stack.push(command)
        except MedialitError:
            self.undo_stack.setIndex(self.undo_stack.index())  # the edit did not happen

    # -- refresh -------------------------------------------------------------------------

    def refresh_spans(self) -> None:
        self.view.show_spans(self.session.spans())

    def on_session_changed(self, change: Change) -> None:
        self.refresh_spans()
        self._set_saved(True)

    def on_session_failed(self, exc: BaseException) -> None:
        self.saved_label.setText("Not saved")
        show_error(self, "Could not save", exc)

    def _set_saved(self, saved: bool) -> None:
        self.saved_label.setText("✓ Saved" if saved else "Saving…")

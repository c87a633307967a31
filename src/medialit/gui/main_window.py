"""The student's main window: the article, label actions, span list, definitions, saved state.

The window is the composition: the article view first (start-up paints it,
with the student's spans, before anything else is built or imported), then
`build_parts`: the span list and legend in docks, the actions (gui.actions:
shortcuts, the words a screen reader reads; menus, toolbar, right-click menu).
It keeps which span is selected (gui.navigation moves it) and refreshes on the
session's signals. Edits become undo commands (gui.commands) run through its
undo stack (`push`); gui.span_edits decides *which* edit a key means. The flows
get the window as a `gui.flow_host.FlowHost`, never as this class (the name,
opening a lesson, submitting: on `Session.submitted` the review opens).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from medialit.core.model import Lesson, Span
from medialit.core.prefs import Prefs
from medialit.gui.article_pane import ArticlePane
from medialit.gui.article_view import ArticleView
from medialit.gui.screen_fit import fit_window
from medialit.gui.session import Session
from medialit.gui.status_labels import StatusLabels

if TYPE_CHECKING:  # what the first paint does not need loads later (`build_parts`)
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QShowEvent, QUndoCommand
    from PySide6.QtWidgets import QDialog, QMenu

    from medialit.core.records import Change
    from medialit.core.store import Store
    from medialit.core.submission import Submission
    from medialit.gui.actions import StudentActions
    from medialit.gui.review import ReviewWindow

STATUS_MS = 6000


class MainWindow(QMainWindow):
    acts: StudentActions  # one action per row of actions.ACTIONS (`build_parts`)

    def __init__(self, session: Session, *, parts: bool = True) -> None:
        """The article with the student's spans, and the status bar; the rest of the window
        (`build_parts`) now, or (`parts=False`: start-up) once the article is painted."""
        super().__init__()
        self.setObjectName("main_window")
        self.session = session
        self.prefs: Prefs = session.prefs
        self.undo_stack = QUndoStack(self)
        self.selected_id: str | None = None
        self.dialog: QDialog | None = None  # the dialog open right now, if any
        self.last_submission: Path | None = None
        self.review_window: ReviewWindow | None = None  # the review of the last submission
        self.context_menu: QMenu | None = None
        self.built = self.docks_fitted = False
        fit_window(self, 1200, 780, memory=self.prefs, name="student")

        self.view: ArticleView = ArticleView(session.lesson.article.text, self)
        self.view.lesson = session.lesson
        self.view.set_index(session.index)
        self.view.set_zoom(self.prefs.zoom())
        self.pane = ArticlePane(self.view, self)  # the hint, the article, messages near it
        self.pane.set_first_step(not len(session.index))
        self.setCentralWidget(self.pane)
        self.setWindowTitle(f"{session.lesson.title} — medialit")
        self.status = StatusLabels(self.statusBar())  # who is working, saved or not
        self.saved_label, self.student_label = self.status.saved, self.status.student
        self.status.set_student(session.student)
        if not session.is_open:
            self.statusBar().showMessage("Opening your work…")  # until on_session_opened
        self.view.setFocus()
        if parts:
            self.build_parts()

    def build_parts(self) -> None:
        """Everything but the article: the actions, menus and toolbar, the docks (definitions,
        span list), the teacher menu, the caret's voice, the edge drag and the session's signals.
        Imported here: start-up paints the article before it loads any of them."""
        from medialit.gui import actions, span_edits
        from medialit.gui.caret_voice import CaretVoice
        from medialit.gui.docks import make_dock, size_docks, tab_order
        from medialit.gui.edge_actions import make_edge_actions
        from medialit.gui.edge_drag import EdgeDrag
        from medialit.gui.legend import Legend
        from medialit.gui.shortcuts import install_menu_bar_key
        from medialit.gui.span_list import SpanListPanel
        from medialit.gui.teacher import install_teacher_menu

        session, view = self.session, self.view
        self.span_list = SpanListPanel(session.index, self)
        self.legend = Legend(session.lesson, self)
        self.label_actions = actions.make_label_actions(self)
        self.exact_actions = actions.make_label_actions(self, exact=True)
        self.edge_actions = make_edge_actions(self)
        self.undo_action, self.redo_action = actions.make_undo_actions(self)
        self.acts, self.edit_actions = actions.make_table_actions(self)  # self.acts.<attr>
        self.view_menu = menu = actions.build_menus(self)
        self.toolbar = actions.build_toolbar(self)
        self.legend_dock = make_dock(self, menu, "Label definitions", "legend_dock", self.legend)
        self.span_list_dock = make_dock(self, menu, "Your spans", "span_list_dock", self.span_list)
        size_docks(self, self.legend_dock, self.span_list_dock)
        # only the teacher menu is given the store (it has its own Desk), when it opens
        self.teacher_menu = install_teacher_menu(self, self._store_of)
        actions.build_help_menu(self)
        install_menu_bar_key(self)
        orphans = self.span_list.orphan_panel
        tab_order(self, view, self.span_list.table, orphans.table, orphans.copy_button)
        tab_order(self, orphans.copy_button, orphans.delete_button, self.legend)

        session.changed.connect(self.on_session_changed)
        session.failed.connect(self.on_session_failed)
        session.reloaded.connect(self.on_session_reloaded)
        session.submitted.connect(self.on_session_submitted)
        session.opened.connect(self.on_session_opened)
        view.selectionChanged.connect(self.on_view_selection_changed)
        view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)
        view.span_clicked.connect(self.on_view_span_clicked)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.on_view_custom_context_menu_requested)
        self.span_list.span_chosen.connect(partial(self.select_span, from_list=True))
        self.span_list.span_activated.connect(self.on_span_list_span_activated)
        self.span_list.note_requested.connect(self.on_span_list_note_requested)
        orphans.delete_requested.connect(partial(span_edits.delete_orphan, self))
        orphans.copied.connect(self.on_orphan_panel_copied)

        self.caret_voice = CaretVoice(view, lambda: self.selected_id)  # labels, spoken
        self.edge_drag = EdgeDrag(view, self.selected_span)  # the span's ends, by mouse
        self.edge_drag.dropped.connect(partial(span_edits.drag_selected_edge, self))
        self.built = True
        self.on_session_reloaded()  # may say "Not saved": re-anchoring on open could not be saved
        if self.isVisible():  # shown before it was built (start-up)
            self._shown()

    def _store_of(self) -> Store:
        return self.session.store

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.built:
            self._shown()

    def _shown(self) -> None:
        from medialit.gui.docks import fit_definitions

        if not self.docks_fitted:  # once the window has its size: every definition in view
            self.docks_fitted = True
            fit = partial(fit_definitions, self, self.legend_dock, self.legend, self.span_list_dock)
            QTimer.singleShot(0, self, fit)
        from medialit.gui import student_flow

        student_flow.ask_name_if_nobody(self)

    def on_session_opened(self) -> None:
        """The store is open (start-up painted from a glance): edits are offered now."""
        from medialit.gui import student_flow

        self.statusBar().clearMessage()
        self._update_actions()
        student_flow.ask_name_if_nobody(self)

    # -- what the student sees ------------------------------------------------------------

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def answer(self, message: str, *, near_text: bool = True, described: bool = False) -> None:
        """The answer to what the student just did: status bar, spoken, and (`near_text`) shown
        beside the selection. `described`: the span just described (labelled, reached …)."""
        self.say(message)
        if near_text:
            self.pane.show_message(message)
        self.caret_voice.announce(message, told_by_span=described)

    def _update_actions(self) -> None:
        from medialit.gui.offered import offer_actions

        offer_actions(self, (*self.edit_actions, *self.teacher_menu.actions()))

    def _refresh_definitions(self, lesson: Lesson) -> None:
        self.legend.set_lesson(lesson)
        self.view.lesson = lesson
        for label, action in self.label_actions.items():
            info = label.info
            tip = f"{info.title} ({info.shortcut}): {lesson.definition_of(label)}"
            action.setToolTip(tip)
            action.setStatusTip(lesson.definition_of(label))
            action.setWhatsThis(tip)

    def describe(self, span: Span) -> str:
        from medialit.gui.span_model import describe_span

        return describe_span(span)

    # -- labelling (gui.span_edits decides which edit a key means) -------------------------

    def on_orphan_panel_copied(self, quote: str) -> None:
        from medialit.core.wording import one_line

        self.say(f"Copied “{one_line(quote, 60)}”. Find it in the article to label it again.")

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit through the undo stack; False if the store refused it."""
        self.status.set_saved(False)
        before = self.undo_stack.index()
        self.undo_stack.push(command)  # a failed write makes it obsolete: Qt deletes it
        return self.undo_stack.index() > before

    # -- the selected span (gui.navigation moves it) -------------------------------------

    def selected_span(self) -> Span | None:
        return self.session.index.get(self.selected_id) if self.selected_id else None

    def select_span(
        self, span_id: str | None, *, move_caret: bool = True, from_list: bool = False
    ) -> None:
        """Make `span_id` the span that 1-4, N and Delete act on (None: no span)."""
        span = self.session.index.get(span_id) if span_id else None
        self.selected_id = span.id if span else None
        self.view.set_selected_span(self.selected_id)
        if span is not None and move_caret:
            self.view.place_caret_cp(span.start)
        if not from_list:
            self.span_list.select_span(self.selected_id)
        self.caret_voice.tell(self.describe(span) if span else "")
        if span is not None:
            self.say(self.describe(span))
        self._update_actions()

    def on_view_span_clicked(self, span_id: str) -> None:
        self.select_span(span_id or None, move_caret=False)

    def on_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        """Right-click (or the Menu key): the label actions, note and delete for what is there."""
        if not self.view.textCursor().hasSelection():
            spans = self.view.spans_at_point(pos)
            if spans:
                self.select_span(spans[0].id, move_caret=False)
        from medialit.gui.actions import article_menu

        menu = article_menu(self)
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def on_view_selection_changed(self) -> None:
        if self.view.textCursor().hasSelection() and self.selected_id is not None:
            self.select_span(None, move_caret=False)

    def on_view_cursor_position_changed(self) -> None:
        span = self.selected_span()
        if span is not None and not span.start <= self.view.caret_cp() <= span.end:
            self.select_span(None, move_caret=False)

    def on_span_list_span_activated(self, span_id: str) -> None:
        self.select_span(span_id)
        self.view.setFocus()

    def on_span_list_note_requested(self, span_id: str) -> None:
        from medialit.gui import span_edits

        self.select_span(span_id, from_list=True)
        span_edits.edit_note(self)

    # -- focus (gui.navigation decides where to go) --------------------------------------

    def focus_span_list(self) -> None:
        self.span_list_dock.show()
        self.span_list.table.setFocus()

    def focus_definitions(self) -> None:
        self.legend_dock.show()
        self.legend_dock.raise_()
        self.legend.setFocus()

    def open_teacher_mode(self) -> QDialog:
        from medialit.gui.teacher import open_teacher_mode

        return open_teacher_mode(self, self._store_of(), on_closed=self._teacher_window_gone)

    def _teacher_window_gone(self) -> None:
        """ "I am the teacher" leaves nobody named: once the teacher window closes, whoever
        sits down next is asked for a name (nameless, the hint said "press 1" and 1 did
        nothing)."""
        from medialit.gui import student_flow

        QTimer.singleShot(0, self, partial(student_flow.ask_name_if_nobody, self))

    # -- zoom ---------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.prefs.set_zoom(steps)
        self.view.set_zoom(self.prefs.zoom())
        self.say(f"Zoom {self.prefs.zoom():+d}")

    # -- refresh -------------------------------------------------------------------------

    def _refresh_orphans(self) -> None:
        problem = self.session.load_problem
        self.span_list.orphan_panel.set_orphans(
            self.session.orphans, problem=str(problem) if problem else ""
        )

    def on_session_changed(self, _change: Change) -> None:
        from medialit.gui import review_flow

        if self.status.set_saved(True):  # the first write since one failed: heard, as that was
            from medialit.gui.announce import announce

            announce(self, "Saved again.")
        self.span_list.refresh_counts()
        self._refresh_orphans()
        self.pane.set_first_step(not len(self.session.index))
        span = self.selected_span()
        if self.selected_id is not None and span is None:
            self.select_span(None, move_caret=False)
        elif span is not None:
            self.span_list.select_span(span.id)
            self.caret_voice.tell(self.describe(span))  # its new label, its note
        self.view.viewport().update()
        review_flow.refresh(self, self.acts.last_review)  # a submission: My last review

    def on_session_failed(self, exc: BaseException) -> None:
        from medialit.gui.announce import announce
        from medialit.gui.errors import show_error

        self.status.set_saved(False, failed=True)
        announce(self, "Not saved.", assertive=True, carried=True)  # and the alert below
        show_error(self, "Could not save", exc)

    def on_session_reloaded(self) -> None:
        """Another student or lesson: new text, new spans, fresh undo history."""
        from medialit.core.wording import plural
        from medialit.gui import review_flow
        from medialit.gui.span_list import orphans_text

        session = self.session
        self.undo_stack.clear()
        if self.view.text != session.article.text:
            self.view.set_text(session.article.text)
        self._refresh_definitions(session.lesson)
        self.setWindowTitle(f"{session.lesson.title} — medialit")
        self.status.set_student(session.student)
        self.span_list.refresh_counts()
        self._refresh_orphans()
        self.pane.set_first_step(not len(session.index))
        review_flow.refresh(self, self.acts.last_review)
        self.select_span(None, move_caret=False)
        self.view.viewport().update()
        if session.load_problem is not None:
            self.status.set_saved(False, failed=True)
        moved = sum(p.span.start != p.original.start for p in session.reanchoring.placed)
        if session.orphans:
            self.span_list_dock.show()
            self.say(orphans_text(len(session.orphans), where="under your spans"))
        elif moved:
            self.say(
                f"The article text was corrected: {plural(moved, 'label was', 'labels were')} "
                "moved to where their words are now."
            )

    # -- dialogs -------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], object]) -> None:
        def finished(result: int) -> None:
            self.dialog = None
            self.activateWindow()  # the keys back here: no window manager may give focus back
            if result == dialog.DialogCode.Accepted:
                on_accept()

        self.dialog = dialog
        dialog.finished.connect(finished)
        dialog.open()
        dialog.activateWindow()  # keys go to the dialog even where no window manager gives focus

    # -- submitting (gui.submit_flow) ---------------------------------------------------

    def on_session_submitted(self, submission: Submission) -> None:
        """Work was handed in: its review opens when the lesson allows one."""
        from medialit.gui import submit_flow

        if self.session.lesson.review_allowed:
            submit_flow.open_review(self, submission)

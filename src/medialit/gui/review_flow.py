"""Lesson ▸ My last review: the review of the student's last submission, opened again.

It shows the spans as they were handed in (kept whole in the database when the
file was written), not the work as it is now, scored against the lesson's
current key. The action is disabled, saying why in its tip and the status
bar, when the lesson shows no review (a student pack, feedback "none") or
this student has not submitted this lesson from this computer yet.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAction

from medialit.core.anchoring import reanchor
from medialit.core.errors import MedialitError
from medialit.core.submission import Submission, submission_from_dict
from medialit.core.wording import plural
from medialit.gui import submit_flow
from medialit.gui.errors import show_error
from medialit.gui.flow_host import FlowHost

OPENS = "Open the review of the work you last handed in"
NO_REVIEW = "This lesson does not show a review."
NOT_SUBMITTED = "You have not handed in this lesson yet. Use Lesson ▸ Submit… first."


def why_not(host: FlowHost) -> str:
    """Why My last review cannot open now, or "" when it can."""
    session = host.session
    if not session.lesson.review_allowed:
        return NO_REVIEW
    if not session.own_submissions():
        return NOT_SUBMITTED
    return ""


def last_submission(host: FlowHost) -> Submission | None:
    """The student's newest submission of the open lesson, as it was handed in."""
    body = host.session.last_submission_body()
    if body is None:
        return None
    return submission_from_dict(body, origin="your last submission")


def refresh(host: FlowHost, action: QAction) -> None:
    """Enable the action, or disable it with the reason as its tip (the menu shows tips)."""
    reason = why_not(host)
    action.setEnabled(not reason)
    action.setToolTip(reason or OPENS)
    action.setStatusTip(reason or OPENS)


def open_last_review(host: FlowHost) -> None:
    """Open the review of the last submission: its spans against the current key.

    A submission made on an earlier text of the lesson has its spans placed on
    the current text by their quotes first (as the teacher's class view does);
    any that cannot be placed are left out, and the status bar says how many.
    """
    reason = why_not(host)
    if reason:
        host.say(reason)
        return
    try:
        submission = last_submission(host)
    except MedialitError as exc:
        show_error(host.window(), "Could not show your last review", exc)
        return
    assert submission is not None  # why_not said there is one
    article = host.session.lesson.article
    lost = 0
    if submission.article_sha256 != article.sha256:
        placed, orphans = reanchor(submission.spans, article.text)
        submission = dataclasses.replace(submission, spans=tuple(placed))
        lost = len(orphans)
    submit_flow.open_review(host, submission)
    if lost:
        host.say(
            "The text changed since you handed it in. Not placed on the new text, so not "
            f"in this review: {plural(lost, 'label')}."
        )

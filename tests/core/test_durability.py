"""SIGKILL a process that is saving edits, many times: nothing acknowledged is ever lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.durability import MIN_ACKS, integrity_of, run_kills

KILLS = 20


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.timeout(90)
def test_no_acknowledged_edit_is_lost_when_killed(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    report = run_kills(db, KILLS, seed=7, max_delay=0.2)
    summary = "\n".join(report.lines())
    assert report.kills == KILLS, summary
    # the kills landed amid real work: most after a few edits were acknowledged
    assert report.aimed >= KILLS // 2, summary
    assert report.acknowledged >= MIN_ACKS * report.aimed, summary
    assert report.lost == 0, summary
    assert report.integrity_failures == [], summary
    assert report.diverged == [], summary
    assert report.bad_backups == [], summary
    assert integrity_of(db) == "ok"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.timeout(60)
def test_the_harness_catches_an_app_that_acknowledges_too_early(tmp_path: Path) -> None:
    """Mutation check: saying "saved" before the commit must show up as lost edits.

    A kill shows it only when it lands between the early "saved" and the commit, so keep
    killing (a few rounds at most) until it does.
    """
    lost = 0
    for attempt in range(10):
        db = tmp_path / f"m{attempt}.db"
        report = run_kills(db, 5, seed=100 + attempt, max_delay=0.1, ack_early=True)
        assert report.integrity_failures == []
        lost += report.lost
        if lost:
            break
    assert lost > 0

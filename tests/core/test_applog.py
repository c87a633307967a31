"""The log (core/applog.py): a rotating file in the user's log folder with every caught
unexpected exception's traceback, and none of anyone's words; a log that cannot be
written never stops anything."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.core import applog
from medialit.core.intake import readers
from medialit.core.lesson import default_lesson_path
from tests.intake_paths import window_verdicts

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "data" / "valid" / "sub-valid-ann.json"
NAME, NOTE = "Zebedee Quillfeather", "my secret note about the mayor"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = applog.start_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "medialit.log"
    yield path
    applog.stop_logging()


def test_the_default_folder_is_the_users_log_folder_not_the_databases() -> None:
    state = Path(os.environ["XDG_STATE_HOME"])  # set for every test by conftest
    try:
        path = applog.start_logging()
    finally:
        applog.stop_logging()
    assert path == state / "medialit" / "log" / "medialit.log"
    assert path.is_file()


def test_a_caught_bug_is_logged_with_its_traceback_and_without_its_words(
    log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The production path: a bug while the intake reads a batch (the teacher's import and
    `medialit score` alike) costs one file, and is logged."""

    def buggy(text: str, *, origin: str) -> object:
        raise RuntimeError(f"cannot check {NAME}'s note {NOTE!r}")

    monkeypatch.setattr(readers, "parse_submission", buggy)
    verdicts = window_verdicts([VALID], default_lesson_path())
    assert verdicts == {str(VALID): "could not be read (RuntimeError)"}
    logged = log_file.read_text("utf-8")
    assert "ERROR medialit.core.intake.gathering: reading <text withheld> failed" in logged
    assert "Traceback (most recent call last):" in logged
    assert 'medialit/core/intake/readers.py", line' in logged and "in buggy" in logged
    assert "builtins.RuntimeError [message withheld]" in logged
    assert "Zebedee" not in logged and "secret" not in logged and "Quill" not in logged


def test_text_arguments_are_withheld_numbers_and_types_kept(log_file: Path) -> None:
    log = logging.getLogger("medialit.test")
    log.warning("student %s wrote %d spans (%s)", NAME, 12, ValueError)
    log.warning(NOTE)  # a message that is itself someone's words is still written: a constant
    log.warning("%(who)s: %(n)d", {"who": NAME, "n": 3})
    log.error(RuntimeError(NOTE))  # an exception as the message: its type only
    lines = log_file.read_text("utf-8").splitlines()
    assert lines[0].endswith("student <text withheld> wrote 12 spans (ValueError)")
    assert lines[2].endswith("<text withheld>: 3")
    assert lines[3].endswith("<RuntimeError>")
    assert NAME not in "\n".join(lines)
    wrong = logging.LogRecord("medialit.test", logging.INFO, "", 0, "count %d", (NAME,), None)
    assert applog.private_message(wrong) == "count %d [<text withheld>]"  # a text for a number


def test_a_chain_keeps_every_type_and_errno_but_no_message(log_file: Path) -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, f"no space for {NAME}")
        except OSError as exc:
            raise ValueError(NOTE) from exc
    except ValueError:
        logging.getLogger("medialit.test").exception("saving failed")
    logged = log_file.read_text("utf-8")
    assert f"builtins.OSError (errno {errno.ENOSPC}) [message withheld]" in logged
    assert "builtins.ValueError [message withheld]" in logged
    assert logged.index("OSError") < logged.index("ValueError")  # oldest first, as Python does
    assert NAME not in logged and NOTE not in logged


def test_the_log_rotates_and_keeps_three_old_files(log_file: Path) -> None:
    log = logging.getLogger("medialit.test")
    for i in range(applog.MAX_BYTES * 5 // 60):
        log.info("a line of about sixty bytes, number %d", i)
    names = sorted(p.name for p in log_file.parent.iterdir())
    assert names == ["medialit.log", "medialit.log.1", "medialit.log.2", "medialit.log.3"]
    assert all(p.stat().st_size <= applog.MAX_BYTES for p in log_file.parent.iterdir())


def test_an_unwritable_log_folder_means_no_log_and_nothing_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # a file where the folder should be: even root cannot make it
    assert applog.start_logging(blocker / "logs") is None
    logging.getLogger("medialit.test").error("still running %s", NAME)  # no handler: no error
    assert not (blocker.parent / "logs").exists()
    assert capsys.readouterr().err == ""


def test_a_write_that_fails_later_is_dropped_quietly(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = next(h for h in logging.getLogger("medialit").handlers if hasattr(h, "stream"))
    handler.stream.close()  # as if the disk went away: every write now raises
    logging.getLogger("medialit.test").error("after the disk went %s", NAME)
    assert capsys.readouterr().err == ""  # the stdlib would print the arguments here


def test_the_cli_logs_an_uncaught_bug_and_prints_it_as_before(tmp_path: Path) -> None:
    """The installed command's own `main`: the traceback with its words on stderr, as Python
    prints it; in the log, the traceback without them."""
    code = (
        "import sys\n"
        "import medialit.core.batch as batch\n"
        "def load_key(path):\n"
        f"    raise RuntimeError('key of {NAME}: {NOTE}')\n"
        "batch.load_key = load_key\n"
        "from medialit.cli import main\n"
        "sys.argv = ['medialit', 'score', sys.argv[1], sys.argv[2]]\n"
        "main()\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    ran = subprocess.run(
        [sys.executable, "-c", code, str(default_lesson_path()), str(VALID)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ran.returncode == 1
    assert f"RuntimeError: key of {NAME}: {NOTE}" in ran.stderr  # as today
    logged = (tmp_path / "state" / "medialit" / "log" / "medialit.log").read_text("utf-8")
    assert "INFO medialit.core.applog: medialit" in logged and "started" in logged
    assert "ERROR medialit.core.applog: uncaught exception" in logged
    assert "in load_key" in logged and "builtins.RuntimeError [message withheld]" in logged
    assert NAME not in logged and NOTE not in logged


def test_records_made_before_the_log_opens_are_written_first(tmp_path: Path) -> None:
    """Start-up paints before it opens the log file: what was logged meanwhile is kept."""
    applog.hold()
    logging.getLogger("medialit.test").warning("before the first paint %d", 1)
    try:
        path = applog.start_logging(tmp_path)
        logging.getLogger("medialit.test").warning("after it")
    finally:
        applog.stop_logging()
    assert path is not None
    lines = path.read_text("utf-8").splitlines()
    assert lines[0].endswith("before the first paint 1") and lines[1].endswith("after it")

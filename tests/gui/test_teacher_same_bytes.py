"""`medialit score --roster` and the teacher window write the same bytes (issue 12), on a
database with no teacher decisions (no picks, links, due date or key release): the same
roster file read by the same rules, the same submissions, one gradebook."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pytestqt.qtbot import QtBot

from medialit.cli import cli
from medialit.core.store import Store
from medialit.core.teacher.packs import write_review_pack
from tests.gui.gradebook_class import Hand, authored, hand_in, import_into, teacher_with

ROSTER_CSV = (
    "Last name,First name,Section,Email,ID\r\n"
    "Okafor,Daniel,8A,daniel@school.example,1001\r\n"
    "Ångström,Zoë,8A,zoe@school.example,1002\r\n"
    "Missing,Dora,8A,,\r\n"
    "Ng,Ben,8B,ben@school.example,2001\r\n"
)
HANDS = [
    Hand("zoe  angstrom", "z-id", 20, note="x;=1+1"),  # folded onto Zoë Ångström
    Hand("Dan Okafor", "d-id", 10),  # close to Daniel Okafor: listed apart, proposed
    Hand("Ng, Ben", "b-id", 5, class_code="8B"),
    Hand("Xavier New", "x-id", 1, class_code="8C"),
]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_window_and_the_command_write_the_same_bytes(
    qtbot: QtBot, tmp_path: Path, delimiter: str
) -> None:
    store = Store.memory()
    lesson = authored(store)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_CSV, encoding="utf-8-sig", newline="")
    files = hand_in(tmp_path / "in", lesson, HANDS)
    window = teacher_with(qtbot, store)
    assert window.roster.add_csv(roster) == 4  # the Roster tab's "Import CSV…"
    import_into(qtbot, window, files)
    assert not store.grading.decided(lesson.id)
    window.exports.set_csv_delimiter(delimiter)
    gui = window.exports.results_csv(tmp_path / "gui.csv")
    gui_details = window.exports.details_csv(tmp_path / "gui-details.csv")
    assert gui is not None and gui_details is not None

    key = write_review_pack(lesson, tmp_path / "key.json")  # not through the window: no release
    out, details = tmp_path / "cli.csv", tmp_path / "cli-details.csv"
    argv = ["score", str(key), str(tmp_path / "in"), "--roster", str(roster)]
    argv += ["-o", str(out), "--details", str(details), "--delimiter", delimiter]
    ran = CliRunner().invoke(cli, argv, catch_exceptions=False)
    assert ran.exit_code == 0, ran.stderr
    assert gui.read_bytes() == out.read_bytes()
    assert gui_details.read_bytes() == details.read_bytes()
    text = out.read_text("utf-8-sig")
    names = [line.split(delimiter)[0] for line in text.splitlines()[1:]]
    assert names == [
        '"Daniel Okafor"',
        '"Dora Missing"',
        '"Zoë Ångström"',
        '"Ben Ng"',
        '"Dan Okafor"',
        '"Xavier New"',
    ]
    assert "'Dan Okafor' is not on the roster; close to Daniel Okafor" in ran.stderr
    assert "'Xavier New' is not on the roster" in ran.stderr
    store.close()

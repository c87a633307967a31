"""The gradebook in the teacher window (issue 12): roster rows with their status, close names
proposed and linked only on the teacher's click, the key release and after-key-release rows,
picks, held ids and dates, points, a due date, and the Student column frozen."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.gradebook.rows import Status
from medialit.core.store import Store
from medialit.gui.teacher.grading_dialog import GradingDialog
from tests.gui.gradebook_class import (
    Hand,
    authored,
    hand_in,
    import_into,
    rostered_class,
    rows,
    select_student,
    teacher_with,
)


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_roster_student_and_a_close_name_linked_only_when_confirmed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, lesson, window = rostered_class(qtbot)
    files = hand_in(
        tmp_path / "in",
        lesson,
        [
            Hand("zoe angstrom", "z-id", 20),  # folded: the roster's Zoë Ångström
            Hand("Dan Okafor", "d-id", 10),  # close to Daniel Okafor: proposed only
            Hand("Ben Ng", "b-id", 5, class_code="8B"),
        ],
    )
    import_into(qtbot, window, files)
    view = window.class_tab
    got = {name: (r.status, r.student.entry is not None) for name, r in rows(window).items()}
    assert got == {
        "Daniel Okafor": (Status.NOT_SUBMITTED, True),
        "Dora Missing": (Status.NOT_SUBMITTED, True),
        "Zoë Ångström": (Status.SUBMITTED, True),
        "Ben Ng": (Status.SUBMITTED, True),
        "Dan Okafor": (Status.SUBMITTED, False),  # listed apart, never dropped
    }
    assert rows(window)["Dora Missing"].report is None  # nothing to score: empty figures
    # The proposal waits for the teacher.
    select_student(window, "Dan Okafor")
    panel = view.handed
    assert panel.link_button.isVisible() and panel.proposals.count() == 1
    assert panel.proposals.itemText(0).startswith("Daniel Okafor (8A)")
    assert store.roster.entries("8A")[0].student_ids == ()
    panel.link_button.click()
    after = rows(window)
    assert "Dan Okafor" not in after and after["Daniel Okafor"].status is Status.SUBMITTED
    assert [e.student_ids for e in store.roster.entries("8A") if e.name == "Daniel Okafor"] == [
        ("d-id",)
    ]
    results = window.exports.results_csv(tmp_path / "results.csv")
    assert results is not None
    table = read(results)
    assert [(r["student_name"], r["status"], r["roster"]) for r in table] == [
        ("Daniel Okafor", "submitted", "listed"),
        ("Dora Missing", "not submitted", "listed"),
        ("Zoë Ångström", "submitted", "listed"),
        ("Ben Ng", "submitted", "listed"),
    ]
    assert table[1]["score"] == table[1]["points"] == table[1]["precision"] == ""
    store.close()


def test_after_the_key_release_a_new_file_is_marked_and_graded_only_if_picked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, lesson, window = rostered_class(qtbot)
    import_into(
        qtbot, window, hand_in(tmp_path / "a", lesson, [Hand("Ben Ng", "b", 3, class_code="8B")])
    )
    # Lesson ▸ Export review pack warns first; Cancel releases nothing.
    window.actions_by_name["review_pack"].trigger()
    box = window.findChild(QMessageBox, "release_key_box")
    assert box is not None and box.isVisible() and "after key release" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert store.grading.of(lesson.id).key_released_at == ""
    assert window.exports.review_pack(tmp_path / "review.json") is not None
    released = store.grading.of(lesson.id).key_released_at
    assert released
    # Relabelled with the key in hand, dated (by the laptop) before the release.
    late = Hand("Ben Ng", "b", 20, at="2026-11-30T09:30:00+00:00", class_code="8B")
    import_into(qtbot, window, hand_in(tmp_path / "b", lesson, [late]))
    ben = rows(window)["Ben Ng"]
    assert ben.status is Status.SUBMITTED and ben.report is not None
    assert ben.report.correct == 3  # still the first file
    view = window.class_tab
    select_student(window, "Ben Ng")
    panel = view.handed
    fates = [panel.table.item(r, 2).text() for r in range(panel.table.rowCount())]
    assert fates == ["graded", "imported after the key was released: graded only if you pick it"]
    panel.table.selectRow(1)
    panel.pick_button.click()
    ben = rows(window)["Ben Ng"]
    assert ben.status is Status.AFTER_KEY_RELEASE and ben.report is not None
    assert ben.report.correct == 20
    assert store.grading.of(lesson.id).key_released_at == released  # a pick moves nothing
    store.close()


def test_a_copied_id_and_a_far_future_date_are_held_until_the_teacher_says(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, lesson, window = rostered_class(qtbot)
    import_into(
        qtbot,
        window,
        hand_in(tmp_path / "a", lesson, [Hand("Ben Ng", "ben-id", 3, class_code="8B")]),
    )
    copied = Hand("Zoë Ångström", "ben-id", 30)  # a classmate's id, copied from a file
    future = Hand("Dora Missing", "dora-id", 30, at="9999-12-31T23:59:59+00:00")
    import_into(qtbot, window, hand_in(tmp_path / "b", lesson, [copied, future]))
    got = rows(window)
    assert got["Ben Ng"].status is Status.SUBMITTED and got["Ben Ng"].report is not None
    assert got["Zoë Ångström"].status is Status.NEEDS_REVIEW and got["Zoë Ångström"].report is None
    assert got["Dora Missing"].status is Status.NEEDS_REVIEW
    view = window.class_tab
    select_student(window, "Zoë Ångström")
    panel = view.handed
    assert "first used by “Ben Ng”" in panel.table.item(0, 2).text()
    assert panel.confirm_button.isEnabled()
    panel.confirm_button.click()
    assert rows(window)["Zoë Ångström"].status is Status.SUBMITTED
    store.close()


def test_points_rounding_zero_and_a_due_date_from_the_grading_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, lesson, window = rostered_class(qtbot)
    hands = [
        Hand("Ben Ng", "b", 29, at="2026-11-30T09:00:00+00:00", class_code="8B"),
        Hand("Zoë Ångström", "z", 10, at="2026-11-30T11:00:00+00:00"),
    ]
    import_into(qtbot, window, hand_in(tmp_path / "a", lesson, hands))
    dialog = window.edit_grading()
    assert isinstance(dialog, GradingDialog)
    dialog.out_of.setValue(10)
    dialog.rounding.setCurrentIndex(0)  # whole points
    dialog.zero.setChecked(True)
    dialog.has_due.setChecked(True)
    dialog.due.setDateTime(QDateTime.fromString("2026-11-30T10:00:00Z", Qt.DateFormat.ISODate))
    dialog.save()
    grading = store.grading.of(lesson.id)
    assert (grading.out_of, grading.decimals, grading.zero_for_missing) == (10.0, 0, True)
    assert grading.due_at == "2026-11-30T10:00:00+00:00"
    got = rows(window)
    assert got["Ben Ng"].status is Status.SUBMITTED and got["Zoë Ångström"].status is Status.LATE
    ben_score = got["Ben Ng"].report.score  # type: ignore[union-attr]
    table = read(window.exports.results_csv(tmp_path / "r.csv"))  # type: ignore[arg-type]
    by = {r["student_name"]: r for r in table}
    assert by["Ben Ng"]["out_of"] == "10"
    assert by["Ben Ng"]["points"] == str(int(ben_score / 10 + 0.5))  # whole, halves up
    assert by["Dora Missing"]["score"] == "0.0" and by["Dora Missing"]["points"] == "0"
    assert by["Zoë Ångström"]["status"] == "late"
    store.close()


def test_the_student_column_stays_in_view_when_the_table_scrolls(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.memory()
    lesson = authored(store)
    window = teacher_with(qtbot, store)
    import_into(qtbot, window, hand_in(tmp_path / "a", lesson, [Hand("Ann Lee", "a", 4)]))
    table = window.class_tab.table
    table.resize(400, 300)
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0
    assert table.columnViewportPosition(0) < 0  # the real column scrolled away …
    frozen = table.frozen
    assert frozen.isVisible() and frozen.x() <= table.frameWidth() + 1  # … its copy did not
    assert frozen.width() == table.columnWidth(0)
    assert frozen.model().index(0, 0).data() == "Ann Lee"
    assert not frozen.isColumnHidden(0) and frozen.isColumnHidden(1)
    store.close()


def test_an_lms_zip_imports_like_a_folder_and_its_names_place_the_files(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import zipfile

    from medialit.core.jsonfile import dump_json
    from medialit.core.submission import submission_to_dict
    from tests.gui.gradebook_class import submission

    store, lesson, window = rostered_class(qtbot)
    archive = tmp_path / "8A-moodle.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (folder, typed) in enumerate([("Daniel Okafor", "dan"), ("Zoë Ångström", "Z")]):
            body = dump_json(submission_to_dict(submission(lesson, Hand(typed, f"l{i}", 5 + i))))
            zf.writestr(f"{folder}_{7000 + i}_assignsubmission_file_/sub/medialit.json", body)
    import_into(qtbot, window, [archive])
    got = rows(window)
    assert got["Daniel Okafor"].status is Status.SUBMITTED
    assert got["Zoë Ångström"].status is Status.SUBMITTED
    assert "dan" not in got and "Z" not in got  # nobody listed apart
    stored = store.submissions.imported(lesson.id, current_only=False)
    assert all(s.path.startswith(str(archive)) for s in stored)
    store.close()

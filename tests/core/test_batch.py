"""The input side of `medialit score`: keys, submission files, folders, JSONL, problems."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from medialit.core.batch import collect, load_key, score_all
from medialit.core.errors import UnscorableKeyError
from medialit.core.intake.doccano import NO_EXTRAS_NOTICE
from medialit.core.intake.sources import Problem
from medialit.core.model import Label
from medialit.core.scoring import score
from medialit.core.text import text_hash
from tests.score_files import (
    KEY,
    TEXT,
    jsonl_line,
    make_lesson,
    make_submission,
    spans_for,
    write_jsonl,
    write_lesson,
    write_submission,
)

GOOD = [("Baldwin said it was a one-in-a-trillion event", Label.CLAIM), ("CBS News", Label.FACT)]


@pytest.fixture
def lesson_file(tmp_path: Path) -> Path:
    return write_lesson(tmp_path / "lesson.json")


def reasons(problems: tuple[Problem, ...]) -> list[str]:
    return [str(p) for p in problems]


# --- keys ----------------------------------------------------------------------------------


def test_lesson_key(lesson_file: Path) -> None:
    key = load_key(lesson_file)
    assert key.lesson.title == "Rust shooting" and key.lesson.id == "c" * 32
    assert key.lesson.article.text == TEXT and len(key.lesson.key) == len(KEY)


def test_jsonl_key(tmp_path: Path) -> None:
    first = json.dumps({"text": TEXT, "label": [[k.start, k.end, k.label.value] for k in KEY]})
    path = write_jsonl(tmp_path / "key.jsonl", [first, '{"ignored": 1}'])
    key = load_key(path)
    assert key.lesson.title == "key" and key.lesson.id == ""
    trimmed = [(k.start, k.end, k.label) for k in KEY]
    trimmed[1] = (47, 59, Label.SOURCING)  # "(via CBS News)." trims to "via CBS News"
    assert [(k.start, k.end, k.label) for k in key.lesson.key] == trimmed
    assert reasons(key.notices) == [
        f"{path}: {NO_EXTRAS_NOTICE}",
        f"{path}:2: only the first line is the key; the other lines are ignored",
    ]


def test_jsonl_key_offsets_count_the_text_as_written(tmp_path: Path) -> None:
    raw = "\ufeffFirst line.\r\nPolice said so."
    start = raw.index("Police")
    line = json.dumps({"text": raw, "label": [[start, start + 6, "sourcing"]]})
    key = load_key(write_jsonl(tmp_path / "key.jsonl", [line]))
    (span,) = key.lesson.key
    assert key.lesson.article.text == "First line.\nPolice said so."
    assert span.quote == "Police" and (span.start, span.end) == (12, 18)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"label": []}', "text: is missing"),
        ('{"text": "abc", "label": [[0, 9, "claim"]]}', "is not a span of the text"),
        ('{"text": "abc", "label": [[0, 2, "opinion"]]}', "unknown label 'opinion'"),
        ('{"text": "abc", "label": [[0, 2]]}', "must be [start, end, label]"),
        ('{"text": "abc", "label": [[0, 2.0, "claim"]]}', "is not a span"),
        ('{"text": "abc", "label": [[0, 2, "claim"], [1, 3, "claim"]]}', "two claim key spans"),
        ('{"text": "abc", "label": []}', "no required span"),
        ('{"text": "abc", "text": "abd", "label": []}', "duplicate key"),
    ],
)
def test_unusable_jsonl_key(tmp_path: Path, line: str, reason: str) -> None:
    path = write_jsonl(tmp_path / "key.jsonl", [line])
    with pytest.raises(UnscorableKeyError, match=re.escape(reason)) as info:
        load_key(path)
    assert str(info.value).startswith(f"{path}:1: ")


def test_unusable_lesson_keys(tmp_path: Path) -> None:
    no_key = write_lesson(tmp_path / "pack.json", make_lesson(key=None))
    with pytest.raises(UnscorableKeyError, match="no answer key"):
        load_key(no_key)
    only_optional = [k for k in KEY if k.optional]
    optional = write_lesson(tmp_path / "opt.json", make_lesson(key=only_optional))
    with pytest.raises(UnscorableKeyError, match="no required span"):
        load_key(optional)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(UnscorableKeyError, match=re.escape(str(broken))):
        load_key(broken)


# --- submission files ------------------------------------------------------------------------


def test_submission_files_are_scored_and_bad_ones_reported(
    lesson_file: Path, tmp_path: Path
) -> None:
    key = load_key(lesson_file)
    good = write_submission(tmp_path / "good.json", make_submission("s1", spans_for(TEXT, GOOD)))
    other_text = write_submission(
        tmp_path / "other.json", make_submission("s2", [], sha256=text_hash("another article"))
    )
    bad_quote_file = tmp_path / "quote.json"
    bad_quote = make_submission("s3", spans_for(TEXT, GOOD))
    data = json.loads(write_submission(bad_quote_file, bad_quote).read_text())
    data["spans"][0]["quote"] = "something else"
    bad_quote_file.write_text(json.dumps(data))
    not_json = tmp_path / "junk.json"
    not_json.write_text("{not json")

    collected = collect(key, [good, other_text, bad_quote_file, not_json])
    assert [e.header.student_id for e in collected.entries] == ["s1"]
    assert reasons(collected.problems) == [
        f"{other_text}: article_sha256: is for a different article text "
        "(not this lesson's article nor an earlier version of it)",
        f"{bad_quote_file}: spans[0].quote: quote 'something else' does not match the text "
        "at [0, 45)",
        f"{not_json}: not valid JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)",
    ]
    (result,) = score_all(key, collected.entries)
    assert result.report == score(KEY, spans_for(TEXT, GOOD), TEXT)
    assert (result.student, result.class_code, result.lesson) == ("s1", "7b", "Rust shooting")


def test_folder_is_read_in_name_order(lesson_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    for name, student in (("b.json", "s2"), ("a.json", "s1"), ("c.json", "s3")):
        write_submission(folder / name, make_submission(student, spans_for(TEXT, GOOD[:1])))
    (folder / "notes.txt").write_text("ignored")
    collected = collect(load_key(lesson_file), [folder])
    assert [e.header.student_id for e in collected.entries] == ["s1", "s2", "s3"]
    assert collected.problems == ()


def test_empty_folder_is_a_problem(lesson_file: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    collected = collect(load_key(lesson_file), [tmp_path / "empty"])
    assert reasons(collected.problems) == [
        f"{tmp_path / 'empty'}: the folder has no submission files (*.json, *.jsonl)"
    ]


def test_identical_files_count_once(lesson_file: Path, tmp_path: Path) -> None:
    first = write_submission(tmp_path / "a.json", make_submission("s1", spans_for(TEXT, GOOD)))
    copy = tmp_path / "a-copy.json"
    shutil.copy(first, copy)
    collected = collect(load_key(lesson_file), [first, copy, first])
    assert len(collected.entries) == 1 and collected.problems == ()
    assert reasons(collected.notices) == [  # the same file named twice is read once
        f"{copy}: the same submission as {first}; counted once",
    ]


def test_latest_submission_of_a_student_wins(lesson_file: Path, tmp_path: Path) -> None:
    late = write_submission(
        tmp_path / "late.json",
        make_submission("s1", spans_for(TEXT, GOOD), submitted_at="2026-01-05T12:00:00+01:00"),
    )
    early = write_submission(
        tmp_path / "early.json",
        make_submission("s1", spans_for(TEXT, GOOD[:1]), submitted_at="2026-01-05T10:30:00Z"),
    )
    other = write_submission(tmp_path / "other.json", make_submission("s2", []))
    collected = collect(load_key(lesson_file), [late, other, early])
    assert [(e.header.student_id, e.origin) for e in collected.entries] == [
        ("s1", str(late)),
        ("s2", str(other)),
    ]
    (notice,) = collected.notices
    assert "student 's1' appears more than once: using " in notice.reason
    assert notice.reason.index(str(late)) < notice.reason.index(str(early))


def test_without_times_the_later_input_wins(lesson_file: Path, tmp_path: Path) -> None:
    lines = [
        jsonl_line("ann", [(0, 7, "claim")]),
        jsonl_line("bob", []),
        jsonl_line("ann", [(0, 45, "claim")]),
    ]
    path = write_jsonl(tmp_path / "subs.jsonl", lines)
    collected = collect(load_key(lesson_file), [path])
    assert [(e.header.student_id, e.origin) for e in collected.entries] == [
        ("ann", f"{path}:3"),
        ("bob", f"{path}:2"),
    ]
    assert collected.notices[0].line == 3


def test_earlier_article_version_is_reanchored(tmp_path: Path) -> None:
    old_text = TEXT.replace("Investigators", "Investigaters").replace("mislabelled", "mislabeled")
    old_spans = spans_for(
        old_text,
        [
            ("Baldwin said it was a one-in-a-trillion event", Label.CLAIM),
            ("the gun held live rounds", Label.FACT),
            ("It may have been mislabeled", Label.SPECULATION),  # the corrected word
        ],
    )
    lesson = make_lesson(previous_sha256=(text_hash(old_text),))
    key = load_key(write_lesson(tmp_path / "lesson.json", lesson))
    sub = write_submission(tmp_path / "old.json", make_submission("s1", old_spans, text=old_text))
    collected = collect(key, [sub])
    assert collected.problems == ()
    (entry,) = collected.entries
    assert [(s.start, s.end) for s in entry.spans] == [  # type: ignore[union-attr]
        (0, 45),
        (TEXT.index("the gun"), TEXT.index("the gun") + len("the gun held live rounds")),
    ]
    assert [n.reason for n in collected.notices] == [
        "made on an earlier version of the article: 2 of 3 spans re-anchored in the corrected text",
        f"span speculation 'It may have been mislabeled' at [{old_spans[2].start}, "
        f"{old_spans[2].end}) is not in the corrected text; not scored",
    ]


def test_other_lesson_with_the_same_article_is_scored_with_a_notice(
    lesson_file: Path, tmp_path: Path
) -> None:
    sub = write_submission(
        tmp_path / "s.json", make_submission("s1", spans_for(TEXT, GOOD), lesson_id="d" * 32)
    )
    collected = collect(load_key(lesson_file), [sub])
    assert len(collected.entries) == 1
    assert "was made for lesson dddd" in collected.notices[0].reason


# --- JSONL submissions ----------------------------------------------------------------------


def test_jsonl_submissions_with_problems_by_line(lesson_file: Path, tmp_path: Path) -> None:
    lines = [
        jsonl_line("ann", [(0, 45, "claim"), (47, 59, "sourcing")], class_code="7b"),
        "",
        "{oops",
        jsonl_line("bob", [(0, 999, "claim")]),
        jsonl_line("cat", [(0, 5, "opinion")]),
        jsonl_line("dan", [], text=TEXT.replace("Baldwin", "Baldwyn")),
        jsonl_line("", []),
        json.dumps({"student": "eve", "label": []}),
        jsonl_line("fay", [], submitted_at="2026-01-05"),
    ]
    path = write_jsonl(tmp_path / "subs.jsonl", lines)
    collected = collect(load_key(lesson_file), [path])
    assert [
        (e.header.student_id, e.header.class_code, e.header.submitted_at) for e in collected.entries
    ] == [
        ("ann", "7b", ""),
        ("fay", "", "2026-01-05"),
    ]
    assert [(p.line, p.detail.split(":")[0]) for p in collected.problems] == [
        (3, "not valid JSON"),
        (4, "label[0]"),
        (5, "label[0]"),
        (6, "text"),
        (7, "student"),
        (8, "text"),
    ]
    assert collected.problems[3].reason == (
        "is not the lesson's article text (first difference at character 5)"
    )
    assert collected.problems[4].reason == "is missing or empty"
    assert all(p.file == str(path) for p in collected.problems)
    assert collected.entries[0].spans == ((0, 45, Label.CLAIM), (47, 59, Label.SOURCING))


def test_jsonl_text_with_crlf_is_accepted_and_offsets_mapped(tmp_path: Path) -> None:
    text = TEXT.replace(". ", ".\n")  # same length, so the key's offsets still hold
    key = load_key(write_lesson(tmp_path / "lesson.json", make_lesson(text)))
    raw = "\ufeff" + text.replace("\n", "\r\n")
    start = raw.index("the gun")
    line = jsonl_line("ann", [(start, start + len("the gun held live rounds"), "fact")], text=raw)
    collected = collect(key, [write_jsonl(tmp_path / "s.jsonl", [line])])
    assert collected.problems == ()
    (entry,) = collected.entries
    (s, e, label) = entry.spans[0]  # type: ignore[misc]
    assert text[s:e] == "the gun held live rounds" and label is Label.FACT
    assert s == start - 2  # the BOM and one "\r" before it are gone


def test_jsonl_student_names_are_cleaned(lesson_file: Path, tmp_path: Path) -> None:
    line = jsonl_line("  Ann\u0000  Lee ", [])
    collected = collect(load_key(lesson_file), [write_jsonl(tmp_path / "s.jsonl", [line])])
    assert collected.entries[0].header.student_id == "Ann Lee"

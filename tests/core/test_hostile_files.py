"""The hostile-file corpus (tests/data/hostile, made by tests/data/make_hostile.py), run
through the production paths: the teacher window's import and `medialit score`, which must
give every file the same verdict (`tests/intake_paths.py`).

Every bad file is rejected with a message naming the file and the field, nothing is written
but what the import keeps, and the valid files of the same batch still come through.
Odd-but-harmless files (formula or path-like names, forged scores) are accepted with names
sanitised and scores ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.core.errors import FileFormatError
from medialit.core.jsonfile import MAX_FILE_BYTES, Fields
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.submission import (
    MAX_SPANS,
    Submission,
    submission_filename,
    submission_to_dict,
)
from tests.intake_paths import score_run, score_verdicts, window_import, window_verdicts

DATA = Path(__file__).resolve().parents[1] / "data"
SUBS = DATA / "hostile" / "submissions"
LESSONS = DATA / "hostile" / "lessons"
VALID = DATA / "valid"
LESSON_FILE = default_lesson_path()
LESSON = load_lesson(LESSON_FILE)

# file -> (field named in the message, or None for a whole-file problem; words of the reason)
BAD_SUBMISSIONS: dict[str, tuple[str | None, str]] = {
    "sub-empty.json": (None, "the file is empty"),
    "sub-whitespace-only.json": (None, "the file is empty"),
    "sub-invalid-utf8.json": (None, "not UTF-8"),
    "sub-utf16.json": (None, "not UTF-8"),
    "sub-latin1.json": (None, "not UTF-8"),
    "sub-not-json.json": (None, "not valid JSON"),
    "sub-truncated.json": (None, "not valid JSON"),
    "sub-trailing-data.json": (None, "Extra data"),
    "sub-nul-bytes.json": (None, "not valid JSON"),
    "sub-raw-control-char.json": (None, "Invalid control character"),
    "sub-duplicate-key.json": ("student_name", "duplicate key"),
    "sub-duplicate-key-in-span.json": ("spans[0].start", "duplicate key"),
    "sub-nan.json": ("spans[0].start", "NaN is not allowed"),
    "sub-infinity.json": ("spans[0].end", "Infinity is not allowed"),
    "sub-negative-infinity.json": ("spans[0].start", "-Infinity is not allowed"),
    "sub-deep-nesting.json": (None, "nested too deeply"),
    "sub-nesting-over-limit.json": (None, "nested too deeply"),
    "sub-top-level-array.json": (None, "expected a JSON object, found list"),
    "sub-top-level-string.json": (None, "expected a JSON object, found str"),
    "sub-top-level-number.json": (None, "expected a JSON object, found int"),
    "sub-offset-bool.json": ("spans[0].start", "whole number, not true"),
    "sub-offset-float.json": ("spans[0].start", "whole number, not a decimal"),
    "sub-offset-string.json": ("spans[0].start", "whole number, not text"),
    "sub-offset-null.json": ("spans[0].end", "whole number, not null"),
    "sub-offset-exponent.json": ("spans[0].start", "whole number, not a decimal"),
    "sub-offset-negative.json": ("spans[0].start", "outside the range 0-8,388,607"),
    "sub-offset-inverted.json": ("spans[0].end", "is not a span (need start < end)"),
    "sub-offset-zero-length.json": ("spans[0].end", "is not a span (need start < end)"),
    "sub-offset-past-end.json": ("spans[0].end", "past the end of the article"),
    "sub-offset-huge.json": ("spans[0].end", "outside the range 1-8,388,608"),
    "sub-offset-5000-digits.json": (None, "too many digits"),
    "sub-offset-shifted-by-one.json": ("spans[0].quote", "does not match the text"),
    "sub-quote-mismatch.json": ("spans[0].quote", "does not match the text"),
    "sub-quote-nfd.json": ("spans[0].quote", "does not match the text"),
    "sub-quote-missing.json": ("spans[0].quote", "is missing"),
    "sub-wrong-article-sha.json": ("article_sha256", "different article text"),
    "sub-sha-uppercase.json": ("article_sha256", "lowercase SHA-256"),
    "sub-sha-short.json": ("article_sha256", "64-character"),
    "sub-other-lesson.json": ("lesson_id", "is for another lesson"),
    "sub-lesson-id-path.json": ("lesson_id", "letters, digits"),
    "sub-unknown-label.json": ("spans[0].label", "unknown label 'opinion'"),
    "sub-label-capitalised.json": ("spans[0].label", "unknown label 'Claim'"),
    "sub-label-number.json": ("spans[0].label", "must be a string"),
    "sub-format-version-2.json": ("format_version", "reads version 1"),
    "sub-format-version-string.json": ("format_version", "whole number, not text"),
    "sub-format-version-missing.json": ("format_version", "is missing"),
    "sub-format-is-lesson.json": ("format", "expected 'medialit-submission'"),
    "sub-spans-missing.json": ("spans", "is missing"),
    "sub-spans-object.json": ("spans", "must be a list"),
    "sub-span-not-object.json": ("spans[0]", "must be an object"),
    "sub-duplicate-span-id.json": ("spans[1].id", "repeated"),
    "sub-student-id-path.json": ("student_id", "letters, digits"),
    "sub-student-id-empty.json": ("student_id", "letters, digits"),
    "sub-name-missing.json": ("student_name", "is missing"),
    "sub-name-number.json": ("student_name", "must be text"),
    "sub-name-only-controls.json": ("student_name", "is empty"),
    "sub-name-lone-surrogate.json": ("student_name", "lone UTF-16 surrogate"),
    "sub-quote-lone-surrogate.json": ("spans[0].quote", "lone UTF-16 surrogate"),
    "sub-key-lone-surrogate.json": ("class_?", "lone surrogate"),
    "sub-submitted-at-not-a-date.json": ("submitted_at", "not an ISO 8601"),
    "sub-lesson-version-bool.json": ("lesson_version", "whole number, not true"),
    "sub-note-too-long.json": ("spans[0].note", "over the limit of 5,000"),
}

# file -> the display name kept (control characters gone, the rest as typed)
ACCEPTED: dict[str, str] = {
    "ok-forged-score.json": "Ann Lee",
    "ok-name-control-chars.json": "Ann Lee",
    "ok-name-path-separators.json": "../../Windows/System32\\drivers/etc",
    "ok-name-formula-equals.json": '=HYPERLINK("http://evil.example","Ann")',
    "ok-name-formula-plus.json": "+44 20 7946 0000",
    "ok-name-formula-minus.json": "-2+3+cmd|' /C calc'!A0",
    "ok-name-formula-at.json": "@SUM(1+1)*cmd|' /C calc'!A0",
    "ok-name-formula-tab.json": "=1+1",
    "ok-name-formula-cr.json": "=1+1",
    "ok-name-windows-device.json": "CON",
    "ok-name-very-long.json": ("Ann " * 25).strip(),
    "ok-name-bidi-override.json": "elif.exe Ann",
    "ok-utf8-bom.json": "Bom Ann",
    "ok-other-lesson-same-text.json": "Ann Lee",
}

BAD_LESSONS: dict[str, tuple[str | None, str]] = {
    "lesson-empty.json": (None, "the file is empty"),
    "lesson-invalid-utf8.json": (None, "not UTF-8"),
    "lesson-duplicate-key.json": ("feedback", "duplicate key"),
    "lesson-nan.json": ("version", "NaN is not allowed"),
    "lesson-top-level-array.json": (None, "expected a JSON object"),
    "lesson-deep-nesting.json": (None, "nested too deeply"),
    "lesson-format-version-3.json": ("format_version", "reads version 1"),
    "lesson-kind-unknown.json": ("kind", "expected one of"),
    "lesson-article-missing.json": ("article", "is missing"),
    "lesson-article-empty.json": ("article.text", "the article is empty"),
    "lesson-article-neither.json": ("article", "needs either 'text' or 'file'"),
    "lesson-article-file-traversal.json": ("article.file", "relative path inside"),
    "lesson-article-file-absolute.json": ("article.file", "relative path inside"),
    "lesson-article-file-missing.json": ("article.file", "not found"),
    "lesson-article-lone-surrogate.json": ("article.text", "lone UTF-16 surrogate"),
    "lesson-sha-mismatch.json": ("sha256", "does not match the article text"),
    "lesson-previous-sha-not-hex.json": ("previous_sha256[0]", "SHA-256 hex"),
    "lesson-id-empty.json": ("id", "is empty"),
    "lesson-id-path.json": ("id", "letters, digits"),
    "lesson-title-missing.json": ("title", "is missing"),
    "lesson-version-zero.json": ("version", "outside the range 1-1,000,000"),
    "lesson-feedback-unknown.json": ("feedback", "expected one of"),
    "lesson-label-unknown.json": ("labels[0].name", "unknown label 'opinion'"),
    "lesson-student-pack-with-key.json": ("key", "must not contain a key"),
    "lesson-key-offset-bool.json": ("key[0].start", "whole number, not false"),
    "lesson-key-offset-float.json": ("key[0].end", "whole number, not a decimal"),
    "lesson-key-inverted.json": ("key[0].end", "outside the range 1-"),
    "lesson-key-past-end.json": ("key[0].end", "outside the range 1-"),
    "lesson-key-quote-mismatch.json": ("key[0].quote", "does not match the text"),
    "lesson-key-unknown-label.json": ("key[0].label", "unknown label 'rumour'"),
    "lesson-key-also-accept-unknown.json": ("key[0].also_accept[0]", "unknown label 'gossip'"),
    "lesson-key-optional-string.json": ("key[0].optional", "true or false"),
    "lesson-key-overlap-same-label.json": ("key", "two claim key spans overlap"),
}


def _expect(message: str, path: Path, field: str | None, reason: str) -> None:
    assert message.startswith(f"{path}: "), message  # names the file first
    if field is not None:
        assert f": {field}: " in message, message  # then the field
    assert reason in message, message
    assert "could not be read (" not in message  # never the catch-all for bugs


def _same_verdicts(paths: list[Path]) -> dict[str, str]:
    """What both paths said about each input skipped ({where: "field: reason"}); they must
    say the same, word for word."""
    window, score = window_verdicts(paths, LESSON_FILE), score_verdicts(paths, LESSON_FILE)
    assert window == score
    return window


@pytest.fixture(scope="module")
def corpus_verdicts() -> dict[str, str]:
    """The whole corpus in one batch through both paths: {file name: its message}."""
    verdicts = _same_verdicts([SUBS])
    return {Path(where).name: f"{where}: {detail}" for where, detail in verdicts.items()}


def test_the_corpus_is_complete_and_every_file_has_an_expectation() -> None:
    assert sorted(p.name for p in SUBS.iterdir()) == sorted({**BAD_SUBMISSIONS, **ACCEPTED})
    assert sorted(p.name for p in LESSONS.iterdir()) == sorted(BAD_LESSONS)
    assert len(BAD_SUBMISSIONS) + len(BAD_LESSONS) >= 40


def test_the_corpus_counts_through_both_paths(corpus_verdicts: dict[str, str]) -> None:
    """The window's import and `medialit score`, on the whole corpus: the same files refused
    with the same words, the rest accepted."""
    assert sorted(corpus_verdicts) == sorted(BAD_SUBMISSIONS)
    report = window_import([SUBS], LESSON_FILE)
    assert len(report.rejected) == len(BAD_SUBMISSIONS)
    assert len(report.added) + len(report.duplicates) == len(ACCEPTED)


@pytest.mark.parametrize(("name", "expected"), sorted(BAD_SUBMISSIONS.items()))
def test_bad_submission_is_rejected_naming_file_and_field(
    corpus_verdicts: dict[str, str], name: str, expected: tuple[str | None, str]
) -> None:
    _expect(corpus_verdicts[name], SUBS / name, *expected)


@pytest.mark.parametrize(("name", "expected"), sorted(BAD_LESSONS.items()))
def test_bad_lesson_is_rejected_naming_file_and_field(
    name: str, expected: tuple[str | None, str]
) -> None:
    path = LESSONS / name
    with pytest.raises(FileFormatError) as info:
        load_lesson(path)
    assert info.value.field == expected[0]
    _expect(str(info.value), path, *expected)


@pytest.fixture(scope="module")
def accepted_by_name() -> dict[str, Submission]:
    """The odd-but-harmless files as the window's import keeps them (each on its own: some
    hold the same submission as another, which a batch counts once)."""
    kept = {}
    for name in sorted(ACCEPTED):
        report = window_import([SUBS / name], LESSON_FILE)
        assert report.rejected == [] and len(report.added) == 1, name
        kept[name] = report.added[0].submission
    return kept


@pytest.mark.parametrize(("name", "display"), sorted(ACCEPTED.items()))
def test_odd_names_are_kept_for_display_and_neutralised_in_file_names(
    accepted_by_name: dict[str, Submission], name: str, display: str
) -> None:
    assert score_verdicts([SUBS / name], LESSON_FILE) == {}  # medialit score takes it too
    sub = accepted_by_name[name]
    assert sub.student_name == display
    assert all(ch.isprintable() for ch in sub.student_name)
    filename = submission_filename(sub)
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in filename), filename
    assert ".." not in filename and not filename.startswith(("=", "+", "-", "@", "."))


def test_forged_scores_are_ignored(accepted_by_name: dict[str, Submission]) -> None:
    sub = accepted_by_name["ok-forged-score.json"]
    written = json.dumps(submission_to_dict(sub))
    for forged in ("score", "f1", "grade", "results", "correct", "outcome"):
        assert f'"{forged}"' not in written
    assert not any(hasattr(sub, name) for name in ("score", "f1", "grade", "results"))


def test_a_lesson_made_again_from_the_same_article_counts_with_a_notice() -> None:
    path = SUBS / "ok-other-lesson-same-text.json"
    report = window_import([path], LESSON_FILE)
    assert len(report.added) == 1 and "counts for that lesson" in report.notices[0].reason
    _code, stderr = score_run([path], LESSON_FILE)
    assert f"{path}: note: was made for lesson 0123456789abcdef" in stderr


# -- files made at test time: too big or too strange to commit --------------------------------


def _valid_dict() -> dict[str, object]:
    data: dict[str, object] = json.loads((VALID / "sub-valid-ann.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("generated")
    made: dict[str, Path] = {}

    oversize = folder / "sub-oversize.json"
    with open(oversize, "wb") as fh:
        fh.write(b'{"format": "medialit-submission", "padding": "')
        fh.write(b"x" * MAX_FILE_BYTES)
        fh.write(b'"}')
    made["oversize"] = oversize

    many = _valid_dict()
    one = {"id": "", "start": 138, "end": 148, "label": "claim", "quote": "journalist"}
    many["spans"] = [{**one, "id": f"{i:x}"} for i in range(100_000)]
    spans_100k = folder / "sub-100000-spans.json"
    spans_100k.write_text(json.dumps(many, separators=(",", ":")), "utf-8")
    assert spans_100k.stat().st_size < MAX_FILE_BYTES  # it is the span cap that must catch it
    made["spans"] = spans_100k

    made["folder"] = folder / "sub-a-folder.json"
    made["folder"].mkdir()
    made["missing"] = folder / "sub-missing.json"
    if hasattr(os, "mkfifo"):
        made["fifo"] = folder / "sub-fifo.json"
        os.mkfifo(made["fifo"])  # reading it would block for ever
    if sys.platform != "win32" and Path("/dev/zero").exists():
        made["device"] = folder / "sub-dev-zero.json"
        made["device"].symlink_to("/dev/zero")
    if sys.platform == "linux":
        odd = folder / os.fsdecode(b"sub-\xff\xfe-name.json")  # not UTF-8, as on a FAT stick
        odd.write_bytes(b"{}")
        made["odd-name"] = odd
    return made


def _one(path: Path) -> str:
    """The message both paths give the one input `path`."""
    ((where, detail),) = _same_verdicts([path]).items()
    return f"{where}: {detail}"


def test_oversize_file_is_rejected_before_parsing(generated: dict[str, Path]) -> None:
    path = generated["oversize"]
    _expect(_one(path), path, None, "over the 8,388,608-byte limit")


def test_100000_spans_are_rejected_before_any_span_is_read(
    generated: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap is checked on the list's length, so the cost is the JSON parse alone: not one
    span is validated. (How long it takes, against parsing alone: benchmarks/hostile_files.py.)"""
    read: list[str] = []
    item = Fields.item

    def counting(self: Fields, name: str, index: int) -> Fields:
        read.append(name)
        return item(self, name, index)

    monkeypatch.setattr(Fields, "item", counting)
    path = generated["spans"]
    _expect(_one(path), path, "spans", f"100,000 items, over the limit of {MAX_SPANS:,}")
    assert "spans" not in read
    assert window_verdicts([VALID / "sub-valid-ann.json"], LESSON_FILE) == {}
    assert "spans" in read  # the count sees a span read when there is one


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("folder", "the folder has no submission files"),
        ("missing", "file not found"),
        ("fifo", "not a regular file"),
        ("device", "not a regular file"),
    ],
)
@pytest.mark.timeout(10)
def test_things_that_are_not_files(generated: dict[str, Path], kind: str, reason: str) -> None:
    if kind not in generated:
        pytest.skip(f"no {kind} on this platform")
    path = generated[kind]
    _expect(_one(path), path, None, reason)


def test_a_file_name_that_is_not_utf8_is_shown_safely(generated: dict[str, Path]) -> None:
    if "odd-name" not in generated:
        pytest.skip("Linux file names only")
    message = _one(generated["odd-name"])
    message.encode("utf-8")  # printable: no lone surrogates reach a label or a log
    assert "sub-\ufffd\ufffd-name.json" in message and "format: is missing" in message


# -- a whole batch ------------------------------------------------------------------------------


def _snapshot(*folders: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_one_batch_rejects_the_bad_keeps_the_good_and_writes_nothing(
    generated: dict[str, Path], tmp_path: Path
) -> None:
    good = sorted(VALID.iterdir())
    odd = [SUBS / name for name in sorted(ACCEPTED)]
    bad = [SUBS / name for name in sorted(BAD_SUBMISSIONS)] + [
        generated[k] for k in ("oversize", "spans", "folder", "missing") if k in generated
    ]
    batch = [*bad[:20], good[0], *odd, *bad[20:], good[1]]
    before = _snapshot(SUBS, VALID)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        report = window_import(batch, LESSON_FILE)
        assert score_verdicts(batch, LESSON_FILE) == window_verdicts(batch, LESSON_FILE)
    finally:
        os.chdir(cwd)
    kept = [Path(a.path) for a in report.added] + [Path(d.path) for d in report.duplicates]
    assert sorted(kept) == sorted([good[0], *odd, good[1]])  # the same content: counted once
    assert next(Path(a.path) for a in report.added) == good[0]  # in batch order
    assert [Path(r.path) for r in report.rejected] == bad
    assert len({r.reason for r in report.rejected}) > len(bad) // 2  # each about its own file
    assert _snapshot(SUBS, VALID) == before
    assert list(tmp_path.iterdir()) == []


# -- fuzzing: whatever the bytes, a rejection with a message, never an exception --------------


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".json", ".jsonl"]))
def test_random_bytes_never_escape_as_exceptions(tmp_path: Path, data: bytes, suffix: str) -> None:
    """Whatever the bytes, both paths refuse them with the same words, never a crash."""
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    verdicts = _same_verdicts([path])
    assert verdicts and all("could not be read (" not in m for m in verdicts.values())


_json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
)
_json = st.recursive(
    _json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(
        ["start", "end", "label", "quote", "id", "note", "student_name", "spans", "lesson_id"]
    ),
    value=_json,
)
def test_any_value_in_any_field_is_handled(tmp_path: Path, field: str, value: object) -> None:
    data = _valid_dict()
    if field in ("start", "end", "label", "quote", "id", "note"):
        spans = data["spans"]
        assert isinstance(spans, list)
        spans[0][field] = value
    else:
        data[field] = value
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data), "utf-8")
    verdicts = _same_verdicts([path])  # the same verdict from the window and medialit score
    assert set(verdicts) <= {str(path)}
    assert all("could not be read (" not in m for m in verdicts.values())

"""The `medialit` command: no subcommand opens the app; subcommands are thin verbs over the core.

Errors from the core (MedialitError) become a message on stderr and the exit
status each command documents. Qt is imported only when the app is opened.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from medialit import __version__
from medialit.core import applog
from medialit.core.errors import MedialitError
from medialit.core.wording import plural

if TYPE_CHECKING:
    from medialit.core.export import Row


log = logging.getLogger(__name__)


def file_option(*decls: str, **kw: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An option naming a file (not a folder), given to the command as a Path."""
    return click.option(*decls, type=click.Path(dir_okay=False, path_type=Path), **kw)


class MedialitGroup(click.Group):
    """Turns core errors into a clear message instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MedialitError as exc:
            log.info("a command stopped on a %s", type(exc))  # the words go to stderr only
            raise click.ClickException(str(exc)) from None


@click.group(cls=MedialitGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="medialit")
@file_option(
    "--db",
    "db_path",
    envvar="MEDIALIT_DB",
    help="Database file (default: medialit.db in your data folder; or $MEDIALIT_DB).",
)
@file_option(
    "--lesson",
    "lesson_path",
    help="Open this lesson or student-pack file instead of the bundled lesson.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, lesson_path: Path | None) -> None:
    """Label claims, facts, speculation and sourcing in news articles.

    With no command, opens the app on the bundled lesson.
    """
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path
    if ctx.invoked_subcommand is None:
        from medialit.gui.app import run  # Qt loads only when the window is wanted

        sys.exit(run(db_path=db_path, lesson_path=lesson_path))


def main() -> None:
    """The installed `medialit` command: the log first (`core.applog`), then the command.

    What nothing caught is logged (its traceback, not its words) and printed to stderr
    as Python always prints it.
    """
    applog.start_logging()
    applog.install_excepthooks()
    applog.started()
    cli(prog_name="medialit")


EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
EXIT_REFUSED = 1  # medialit lesson new: the article was refused


@cli.command("score")
@click.argument("key", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("submissions", nargs=-1, required=True, type=click.Path(path_type=Path))
@file_option("-o", "--output", help="Write the results here instead of to standard output.")
@file_option(
    "--details",
    help="Also write one row per outcome (correct, partial, ... for each key span) here.",
)
@click.option(
    "--delimiter",
    type=click.Choice([",", ";"]),
    default=",",
    show_default=True,
    help="CSV field separator; ';' also writes decimal commas (for Excel in many locales).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of CSV.")
@click.option(
    "--roster",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A class list (CSV with name, class, email or LMS id columns, or a name a line): "
    "one row per student on it, with a status; names not on it are listed on stderr.",
)
@click.pass_context
def score_command(
    ctx: click.Context,
    key: Path,
    submissions: tuple[Path, ...],
    output: Path | None,
    details: Path | None,
    delimiter: str,
    as_json: bool,
    roster: Path | None,
) -> None:
    """Score SUBMISSIONS against the answer key in KEY and write one results row per student.

    KEY is a lesson file with a key, or a doccano-style JSONL file whose first
    line is {"text": ..., "label": [[start, end, "claim"], ...]}.

    Each SUBMISSION is a submission file, a JSONL file with one student per line
    ({"student": ..., "text": ..., "label": [...]}), or a folder or .zip of them (read
    recursively: *.json and *.jsonl, at most 20,000 files).

    With --roster the rows are those of the teacher window's gradebook: one per
    roster student (status submitted, late, not submitted ...), then the students
    not on it. A file dated more than a day after now is kept but not graded (named
    on standard error with the reason), as in the window.

    Inputs that cannot be used (a file not found included) are reported on
    standard error (file, line, field and reason) and skipped. Exit status: 0 when
    every input was scored, 1 when
    some were skipped, 2 for a usage error, an unusable key or an unwritable
    output file or roster.
    """
    from medialit.core import batch, export
    from medialit.core.gradebook import command
    from medialit.core.gradebook.rows import GradeRow
    from medialit.core.records import now
    from medialit.core.teacher.roster import parse_roster
    from medialit.core.teacher_records import RosterLine

    if as_json and delimiter != ",":
        raise click.UsageError("--delimiter applies to CSV output, not --json")
    try:
        grading_key = batch.load_key(key)
    except MedialitError as exc:
        click.echo(f"medialit score: unusable key: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    lines: list[RosterLine] = []
    if roster is not None:
        try:
            lines = parse_roster(_read_roster(roster))
        except MedialitError as exc:
            click.echo(f"medialit score: unusable roster: {exc}", err=True)
            ctx.exit(EXIT_USAGE)
    with _no_cyclic_gc():
        collected = batch.collect(grading_key, submissions)
    for notice in (*grading_key.notices, *collected.notices):
        click.echo(f"{notice.where}: note: {notice.detail}", err=True)
    for problem in collected.problems:
        click.echo(f"{problem.where}: skipped: {problem.detail}", err=True)
    book = command.book_of(collected.entries, lines, imported_at=now())
    for note in command.notes(book):
        click.echo(note, err=True)
    scored = command.graded_rows(book, grading_key, details=details is not None)
    try:
        # Each student is scored once. With --details their outcome rows are written as they
        # are scored and only the figures are kept, so a class's outcomes are never all in
        # memory; details.csv is renamed into place after the results are written, as before.
        with export.csv_file(details) if details else contextlib.nullcontext() as details_out:
            with _no_cyclic_gc():
                results: list[Row]
                if details_out is None:
                    results = list(scored)
                else:
                    results = export.write_details_keeping_figures(
                        details_out, scored, delimiter=delimiter
                    )
            _write_results(
                results,
                output=output,
                as_json=as_json,
                delimiter=delimiter,
                lesson=grading_key.lesson.title,
            )
    except OSError as exc:
        where = exc.filename or output or details
        click.echo(f"medialit score: cannot write {where}: {exc.strerror or exc}", err=True)
        ctx.exit(EXIT_USAGE)
    graded = sum(1 for r in results if not isinstance(r, GradeRow) or r.result is not None)
    click.echo(
        f"scored {plural(graded, 'student')}; {plural(len(collected.problems), 'input')} skipped",
        err=True,
    )
    ctx.exit(EXIT_SKIPPED if collected.problems else EXIT_OK)


@cli.command("suggest")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@file_option(
    "-o",
    "--output",
    help="Write the line to this new file (never over an existing one) instead of stdout.",
)
@click.pass_context
def suggest_command(ctx: click.Context, article: Path, output: Path | None) -> None:
    """Suggest a draft answer key for ARTICLE, as one JSONL line that `medialit score` reads.

    ARTICLE is a .txt, .md or .html file, or a lesson file (.json): then suggestions that
    overlap one of its key spans of the same label are left out. The line is
    {"student": "suggested", "text": ..., "label": [[start, end, label], ...],
    "medialit_spans": [{"also_accept": [], "optional": false, "explanation": ...}, ...]},
    with each suggestion's reason as its explanation. Nothing is fetched from the network.

    Exit status: 0 when the line was written, 1 when the article has no text or cannot be
    read, 2 for a usage error (OUTPUT already exists, or cannot be written).
    """
    from medialit.core import outfile, suggest_io

    if article.suffix.lower() not in suggest_io.ARTICLE_SUFFIXES:
        kinds = ", ".join(suggest_io.ARTICLE_SUFFIXES)
        raise click.UsageError(f"{article} is not an article or lesson file ({kinds})")
    if output is not None and suggest_io.is_taken(output):
        raise click.UsageError(f"{output} already exists; choose a new file name for -o")
    try:
        draft = suggest_io.draft_for_file(article)
    except MedialitError as exc:
        click.echo(f"medialit suggest: {exc}", err=True)
        ctx.exit(EXIT_SKIPPED)
    line = suggest_io.jsonl_line(draft)
    if output is None:
        click.echo(line, nl=False)
    else:
        try:
            outfile.write_output(output, line.encode("utf-8"))
        except OSError as exc:
            click.echo(f"medialit suggest: {exc}", err=True)
            ctx.exit(EXIT_USAGE)
    per_label = ", ".join(f"{n} {label}" for label, n in suggest_io.counts(draft).items())
    click.echo(f"suggested {plural(len(draft.suggestions), 'span')} ({per_label})", err=True)
    if draft.dropped:
        click.echo(
            f"left out {plural(draft.dropped, 'suggestion')} that overlap the lesson's key "
            "spans of the same label",
            err=True,
        )


def _read_roster(path: Path) -> str:
    """The roster file's text (UTF-8, a BOM allowed), capped as the window caps it."""
    from medialit.core.jsonfile import decode_bytes, read_bytes_capped
    from medialit.core.teacher.roster import MAX_ROSTER_BYTES

    origin = str(path)
    data = read_bytes_capped(path, origin, max_bytes=MAX_ROSTER_BYTES)
    return decode_bytes(data, origin, max_bytes=MAX_ROSTER_BYTES)


def _write_results(
    results: Sequence[Row], *, output: Path | None, as_json: bool, delimiter: str, lesson: str
) -> None:
    """The results as JSON or CSV, to `output` (written whole, then renamed) or stdout."""
    import json

    from medialit.core import export, outfile

    if as_json:
        text = (
            json.dumps(export.results_json(results, lesson=lesson), ensure_ascii=False, indent=2)
            + "\n"
        )
        if output:
            outfile.write_output(output, text.encode("utf-8"))
        else:
            click.echo(text, nl=False)
    elif output:
        export.write_results(output, results, delimiter=delimiter, lesson=lesson)
    else:
        _write_stdout(
            lambda out: export.write_results_to(out, results, delimiter=delimiter, lesson=lesson)
        )


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Reading and scoring a class set makes millions of small objects and no cycles; the
    cyclic garbage collector would re-scan them all again and again (about 25% of the run)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _write_stdout(write: Callable[[TextIO], None]) -> None:
    """Write to stdout's bytes: csv's CRLF rows must not be translated again (Windows)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stdout without bytes underneath: let it do its own newlines
        write(sys.stdout)
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        write(stream)
        stream.flush()
    finally:
        stream.detach()


@cli.group("lesson")
def lesson_group() -> None:
    """Make lesson files from the command line (for teachers who script)."""


@lesson_group.command("new")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", default="", help="The lesson's title (default: the article's own).")
@click.option("--source", default="", help="Outlet, author or address (default: the file name).")
@click.option("--date", default="", help="The article's date, e.g. 2026-03-01 (default: today).")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The lesson file to write; it must not exist yet.",
)
@click.pass_context
def lesson_new_command(
    ctx: click.Context, article: Path, title: str, source: str, date: str, output: Path
) -> None:
    """Make a lesson file (with an empty key) from ARTICLE, a .txt, .md or .html file.

    The same code as Teacher mode's New lesson dialog reads the article: by its kind,
    at most 4 MiB, in UTF-8, UTF-16 with a BOM, Windows-1252 or ISO-8859-1/15.

    Exit status: 0 when the lesson was written; 1 when the article was refused (the
    reason is on standard error); 2 for a usage error or when OUTPUT already exists.
    """
    from medialit.core.lesson import save_lesson
    from medialit.core.outfile import Kind, resolve_target
    from medialit.core.teacher.authoring import lesson_from_article_file

    try:
        existing = resolve_target(output).kind is Kind.ATOMIC and output.exists()
    except MedialitError as exc:
        click.echo(f"medialit lesson new: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    if existing or (output.is_symlink() and not output.exists()):
        click.echo(f"medialit lesson new: {output} already exists; choose another name", err=True)
        ctx.exit(EXIT_USAGE)
    try:
        lesson = lesson_from_article_file(article, title=title, source=source, date=date)
    except MedialitError as exc:
        click.echo(f"medialit lesson new: {exc}", err=True)
        ctx.exit(EXIT_REFUSED)
    try:
        save_lesson(output, lesson)
    except OSError as exc:
        click.echo(f"medialit lesson new: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    click.echo(
        f"wrote {output}: “{lesson.title}”, {len(lesson.article.text):,} characters, no key yet",
        err=True,
    )

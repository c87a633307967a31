"""The `medialit` command: no subcommand opens the app; subcommands are thin verbs over the core.

Errors from the core (MedialitError) become a message on stderr and the exit
status each command documents. Qt is imported only when the app is opened.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from medialit import __version__
from medialit.core.errors import MedialitError


class MedialitGroup(click.Group):
    """Turns core errors into a clear message instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MedialitError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=MedialitGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="medialit")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="MEDIALIT_DB",
    help="Database file (default: medialit.db in your data folder; or $MEDIALIT_DB).",
)
@click.option(
    "--lesson",
    "lesson_path",
    type=click.Path(dir_okay=False, path_type=Path),
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
    cli(prog_name="medialit")

"""The `shuraka` command: thin wrappers over library functions."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from shuraka import __version__
from shuraka.cli_common import fail as _fail
from shuraka.errors import ShurakaError
from shuraka.extract.pipeline import extract as run_extract
from shuraka.ingest import ReadFailure, read_paths
from shuraka.model import Document
from shuraka.table import render_table


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shuraka")
def main() -> None:
    """shuraka (شركاء): Arabic news about NATO and its partners, turned into
    sourced records of who partners with whom, under which programme, in which
    areas, at which meetings, since when. Every fact keeps its sentence."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="json: one contract object per article (JSON Lines); "
              "table: a readable summary.")
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Extract entities, roles, events, partnerships and memberships from articles.

    PATHS are .txt, .html, .jsonl, RSS/Atom files, directories (read recursively),
    or - for standard input. Output follows the shuraka/extract@1 contract. A file
    that cannot be read is reported on stderr and skipped; the exit status is 1 if
    any input failed.
    """
    failed = 0
    try:
        failed = _extract_all(read_paths(list(paths), stdin=sys.stdin.buffer), fmt)
    except ShurakaError as error:  # a setting, not one input (a bad SHURAKA_MAX_BYTES)
        _fail(error)
    if failed:
        sys.exit(1)


def _extract_all(items: Iterable[Document | ReadFailure], fmt: str) -> int:
    """Print each article's extraction; report and count the inputs that failed."""
    failed = 0
    for item in items:
        if isinstance(item, ReadFailure):
            failed += 1
            click.echo(f"skipped {item.source}: {item.reason}", err=True)
            continue
        try:
            result = run_extract(item)
        except ShurakaError as error:
            failed += 1
            click.echo(f"skipped {item.source}: {error}", err=True)
            continue
        if fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            click.echo(render_table(result))
    return failed


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("articles", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="Also list what each document got wrong.")
def evaluate(gold_dir: Path, articles: tuple[str, ...], as_json: bool, errors: bool) -> None:
    """Score extraction against gold annotations (the format of ../shared/gold).

    Each article is paired with the gold file of the same name (000.txt ~ 000.json).
    Prints precision, recall and F1 for each layer.
    """
    from shuraka.eval.run import evaluate as run_eval

    try:
        scorer = run_eval(gold_dir, articles)
    except ShurakaError as error:
        _fail(error)
        return
    report = scorer.report()
    if as_json:
        click.echo(json.dumps({"layers": report, "errors": scorer.errors if errors else []},
                              ensure_ascii=False, indent=1))
        return
    click.echo(f"{'layer':<24}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for name, c in report.items():
        click.echo(f"{name:<24}{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}"
                   f"{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}")
    if errors:
        for err in scorer.errors:
            click.echo(f"{err['doc']} {err['layer']}: extra {err['extra']} missed {err['missed']}")


def _register() -> None:
    """Commands that live in their own modules: the store, the server, the demo."""
    from shuraka.api.cli import COMMANDS as SERVER
    from shuraka.cli_demo import COMMANDS as DEMO
    from shuraka.cli_store import COMMANDS as STORE

    for command in STORE + SERVER + DEMO:
        main.add_command(command)


_register()

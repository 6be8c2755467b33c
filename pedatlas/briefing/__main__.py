"""Command line: python -m pedatlas.briefing --region 360000 --year 2024 --lang zh --format pdf --out FILE

For an office's own scheduler (cron). Progress goes to stderr; any problem ends with one line
naming what was wrong and a non-zero exit status, never a traceback.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from pedatlas import db
from pedatlas.briefing.generate import BriefingError, build_briefing, file_name, frame_runner
from pedatlas.briefing.model import Request
from pedatlas.briefing.output import FORMATS, render, write_atomically
from pedatlas.briefing.pdf import RendererError
from pedatlas.i18n import LANGUAGES, translate
from pedatlas.paths import database_path

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


class ArgumentError(Exception):
    """argparse's complaint, raised instead of printing usage and exiting."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise ArgumentError(message)


def parser() -> Parser:
    cli = Parser(
        prog="python -m pedatlas.briefing",
        description="简报 Briefing of a scope and year as a self-contained HTML file or a PDF.",
    )
    cli.add_argument(
        "--region", default="", help="province or city adcode (e.g. 360000); omit for all China"
    )
    cli.add_argument("--year", required=True, help="data year, e.g. 2024")
    cli.add_argument("--lang", default="zh", help="zh (default) or en")
    cli.add_argument("--format", default="pdf", dest="file_format", help="pdf (default) or html")
    cli.add_argument("--out", default="", help="file to write, or a folder for the default name")
    cli.add_argument("--quiet", action="store_true", help="no progress lines")
    return cli


def checked_request(args, lang: str) -> tuple[Request, str]:
    if args.file_format not in FORMATS:
        raise BriefingError(translate("brief_error_format", lang, format=args.file_format))
    try:
        year = int(args.year)
    except ValueError:
        raise BriefingError(
            translate("brief_error_year", lang, year=args.year, years="?")
        ) from None
    return Request(region=args.region.strip(), year=year, lang=lang), args.file_format


def target_path(out: str, default_name: str, lang: str) -> Path:
    """--out as a file path (a folder gets the default name); the folder must be writable."""
    path = Path(out) if out else Path(default_name)
    if path.is_dir():
        path = path / default_name
    folder = path.parent if str(path.parent) else Path(".")
    reason = None
    if not folder.is_dir():
        reason = "folder does not exist" if lang == "en" else "目录不存在"
    elif not os_writable(folder):
        reason = "folder is not writable" if lang == "en" else "目录不可写"
    if reason:
        raise BriefingError(translate("brief_error_path", lang, path=path, reason=reason))
    return path


def os_writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK | os.X_OK)


def progress_printer(quiet: bool):
    def show(fraction: float, message: str) -> None:
        if not quiet:
            print(f"[{fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return show


def run(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except ArgumentError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    lang = args.lang if args.lang in LANGUAGES else "zh"
    show = progress_printer(args.quiet)
    try:
        if args.lang not in LANGUAGES:
            raise BriefingError(translate("brief_error_lang", "zh", language=args.lang))
        request, file_format = checked_request(args, lang)
        if args.out:
            target_path(args.out, "briefing", lang)  # fail on a bad folder before the work
        path = database_path()
        try:
            connection = db.open_read_only(path)
        except Exception as error:  # any reason the file cannot be opened, told in one line
            raise BriefingError(
                translate("brief_error_database", lang, path=path, reason=error)
            ) from None
        today = date.today()
        briefing = build_briefing(frame_runner(connection), request, today, show)
        target = target_path(args.out, file_name(briefing.scope, today, file_format), lang)
        show(0.95, translate("brief_progress_render", lang, format=file_format.upper()))
        content = render(briefing, file_format)
        try:
            write_atomically(target, content)
        except OSError as error:
            raise BriefingError(
                translate("brief_error_path", lang, path=target, reason=error.strerror or error)
            ) from None
        show(1.0, translate("brief_progress_done", lang, path=target))
        return 0
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RendererError as error:
        print(f"error: {translate('brief_error_renderer', lang, reason=error)}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # the promise to cron: one line, never a traceback
        print(f"error: briefing failed: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(run())

"""The briefing command line: bad input ends with one clear line and a non-zero status."""

import subprocess
import sys
from datetime import date

import pytest

from pedatlas.briefing.registry import SECTIONS
from pedatlas.paths import DB_ENV_VAR, PROJECT_ROOT


def briefing_cli(demo_db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pedatlas.briefing", *args],
        cwd=PROJECT_ROOT,
        env={DB_ENV_VAR: str(demo_db), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--region", "999999", "--year", "2024"],
            "error: 没有代码为 999999 的省或地市（例如 360000 江西省；全国用空字符串）。",
        ),
        (
            ["--region", "360000", "--year", "1999", "--lang", "en"],
            "error: No data for 1999; years available: 2019, 2020, 2021, 2022, 2023, 2024.",
        ),
        (["--region", "360000", "--year", "twenty"], "error: 没有 twenty 年的数据；可选年份：?。"),
        (
            ["--region", "360000", "--year", "2024", "--format", "docx"],
            "error: 不支持的格式 docx；可选：html、pdf。",
        ),
        (
            ["--region", "360000", "--year", "2024", "--lang", "fr"],
            "error: 不支持的语言 fr；可选：zh、en。",
        ),
        (
            [
                "--region",
                "360000",
                "--year",
                "2024",
                "--out",
                "/nonexistent/folder/b.pdf",
                "--lang",
                "en",
            ],
            "error: Cannot write /nonexistent/folder/b.pdf: folder does not exist",
        ),
        (["--region", "360000"], "error: the following arguments are required: --year"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(demo_db, tmp_path, args, message):
    finished = briefing_cli(demo_db, *args)
    assert finished.returncode == 2
    assert finished.stderr.strip().splitlines() == [message]
    assert finished.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_missing_database_is_one_line(tmp_path):
    finished = briefing_cli(tmp_path / "none.duckdb", "--year", "2024", "--out", str(tmp_path))
    assert finished.returncode == 2
    lines = finished.stderr.strip().splitlines()
    assert lines[-1].startswith("error: 无法打开数据库") and "none.duckdb" in lines[-1]
    assert "Traceback" not in finished.stderr


def test_html_into_a_folder_is_named_by_scope_year_and_date(demo_db, tmp_path):
    finished = briefing_cli(
        demo_db, "--region", "360000", "--year", "2024", "--format", "html", "--out", str(tmp_path)
    )
    assert finished.returncode == 0, finished.stderr
    written = tmp_path / f"简报_江西省_2024_{date.today():%Y%m%d}.html"
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    page = written.read_text(encoding="utf-8")
    assert "<title>江西省儿科资源简报 2024</title>" in page
    progress = finished.stderr.strip().splitlines()
    assert progress[0] == "[  0%] 江西省 · 2024 年"
    assert progress[-1] == f"[100%] 完成：{written}"
    assert len(progress) == len(SECTIONS) + 3  # the scope, one line a section, layout, done

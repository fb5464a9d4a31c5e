"""The README's "Python, WARC files, Spark and datatrove" section, run as written: every shell
command and every Python block of it, in order, in a folder holding the files it names
(`page.html`, `a.warc.gz`, `b.warc.gz`, `warcs/`, `warc.paths`), written here from fixture
pages. `pip install` lines are what scripts/test-python.sh did to this virtualenv already;
they are checked to name the wheel it built, not run again."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import warcs
from conftest import FIXTURES, REPO

SECTION = "## Python, WARC files, Spark and datatrove"


def blocks():
    """(language, code) of every fenced block of the section, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end > 0 else len(text)]
    return re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S)


@pytest.fixture
def folder(tmp_path):
    page = (FIXTURES / "ar" / "flat-teaser" / "source.html").read_bytes()
    (tmp_path / "page.html").write_bytes(page)
    pages = warcs.fixture_pages(FIXTURES)
    records = [warcs.response(f"00000000-0000-0000-0000-00000000000{i}", uri, html.encode())
               for i, (uri, html) in enumerate(pages)]
    half = len(records) // 2
    (tmp_path / "a.warc.gz").write_bytes(warcs.gzip_members(records[:half]))
    (tmp_path / "b.warc.gz").write_bytes(warcs.gzip_members(records[half:]))
    (tmp_path / "warcs").mkdir()
    shutil.copy(tmp_path / "a.warc.gz", tmp_path / "warcs" / "a.warc.gz")
    (tmp_path / "warc.paths").write_text(
        f"{tmp_path / 'a.warc.gz'}\n{tmp_path / 'b.warc.gz'}\n", encoding="utf-8")
    # The examples name paths from the repository root (examples/spark/...).
    (tmp_path / "examples").symlink_to(REPO / "examples")
    return tmp_path


def run_shell(line, cwd):
    binary = os.environ.get("NAQI_BIN")
    assert binary, "NAQI_BIN (the naqi CLI) must be set"
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(binary).parent), str(Path(sys.executable).parent),
                                   env.get("PATH", "")])
    done = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
    return done


def test_the_section_has_every_piece():
    langs = [lang for lang, _ in blocks()]
    assert langs.count("python") >= 3 and langs.count("sh") >= 3, langs


def test_the_readme_runs_as_written(folder, monkeypatch, capsys):
    monkeypatch.chdir(folder)
    have_spark = shutil.which("spark-submit", path=str(Path(sys.executable).parent)) is not None
    ran = []
    for lang, code in blocks():
        if lang == "python":
            if "datatrove" in code and not _importable("datatrove"):
                pytest.fail("datatrove is not installed, so the README's datatrove block cannot run")
            exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
            ran.append("python")
            continue
        for line in code.splitlines():
            command = line.split("#", 1)[0].strip()
            if not command:
                continue
            if command.startswith("pip install"):
                assert "dist/python/naqi-" in command, command
                continue
            if command.startswith("spark-submit") and not have_spark:
                if os.environ.get("NAQI_SPARK", "1") != "0":
                    pytest.fail("spark-submit is missing though Spark was installed")
                continue
            run_shell(command, folder)
            ran.append(command.split()[0])
    out = capsys.readouterr().out
    assert "other-article" in out, "the first example prints the removed kinds"
    assert (folder / "articles.jsonl").stat().st_size > 0
    assert list((folder / "out").iterdir()), "the datatrove pipeline wrote its output"
    if have_spark:
        assert (folder / "out.parquet").is_dir()
    assert "naqi" in ran and ran.count("python") >= 3


def _importable(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False

"""The command line, in-process (typer's CliRunner) and as real processes (`python -m newsdump`):
commands and help, exit codes, error records, outputs, jobs, stdin, pipes and signals."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
import typer.main
import zstandard
from conftest import EXAMPLES, ROOT, parse_jsonl, run_newsdump
from typer.testing import CliRunner

from newsdump import __version__
from newsdump.cli import app


def command_paths() -> list[list[str]]:
    """Every command and subcommand of the app, as argument lists: [], ["extract"], ..."""
    out: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:  # a Click command (Typer vendors Click)
        out.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = ["extract", "split", "stats"]
ALL_COMMANDS = command_paths()
EXTRACT_KEYS = [
    "id", "source", "url", "title", "authors", "published", "lang", "text", "words", "caption",
]  # fmt: skip
PAGE = (
    "Home News Sport Weather\n\n"
    "Storm closes the coast road for a second night\n\n"
    "by Maren Holt March 3, 2025 7:10 AM\n\n"
    "The coast road between Gullpoint and the lighthouse stayed closed on Monday night after "
    "waves carried stones and kelp across both lanes, the county roads office said.\n\n"
    "Crews cleared one lane by noon, but the forecast for the evening high tide was worse "
    "than for the morning, and the road was shut again at four.\n\n"
    "Residents of the lighthouse cottages were offered rooms in town for the night.\n\n"
    "Subscribe to our newsletter\n"
)


def invoke(args: list[str], input: bytes | None = None):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, args, input=input, prog_name="newsdump")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def pages(tmp: Path) -> Path:
    """A directory: two pages, one nested, a hidden file and a hidden directory."""
    (tmp / "b.txt").write_text(PAGE)
    (tmp / "a.txt").write_text(PAGE.replace("Storm", "Gale"))
    (tmp / "sub").mkdir()
    (tmp / "sub" / "c.txt").write_text(PAGE.replace("Storm", "Flood"))
    (tmp / "sub" / "d.md").write_text(PAGE.replace("Storm", "Fog"))
    (tmp / ".hidden.txt").write_text("never read\n")
    (tmp / ".git").mkdir()
    (tmp / ".git" / "e.txt").write_text("never read\n")
    return tmp


# --- commands, help, version --------------------------------------------------------------


def test_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsdump {__version__}\n"


def test_the_main_commands_exist() -> None:
    assert [c for c in ALL_COMMANDS if len(c) == 1][:3] == [[c] for c in COMMANDS]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c) or "newsdump")
def test_help_shows_an_example(command: list[str]) -> None:
    result = invoke([*command, "--help"])
    assert result.exit_code == 0
    name = " ".join(["newsdump", *command])
    assert result.stdout.startswith(f"Usage: {name} ")
    text = " ".join(result.stdout.split())
    assert "Example: " in text
    assert name in text.split("Example: ", 1)[1]


def test_top_level_help_lists_every_command() -> None:
    out = invoke(["-h"]).stdout
    for command in ALL_COMMANDS:
        if len(command) == 1:
            assert f"  {command[0]} " in out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_as_a_process(command: str) -> None:
    proc = run_newsdump(command, "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.decode().split())
    assert f"newsdump {command}" in text.split("Example: ", 1)[1]
    assert proc.stderr == b""


def test_version_as_a_process() -> None:
    proc = run_newsdump("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        f"newsdump {__version__}\n".encode(),
        b"",
    )


# --- extract / split / stats on files -----------------------------------------------------


def test_extract_one_record_per_page(write) -> None:  # type: ignore[no-untyped-def]
    path = write("page.txt", PAGE)
    result = invoke(["extract", "-j", "1", str(path)])
    assert result.exit_code == 0
    assert result.stderr == ""
    [record] = parse_jsonl(result.stdout)
    assert list(record) == EXTRACT_KEYS
    assert record["source"] == str(path)
    assert record["title"] == "Storm closes the coast road for a second night"
    assert record["words"] == len(record["text"].split())


def test_split_records_are_numbered_in_page_order(write) -> None:  # type: ignore[no-untyped-def]
    path = write("page.txt", PAGE)
    result = invoke(["split", "-j", "1", str(path)])
    assert result.exit_code == 0
    records = parse_jsonl(result.stdout)
    assert [r["index"] for r in records] == list(range(len(records)))
    assert [r["kind"] for r in records].count("article") == 1
    extracted = parse_jsonl(invoke(["extract", "-j", "1", str(path)]).stdout)[0]
    assert {r["doc"] for r in records} == {extracted["id"]}
    [article] = [r for r in records if r["kind"] == "article"]
    assert article["text"] == extracted["text"]
    assert list(article)[:4] == ["doc", "source", "index", "kind"]


def test_stats_json(pages: Path) -> None:
    result = invoke(["stats", "-j", "1", "--json", str(pages)])
    assert result.exit_code == 0
    stats = orjson.loads(result.stdout)
    assert (stats["documents"], stats["errors"], stats["articles"]) == (4, 0, 4)
    assert stats["top_authors"] == [{"name": "Maren Holt", "articles": 4}]
    assert stats["published_first"] == stats["published_last"] == "2025-03-03"


def test_stats_table(pages: Path) -> None:
    result = invoke(["stats", "-j", "1", str(pages)])
    assert result.exit_code == 0
    assert "documents" in result.stdout
    assert "Maren Holt" in result.stdout


def test_stats_from_written_records_equals_stats_from_pages(
    pages: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("out") / "split.jsonl"
    assert invoke(["split", "-j", "1", "-o", str(out), str(pages)]).exit_code == 0
    from_records = orjson.loads(invoke(["stats", "--records", "--json", str(out)]).stdout)
    from_pages = orjson.loads(invoke(["stats", "-j", "1", "--json", str(pages)]).stdout)
    for key in ("documents", "articles", "article_words", "feed_items", "top_authors"):
        assert from_records[key] == from_pages[key], key


def test_stats_records_that_are_not_jsonl_fail(write) -> None:  # type: ignore[no-untyped-def]
    path = write("x.jsonl", "not json\n")
    result = invoke(["stats", "--records", "--json", str(path)])
    assert result.exit_code == 1
    assert "not the JSONL of extract or split" in result.stderr


def test_library_and_cli_agree(write) -> None:  # type: ignore[no-untyped-def]
    from newsdump import extract

    path = write("page.txt", PAGE)
    [record] = parse_jsonl(invoke(["extract", "-j", "1", str(path)]).stdout)
    article = extract(PAGE)
    assert (record["title"], record["text"], record["authors"]) == (
        article.title,
        article.text,
        list(article.authors),
    )


# --- exit codes and error records ---------------------------------------------------------


def test_missing_path_is_a_usage_error(tmp: Path) -> None:
    result = invoke(["extract", str(tmp / "nope.txt")])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_unknown_option_is_a_usage_error() -> None:
    assert invoke(["extract", "--no-such-option"]).exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["extract", "missing.txt"],
            "newsdump: Invalid value for PATHS: no such file or directory: missing.txt "
            "(see 'newsdump extract --help')\n",
        ),
        (
            ["split", "--bogus"],  # Click may add "(Possible options: ...)": not checked
            "newsdump: No such option: --bogus (*) (see 'newsdump split --help')\n",
        ),
        (
            ["stats", "-j", "0"],
            "newsdump: Invalid value for '-j' / '--jobs': Input should be greater than or "
            "equal to 1 (see 'newsdump stats --help')\n",
        ),
        (
            ["extract", "--errors", "/no/such/dir/errors.jsonl", "examples"],
            "newsdump: Invalid value for --errors: directory does not exist: "
            "/no/such/dir/errors.jsonl (see 'newsdump extract --help')\n",
        ),
        (
            ["split", "-o", "examples", "examples"],
            "newsdump: Invalid value for --output: is a directory: examples "
            "(see 'newsdump split --help')\n",
        ),
        (["frobnicate"], "newsdump: No such command 'frobnicate'. (see 'newsdump --help')\n"),
        (
            ["extract", "-o", "/no/such/dir/out.jsonl", "examples"],
            "newsdump: Invalid value for --output: directory does not exist: "
            "/no/such/dir/out.jsonl (see 'newsdump extract --help')\n",
        ),
    ],
)
def test_usage_errors_as_a_process(args: list[str], message: str) -> None:
    proc = run_newsdump(*args)
    assert proc.returncode == 2
    assert proc.stdout == b""
    got = proc.stderr.decode()
    assert got.count("\n") == 1  # one line, no traceback
    if " (*) " in message:
        head, tail = message.split(" (*) ")
        assert got.startswith(head) and got.endswith(tail), got
    else:
        assert got == message


def test_failed_documents_exit_1_with_error_records_on_stderr(write) -> None:  # type: ignore[no-untyped-def]
    good = write("good.txt", PAGE)
    bad = write("bad.txt", b"\x00\x01\x02\x03" * 100)
    empty = write("empty.txt", b"")
    result = invoke(["extract", "-j", "1", str(bad), str(good), str(empty)])
    assert result.exit_code == 1
    [record] = parse_jsonl(result.stdout)
    assert record["source"] == str(good)
    assert parse_jsonl(result.stderr) == [
        {
            "source": str(bad),
            "error": "binary",
            "message": "binary data (NUL bytes), not a text page",
            "stage": "read",
        },
        {
            "source": str(empty),
            "error": "empty",
            "message": "empty input: no text",
            "stage": "read",
        },
    ]


def test_errors_option_appends_to_a_file(write, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    jsonl = write("in.jsonl", '{"text": "' + PAGE.replace("\n", "\\n") + '"}\nbroken line\n')
    errors = tmp / "errors.jsonl"
    errors.write_bytes(b'{"earlier":"run"}\n')
    result = invoke(["extract", "-j", "1", "--errors", str(errors), str(jsonl)])
    assert result.exit_code == 1
    assert result.stderr == ""
    assert len(parse_jsonl(result.stdout)) == 1
    lines = parse_jsonl(errors.read_bytes())
    assert lines[0] == {"earlier": "run"}
    assert [(e["source"], e["error"]) for e in lines[1:]] == [(f"{jsonl}#2", "not_json")]


def test_error_records_as_a_process(write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.bin", bytes(range(256)) * 8)
    proc = run_newsdump("split", "-j", "1", bad)
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert parse_jsonl(proc.stderr) == [
        {
            "source": str(bad),
            "error": "binary",
            "message": "binary data or an unknown encoding, not a text page",
            "stage": "read",
        }
    ]


def test_stats_records_counts_identical_pages_in_two_files_as_two(tmp: Path) -> None:
    (tmp / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp / "in" / name).write_text(PAGE)
    out = tmp / "split.jsonl"
    assert invoke(["split", "-j", "1", "-o", str(out), str(tmp / "in")]).exit_code == 0
    stats = orjson.loads(invoke(["stats", "--records", "--json", str(out)]).stdout)
    assert (stats["documents"], stats["articles"]) == (2, 2)


def test_every_input_bad_still_exits_1_not_2(write) -> None:  # type: ignore[no-untyped-def]
    result = invoke(["extract", "-j", "1", str(write("e.txt", b""))])
    assert result.exit_code == 1
    assert result.stdout == ""


# --- outputs --------------------------------------------------------------------------------


def test_output_file_is_written_whole(pages: Path, tmp: Path) -> None:
    out = tmp / "out" / "articles.jsonl"
    out.parent.mkdir()
    result = invoke(["extract", "-j", "1", "-o", str(out), str(pages)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(parse_jsonl(out.read_bytes())) == 4
    assert os.listdir(out.parent) == ["articles.jsonl"]  # no temporary file left behind


def test_dash_output_is_stdout(pages: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp)
    plain = invoke(["extract", "-j", "1", str(pages)]).stdout
    result = invoke(["extract", "-j", "1", "-o", "-", "--errors", "-", str(pages)])
    assert result.exit_code == 0
    assert result.stdout == plain
    assert not (tmp / "-").exists()


def test_output_to_a_named_pipe_stays_a_pipe(pages: Path, tmp: Path) -> None:
    """`-o /dev/null` or `-o a-fifo`: written in place. A temporary file renamed onto the path
    would replace the device or the pipe with a plain file (as root, /dev/null itself)."""
    import threading

    plain = invoke(["extract", "-j", "1", str(pages)]).stdout.encode()
    fifo = tmp / "out" / "pipe.jsonl"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke(["extract", "-j", "1", "-o", str(fifo), str(pages)])
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got == [plain]
    assert os.listdir(fifo.parent) == ["pipe.jsonl"]  # no temporary file beside it


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_output(pages: Path, tmp: Path, suffix: str) -> None:
    plain = invoke(["extract", "-j", "1", str(pages)]).stdout.encode()
    out = tmp / f"articles.jsonl{suffix}"
    assert invoke(["extract", "-j", "1", "-o", str(out), str(pages)]).exit_code == 0
    raw = out.read_bytes()
    if suffix == ".gz":
        data = gzip.decompress(raw)
    else:
        data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)).read()
    assert data == plain


def test_compressed_output_reads_back_as_input(pages: Path, tmp: Path) -> None:
    out = tmp / "split.jsonl.zst"
    assert invoke(["split", "-j", "1", "-o", str(out), str(pages)]).exit_code == 0
    stats = orjson.loads(invoke(["stats", "--records", "--json", str(out)]).stdout)
    assert stats["documents"] == 4


# --- inputs: stdin, directories, glob, formats -------------------------------------------


@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "no-paths"])
def test_stdin(args: list[str], write) -> None:  # type: ignore[no-untyped-def]
    from_file = parse_jsonl(invoke(["extract", "-j", "1", str(write("p.txt", PAGE))]).stdout)[0]
    result = invoke(["extract", "-j", "1", *args], input=PAGE.encode())
    assert result.exit_code == 0
    [record] = parse_jsonl(result.stdout)
    assert record["source"] == "-"
    assert {**record, "source": None} == {**from_file, "source": None}


def test_stdin_as_a_process_with_form_feeds() -> None:
    data = f"{PAGE}\f\n{PAGE.replace('Storm', 'Gale')}".encode()
    proc = run_newsdump("extract", "-j", "1", input=data)
    assert proc.returncode == 0, proc.stderr
    records = parse_jsonl(proc.stdout)
    assert [r["source"] for r in records] == ["-#1", "-#2"]
    assert [r["title"].split()[0] for r in records] == ["Storm", "Gale"]


def test_stdin_between_files(write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", PAGE)
    result = invoke(["extract", "-j", "1", str(a), "-", str(a)], input=PAGE.encode())
    assert [r["source"] for r in parse_jsonl(result.stdout)] == [str(a), "-", str(a)]


def test_directories_walked_recursively_sorted_hidden_skipped(pages: Path) -> None:
    result = invoke(["extract", "-j", "1", str(pages)])
    assert result.exit_code == 0
    sources = [Path(r["source"]).relative_to(pages).as_posix() for r in parse_jsonl(result.stdout)]
    assert sources == ["a.txt", "b.txt", "sub/c.txt", "sub/d.md"]


def test_walk_skips_fifos_and_reports_broken_links(pages: Path) -> None:
    os.mkfifo(pages / "sub" / "b-pipe.txt")  # opening it would wait for a writer forever
    (pages / "sub" / "c-link.txt").symlink_to(pages / "gone.txt")
    proc = run_newsdump("extract", "-j", "1", pages / "sub", timeout=30)
    assert proc.returncode == 1
    assert [Path(r["source"]).name for r in parse_jsonl(proc.stdout)] == ["c.txt", "d.md"]
    assert [(Path(e["source"]).name, e["error"]) for e in parse_jsonl(proc.stderr)] == [
        ("c-link.txt", "unreadable")
    ]


def test_glob_filters_files_inside_directories(pages: Path) -> None:
    result = invoke(["extract", "-j", "1", "--glob", "*.md", str(pages)])
    sources = [Path(r["source"]).name for r in parse_jsonl(result.stdout)]
    assert sources == ["d.md"]


def test_glob_does_not_filter_files_named_explicitly(pages: Path) -> None:
    result = invoke(["extract", "-j", "1", "--glob", "*.md", str(pages / "a.txt")])
    assert [Path(r["source"]).name for r in parse_jsonl(result.stdout)] == ["a.txt"]


def test_jsonl_input_with_text_field(write) -> None:  # type: ignore[no-untyped-def]
    line = orjson.dumps({"id": "p-7", "url": "https://x.example/storm", "body": PAGE})
    path = write("in.jsonl", line + b"\n")
    result = invoke(["extract", "-j", "1", "--text-field", "body", str(path)])
    assert result.exit_code == 0
    [record] = parse_jsonl(result.stdout)
    assert (record["id"], record["url"], record["source"]) == (
        "p-7",
        "https://x.example/storm",
        f"{path}#1",
    )


def test_format_text_forces_a_jsonl_looking_file_to_be_one_page(write) -> None:  # type: ignore[no-untyped-def]
    path = write("in.jsonl", '{"text": "a"}\n{"text": "b"}\n')
    result = invoke(["extract", "-j", "1", "--format", "text", str(path)])
    assert [r["source"] for r in parse_jsonl(result.stdout)] == [str(path)]


def test_examples_directory_gives_one_record_per_page() -> None:
    result = invoke(["extract", "-j", "1", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    names = [Path(r["source"]).name for r in parse_jsonl(result.stdout)]
    txt = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    html = sorted(p.name for p in EXAMPLES.glob("*.html"))
    for name in txt + html:
        assert names.count(name) == 1, name
    assert names.count("pages.jsonl#1") == names.count("pages.jsonl#2") == 1
    assert names.count("crawl.warc.wet.gz#1") == names.count("crawl.warc.wet.gz#2") == 1
    assert len(names) == len(txt) + len(html) + 4


# --- processes: jobs, pipes, signals ------------------------------------------------------


def test_jobs_2_gives_the_same_output_as_jobs_1_in_input_order(tmp: Path) -> None:
    pages = [PAGE.replace("Storm", f"Storm {i}") for i in range(70)]  # more than one chunk
    (tmp / "stream.txt").write_text("\f\n".join(pages))
    shutil.copy(EXAMPLES / "harbour-times--council-vote.txt", tmp / "z.txt")
    one = run_newsdump("split", "-j", "1", tmp)
    two = run_newsdump("split", "-j", "2", tmp)
    assert (one.returncode, two.returncode) == (0, 0)
    assert two.stderr == b""  # nothing printed at exit by the process pool
    assert one.stdout == two.stdout
    sources = list(dict.fromkeys(r["source"] for r in parse_jsonl(two.stdout)))
    assert sources == [f"{tmp}/stream.txt#{i}" for i in range(1, 71)] + [f"{tmp}/z.txt"]


def test_reader_closing_the_pipe_early_ends_the_run_quietly(tmp: Path) -> None:
    (tmp / "many.txt").write_text("\f\n".join([PAGE] * 400))
    for jobs in ("1", "2"):
        with open(tmp / "stderr", "w+b") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "newsdump", "extract", "-j", jobs, str(tmp / "many.txt")],
                stdout=subprocess.PIPE,
                stderr=err,
                cwd=ROOT,
            )
            assert proc.stdout is not None
            try:
                first = proc.stdout.readline()
                proc.stdout.close()  # like `| head -1`
                assert proc.wait(timeout=60) == 0
            finally:
                proc.kill()
            err.seek(0)
            assert err.read() == b""
        assert orjson.loads(first)["source"] == f"{tmp}/many.txt#1"


def test_shell_pipe_into_head() -> None:
    shell = f"{sys.executable} -m newsdump split -j 1 examples | head -1"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, cwd=ROOT)
    assert proc.returncode == 0
    assert len(parse_jsonl(proc.stdout)) == 1
    assert proc.stderr == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_exits_130_and_leaves_no_output_file(tmp: Path, jobs: str) -> None:
    page = (EXAMPLES / "harbour-times--council-vote.txt").read_text()
    (tmp / "in").mkdir()
    (tmp / "in" / "big.txt").write_text("\f\n".join([page] * 3000))
    out = tmp / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdump", "extract", "-j", jobs, "-o", str(out), "in/big.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 30
    while not any(n.startswith(".out.jsonl") for n in os.listdir(tmp)):
        assert time.monotonic() < deadline, "the run never started writing"
        assert proc.poll() is None, proc.stderr.read()  # type: ignore[union-attr]
        time.sleep(0.05)
    time.sleep(0.5)  # well inside the run (3000 pages take far longer)
    assert not out.exists()  # while it runs, only the temporary file beside it
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole group, workers included
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stdout == b""
    assert b"Traceback" not in stderr
    assert sorted(os.listdir(tmp)) == ["in"]  # neither out.jsonl nor its temporary file


def test_sigterm_exits_143_and_leaves_no_output_file(tmp: Path) -> None:
    (tmp / "big.txt").write_text("\f\n".join([PAGE] * 5000))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdump", "extract", "-j", "1", "-o", "out.jsonl", "big.txt"],
        stderr=subprocess.PIPE,
        cwd=tmp,
    )
    deadline = time.monotonic() + 30
    while not any(n.startswith(".out.jsonl") for n in os.listdir(tmp)):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    proc.terminate()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert b"Traceback" not in stderr
    assert sorted(os.listdir(tmp)) == ["big.txt"]

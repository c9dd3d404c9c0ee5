"""--state: the SQLite record of processed inputs, the append-only output it covers, and the
`state show` / `state forget` commands."""

from __future__ import annotations

import gzip
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest
from conftest import ROOT, parse_jsonl
from typer.testing import CliRunner

from newsdump.cli import EXIT_LOCKED, app
from newsdump.sinks import AppendSink, OutputLocked, OutputShrunk
from newsdump.state import InputEntry, State, StateError, StateLocked, file_hash

PAGE = (
    "Storm closes the coast road for a second night\n\n"
    "by Maren Holt March 3, 2025\n\n"
    "The coast road between Gullpoint and the lighthouse stayed closed on Monday night after "
    "waves carried stones and kelp across both lanes, the county roads office said.\n\n"
    "Crews cleared one lane by noon, but the forecast for the evening high tide was worse "
    "than for the morning, and the road was shut again at four.\n"
)


def invoke(args: list[str]):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args], prog_name="newsdump")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def page(n: int) -> str:
    return PAGE.replace("second night", f"night number {n}")


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    directory = tmp_path / "in"
    directory.mkdir()
    for n in range(3):
        (directory / f"p{n}.txt").write_text(page(n))
    return directory


def extract(dumps: Path, out: Path, state: Path, *more: str, jobs: str = "1"):  # type: ignore[no-untyped-def]
    return invoke(["extract", dumps, "-o", out, "--state", state, "-j", jobs, *more])


JOBS = pytest.mark.parametrize("jobs", ["1", "2"])  # with workers, they read and hash the files


# --- reruns ---------------------------------------------------------------------------------


@JOBS
def test_rerun_skips_unchanged_inputs_and_appends_new_ones(
    dumps: Path, tmp_path: Path, jobs: str
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state, jobs=jobs).exit_code == 0
    first = parse_jsonl(out.read_bytes())
    assert len(first) == 3
    assert extract(dumps, out, state, jobs=jobs).exit_code == 0
    assert out.read_bytes().count(b"\n") == 3  # nothing new, nothing appended
    (dumps / "p9.txt").write_text(page(9))
    assert extract(dumps, out, state, jobs=jobs).exit_code == 0
    records = parse_jsonl(out.read_bytes())
    assert records[:3] == first
    assert [r["source"] for r in records[3:]] == [str(dumps / "p9.txt")]


def test_a_device_output_is_written_in_place_and_not_recorded(dumps: Path, tmp_path: Path) -> None:
    state = tmp_path / "run.state"
    assert extract(dumps, Path(os.devnull), state).exit_code == 0
    assert extract(dumps, Path(os.devnull), state).exit_code == 0  # no length to hold it to
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with State.open(str(state), mode="extract") as st:
        assert st.outputs() == []  # a stream's length is not recorded
        assert sorted(Path(e.path).name for e in st.entries()) == ["p0.txt", "p1.txt", "p2.txt"]


def test_a_named_pipe_output_gets_only_the_new_inputs(dumps: Path, tmp_path: Path) -> None:
    fifo, state = tmp_path / "out.pipe", tmp_path / "run.state"
    os.mkfifo(fifo)

    def run() -> tuple[int, list[dict[str, object]]]:
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
        reader.start()
        code = extract(dumps, fifo, state).exit_code
        reader.join(10)
        return code, parse_jsonl(got[0])

    code, first = run()
    assert code == 0
    assert sorted(Path(str(r["source"])).name for r in first) == ["p0.txt", "p1.txt", "p2.txt"]
    (dumps / "p9.txt").write_text(page(9))
    code, second = run()
    assert (code, [r["source"] for r in second]) == (0, [str(dumps / "p9.txt")])
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_changed_input_is_processed_again_touched_one_is_not(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    (dumps / "p1.txt").write_text(page(1) + "\nOne more paragraph about the road and the tide.\n")
    later = time.time() + 5
    os.utime(dumps / "p2.txt", (later, later))  # same content, new mtime
    assert extract(dumps, out, state).exit_code == 0
    sources = [r["source"] for r in parse_jsonl(out.read_bytes())]
    assert sources[3:] == [str(dumps / "p1.txt")]
    with State.open(str(state), lock=False) as opened:
        entry = opened.entry(str(dumps / "p2.txt"))
    assert entry is not None and entry.mtime_ns == (dumps / "p2.txt").stat().st_mtime_ns


@JOBS
def test_state_records_size_mtime_hash_and_counts(dumps: Path, tmp_path: Path, jobs: str) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state, jobs=jobs).exit_code == 0
    with State.open(str(state), lock=False) as opened:
        entries = list(opened.entries())
        length = opened.output_length(str(out))
    assert [e.path for e in entries] == [str(dumps / f"p{n}.txt") for n in range(3)]
    path = dumps / "p0.txt"
    assert entries[0].size == path.stat().st_size
    assert entries[0].mtime_ns == path.stat().st_mtime_ns
    assert entries[0].sha256 == file_hash(str(path))
    assert (entries[0].documents, entries[0].records, entries[0].errors) == (1, 1, 0)
    assert length == out.stat().st_size


def test_compressed_output_is_appended_as_new_members(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl.gz", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    (dumps / "p7.txt").write_text(page(7))
    assert extract(dumps, out, state).exit_code == 0
    assert len(parse_jsonl(gzip.decompress(out.read_bytes()))) == 4


def test_a_torn_tail_from_a_killed_run_is_cut_before_appending(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    good = out.read_bytes()
    with out.open("ab") as handle:  # what a killed run leaves: records not committed, half a line
        handle.write(b'{"id":"x","source":"uncommitted"}\n{"id":"y","sou')
    (dumps / "p5.txt").write_text(page(5))
    assert extract(dumps, out, state).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(good)
    assert [r["source"] for r in parse_jsonl(data[len(good) :])] == [str(dumps / "p5.txt")]


def test_output_shorter_than_the_state_says_is_refused(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    out.write_bytes(out.read_bytes()[:10])
    result = extract(dumps, out, state)
    assert result.exit_code == 2
    assert "truncated or replaced" in result.stderr


def test_a_moved_away_output_starts_afresh(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    out.rename(tmp_path / "archived.jsonl")  # log rotation
    (dumps / "p4.txt").write_text(page(4))
    assert extract(dumps, out, state).exit_code == 0
    assert [r["source"] for r in parse_jsonl(out.read_bytes())] == [str(dumps / "p4.txt")]


def test_state_needs_an_output(dumps: Path, tmp_path: Path) -> None:
    result = invoke(["extract", dumps, "--state", tmp_path / "s"])
    assert result.exit_code == 2
    assert "--state needs -o FILE" in result.stderr


def test_a_state_made_by_extract_is_refused_for_split(dumps: Path, tmp_path: Path) -> None:
    state = tmp_path / "run.state"
    assert extract(dumps, tmp_path / "a.jsonl", state).exit_code == 0
    result = invoke(["split", dumps, "-o", tmp_path / "b.jsonl", "--state", state])
    assert result.exit_code == 2
    assert "was made by `extract`" in result.stderr


def test_a_file_that_is_not_a_state_is_refused(dumps: Path, tmp_path: Path) -> None:
    state = tmp_path / "run.state"
    state.write_bytes(b"not a database at all, just some bytes" * 100)
    result = extract(dumps, tmp_path / "out.jsonl", state)
    assert result.exit_code == 2
    assert "not a newsdump state" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_is_read_every_time(tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    for _ in range(2):
        result = CliRunner().invoke(
            app, ["extract", "-", "-o", str(out), "--state", str(state)], input=PAGE
        )
        assert result.exit_code == 0
    assert [r["source"] for r in parse_jsonl(out.read_bytes())] == ["-", "-"]
    with State.open(str(state), lock=False) as opened:
        assert list(opened.entries()) == []


@JOBS
def test_unreadable_input_is_not_recorded_and_is_tried_again(
    dumps: Path, tmp_path: Path, jobs: str
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    (dumps / "loop").symlink_to(dumps / "loop")  # open() fails: ELOOP
    result = extract(dumps, out, state, jobs=jobs)
    assert result.exit_code == 1
    assert '"error":"unreadable"' in result.stderr
    with State.open(str(state), lock=False) as opened:
        assert len(list(opened.entries())) == 3


# --- two runs at once -------------------------------------------------------------------------


def test_a_second_run_on_a_busy_state_exits_with_a_clear_message(
    dumps: Path, tmp_path: Path
) -> None:
    state = tmp_path / "run.state"
    with State.open(str(state), mode="extract"):
        args = ["extract", str(dumps), "-o", str(tmp_path / "o"), "--state", str(state)]
        result = subprocess.run(
            [sys.executable, "-m", "newsdump", *args],
            capture_output=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == EXIT_LOCKED == 75
    assert (
        result.stderr.decode().strip()
        == f"newsdump: state {state} is in use by another newsdump run"
    )
    assert not (tmp_path / "o").exists() or (tmp_path / "o").stat().st_size == 0


def test_state_lock_waits_then_gives_up(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with State.open(path, mode="extract"):
        started = time.monotonic()
        with pytest.raises(StateLocked):
            State.open(path, mode="extract", wait=0.3)
        assert 0.25 < time.monotonic() - started < 5
        with State.open(path, lock=False) as reader:  # `state show` works during a run
            assert reader.meta()["mode"] == "extract"


def test_two_sinks_on_one_output_are_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "out.jsonl")
    first = AppendSink(path, None)
    try:
        with pytest.raises(OutputLocked):
            AppendSink(path, None)
    finally:
        first.close()


# --- the sink and the state as units ----------------------------------------------------------


def test_append_sink_cuts_back_to_the_committed_length(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"a":1}\n{"b":')
    sink = AppendSink(str(path), 8)
    sink.write(b'{"c":3}\n')
    assert sink.sync() == 16
    sink.close()
    assert path.read_bytes() == b'{"a":1}\n{"c":3}\n'
    with pytest.raises(OutputShrunk):
        AppendSink(str(path), 100)


def test_append_sink_sync_to_mark_drops_a_half_written_input(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    sink = AppendSink(str(path), None)
    sink.write(b'{"done":1}\n')
    sink.mark()
    sink.write(b'{"half":1}\n')
    assert sink.sync_to_mark() == 11
    sink.close()
    assert path.read_bytes() == b'{"done":1}\n'


def test_compressed_sink_cannot_cut_inside_a_member(tmp_path: Path) -> None:
    sink = AppendSink(str(tmp_path / "out.jsonl.gz"), None)
    sink.write(b'{"done":1}\n')
    sink.mark()
    sink.write(b'{"half":1}\n')
    assert sink.sync_to_mark() is None
    sink.close()


def test_state_commit_forget_and_summary(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    entry = InputEntry("/d/a.txt", 10, 1, "ab" * 32, "2025-01-01T00:00:00+00:00", 1, 1, 0)
    with State.open(path, mode="split") as state:
        state.commit([("/d/a.txt", entry), ("/d/sub/b.txt", entry)], "/o.jsonl", 123)
        assert state.output_length("/o.jsonl") == 123
        assert state.summary()["inputs"] == 2
        assert state.forget("/d/sub") == 1
        assert [e.path for e in state.entries()] == ["/d/a.txt"]


def test_state_keys_names_that_are_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"/d/caf\xe9\nnews.txt")
    entry = InputEntry(name, 1, 1, "0" * 64, "t")
    with State.open(str(tmp_path / "s"), mode="extract") as state:
        state.commit([(name, entry)], None, None)
        found = state.entry(name)
    assert found is not None and found.path == "/d/caf\ufffd\nnews.txt"


def test_missing_state_file_for_show_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StateError):
        State.open(str(tmp_path / "nope"), create=False)


# --- state show / forget ----------------------------------------------------------------------


def test_state_show_and_forget(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    assert extract(dumps, out, state).exit_code == 0
    shown = invoke(["state", "show", state, "--json"])
    assert shown.exit_code == 0
    data = orjson.loads(shown.stdout)
    assert (data["mode"], data["inputs"], data["records"]) == ("extract", 3, 3)
    assert data["outputs"][0]["length"] == out.stat().st_size
    assert data["inputs_list"][0]["path"] == str(dumps / "p0.txt")
    table = invoke(["state", "show", state])
    assert table.exit_code == 0 and "inputs" in table.stdout
    forgot = invoke(["state", "forget", state, dumps / "p0.txt"])
    assert forgot.exit_code == 0 and "forgot 1 input" in forgot.stderr
    assert extract(dumps, out, state).exit_code == 0
    assert [r["source"] for r in parse_jsonl(out.read_bytes())][3:] == [str(dumps / "p0.txt")]
    missing = invoke(["state", "show", tmp_path / "nope"])
    assert missing.exit_code == 2 and "no such state file" in missing.stderr


def test_output_and_state_inside_the_input_directory_are_not_read(dumps: Path) -> None:
    out, state = dumps / "out.jsonl", dumps / "run.state"
    for _ in range(2):
        assert extract(dumps, out, state).exit_code == 0
    assert len(parse_jsonl(out.read_bytes())) == 3


def test_a_named_pipe_is_read_every_time_and_not_recorded(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    for _ in range(2):
        writer = threading.Thread(target=fifo.write_text, args=(PAGE,))
        writer.start()
        assert extract(fifo, out, state).exit_code == 0
        writer.join()
    assert [r["source"] for r in parse_jsonl(out.read_bytes())] == [str(fifo)] * 2
    with State.open(str(state), lock=False) as opened:
        assert list(opened.entries()) == []


def test_a_file_named_twice_is_read_once(dumps: Path, tmp_path: Path) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "run.state"
    (tmp_path / "link.txt").symlink_to(dumps / "p0.txt")
    args = ["extract", dumps, dumps / "p0.txt", tmp_path / "link.txt", "-o", out, "--state", state]
    assert invoke(args).exit_code == 0
    assert len(parse_jsonl(out.read_bytes())) == 3


def test_state_and_output_must_differ(dumps: Path, tmp_path: Path) -> None:
    same = tmp_path / "same"
    result = invoke(["extract", dumps, "-o", same, "--state", same])
    assert result.exit_code == 2
    assert "--state and -o must be two files" in result.stderr
    assert not same.exists()


def test_state_with_output_to_stdout_is_refused(dumps: Path, tmp_path: Path) -> None:
    result = invoke(["extract", dumps, "-o", "-", "--state", tmp_path / "s"])
    assert result.exit_code == 2
    assert "--state needs -o FILE" in result.stderr
    assert not Path("-").exists()


def test_a_full_disk_is_one_line_and_exit_1(dumps: Path, tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    result = extract(dumps, Path("/dev/full"), tmp_path / "run.state")
    assert result.exit_code == 1
    assert result.stderr == "newsdump: writing /dev/full failed: No space left on device\n"

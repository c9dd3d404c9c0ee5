"""The command line: extract / split / stats. Reads options, builds Settings, makes one call
into the runner, renders. The only module that imports rich or tqdm."""

# No `from __future__ import annotations`: typer reads the commands' signatures on every run,
# and string annotations cost it ~5 ms of eval and compile each time.
import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, Optional

import typer
import typer.main

from newsdump import __version__
from newsdump.settings import DOCUMENT_TIMEOUT, MAX_DOCUMENT_BYTES, Settings

if TYPE_CHECKING:  # the rest is imported where used: `--help` loads no extraction core
    from newsdump.pipeline import DocResult
    from newsdump.sinks import AppendSink, Sink
    from newsdump.stats import Stats

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143

app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Clean articles, and every other story, out of dumps of news pages.\n\n"
    "Reads text dumps, HTML, JSONL and WARC/WET (optionally gzip/bzip2/xz/zstd compressed) "
    "from files, directories or stdin; writes JSON lines.\n\n"
    "Example: newsdump extract dumps/ -o articles.jsonl",
)


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, as KeyboardInterrupt: no `except Exception` stops it)."""


Paths = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Files, directories (recursive) or - for stdin. Default: stdin.", show_default=False
    ),
]
Output = Annotated[
    Optional[str],
    typer.Option(
        "-o", "--output", help="Write here (atomically) instead of stdout; .gz/.zst compress."
    ),
]
Jobs = Annotated[
    Optional[int],
    typer.Option("-j", "--jobs", help="Worker processes. [default: the cores it may use]", min=1),
]
Progress = Annotated[
    Optional[bool],
    typer.Option(
        "--progress/--no-progress",
        help="Progress bar on stderr. [default: when stderr is a terminal]",
    ),
]
FormatOpt = Annotated[InputFormat, typer.Option("--format", help="Input kind; auto recognises it.")]
TextField = Annotated[str, typer.Option("--text-field", help="JSONL field holding the page.")]
Glob = Annotated[
    Optional[str],
    typer.Option("--glob", help="Only files matching this pattern inside directories."),
]
Errors = Annotated[
    Optional[str], typer.Option("--errors", help="Append error records here instead of stderr.")
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks; stop at the first failure.")]
Unbuffered = Annotated[bool, typer.Option("-u", "--unbuffered", help="Flush every output line.")]
Model = Annotated[
    Optional[str], typer.Option("--model", hidden=True, help="Classifier model file.")
]
HeadlineModel = Annotated[
    Optional[str], typer.Option("--headline-model", hidden=True, help="Headline ranker file.")
]
Cluster = Annotated[
    Optional[str],
    typer.Option(
        "--cluster",
        metavar="ADDRESS",
        help="Run on a Dask cluster: tcp://HOST:PORT of its scheduler, or local[:N] for N worker "
        "processes here. -o then names a directory of part files. Needs newsdump[dask].",
    ),
]

StateOpt = Annotated[
    Optional[str],
    typer.Option(
        "--state",
        metavar="FILE",
        help="Incremental run: skip the inputs this SQLite file records as done, append to -o "
        "(required), record the new ones. Safe to kill and rerun: every page once.",
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="A page larger than this is an error record."),
]
Timeout = Annotated[
    float,
    typer.Option(
        "--timeout", min=0, help="Seconds for one page; slower is an error record (0: no limit)."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdump {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Clean articles, and every other story, out of dumps of news pages."""


@app.command()
def extract(
    paths: Paths = None,
    output: Output = None,
    jobs: Jobs = None,
    progress: Progress = None,
    format: FormatOpt = InputFormat.auto,
    text_field: TextField = "text",
    glob: Glob = None,
    errors: Errors = None,
    debug: Debug = False,
    unbuffered: Unbuffered = False,
    model: Model = None,
    headline_model: HeadlineModel = None,
    state: StateOpt = None,
    max_bytes: MaxBytes = MAX_DOCUMENT_BYTES,
    timeout: Timeout = DOCUMENT_TIMEOUT,
    cluster: Cluster = None,
) -> None:
    """One JSON line per page: its main article (title, authors, published, lang, text, words).

    Example: newsdump extract dumps/ -j 2 -o articles.jsonl.zst
    """
    settings = Settings(
        model=model, headline_model=headline_model, text_field=text_field, format=format.value
    )
    _run_pages(
        "extract", paths, settings, output, jobs, progress, glob, errors, debug, unbuffered,
        max_bytes, timeout, state, cluster,
    )  # fmt: skip


@app.command()
def split(
    paths: Paths = None,
    output: Output = None,
    jobs: Jobs = None,
    progress: Progress = None,
    format: FormatOpt = InputFormat.auto,
    text_field: TextField = "text",
    glob: Glob = None,
    errors: Errors = None,
    boilerplate: Annotated[
        bool, typer.Option("--boilerplate", help="Also emit boilerplate blocks.")
    ] = False,
    debug: Debug = False,
    unbuffered: Unbuffered = False,
    model: Model = None,
    headline_model: HeadlineModel = None,
    state: StateOpt = None,
    max_bytes: MaxBytes = MAX_DOCUMENT_BYTES,
    timeout: Timeout = DOCUMENT_TIMEOUT,
    cluster: Cluster = None,
) -> None:
    """One JSON line per story, in page order: the article (kind "article") and every other
    story the page shows (kind "feed": feed items, teasers, related cards).

    Example: zcat crawl.wet.gz | newsdump split - | jq -r 'select(.kind=="feed") | .title'
    """
    settings = Settings(
        model=model,
        headline_model=headline_model,
        text_field=text_field,
        format=format.value,
        boilerplate=boilerplate,
    )
    _run_pages(
        "split", paths, settings, output, jobs, progress, glob, errors, debug, unbuffered,
        max_bytes, timeout, state, cluster,
    )  # fmt: skip


def _run_pages(
    mode: str,
    paths: list[str] | None,
    settings: Settings,
    output: str | None,
    jobs: int | None,
    progress: bool | None,
    glob: str | None,
    errors: str | None,
    debug: bool,
    unbuffered: bool,
    max_bytes: int,
    timeout: float,
    state: str | None,
    cluster: str | None,
) -> None:
    """`extract` and `split`: on a cluster, incrementally with a state, or plainly."""
    settings = replace(settings, max_document_bytes=max_bytes, timeout=timeout)
    if cluster:
        if state is not None:
            raise typer.BadParameter("--state is for local runs", param_hint="--cluster")
        args = (paths, settings, output, glob, errors, debug, progress)
        raise typer.Exit(_on_cluster(cluster, mode, *args)[0])
    if state is not None:
        raise typer.Exit(
            _execute_state(
                mode, paths, settings, output, jobs, progress, glob, errors, debug, state
            )
        )
    code = _execute(mode, paths, settings, output, jobs, progress, glob, errors, debug, unbuffered)
    raise typer.Exit(code)


@app.command()
def stats(
    paths: Paths = None,
    json: Annotated[
        bool, typer.Option("--json", help="One JSON object instead of a table.")
    ] = False,
    records: Annotated[
        bool, typer.Option("--records", help="Inputs are JSONL written by extract or split.")
    ] = False,
    jobs: Jobs = None,
    progress: Progress = None,
    format: FormatOpt = InputFormat.auto,
    text_field: TextField = "text",
    glob: Glob = None,
    errors: Errors = None,
    debug: Debug = False,
    model: Model = None,
    headline_model: HeadlineModel = None,
    cluster: Cluster = None,
) -> None:
    """What a batch holds: pages, articles, words, feed items (all, distinct, recurring),
    authors, dates, languages, errors and throughput.

    Example: newsdump stats dumps/          (or: newsdump stats --records articles.jsonl --json)
    """
    from newsdump.stats import Stats

    settings = Settings(
        model=model, headline_model=headline_model, text_field=text_field, format=format.value
    )
    total = Stats()
    started = time.perf_counter()

    def collect(result: "DocResult") -> None:
        if result.error is not None:
            total.add_error(result.error.error)
        else:
            total.add_page(result.records, result.bytes, result.page_words)

    if cluster and not records:
        args = (paths, settings, None, glob, errors, debug, progress)
        code, total = _on_cluster(cluster, "stats", *args)
    elif records:
        code = _stats_from_records(paths or ["-"], total, glob)
    else:
        code = _execute(
            "split", paths, settings, None, jobs, progress, glob, errors, debug, False, collect
        )
    total.seconds = time.perf_counter() - started
    if code in (EXIT_OK, EXIT_FAILED):
        _render_stats(total, json)
    raise typer.Exit(code)


def _execute(
    mode: str,
    paths: list[str] | None,
    settings: Settings,
    output: str | None,
    jobs: int | None,
    progress: bool | None,
    glob: str | None,
    errors: str | None,
    debug: bool,
    unbuffered: bool,
    collect: Any = None,
) -> int:
    from newsdump.records import to_json_line
    from newsdump.runner import Job, available_cores, expand_paths, iter_inputs, run
    from newsdump.sinks import StreamSink, file_sink

    inputs = paths or ["-"]
    _check_inputs(inputs)
    output = None if output == "-" else output  # `-o -`: stdout, as usual for a filter
    errors = None if errors == "-" else errors
    _check_target(output, "--output")
    _check_target(errors, "--errors")
    workers = jobs or available_cores()
    if debug:
        workers = 1
    show = sys.stderr.isatty() if progress is None else progress
    job = Job(settings, mode, debug, lines=collect is None)  # workers write the JSON lines
    items = iter_inputs(expand_paths(inputs, glob), settings, defer=workers > 1)

    error_out: BinaryIO = open(errors, "ab") if errors else sys.stderr.buffer  # noqa: SIM115
    sink: Sink | None = None
    if collect is None:  # after the errors file: a failed open leaves no temporary file
        sink = file_sink(output) if output else StreamSink(sys.stdout.buffer, unbuffered)
    failed = 0
    signals = _Signals()
    signals.install()
    bar = _progress_bar(show)
    try:
        for result in run(items, job, workers):
            with signals.deferred():
                if result.error is not None:
                    failed += 1
                    error_out.write(to_json_line(result.error.to_dict()))
                    error_out.flush()
                if sink is not None and result.lines:
                    sink.write(result.lines)
                if collect is not None:
                    collect(result)
                bar.update(1)
        signals.check()
        if sink is not None:
            sink.commit()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        if sink is not None:
            sink.abort()
        return EXIT_INTERRUPTED
    except Terminated:
        if sink is not None:
            sink.abort()
        return EXIT_TERMINATED
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    finally:
        bar.close()
        signals.restore()
        if errors:
            error_out.close()
    return EXIT_FAILED if failed else EXIT_OK


def _check_inputs(paths: list[str]) -> None:
    """A usage error, before any work starts, for an input that does not exist."""
    from newsdump.runner import MissingPath, check_paths

    try:
        check_paths(paths)
    except MissingPath as exc:
        raise typer.BadParameter(f"no such file or directory: {exc}", param_hint="PATHS") from None


def _check_target(path: str | None, hint: str) -> None:
    """A usage error, before any work starts, for a file that cannot be written."""
    if path is None:
        return
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        raise typer.BadParameter(f"directory does not exist: {path}", param_hint=hint)
    if os.path.isdir(path):
        raise typer.BadParameter(f"is a directory: {path}", param_hint=hint)


def _on_cluster(
    address: str,
    mode: str,
    paths: list[str] | None,
    settings: Settings,
    output: str | None,
    glob: str | None,
    errors: str | None,
    debug: bool,
    progress: bool | None,
) -> "tuple[int, Stats]":
    """The job on a Dask cluster (newsdump.distributed): part files in `output`, or (for
    `stats`) only the counts."""
    from newsdump import distributed
    from newsdump.records import to_json_line
    from newsdump.runner import Job, MissingPath
    from newsdump.stats import Stats

    if mode != "stats" and output is None:
        raise typer.BadParameter("with --cluster, name an output directory", param_hint="-o")
    bar = _progress_bar(sys.stderr.isatty() if progress is None else progress)
    try:
        result = distributed.run_on_cluster(
            address,
            paths or ["-"],
            Job(settings, "split" if mode == "stats" else mode, debug),
            output,
            glob,
            on_part=lambda part: bar.update(part.stats.documents),
        )
    except MissingPath as exc:
        raise typer.BadParameter(f"no such file or directory: {exc}", param_hint="PATHS") from None
    except distributed.ClusterUsage as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.option) from None
    except (distributed.DaskMissing, distributed.ClusterFailed) as exc:
        if debug:
            raise
        typer.echo(f"newsdump: {exc}", err=True)
        return (EXIT_USAGE if isinstance(exc, distributed.DaskMissing) else EXIT_FAILED), Stats()
    finally:
        bar.close()
    with open(errors, "ab") if errors else contextlib.nullcontext(sys.stderr.buffer) as out:
        for error in result.errors:
            out.write(to_json_line(error))
    return (EXIT_FAILED if result.errors else EXIT_OK), result.stats


def _stats_from_records(paths: list[str], total: "Stats", glob: str | None) -> int:
    """Stats from JSONL that `extract` or `split` wrote."""
    import orjson

    from newsdump.runner import expand_paths
    from newsdump.sources.compress import decompressed

    _check_inputs(paths)
    for path in expand_paths(paths, glob):
        raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        try:
            stream, _ = decompressed(raw, Settings().max_decompressed_bytes)
            for doc_records in _group_by_doc(orjson.loads(line) for line in stream if line.strip()):
                total.add_page(doc_records)
        except (orjson.JSONDecodeError, OSError, EOFError) as exc:
            typer.echo(f"newsdump: {path}: not the JSONL of extract or split ({exc})", err=True)
            return EXIT_FAILED
        finally:
            if raw is not sys.stdin.buffer:
                raw.close()
    return EXIT_OK


def _group_by_doc(records: Iterator[Any]) -> Iterator[list[dict[str, Any]]]:
    group: list[dict[str, Any]] = []
    current: Any = object()
    for rec in records:
        if not isinstance(rec, dict):
            continue
        # the source too: identical pages in two files share an id, yet are two documents
        doc = (rec.get("doc", rec.get("id")), rec.get("source"))
        if group and doc != current:
            yield group
            group = []
        current = doc
        group.append(rec)
    if group:
        yield group


def _render_stats(total: "Stats", as_json: bool) -> None:
    data = total.to_dict()
    if as_json:
        from newsdump.records import to_json_line

        sys.stdout.buffer.write(to_json_line(data))
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsdump stats", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value", justify="right")
    rows = [
        ("documents", data["documents"]),
        ("bytes", data["bytes"]),
        ("articles found", data["articles"]),
        ("words in articles", data["article_words"]),
        ("words in pages", data["page_words"]),
        ("feed items", data["feed_items"]),
        ("feed items, distinct", data["feed_items_distinct"]),
        ("published, first", data["published_first"] or "-"),
        ("published, last", data["published_last"] or "-"),
        ("languages", ", ".join(f"{k} {v}" for k, v in data["languages"].items()) or "-"),
        ("errors", data["errors"]),
        *((f"  {kind}", n) for kind, n in data["errors_by_kind"].items()),
        ("seconds", data["seconds"]),
        ("documents per second", data["documents_per_second"] or "-"),
    ]
    for what, value in rows:
        table.add_row(what, str(value))
    console = Console(soft_wrap=False)
    console.print(table)
    if data["recurring_headlines"]:
        top = Table(title="recurring headlines", title_justify="left")
        top.add_column("pages", justify="right")
        top.add_column("headline")
        for item in data["recurring_headlines"]:
            top.add_row(str(item["pages"]), item["title"])
        console.print(top)
    if data["top_authors"]:
        authors = Table(title="top authors", title_justify="left")
        authors.add_column("articles", justify="right")
        authors.add_column("author")
        for item in data["top_authors"]:
            authors.add_row(str(item["articles"]), item["name"])
        console.print(authors)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(show: bool) -> Any:
    if not show:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True)


def _silence_stdout() -> None:
    """The reader went away (`| head`): stop quietly, without 'Exception ignored' at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the state or the output; try again later


def _execute_state(
    mode: str,
    paths: list[str] | None,
    settings: Settings,
    output: str | None,
    jobs: int | None,
    progress: bool | None,
    glob: str | None,
    errors: str | None,
    debug: bool,
    state_path: str,
) -> int:
    """An incremental run: inputs that the state records as done are skipped, the others'
    records are appended to `output`, and the state is committed (in batches) only after the
    records it covers are fsynced. stdin (`-`) cannot be recorded: it is read every time."""
    from newsdump.records import to_json_line
    from newsdump.runner import (
        InputDone,
        Job,
        available_cores,
        expand_paths,
        iter_inputs_tracked,
        run_items,
    )
    from newsdump.state import COMMIT_EVERY_FILES, COMMIT_EVERY_SECONDS, InputEntry, StateError

    if output is None or output == "-":
        raise typer.BadParameter("--state needs -o FILE: the records are appended to it")
    if os.path.abspath(output) == os.path.abspath(state_path):
        raise typer.BadParameter("--state and -o must be two files", param_hint="--state")
    inputs = paths or ["-"]
    _check_inputs(inputs)
    _check_target(output, "--output")
    _check_target(errors, "--errors")
    opened = _open_state(state_path, mode, output)
    if isinstance(opened, int):
        return opened
    state, sink = opened
    workers = 1 if debug else (jobs or available_cores())
    bar = _progress_bar(sys.stderr.isatty() if progress is None else progress)
    error_out: BinaryIO = open(errors, "ab") if errors else sys.stderr.buffer  # noqa: SIM115
    signals = _Signals()
    done: list[tuple[str, InputEntry]] = []
    counts = [0, 0, 0]  # documents, records, errors of the input being read
    failed = 0
    last_commit = time.monotonic()

    def commit(length: int | None) -> None:
        nonlocal done, last_commit
        if length is not None:  # (a stream's length is not the output's: not recorded)
            state.commit(done, output if sink.seekable else None, length)
        done = []
        last_commit = time.monotonic()

    signals.install()
    try:
        own = [output, state_path, f"{state_path}-wal", f"{state_path}-shm"]
        walk = expand_paths(inputs, glob)
        items = iter_inputs_tracked(walk, settings, state, own, defer=workers > 1)
        for result in run_items(items, Job(settings, mode, debug, lines=True), workers):
            with signals.deferred():
                if isinstance(result, InputDone):
                    sink.mark()
                    entry = result.entry(*counts)
                    if entry is not None:
                        done.append((result.path, entry))
                    counts = [0, 0, 0]
                    due = time.monotonic() - last_commit >= COMMIT_EVERY_SECONDS
                    if done and (due or len(done) >= COMMIT_EVERY_FILES):
                        commit(sink.sync())
                    continue
                counts[0] += 1
                if result.error is not None:
                    failed += 1
                    counts[2] += 1
                    error_out.write(to_json_line(result.error.to_dict()))
                    error_out.flush()
                if result.lines:
                    sink.write(result.lines)
                counts[1] += result.count
                bar.update(1)
        with signals.deferred():
            commit(sink.sync())
    except (KeyboardInterrupt, Terminated) as exc:
        with signals.deferred():
            commit(sink.sync_to_mark())  # keep every input that was complete
        return EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_TERMINATED
    except OSError as exc:  # the output cannot be written (disk full, I/O error): nothing of
        # what came after the last commit counts; the next run cuts it off and does it again
        typer.echo(f"newsdump: writing {output} failed: {exc.strerror or exc}", err=True)
        return EXIT_FAILED
    except StateError as exc:  # the same, for the state
        typer.echo(f"newsdump: {exc}", err=True)
        return EXIT_FAILED
    finally:
        signals.restore()
        bar.close()
        sink.close()
        state.close()
        if errors:
            error_out.close()
    return EXIT_FAILED if failed else EXIT_OK


def _open_state(state_path: str, mode: str, output: str) -> "tuple[Any, AppendSink] | int":
    """The state (locked) and the output (cut back to what the state covers), or an exit code
    after a one-line message."""
    from newsdump.sinks import AppendSink, OutputLocked, OutputShrunk
    from newsdump.state import State, StateError, StateLocked

    try:
        state = State.open(state_path, mode=mode)
    except StateLocked as exc:
        typer.echo(f"newsdump: {exc}", err=True)
        return EXIT_LOCKED
    except StateError as exc:
        typer.echo(f"newsdump: {exc}", err=True)
        return EXIT_USAGE
    try:
        sink = AppendSink(output, state.output_length(output))
        if sink.seekable:
            state.commit([], output, sink.length)  # the length this run starts from
    except OutputLocked as exc:
        state.close()
        typer.echo(f"newsdump: {exc}", err=True)
        return EXIT_LOCKED
    except (OutputShrunk, OSError, StateError) as exc:
        state.close()
        typer.echo(f"newsdump: {exc}", err=True)
        return EXIT_USAGE
    return state, sink


class _Signals:
    """SIGINT and SIGTERM raise KeyboardInterrupt / Terminated at the end of the next
    `deferred()` block (writing a record, committing the state), never in the middle of one."""

    def __init__(self) -> None:
        self._critical = False
        self._pending: int | None = None
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous[signum] = signal.signal(signum, self._handle)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        # Raising here could interrupt the process pool while it holds a lock, and its
        # shutdown would then hang: note the signal and raise it at the next safe point (the
        # end of the next `deferred()` block, after the next result). A second signal raises
        # at once, in case no result comes (a pipe that stays open).
        if self._pending is not None and not self._critical:
            self._raise(signum)
        self._pending = signum

    @staticmethod
    def _raise(signum: int) -> None:
        if signum == signal.SIGINT:
            raise KeyboardInterrupt()
        raise Terminated()

    def check(self) -> None:
        """Raise a signal that arrived since the last block, if any."""
        if self._pending is not None:
            signum, self._pending = self._pending, None
            self._raise(signum)

    def deferred(self) -> "_Signals":
        """`with signals.deferred():` (a class, not a generator: it runs once a page)."""
        return self

    def __enter__(self) -> None:
        self._critical = True

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._critical = False
        if exc_type is None and self._pending is not None:
            signum, self._pending = self._pending, None
            self._raise(signum)


state_app = typer.Typer(
    no_args_is_help=True,
    help="What an incremental-run state file (--state) holds, and making it forget inputs."
    "\n\nExample: newsdump state show news.state",
)
app.add_typer(state_app, name="state")


@state_app.command("show")
def state_show(
    file: Annotated[str, typer.Argument(help="The state file (--state FILE).")],
    json: Annotated[
        bool, typer.Option("--json", help="One JSON object, with every input.")
    ] = False,
) -> None:
    """What a state holds: a summary and the inputs it records as processed.

    Example: newsdump state show news.state --json | jq '.inputs_list[].path'
    """
    from newsdump.state import State, StateError

    try:
        with State.open(file, lock=False, create=False) as state:
            summary = state.summary()
            entries = [e.to_dict() for e in state.entries()]
    except StateError as exc:
        typer.echo(f"newsdump: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if json:
        from newsdump.records import to_json_line

        sys.stdout.buffer.write(to_json_line({**summary, "inputs_list": entries}))
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.table import Table

    head = Table(title=f"newsdump state {file}", show_header=False, title_justify="left")
    head.add_column("what", style="bold")
    head.add_column("value")
    for key in ("mode", "created_at", "inputs", "bytes", "documents", "records", "errors"):
        head.add_row(key, str(summary[key] if summary[key] is not None else "-"))
    head.add_row("last processed", str(summary["last_processed"] or "-"))
    for out in summary["outputs"]:
        head.add_row("output", f"{out['path']} ({out['length']} bytes, {out['updated_at']})")
    console = Console(soft_wrap=False)
    console.print(head)
    table = Table(title="inputs", title_justify="left")
    table.add_column("path", overflow="fold")
    for column in ("size", "docs", "records", "errors"):
        table.add_column(column, justify="right")
    table.add_column("processed (UTC)", no_wrap=True)
    for e in entries:
        table.add_row(
            e["path"], str(e["size"]), str(e["documents"]), str(e["records"]),
            str(e["errors"]), e["processed_at"][:19].replace("T", " "),
        )  # fmt: skip
    console.print(table)


@state_app.command("forget")
def state_forget(
    file: Annotated[str, typer.Argument(help="The state file (--state FILE).")],
    paths: Annotated[list[str], typer.Argument(help="Inputs (or directories) to process again.")],
) -> None:
    """Forget inputs, so that the next run processes them again (their new records are appended;
    the old ones stay in the output).

    Example: newsdump state forget news.state dumps/2024-05-01/
    """
    from newsdump.state import State, StateError, StateLocked

    try:
        with State.open(file, create=False) as state:
            n = sum(state.forget(path) for path in paths)
    except StateLocked as exc:
        typer.echo(f"newsdump: {exc}", err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except StateError as exc:
        typer.echo(f"newsdump: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"forgot {n} input{'s' if n != 1 else ''}", err=True)


_UNSURE: Any = object()  # _plain_value's "not for me": typer coerces the value


def _plain_value(descriptor: Any, value: Any, multiple: bool, ctx: Any) -> Any:
    """The value typer's coercion gives `value` (a str or tuple of str from the command line, or
    a default), when it is plain: a str, a list of str, decimal digits within range, a choice by
    its exact value; else _UNSURE (malformed, out of range, or words typer's errors)."""
    if value is None:
        return () if multiple else None  # as typer's RuntimeParam.coerce
    info = descriptor.parameter_info
    if info.parser is not None or getattr(info, "clamp", False):
        return _UNSURE
    annotation = descriptor.annotation
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if annotation == list[str]:
        if isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        return _UNSURE
    if annotation is int or annotation is float:
        number: Any = _UNSURE
        if type(value) is annotation:
            number = value
        elif type(value) is str and len(value) <= 18 and value.isascii():
            whole, dot, fraction = value.partition(".")
            if whole.isdigit() and (not dot or (annotation is float and fraction.isdigit())):
                number = annotation(value)
        if number is _UNSURE:
            return _UNSURE
        if (info.min is not None and number < info.min) or (
            info.max is not None and number > info.max
        ):
            return _UNSURE
        return number
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        if isinstance(value, annotation):
            return value
        if type(value) is str and info.case_sensitive and ctx.token_normalize_func is None:
            return annotation._value2member_map_.get(value, _UNSURE)
    return _UNSURE


class _PlainValues:
    """Coerces a parameter's plain values without typer's coercion, which (typer 0.2x) builds a
    pydantic TypeAdapter per parameter of the command run, and imports pydantic for it: ~0.1 s
    of every run. The rest (a malformed or out-of-range value) goes to typer's, which words the
    usage error."""

    def __init__(self) -> None:
        self.typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        plain = _plain_value(param.type_descriptor, value, multiple, ctx)
        if plain is not _UNSURE:
            return plain
        if self.typer is None:
            from typer._coercion import build_runtime_param

            self.typer = build_runtime_param(param.type_descriptor)
        return self.typer.coerce(value, param=param, ctx=ctx)


def _command() -> Any:
    """The app as a click command whose parameters coerce plain values themselves (with a
    typer that has no per-parameter runtime coercion, as typer's own command)."""
    command = typer.main.get_command(app)
    _plain_values(command)
    return command


def _plain_values(command: Any, parent: Any = None) -> None:
    # a context as the run makes it, for the help option (made, and kept, on first use)
    ctx = command.context_class(command, parent=parent, **command.context_settings)
    for param in command.get_params(ctx):
        if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", 0) is None:
            param._runtime_param = _PlainValues()
    for sub in getattr(command, "commands", {}).values():
        _plain_values(sub, ctx)


def main() -> None:
    """Entry point: usage errors as one line and exit 2; Ctrl-C exits 130."""
    # numpy's OpenBLAS starts a thread per core when imported, and newsdump does no BLAS work
    # (its parallelism is -j processes): one thread saves ~40 ms of CPU a run (2 cores), and a
    # thread pool in every worker on larger machines. A value the user set is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        rv = _command()(standalone_mode=False, prog_name="newsdump")
    except typer.Abort:
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except Exception as exc:
        # Click's (vendored by Typer) usage errors carry format_message() and exit_code 2
        code = getattr(exc, "exit_code", None)
        if not isinstance(code, int) or not hasattr(exc, "format_message"):
            raise
        ctx = getattr(exc, "ctx", None)
        command = f" {ctx.info_name}" if ctx is not None and ctx.parent is not None else ""
        hint = f" (see 'newsdump{command} --help')" if code == EXIT_USAGE else ""
        typer.echo(f"newsdump: {exc.format_message()}{hint}", err=True)
        sys.exit(code)
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)

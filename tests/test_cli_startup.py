"""The CLI's start-up: `--help` and `--version` load no extraction core, and the command line's
plain values are coerced without typer's pydantic adapters, to the very values typer gives."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._coercion import build_runtime_param

from newsdump import cli

CORE = ("newsdump.pipeline", "newsdump.runner", "newsdump.article", "numpy", "pydantic")


def loaded_after(args: list[str]) -> tuple[int, list[str]]:
    script = (
        "import sys\n"
        "from newsdump import cli\n"
        f"sys.argv = ['newsdump', *{args!r}]\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"print(code, sorted(m for m in {CORE!r} if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    code, loaded = proc.stderr.strip().splitlines()[-1].split(" ", 1)
    return int(code), eval(loaded)  # a list literal printed by the script above


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["extract", "--help"], ["state", "show", "--help"]]
)
def test_help_and_version_load_no_extraction_core(args: list[str]) -> None:
    assert loaded_after(args) == (0, [])


def test_a_usage_error_in_a_value_is_worded_by_typer() -> None:
    """A malformed value goes to typer's own coercion (pydantic and all), for its message."""
    code, loaded = loaded_after(["extract", "-j", "0", "page.txt"])
    assert (code, loaded) == (2, ["pydantic"])


def walk(command: Any, parent: Any = None) -> list[tuple[str, Any, Any]]:
    """(command name, parameter, context) for every parameter of every command, help too."""
    ctx = command.context_class(command, parent=parent, **command.context_settings)
    found = [(command.name, param, ctx) for param in command.get_params(ctx)]
    for sub in getattr(command, "commands", {}).values():
        found.extend(walk(sub, ctx))
    return found


def test_every_parameter_coerces_its_plain_values_itself() -> None:
    """If a typer upgrade renames what this relies on, this fails (the CLI still works)."""
    params = walk(cli._command())
    assert len(params) > 40
    for name, param, _ in params:
        assert isinstance(param._runtime_param, cli._PlainValues), (name, param.name)


PARAMS = [(name, p, ctx) for name, p, ctx in walk(typer.main.get_command(cli.app))]
VALUES = st.one_of(
    st.text(alphabet="0123456789.+-_eE xinfa", max_size=22),
    st.text(max_size=8),
    st.sampled_from(["auto", "text", "html", "jsonl", "warc", "AUTO", "Html", "a\udcff", ""]),
    st.integers(min_value=-3, max_value=10**20).map(str),
    st.floats(allow_nan=True).map(str),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(PARAMS))), st.one_of(VALUES, st.lists(VALUES, max_size=3)))
def test_a_plain_value_is_the_value_typer_gives(index: int, raw: Any) -> None:
    name, param, ctx = PARAMS[index]
    multiple = param.multiple or param.nargs == -1
    value = tuple(raw) if isinstance(raw, list) else raw
    plain = cli._plain_value(param.type_descriptor, value, multiple, ctx)
    if plain is cli._UNSURE:
        return
    expected = build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
    assert (type(plain), plain) == (type(expected), expected), (name, param.name, value)


def test_defaults_and_absent_values_are_plain() -> None:
    for name, param, ctx in PARAMS:
        multiple = param.multiple or param.nargs == -1
        for value in (param.default, None):
            plain = cli._plain_value(param.type_descriptor, value, multiple, ctx)
            if value is None or not isinstance(value, bool):
                assert plain is not cli._UNSURE, (name, param.name, value)
            expected = build_runtime_param(param.type_descriptor).coerce(value, param, ctx)
            if plain is not cli._UNSURE:
                assert (type(plain), plain) == (type(expected), expected)


ARGS = [
    ["a.txt"],
    [],
    ["-j", "3", "--timeout", "0.5", "--max-bytes", "1000", "--format", "html", "x", "y"],
    ["--progress", "--text-field", "body", "--glob", "*.txt", "-o", "out.jsonl", "-u"],
    ["--no-progress", "--errors", "-", "--model", "m.json", "--headline-model", "h.json"],
    ["--state", "s.db", "--cluster", "local:2", "--debug", "--timeout", "007", "--", "-"],
]


@pytest.mark.parametrize("args", ARGS)
@pytest.mark.parametrize("command", ["extract", "split"])
def test_the_command_receives_what_typer_would_give_it(command: str, args: list[str]) -> None:
    ours = cli._command().commands[command].make_context(command, list(args))
    theirs = typer.main.get_command(cli.app).commands[command].make_context(command, list(args))
    assert ours.params == theirs.params
    assert [type(v) for v in ours.params.values()] == [type(v) for v in theirs.params.values()]


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_openblas_gets_one_thread_unless_the_user_says(given: str | None, expected: str) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    script = (
        "import os, sys\n"
        "from newsdump import cli\n"
        "sys.argv = ['newsdump', '--version']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    print(os.environ['OPENBLAS_NUM_THREADS'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert proc.stdout.splitlines()[-1] == expected


def gc_after(args: list[str], stdin: str) -> tuple[bool, int]:
    """Whether the CLI's process froze its objects, and its young-generation threshold, after
    `newsdump ARGS` read `stdin`."""
    script = (
        "import gc, sys\n"
        "from newsdump import cli\n"
        f"sys.argv = ['newsdump', *{args!r}]\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_freeze_count() > 0, gc.get_threshold()[0], file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], input=stdin, capture_output=True, text=True
    )
    frozen, young = proc.stderr.strip().splitlines()[-1].split()
    return frozen == "True", int(young)


def test_the_collector_is_settled_after_the_first_document_only() -> None:
    from newsdump.runner import GC_YOUNG_THRESHOLD

    page = "A headline about the harbour\n\nThe harbour reopened on Monday after the storm.\n"
    assert gc_after(["extract", "-j", "1", "-"], page) == (True, GC_YOUNG_THRESHOLD)
    assert gc_after(["extract", "-j", "1", "-"], "") == (False, 700)  # no page: the defaults


def test_a_worker_settles_its_collector_after_its_first_document() -> None:
    script = (
        "import gc\n"
        "from newsdump.document import Document, Format\n"
        "from newsdump.runner import Job, process_items\n"
        "from newsdump.settings import Settings\n"
        "job = Job(Settings(), 'split', lines=True)\n"
        "print(gc.get_freeze_count() > 0, gc.get_threshold()[0])\n"
        "doc = Document(text='Storm closes the harbour\\n\\nBoats stayed in.', source='a',"
        " format=Format.TEXT)\n"
        "[result] = process_items([doc], job)\n"
        "print(gc.get_freeze_count() > 0, gc.get_threshold()[0], result.count)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.stdout.splitlines() == ["False 700", "True 10000 1"]

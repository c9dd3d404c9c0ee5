"""Docs stay true: every command has help with an example, and the README shows each one."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from newsdump.cli import app

README = ROOT / "README.md"
COMMANDS = ["extract", "split", "stats"]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], prog_name="newsdump")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert f"newsdump {command}" in text.split("Example: ", 1)[1]


def test_readme_exists() -> None:
    assert README.is_file()


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_shows_every_command(command: str) -> None:
    assert re.search(rf"\bnewsdump {command}\b", README.read_text(encoding="utf-8"))


def test_readme_mentions_every_option_of_extract() -> None:
    import typer.main

    extract = typer.main.get_command(app).commands["extract"]  # type: ignore[attr-defined]
    readme = README.read_text(encoding="utf-8")
    missing = [
        opt
        for param in extract.params
        if param.param_type_name == "option" and not getattr(param, "hidden", False)
        for opt in param.opts[:1]
        if opt.startswith("--") and opt not in readme and opt != "--help"
    ]
    assert missing == []

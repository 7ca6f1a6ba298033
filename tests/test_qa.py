"""Bugs found by hostile use of the CLI: each test pins one fix."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import REPORT


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_error_line(result, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("csplan: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_list_with_no_match_says_so_as_csplan(cli, store_copy, fmt):
    result = cli("--store", store_copy, "list", "--year", "2090", "--format", fmt)
    assert "no figures match" in _one_error_line(result, 1)

"""Usage errors are one line on stderr with exit 2, like every other error of csplan."""

import pytest


@pytest.mark.parametrize(
    "args, words",
    [
        (["show"], "Missing argument 'QUERY'"),
        (["list", "--kind", "foo"], "'foo' is not one of"),
        (["bogus"], "No such command 'bogus'"),
        (["value", "gdp", "abc"], "YEAR"),
        (["list", "--year", "1800"], "1949"),
        (["list", "--no-such-option"], "--no-such-option"),
    ],
)
def test_usage_error_is_one_line_exit_2(cli, args, words):
    r = cli(*args)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("csplan: ") and words in lines[0]
    assert "Traceback" not in r.stderr


def test_misspelt_command_suggests_the_right_one(cli):
    r = cli("shw", "gdp")
    assert r.exit_code == 2
    assert "Did you mean 'show'?" in r.stderr

"""How well `extract` generalises: recall and precision on five real reports nobody keyed or tuned
on before (tests/corpus_key_heldout.toml, over texts in ../shared/corpus), scored by the rules of
test_corpus_accuracy.

The floors are what the extractor achieves today, rounded down to the percent: they record the
figures and fail on a change that lowers them. They are not a goal.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import test_corpus_accuracy as accuracy
from conftest import unavailable

KEY = Path(__file__).with_name("corpus_key_heldout.toml")

# 控制在3%左右, keyed about here, is read as at most since the blind set blind_excerpts33 (a ceiling, as
# the second key reads it): one required fact missed and one emitted fact wrong since.
MIN_RECALL = 0.98  # 95 of 96 required facts
MIN_PRECISION = 0.99  # 100 of 101 emitted facts


def _key() -> list[dict]:
    with open(KEY, "rb") as f:
        return tomllib.load(f)["report"]


def _require_corpus():
    if not accuracy.CORPUS.is_dir():
        unavailable("needs ../shared/corpus")


@pytest.fixture(scope="module")
def measured():
    _require_corpus()
    return accuracy.measure(_key(), label="held-out corpus")


def test_the_key_names_other_reports_than_the_developer_key():
    reports = _key()
    assert len(reports) == 5
    assert not {r["file"] for r in reports} & {r["file"] for r in accuracy._key()}


def test_the_key_has_well_formed_facts():
    accuracy.check_facts(_key())


def test_each_quote_of_the_key_is_in_its_report():
    _require_corpus()
    accuracy.check_quotes(_key(), accuracy.CORPUS)


def test_recall_and_precision_on_held_out_reports(measured):
    accuracy.check_floors(measured, MIN_RECALL, MIN_PRECISION)

"""How well `extract` generalises to report texts it was never developed on: twelve excerpts in the
genre's phrasings, for regions and years outside the corpus (tests/fixtures/blind), keyed by hand
before the extractor was run on any of them (tests/fixtures/blind/key.toml), scored by the rules
of test_corpus_accuracy.

Each excerpt is read as `csplan extract FILE` reads it: no region and no years are given, the
extractor finds them in the text, and the bundled store names the indicators it knows.

The floors are what the extractor achieves today, rounded down to the percent: they record the
figures and fail on a change that lowers them. They are not a goal.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import test_corpus_accuracy as accuracy

from csplan.extract import extract
from csplan.locate import bundled_store
from csplan.store import load

BLIND = Path(__file__).with_name("fixtures") / "blind"
KEY = BLIND / "key.toml"

# 控制在3%左右, keyed about here, is read as at most since blind_excerpts33 (a ceiling, as the second key
# of the real reports reads it): one required fact missed and one emitted fact wrong since.
MIN_RECALL = 0.99  # 280 of 281 required facts
MIN_PRECISION = 0.99  # 289 of 290 emitted facts


def _key() -> list[dict]:
    with open(KEY, "rb") as f:
        return tomllib.load(f)["report"]


def _read(report: dict):
    text = (BLIND / report["file"]).read_text(encoding="utf-8")
    return extract(text, load(bundled_store(), cache=False))


@pytest.fixture(scope="module")
def extracted() -> dict[str, object]:
    return {report["file"]: _read(report) for report in _key()}


@pytest.fixture(scope="module")
def measured(extracted):
    return accuracy.measure(_key(), lambda report: accuracy.judge(report, extracted[report["file"]]),
                            label="blind excerpts")


def test_the_key_names_each_excerpt_once_and_no_corpus_report():
    reports = _key()
    files = [r["file"] for r in reports]
    assert len(reports) == 12 and len(set(files)) == 12
    assert set(files) == {p.name for p in BLIND.glob("*.txt")}
    keyed = {r["region"] for r in accuracy._key()}
    assert not {r["region"] for r in reports} & keyed


def test_the_key_has_well_formed_facts():
    for report in _key():
        assert report["region"], report["file"]
    accuracy.check_facts(_key())


def test_each_quote_of_the_key_is_in_its_excerpt():
    accuracy.check_quotes(_key(), BLIND)


def test_the_years_and_the_region_are_found_in_each_excerpt(extracted):
    for report in _key():
        result = extracted[report["file"]]
        assert (result.actual_year, result.target_year) == (report["actual_year"], report["target_year"]), report["file"]
        assert result.region and result.region_name, report["file"]
        assert {r["year"] for r in result.records} <= {result.actual_year, result.target_year}, report["file"]


def test_recall_and_precision_on_blind_excerpts(measured):
    accuracy.check_floors(measured, MIN_RECALL, MIN_PRECISION)

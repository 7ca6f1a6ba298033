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

import re
import tomllib
from pathlib import Path

import pytest
import test_corpus_accuracy as accuracy

from csplan.extract import extract
from csplan.locate import bundled_store
from csplan.store import load

BLIND = Path(__file__).with_name("fixtures") / "blind"
KEY = BLIND / "key.toml"

MIN_RECALL = 1.0  # 281 of 281 required facts
MIN_PRECISION = 1.0  # 290 of 290 emitted facts


def _key() -> list[dict]:
    with open(KEY, "rb") as f:
        return tomllib.load(f)["report"]


def _read(report: dict):
    text = (BLIND / report["file"]).read_text(encoding="utf-8")
    return extract(text, load(bundled_store(), cache=False))


def score(report: dict, result) -> tuple[list[dict], list[dict], list[dict]]:
    """(required facts missed, emitted facts that are wrong, emitted facts that are right)."""
    years = {"actual": report["actual_year"], "target": report["target_year"]}
    emitted = [f for r in result.records for f in accuracy._facts(r)]
    missed = [w for w in report["facts"] if not w.get("optional")
              and not any(accuracy._matches(f, w, years) for f in emitted)]
    wrong = [f for f in emitted if not any(accuracy._matches(f, w, years) for w in report["facts"])]
    right = [f for f in emitted if f not in wrong]
    return missed, wrong, right


@pytest.fixture(scope="module")
def extracted() -> dict[str, object]:
    return {report["file"]: _read(report) for report in _key()}


@pytest.fixture(scope="module")
def measured(extracted):
    required = missed = emitted = wrong = 0
    detail = {}
    for report in _key():
        m, w, r = score(report, extracted[report["file"]])
        n = sum(not f.get("optional") for f in report["facts"])
        required += n
        missed += len(m)
        emitted += len(w) + len(r)
        wrong += len(w)
        detail[report["file"]] = (m, w)
        print(f"{report['file']}: recall {n - len(m)}/{n}, precision {len(r)}/{len(w) + len(r)}")
    recall = 1 - missed / required
    precision = 1 - wrong / emitted if emitted else 1.0
    print(f"blind excerpts: {len(detail)} texts, {required} key facts: recall {recall:.1%} "
          f"({required - missed}/{required}), precision {precision:.1%} ({emitted - wrong}/{emitted})")
    return recall, precision, detail


def test_the_key_names_each_excerpt_once_and_no_corpus_report():
    reports = _key()
    files = [r["file"] for r in reports]
    assert len(reports) == 12 and len(set(files)) == 12
    assert set(files) == {p.name for p in BLIND.glob("*.txt")}
    keyed = {r["region"] for r in accuracy._key()}
    assert not {r["region"] for r in reports} & keyed


def test_the_key_has_well_formed_facts():
    for report in _key():
        assert report["target_year"] == report["actual_year"] + 1, report["file"]
        assert report["region"], report["file"]
        for f in report["facts"]:
            assert f["kind"] in ("actual", "target") and f["metric"] in ("value", "growth", "task"), f
            assert ("ind" in f) != ("name" in f), f
            assert f["quote"], f
            if f["metric"] == "value":
                assert {"value", "unit", "q"} <= set(f), f
            if f["metric"] == "growth":
                assert {"growth", "q"} <= set(f), f


def test_each_quote_of_the_key_is_in_its_excerpt():
    for report in _key():
        text = re.sub(r"\s", "", (BLIND / report["file"]).read_text(encoding="utf-8"))
        for f in report["facts"]:
            for part in f["quote"].split("…"):
                assert re.sub(r"\s", "", part) in text, (report["file"], part)


def test_the_years_and_the_region_are_found_in_each_excerpt(extracted):
    for report in _key():
        result = extracted[report["file"]]
        assert (result.actual_year, result.target_year) == (report["actual_year"], report["target_year"]), report["file"]
        assert result.region and result.region_name, report["file"]
        assert {r["year"] for r in result.records} <= {result.actual_year, result.target_year}, report["file"]


def test_recall_on_blind_excerpts(measured):
    recall, _, detail = measured
    missed = {k: m for k, (m, _) in detail.items() if m}
    assert recall >= MIN_RECALL, missed


def test_precision_on_blind_excerpts(measured):
    _, precision, detail = measured
    wrong = {k: w for k, (_, w) in detail.items() if w}
    assert precision >= MIN_PRECISION, wrong

"""How well `extract` generalises: recall and precision on five real reports nobody keyed or tuned
on before (tests/corpus_key_heldout.toml, over texts in ../shared/corpus), scored by the rules of
test_corpus_accuracy.

The floors are what the extractor achieves today, rounded down to the percent: they record the
figures and fail on a change that lowers them. They are not a goal.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import test_corpus_accuracy as accuracy
from conftest import unavailable

KEY = Path(__file__).with_name("corpus_key_heldout.toml")

MIN_RECALL = 1.00  # 95 of 95 required facts
MIN_PRECISION = 1.00  # 99 of 99 emitted facts


def _key() -> list[dict]:
    with open(KEY, "rb") as f:
        return tomllib.load(f)["report"]


def _require_corpus():
    if not accuracy.CORPUS.is_dir():
        unavailable("needs ../shared/corpus")


@pytest.fixture(scope="module")
def measured():
    _require_corpus()
    required = missed = emitted = wrong = 0
    detail = {}
    for report in _key():
        m, w, r = accuracy.score(report)
        n = sum(not f.get("optional") for f in report["facts"])
        required += n
        missed += len(m)
        emitted += len(w) + len(r)
        wrong += len(w)
        detail[report["file"]] = (m, w)
        print(f"{report['file']}: recall {n - len(m)}/{n}, precision {len(r)}/{len(w) + len(r)}")
    recall = 1 - missed / required
    precision = 1 - wrong / emitted if emitted else 1.0
    print(f"held-out corpus: {len(detail)} reports, {required} key facts: recall {recall:.1%} "
          f"({required - missed}/{required}), precision {precision:.1%} ({emitted - wrong}/{emitted})")
    return recall, precision, detail


def test_the_key_names_other_reports_than_the_developer_key():
    reports = _key()
    assert len(reports) == 5
    assert not {r["file"] for r in reports} & {r["file"] for r in accuracy._key()}


def test_the_key_has_well_formed_facts():
    for report in _key():
        assert report["target_year"] == report["actual_year"] + 1, report["file"]
        for f in report["facts"]:
            assert f["kind"] in ("actual", "target") and f["metric"] in ("value", "growth", "task"), f
            assert ("ind" in f) != ("name" in f), f
            assert f["quote"], f
            if f["metric"] == "value":
                assert {"value", "unit", "q"} <= set(f), f
            if f["metric"] == "growth":
                assert {"growth", "q"} <= set(f), f


def test_each_quote_of_the_key_is_in_its_report():
    _require_corpus()
    for report in _key():
        text = re.sub(r"\s", "", (accuracy.CORPUS / report["file"]).read_text(encoding="utf-8"))
        for f in report["facts"]:
            for part in f["quote"].split("…"):
                assert re.sub(r"\s", "", part) in text, (report["file"], part)


def test_recall_on_held_out_reports(measured):
    recall, _, detail = measured
    missed = {k: m for k, (m, _) in detail.items() if m}
    assert recall >= MIN_RECALL, missed


def test_precision_on_held_out_reports(measured):
    _, precision, detail = measured
    wrong = {k: w for k, (_, w) in detail.items() if w}
    assert precision >= MIN_PRECISION, wrong

"""How much of a real report `extract` gets right: recall and precision of the headline figures and
main targets, against an answer key read by hand from real government work reports
(tests/corpus_key.toml, over the texts in ../shared/corpus).

Each record is split into facts: its level (value, unit, qualifier), its growth (growth, qualifier)
or its task. A key fact is recovered when a record states it for the same indicator, kind and
year; an emitted fact is right when it matches a key fact (required or optional).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, unavailable

from csplan.extract import extract
from csplan.model import Store

CORPUS = ROOT.parent / "shared" / "corpus"
KEY = Path(__file__).with_name("corpus_key.toml")

# What the extractor achieves on the keyed reports; a change that lowers either fails here.
MIN_RECALL = 0.98
MIN_PRECISION = 0.99


def _key() -> list[dict]:
    with open(KEY, "rb") as f:
        return tomllib.load(f)["report"]


def _norm(name: str) -> str:
    s = re.sub(r"[(（][^()（）]*[)）]|[\s“”\"'‘’]", "", name)
    return s.replace("规模以上", "规上").replace("限额以上", "限上")


def _facts(record: dict) -> list[dict]:
    """A record as facts: its level and its growth apart, or its task."""
    base = {"kind": record["kind"], "year": record["year"], "ind": record["indicator"], "name": _norm(record["name"])}
    if record["metric"] == "task":
        return [{**base, "metric": "task"}]
    out = []
    if record["metric"] == "value":
        out.append({**base, "metric": "value", "value": record["value"], "unit": record["unit"],
                    "q": record["qualifier"]})
    if record["growth"] is not None:
        out.append({**base, "metric": "growth", "growth": record["growth"], "q": record["qualifier"]})
    return out


def _same_indicator(fact: dict, want: dict) -> bool:
    if "ind" in want:
        return fact["ind"] == want["ind"]
    return fact["name"] == _norm(want["name"])


def _matches(fact: dict, want: dict, years: dict[str, int]) -> bool:
    if fact["kind"] != want["kind"] or fact["year"] != years[want["kind"]] or fact["metric"] != want["metric"]:
        return False
    if not _same_indicator(fact, want):
        return False
    if want["metric"] == "task":
        return True
    if fact["q"] != want["q"]:
        return False
    if want["metric"] == "value":
        return fact["unit"] == want["unit"] and float(fact["value"]) == float(want["value"])
    return float(fact["growth"]) == float(want["growth"])


def score(report: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """(required facts missed, emitted facts that are wrong, emitted facts that are right)."""
    text = (CORPUS / report["file"]).read_text(encoding="utf-8").split("\n", 1)[1]  # line 1 is its source
    result = extract(text, Store(), region=report["region"], actual_year=report["actual_year"],
                     target_year=report["target_year"])
    years = {"actual": report["actual_year"], "target": report["target_year"]}
    emitted = [f for r in result.records for f in _facts(r)]
    missed = [w for w in report["facts"] if not w.get("optional")
              and not any(_matches(f, w, years) for f in emitted)]
    wrong = [f for f in emitted if not any(_matches(f, w, years) for w in report["facts"])]
    right = [f for f in emitted if f not in wrong]
    return missed, wrong, right


def measure() -> tuple[float, float, dict]:
    required = missed = emitted = wrong = 0
    detail = {}
    for report in _key():
        m, w, r = score(report)
        required += sum(not f.get("optional") for f in report["facts"])
        missed += len(m)
        emitted += len(w) + len(r)
        wrong += len(w)
        detail[report["file"]] = (m, w)
    recall = 1 - missed / required
    precision = 1 - wrong / emitted if emitted else 1.0
    print(f"corpus: {len(detail)} reports, {required} key facts: recall {recall:.1%} "
          f"({required - missed}/{required}), precision {precision:.1%} ({emitted - wrong}/{emitted})")
    return recall, precision, detail


@pytest.fixture(scope="module")
def measured():
    if not CORPUS.is_dir():
        unavailable("needs ../shared/corpus")
    return measure()


def test_the_key_names_real_files_and_well_formed_facts():
    reports = _key()
    assert len(reports) >= 12
    for report in reports:
        for f in report["facts"]:
            assert f["kind"] in ("actual", "target") and f["metric"] in ("value", "growth", "task"), f
            assert ("ind" in f) != ("name" in f), f
            assert f["quote"], f
            if f["metric"] == "value":
                assert {"value", "unit", "q"} <= set(f), f
            if f["metric"] == "growth":
                assert {"growth", "q"} <= set(f), f


def test_each_quote_of_the_key_is_in_its_report():
    if not CORPUS.is_dir():
        unavailable("needs ../shared/corpus")
    for report in _key():
        text = re.sub(r"\s", "", (CORPUS / report["file"]).read_text(encoding="utf-8"))
        for f in report["facts"]:
            for part in f["quote"].split("…"):
                assert re.sub(r"\s", "", part) in text, (report["file"], part)


def test_recall_of_headline_figures_and_main_targets(measured):
    recall, _, detail = measured
    missed = {k: m for k, (m, _) in detail.items() if m}
    assert recall >= MIN_RECALL, missed


def test_precision_of_what_is_emitted(measured):
    _, precision, detail = measured
    wrong = {k: w for k, (_, w) in detail.items() if w}
    assert precision >= MIN_PRECISION, wrong

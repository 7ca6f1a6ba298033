"""The extractor's kept patterns (csplan.extract.compiled) are guarded: on this Python they are
really built from the kept code, each equal to what re.compile makes (so a Python whose engine
changes fails here, not quietly elsewhere); a second run compiles none of them again; a kept file
that was tampered with is ignored; and the records are the same with the speed-up off."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from csplan.extract import compiled

FIXTURE = Path(__file__).parent / "fixtures" / "city-2025-government-work-report.txt"

# In a fresh process: extract the fixture, then say what the process compiled and what was kept.
PROBE = """
import json, sys
from csplan.extract import compiled, extract
records = extract(open(sys.argv[1], encoding="utf-8").read()).records
print(json.dumps({"records": records, "kept": len(compiled._kept or {})}))
"""
IMPORT_ONLY = """
import json
from csplan.extract import compiled
print(json.dumps({"kept": len(compiled._kept or {})}))
"""


def run(code: str, cache: Path, *args: str, **env: str) -> dict:
    e = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_NO_SPEEDUP", "CSPLAN_NO_CACHE")}
    e.update({"CSPLAN_CACHE_DIR": str(cache), **env})
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=e, check=True)
    return json.loads(out.stdout)


def kept_files(cache: Path) -> list[Path]:
    return [p for p in cache.glob("*.cache")] if cache.is_dir() else []


@pytest.fixture
def speedup_on(monkeypatch):
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    if not compiled.enabled():
        pytest.skip(f"kept patterns are for CPython 3.11+, not {sys.implementation.name} {sys.version.split()[0]}")


def test_every_kept_pattern_is_what_re_compile_makes(speedup_on, tmp_path):
    run(PROBE, tmp_path, str(FIXTURE))
    from csplan.cache import read_kept

    os.environ["CSPLAN_CACHE_DIR"] = str(tmp_path)
    try:
        table = read_kept(compiled._NAME, compiled._key())
    finally:
        del os.environ["CSPLAN_CACHE_DIR"]
    assert isinstance(table, dict) and len(table) > 100, "the extractor's patterns were not kept"
    import _sre

    for (pattern, flags), parts in table.items():
        built = _sre.compile(pattern, *parts)  # the engine's constructor, as re._compiler calls it
        assert built == re.compile(pattern, flags), f"kept code differs from re.compile for {pattern!r}"
        assert built.groupindex == re.compile(pattern, flags).groupindex


def test_a_second_run_compiles_none_of_them_again(speedup_on, tmp_path):
    """Kept at the end of the first import; the second finds every one kept, so writes nothing."""
    first = run(IMPORT_ONLY, tmp_path)
    assert first["kept"] > 100
    (kept,) = kept_files(tmp_path)
    before = (kept.read_bytes(), kept.stat().st_mtime_ns)
    assert run(IMPORT_ONLY, tmp_path) == first
    assert (kept.read_bytes(), kept.stat().st_mtime_ns) == before


def test_records_are_the_same_with_the_speed_up_off(speedup_on, tmp_path):
    on = run(PROBE, tmp_path / "on", str(FIXTURE))
    again = run(PROBE, tmp_path / "on", str(FIXTURE))  # built from the kept code
    off = run(PROBE, tmp_path / "off", str(FIXTURE), CSPLAN_NO_SPEEDUP="1")
    assert again["kept"] > 100 and off["kept"] == 0
    assert on["records"] == again["records"] == off["records"]
    assert any(r["indicator"] == "gdp" for r in on["records"])
    assert kept_files(tmp_path / "on") and not kept_files(tmp_path / "off")


def test_a_tampered_kept_file_is_ignored(speedup_on, tmp_path):
    base = run(PROBE, tmp_path, str(FIXTURE))
    (kept,) = [p for p in kept_files(tmp_path) if p.stat().st_size > 10_000]
    data = bytearray(kept.read_bytes())
    data[-5] ^= 0xFF
    kept.write_bytes(bytes(data))
    assert run(IMPORT_ONLY, tmp_path)["kept"] > 100  # compiled anew, and kept anew at the import's end
    assert run(PROBE, tmp_path, str(FIXTURE))["records"] == base["records"]
    assert kept.read_bytes() != bytes(data)


def test_no_cache_keeps_nothing(speedup_on, tmp_path):
    out = run(PROBE, tmp_path, str(FIXTURE), CSPLAN_NO_CACHE="1")
    assert out["records"] and not kept_files(tmp_path)


def test_patterns_no_run_uses_go_once_too_many_are_kept(speedup_on, tmp_path):
    """Each change of a pattern's text adds an entry; past compiled._MOST, only those a run used stay."""
    from csplan import cache

    run(IMPORT_ONLY, tmp_path)
    os.environ["CSPLAN_CACHE_DIR"] = str(tmp_path)
    try:
        table = cache.read_kept(compiled._NAME, compiled._key())
        some = next(iter(table.values()))
        stale = {(f"stale{n}", 0): some for n in range(compiled._MOST)}
        cache.keep(compiled._NAME, compiled._key(), {**table, **stale})
        run(PROBE, tmp_path, str(FIXTURE))  # compiles no pattern at import, one or more while reading
        kept = cache.read_kept(compiled._NAME, compiled._key())
    finally:
        del os.environ["CSPLAN_CACHE_DIR"]
    assert kept is not None and not any(k[0].startswith("stale") for k in kept)
    assert len(kept) >= len(table) > 100

"""Regions with a place in the country: level and parent in the store, `region add`, and the
gazetteer that `extract --apply` places a new region with."""

from __future__ import annotations

import pytest

import tomllib

from csplan.gazetteer import find, places
from csplan.store import dumps, parse

HEAD = 'schema = 1\n'


def region(rid: str, name: str, level: str | None = None, parent: str | None = None) -> str:
    extra = (f'level = "{level}"\n' if level else "") + (f'parent = "{parent}"\n' if parent else "")
    return f'\n[[regions]]\nid = "{rid}"\nname = "{name}"\n{extra}'


def loads(text: str):
    store, found = parse(tomllib.loads(text))
    assert not found, found
    return store


def problems(text: str) -> list[str]:
    return [p.message for p in parse(tomllib.loads(text))[1]]


def test_level_and_parent_are_kept_in_canonical_order():
    text = HEAD + region("fujian", "福建省", "province") + region("fuzhou", "福州市", "city", "fujian")
    store = loads(text)
    assert (store.regions["fuzhou"].level, store.regions["fuzhou"].parent) == ("city", "fujian")
    assert dumps(store) == text


def test_an_old_region_without_level_or_parent_stays_valid():
    text = HEAD + region("cangshan", "福州市仓山区")
    assert problems(text) == []


@pytest.mark.parametrize("text, words", [
    (HEAD + region("x", "X", "town"), "unknown level 'town'"),
    (HEAD + region("x", "X", "city", "nowhere"), "unknown parent 'nowhere'"),
    (HEAD + region("a", "A", "city", "b") + region("b", "B", "city", "a"), "go round in a circle"),
    (HEAD + region("a", "A", None, "a"), "go round in a circle"),
    (HEAD + region("p", "P", "province", "c") + region("c", "C", "city"), "cannot belong to 'c' (city)"),
])
def test_bad_levels_and_parents_are_named(text, words):
    found = problems(text)
    assert any(words in p for p in found), found


def test_region_add_with_level_and_parent(cli, tmp_path):
    s = tmp_path / "s.toml"
    assert cli("--store", s, "init").exit_code == 0
    assert cli("--store", s, "region", "add", "fujian", "--name", "福建省", "--level", "province").exit_code == 0
    r = cli("--store", s, "region", "add", "fuzhou", "--name", "福州市", "--level", "city", "--parent", "福建省")
    assert r.exit_code == 0, r.stderr
    assert 'id = "fuzhou"\nname = "福州市"\nlevel = "city"\nparent = "fujian"\n' in s.read_text(encoding="utf-8")
    before = s.read_bytes()
    bad = cli("--store", s, "region", "add", "x", "--name", "X", "--level", "town")
    assert bad.exit_code == 2 and "town" in bad.stderr and "Traceback" not in bad.output
    orphan = cli("--store", s, "region", "add", "y", "--name", "Y", "--parent", "nowhere")
    assert orphan.exit_code != 0 and "nowhere" in orphan.stderr
    upside = cli("--store", s, "region", "add", "z", "--name", "Z", "--level", "province", "--parent", "fuzhou")
    assert upside.exit_code == 3 and "cannot belong" in upside.stderr
    assert s.read_bytes() == before


@pytest.mark.parametrize("name, chain", [
    ("长沙市", [("湖南省", "province", "hunan"), ("长沙市", "city", "changsha")]),
    ("福州市仓山区", [("福建省", "province", "fujian"), ("福州市", "city", "fuzhou_fujian"),
                    ("仓山区", "district", "cangshan")]),
    ("内蒙古呼伦贝尔市海拉尔区", [("内蒙古自治区", "province", "inner_mongolia"),
                             ("呼伦贝尔市", "city", "hulunbeier"), ("海拉尔区", "district", "hailaer")]),
    ("安徽省黄山市黄山区", [("安徽省", "province", "anhui"), ("黄山市", "city", "huangshan"),
                        ("黄山区", "district", "huangshanqu")]),
    ("南京市鼓楼区", [("江苏省", "province", "jiangsu"), ("南京市", "city", "nanjing"), ("鼓楼区", "district", "gulou")]),
    ("重庆市", [("重庆市", "province", "chongqing")]),
    ("北京市朝阳区", [("北京市", "province", "beijing"), ("朝阳区", "district", "chaoyangqu")]),
    ("朝阳市", [("辽宁省", "province", "liaoning"), ("朝阳市", "city", "chaoyang")]),
    ("定安县", [("海南省", "province", "hainan"), ("定安县", "county", "dingan")]),
])
def test_the_gazetteer_places_a_name(name, chain):
    place = find(name)
    assert place is not None
    assert [(p.name, p.level, p.id) for p in place.chain()] == chain


@pytest.mark.parametrize("name", ["鼓楼区", "朝阳区", "某某区"])
def test_a_name_that_fits_several_places_or_none_is_not_placed(name):
    assert find(name) is None


def test_every_province_has_its_places():
    provinces = [p for ps in places().values() for p in ps if p.level == "province"]
    assert len(provinces) == 31
    # a province's prefecture-level places: 安徽 16 cities; 海南 4 cities and the 15 county-level places it
    # governs itself (5 cities, 4 counties, 6 autonomous counties)
    for province, count in (("安徽省", 16), ("湖南省", 14), ("海南省", 19), ("江苏省", 13)):
        under = {p.name for ps in places().values() for p in ps if p.parent and p.parent.name == province
                 and p.level in ("city", "county")}
        assert len(under) == count, (province, sorted(under))


def test_two_districts_of_one_name_get_two_ids():
    """The store's gulou is 福州市鼓楼区; a report of 南京市鼓楼区 is another region, not a stand-in."""
    from csplan.extract.records import _region_id

    store = loads(HEAD + region("gulou", "福州市鼓楼区", "district"))
    assert _region_id(store, "南京市鼓楼区", from_title=True) == ("gulou_nanjing", "南京市鼓楼区", False)
    assert _region_id(store, "福州市鼓楼区", from_title=True) == ("gulou", "福州市鼓楼区", False)

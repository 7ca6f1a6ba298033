"""China's administrative divisions: where a region named in a report sits in the country.

The data is `gazetteer.toml` (the province-level divisions) over `extract/lexicon.toml`'s
[regions] (every prefecture-level place in the national order, with its districts and counties):
see gazetteer.toml. A place's id is the one `extract` gives its name (header.region_id).
This module never imports Typer or Rich.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .model import Region, Store

NATION = ("全国", "中国", "中华人民共和国")
# Level words of a province's or a city's name, longest first: what its short name leaves out.
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "地区", "盟")


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the full name (福州市, 仓山区)
    level: str
    parent: Place | None = None

    @property
    def short(self) -> str:
        """The name without its level word (福州, 内蒙古), as reports put it before a smaller place."""
        for s in _SUFFIXES:
            if self.name.endswith(s) and len(self.name) - len(s) >= 2:
                return self.name[: -len(s)]
        return self.name

    @property
    def id(self) -> str:
        from .extract.header import region_id
        from .extract.names import PROVINCES

        if self.level in ("nation", "province"):
            return PROVINCES.get(self.short, PROVINCES.get(self.name, self.name))
        return region_id(self.name) or self.name

    def chain(self) -> list[Place]:
        """The place and the places it belongs to, the largest first."""
        return (self.parent.chain() if self.parent else []) + [self]


@cache
def places() -> dict[str, list[Place]]:
    """Every place by its full name: two 鼓楼区 are two places."""
    import tomllib
    from pathlib import Path

    from .extract.names import _LEXICON_DATA

    with open(Path(__file__).with_name("gazetteer.toml"), "rb") as f:
        firsts = {v["first"]: name for name, v in tomllib.load(f)["provinces"].items()}
    out: dict[str, list[Place]] = {}
    province: Place | None = None
    for name, entry in _LEXICON_DATA.get("regions", {}).items():
        if name in firsts:
            province = Place(firsts[name], "province")
            out.setdefault(province.name, []).append(province)
        if province is None:
            raise ValueError(f"gazetteer.toml names no province for the first places of [regions] ({name})")
        place = province if name == province.name else Place(name, "county" if name.endswith("县") else "city",
                                                             province)
        if place is not province:
            out.setdefault(name, []).append(place)
        for part in entry.get("parts", "").split():
            out.setdefault(part, []).append(Place(part, "district" if part.endswith("区") else "county", place))
    return out


def find(name: str) -> Place | None:
    """The place a report's name for its region means (长沙市, 福州市仓山区, 内蒙古呼伦贝尔市海拉尔区,
    安徽省黄山市黄山区), or None when the gazetteer has no such place or several fit (鼓楼区 alone)."""
    name = re.sub(r"\s", "", name)
    if name in NATION:
        return Place("中国", "nation")
    fits = []
    for end in range(len(name)):
        for place in places().get(name[end:], ()):
            if _named_by(name[:end], place.chain()[:-1]):
                fits.append(place)
        if fits:
            break
    return fits[0] if len(fits) == 1 else None


def _named_by(prefix: str, above: list[Place]) -> bool:
    """Whether `prefix` is made only of the names (full or short) of the places `above`, in order."""
    for p in above:
        for n in (p.name, p.short):
            if prefix.startswith(n):
                prefix = prefix[len(n):]
                break
    return prefix == ""


def distinct_id(name: str, readable: str) -> str | None:
    """An id for a place whose readable id another place of the store has (南京市鼓楼区 where
    the store's gulou is 福州市鼓楼区): the readable id and its parent's (gulou_nanjing)."""
    place = find(name)
    return f"{readable}_{place.parent.id}" if place is not None and place.parent is not None else None


def regions_for(store: Store, rid: str, name: str) -> list[Region]:
    """The regions to add for a new region `rid` named `name`: the places above it the store lacks
    (the largest first, each under the one before), then the region itself, each with its level and
    parent; the region alone, without them, when the gazetteer does not know the name. A
    province's parent is the nation when the store has a nation region."""
    place = find(name)
    if place is None:
        return [Region(rid, name)]
    out: list[Region] = []
    parent = next((r.id for r in store.regions.values() if r.level == "nation"), None)
    for p in place.chain():
        pid = rid if p is place else p.id
        if pid not in store.regions:
            out.append(Region(pid, name if p is place else p.name, None, p.level, parent))
        parent = pid
    return out

"""The report's header: its title, the date and meeting it was delivered to, who wrote it, its
region and the years it reports on and plans for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import half_width
from .measures import CN_DIGITS


_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}")
YEAR = re.compile(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年")


def year_of(text: str) -> int:
    if _CN_YEAR.fullmatch(text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    return int(text)


def _cn_small(text: str) -> int | None:
    """一 … 三十一 (months and days written in Chinese)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS[text]


@dataclass
class Header:
    title: str | None = None
    date: str | None = None
    meeting: str | None = None
    issuer: str | None = None
    region_name: str | None = None
    actual_year: int | None = None
    target_year: int | None = None


def read_header(original: str) -> Header:
    """What the first lines of a report say: its title, the date and meeting it was delivered
    to, who wrote it, the region, and the years it reports on and plans for."""
    h = Header()
    lines = [ln.strip().lstrip("#").strip() for ln in original.splitlines() if ln.strip()][:12]
    lines = ["".join(half_width(c) for c in ln) for ln in lines]
    for i, ln in enumerate(lines):
        if ln.startswith("关于") or ("报告" in ln and not ln.startswith("(")):
            parts = [ln]
            for more in lines[i + 1:i + 3]:
                if "报告" in parts[-1] or more.startswith(("(", "—")):
                    break
                parts.append(more)
            if "报告" in parts[-1] and len("".join(parts)) <= 160:
                h.title = "".join(parts)
                break
    if h.title is None and lines:
        h.title = lines[0] if len(lines[0]) <= 120 else None
    for ln in lines:
        m = re.search(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*"
                      r"([\d一二三四五六七八九十]{1,3})\s*日\s*(?:在(.+?)上)?", ln)
        if m and (ln.startswith(("(", "—", "-")) or m.group(4)) and h.date is None:
            month, day = _cn_small(m.group(2).strip()), _cn_small(m.group(3).strip())
            if month and day and 1 <= month <= 12 and 1 <= day <= 31:
                h.date = f"{year_of(m.group(1)):04d}-{month:02d}-{day:02d}"
            if m.group(4):
                h.meeting = m.group(4).strip()
    for ln in lines:
        if ln != h.title and len(ln) <= 30 and re.search(r"(?:局|委员会|委|政府|办公室|厅)$", ln):
            h.issuer = ln
            break
    if h.title:
        title = h.title
        m = re.search(r"关于(.*?)\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年", title)
        if m and m.group(1).strip():
            h.region_name = m.group(1).strip()
        years = [year_of(y) for y in YEAR.findall(title)]
        if len(years) >= 2 and years[-1] == years[0] + 1:
            h.actual_year, h.target_year = years[0], years[-1]
        elif len(years) == 1:
            if "执行" in title:
                h.actual_year, h.target_year = years[0], years[0] + 1
            elif "计划" in title or "草案" in title or "规划" in title:
                h.actual_year, h.target_year = years[0] - 1, years[0]
    if h.region_name is None:
        head = "".join(lines)
        m = re.search(r"受(.{2,20}?)人民政府委托", head)
        meeting = re.match(r"(.{2,20}?)第[一二三四五六七八九十]+届人民代表大会", h.meeting or "")
        if m:
            h.region_name = m.group(1)
        elif meeting:
            h.region_name = meeting.group(1)
        elif re.search(r"全国人民代表大会|国家发展和改革委员会|国务院", head):
            h.region_name = "全国"
    return h

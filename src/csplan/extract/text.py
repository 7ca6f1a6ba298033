"""Read and normalise a report's text: half-width characters, paragraphs joined across page breaks,
and a map from what the parser reads back to the characters of the input (for quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass


TERMINAL = "。！？!?"
_CLOSERS = "”’」』)）\"' \t"
_PAGE_FURNITURE = re.compile(r"[\s\-—–－―_]*(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,3})[\s\-—–－―_]*\Z")
HEADING = re.compile(
    r"(?:第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[（(]\s*[一二三四五六七八九十]+\s*[)）])"
)
LIST_START = re.compile(r"(?:#|[-*•·]\s|[◆◇●○■□▲△★☆▶►]|——|\d{1,2}\s*[、.．)）](?!\d)(?=\s*\S)|[（(]\s*\d{1,2}\s*[)）]"
                         r"|[一二三四五六七八九十]+是)")


def half_width(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch in "\u3000\xa0":
        return " "
    if ch == "﹪":
        return "%"
    return ch


@dataclass
class Text:
    """The report: `joined` is what the parser reads (half-width, page breaks removed, one
    paragraph a line); `pos[i]` is the index in `original` of joined[i] (-1 for a paragraph end)."""

    original: str
    joined: str
    pos: list[int]

    def quote(self, start: int, end: int) -> str:
        """The input behind joined[start:end]: its own characters, page breaks left out."""
        return "".join(self.original[self.pos[k]] for k in range(start, end) if self.pos[k] >= 0).strip()

    def paragraphs(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in re.finditer("\n", self.joined):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.joined)))
        return [(a, b) for a, b in spans if self.joined[a:b].strip()]


def is_heading(line: str) -> bool:
    s = line.strip().strip("*").strip()
    if line.lstrip().startswith("#") or (s.startswith("关于") and s.endswith("报告")):
        return True
    if re.fullmatch(r"[(（].*[)）]", s) and not re.search("[。；;]", s):
        return True
    return bool(HEADING.match(s)) and len(s) <= 40 and not re.search("[。；;]", s)


def _ends_sentence(line: str) -> bool:
    s = line.rstrip(_CLOSERS)
    return not s or s[-1] in TERMINAL


def prepare(original: str) -> Text:
    """Join the lines of a paragraph that a page break (blank lines, a form feed, a page number)
    cut in the middle of a sentence; map full-width digits and punctuation to half-width."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in re.split(r"(\r\n|\r|\n|\f)", original):
        if raw in ("\r\n", "\r", "\n", "\f"):
            offset += len(raw)
            continue
        lines.append((offset, raw))
        offset += len(raw)
    chars: list[str] = []
    pos: list[int] = []
    prev: str | None = None
    for start, line in lines:
        if not line.strip() or _PAGE_FURNITURE.match(line):
            continue
        if prev is not None:
            opens = (_ends_sentence(prev) or is_heading(prev) or is_heading(line)
                     or bool(LIST_START.match(line.lstrip())) or "|" in (prev.strip()[:1], line.strip()[:1]))
            if opens:
                chars.append("\n")
                pos.append(-1)
        for i, ch in enumerate(line):
            chars.append(half_width(ch))
            pos.append(start + i)
        prev = line
    return Text(original, "".join(chars), pos)

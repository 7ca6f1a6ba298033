"""Reading a report file into its text: plain text or Markdown in the encodings reports come in,
a saved web page, a PDF's text layer, a Word (.docx) file.

    read_document("report.pdf") -> str
    read_document(None, data=sys.stdin.buffer.read(), name="stdin") -> str

The kind comes from the file name's suffix; without a known suffix (stdin, `report.dat`) from the
bytes themselves (%PDF, a zip holding word/document.xml, <html). The text is what `extract`
reads: one paragraph a line, as a person would copy it from the page; everything else (page
numbers, running heads, a site's menus) is left out. Only PDF needs a library (pypdf, the `pdf`
extra); the rest uses the standard library.

Text encodings, in this order (the first that fits wins):

1. a byte-order mark: UTF-8, UTF-32 or UTF-16 (LE/BE);
2. UTF-8, strictly (any other encoding of Chinese text is almost never valid UTF-8);
3. UTF-16 without a mark, when one byte order gives text that reads as Chinese or ASCII
   (≥ PLAUSIBLE_SHARE of its characters; GBK bytes read as UTF-16 give Hangul, private-use
   characters or broken surrogates instead);
4. GB18030, strictly: a superset of GBK and GB2312, what Chinese Windows saves as "ANSI".

A guess (3 or 4) needs at least MIN_GUESS_CHARS non-ASCII characters: a few bytes fit any
encoding. Text holding NUL or other control characters is not text.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..model import CsplanError
from .measures import lazy

#: suffix → kind of document
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
            ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
            ".pdf": "pdf", ".docx": "docx"}
FORMATS = "text, Markdown, HTML, PDF or Word (.docx)"
PDF_EXTRA_HINT = "reading PDF needs the pdf extra: pip install 'csplan[pdf]'"

# --- tuning numbers ---------------------------------------------------------------------------
SNIFF_BYTES = 1024  # how far into the bytes a PDF header or an <html> tag is looked for
SAMPLE_CHARS = 4096  # how much decoded text is judged for plausibility
PLAUSIBLE_SHARE = 0.95  # share of characters that must read as Chinese or ASCII text
MIN_GUESS_CHARS = 8  # non-ASCII characters needed before an encoding is guessed
MAX_CONTROL_SHARE = 0.01  # control characters (other than tab, newlines, form feed) a text may hold
MAX_PART_BYTES = 256 * 1024 * 1024  # a Word file's document part, unpacked


class DocumentError(CsplanError):
    """A report file that cannot be read as text (its kind, encoding or damage); exit code 3."""


def read_document(path: str | Path | None, data: bytes | None = None, name: str | None = None) -> str:
    """The text of the report at `path`, or in `data` (stdin's bytes, say) named `name` in errors."""
    label = name or (str(path) if path is not None else "stdin")
    if data is None:
        if path is None:
            raise ValueError("read_document needs a path or data")
        from ..store import read_bytes

        data = read_bytes(Path(path), "no such file",
                          f"is a directory; give the report's file ({FORMATS})")
    kind = document_kind(data, str(path) if path is not None else name)
    if kind == "pdf":
        return _pdf_text(data, label)
    if kind == "docx":
        return _docx_text(data, label)
    if kind == "html":
        return html_text(_decode_html(data, label))
    text = decode_text(data, label)
    if kind is None and _looks_like_html(text) or _is_markup(text):
        return html_text(text)
    return text


def document_kind(data: bytes, name: str | None = None) -> str | None:
    """text, html, pdf or docx from the name's suffix, else pdf or docx from the bytes; None when
    the bytes alone must tell (text, or a web page without its .html). An old binary Office file
    (.doc, .wps) is refused here."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        what = name or "stdin"
        raise DocumentError(f"{what}: a Word 97-2003 (.doc) or other old Office file, or an encrypted one; "
                            f"save it as .docx, PDF or text")
    suffix = Path(name).suffix.lower() if name and name != "-" else ""
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    return None


# --- plain text -------------------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# What Chinese report text is made of: ASCII, Latin-1 signs (·×°), general punctuation (“”—…‰),
# letterlike signs, number forms and enclosed numbers (℃ Ⅰ ①), shapes (●□), CJK radicals,
# punctuation and ideographs, full-width forms.
_TEXT_RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x24FF), (0x2500, 0x27BF),
                (0x2E80, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE6F),
                (0xFF00, 0xFFEF))
_TEXT_CONTROLS = "\t\n\r\f\v"
_OTHER_CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in _TEXT_CONTROLS]


def decode_text(data: bytes, name: str = "stdin") -> str:
    """The text in `data`, by the rule in this module's docstring; one-line errors naming `name`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError as e:
                raise DocumentError(f"{name}: not {codec.upper()} text as its byte-order mark says "
                                    f"({e.reason} at byte {e.start + len(bom)})") from None
    bad: UnicodeDecodeError | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e
    else:
        if "\x00" not in text:
            return _checked(text, name)
    guess = _utf16(data) or _gb18030(data)
    if guess is not None:
        return _checked(guess, name)
    if bad is None or b"\x00" in data:
        raise DocumentError(f"{name}: not a {FORMATS} file (it holds binary data)")
    line = data[: bad.start].count(b"\n") + 1
    raise DocumentError(f"{name}:{line}: not UTF-8 text (byte 0x{data[bad.start]:02x}), and too little or too odd "
                        f"to tell its encoding (GB18030, UTF-16); save the file as UTF-8")


def _plausible(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return False
    ok = sum(1 for ch in sample if ch in _TEXT_CONTROLS or any(a <= ord(ch) <= b for a, b in _TEXT_RANGES))
    return ok >= PLAUSIBLE_SHARE * len(sample)


def _enough(text: str) -> bool:
    return sum(1 for ch in text[:SAMPLE_CHARS * 4] if ord(ch) > 0x7F) >= MIN_GUESS_CHARS


def _utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose text reads as Chinese or ASCII."""
    if len(data) % 2:
        return None
    sample = data[: SAMPLE_CHARS * 2]
    # ASCII in UTF-16 has its NUL in the high byte: odd positions in LE, even ones in BE.
    order = ("utf-16-le", "utf-16-be") if sample[1::2].count(0) >= sample[::2].count(0) else ("utf-16-be", "utf-16-le")
    for codec in order:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and (_enough(text) or "\x00" not in text and b"\x00" in sample):
            return text
    return None


def _gb18030(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if _enough(text) and _plausible(text) else None


def _checked(text: str, name: str) -> str:
    text = text.removeprefix("\ufeff")
    controls = sum(map(text[:SAMPLE_CHARS * 4].count, _OTHER_CONTROLS))
    if "\x00" in text or controls > MAX_CONTROL_SHARE * min(len(text), SAMPLE_CHARS * 4):
        raise DocumentError(f"{name}: not a {FORMATS} file (it holds binary data)")
    return text


# --- HTML -------------------------------------------------------------------------------------

_META_CHARSET = lazy(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HTML_START = lazy(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START().match(text[:SNIFF_BYTES]))


_MARKUP_TAGS = 5  # a text file of a page's source (<p>…</p>, &nbsp;) has at least this many tags at its start
_TAG = lazy(r"</?(?:p|div|br|span|strong|b|table|tr|td|h[1-6])\b[^<>]*>", re.I)


def _is_markup(text: str) -> bool:
    """Whether a text file holds a page's source rather than its words (a .txt of <p>…</p>)."""
    head = text[:SNIFF_BYTES]
    return head.lstrip().startswith("<") and len(_TAG().findall(head)) >= _MARKUP_TAGS


def _decode_html(data: bytes, name: str) -> str:
    """A page as any text (a byte-order mark, else valid UTF-8, whatever the page declares), else
    in the charset its <meta> declares if that fits the bytes, else by the rule for text."""
    m = _META_CHARSET().search(data[:SNIFF_BYTES * 4])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and not _is_utf8(data):
        codec = m.group(1).decode("ascii").lower()
        codec = "gb18030" if codec in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936") else codec
        try:
            return _checked(data.decode(codec), name)
        except (LookupError, UnicodeDecodeError, DocumentError):
            pass
    return decode_text(data, name)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def html_text(page: str) -> str:
    """The article of a saved web page as text: the element a government site marks as the body
    (TRS_Editor, zoom, article, content …; the one holding most text), else the whole page; its
    paragraphs one a line, table rows as `| a | b |`; scripts, menus, headers, footers, forms and
    elements whose class or id names a menu left out. A page title (<h1>) outside the body goes first."""
    root = _parse_html(page)
    sizes = _text_sizes(root)
    candidates = [n for n in sizes if n.tag == "article" or _BODY_MARK().search(n.marks)]
    body = max(candidates, key=lambda n: sizes[n], default=root)
    if sizes.get(body, 0) == 0:
        body = root
    lines = _html_lines(body)
    if body is not root and not any(n.tag == "h1" for n in _walk(body)):
        title = next((n for n in _walk(root) if n.tag == "h1" and sizes.get(n)), None)
        if title is not None:
            lines = _html_lines(title) + lines
    return "\n".join(lines) + "\n"


class _Node:
    __slots__ = ("tag", "marks", "children", "parent", "span")

    def __init__(self, tag: str, marks: str = "", parent: _Node | None = None, span: tuple[int, int] = (1, 1)):
        self.tag, self.marks, self.parent, self.span = tag, marks, parent, span
        self.children: list[_Node | str] = []


_SPAN_MAX = 100  # rows or columns a table cell spans, at most


def _span_count(value: str | None) -> int:
    """The rows or columns a cell spans, as its attribute gives them (1 if it gives none that is sound)."""
    value = (value or "").strip()
    return min(int(value), _SPAN_MAX) if value.isdigit() and int(value) > 0 else 1


def _span(attrs) -> tuple[int, int]:
    """A web page's table cell's (rowspan, colspan)."""
    got = dict(attrs)
    return _span_count(got.get("rowspan")), _span_count(got.get("colspan"))


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_DROP = frozenset("script style noscript template nav header footer aside form iframe select button svg canvas "
                  "object head title menu".split())
_BLOCKS = frozenset("p div section article main li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr td th "
                    "thead tbody tfoot caption center address figure figcaption hr br".split())
# a start tag closes these open ones (an unclosed <p>, <li>, <td> … as HTML allows)
_CLOSES = {"li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"}, "tr": {"tr", "td", "th", "p"},
           "td": {"td", "th", "p"}, "th": {"td", "th", "p"}}
# the class or id of an article's body on government sites; the first ones are never a menu's
_ARTICLE = r"trs_editor|trs_ueditor|zoom|pages_content|ucap-content|wzcon|zhengwen"
_ARTICLE_MARK = lazy(_ARTICLE)
_BODY_MARK = lazy(_ARTICLE + r"|article|content|detail|main[-_]?text|news[-_]?text")
_MENU_MARK = lazy(r"nav|menu|breadcrumb|crumb|footer|sidebar|share|toolbar|search|login|copyright|banner"
                  r"|friendlink|dqwz|position|location|fontsize|related|recommend|(?:^|\s)(?:header"
                  r"|head|top|bottom|foot|side|links?|tools?)(?:$|\s)")


def _parse_html(page: str) -> _Node:
    from html.parser import HTMLParser

    root = _Node("#root")
    stack = [root]

    class Builder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            closes = _CLOSES.get(tag, {"p"} if tag in _BLOCKS and tag != "br" else set())
            while len(stack) > 1 and stack[-1].tag in closes:
                stack.pop()
            marks = " ".join(v for k, v in attrs if k in ("class", "id") and v).lower()
            node = _Node(tag, marks, stack[-1], _span(attrs) if tag in ("td", "th") else (1, 1))
            stack[-1].children.append(node)
            if tag not in _VOID:
                stack.append(node)

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
            if tag not in _VOID and stack[-1].tag == tag:
                stack.pop()

        def handle_endtag(self, tag):
            for i in range(len(stack) - 1, 0, -1):
                if stack[i].tag == tag:
                    del stack[i:]
                    return

        def handle_data(self, data):
            stack[-1].children.append(data)

    builder = Builder(convert_charrefs=True)
    builder.feed(page)
    builder.close()
    return root


def _dropped(node: _Node) -> bool:
    if node.tag in _DROP:
        return True
    return bool(node.marks) and bool(_MENU_MARK().search(node.marks)) and not _ARTICLE_MARK().search(node.marks)


def _walk(node: _Node):
    """The node and the elements under it, in document order, less the dropped ones."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(c for c in reversed(n.children) if isinstance(c, _Node) and not _dropped(c))


def _text_sizes(root: _Node) -> dict[_Node, int]:
    """How much visible text each element holds (dropped ones left out)."""
    sizes: dict[_Node, int] = {}
    order = list(_walk(root))
    for n in reversed(order):  # children before parents
        sizes[n] = sum(len(c.strip()) if isinstance(c, str) else sizes.get(c, 0) for c in n.children)
    return sizes


# A table cell of this many paragraphs or characters lays out a page's text rather than a table's
_LAYOUT_LINES = 3
_LAYOUT_CHARS = 200


def _html_lines(node: _Node) -> list[str]:
    """The text under `node`: block elements start lines, runs of white space are one space
    (except in <pre>), table rows become `| a | b |`."""
    out: list[str] = []
    rows: list[list[tuple[str, int, int] | None]] = []  # cells of the rows open, innermost last (None: a layout's)
    spans: list[dict[int, int]] = [{}]  # of each table open: its columns a cell above still covers, for how many rows
    stack: list[tuple[str, _Node | str, bool]] = [("open", node, False)]
    while stack:
        event, item, pre = stack.pop()
        if isinstance(item, str):
            out.append(item if pre else re.sub(r"[ \t\n\r\f]+", " ", item))
            continue
        tag = item.tag
        if event == "open":
            if tag == "tr":
                rows.append([])
            elif tag == "table":
                spans.append({})
            elif tag in ("td", "th"):
                out.append("\x00")  # where the cell starts in `out`
            elif tag in _BLOCKS:
                out.append("\n")
            inner = pre or tag == "pre"
            stack.append(("close", item, pre))
            stack.extend(("open", c, inner) for c in reversed(item.children)
                         if isinstance(c, str) or not _dropped(c))
        elif tag in ("td", "th") and rows:
            start = len(out) - 1 - out[::-1].index("\x00")
            held = [ln for ln in "".join(out[start + 1:]).split("\n") if ln.strip()]
            if len(held) >= _LAYOUT_LINES or sum(map(len, held)) > _LAYOUT_CHARS:
                # a page laid out in a table: a cell of paragraphs is text, not a table's cell
                out[start] = "\n"
                out.append("\n")
                rows[-1].append(None)
                continue
            cell = re.sub(r"\s+", " ", "".join(out[start + 1:])).strip().replace("|", "/")
            del out[start:]
            rows[-1].append((cell, *item.span))
        elif tag == "tr" and rows:
            cells = rows.pop()
            if None in cells:  # the row of a layout: its other cells are lines of their own
                out.append("\n" + "\n".join(c[0] for c in cells if c and c[0]) + "\n")
            else:
                laid = _spread_cells([c for c in cells if c], spans[-1])
                out.append("\n| " + " | ".join(laid) + " |\n" if laid else "\n")
        elif tag == "table" and len(spans) > 1:
            spans.pop()
            out.append("\n")
        elif tag in _BLOCKS:
            out.append("\n")
    lines = ("".join(out).replace("\x00", "")).split("\n")
    return [s for s in (ln.strip(" \t\r\f") for ln in lines) if s]


def _spread_cells(cells: list[tuple[str, int, int]], covered: dict[int, int]) -> list[str]:
    """A table row's cells laid on the table's columns: a cell spanning columns (colspan) in each,
    and a column a cell of a row above still spans (rowspan) left blank, as a table printed without
    borders shows it. `covered` (column → rows left) is updated for the rows below."""
    laid: list[str] = []
    for text, down, across in cells:
        while covered.get(len(laid), 0) > 0:
            covered[len(laid)] -= 1
            laid.append("")
        for _ in range(across):
            if down > 1:
                covered[len(laid)] = down - 1
            laid.append(text)
    while covered.get(len(laid), 0) > 0:
        covered[len(laid)] -= 1
        laid.append("")
    return laid


# --- Word (.docx) -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_PARTS = {_W + "pPr", _W + "rPr", _W + "tblPr", _W + "sectPr", _W + "delText", _W + "instrText", _FALLBACK}
_OFFICE_DOCUMENT = lazy(r"""Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"|"""
                        r"""Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument\"""")


def _docx_text(data: bytes, name: str) -> str:
    """A Word file's paragraphs one a line, its tables' rows as `| a | b |` (headers, footers,
    footnotes and comments left out). A .docx is a zip of XML: no library is needed."""
    import zipfile
    import zlib
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            part = "word/document.xml"
            if "_rels/.rels" in z.namelist():
                m = _OFFICE_DOCUMENT().search(z.read("_rels/.rels").decode("utf-8", "replace"))
                part = (m.group(1) or m.group(2)) if m else part
            try:
                info = z.getinfo(part)
            except KeyError:
                raise DocumentError(f"{name}: a zip archive, not a Word (.docx) file (it has no {part})") from None
            if info.file_size > MAX_PART_BYTES:
                raise DocumentError(f"{name}: the Word file's text is too large ({info.file_size} bytes unpacked)")
            xml = z.read(info)
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            ElementTree.ParseError) as e:
        raise DocumentError(f"{name}: not a readable Word (.docx) file ({_reason(e)})") from None
    lines: list[str] = []
    _docx_blocks(root, lines)
    return "\n".join(lines) + "\n"


def _docx_blocks(element, lines: list[str]) -> None:
    for child in element:
        if child.tag == _W + "p":
            lines.append(_docx_run_text(child))
        elif child.tag == _W + "tbl":
            for row in (r for r in child if r.tag == _W + "tr"):
                cells = [(" ".join(_docx_run_text(p) for p in cell.iter(_W + "p")).strip(), _grid_span(cell))
                         for cell in row if cell.tag == _W + "tc"]
                laid = [text.replace("\n", " ") for text, across in cells for _ in range(across)]
                lines.append("| " + " | ".join(laid) + " |")
        elif child.tag not in _SKIP_PARTS:
            _docx_blocks(child, lines)


def _grid_span(cell) -> int:
    """How many of the table's columns a Word cell spans (its text is in each, as in a web page's)."""
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
    return _span_count(span.get(_W + "val") if span is not None else None)


def _docx_run_text(paragraph) -> str:
    parts: list[str] = []
    stack = [paragraph]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        if tag not in _SKIP_PARTS:
            stack.extend(reversed(el))
    return "".join(parts)


def _reason(e: BaseException) -> str:
    text = (str(e).strip().splitlines() or [""])[0][:120]
    return text or type(e).__name__


# --- PDF --------------------------------------------------------------------------------------

HEAD_FOOT_LINES = 2  # lines at the top and at the bottom of a page that may be a running head or foot
REPEAT_SHARE = 0.4  # a line at a page's edge on this share of the pages (and on 2 or more) is furniture
INDENT_EMS = 0.5  # a line starting this far right of the page's left margin opens a paragraph
FULL_LINE_EMS = 2.0  # a line ending within this of the right margin is full: its paragraph goes on
WRAP_GAP_EMS = 6.0  # room a word or number too long for the line leaves: a line this short may go on
RIGHT_MARGIN_QUANTILE = 0.9  # the right margin: where this share of the lines end, or before
_PAGE_NUMBER = lazy(
    r"[\s\-—–－―_·•]*(?:第\s*\d+\s*页(?:\s*[/／,，]?\s*共\s*\d+\s*页)?|(?:page\s*)?\d{1,4}(?:\s*(?:[/／]|of)\s*\d{1,4})?)"
    r"[\s\-—–－―_·•]*", re.I)
_HEADING_START = lazy(r"第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]+、"
                      r"|[（(][一二三四五六七八九十]+[)）]|附件|名词解释")
_ITEM_START = lazy(r"[|#•●■□◆]")
_SENTENCE_END = lazy(r"[。！？!?：:；;]\W*\Z")


@dataclass
class _Line:
    text: str
    x: float | None = None  # where its first glyph starts, in points from the page's left
    y: float | None = None
    size: float | None = None  # its font size, in points
    indented: bool = False


def _pdf_text(data: bytes, name: str) -> str:
    """The text layer of a PDF, its pages joined into paragraphs (see `_join_pages`)."""
    try:
        import pypdf
        from pypdf.errors import DependencyError
    except ImportError:
        raise DocumentError(f"{name}: {PDF_EXTRA_HINT}") from None
    import logging

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # pypdf warns about every small flaw it reads past
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name}: the PDF needs a password to open; save a copy without one, or its text")
        pages = [_pdf_page_lines(page) for page in reader.pages]
    except DocumentError:
        raise
    except DependencyError as e:
        raise DocumentError(f"{name}: the PDF is encrypted: reading it needs the cryptography package "
                            f"(pip install cryptography): {_reason(e)}") from None
    except Exception as e:  # noqa: BLE001 - a damaged PDF makes pypdf raise errors of many kinds
        raise DocumentError(f"{name}: not a readable PDF ({_reason(e)})") from None
    finally:
        log.setLevel(level)
    text = _join_pages(pages)
    if not text.strip():
        raise DocumentError(f"{name}: the PDF has no text layer (a scan?); give its text, or OCR it first")
    return text


def _pdf_page_lines(page) -> list[_Line]:
    """A page's lines as pypdf reads them, each with where its first glyph stands."""
    lines: list[_Line] = []
    current = _Line("")

    def visit(text, cm, tm, font, size):
        nonlocal current
        for piece in re.split(r"(\n)", text):
            if piece == "\n":
                lines.append(current)
                current = _Line("")
            elif piece:
                if current.x is None and piece.strip():
                    # the glyph's place: the text matrix times the transformation matrix
                    current.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    current.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    scale = (tm[2] * cm[0] + tm[3] * cm[2]) ** 2 + (tm[2] * cm[1] + tm[3] * cm[3]) ** 2
                    current.size = float(size or 0) * scale ** 0.5 or None
                current.text += piece

    page.extract_text(visitor_text=visit)
    lines.append(current)
    return [ln for ln in lines if ln.text.strip()]


def _join_pages(pages: list[list[_Line]]) -> str:
    """One paragraph a line: page numbers and running heads and foots dropped, and each line
    joined to the one before it (without a space: Chinese has none between words) when that one
    goes on (see `_goes_on`)."""
    pages = _drop_furniture(pages)
    lines = [ln for page in pages for ln in _mark_indents(page)]
    if not lines:
        return ""
    sizes = sorted(ln.size for ln in lines if ln.size)
    body_size = sizes[len(sizes) // 2] if sizes else 10.0
    ends = sorted(_right_end(ln, body_size) for ln in lines)
    right = ends[min(len(ends) - 1, int(RIGHT_MARGIN_QUANTILE * len(ends)))]
    paragraphs: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        text = ln.text.strip(" \t\r")
        gap = (right - _right_end(prev, body_size)) / (prev.size or body_size) if prev else 0.0
        if prev is not None and _goes_on(prev, ln, text, gap):
            last = paragraphs[-1]
            words = last[-1:].isascii() and last[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()
            paragraphs[-1] = last + (" " if words else "") + text.lstrip()
        else:
            paragraphs.append(text)
        prev = ln
    return "\n".join(paragraphs) + "\n"


def _goes_on(prev: _Line, line: _Line, text: str, gap: float) -> bool:
    """Whether `line` goes on the paragraph of `prev`, which ends `gap` ems short of the right margin.

    Not when `line` is indented (a paragraph's first line, or a centred one) or opens a list item
    or table row, nor when `prev` ends a sentence and `line` opens a heading (一、 （二）). Else
    yes when `prev` is full; and when it is a little short but ends no sentence: a word or number
    too long for the rest of the line went to the next one."""
    if line.indented or _ITEM_START().match(text):
        return False
    ends = bool(_SENTENCE_END().search(prev.text.rstrip()))
    if gap <= FULL_LINE_EMS:
        return not (ends and _HEADING_START().match(text))
    return gap <= WRAP_GAP_EMS and not ends


def _width_ems(text: str) -> float:
    """A line's width in ems, as a Chinese font sets it: ideographs, full-width forms and the signs
    of ambiguous width (“” … — ·) one em, Latin letters and digits half an em."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def _right_end(line: _Line, body_size: float) -> float:
    return (line.x or 0.0) + _width_ems(line.text.strip(" \t\r")) * (line.size or body_size)


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without their page numbers and the running heads and foots most pages repeat."""
    def edges(page: list[_Line]) -> list[_Line]:
        if all(ln.y is not None for ln in page):
            page = sorted(page, key=lambda ln: -(ln.y or 0.0))
        return page[:HEAD_FOOT_LINES] + page[-HEAD_FOOT_LINES:]

    def key(ln: _Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", ln.text))

    counts: dict[str, int] = {}
    for page in pages:
        for k in {key(ln) for ln in edges(page)}:
            counts[k] = counts.get(k, 0) + 1
    need = max(2, REPEAT_SHARE * len(pages))
    kept = []
    for page in pages:
        edge = {id(ln) for ln in edges(page)}
        kept.append([ln for ln in page if id(ln) not in edge
                     or not (_PAGE_NUMBER().fullmatch(ln.text) or counts[key(ln)] >= need)])
    return kept


def _mark_indents(page: list[_Line]) -> list[_Line]:
    """Mark the lines that start right of the page's left margin (the leftmost place two or more
    lines start at), or with a space: each opens a paragraph."""
    starts = [round(ln.x) for ln in page if ln.x is not None]
    shared = [x for x in set(starts) if starts.count(x) > 1]
    left = min(shared or starts or [0])
    for ln in page:
        size = ln.size or 10.0
        ln.indented = (ln.x is not None and ln.x - left >= INDENT_EMS * size) or ln.text[:1].isspace()
    return page

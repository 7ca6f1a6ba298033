"""The formats people have: a report as a web page, a PDF, a Word file, or text in GBK, UTF-16 or
UTF-8 with a byte-order mark gives the records its UTF-8 text gives.

Each test builds its files from a report's text: a page with menus, a header and a footer that
hold figures of their own; a Word file from its minimal parts; a PDF whose lines break in the
middle of sentences, with a running head and page numbers (with the CJK font every PDF reader
has). Bad files give one line and exit 3.
"""

from __future__ import annotations

import html
import io
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, unavailable

from csplan.extract import extract
from csplan.extract.documents import DocumentError, decode_text, read_document
from csplan.model import Store

FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
# a sample report that ships with the tests, and real reports: one that came as a Word file, one
# that came as GBK text with full-width indents
REPORTS = [
    ("fixture", "district-2023-plan-report.txt"),
    ("corpus", "anhui-2025-government-work-report.txt"),
    ("corpus", "hailaerqu-2017-government-work-report.txt"),
]
IDS = [name.split("-")[0] for _, name in REPORTS]
MENU_FIGURE = "8.8"  # a growth only the menus, header and footer of the web page hold


def report(where: str, name: str) -> Path:
    path = (FIXTURES if where == "fixture" else CORPUS) / name
    if not path.is_file():
        unavailable(f"needs ../shared/corpus/{name}")
    return path


def records(cli, path: Path | str, *args: str, input: bytes | None = None) -> list[dict]:
    res = cli("extract", str(path), "--format", "json", *args, input=input)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


# --- building the files ------------------------------------------------------------------------


def web_page(text: str, charset: str = "utf-8") -> str:
    """A government site's article page: the report in its TRS_Editor body, beside menus, a
    breadcrumb, a share bar and a footer that hold figures and target words of their own."""
    body = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' if line.strip() else "<p><br></p>"
                     for line in text.splitlines())
    noise = f"主要预期目标：地区生产总值增长{MENU_FIGURE}%左右，一般公共预算收入增长{MENU_FIGURE}%"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政府工作报告_某某市人民政府</title>
<style>.nav li {{ float: left }}</style>
<script>var visits = 12345; document.title = "{noise}";</script>
</head><body>
<div class="header"><div class="logo">某某市人民政府</div>
  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zt/">{noise}</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府工作报告</div>
<div class="main">
  <div class="left-menu"><h3>专题专栏</h3><ul><li>{noise}</li><li>2024年全年地区生产总值增长{MENU_FIGURE}%</li></ul></div>
  <div class="article">
    <div class="article-info">发布时间：2025-01-20 来源：市政府办公室 【字号：大 中 小】</div>
    <div class="TRS_Editor">
{body}
    </div>
    <div class="bdsharebuttonbox">分享到：微信 微博</div>
  </div>
</div>
<footer><p>{noise}</p><p>主办单位：某某市人民政府办公室 网站标识码 1234000001 访问量 98765</p></footer>
</body></html>
"""


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_file(text: str) -> bytes:
    """A .docx from its minimal parts: each line a paragraph of two runs (as Word splits them),
    with a tab stop in its properties and, in one, a tracked deletion that must not be read."""
    def para(line: str, i: int) -> str:
        half = len(line) // 2
        runs = "".join(f'<w:r>{"<w:rPr><w:b/></w:rPr>" if k else ""}<w:t xml:space="preserve">{html.escape(part)}</w:t></w:r>'
                       for k, part in enumerate((line[:half], line[half:])) if part)
        deleted = f'<w:del w:id="{i}" w:author="x"><w:r><w:delText>增长{MENU_FIGURE}%</w:delText></w:r></w:del>'
        return (f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:ind w:firstLineChars="200"/>'
                f'</w:pPr>{runs}{deleted if i == 3 else ""}</w:p>')

    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
                + "".join(para(line, i) for i, line in enumerate(text.splitlines()))
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    return docx_zip(document)


def docx_zip(document: str, *, main: str = "word/document.xml") -> bytes:
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'officeDocument" Target="{main}"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr(main, document)
    return out.getvalue()


PAGE_W, PAGE_H, MARGIN, SIZE, LEADING = 420.0, 595.0, 50.0, 12.0, 20.0  # A5
RUNNING_HEAD = "政府工作报告（全文）"
FONT = "STSong-Light"  # a CID font every PDF reader has: nothing is embedded


def pdf_file(text: str) -> bytes:
    """The text typeset as a PDF: A5 pages with a running head and a page number, each paragraph
    indented two characters and broken into lines wherever the line is full (mid-sentence, across
    pages), never inside a word or a number."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        unavailable("building a PDF needs reportlab (pip install -e '.[test]')")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width = PAGE_W - 2 * MARGIN
    lines: list[tuple[float, str]] = []
    for para in text.splitlines():
        if para.strip():
            lines += wrap(para, width, lambda s: pdfmetrics.stringWidth(s, FONT, SIZE))
    per_page = int((PAGE_H - 2 * MARGIN) // LEADING)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    for n, start in enumerate(range(0, len(lines), per_page), 1):
        c.setFont(FONT, 9)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 30, RUNNING_HEAD)
        c.setFont(FONT, SIZE)
        for k, (indent, line) in enumerate(lines[start:start + per_page]):
            c.drawString(MARGIN + indent, PAGE_H - MARGIN - k * LEADING, line)
        c.setFont(FONT, 10)
        c.drawCentredString(PAGE_W / 2, 25, f"— {n} —")
        c.showPage()
    c.save()
    return out.getvalue()


def wrap(para: str, width: float, measure) -> list[tuple[float, str]]:
    """(indent, text) of each line of a paragraph: the first indented by two characters; a line
    breaks before the token that would overflow it (a word or number is one token; a space stays
    at the end of its line)."""
    indent = 2 * SIZE
    out: list[tuple[float, str]] = []
    line, used = "", 0.0
    for token in re.findall(r"[A-Za-z0-9.%]+|.", para):
        w = measure(token)
        if line and token != " " and used + w > width - (indent if not out else 0):
            out.append((indent if not out else 0.0, line))
            line, used = "", 0.0
        line, used = line + token, used + w
    out.append((indent if not out else 0.0, line))
    return out


def encrypted(pdf: bytes, user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password, owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- the same records from every format ---------------------------------------------------------


@pytest.mark.parametrize("where, name", REPORTS, ids=IDS)
def test_web_page_word_and_pdf_give_the_records_of_the_text(cli, tmp_path, where, name):
    source = report(where, name)
    text = source.read_text(encoding="utf-8")
    expected = records(cli, source)
    assert expected
    files = {
        "report.html": web_page(text).encode("utf-8"),
        "report-gbk.htm": web_page(text, charset="gb2312").encode("gb18030"),
        "report.docx": word_file(text),
        "report.pdf": pdf_file(text),
    }
    for file_name, data in files.items():
        path = tmp_path / file_name
        path.write_bytes(data)
        got = records(cli, path)
        assert got == expected, file_name
        assert not any(MENU_FIGURE in r["quote"] for r in got), file_name
    # what the web page gives, line by line: the article's date line, then the report; no menu word
    page_lines = read_document(tmp_path / "report.html").splitlines()
    assert page_lines[0].startswith("发布时间：2025-01-20")
    assert page_lines[1:] == [re.sub("[ \t]+", " ", ln).strip(" ") for ln in text.splitlines() if ln.strip()]


@pytest.mark.parametrize("where, name", REPORTS, ids=IDS)
def test_gbk_utf16_and_bom_text_give_the_records_of_utf8(cli, tmp_path, where, name):
    source = report(where, name)
    text = source.read_text(encoding="utf-8")
    expected = records(cli, source)
    encodings = ["gbk" if _encodes(text, "gbk") else "gb18030", "gb18030", "utf-16", "utf-16-le", "utf-16-be",
                 "utf-8-sig"]
    for codec in encodings:
        data = text.replace("\n", "\r\n").encode(codec) if codec == "gb18030" else text.encode(codec)
        path = tmp_path / f"report-{codec}.txt"
        path.write_bytes(data)
        assert records(cli, path) == expected, codec
        assert decode_text(data, codec).replace("\r\n", "\n") == text
    # stdin gives bytes, decoded by the same rule
    assert records(cli, "-", input=text.encode("gb18030")) == expected


def test_a_pdf_or_word_file_on_stdin_or_without_its_suffix_is_recognised(cli, tmp_path):
    source = report("fixture", "district-2023-plan-report.txt")
    text = source.read_text(encoding="utf-8")
    expected = records(cli, source)
    assert records(cli, "-", input=pdf_file(text)) == expected
    (tmp_path / "download").write_bytes(word_file(text))
    assert records(cli, tmp_path / "download") == expected
    (tmp_path / "page").write_bytes(web_page(text).encode("utf-8"))
    assert records(cli, tmp_path / "page") == expected


def test_an_owner_password_alone_does_not_stop_reading(cli, tmp_path):
    source = report("fixture", "district-2023-plan-report.txt")
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "protected.pdf"
    path.write_bytes(encrypted(pdf_file(text), "", "owner-secret"))
    assert records(cli, path) == records(cli, source)


def test_tables_of_a_web_page_and_a_word_file_read_as_the_markdown_table(cli, tmp_path):
    """A targets table (序号 | 指标名称 | 单位 | 2024年预计 | 2025年目标) in HTML or Word gives the
    records the Markdown table gives."""
    source = FIXTURES / "city-2024-plan-report-table.md"
    text = source.read_text(encoding="utf-8")
    expected = records(cli, source)
    assert any(r["kind"] == "target" and r["indicator"] == "gdp" for r in expected)
    parts, rows = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            if not re.fullmatch(r"[|\s:-]+", line):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            parts.append(("table", rows))
            rows = []
        parts.append(("p", line))
    page = "".join(
        f"<p>{html.escape(x)}</p>\n" if kind == "p" else
        "<table border=1><tbody>\n" + "".join("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in row)
                                             + "</tr>\n" for row in x) + "</tbody></table>\n"
        for kind, x in parts)
    (tmp_path / "t.html").write_text(f'<html><body><div id="zoom">{page}</div></body></html>', encoding="utf-8")
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    body = "".join(
        f"<w:p><w:r><w:t>{html.escape(x)}</w:t></w:r></w:p>" if kind == "p" else
        "<w:tbl><w:tblPr/>" + "".join("<w:tr>" + "".join(cell.format(html.escape(c)) for c in row) + "</w:tr>"
                                      for row in x) + "</w:tbl>"
        for kind, x in parts)
    (tmp_path / "t.docx").write_bytes(docx_zip(f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'))
    assert records(cli, tmp_path / "t.html") == expected
    assert records(cli, tmp_path / "t.docx") == expected


# --- reading, piece by piece ------------------------------------------------------------------


SPANNED = ["| 类别 | 指标名称 | 单位 | 2024年 | 2024年 |", "|  |  |  | 计划 | 预计完成 |",
           "| 经济发展 | 地区生产总值增长 | % | 6左右 | 5.8 |", "|  | 固定资产投资增长 | % | 5 | 3.2 |",
           "| 绿色生态 | 单位地区生产总值能耗降低 | % | 完成省下达任务 | 完成省下达任务 |"]


def test_cells_that_span_rows_or_columns_are_laid_on_the_tables_columns():
    """A web page's rowspan leaves the columns it covers blank in the rows below, and a colspan
    (or a Word cell's gridSpan) puts its text in each column it spans."""
    page = ('<div class="TRS_Editor"><table><tr><td rowspan="2">类别</td><td rowspan="2">指标名称</td>'
            '<td rowspan="2">单位</td><td colspan="2">2024年</td></tr><tr><td>计划</td><td>预计完成</td></tr>'
            '<tr><td rowspan="2">经济发展</td><td>地区生产总值增长</td><td>%</td><td>6左右</td><td>5.8</td></tr>'
            '<tr><td>固定资产投资增长</td><td>%</td><td>5</td><td>3.2</td></tr>'
            '<tr><td>绿色生态</td><td>单位地区生产总值能耗降低</td><td>%</td><td colspan="2">完成省下达任务</td></tr>'
            '</table></div>')
    assert read_document("a.html", data=page.encode()).splitlines() == SPANNED
    cell = '<w:tc>{}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    spanned = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    rows = [[("", c) for c in row.strip("|").split("|")] for row in SPANNED[:4]]
    rows.append([("", "绿色生态"), ("", "单位地区生产总值能耗降低"), ("", "%"), (spanned, "完成省下达任务")])
    body = "<w:tbl>" + "".join("<w:tr>" + "".join(cell.format(p, c.strip()) for p, c in row) + "</w:tr>"
                               for row in rows) + "</w:tbl>"
    word = docx_zip(f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    assert read_document("a.docx", data=word).splitlines() == SPANNED


def test_a_tables_header_of_two_rows_names_its_columns():
    text = ("关于某某市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n\n"
            "一、2024年国民经济和社会发展计划执行情况\n\n全市地区生产总值增长5.8%，规模以上工业增加值增长8.1%。\n\n"
            + "\n".join(SPANNED[:2]) + "\n| 民生福祉 | 城镇新增就业 | 万人 | 3.5 | 4.1 |\n\n"
            "二、2025年主要预期目标\n\n2025年主要预期目标建议为：地区生产总值增长6%。\n")
    result = extract(text, Store(), region="somewhere")
    jobs = [r for r in result.records if r["indicator"] == "new_urban_jobs"]
    assert [(r["kind"], r["value"], r["unit"]) for r in jobs] == [("actual", 4.1, "万人")]


def test_pdf_lines_are_joined_into_paragraphs_and_page_furniture_is_dropped(tmp_path):
    paragraphs = ["关于某某市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告",
                  "各位代表：",
                  "过去一年，" + "全市经济运行稳中向好，" * 30 + "全年地区生产总值1234.5亿元，增长5.2%。",
                  "一、2025年主要预期目标",
                  "地区生产总值增长5.5%左右；" + "城乡居民收入增长与经济增长同步，" * 25 + "English words stay apart."]
    text = "\n".join(paragraphs) + "\n"
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf_file(text))
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) >= 2
    assert read_document(path) == text


def test_html_without_a_marked_body_keeps_the_page_less_its_menus():
    page = ("<html><head><title>t</title></head><body><nav>首页 新闻</nav><div id='menu'>菜单 1 2 3</div>"
            "<h1>关于2025年计划的报告</h1><p>第一段&nbsp;文字<br>第二行</p><ul><li>一</li><li>二</ul>"
            "<div class='footer'>版权所有</div><script>x=1</script></body></html>")
    assert read_document(None, data=page.encode(), name="stdin") == "关于2025年计划的报告\n第一段\xa0文字\n第二行\n一\n二\n"


def test_a_text_file_of_a_pages_source_is_read_as_the_page(tmp_path):
    source = ("<p style=\"text-align:center\"><strong>政府工作报告</strong></p>\n<p>&nbsp;&nbsp;各位代表：</p>\n"
              "<p>全市地区生产总值600.2亿元&mdash;&mdash;增长8%</p>\n<p>第二段</p>\n<p>第三段</p>\n")
    path = tmp_path / "report.txt"
    path.write_text(source, encoding="utf-8")
    assert read_document(path) == "政府工作报告\n\xa0\xa0各位代表：\n全市地区生产总值600.2亿元——增长8%\n第二段\n第三段\n"
    words = "各位代表：\n" + "<p>一</p>\n" * 3  # a text that does not open on a tag is read as it is
    path.write_text(words, encoding="utf-8")
    assert read_document(path) == words


def test_html_title_outside_the_body_goes_first():
    page = ("<html><body><div class='top'>市政府网站</div><div class='title'><h1>2025年某市政府工作报告</h1></div>"
            "<div class='info'>发布时间：2025-01-20</div><div class='TRS_Editor'><p>各位代表：</p><p>现在报告。</p></div>"
            "</body></html>")
    assert read_document("a.html", data=page.encode()) == "2025年某市政府工作报告\n各位代表：\n现在报告。\n"


@pytest.mark.parametrize("data, expected", [
    ("预计全年地区生产总值增长百分之五左右".encode("gbk"), "预计全年地区生产总值增长百分之五左右"),
    ("各位代表：现在，我代表市人民政府报告工作".encode("utf-16-le"), "各位代表：现在，我代表市人民政府报告工作"),
    ("各位代表：现在，我代表市人民政府报告工作".encode("utf-16-be"), "各位代表：现在，我代表市人民政府报告工作"),
    ("GDP grew 5.2%\n".encode("utf-16-le"), "GDP grew 5.2%\n"),
    ("\ufeff各位代表".encode("utf-8"), "各位代表"),
    ("各位代表".encode("utf-32"), "各位代表"),
], ids=["gbk", "utf16le", "utf16be", "utf16le-ascii", "utf8-bom", "utf32"])
def test_decoding(data, expected):
    assert decode_text(data) == expected


@pytest.mark.parametrize("data, message", [
    ("预计全年".encode("gbk"), "not UTF-8"),  # too little to tell its encoding
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
    (b"\xef\xbb\xbf\xff\xfe", "not UTF-8 text as its byte-order mark says"),
], ids=["short-gbk", "png", "bad-utf8-after-bom"])
def test_decoding_errors(data, message):
    with pytest.raises(DocumentError, match=re.escape(message)):
        decode_text(data, "x")


# --- bad files: one line, exit 3 ------------------------------------------------------------------


def one_line_error(cli, path, *args, input=None):
    res = cli("extract", str(path), *args, input=input)
    assert res.exit_code == 3, res.stderr
    assert res.stdout == "" and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: ")
    return lines[0]


def test_without_pypdf_a_pdf_names_the_extra(cli, tmp_path, monkeypatch):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    monkeypatch.setitem(sys.modules, "pypdf", None)
    line = one_line_error(cli, path)
    assert "reading PDF needs the pdf extra: pip install 'csplan[pdf]'" in line and str(path) in line


@pytest.mark.parametrize("file_name, data, message", [
    ("report.bin", bytes(range(256)) * 8, "not a text, Markdown, HTML, PDF or Word (.docx) file"),
    ("report.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(200), "not a text, Markdown, HTML, PDF or Word (.docx) file"),
    ("report.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n", "not a readable PDF"),
    ("report", b"%PDF-1.4\n" + bytes(range(256)), "not a readable PDF"),
    ("report.docx", b"PK\x03\x04" + bytes(100), "not a readable Word (.docx) file"),
    ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "save it as .docx, PDF or text"),
], ids=["binary", "executable", "damaged-pdf", "pdf-no-suffix", "damaged-docx", "old-doc"])
def test_a_file_of_no_known_kind_or_a_damaged_one_is_one_line_and_exit_3(cli, tmp_path, file_name, data, message):
    path = tmp_path / file_name
    path.write_bytes(data)
    assert message in one_line_error(cli, path, "--region", "x", "--actual-year", "2024")


def test_a_zip_that_is_not_a_word_file(cli, tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "book.docx").write_bytes(out.getvalue())
    assert "not a Word (.docx) file" in one_line_error(cli, tmp_path / "book.docx")
    (tmp_path / "bad.docx").write_bytes(docx_zip("<w:document><unclosed>"))
    assert "not a readable Word (.docx) file" in one_line_error(cli, tmp_path / "bad.docx")


def test_a_pdf_with_a_password_or_without_text_is_one_line(cli, tmp_path):
    pdf = pdf_file("各位代表：\n地区生产总值增长5.5%左右。\n")
    (tmp_path / "locked.pdf").write_bytes(encrypted(pdf, "secret", "owner"))
    assert "needs a password" in one_line_error(cli, tmp_path / "locked.pdf")
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(100, 100, 200, 200)
    c.showPage()
    c.save()
    (tmp_path / "scan.pdf").write_bytes(out.getvalue())
    assert "no text layer" in one_line_error(cli, tmp_path / "scan.pdf")
    assert "not a readable PDF" in one_line_error(cli, "-", input=pdf[: len(pdf) // 3])


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def test_a_page_laid_out_in_a_table_reads_as_its_text(cli, tmp_path):
    """Older government sites set the whole article in one cell of a layout table: its paragraphs
    are text, not one table row, and the page gives the records its text gives."""
    source = FIXTURES / "city-2025-government-work-report.txt"
    expected = records(cli, source)
    assert any(r["kind"] == "actual" for r in expected) and any(r["kind"] == "target" for r in expected)
    paragraphs = "".join(f"<p>&nbsp;&nbsp;{html.escape(line)}</p>\n"
                         for line in source.read_text(encoding="utf-8").splitlines() if line.strip())
    page = ('<html><head><meta charset="utf-8"><title>政府工作报告</title></head><body>'
            '<table width="1000"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td></tr>'
            f'<tr><td colspan="2"><table><tr><td class="bt">政府工作报告</td></tr><tr><td>{paragraphs}</td></tr>'
            '</table></td></tr><tr><td colspan="2">主办单位：某某市人民政府办公室</td></tr></table></body></html>')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    got = records(cli, tmp_path / "page.html")
    drop = ("quote",)
    assert [{k: v for k, v in r.items() if k not in drop} for r in got] == \
        [{k: v for k, v in r.items() if k not in drop} for r in expected]

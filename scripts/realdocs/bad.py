#!/usr/bin/env python3
"""Writes the damaged and hostile documents of tests/fixtures/realdocs/bad/.

    bad.py damaged      GOOD.docx OUT.docx   the first half of a good docx (zip cut mid-stream)
    bad.py no-document  GOOD.docx OUT.docx   a docx zip without word/document.xml
    bad.py zip-bomb     OUT.docx             word/document.xml inflates to 1 GiB + a little
    bad.py entity-bomb  OUT.docx             document.xml with a "billion laughs" DOCTYPE
    bad.py ref-loop     OUT.pdf              a PDF whose /Pages node lists itself as its kid
    bad.py scanned      PAGE.pgm OUT.pdf     one page, a grey image and no text layer
    bad.py deep         OUT.html             60,000 nested <div> elements around one article

Every zip member is written with a fixed timestamp, so the output is the same each time.
"""
import sys
import zipfile
import zlib

FIXED = (2007, 8, 16, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def info(name):
    zi = zipfile.ZipInfo(name, FIXED)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    return zi


def minimal_docx(out, document_xml_writer):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(info("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(info("_rels/.rels"), RELS)
        document_xml_writer(z)


def damaged(good, out):
    data = open(good, "rb").read()
    open(out, "wb").write(data[: len(data) // 2])


def no_document(good, out):
    src = zipfile.ZipFile(good)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            if i.filename != "word/document.xml":
                z.writestr(info(i.filename), src.read(i.filename))


def zip_bomb(out):
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}"><w:body>').encode()
    para = "<w:p><w:r><w:t>缔约各方确认本条约的宗旨。</w:t></w:r></w:p>".encode()
    tail = b"</w:body></w:document>"
    chunk = para * (1 << 14)
    target = 1 << 30

    def write(z):
        zi = info("word/document.xml")
        with z.open(zi, "w", force_zip64=True) as f:
            f.write(head)
            n = len(head)
            while n < target:
                f.write(chunk)
                n += len(chunk)
            f.write(tail)

    minimal_docx(out, write)


def entity_bomb(out):
    ents = ['<!ENTITY lol "lol">']
    ents += [f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)]
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!DOCTYPE w:document [\n' + "\n".join(ents) + "\n]>\n"
           f'<w:document xmlns:w="{W}"><w:body>'
           "<w:p><w:r><w:t>第一条</w:t></w:r></w:p>"
           "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
           "</w:body></w:document>")
    minimal_docx(out, lambda z: z.writestr(info("word/document.xml"), doc))


def write_pdf(out, objects):
    """Writes objects (bytes bodies, numbered from 1) with a correct xref table."""
    data = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(out, "wb").write(bytes(data))


def ref_loop(out):
    # 2 is a /Pages node whose only kid is itself; 3 is a page that nothing reaches.
    content = b"BT /F1 12 Tf 72 720 Td (Article 1) Tj ET"
    write_pdf(out, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def scanned(pgm, out):
    w, h, pixels = read_pgm(pgm)
    img = zlib.compress(pixels, 9)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    write_pdf(out, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(img))
        + img + b"\nendstream",
    ])


def deep(out):
    depth = 60_000
    page = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>第一条</title></head><body>\n'
            + "<div>" * depth + "\n<p>第一条</p>\n<p>缔约各方根据公认的国际法原则和规则，发展长期睦邻、友好和合作关系。</p>\n"
            + "</div>" * depth + "\n</body></html>\n")
    open(out, "w", encoding="utf-8").write(page)


def main():
    what, args = sys.argv[1], sys.argv[2:]
    {"damaged": damaged, "no-document": no_document, "zip-bomb": zip_bomb,
     "entity-bomb": entity_bomb, "ref-loop": ref_loop, "scanned": scanned,
     "deep": deep}[what](*args)


if __name__ == "__main__":
    main()

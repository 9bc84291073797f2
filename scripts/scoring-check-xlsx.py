#!/usr/bin/env python3
"""Cross-checks a workbook written by vn-egov/scoring's toXlsx with an independent reader.

Usage: python3 scripts/scoring-check-xlsx.py path/to/file.xlsx
       (make one with: npx tsx examples/scoring-communes.ts)

With openpyxl installed it opens the workbook the way Excel-compatible tools do and prints every sheet's
dimensions and header row. Without openpyxl (the case on the machine this module was written on) it falls back
to the standard library: it opens the zip, parses every XML part, checks the content types and relationships
name every sheet, and reads the inline-string headers. Exits non-zero on any problem.
"""
import sys
import zipfile
import xml.dom.minidom

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_openpyxl(path):
    import openpyxl  # noqa: WPS433 (optional dependency)

    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
        print(f"{ws.title!r}: {ws.max_row} rows x {ws.max_column} columns; header: {header[:4]}...")
        if ws.max_row < 2 or header[0] not in ("Mã đơn vị", "Unit id"):
            raise SystemExit(f"unexpected sheet {ws.title!r}")
    print(f"openpyxl {openpyxl.__version__}: {len(wb.worksheets)} sheets read")


def with_stdlib(path):
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for name in sorted(names):
            if name.endswith(".xml") or name.endswith(".rels"):
                xml.dom.minidom.parseString(z.read(name))  # raises on malformed XML
        workbook = xml.dom.minidom.parseString(z.read("xl/workbook.xml"))
        sheets = workbook.getElementsByTagNameNS(NS, "sheet")
        types = z.read("[Content_Types].xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        for i, sheet in enumerate(sheets, start=1):
            part = f"xl/worksheets/sheet{i}.xml"
            if part not in names or f"/{part}" not in types or f"worksheets/sheet{i}.xml" not in rels:
                raise SystemExit(f"sheet {i} is not wired: {part}")
            doc = xml.dom.minidom.parseString(z.read(part))
            first = doc.getElementsByTagNameNS(NS, "t")[0].firstChild.data
            rows = doc.getElementsByTagNameNS(NS, "row")
            print(f"{sheet.getAttribute('name')!r}: {rows.length} rows; first header {first!r}")
        print(f"standard library: {sheets.length} sheets, {len(names)} parts well-formed")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("openpyxl is not installed: checking with the standard library only")
        with_stdlib(sys.argv[1])
    else:
        with_openpyxl(sys.argv[1])

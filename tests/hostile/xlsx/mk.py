# mk.py: book() writes a minimal workbook from sheet XML (for hostile.py); run
# alone it writes sample workbooks into the current folder.
import zipfile, sys
def book(path, sheets, sst=None, styles=None, date1904=False, rels_extra=""):
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    if date1904: wb += '<workbookPr date1904="1"/>'
    wb += '<sheets>'
    rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i,(name,xml,state) in enumerate(sheets):
        wb += '<sheet name="%s" sheetId="%d" %s r:id="rId%d"/>' % (name, i+1, ('state="%s"'%state) if state else '', i+1)
        rels += '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i+1,i+1)
        z.writestr('xl/worksheets/sheet%d.xml'%(i+1), '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'+xml+'</sheetData></worksheet>' if not xml.startswith('<?') else xml)
    wb += '</sheets></workbook>'
    if sst is not None:
        rels += '<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'+''.join('<si><t>%s</t></si>'%s for s in sst)+'</sst>')
    if styles is not None:
        rels += '<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        z.writestr('xl/styles.xml', styles)
    rels += rels_extra + '</Relationships>'
    z.writestr('xl/workbook.xml', wb)
    z.writestr('xl/_rels/workbook.xml.rels', rels)
    z.close()
styles = '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellStyleXfs><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs></styleSheet>'
rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>flag</t></is></c><c r="D1" t="s"><v>2</v></c></row>'
rows += '<row r="3"><c r="A3"><v>123456789012</v></c><c r="B3" s="1"><v>45292</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>3</v></c></row>'
rows += '<row r="4"><c r="A4"><v>1.5E+3</v></c><c r="B4" s="2"><v>45292.5</v></c><c r="D4" t="e"><v>#N/A</v></c></row>'
book('a.xlsx', [('Hidden','<row r="1"><c r="A1"><v>9</v></c></row>','hidden'), ('Data', rows, None)], sst=['Case ID','Date','Notes','=cmd|x'], styles=styles)
book('b1904.xlsx', [('S', '<row><c t="inlineStr"><is><t>d</t></is></c></row><row><c s="1"><v>0</v></c></row><row><c s="1"><v>43830</v></c></row>', None)], styles=styles, date1904=True)
book('merge.xlsx', [('S', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>', None)])
book('laughs.xlsx', [('S', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>', None)])
book('wide.xlsx', [('S', '<row><c t="inlineStr"><is><t>a</t></is></c><c r="XFD1"><v>1</v></c></row><row r="2"><c r="XFE2"><v>1</v></c></row>', None)])

# hostile.py OUTDIR: makes the hostile workbooks of tests/hostile/xlsx. Run once
# by hand (python3, no packages); the files it made are shipped, and no test runs it.
import zipfile, struct, sys, os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'mk.py')).read().split('styles = ')[0])
out = sys.argv[1]
hdr = '<row r="1"><c r="A1" t="inlineStr"><is><t>Case ID</t></is></c></row>'
# ZIP bomb: a 200 MB sheet compressed about 1000 times
big = '<row r="2"><c r="A2" t="inlineStr"><is><t>' + 'a' * (200 << 20) + '</t></is></c></row>'
book(out + '/bomb.xlsx', [('S', hdr + big, None)])
# a bomb that lies: the archive says the sheet is 2,000 bytes
src = out + '/bomb.xlsx'
data = bytearray(open(src, 'rb').read())
z = zipfile.ZipFile(src)
info = z.getinfo('xl/worksheets/sheet1.xml')
z.close()
# local header: uncompressed size at offset 22
lo = info.header_offset
data[lo + 22: lo + 26] = struct.pack('<I', 2000)
cd = data.find(b'PK\x01\x02' + bytes(0))
while cd >= 0:
    n = struct.unpack('<H', data[cd + 28: cd + 30])[0]
    name = bytes(data[cd + 46: cd + 46 + n])
    if name == b'xl/worksheets/sheet1.xml':
        data[cd + 24: cd + 28] = struct.pack('<I', 2000)
    cd = data.find(b'PK\x01\x02', cd + 4)
open(out + '/bomb-lies.xlsx', 'wb').write(data)
# billion laughs in the shared strings
laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10) for i in range(1, 10)) + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
book(out + '/laughs.xlsx', [('S', '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', None)], rels_extra='<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
z = zipfile.ZipFile(out + '/laughs.xlsx', 'a')
z.writestr('xl/sharedStrings.xml', laughs)
z.close()
# the same entities in the sheet itself
book(out + '/laughs-sheet.xlsx', [('S', laughs.replace('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'), None)])
# a cell of 1 MB (Excel's limit is 32,767 characters)
book(out + '/bigcell.xlsx', [('S', hdr + '<row r="2"><c r="A2" t="inlineStr"><is><t>' + 'b' * (1 << 20) + '</t></is></c></row>', None)])
# 16,384 columns, then a cell beyond XFD
def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
wide = '<row r="1">' + ''.join('<c r="%s1"><v>%d</v></c>' % (col(i), i) for i in range(16384)) + '</row>'
book(out + '/wide.xlsx', [('S', wide + '<row r="2"><c r="XFE2"><v>1</v></c></row>', None)])
book(out + '/nosst.xlsx', [('S', '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', None)], sst=['a'])
# a ZIP that is not one, and a truncated workbook
open(out + '/badzip.xlsx', 'wb').write(b'PK\x03\x04' + bytes(range(256)) * 4)
good = open(out + '/nosst.xlsx', 'rb').read()
open(out + '/truncated.xlsx', 'wb').write(good[: len(good) // 2])
# a legacy .xls (OLE2 signature)
open(out + '/legacy.xlsx', 'wb').write(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) + bytes(4088))
# rows out of order, and a shared string that is not there
book(out + '/disorder.xlsx', [('S', '<row r="5"><c r="A5"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>', None)])
book(out + '/nosst.xlsx', [('S', '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', None)], sst=['a'])

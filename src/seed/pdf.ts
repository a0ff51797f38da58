/**
 * A tiny, valid one-page PDF with Chinese text, written by hand so the seed needs no PDF library at
 * run time. The font is the standard non-embedded Adobe-GB1 `STSong-Light` (every PDF reader maps it);
 * a ToUnicode map makes the text extractable without the reader's CMap files.
 */
const toUtf16Hex = (text: string): string =>
  [...text]
    .map((char) => char.codePointAt(0)!)
    .filter((code) => code <= 0xffff)
    .map((code) => code.toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase()

const TO_UNICODE_CMAP = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identity-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<0000> <FFFF>',
  'endcodespacerange',
  '1 beginbfrange',
  '<0000> <FFFF> <0000>',
  'endbfrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n')

const pageContent = (lines: string[]): string =>
  [
    'BT',
    '/F1 16 Tf',
    '20 TL',
    '56 780 Td',
    ...lines.map((line, index) => `${index === 0 ? '' : 'T* '}<${toUtf16Hex(line)}> Tj`),
    'ET',
  ].join('\n')

const stream = (body: string): string => `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`

/** Lines longer than a page is wide are wrapped by character count (CJK glyphs are one em wide). */
const wrap = (lines: string[], width = 30): string[] =>
  lines.flatMap((line) => {
    const chars = [...line]
    const rows: string[] = []
    for (let start = 0; start < chars.length; start += width) rows.push(chars.slice(start, start + width).join(''))
    return rows.length > 0 ? rows : ['']
  })

export const buildTextPdf = (title: string, lines: string[]): Buffer => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(pageContent(wrap([title, '', ...lines]))),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    stream(TO_UNICODE_CMAP),
  ]
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/**
 * Hostile files, generated (issue 20): zip bombs dressed as DOCX or XLSX (honest, or lying about their sizes in
 * the headers), a PDF with very many pages, and a PDF whose one content stream inflates to hundreds of MB.
 * Used by the unit and HTTP tests (small sizes, small limits) and by the attack suite (the sizes the attack run
 * measured on main).
 */
import { crc32, createDeflate, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX whose word/document.xml is `paragraphs` paragraphs of text. */
export function docxOf(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  return docxWithDocument(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
}

/** A zip container of deflated entries, written here with node:zlib (fast, and sizes stated truthfully). */
function zipOf(entries: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data, { level: 6 });
    const fileName = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, fileName, packed);
    centrals.push(central, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function docxWithDocument(document: string | Buffer): Buffer {
  return zipOf([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/document.xml', document],
  ]);
}

const made = new Map<number, Promise<Buffer>>();

/** A DOCX whose document.xml expands to about `expandedMb` MB of one repeated paragraph (made once per size). */
export function zipBombDocx(expandedMb: number): Promise<Buffer> {
  const bomb = made.get(expandedMb) ?? makeZipBomb(expandedMb);
  made.set(expandedMb, bomb);
  return bomb;
}

function makeZipBomb(expandedMb: number): Promise<Buffer> {
  const para = Buffer.from('<w:p><w:r><w:t>本机关依法公开政府信息。</w:t></w:r></w:p>');
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const body = Buffer.alloc(expandedMb * MB - head.length - tail.length);
  for (let i = 0; i + para.length <= body.length; i += para.length) para.copy(body, i);
  const document = Buffer.concat([head, body.fill(0x20, body.length - (body.length % para.length)), tail]);
  return Promise.resolve(docxWithDocument(document));
}

/**
 * The same container with every declared uncompressed size rewritten to `declared` bytes (local headers and
 * central directory), so a reader that trusts the headers is fooled.
 */
export function lyingSizes(zip: Buffer, declared = 1024): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(declared, i + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(declared, i + 24);
  }
  return out;
}

/** A zip container holding `count` tiny entries. */
export const manyEntriesZip = (count: number): Buffer =>
  zipOf([
    ['[Content_Types].xml', CONTENT_TYPES],
    ...Array.from({ length: count }, (_, i): [string, string] => [`word/media/p${i}.xml`, '<a/>']),
  ]);

/** A PDF from numbered object bodies (object n = bodies[n-1]), with a correct cross-reference table. */
function pdfOf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.from(body),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(obj);
    at += obj.length;
  });
  const xref =
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A PDF of `pages` pages, each showing one short line of text. */
export function manyPagesPdf(pages: number): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Annual report page) Tj ET';
  const first = 5; // objects 1–4: catalog, page tree, font, content
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    FONT,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...Array.from(
      { length: pages },
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
    ),
  ]);
}

/** A one-page PDF whose content stream (FlateDecode) inflates to about `expandedMb` MB of text operators. */
export async function inflatingPdf(expandedMb: number): Promise<Buffer> {
  const chunk = Buffer.from('BT /F1 12 Tf 72 720 Td (x) Tj ET\n'.repeat(Math.ceil(MB / 33)));
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < expandedMb; i++) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const stream = Buffer.concat(out);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

/**
 * Bytes → string. Published reports arrive as UTF-8 (most portals), GB18030/GBK (older sites and
 * files saved on Windows) or, rarely, UTF-16 with a BOM. Decoding never throws: a file that is not valid
 * UTF-8 is read as GB18030, which accepts every byte sequence.
 */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

interface Decoded {
  text: string;
  encoding: Encoding;
}

/** A `<meta charset>` hint in the first bytes of an HTML page, when there is one. */
function charsetHint(bytes: Uint8Array): Encoding | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  const m = /charset\s*=\s*["']?\s*([a-z0-9_-]+)/.exec(head);
  if (!m) return undefined;
  const name = m[1] ?? '';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(name)) return 'gb18030';
  if (/^utf-?8$/.test(name)) return 'utf-8';
  return undefined;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const hint = charsetHint(bytes);
  if (hint === 'gb18030') {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

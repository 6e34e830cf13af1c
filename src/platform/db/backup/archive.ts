/**
 * The backup file: a POSIX tar archive (readable with `tar -tf`) of regular files — manifest.json first, then
 * the database copy. Files are streamed in chunks, so a large database is never held in memory.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;
const CHUNK = 1 << 20;

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const field = (value: string, offset: number, length: number) => h.write(value, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  field(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
  );
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

export type Entry = { name: string; data: Buffer } | { name: string; path: string };

/** Writes the entries to `file` (created or truncated). */
export function writeArchive(file: string, entries: Entry[]): void {
  const out = openSync(file, 'w', 0o600);
  try {
    for (const entry of entries) {
      if ('data' in entry) {
        writeSync(out, header(entry.name, entry.data.length));
        writeSync(out, entry.data);
        writeSync(out, Buffer.alloc((BLOCK - (entry.data.length % BLOCK)) % BLOCK));
        continue;
      }
      const input = openSync(entry.path, 'r');
      try {
        const size = fstatSync(input).size;
        writeSync(out, header(entry.name, size));
        const buffer = Buffer.alloc(CHUNK);
        for (let done = 0; done < size;) {
          const n = readSync(input, buffer, 0, Math.min(CHUNK, size - done), done);
          if (n === 0) throw new Error(`${entry.path} 在写入备份时变短了`);
          writeSync(out, buffer, 0, n);
          done += n;
        }
        writeSync(out, Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK));
      } finally {
        closeSync(input);
      }
    }
    writeSync(out, Buffer.alloc(BLOCK * 2));
  } finally {
    closeSync(out);
  }
}

/** The archive's entries: name, where the content starts and its size. Throws on what is not such an archive. */
export function listArchive(file: string): { name: string; offset: number; size: number }[] {
  const input = openSync(file, 'r');
  try {
    const total = fstatSync(input).size;
    const out: { name: string; offset: number; size: number }[] = [];
    const h = Buffer.alloc(BLOCK);
    for (let at = 0; at + BLOCK <= total;) {
      readSync(input, h, 0, BLOCK, at);
      if (h.every((b) => b === 0)) return out;
      if (h.toString('ascii', 257, 262) !== 'ustar') throw new Error('不是备份文件（tar 头不符）');
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      if (!Number.isFinite(size) || at + BLOCK + size > total) throw new Error('备份文件不完整');
      out.push({ name, offset: at + BLOCK, size });
      at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    throw new Error('备份文件不完整（缺少结尾）');
  } finally {
    closeSync(input);
  }
}

/** Reads one entry into memory (the manifest) — small entries only. */
export function readEntry(file: string, entry: { offset: number; size: number }): Buffer {
  const input = openSync(file, 'r');
  try {
    const data = Buffer.alloc(entry.size);
    readSync(input, data, 0, entry.size, entry.offset);
    return data;
  } finally {
    closeSync(input);
  }
}

/** Copies one entry to a file of its own, in chunks. */
export function extractEntry(file: string, entry: { offset: number; size: number }, to: string): void {
  const input = openSync(file, 'r');
  const out = openSync(to, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let done = 0; done < entry.size;) {
      const n = readSync(input, buffer, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
      writeSync(out, buffer, 0, n);
      done += n;
    }
  } finally {
    closeSync(input);
    closeSync(out);
  }
}

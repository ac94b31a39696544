// The entries of an .xlsx (a zip), inflated by Node's own zlib. A JavaScript inflater (fflate,
// JSZip's pako) runs at interpreter speed in a fresh worker thread until the JIT warms up, which
// was a third of a batch's first round (bench: BENCH_ONLY=batch); zlib is native from the first
// byte. Only what a spreadsheet writer produces is read: one disk, no zip64, no encryption,
// stored or deflated entries. Anything else is Unsure and left to exceljs.
import { inflateRawSync } from 'node:zlib';
import { Unsure } from './xml';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  /** CRC-32 and length of the inflated bytes, as the directory states them: what identifies a
   * part that recurs from file to file (every form of a district has the same styles). */
  id: string;
  /** The entry inflated, as text (UTF-8). */
  text(): string;
}

/**
 * The records of a zip's central directory, by offset, with the offset of each entry's local
 * header. Also used by the fixture scripts (scripts/appendix-writer.ts) to make zips reproducible.
 */
export function* centralDirectory(buf: Buffer): Generator<{ at: number; local: number }> {
  // The end record sits in the last 22 bytes, or before a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Unsure('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || buf.readUInt16LE(end + 4) !== 0) throw new Unsure('zip64 or multi-disk');
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new Unsure('central directory');
    yield { at, local: buf.readUInt32LE(at + 42) };
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

/** Where an entry's data starts, after its local header (checked). */
export function dataStart(buf: Buffer, local: number): number {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new Unsure('local header');
  return local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
}

export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const out = new Map<string, ZipEntry>();
  for (const { at, local } of centralDirectory(buf)) {
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const inflated = buf.readUInt32LE(at + 24);
    const name = buf.toString('utf8', at + 46, at + 46 + buf.readUInt16LE(at + 28));
    if (flags & 1) throw new Unsure('encrypted entry');
    out.set(name, {
      id: `${crc}:${inflated}`,
      text: () => {
        const start = dataStart(buf, local);
        if (start + size > buf.length) throw new Unsure('entry cut short');
        const data = buf.subarray(start, start + size);
        if (method === 0) return data.toString('utf8');
        if (method !== 8) throw new Unsure(`compression ${method}`);
        return inflateRawSync(data).toString('utf8');
      },
    });
  }
  return out;
}

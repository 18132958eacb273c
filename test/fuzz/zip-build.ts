import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

/** One zip entry, compressed already. */
export interface DeflatedEntry { name: string; deflated: Uint8Array; size: number; crc: number }

/**
 * An entry whose content is `blocks` blocks, each compressed as soon as it is
 * made (by node's zlib: fflate's pure-JS deflate takes minutes over a hundred
 * megabytes), so only the compressed bytes are ever held. `crc: false` leaves
 * the checksum 0 for payloads of gigabytes, where computing it costs more
 * than the test: no reader here gets as far as checking it.
 */
export async function deflatedEntry(name: string, blocks: number, block: (i: number) => Uint8Array, crc = true): Promise<DeflatedEntry> {
  const deflate = createDeflateRaw({ level: 1 });
  const compressed: Buffer[] = [];
  deflate.on('data', (c: Buffer) => compressed.push(c));
  const ended = once(deflate, 'end');
  let size = 0;
  let sum = 0;
  for (let i = 0; i < blocks; i++) {
    const bytes = block(i);
    size += bytes.length;
    if (crc) sum = crc32(sum, bytes);
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(compressed), size, crc: sum };
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A zip of small files (compressed here) and entries deflated already, written by hand. */
export function zipWith(files: Record<string, Uint8Array>, ...deflated: DeflatedEntry[]): Uint8Array {
  const entries = [
    ...Object.entries(files).map(([name, data]) => ({ name, deflated: deflateSync(data), size: data.length, crc: crc32(0, data) })),
    ...deflated,
  ];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.deflated.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.deflated.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, e.deflated);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...central, new Uint8Array(end.buffer)]);
}

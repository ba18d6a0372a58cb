/**
 * Reads a PNG into RGBA pixels, enough for the screenshots browsers write (8-bit RGB or RGBA, not
 * interlaced): tests compare what two screenshots show without an image library.
 */
import { unzlibSync } from 'fflate';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, row after row. */
  readonly data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether `bytes` start with the PNG signature. */
export const isPng = (bytes: Uint8Array): boolean => SIGNATURE.every((byte, i) => bytes[i] === byte);

/** Decodes a PNG; throws on one this reader does not handle, naming why. */
export function readPng(bytes: Uint8Array): Pixels {
  if (!isPng(bytes)) throw new Error('not a PNG: no signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, chunk) => n + chunk.length, 0));
  idat.reduce((offset, chunk) => (joined.set(chunk, offset), offset + chunk.length), 0);
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) unfilter(raw, y * (stride + 1), rows, y * stride, stride, channels);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < data.length; i += 4, j += channels) {
    data[i] = rows[j]!;
    data[i + 1] = rows[j + 1]!;
    data[i + 2] = rows[j + 2]!;
    data[i + 3] = channels === 4 ? rows[j + 3]! : 255;
  }
  return { width, height, data };
}

/** Undoes one row's filter (PNG spec, section 9), reading the row above from `out`. */
function unfilter(raw: Uint8Array, from: number, out: Uint8Array, to: number, stride: number, bpp: number): void {
  const filter = raw[from];
  for (let x = 0; x < stride; x++) {
    const value = raw[from + 1 + x]!;
    const left = x >= bpp ? out[to + x - bpp]! : 0;
    const up = to >= stride ? out[to + x - stride]! : 0;
    const upLeft = x >= bpp && to >= stride ? out[to + x - stride - bpp]! : 0;
    let predicted = 0;
    if (filter === 1) predicted = left;
    else if (filter === 2) predicted = up;
    else if (filter === 3) predicted = (left + up) >> 1;
    else if (filter === 4) predicted = paeth(left, up, upLeft);
    out[to + x] = (value + predicted) & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The smallest box holding every pixel that differs between two images of one size. */
export function differingBox(a: Pixels, b: Pixels): { x: number; y: number; width: number; height: number } | null {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images of different sizes');
  let [left, top, right, bottom] = [a.width, a.height, -1, -1];
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2]) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  return right < 0 ? null : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** How many distinct colours an image has: a blank or failed page has a handful. */
export function colourCount(image: Pixels): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4)
    seen.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
  return seen.size;
}

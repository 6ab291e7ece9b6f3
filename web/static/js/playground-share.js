// playground-share.js: share links. The SQL, and optionally a database
// image, travel in the URL's fragment, which the browser never sends to a
// server: deflate-raw compressed (CompressionStream), base64url encoded.
//
// The packed bytes are: a format byte (1), the SQL's length in UTF-8 bytes
// as a 4-byte big-endian number, the SQL, then the database image, if any.

// prefix starts the fragment of a share link.
export const prefix = "#share=";

const format = 1;

// maxUnpacked bounds what a link may expand to, so a crafted link cannot
// exhaust memory.
const maxUnpacked = 64 << 20;

// ShareError says why a link cannot be opened.
export class ShareError extends Error {}

// isShareLink reports whether hash (location.hash) holds a share.
export function isShareLink(hash) {
  return hash.startsWith(prefix);
}

// encodeShare returns the fragment (with its "#") sharing sql and image
// (a Uint8Array, or null for the SQL alone), and the compressed size.
export async function encodeShare(sql, image) {
  const text = new TextEncoder().encode(sql);
  const packed = new Uint8Array(5 + text.length + (image ? image.length : 0));
  packed[0] = format;
  new DataView(packed.buffer).setUint32(1, text.length);
  packed.set(text, 5);
  if (image) packed.set(image, 5 + text.length);
  const compressed = await deflate(packed);
  return { fragment: prefix + toBase64url(compressed), size: compressed.length };
}

// decodeShare returns {sql, image} from a share fragment; image is null
// when the link holds SQL only. It throws a ShareError saying what is wrong.
export async function decodeShare(hash) {
  if (!isShareLink(hash)) throw new ShareError("it is not a dbtour share link");
  const packed = await inflate(fromBase64url(hash.slice(prefix.length)));
  if (packed.length < 5 || packed[0] !== format) throw new ShareError("its contents are not in a format this page knows");
  const length = new DataView(packed.buffer, packed.byteOffset).getUint32(1);
  if (5 + length > packed.length) throw new ShareError("its SQL is cut short");
  let sql;
  try {
    sql = new TextDecoder("utf-8", { fatal: true }).decode(packed.subarray(5, 5 + length));
  } catch {
    throw new ShareError("its SQL is not valid text");
  }
  const rest = packed.subarray(5 + length);
  return { sql, image: rest.length > 0 ? rest.slice() : null };
}

// deflate compresses bytes with deflate-raw.
async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// inflate decompresses deflate-raw bytes, refusing more than maxUnpacked.
// The bound holds while inflating, not only after: the compressed bytes go
// in one small slice at a time, as the output is read, and deflate expands
// a slice at most about 1,032 times, so no more than maxUnpacked plus about
// a megabyte is ever held. (Given the whole link at once, a browser
// inflated all of it before the first read: a 1.4 MB link held 1 GB.)
async function inflate(bytes) {
  const reader = sliced(bytes).pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxUnpacked) {
        reader.cancel();
        throw new ShareError("it expands to more than 64 MB");
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw new ShareError("it is damaged or cut short (it does not decompress)");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// sliceBytes is how much compressed input inflate hands on at a time.
const sliceBytes = 1024;

// sliced is a stream of bytes in slices of sliceBytes, each made only when
// the stream's reader asks for more (no buffer ahead: highWaterMark 0).
function sliced(bytes) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + sliceBytes));
      at += sliceBytes;
    },
  }, { highWaterMark: 0 });
}

// toBase64url encodes bytes as base64url without padding.
function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// fromBase64url decodes base64url, with or without padding.
function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new ShareError("it holds characters a share link never has (was it copied whole?)");
  }
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

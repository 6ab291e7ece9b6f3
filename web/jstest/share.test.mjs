// share.test.mjs: share links (web/static/js/playground-share.js) under
// Node, including the hostile ones of docs/hostile.md: a link that inflates
// to gigabytes must be refused while it inflates, with the memory held
// bounded, and a damaged link must say so. Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { load } from "./modules.mjs";

const share = await load("playground-share.js");

// link is a share fragment holding the packed bytes, compressed.
const link = (packed) => share.prefix + zlib.deflateRawSync(packed, { level: 9 }).toString("base64url");

test("a share link round-trips its SQL and image", async () => {
  const image = new Uint8Array([83, 81, 76, 0, 1, 2]);
  const { fragment } = await share.encodeShare("select 'é';", image);
  const got = await share.decodeShare(fragment);
  assert.equal(got.sql, "select 'é';");
  assert.deepEqual(got.image, image);
});

// EagerDecompressionStream inflates each chunk written to it whole before
// the next read, as Chromium's DecompressionStream does (Node's own hands
// its output on in pieces, which hid the defect): a link given to it in one
// chunk was held inflated in full before the size check ran.
class EagerDecompressionStream extends TransformStream {
  constructor() {
    const inflater = zlib.createInflateRaw();
    const out = [];
    let fail = () => {};
    inflater.on("data", (d) => out.push(d));
    inflater.on("error", (err) => fail(err));
    const drain = (controller) => {
      for (const d of out.splice(0)) controller.enqueue(new Uint8Array(d));
    };
    super({
      transform(chunk, controller) {
        return new Promise((resolve, reject) => {
          fail = reject;
          inflater.write(chunk, () => setImmediate(() => { drain(controller); resolve(); }));
        });
      },
      flush(controller) {
        return new Promise((resolve) => inflater.end(() => { drain(controller); resolve(); }));
      },
    });
  }
}

test("a link that inflates to 256 MB is refused while inflating, its memory bounded", async () => {
  const packed = Buffer.alloc(256 << 20); // zeros: about 250 KB compressed
  packed[0] = 1;
  const fragment = link(packed);
  const native = globalThis.DecompressionStream;
  globalThis.DecompressionStream = EagerDecompressionStream;
  const before = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const watch = setInterval(() => { peak = Math.max(peak, process.memoryUsage().arrayBuffers - before); }, 2);
  try {
    await assert.rejects(share.decodeShare(fragment), { message: "it expands to more than 64 MB" });
  } finally {
    clearInterval(watch);
    globalThis.DecompressionStream = native;
  }
  peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
  assert.ok(peak < 150 << 20, `held ${(peak / (1 << 20)).toFixed(0)} MB while inflating`);
});

for (const [name, fragment, message] of [
  ["not a share link", "#other", "it is not a dbtour share link"],
  ["characters a link never has", share.prefix + "ab$cd", "it holds characters a share link never has (was it copied whole?)"],
  ["damaged compressed bytes", share.prefix + Buffer.from("not deflate at all").toString("base64url"), "it is damaged or cut short (it does not decompress)"],
  ["an unknown format", link(Buffer.from([9, 0, 0, 0, 0])), "its contents are not in a format this page knows"],
  ["SQL longer than the link", link(Buffer.from([1, 0, 0, 1, 0, 65])), "its SQL is cut short"],
  ["SQL that is not UTF-8", link(Buffer.from([1, 0, 0, 0, 2, 0xff, 0xfe])), "its SQL is not valid text"],
]) {
  test(`a share link: ${name}`, async () => {
    await assert.rejects(share.decodeShare(fragment), { message });
  });
}

// The share-link decoder's fuzz test: mutated links (bytes flipped, cut,
// grown) must decode or be refused with a ShareError, never throw
// anything else. A seeded generator makes every run the same.
test("mutated share links decode or are refused with a ShareError", async () => {
  let seed = 42;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const { fragment } = await share.encodeShare("create table t(x); insert into t values ('é');", new Uint8Array(300).fill(7));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/$";
  for (let i = 0; i < 3000; i++) {
    let body = fragment.slice(share.prefix.length);
    for (let m = 0; m <= random(4); m++) {
      const at = random(body.length + 1);
      switch (random(3)) {
        case 0: body = body.slice(0, at) + alphabet[random(alphabet.length)] + body.slice(at + 1); break;
        case 1: body = body.slice(0, at); break;
        default: body = body.slice(0, at) + alphabet[random(alphabet.length)] + body.slice(at);
      }
    }
    try {
      await share.decodeShare(share.prefix + body);
    } catch (err) {
      assert.ok(err instanceof share.ShareError, `${body}: ${err}`);
    }
  }
});

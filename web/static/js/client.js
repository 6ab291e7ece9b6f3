// client.js: a page's connection to the engine's worker (worker.js), for
// lesson pages and the playground alike.

// Engine sends requests to the worker, one reply per request matched by
// id. It keeps the latest checkpoint the worker posts (the database as it
// was before the work under way) so that when it must replace the worker
// (Stop, or an engine that died) the new one starts from that state.
export class Engine {
  // engine names the engine file the worker loads: "engine.wasm";
  // "engine-orm.wasm" for pages that run example programs;
  // "engine-go.wasm" for programs a reader edited (see handOver).
  constructor(workerURL, engine = "engine.wasm") {
    this.workerURL = workerURL;
    this.engine = engine;
    this.nextID = 1;
    this.pending = new Map();
    this.checkpoint = null;
    this.start();
  }

  // start starts a worker on the engine, restoring the kept checkpoint.
  start() {
    this.broken = false;
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => this.settle(data);
    this.worker.onerror = (ev) => {
      this.broken = true;
      this.failAll(ev.message || "the engine worker failed");
    };
    // Their failures reach the requests after them (the worker says why
    // it has no engine), so no one needs to wait on these two; loaded
    // says when (and whether) the engine started.
    this.loaded = this.post("load", { engine: this.engine });
    this.loaded.catch(() => {});
    if (this.checkpoint) this.post("restore", this.checkpoint).catch(() => {});
  }

  // call asks the worker to do op with args (their ArrayBuffers in
  // transfer are moved, not copied) and resolves with the reply's value.
  // It rejects when the request failed; after the engine itself died the
  // error has dead set and a new worker is already starting.
  call(op, args = {}, transfer = []) {
    if (this.broken) this.restart();
    return this.post(op, args, transfer);
  }

  post(op, args, transfer = []) {
    const id = this.nextID++;
    const held = this.checkpoint ? this.checkpoint.key : undefined;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...args, op, id, held }, transfer);
    });
  }

  // handOver moves this engine's database and the states it keeps to
  // next, an Engine started on another engine file, and ends this one:
  // the page goes on with next. When next cannot start, the promise
  // rejects and this engine goes on with its database as it was (the
  // states it kept are run again when needed).
  async handOver(next) {
    await next.loaded;
    const states = await this.call("handOver");
    const buffers = [states.image, ...states.images.map(([, kept]) => kept.image)].filter(Boolean).map((image) => image.buffer);
    await next.call("adopt", states, [...new Set(buffers)]);
    next.checkpoint = this.checkpoint;
    this.close(`moved to ${next.engine}`);
  }

  // close ends the worker; pending requests reject with why.
  close(why = "closed") {
    this.worker.terminate();
    this.failAll(why);
  }

  // stop abandons whatever the worker is doing, even a query that never
  // yields, by replacing it; pending requests reject with `stopped`.
  stop() {
    this.restart(stopped);
  }

  restart(why = stopped) {
    this.close(why);
    this.start();
  }

  settle({ id, checkpoint, value, error, dead }) {
    if (checkpoint) {
      this.checkpoint = checkpoint;
      return;
    }
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error === undefined) {
      p.resolve(value);
      return;
    }
    const err = new Error(error);
    if (dead) {
      err.dead = true;
      this.restart(error);
    }
    p.reject(err);
  }

  failAll(message) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

// stopped is the message of a request abandoned by stop.
export const stopped = "stopped";

// isStopped reports whether err is a request abandoned by stop.
export function isStopped(err) {
  return err instanceof Error && err.message === stopped;
}

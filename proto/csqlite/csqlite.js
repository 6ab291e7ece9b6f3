// csqlite.js: loads the engine prototype, whose SQLite is clang-built wasm
// (sqlite3-side.wasm) living in engine.wasm's own memory (design B). Load
// it after Go's wasm_exec.js and before engine.js; then
// `await dbtourCSQLite.load(url or bytes)` (or loadSync(bytes) in Node or a
// worker) before dbtour.open. It subclasses Go so that engine.js's
// `new Go()` supplies SQLite's exports as the Go program's "sqlite3"
// imports, and instantiates SQLite when the Go side asks for it
// (sqlite3host.load), with Go's exports as SQLite's imports.
(function () {
  "use strict";

  const here =
    (typeof document !== "undefined" && document.currentScript && document.currentScript.src) ||
    (typeof location !== "undefined" && location.href) || "";

  // stackSize is SQLite's C stack, between its data and its heap.
  const stackSize = 1 << 20;

  let side = null; // the compiled WebAssembly.Module of SQLite

  // load compiles SQLite: source is a URL (default: beside this script) or bytes.
  async function load(source) {
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
      side = await WebAssembly.compile(source);
    } else {
      side = await WebAssembly.compileStreaming(fetch(new URL(source || "sqlite3-side.wasm", here)));
    }
  }

  // loadSync compiles SQLite from bytes at once (Node, workers).
  function loadSync(bytes) {
    side = new WebAssembly.Module(bytes);
  }

  // memInfo reads the dylink.0 section's memory and table needs.
  function memInfo(module) {
    const [section] = WebAssembly.Module.customSections(module, "dylink.0");
    if (!section) throw new Error("csqlite: SQLite is not a side module (no dylink.0)");
    const bytes = new Uint8Array(section);
    let at = 0;
    const leb = () => {
      let v = 0, shift = 0, b;
      do { b = bytes[at++]; v |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
      return v >>> 0;
    };
    while (at < bytes.length) {
      const type = bytes[at++], size = leb(), end = at + size;
      if (type === 1) return { memSize: leb(), memAlign: 2 ** leb(), tableSize: leb() };
      at = end;
    }
    throw new Error("csqlite: dylink.0 has no memory info");
  }

  // instantiate lays SQLite out in the arena Go gave it (data, stack, then
  // the heap's first pool) and links it to Go's memory and exports.
  function instantiate(go, arena, size) {
    const { memSize, memAlign, tableSize } = memInfo(side);
    const align = (n, a) => Math.ceil(n / a) * a;
    const memBase = align(arena, Math.max(memAlign, 16));
    const stackTop = align(memBase + memSize + stackSize, 16);
    if (stackTop >= arena + size) throw new Error("csqlite: the arena is too small");
    const i32 = (value, mutable = false) => new WebAssembly.Global({ value: "i32", mutable }, value | 0);
    const table = new WebAssembly.Table({ initial: tableSize, element: "anyfunc" });
    const env = {
      memory: go.mem,
      __indirect_function_table: table,
      __memory_base: i32(memBase),
      __table_base: i32(0),
      __stack_pointer: i32(stackTop, true),
    };
    const got = { "GOT.mem": { __heap_base: i32(stackTop, true), __heap_end: i32(arena + size, true) }, "GOT.func": {} };
    for (const imp of WebAssembly.Module.imports(side)) {
      if (imp.kind !== "function" && imp.module !== "GOT.func") continue;
      const fn = go["sqlite3_env_" + imp.name];
      if (!fn) throw new Error(`csqlite: Go does not export sqlite3_env_${imp.name}`);
      if (imp.module === "env") env[imp.name] = fn;
      else got["GOT.func"][imp.name] = i32(table.grow(1, fn), true);
    }
    const { exports } = new WebAssembly.Instance(side, { env, ...got });
    exports.__wasm_apply_data_relocs();
    exports.__wasm_call_ctors();
    return exports;
  }

  // withSQLite subclasses Go: its "sqlite3" imports call SQLite's exports,
  // and "sqlite3host" instantiates SQLite when Go asks.
  function withSQLite(Go) {
    return class extends Go {
      constructor() {
        super();
        if (!side) throw new Error("csqlite: call dbtourCSQLite.load before starting the engine");
        let sq = null;
        const calls = {};
        for (const e of WebAssembly.Module.exports(side)) {
          if (e.kind !== "function") continue;
          let fn = null;
          calls[e.name] = (...args) => (fn ??= sq[e.name])(...args);
        }
        this.importObject.sqlite3 = calls;
        this.importObject.sqlite3host = {
          load: (arena, size) => {
            try {
              sq = instantiate(this._inst.exports, arena >>> 0, size >>> 0);
              return 0;
            } catch (err) {
              console.error(err);
              return -1;
            }
          },
        };
      }
    };
  }

  // Go is wrapped whether wasm_exec.js ran before this script or runs after.
  if (globalThis.Go) {
    globalThis.Go = withSQLite(globalThis.Go);
  } else {
    let wrapped;
    Object.defineProperty(globalThis, "Go", {
      configurable: true,
      get: () => wrapped,
      set: (Go) => { wrapped = withSQLite(Go); },
    });
  }

  globalThis.dbtourCSQLite = { load, loadSync };
})();

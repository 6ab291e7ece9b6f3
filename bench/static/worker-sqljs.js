// worker-sqljs.js: sql.js (npm, dist/sql-wasm.js) behind the benchmark's
// adapter, its wasm compiled while streaming as dbtour's is.
"use strict";
importScripts("sqljs/sql-wasm.js");

let SQL = null;
const adapter = {
  files: ["sqljs/sql-wasm.js", "sqljs/sql-wasm.wasm"],
  wasm: "sqljs/sql-wasm.wasm",
  compiledMark: "sqljs:compiled",
  load: () => initSqlJs({
    locateFile: (f) => "sqljs/" + f,
    instantiateWasm(imports, done) {
      WebAssembly.instantiateStreaming(fetch("sqljs/sql-wasm.wasm"), imports).then(({ instance, module }) => {
        performance.mark("sqljs:compiled");
        done(instance, module);
      });
      return {};
    },
  }).then((s) => { SQL = s; }),
  open: async () => new SQL.Database(),
  openFrom: async (data) => new SQL.Database(data),
  // ownMs runs a script; sql.js does not time its statements one by one.
  ownMs: (db, sql) => (db.exec(sql), null),
};

importScripts("workload.js");

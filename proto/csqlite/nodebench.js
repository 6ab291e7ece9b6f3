// nodebench.js: the browser benchmark's bulk workload (bench/static/workload.js)
// under Node, today's engine beside the prototype, side by side in one run.
//
//   node proto/csqlite/nodebench.js TODAY.wasm PROTO.wasm [rounds]
//
// Each engine runs in its own child process (a fresh V8, so the first
// round pays for compiling and tiering up, as a first visit does), the two
// alternating; each process runs the workload `rounds` times, each on a
// fresh database, and checks that both engines computed the same results.
// It prints every step's times and the medians' ratio.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const engineDir = path.join(root, "web", "static", "engine");

// workload loads bulk and digest from the browser benchmark's workload.js.
function workload() {
  const src = fs.readFileSync(path.join(root, "bench", "static", "workload.js"), "utf8");
  // The file also starts a worker's engine: give it one that never loads.
  const idle = { load: () => new Promise(() => {}) };
  return new Function("adapter", "postMessage", "onmessage", src + "\nreturn { bulk, digest };")(idle, () => {}, null);
}

// child runs the workload on one engine and prints JSON on stdout.
async function child(wasmPath, proto, rounds) {
  if (proto) {
    require(path.join(__dirname, "csqlite.js"));
    dbtourCSQLite.loadSync(fs.readFileSync(path.join(path.dirname(wasmPath), "sqlite3-side.wasm")));
  }
  require(path.join(engineDir, "wasm_exec.js"));
  require(path.join(engineDir, "engine.js"));
  const { bulk, digest } = workload();
  const wasm = fs.readFileSync(wasmPath);
  let t = performance.now();
  const options = { wasm, timeLimitMs: 600000 };
  const db0 = await dbtour.open(options);
  db0.exec("select 1");
  db0.close();
  const out = { start: performance.now() - t, rounds: [] };
  for (let r = 0; r < rounds; r++) {
    const db = await dbtour.open(options);
    const round = {};
    for (const [name, step] of bulk) {
      t = performance.now();
      const cpu = process.cpuUsage();
      const res = step(db);
      const used = process.cpuUsage(cpu);
      round[name] = { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, digest: digest(res) };
    }
    db.close();
    out.rounds.push(round);
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

// parent alternates the engines' processes and prints the table.
function parent(today, proto, rounds, procs) {
  const runs = { today: [], proto: [] };
  for (let p = 0; p < procs; p++) {
    for (const [name, wasm] of [["today", today], ["proto", proto]]) {
      const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0];
      const json = execFileSync(process.execPath, [__filename, "--child", wasm, name === "proto" ? "1" : "0", rounds],
        { maxBuffer: 1 << 26 }).toString();
      runs[name].push(JSON.parse(json));
      console.error(`${name} process ${p + 1}: done (load ${load})`);
    }
  }
  const steps = Object.keys(runs.today[0].rounds[0]);
  console.log(`| step | today first / later (ms) | proto first / later (ms) | today ÷ proto, later (wall / CPU) |`);
  console.log(`| --- | --- | --- | --- |`);
  const row = (label, a, b) => console.log(`| ${label} | ${a} | ${b} | |`);
  row("start (open + select 1)", median(runs.today.map((r) => r.start)).toFixed(0), median(runs.proto.map((r) => r.start)).toFixed(0));
  for (const s of steps) {
    const first = (e) => median(runs[e].map((r) => r.rounds[0][s].ms));
    const later = (e, k = "ms") => median(runs[e].flatMap((r) => r.rounds.slice(1).map((x) => x[s][k])));
    const d = new Set([...runs.today, ...runs.proto].flatMap((r) => r.rounds.map((x) => x[s].digest)));
    if (d.size !== 1) console.log(`| ${s}: RESULTS DIFFER ${[...d].join(" ")} | | | |`);
    const lt = later("today"), lp = later("proto");
    console.log(`| ${s} | ${first("today").toFixed(0)} / ${lt.toFixed(0)} | ${first("proto").toFixed(0)} / ${lp.toFixed(0)} | ${(lt / lp).toFixed(1)}× / ${(later("today", "cpu") / later("proto", "cpu")).toFixed(1)}× |`);
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4] === "1", Number(process.argv[5])).catch((e) => { console.error(e); process.exit(1); });
} else {
  const [today, proto, rounds = "3", procs = "2"] = process.argv.slice(2);
  if (!today || !proto) { console.error("usage: node nodebench.js TODAY.wasm PROTO.wasm [rounds] [processes]"); process.exit(2); }
  parent(path.resolve(today), path.resolve(proto), rounds, Number(procs));
}

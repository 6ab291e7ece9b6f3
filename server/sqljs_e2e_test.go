//go:build e2e

package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/chromedp/chromedp"
)

// sqljsPage is a page written for sql.js, in the style of its README, with
// its one loading line pointed at dbtour's sqljs.js instead of sql-wasm.js
// and its worker at sqljs-worker.js instead of worker.sql-wasm.js.
const sqljsPage = `<!doctype html>
<meta charset="utf-8">
<script src="/engine/sqljs.js"></script>
<script>
  initSqlJs({ locateFile: (file) => "/engine/" + file }).then((SQL) => {
    const db = new SQL.Database();
    db.run("CREATE TABLE test (col1, col2);");
    db.run("INSERT INTO test VALUES (?,?), (?,?)", [1, 111, 2, 222]);
    const stmt = db.prepare("SELECT * FROM test WHERE col1 BETWEEN $start AND $end");
    const rows = [stmt.getAsObject({ $start: 1, $end: 1 })];
    stmt.bind({ $start: 1, $end: 2 });
    while (stmt.step()) rows.push(stmt.getAsObject());
    stmt.free();
    db.create_function("add_js", (a, b) => a + b);
    const res = db.exec("SELECT add_js(7, 3), count(*) FROM test");
    const copy = new SQL.Database(db.export());
    const copied = copy.exec("SELECT count(*) FROM test")[0].values;
    const worker = new Worker("/engine/sqljs-worker.js");
    worker.onmessage = (event) => {
      if (event.data.id === 1) worker.postMessage({ id: 2, action: "exec", sql: "SELECT 40 + ? AS n", params: [2] });
      else window.result = { rows, res, copied, worker: event.data };
    };
    worker.postMessage({ id: 1, action: "open" });
  }, (err) => { window.result = { error: String(err) }; });
</script>`

// TestBrowserSqljsPage runs the sql.js-style page on dbtour's engine in
// Chromium and checks what the program computed.
func TestBrowserSqljsPage(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/engine/", http.StripPrefix("/engine/", http.FileServer(http.Dir("../web/static/engine"))))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(sqljsPage))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Poll[string]("window.result && JSON.stringify(window.result)"))
	if err != nil {
		t.Fatalf("waiting for the page's program to set window.result: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("result %s: %v", out, err)
	}
	var want map[string]any
	json.Unmarshal([]byte(`{
		"rows": [{"col1": 1, "col2": 111}, {"col1": 1, "col2": 111}, {"col1": 2, "col2": 222}],
		"res": [{"columns": ["add_js(7, 3)", "count(*)"], "values": [[10, 2]]}],
		"copied": [[2]],
		"worker": {"id": 2, "results": [{"columns": ["n"], "values": [[42]]}]}
	}`), &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the page computed %s, want %v", out, want)
	}
}

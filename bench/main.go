// Command bench measures dbtour's engine in headless Chromium side by side
// with sql.js, the engine most browser SQL playgrounds use: bytes over the
// wire, a lesson page's first contentful paint, cold start (unthrottled and
// on a 20 Mbit/s, 40 ms link) with its phases, warm start, the round trip of
// a lesson-sized query, and a bulk workload. Both engines run the same SQL
// (bench/static/workload.js), each in its own Web Worker, and their results
// must be equal. It prints one Markdown table, writes it to -out, and prints
// the performance budgets as pass/fail lines. With -proto it measures the
// engine prototype (proto/csqlite) as a third engine, in the same run.
//
// Run it with ./build.sh bench, which builds bin/dbtour first. dbtour's own
// server serves the lesson pages and the engine (precompressed brotli, as
// readers get it); this program serves the benchmark page and sql.js's dist
// files (compressed the same way) beside them, from one origin.
package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
)

//go:embed static
var static embed.FS

// lessonPath is the lesson page whose first contentful paint is measured.
const lessonPath = "/lessons/first-database/"

// config is what the command line sets.
type config struct {
	dbtour   string
	sqljs    string
	proto    string
	out      string
	runs     int
	bulkRuns int
	rtN      int
	chromium string
}

func main() {
	var c config
	flag.StringVar(&c.dbtour, "dbtour", "bin/dbtour", "the dbtour binary to serve the course and engine")
	flag.StringVar(&c.sqljs, "sqljs", "node_modules/sql.js/dist", "sql.js's dist folder (npm ci installs it)")
	flag.StringVar(&c.proto, "proto", "", "the engine prototype's out folder (./build.sh proto engine builds it), measured as a third engine")
	flag.StringVar(&c.out, "out", "bench/results.md", "write the Markdown table here")
	flag.IntVar(&c.runs, "runs", 5, "runs of each start-up and paint measurement")
	flag.IntVar(&c.bulkRuns, "bulk-runs", 3, "runs of the bulk workload")
	flag.IntVar(&c.rtN, "round-trips", 300, "round trips per run of the lesson query")
	flag.Parse()
	c.chromium = os.Getenv("CHROMIUM")
	if c.chromium == "" {
		c.chromium = "chromium"
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()

	upstream, stop, err := startDBTour(ctx, c.dbtour)
	if err != nil {
		return err
	}
	defer stop()
	sqljs, err := loadAssets(c.sqljs, map[string]string{"sql-wasm.js": "text/javascript", "sql-wasm.wasm": "application/wasm"})
	if err != nil {
		return fmt.Errorf("read sql.js (npm ci installs it): %w", err)
	}
	served := map[string]map[string]asset{"sqljs": sqljs}
	if c.proto != "" {
		proto, err := loadAssets(c.proto, map[string]string{
			"engine.wasm": "application/wasm", "sqlite3-side.wasm": "application/wasm", "../csqlite.js": "text/javascript"})
		if err != nil {
			return fmt.Errorf("read the prototype (./build.sh proto engine builds it): %w", err)
		}
		served["proto"] = proto
		engines = append(engines, "proto")
	}
	handler, err := newHandler(upstream, served)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	defer srv.Close()
	origin := "http://" + ln.Addr().String()
	slowLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	slowSrv := &http.Server{Handler: throttled.handler(handler)}
	go slowSrv.Serve(slowLn)
	defer slowSrv.Close()
	slowOrigin := "http://" + slowLn.Addr().String()

	staticBase, err := assetBase(origin)
	if err != nil {
		return err
	}
	browser, closeBrowser, _, err := newBrowser(ctx, c.chromium)
	if err != nil {
		return err
	}
	defer closeBrowser()

	query := "/bench/?static=" + url.QueryEscape(staticBase)
	m := &measurer{browser: browser, origin: origin, page: origin + query, slowPage: slowOrigin + query, lesson: origin + lessonPath, c: c}
	res, err := m.measure()
	if err != nil {
		return err
	}
	table := res.table()
	fmt.Print(table)
	fmt.Println()
	for _, b := range res.budgets() {
		fmt.Println(b)
	}
	if err := os.WriteFile(c.out, []byte(table), 0o644); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: table written to %s\n", c.out)
	if len(res.mismatches) > 0 {
		return fmt.Errorf("results differ between dbtour and sql.js:\n  %s", strings.Join(res.mismatches, "\n  "))
	}
	return nil
}

// startDBTour runs `dbtour serve` on a free loopback port and returns its
// URL once it answers /healthz.
func startDBTour(ctx context.Context, bin string) (*url.URL, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, fmt.Errorf("find a port: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.CommandContext(ctx, bin, "serve", "-addr", addr)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("start %s (./build.sh build makes it): %w", bin, err)
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	u := &url.URL{Scheme: "http", Host: addr}
	for range 600 { // it precomputes every lesson first: up to a minute on a busy machine
		if r, err := http.Get(u.String() + "/healthz"); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return u, stop, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	return nil, nil, fmt.Errorf("%s serve did not answer on %s", bin, addr)
}

// assetBase returns dbtour's versioned asset path (/static/VERSION/), as
// the lesson page links it.
func assetBase(origin string) (string, error) {
	r, err := http.Get(origin + lessonPath)
	if err != nil {
		return "", fmt.Errorf("get the lesson page: %w", err)
	}
	defer r.Body.Close()
	body, err := io.ReadAll(r.Body)
	if err != nil || r.StatusCode != http.StatusOK {
		return "", fmt.Errorf("get the lesson page %s: status %d, %v", lessonPath, r.StatusCode, err)
	}
	m := regexp.MustCompile(`static/[0-9a-f]+/`).Find(body)
	if m == nil {
		return "", errors.New("the lesson page links no /static/VERSION/ assets")
	}
	return "/" + string(m), nil
}

// asset is a file served with its brotli form beside it.
type asset struct {
	raw, br []byte
	ctype   string
}

// loadAssets reads an engine's files (name -> content type; served under
// the name's last element) and compresses them with brotli at its best
// level, as build.sh does for engine.wasm.
func loadAssets(dir string, files map[string]string) (map[string]asset, error) {
	out := map[string]asset{}
	for name, ctype := range files {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		var br bytes.Buffer
		w := brotli.NewWriterLevel(&br, brotli.BestCompression)
		if _, err := w.Write(raw); err != nil {
			return nil, fmt.Errorf("compress %s: %w", name, err)
		}
		if err := w.Close(); err != nil {
			return nil, fmt.Errorf("compress %s: %w", name, err)
		}
		out[filepath.Base(name)] = asset{raw: raw, br: br.Bytes(), ctype: ctype}
	}
	return out, nil
}

// newHandler serves the benchmark page and workers under /bench/, each of
// served's engines under /bench/ENGINE/ (sql.js, the prototype), and
// proxies everything else to dbtour.
func newHandler(upstream *url.URL, served map[string]map[string]asset) (http.Handler, error) {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		return nil, err
	}
	files := http.StripPrefix("/bench/", http.FileServerFS(sub))
	mux := http.NewServeMux()
	mux.Handle("/", httputil.NewSingleHostReverseProxy(upstream))
	mux.HandleFunc("/bench/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("/bench/{engine}/{name}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := served[r.PathValue("engine")][r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("Vary", "Accept-Encoding")
		body := a.raw
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			h.Set("Content-Encoding", "br")
			body = a.br
		}
		h.Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	})
	return mux, nil
}

// newBrowser starts headless Chromium with the flags the browser tests use.
func newBrowser(ctx context.Context, execPath string) (context.Context, func(), string, error) {
	dir, err := os.MkdirTemp("", "dbtour-bench-")
	if err != nil {
		return nil, nil, "", err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, cancel := chromedp.NewContext(alloc)
	closeAll := func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }
	if err := chromedp.Do(browser); err != nil {
		closeAll()
		return nil, nil, "", fmt.Errorf("start chromium (%s): %w", execPath, err)
	}
	return browser, closeAll, dir, nil
}

// throttled is the slow link of the throttled cold start: 20 Mbit/s down,
// 40 ms round trip.
var throttled = &link{rtt: 40 * time.Millisecond, rate: 20e6 / 8}

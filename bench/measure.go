package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// engines are the engines, in the order they are measured: the prototype
// ("proto") is added with -proto.
var engines = []string{"dbtour", "sqljs"}

// startup is one start of an engine in a new worker: milestones in ms
// since the worker was created, the engine's bytes as sent, and the first
// result's fingerprint.
type startup struct {
	Scripts    float64  `json:"scripts"`
	Downloaded float64  `json:"downloaded"`
	Compiled   float64  `json:"compiled"`
	Ready      float64  `json:"ready"`
	First      float64  `json:"first"`
	Bytes      float64  `json:"bytes"`
	WasmBytes  float64  `json:"wasmBytes"`
	Files      []string `json:"files"`
	Digest     string   `json:"digest"`
}

// roundTrips is one run of the round-trip measurement.
type roundTrips struct {
	Times  []float64 `json:"times"`
	Digest string    `json:"digest"`
}

// bulkStep is one step of the bulk workload.
type bulkStep struct {
	Name   string  `json:"name"`
	Ms     float64 `json:"ms"`
	Digest string  `json:"digest"`
}

// samples holds one measurement's runs, per engine.
type samples map[string][]float64

// results are all the measurements of one benchmark run.
type results struct {
	wasmBytes, bytes samples
	fcp              []float64
	cold, slow, warm map[string]samples // phase -> engine -> runs
	third            samples
	tiered           samples // on disk: second visit's first result after a first visit that tiered up
	plainSecond      samples // on disk: second visit's first result after a plain first visit
	cacheTiered      samples // bytes of V8's code cache on disk after a tiered-up first visit
	cachePlain       samples // the same after a plain first visit
	rtP50, rtP99     samples
	bulkNames        []string
	bulk             map[string]samples // step -> engine -> runs
	lessonNames      []string
	lesson           map[string]samples // lesson-page measurement -> engine -> runs
	scriptBytes      float64
	throttledCut     float64 // cells cut by a limit on the throttled visit
	workerThrottled  string  // whether the worker took the CPU throttling
	runBudgets       []string
	mismatches       []string
}

// measurer runs the measurements in one browser.
type measurer struct {
	browser  context.Context
	origin   string // the benchmark's server, which proxies dbtour's pages
	page     string // the benchmark page
	slowPage string // the same, served over the throttled link
	lesson   string
	c        config
	digests  map[string]map[string]string // check -> engine -> fingerprint
}

func (m *measurer) measure() (*results, error) {
	r := &results{
		wasmBytes: samples{}, bytes: samples{}, third: samples{}, tiered: samples{},
		plainSecond: samples{}, cachePlain: samples{}, cacheTiered: samples{},
		cold: map[string]samples{}, slow: map[string]samples{}, warm: map[string]samples{},
		rtP50: samples{}, rtP99: samples{}, bulk: map[string]samples{},
	}
	m.digests = map[string]map[string]string{}
	for i := range m.c.runs {
		progress("paint and start-up, run %d of %d", i+1, m.c.runs)
		fcp, err := m.firstPaint()
		if err != nil {
			return nil, err
		}
		r.fcp = append(r.fcp, fcp)
		for _, e := range engines {
			visits, err := m.visits(e, m.page, 3, 0)
			if err != nil {
				return nil, err
			}
			addPhases(r.cold, e, visits[0])
			addPhases(r.warm, e, visits[1])
			r.third[e] = append(r.third[e], visits[2].First)
			r.bytes[e] = append(r.bytes[e], visits[0].Bytes)
			r.wasmBytes[e] = append(r.wasmBytes[e], visits[0].WasmBytes)
			m.check("first result", e, visits[0].Digest)
		}
	}
	for i := range max(1, m.c.runs-2) {
		progress("throttled start-up, run %d of %d", i+1, max(1, m.c.runs-2))
		for _, e := range engines {
			visits, err := m.visits(e, m.slowPage, 1, 0)
			if err != nil {
				return nil, err
			}
			addPhases(r.slow, e, visits[0])
		}
	}
	if err := chromedp.Do(m.browser, chromedp.Navigate(m.page), chromedp.WaitReady(chromedp.CSS(`body[data-ready]`))); err != nil {
		return nil, fmt.Errorf("open the benchmark page: %w", err)
	}
	for i := range 3 {
		progress("round trips, run %d of 3", i+1)
		for _, e := range engines {
			var rt roundTrips
			if err := m.eval(m.browser, fmt.Sprintf("bench.roundTrip(%q, %d)", e, m.c.rtN), &rt); err != nil {
				return nil, err
			}
			r.rtP50[e] = append(r.rtP50[e], percentile(rt.Times, 0.50))
			r.rtP99[e] = append(r.rtP99[e], percentile(rt.Times, 0.99))
			m.check("round-trip result", e, rt.Digest)
		}
	}
	for i := range m.c.bulkRuns {
		progress("bulk workload, run %d of %d", i+1, m.c.bulkRuns)
		for _, e := range engines {
			var steps []bulkStep
			if err := m.eval(m.browser, fmt.Sprintf("bench.bulk(%q)", e), &steps); err != nil {
				return nil, err
			}
			for _, s := range steps {
				if r.bulk[s.Name] == nil {
					r.bulk[s.Name] = samples{}
					r.bulkNames = append(r.bulkNames, s.Name)
				}
				r.bulk[s.Name][e] = append(r.bulk[s.Name][e], s.Ms)
				m.check(s.Name, e, s.Digest)
			}
		}
	}
	for i := range max(1, m.c.runs-2) {
		progress("second visits in a browser profile on disk, with and without tier-up, run %d of %d", i+1, max(1, m.c.runs-2))
		for _, tierUp := range []int{0, tierUpMs} {
			second, cached, err := m.persistentVisits(tierUp)
			if err != nil {
				return nil, err
			}
			if tierUp > 0 {
				r.tiered["dbtour"] = append(r.tiered["dbtour"], second)
				r.cacheTiered["dbtour"] = append(r.cacheTiered["dbtour"], cached)
			} else {
				r.plainSecond["dbtour"] = append(r.plainSecond["dbtour"], second)
				r.cachePlain["dbtour"] = append(r.cachePlain["dbtour"], cached)
			}
		}
	}
	progress("lesson Runs on %s", heaviestLesson)
	if err := m.lessonRuns(r); err != nil {
		return nil, err
	}
	progress("%s under %d× CPU throttling", heaviestLesson, throttleRate)
	if err := m.throttledLesson(r); err != nil {
		return nil, err
	}
	progress("a pasted script of %d statements", scriptStatements)
	if err := m.scripts(r); err != nil {
		return nil, err
	}
	for check, by := range m.digests {
		for _, e := range engines[1:] {
			if by[e] != by["dbtour"] {
				r.mismatches = append(r.mismatches, fmt.Sprintf("%s: dbtour %s, %s %s", check, by["dbtour"], e, by[e]))
			}
		}
	}
	return r, nil
}

// check records an engine's fingerprint of a result; every engine must
// give the same one, and one engine the same one every run.
func (m *measurer) check(name, engine, digest string) {
	if m.digests[name] == nil {
		m.digests[name] = map[string]string{}
	}
	if old, ok := m.digests[name][engine]; ok && old != digest {
		digest = "changing between runs: " + old + ", " + digest
	}
	m.digests[name][engine] = digest
}

// addPhases appends one start-up's milestones to by phase.
func addPhases(by map[string]samples, engine string, s startup) {
	for phase, v := range map[string]float64{
		"downloaded": s.Downloaded, "compiled": s.Compiled, "ready": s.Ready, "first": s.First,
	} {
		if by[phase] == nil {
			by[phase] = samples{}
		}
		by[phase][engine] = append(by[phase][engine], v)
	}
}

// lingerMs is how long a visit's worker lives on after its first result,
// unless it is the last visit.
const lingerMs = 3000

// tierUpMs is how long a lesson page's worker exercises the engine's hot
// code on a first visit (tierUpMs in web/static/js/lesson.js).
const tierUpMs = 20000

// visits opens the benchmark page n times in a new, empty browser context
// (a first visit, then return visits with the browser's caches), starting
// engine once per visit; with tierUpMs, each visit but the last has the
// engine exercise its hot code that long, as a lesson page does.
func (m *measurer) visits(engine, page string, n, tierUpMs int) ([]startup, error) {
	ctx, cancel := chromedp.NewContext(m.browser, chromedp.WithNewBrowserContext())
	defer cancel()
	return m.visitsIn(ctx, engine, page, n, tierUpMs)
}

// visitsIn makes the visits of visits in the browser context of ctx.
func (m *measurer) visitsIn(ctx context.Context, engine, page string, n, tierUpMs int) ([]startup, error) {
	var out []startup
	for range n {
		if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS(`body[data-ready]`))); err != nil {
			return nil, fmt.Errorf("open the benchmark page: %w", err)
		}
		// The reader stays on a page before coming back: the worker lives
		// on for a while, which is when V8 tiers the hot code up and
		// writes its compiled-code cache for the next visit.
		stay, tierUp := lingerMs, tierUpMs
		if len(out) == n-1 {
			stay, tierUp = 0, 0
		}
		var s startup
		if err := m.eval(ctx, fmt.Sprintf("bench.startup(%q, %d, %d)", engine, stay, tierUp), &s); err != nil {
			return nil, err
		}
		out = append(out, s)
		time.Sleep(200 * time.Millisecond)
	}
	return out, nil
}

// firstPaint loads the lesson page in a new browser context and returns
// its first contentful paint in ms.
func (m *measurer) firstPaint() (float64, error) {
	ctx, cancel := chromedp.NewContext(m.browser, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(m.lesson)); err != nil {
		return 0, fmt.Errorf("open the lesson page: %w", err)
	}
	var fcp float64
	err := m.eval(ctx, `new Promise((resolve) => new PerformanceObserver((list) => {
		const e = list.getEntriesByName("first-contentful-paint")[0];
		if (e) resolve(e.startTime);
	}).observe({ type: "paint", buffered: true }))`, &fcp)
	return fcp, err
}

// eval runs a JavaScript expression that returns a promise in the page of
// ctx and decodes its result into out.
func (m *measurer) eval(ctx context.Context, js string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("%s: %w", js, err)
	}
	return decode(raw, out, js)
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// persistentVisits makes two visits of the benchmark page with dbtour in a
// new browser whose profile is on disk, as a reader's is (a new browser
// context keeps its caches in memory, where V8 may keep no compiled code):
// the first with tierUpMs of tier-up, the second measured. It returns the
// second visit's first result and the bytes of the code cache on disk
// between the two.
func (m *measurer) persistentVisits(tierUpMs int) (second, cacheBytes float64, err error) {
	browser, closeBrowser, dir, err := newBrowser(context.WithoutCancel(m.browser), m.c.chromium)
	if err != nil {
		return 0, 0, err
	}
	defer closeBrowser()
	if _, err := m.visitsIn(browser, "dbtour", m.page, 1, 0); err != nil {
		return 0, 0, err
	}
	var done bool
	if err := m.eval(browser, fmt.Sprintf("bench.tierUp(%d, %d)", tierUpMs, lingerMs), &done); err != nil {
		return 0, 0, err
	}
	cacheBytes = dirBytes(filepath.Join(dir, "Default", "Code Cache"))
	visits, err := m.visitsIn(browser, "dbtour", m.page, 1, 0)
	if err != nil {
		return 0, 0, err
	}
	return visits[0].First, cacheBytes, nil
}

// dirBytes adds up the sizes of the files under dir.
func dirBytes(dir string) float64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n)
}

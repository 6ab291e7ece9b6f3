package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// heaviestLesson is the lesson whose Runs are measured: 100,000 rows.
const heaviestLesson = "/lessons/indexes/"

// lessonRunsN is how many Runs of each cell are timed.
const lessonRunsN = 9

// scriptStatements makes the pasted script about 1 MB.
const scriptStatements = 4500

// lessonCell is a lesson page's cell as the measurement needs it: its
// place, its SQL and the SQL of the cells above.
type lessonCell struct {
	Index int      `json:"index"`
	SQL   string   `json:"sql"`
	Above []string `json:"above"`
	Times []float64
}

// pastedScript is one run of a pasted script.
type pastedScript struct {
	Bytes float64  `json:"bytes"`
	Ms    float64  `json:"ms"`
	OwnMs *float64 `json:"ownMs"`
}

// lessonRuns opens the heaviest lesson page, waits for its warm-up, and
// times Runs of its first, a middle and its last cell as a reader clicks
// them: from the click until the cell is no longer busy, every step
// between (worker, engine, rendering) included. Beside it, sql.js runs
// the same cell on the state the cells above leave, restored each time.
func (m *measurer) lessonRuns(r *results) error {
	ctx, cancel := chromedp.NewContext(m.browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 10*time.Minute)
	defer cancelTime()
	if err := m.openWarm(ctx, r, "heaviest lesson, unthrottled: warm-up done"); err != nil {
		return err
	}
	var cells []lessonCell
	if err := m.eval(ctx, `(() => {
		const all = Array.from(document.querySelectorAll("sql-cell"));
		return [0, all.length >> 1, all.length - 1].map((i) => ({
			index: i, sql: all[i].source, above: all.slice(0, i).map((c) => c.source) }));
	})()`, &cells); err != nil {
		return err
	}
	for _, c := range cells {
		var times []float64
		if err := m.eval(ctx, fmt.Sprintf(timeRuns, c.Index, lessonRunsN), &times); err != nil {
			return err
		}
		place := fmt.Sprintf("lesson Run, %s cell (%d)", placeName(c.Index, cells), c.Index)
		r.addLesson(place+" p50", "dbtour", percentile(times, 0.5))
		r.addLesson(place+" p95", "dbtour", percentile(times, 0.95))
		for _, e := range []string{"sqljs", "dbtour"} {
			if err := m.eval(m.browser, fmt.Sprintf("bench.cell(%q, %s, %s, %d)", e, jsString(c.Above), jsString(c.SQL), lessonRunsN), &times); err != nil {
				return err
			}
			if e == "sqljs" {
				r.addLesson(place+" p50", e, percentile(times, 0.5))
				r.addLesson(place+" p95", e, percentile(times, 0.95))
			}
			r.addLesson(place+": the cell alone, restored state, p50", e, percentile(times, 0.5))
		}
		r.runBudgets = append(r.runBudgets, place)
	}
	return nil
}

// runBudget is the budget of a lesson Run: at most this much more than
// the cell alone on the same engine.
const runBudget = 50

// lessonBudgets are the pass/fail lines of the lesson-page measurements.
func (r *results) lessonBudgets() []budget {
	var bs []budget
	for _, place := range r.runBudgets {
		over := median(r.lesson[place+" p50"]["dbtour"]) - median(r.lesson[place+": the cell alone, restored state, p50"]["dbtour"])
		bs = append(bs, budget{place + " p50, beyond the cell's own run", over, runBudget, ms})
	}
	if len(r.tiered["dbtour"]) > 0 {
		rel := median(r.tiered["dbtour"]) / median(r.warm["first"]["sqljs"])
		bs = append(bs, budget{"second visit after a tiered-up first visit (first result)", rel, 2, func(v float64) string { return fmt.Sprintf("%.2f× sql.js", v) }})
	}
	bs = append(bs, budget{fmt.Sprintf("cells cut by a limit under %d× CPU throttling", throttleRate), r.throttledCut, 0, func(v float64) string { return fmt.Sprintf("%.0f", v) }})
	return bs
}

// openWarm opens the heaviest lesson and records, as name, the time until
// its warm-up has run its cells.
func (m *measurer) openWarm(ctx context.Context, r *results, name string) error {
	began := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(m.origin+heaviestLesson)); err != nil {
		return fmt.Errorf("open %s: %w", heaviestLesson, err)
	}
	var ready bool
	if err := m.eval(ctx, warmedUp, &ready); err != nil {
		return err
	}
	r.addLesson(name, "dbtour", float64(time.Since(began).Milliseconds()))
	return nil
}

// placeName names a measured cell's place on the page.
func placeName(index int, cells []lessonCell) string {
	switch index {
	case cells[0].Index:
		return "first"
	case cells[len(cells)-1].Index:
		return "last"
	}
	return "middle"
}

// warmedUp waits until the lesson page's warm-up has run its cells.
const warmedUp = `new Promise((resolve) => {
	const ready = () => (document.querySelector("[data-testid=db-state]") || {}).textContent !== "…";
	if (ready()) return resolve(true);
	new MutationObserver((_, o) => ready() && (o.disconnect(), resolve(true)))
		.observe(document.body, { subtree: true, childList: true, characterData: true });
})`

// timeRuns clicks Run of cell %d %d times, each once the last is over,
// and returns the times from click to the end of the run, sorted.
const timeRuns = `(async (i, n) => {
	const cell = document.querySelectorAll("sql-cell")[i];
	const button = cell.querySelector(".toolbar button");
	const over = () => new Promise((resolve) => {
		if (cell.getAttribute("aria-busy") === "false") return resolve();
		new MutationObserver((_, o) => cell.getAttribute("aria-busy") === "false" && (o.disconnect(), resolve()))
			.observe(cell, { attributes: true, attributeFilter: ["aria-busy"] });
	});
	const times = [];
	for (let k = 0; k < n; k++) {
		const began = performance.now();
		button.click();
		await over();
		times.push(performance.now() - began);
	}
	return times.sort((a, b) => a - b);
})(%d, %d)`

// scripts runs the pasted script on each engine.
func (m *measurer) scripts(r *results) error {
	for _, e := range []string{"dbtour", "sqljs"} {
		var s pastedScript
		if err := m.eval(m.browser, fmt.Sprintf("bench.script(%q, %d)", e, scriptStatements), &s); err != nil {
			return err
		}
		r.scriptBytes = s.Bytes
		r.addLesson("pasted script (1 MB): total", e, s.Ms)
		if s.OwnMs != nil {
			r.addLesson("pasted script (1 MB): its statements' own time", e, *s.OwnMs)
		}
	}
	return nil
}

// addLesson records one run of a lesson-page measurement.
func (r *results) addLesson(name, engine string, v float64) {
	if r.lesson == nil {
		r.lesson = map[string]samples{}
	}
	if r.lesson[name] == nil {
		r.lesson[name] = samples{}
		r.lessonNames = append(r.lessonNames, name)
	}
	r.lesson[name][engine] = append(r.lesson[name][engine], v)
}

// jsString writes v as a JavaScript literal.
func jsString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// throttleRate is the CPU slowdown of the throttled lesson visit: a slow
// phone runs 3–5 times slower than this machine.
const throttleRate = 4

// throttledLesson visits the heaviest lesson with the page's CPU and its
// worker's throttled (DevTools' CPU throttling, set on the page and, as
// the worker starts, on the worker), times its warm-up, then runs the last
// cell and counts the cells that show a time limit or a stop. It records
// whether the worker accepted the throttling.
func (m *measurer) throttledLesson(r *results) error {
	ctx, cancel := chromedp.NewContext(m.browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 15*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	page := chromedp.FromContext(ctx).Target
	if err := page.Call(ctx, emulation.CommandSetCPUThrottlingRate, &emulation.SetCPUThrottlingRateParams{Rate: throttleRate}, nil); err != nil {
		return fmt.Errorf("throttle the page: %w", err)
	}
	workerThrottled := throttleWorkers(ctx, page)
	if err := m.openWarm(ctx, r, fmt.Sprintf("heaviest lesson under %d× CPU throttling: warm-up done", throttleRate)); err != nil {
		return err
	}
	var cut float64
	if err := m.eval(ctx, `(async () => {
		const all = Array.from(document.querySelectorAll("sql-cell"));
		const last = all[all.length - 1];
		last.querySelector(".toolbar button").click();
		await new Promise((resolve) => new MutationObserver((_, o) => last.getAttribute("aria-busy") === "false" && (o.disconnect(), resolve()))
			.observe(last, { attributes: true, attributeFilter: ["aria-busy"] }));
		return all.filter((c) => /time limit|Stopped/.test(c.querySelector(".output").textContent)).length;
	})()`, &cut); err != nil {
		return err
	}
	r.throttledCut = cut
	select {
	case r.workerThrottled = <-workerThrottled:
	default:
		r.workerThrottled = "no worker was seen starting"
	}
	return nil
}

// throttleWorkers attaches to every worker the page starts, before it
// runs, throttles its CPU as the page's and lets it run. The channel gets
// the worker's answer to the throttling: "yes", or its error.
func throttleWorkers(ctx context.Context, page *chromedp.Target) <-chan string {
	attached, stopAttached := page.Subscribe(target.AttachedToTarget.Method)
	replies, stopReplies := page.Subscribe("Target.receivedMessageFromTarget")
	answer := make(chan string, 1)
	send := func(session target.SessionID, id int, method string, params any) {
		msg, _ := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
		page.Call(ctx, "Target.sendMessageToTarget", map[string]any{"sessionId": session, "message": string(msg)}, nil)
	}
	go func() {
		defer stopAttached()
		defer stopReplies()
		for {
			select {
			case <-ctx.Done():
				return
			case raw := <-attached:
				var ev target.EventAttachedToTarget
				if json.Unmarshal(raw, &ev) != nil || ev.TargetInfo == nil || ev.TargetInfo.Type != "worker" {
					continue
				}
				send(ev.SessionID, 1, emulation.CommandSetCPUThrottlingRate, map[string]any{"rate": throttleRate})
				send(ev.SessionID, 2, "Runtime.runIfWaitingForDebugger", map[string]any{})
			case raw := <-replies:
				var ev struct{ Message string }
				json.Unmarshal(raw, &ev)
				var reply struct {
					ID    int `json:"id"`
					Error *struct {
						Message string `json:"message"`
					} `json:"error"`
				}
				if json.Unmarshal([]byte(ev.Message), &reply) != nil || reply.ID != 1 {
					continue
				}
				if reply.Error != nil {
					answer <- "refused: " + reply.Error.Message
				} else {
					answer <- "yes"
				}
				return
			}
		}
	}()
	page.Call(ctx, target.CommandSetAutoAttach, &target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: new(bool)}, nil)
	return answer
}

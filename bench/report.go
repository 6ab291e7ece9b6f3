package main

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// decode unmarshals the JSON result of expression js into out.
func decode(raw []byte, out any, js string) error {
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("decode the result of %s: %w", js, err)
	}
	return nil
}

// percentile returns the p-quantile (0..1) of sorted values.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return sorted[min(len(sorted)-1, int(math.Ceil(p*float64(len(sorted))))-1)]
}

// median returns the median of runs.
func median(runs []float64) float64 {
	s := slices.Clone(runs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// unit formats a value of a row.
type unit func(float64) string

func ms(v float64) string {
	switch {
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	case v < 100:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func kb(v float64) string { return fmt.Sprintf("%.0f KB", v/1000) }

// cell formats runs as "median (min–max)", or "—" when there are none.
func cell(runs []float64, u unit) string {
	if len(runs) == 0 {
		return "—"
	}
	if len(runs) == 1 {
		return u(runs[0])
	}
	return fmt.Sprintf("%s (%s–%s)", u(median(runs)), strings.TrimSuffix(strings.TrimSuffix(u(slices.Min(runs)), " ms"), " KB"), u(slices.Max(runs)))
}

// ratio formats engine a's median over engine b's.
func ratio(s samples, a, b string) string {
	if len(s[a]) == 0 || len(s[b]) == 0 || median(s[b]) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", median(s[a])/median(s[b]))
}

// table is the results as one Markdown table; with the prototype measured,
// three more columns: its runs, its ratio to sql.js, and dbtour's to it.
func (r *results) table() string {
	var b strings.Builder
	proto := slices.Contains(engines, "proto")
	if proto {
		b.WriteString("| metric | dbtour | sql.js | ratio | prototype | prototype ÷ sql.js | dbtour ÷ prototype |\n" +
			"| --- | --- | --- | --- | --- | --- | --- |\n")
	} else {
		b.WriteString("| metric | dbtour | sql.js | ratio |\n| --- | --- | --- | --- |\n")
	}
	row := func(name string, s samples, u unit) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |", name, cell(s["dbtour"], u), cell(s["sqljs"], u), ratio(s, "dbtour", "sqljs"))
		if proto {
			fmt.Fprintf(&b, " %s | %s | %s |", cell(s["proto"], u), ratio(s, "proto", "sqljs"), ratio(s, "dbtour", "proto"))
		}
		b.WriteString("\n")
	}
	row("engine bytes over the wire (brotli; JS + wasm)", r.bytes, kb)
	row("of which .wasm", r.wasmBytes, kb)
	row("lesson page first contentful paint", samples{"dbtour": r.fcp}, ms)
	phases := []struct{ key, name string }{
		{"downloaded", "wasm downloaded"}, {"compiled", "compiled"}, {"ready", "runtime ready"}, {"first", "first result"},
	}
	for _, start := range []struct {
		name string
		by   map[string]samples
	}{
		{"cold start, unthrottled", r.cold}, {"cold start, 20 Mbit/s 40 ms RTT", r.slow}, {"warm start (second visit)", r.warm},
	} {
		for _, p := range phases {
			row(start.name+": "+p.name, start.by[p.key], ms)
		}
	}
	row("warm start (third visit): first result", r.third, ms)
	row("second visit, browser profile on disk: first result", r.plainSecond, ms)
	row("second visit, profile on disk, after a first visit that tiered up: first result", r.tiered, ms)
	row("V8 code cache on disk after a plain first visit", r.cachePlain, kb)
	row("V8 code cache on disk after a first visit that tiered up", r.cacheTiered, kb)
	row("lesson query round trip p50 (50 rows)", r.rtP50, ms)
	row("lesson query round trip p99", r.rtP99, ms)
	for _, name := range r.bulkNames {
		row("bulk: "+name, r.bulk[name], ms)
	}
	for _, name := range r.lessonNames {
		row(name, r.lesson[name], ms)
	}
	if r.workerThrottled != "" {
		fmt.Fprintf(&b, "\nThrottled visit: the worker took the CPU throttling: %s; cells cut by a time limit or stopped: %.0f. Pasted script: %.0f bytes.\n",
			r.workerThrottled, r.throttledCut, r.scriptBytes)
	}
	return b.String()
}

// budget is one of the performance budgets of the issue.
type budget struct {
	name  string
	value float64
	limit float64
	show  unit
}

// budgets are the pass/fail lines for the budgets dbtour holds itself to.
func (r *results) budgets() []string {
	rel := func(s samples) float64 { return median(s["dbtour"]) / median(s["sqljs"]) }
	times := func(v float64) string { return fmt.Sprintf("%.2f× sql.js", v) }
	bs := []budget{
		{"SQL-only engine, brotli", median(r.wasmBytes["dbtour"]), 2.3e6, func(v float64) string { return fmt.Sprintf("%.2f MB", v/1e6) }},
		{"cold start unthrottled (first result)", median(r.cold["first"]["dbtour"]), 500, ms},
		{"warm start (first result)", median(r.warm["first"]["dbtour"]), 300, ms},
		{"lesson round trip p50", median(r.rtP50["dbtour"]), 1, ms},
		{"first contentful paint", median(r.fcp), 300, ms},
	}
	for _, name := range r.bulkNames {
		limit := 6.0
		if strings.Contains(name, "lookups") || strings.Contains(name, "parameterized") {
			limit = 2
		}
		bs = append(bs, budget{"bulk: " + name, rel(r.bulk[name]), limit, times})
	}
	bs = append(bs, r.lessonBudgets()...)
	var out []string
	for _, b := range bs {
		verdict := "PASS"
		if !(b.value <= b.limit) {
			verdict = "FAIL"
		}
		out = append(out, fmt.Sprintf("%s %s: %s (budget ≤ %s)", verdict, b.name, b.show(b.value), b.show(b.limit)))
	}
	return out
}

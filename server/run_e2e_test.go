//go:build e2e

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// What a Run costs, tried in headless Chromium: the worker keeps the
// states the cells leave, so a Run runs its own cell; Stop and a dead
// engine leave the database as it was before the cell; a stopped cell is
// not run again by the page's warm-up.

// stateLesson's first cell records a random number, so a later cell shows
// whether the first ran again; the last cell is a quick query to run.
const stateLesson = "---\ntitle: State\nsummary: Runs keep state.\norder: 1\n---\n\nA page for tests.\n\n" +
	"```sql\ncreate table log (n integer);\ninsert into log values (random());\n```\n\n" +
	"```sql\nselect n from log;\n```\n\n" +
	"```sql\nselect count(*) from log;\n```\n"

// runaway never ends by itself: the engine's time limit or Stop ends it.
const runaway = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"

// openStateLesson opens stateLesson and waits for the warm-up to finish.
func openStateLesson(t *testing.T) (context.Context, string) {
	ctx, base := openLesson(t, map[string]string{"state.md": stateLesson}, "state")
	poll(ctx, t, dbState+` === "fresh"`, "the warm-up to finish")
	return ctx, base
}

// clickRun clicks cell i's Run and waits until the run is over.
func clickRun(ctx context.Context, t *testing.T, i int) {
	t.Helper()
	click(ctx, t, fmt.Sprintf(`sql-cell[data-index="%d"] .toolbar button`, i))
	poll(ctx, t, fmt.Sprintf(`document.querySelector('sql-cell[data-index="%d"]').getAttribute("aria-busy") === "false"`, i), "the run to end")
}

// firstValue is the text of the first value cell i shows.
func firstValue(i int) string {
	return fmt.Sprintf(`(document.querySelector('sql-cell[data-index="%d"] .output td') || {}).textContent`, i)
}

func TestBrowserRunCostsItsCell(t *testing.T) {
	ctx, _ := openStateLesson(t)
	clickRun(ctx, t, 1)
	first := text(ctx, t, firstValue(1))
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="1"]').dataset.ran`); got != "1" {
		t.Errorf("Run of cell 1 after the warm-up ran %s cells, want 1", got)
	}
	clickRun(ctx, t, 2)
	clickRun(ctx, t, 1)
	if got := text(ctx, t, firstValue(1)); got != first {
		t.Errorf("cell 0 ran again: its random number went from %s to %s", first, got)
	}
	// An edit above makes the cells below it see the new state.
	if err := typeInto(ctx, 0, "create table log (n integer);\ninsert into log values (random()), (random());"); err != nil {
		t.Fatal(err)
	}
	clickRun(ctx, t, 2)
	waitRows(ctx, t, 2, [][][]string{{{"2"}}})
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"]').dataset.ran`); got != "3" {
		t.Errorf("Run of cell 2 after cell 0 changed ran %s cells, want 3 (cells 0, 1, 2)", got)
	}
}

// stopRunaway types the runaway into cell i, runs it, and stops it.
func stopRunaway(ctx context.Context, t *testing.T, i int) {
	t.Helper()
	if err := typeInto(ctx, i, runaway); err != nil {
		t.Fatal(err)
	}
	button := fmt.Sprintf(`sql-cell[data-index="%d"] .toolbar button`, i)
	click(ctx, t, button)
	poll(ctx, t, fmt.Sprintf(`document.querySelector('%s').dataset.stopReady !== undefined`, button), "Stop to be armed")
	click(ctx, t, button)
	poll(ctx, t, fmt.Sprintf(`(document.querySelector('sql-cell[data-index="%d"] [data-testid=error]') || {}).textContent?.includes("Stopped.")`, i), "the run to stop")
}

func TestBrowserStopKeepsState(t *testing.T) {
	ctx, base := openStateLesson(t)
	clickRun(ctx, t, 1)
	first := text(ctx, t, firstValue(1))
	stopRunaway(ctx, t, 2)
	// The next run starts from the state before the stopped cell, which
	// the page kept: it runs its own cell only, and cell 0's row is the same.
	if err := typeInto(ctx, 2, "select n from log"); err != nil {
		t.Fatal(err)
	}
	clickRun(ctx, t, 2)
	if got := text(ctx, t, firstValue(2)); got != first {
		t.Errorf("after Stop cell 2 shows %s, want cell 0's row %s", got, first)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"]').dataset.ran`); got != "1" {
		t.Errorf("the Run after Stop ran %s cells, want 1", got)
	}
	// The restored database takes new tables.
	if err := typeInto(ctx, 2, "create table fresh (a);\nselect count(*) from fresh"); err != nil {
		t.Fatal(err)
	}
	clickRun(ctx, t, 2)
	waitRows(ctx, t, 2, [][][]string{{{"0"}}})

	// A reload does not run a stopped cell again: the warm-up ends above
	// it and the page is ready at once, the cell showing the lesson's result.
	stopRunaway(ctx, t, 2)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/lessons/state/")); err != nil {
		t.Fatal(err)
	}
	poll(ctx, t, dbState+` !== "…"`, "the warm-up to finish")
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"]').source`); got != runaway {
		t.Fatalf("after the reload cell 2 holds %q, want the stopped text", got)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] .output').textContent`); got == "" || strings.Contains(got, "time limit") {
		t.Errorf("after the reload cell 2 shows %q: the warm-up ran the stopped cell", got)
	}
}

func TestBrowserDoubleClickRuns(t *testing.T) {
	ctx, _ := openStateLesson(t)
	const slow = "with recursive c(x) as (select 1 union all select x + 1 from c limit 50000) select count(*) from c"
	if err := typeInto(ctx, 2, slow); err != nil {
		t.Fatal(err)
	}
	button := chromedp.CSS(`sql-cell[data-index="2"] .toolbar button`)
	if err := chromedp.Do(ctx, chromedp.Click(button), chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	poll(ctx, t, `document.querySelector('sql-cell[data-index="2"]').getAttribute("aria-busy") === "false"`, "the run to end")
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] .output').textContent`); strings.Contains(got, "Stopped") {
		t.Fatalf("a double-click on Run stopped the run: %q", got)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] .output').textContent`); !strings.Contains(got, "50000") {
		t.Fatalf("after a double-click on Run cell 2 shows %q, want its count", got)
	}
}

// TestBrowserEngineDies makes the engine fail as a dead Go program does
// (every call throws "Go program has already exited"), by reaching into
// the page's worker through the DevTools protocol: the page must notice,
// say so, start a new engine with the database as it was, and keep the
// reader's text.
func TestBrowserEngineDies(t *testing.T) {
	ctx, _ := openStateLesson(t)
	clickRun(ctx, t, 1)
	first := text(ctx, t, firstValue(1))
	if err := typeInto(ctx, 2, "select n from log"); err != nil {
		t.Fatal(err)
	}
	killEngine(ctx, t)
	clickRun(ctx, t, 2)
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] .output').textContent`); !strings.Contains(got, "Go program has already exited") || !strings.Contains(got, "A new one has started") {
		t.Fatalf("after the engine died cell 2 shows %q, want what happened", got)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"]').source`); got != "select n from log" {
		t.Errorf("after the engine died cell 2 holds %q, want the reader's text", got)
	}
	clickRun(ctx, t, 2)
	if got := text(ctx, t, firstValue(2)); got != first {
		t.Errorf("after the new engine started cell 2 shows %s, want cell 0's row %s", got, first)
	}
}

// killEngine replaces every function of the engine in the page's worker
// with one that throws as calls into an exited Go program do.
func killEngine(ctx context.Context, t *testing.T) {
	t.Helper()
	b := chromedp.FromContext(ctx).Browser
	var targets target.GetTargetsResult
	if err := b.Call(ctx, target.CommandGetTargets, &target.GetTargetsParams{}, &targets); err != nil {
		t.Fatal(err)
	}
	for _, info := range targets.TargetInfos {
		if info.Type != "worker" {
			continue
		}
		// Not flattened: the protocol then carries the worker's messages
		// inside the browser's, which chromedp passes on untouched.
		var attached target.AttachToTargetResult
		if err := b.Call(ctx, target.CommandAttachToTarget, &target.AttachToTargetParams{TargetID: info.TargetID, Flatten: new(bool)}, &attached); err != nil {
			t.Fatal(err)
		}
		msg, _ := json.Marshal(map[string]any{"id": 1, "method": "Runtime.evaluate", "params": map[string]any{
			"expression": `for (const k of Object.keys(dbtourEngine)) dbtourEngine[k] = () => { throw new Error("Go program has already exited"); }`,
		}})
		replies, stop := b.Subscribe("Target.receivedMessageFromTarget")
		defer stop()
		send := map[string]any{"message": string(msg), "sessionId": attached.SessionID}
		if err := b.Call(ctx, "Target.sendMessageToTarget", send, nil); err != nil {
			t.Fatal(err)
		}
		for {
			select {
			case <-ctx.Done():
				t.Fatal("no answer from the worker to the evaluation that kills its engine")
			case raw := <-replies:
				var ev struct{ Message string }
				if err := json.Unmarshal(raw, &ev); err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(ev.Message, `{"id":1,`) {
					return
				}
			}
		}
	}
	t.Fatal("the page has no worker to kill")
}

//go:build e2e

package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// judgeLesson has a plan exercise: the page must judge the explained
// query's rows too (lessons/README.md, Judging), and a whole REAL.
const judgeLesson = "---\ntitle: Judging\n---\n\n" +
	"```sql\ncreate table orders (id integer primary key, placed_on text, total real);\n" +
	"insert into orders (placed_on, total) values ('2025-03-02', 10), ('2025-03-30', 20.5), ('2025-04-01', 7), ('2025-04-02', 8), ('2025-04-03', 9);\n" +
	"create index orders_placed on orders (placed_on);\n```\n\n" +
	"```sql exercise\nexplain query plan\nselect count(*) from orders where substr(placed_on, 1, 7) = '2025-03';\n```\n\n" +
	"```sql solution\nexplain query plan\nselect count(*) from orders where placed_on >= '2025-03-01' and placed_on < '2025-04-01';\n```\n\n" +
	"```sql exercise\n-- the average total\n```\n\n" +
	"```sql solution\nselect avg(total) from orders;\n```\n"

// TestBrowserJudge checks the page's judge on what only the page wiring
// can get wrong: a plan exercise judged on rows as well as the plan, and
// float noise.
func TestBrowserJudge(t *testing.T) {
	ctx, _ := openLesson(t, map[string]string{"judging.md": judgeLesson}, "judging")
	for _, tt := range []struct {
		name, sql, want string
		cell            int
	}{
		{"the right plan over the wrong month", "explain query plan\nselect count(*) from orders where placed_on >= '2025-04-01' and placed_on < '2025-05-01';", "Not yet: A row is missing or has a wrong value: expected a row (2).", 1},
		{"a scan", "explain query plan\nselect count(*) from orders where placed_on like '2025-03%';", "Not yet: The query plan differs", 1},
		{"another right range", "explain query plan\nselect count(*) from orders where placed_on between '2025-03-01' and '2025-03-31';", "✓ Correct", 1},
		{"float noise", "select avg(total / 3) * 3 from orders; -- 10.900000000000002", "✓ Correct", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := typeInto(ctx, tt.cell, tt.sql); err != nil {
				t.Fatal(err)
			}
			click(ctx, t, fmt.Sprintf(`sql-cell[data-index="%d"] button[data-action=check]`, tt.cell))
			feedback := fmt.Sprintf(`document.querySelector('sql-cell[data-index="%d"] [data-testid=feedback]').textContent`, tt.cell)
			wait, cancel := context.WithTimeout(ctx, time.Minute) // a check runs the page twice; slow on a busy machine
			defer cancel()
			if _, err := chromedp.Run(wait, chromedp.Poll[bool](fmt.Sprintf("%s.startsWith(%q)", feedback, tt.want))); err != nil {
				t.Fatalf("waiting for the verdict %q: got %q (%v)", tt.want, text(ctx, t, feedback), err)
			}
		})
	}
}

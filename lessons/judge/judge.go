// Package judge decides whether a reader's answer to an exercise is right,
// by the policy written down in lessons/README.md. It compares results and
// nothing else, so `dbtour check` (in Go) and the lesson page (the same
// rules in web/static/js/judge.js) judge alike; the test vectors in
// lessons/testdata/judge.json hold both to it.
package judge

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/dbtour/dbtour/sqlfmt"
	"github.com/dbtour/dbtour/wasm/engine"
)

// Table is a table of rows: its column names and rows, each value nil,
// int64, float64, string or []byte as SQLite gave it.
type Table struct {
	Columns []string
	Rows    []engine.Row
}

// Answer is what an exercise is judged by. Rows is the last table of
// rows the SQL returned (or its check query's). When that table was a
// query plan (`explain query plan Q`), Plan holds it and Rows holds what
// Q itself returns, so that a query with the right plan but the wrong
// rows is still wrong. A nil Rows means the SQL returned no table.
type Answer struct {
	Plan *Table
	Rows *Table
}

// Tolerance is the relative difference under which two numbers are equal:
// far below any rounding a task asks for, far above float noise such as
// 440.00000000000006 for 400 * 1.1.
const Tolerance = 1e-9

// Verdict compares got, the reader's answer, with want, the solution's,
// and returns "" when got is right, or else what differs, for the reader.
// Columns are compared by position (names do not matter), rows in order
// only when ordered, numbers within Tolerance, plans by their shape.
func Verdict(got, want Answer, ordered bool) string {
	if want.Plan != nil {
		if got.Plan == nil {
			return "The exercise asks for a query plan: keep explain query plan in front of the query."
		}
		if g, w := planShape(got.Plan), planShape(want.Plan); g != w {
			return fmt.Sprintf("The query plan differs: expected (%s), got (%s).", w, g)
		}
	}
	return compareRows(got.Rows, want.Rows, ordered)
}

// compareRows judges one table of rows against the expected one.
func compareRows(got, want *Table, ordered bool) string {
	switch {
	case got == nil && want == nil:
		return ""
	case got == nil:
		return "Your SQL returns no table of rows; the exercise asks for one."
	case want == nil:
		return "Your SQL returns a table of rows; the exercise asks for none."
	case len(got.Columns) != len(want.Columns):
		return fmt.Sprintf("Expected %s (%s), got %d (%s).", plural(len(want.Columns), "column"),
			strings.Join(want.Columns, ", "), len(got.Columns), strings.Join(got.Columns, ", "))
	case len(got.Rows) != len(want.Rows):
		return fmt.Sprintf("Expected %s, got %d.", plural(len(want.Rows), "row"), len(got.Rows))
	}
	if i := unmatched(got.Rows, want.Rows); i >= 0 {
		return fmt.Sprintf("A row is missing or has a wrong value: expected a row (%s).", show(want.Rows[i]))
	}
	if ordered {
		for i := range want.Rows {
			if !sameRow(got.Rows[i], want.Rows[i]) {
				return fmt.Sprintf("The rows are right but not in the right order: row %d should be (%s).", i+1, show(want.Rows[i]))
			}
		}
	}
	return ""
}

// unmatched pairs each wanted row with an equal row of got, in want's
// order, and returns the index of the first wanted row left without a
// partner, or -1 when every row has one.
func unmatched(got, want []engine.Row) int {
	used := make([]bool, len(got))
	for i, w := range want {
		found := false
		for j, g := range got {
			if !used[j] && sameRow(g, w) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return i
		}
	}
	return -1
}

func sameRow(a, b engine.Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Same(a[i], b[i]) {
			return false
		}
	}
	return true
}

// Same reports whether two values are equal for judging: NULL equals
// NULL; numbers are equal by value, whether stored as INTEGER or REAL,
// exactly when both are whole numbers and else within Tolerance; text and
// blobs are equal when identical; values of different kinds never are.
func Same(a, b any) bool {
	aNum, bNum := isNumber(a), isNumber(b)
	switch {
	case aNum || bNum:
		return aNum && bNum && sameNumber(a, b)
	case a == nil || b == nil:
		return a == nil && b == nil
	}
	switch a := a.(type) {
	case string:
		s, ok := b.(string)
		return ok && a == s
	case []byte:
		s, ok := b.([]byte)
		return ok && bytes.Equal(a, s)
	}
	return false
}

func isNumber(v any) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}

// sameNumber compares two numbers (int64 or float64): whole numbers
// exactly, others within Tolerance.
func sameNumber(a, b any) bool {
	if i, ok := a.(int64); ok {
		if j, ok := b.(int64); ok {
			return i == j
		}
		return intEqualsFloat(i, b.(float64))
	}
	x := a.(float64)
	if j, ok := b.(int64); ok {
		return intEqualsFloat(j, x)
	}
	y := b.(float64)
	if x == y || (whole(x) && whole(y)) {
		return x == y // infinities included
	}
	return math.Abs(x-y) < Tolerance*max(1, math.Abs(x), math.Abs(y))
}

// intEqualsFloat compares an integer with a REAL: exactly when the REAL
// is a whole number (without rounding the integer to a float64 first),
// else within Tolerance.
func intEqualsFloat(i int64, f float64) bool {
	if whole(f) {
		return f >= -(1<<63) && f < 1<<63 && int64(f) == i
	}
	return math.Abs(float64(i)-f) < Tolerance*max(1, math.Abs(f))
}

// whole reports whether f is a whole number (infinities are not).
func whole(f float64) bool {
	return f == math.Trunc(f) && !math.IsInf(f, 0)
}

// indexName matches the index a plan step uses, which the reader may name
// as they like and which may or may not cover the query.
var indexName = regexp.MustCompile(`USING (COVERING )?INDEX \S+`)

// planShape describes a plan by its steps, without index names and
// without whether an index covers the query: "SEARCH plays USING INDEX
// (user_id=?); ..." The steps are the plan's detail column, in order.
func planShape(t *Table) string {
	col := len(t.Columns) - 1 // explain query plan: id, parent, notused, detail
	steps := make([]string, 0, len(t.Rows))
	for _, r := range t.Rows {
		if col < 0 || col >= len(r) {
			continue
		}
		s, _ := r[col].(string)
		steps = append(steps, indexName.ReplaceAllString(s, "USING INDEX"))
	}
	return strings.Join(steps, "; ")
}

// show writes a row for a message: NULL, 'text', numbers as the result
// grid shows them, blobs as x'hex'.
func show(r engine.Row) string {
	parts := make([]string, len(r))
	for i, v := range r {
		switch v := v.(type) {
		case nil:
			parts[i] = "NULL"
		case string:
			parts[i] = "'" + v + "'"
		case []byte:
			parts[i] = "x'" + hex.EncodeToString(v) + "'"
		default:
			parts[i], _ = sqlfmt.Number(v)
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n != 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

// explainPrefix matches the start of an `explain query plan` statement.
var explainPrefix = regexp.MustCompile(`(?is)^\s*explain\s+query\s+plan\s+`)

// Explained returns the query that the statement sql explains when sql is
// `explain query plan Q`; ok is false for any other statement.
func Explained(sql string) (query string, ok bool) {
	loc := explainPrefix.FindStringIndex(sql)
	if loc == nil {
		return "", false
	}
	return sql[loc[1]:], true
}

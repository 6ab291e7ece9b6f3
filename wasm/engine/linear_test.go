package engine

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestExecLinear checks that a script costs its length, not its length
// times its statement count: 8,000 statements must take about four times
// as long as 2,000 (at most ten: wasm's garbage collector and a loaded
// machine add noise), far from the sixteen times of quadratic growth. The
// script holds a non-ASCII character, as the playground's own exports do.
// Both sizes are measured in the same run, so that the ratio and not the
// machine's speed decides.
func TestExecLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times scripts")
	}
	// Interleaved rounds, best of each size: on a loaded machine a single
	// run can be descheduled for longer than it works.
	small, large := time.Duration(1<<62), time.Duration(1<<62)
	for range 5 {
		small = min(small, execTime(t, 2000))
		large = min(large, execTime(t, 8000))
	}
	ratio := float64(large) / float64(small)
	t.Logf("2,000 statements %v, 8,000 statements %v: ratio %.1f", small, large, ratio)
	if ratio > 10 {
		t.Errorf("8,000 statements took %.1f times as long as 2,000; linear is 4, quadratic 16", ratio)
	}
}

// execTime is the CPU time a script of n inserts takes on a new session.
func execTime(t *testing.T, n int) time.Duration {
	script := "create table t(x text, y text);\n" + strings.Repeat("insert into t values ('café, naïve -- ; not the end', '"+strings.Repeat("x", 200)+"');\n", n)
	s := openTest(t, Options{})
	defer s.Close()
	began := cpuTime()
	res := s.Exec(context.Background(), script)
	took := cpuTime() - began
	if res.Error != nil || len(res.Statements) != n+1 {
		t.Fatalf("got %d statements, error %v", len(res.Statements), res.Error)
	}
	return took
}

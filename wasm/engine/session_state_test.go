package engine

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSetTimeLimit(t *testing.T) {
	s := openTest(t, Options{})
	runaway := "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
	s.SetTimeLimit(50 * time.Millisecond)
	if got := s.TimeLimit(); got != 50*time.Millisecond {
		t.Fatalf("TimeLimit() = %v, want 50ms", got)
	}
	res := s.Exec(context.Background(), runaway)
	if res.Error == nil || !strings.Contains(res.Error.Message, "50ms time limit") {
		t.Fatalf("runaway under a 50ms limit: error %+v, want the 50ms time limit", res.Error)
	}
	s.SetTimeLimit(0)
	if got := s.TimeLimit(); got != DefaultTimeLimit {
		t.Errorf("after SetTimeLimit(0): TimeLimit() = %v, want %v", got, DefaultTimeLimit)
	}
}

func TestInTransaction(t *testing.T) {
	s := openTest(t, Options{})
	for _, step := range []struct {
		sql  string
		want bool
	}{
		{"create table t(x)", false},
		{"begin", true},
		{"insert into t values (1)", true},
		{"commit", false},
		{"savepoint a", true},
		{"release a", false},
	} {
		if res := s.Exec(context.Background(), step.sql); res.Error != nil {
			t.Fatalf("%s: %v", step.sql, res.Error.Message)
		}
		if got := s.InTransaction(); got != step.want {
			t.Errorf("after %q: InTransaction() = %v, want %v", step.sql, got, step.want)
		}
	}
}

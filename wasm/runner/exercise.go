//go:build !js || interp

package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/dbtour/dbtour/lessons/judge"
	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

// RunExercise runs the solution of ex on the session's database and sets
// it aside, then runs source there as RunSource does (its run stays, as
// a Run's would), and judges it: the same output as the solution's (with
// printed durations masked), no more SQL statements recorded than the
// solution's (GORM's; a loop of queries where one does is wrong) and,
// with a check query, the same result of that query after it (by the SQL
// exercises' rules, package judge).
func RunExercise(ctx context.Context, s *engine.Session, source string, in programs.Inputs, ex Exercise, opts Options) (*Result, error) {
	before, err := s.Serialize()
	if err != nil {
		return nil, fmt.Errorf("exercise: %w", err)
	}
	want, err := RunSource(ctx, s, "", ex.Solution, in, opts)
	if err != nil {
		return nil, fmt.Errorf("exercise solution: %w", err)
	}
	if want.Error != "" {
		return nil, fmt.Errorf("the exercise's solution fails: %s", want.Error)
	}
	wantCheck, err := checkAnswer(ctx, s, ex.Check)
	if err != nil {
		return nil, fmt.Errorf("the exercise's check query fails after its solution: %w", err)
	}
	if err := s.Deserialize(before); err != nil {
		return nil, fmt.Errorf("exercise: %w", err)
	}
	got, err := RunSource(ctx, s, "", source, in, opts)
	if err != nil {
		return nil, err
	}
	got.Judged = &Judged{Problem: verdict(ctx, s, got, want, wantCheck, ex.Check)}
	return got, nil
}

// verdict compares a reader's run with the solution's: "" when alike.
func verdict(ctx context.Context, s *engine.Session, got, want *Result, wantCheck judge.Answer, check string) string {
	if got.Error != "" {
		return "your program fails: " + got.Error
	}
	if d := outputDifference(got.Output, want.Output); d != "" {
		return d
	}
	if len(got.Statements) > len(want.Statements) {
		return fmt.Sprintf("your program ran %d SQL statements where %d do the job (an N+1?)", len(got.Statements), len(want.Statements))
	}
	if check == "" {
		return ""
	}
	gotCheck, err := checkAnswer(ctx, s, check)
	if err != nil {
		return "the check query fails after your program: " + err.Error()
	}
	if v := judge.Verdict(gotCheck, wantCheck, false); v != "" {
		return "the database your program leaves differs (" + strings.TrimSpace(check) + "): " + v
	}
	return ""
}

// outputDifference names the first line where got's output differs from
// want's, or "" when none does.
func outputDifference(got, want string) string {
	mask := func(s string) []string {
		return strings.Split(strings.TrimRight(durations.ReplaceAllString(s, "<duration>"), "\n"), "\n")
	}
	g, w := mask(got), mask(want)
	if strings.TrimSpace(got) == "" && strings.TrimSpace(want) != "" {
		return fmt.Sprintf("your program printed nothing; line 1 should be %q", w[0])
	}
	for i := range max(len(g), len(w)) {
		switch {
		case i >= len(g):
			return fmt.Sprintf("the output stops after %d lines; line %d should be %q", len(g), i+1, w[i])
		case i >= len(w):
			return fmt.Sprintf("the output has more lines than expected: line %d is %q", i+1, g[i])
		case g[i] != w[i]:
			return fmt.Sprintf("output line %d is %q; expected %q", i+1, g[i], w[i])
		}
	}
	return ""
}

// checkAnswer runs the check query (if any) and returns its last table.
func checkAnswer(ctx context.Context, s *engine.Session, check string) (judge.Answer, error) {
	if check == "" {
		return judge.Answer{}, nil
	}
	r := s.Exec(ctx, check)
	if r.Error != nil {
		return judge.Answer{}, r.Error
	}
	for i := len(r.Statements) - 1; i >= 0; i-- {
		if st := r.Statements[i]; st.Columns != nil {
			return judge.Answer{Rows: &judge.Table{Columns: st.Columns, Rows: st.Rows}}, nil
		}
	}
	return judge.Answer{}, nil
}

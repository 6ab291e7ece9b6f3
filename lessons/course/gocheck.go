package course

import (
	"context"
	"fmt"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// fixedNow is GORM's clock for comparing two runs of a program: the
// timestamps it writes into the recorded SQL must not differ between them.
func fixedNow() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

// interpretedDiffers runs program cell c twice on copies of the session's
// database, compiled and interpreted from its source file (as a reader's
// edit runs in the browser), and says how the two differ, or "" when they
// do not. The session's database is left as it was.
func interpretedDiffers(ctx context.Context, s *engine.Session, c *lessons.Cell) (string, error) {
	src, err := programs.Source(c.Program)
	if err != nil {
		return "", nil // an unknown program is reported as such
	}
	var compiled, interpreted *runner.Result
	err = onCopy(ctx, s, func() (err error) {
		compiled, err = runner.Run(ctx, s, c.Program, c.ParamMap(), runner.Options{Now: fixedNow})
		return err
	})
	if err == nil {
		err = onCopy(ctx, s, func() (err error) {
			interpreted, err = runner.RunSource(ctx, s, c.Program, src, c.ParamMap(), runner.Options{Now: fixedNow})
			return err
		})
	}
	if err != nil {
		return "", fmt.Errorf("program %s: %w", c.Program, err)
	}
	return runner.Difference(compiled, interpreted), nil
}

// onCopy runs do and then puts back the session's database as it was.
func onCopy(ctx context.Context, s *engine.Session, do func() error) error {
	snap, err := s.Serialize()
	if err != nil {
		return err
	}
	err = do()
	if rerr := restore(ctx, s, snap); rerr != nil && err == nil {
		err = fmt.Errorf("restore the database: %w", rerr)
	}
	return err
}

// checkGoExercise judges a Go exercise's starting program (it must be
// judged wrong), its reject blocks (wrong) and accept blocks (right)
// against its solution, each on a copy of the session's database, with
// the judge the page uses (runner.RunExercise), and says what is judged
// wrongly.
func checkGoExercise(ctx context.Context, s *engine.Session, c *lessons.Cell) ([]exerciseProblem, error) {
	ex := runner.Exercise{Solution: c.Solution, Check: c.Check}
	answers := append([]lessons.Answer{{SQL: c.Source, Line: c.Line}}, c.Reject...)
	answers = append(answers, c.Accept...)
	var problems []exerciseProblem
	for i, a := range answers {
		accept := i > len(c.Reject)
		var res *runner.Result
		err := onCopy(ctx, s, func() (err error) {
			res, err = runner.RunExercise(ctx, s, a.SQL, c.ParamMap(), ex, runner.Options{Now: fixedNow})
			return err
		})
		if err != nil {
			return []exerciseProblem{{c.Line, err.Error()}}, nil
		}
		verdict := res.Judged.Problem
		switch {
		case accept && verdict != "":
			problems = append(problems, exerciseProblem{a.Line, "an accepted program is judged wrong: " + verdict})
		case !accept && verdict == "" && i == 0:
			problems = append(problems, exerciseProblem{a.Line, "the starting program already does what the solution does"})
		case !accept && verdict == "":
			problems = append(problems, exerciseProblem{a.Line, "a rejected program is judged right"})
		}
	}
	return problems, nil
}

// gradeGoAnswer judges src, a hand-in's program for Go exercise c, as
// the page does, on a copy of s's database, which it leaves as it found
// it.
func gradeGoAnswer(ctx context.Context, s *engine.Session, c *lessons.Cell, src string) (Grade, error) {
	g := Grade{Line: c.Line}
	var res *runner.Result
	err := onCopy(ctx, s, func() (err error) {
		res, err = runner.RunExercise(ctx, s, src, c.ParamMap(), runner.Exercise{Solution: c.Solution, Check: c.Check}, runner.Options{})
		return err
	})
	if err != nil {
		return g, err
	}
	g.Reason = res.Judged.Problem
	g.Solved = g.Reason == ""
	return g, nil
}

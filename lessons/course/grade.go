package course

import (
	"context"
	"fmt"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/judge"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// Grade is the verdict on one answer to an exercise.
type Grade struct {
	Solved bool
	// Reason says why an answer is not right: the judge's message, or
	// why it failed to run (an error, the time limit); "" when solved.
	Reason string
	// Line is the line of the exercise in its lesson's file, 0 when the
	// cell is no exercise.
	Line int
}

// GradeLesson judges answers to l's exercises, keyed by the exercise's
// cell index, as `dbtour check` and the page judge them: the lesson's
// cells run in page order, and each answer runs on its own copy of the
// database the cells above the exercise leave, with the exercise's check
// query if it has one, and is compared with the solution by the judge.
// Each statement of an answer may run for limit (0 means the page's time
// limit), and a whole answer for twice that. An answer to a cell that is
// no exercise is not solved. err is for an engine that cannot run at all.
func GradeLesson(ctx context.Context, l *lessons.Lesson, answers map[int]string, limit time.Duration) (map[int]Grade, error) {
	s, err := engine.Open(engine.Options{TimeLimit: limit})
	if err != nil {
		return nil, fmt.Errorf("grade %s: %w", l.Slug, err)
	}
	defer s.Close()
	grades := make(map[int]Grade, len(answers))
	for i, c := range l.Cells() {
		if sql, ok := answers[i]; ok && c.Kind == lessons.Exercise {
			g, err := gradeAnswer(ctx, s, c, sql)
			if err != nil {
				return nil, fmt.Errorf("grade %s, cell %d: %w", l.Slug, i, err)
			}
			grades[i] = g
		}
		if _, err := Run(ctx, s, c, runner.Options{}); err != nil {
			return nil, fmt.Errorf("grade %s, cell %d: %w", l.Slug, i, err)
		}
	}
	for i := range answers {
		if _, ok := grades[i]; !ok {
			grades[i] = Grade{Reason: fmt.Sprintf("lesson %s has no exercise at cell %d", l.Slug, i)}
		}
	}
	return grades, nil
}

// gradeAnswer judges sql as an answer to exercise c on a copy of s's
// database, which it leaves as it found it.
func gradeAnswer(ctx context.Context, s *engine.Session, c *lessons.Cell, sql string) (g Grade, err error) {
	g.Line = c.Line
	if c.Go {
		return gradeGoAnswer(ctx, s, c, sql)
	}
	snap, err := s.Serialize()
	if err != nil {
		return g, err
	}
	run := func(sql string) (judge.Answer, error) {
		if err := restore(ctx, s, snap); err != nil {
			return judge.Answer{}, fmt.Errorf("restore the database for an answer: %w", err)
		}
		bounded, cancel := context.WithTimeout(ctx, 2*s.TimeLimit())
		defer cancel()
		return runAnswer(bounded, s, sql, c.Check)
	}
	defer func() {
		if rerr := restore(ctx, s, snap); rerr != nil && err == nil {
			err = fmt.Errorf("restore the database after an answer: %w", rerr)
		}
	}()
	want, err := run(c.Solution)
	if err != nil {
		return g, fmt.Errorf("the solution fails: %w", err)
	}
	got, err := run(sql)
	if err != nil {
		g.Reason = "your SQL fails: " + err.Error()
		return g, nil
	}
	g.Reason = judge.Verdict(got, want, c.Ordered)
	g.Solved = g.Reason == ""
	return g, nil
}

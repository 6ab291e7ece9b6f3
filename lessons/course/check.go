package course

import (
	"context"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/judge"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// Report is what Check found: how much it ran and judged, and the
// problems, one per failure, as "file:line: …".
type Report struct {
	Lessons, Exercises int
	// Answers counts the accept and reject blocks judged.
	Answers  int
	Problems []string
}

// Check loads the course in fsys and runs every lesson's cells in page
// order, as a reader's browser will. Every cell must run; every
// exercise's solution must run, its starting SQL and reject blocks must
// be judged wrong and its accept blocks right.
func Check(ctx context.Context, fsys fs.FS) (Report, error) {
	course, err := lessons.Load(fsys)
	if err != nil {
		return Report{}, err
	}
	r := Report{Lessons: len(course.Lessons), Problems: checkLinks(fsys, course)}
	for _, l := range course.Lessons {
		p, err := checkLesson(ctx, l)
		if err != nil {
			return Report{}, fmt.Errorf("lesson %s: %w", l.Slug, err)
		}
		r.Problems = append(r.Problems, p...)
		for _, c := range l.Cells() {
			if c.Kind == lessons.Exercise {
				r.Exercises++
				r.Answers += len(c.Accept) + len(c.Reject)
			}
		}
	}
	return r, nil
}

// lessonLink matches a link from one lesson's prose to another lesson.
var lessonLink = regexp.MustCompile(`href="\.\./([^/"#]+)/?(#[^"]*)?"`)

// checkLinks reports links between lessons whose target is not a lesson
// of the course, at the line of the lesson file that has them.
func checkLinks(fsys fs.FS, course *lessons.Course) []string {
	slugs := map[string]bool{}
	for _, l := range course.Lessons {
		slugs[l.Slug] = true
	}
	var problems []string
	for _, l := range course.Lessons {
		src, _ := fs.ReadFile(fsys, l.Slug+".md") // Load just read it
		for _, b := range l.Blocks {
			for _, m := range lessonLink.FindAllStringSubmatch(b.HTML, -1) {
				if slugs[m[1]] {
					continue
				}
				line := 1 + strings.Count(string(src[:max(strings.Index(string(src), "../"+m[1]), 0)]), "\n")
				problems = append(problems, fmt.Sprintf("%s.md:%d: link to ../%s/: there is no lesson %q", l.Slug, line, m[1], m[1]))
			}
		}
	}
	return problems
}

// checkLesson runs one lesson's cells, judging each exercise's answers
// before the exercise cell runs, and returns its problems.
func checkLesson(ctx context.Context, l *lessons.Lesson) ([]string, error) {
	s, err := engine.Open(engine.Options{TimeLimit: LessonTimeLimit})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var problems []string
	where := func(c *lessons.Cell, line int) string { return fmt.Sprintf("%s.md:%d", l.Slug, c.Line+line) }
	for _, c := range l.Cells() {
		if c.Kind == lessons.Exercise {
			p, err := checkExercise(ctx, s, c)
			if err != nil {
				return nil, err
			}
			for _, msg := range p {
				problems = append(problems, fmt.Sprintf("%s.md:%d: exercise: %s", l.Slug, msg.line, msg.text))
			}
		}
		if c.Kind == lessons.Program {
			d, err := interpretedDiffers(ctx, s, c)
			if err != nil {
				return nil, err
			}
			if d != "" {
				problems = append(problems, where(c, 0)+": program "+c.Program+" interpreted from its source differs from the compiled program: "+d)
			}
		}
		o, err := Run(ctx, s, c, runner.Options{})
		if err != nil {
			return nil, err
		}
		line, problem := o.Failure()
		switch {
		case c.Fails && problem == "":
			problems = append(problems, where(c, 0)+": a ```sql fails cell runs without an error")
		case !c.Fails && problem != "":
			problems = append(problems, where(c, line)+": "+problem)
		}
	}
	return problems, nil
}

// exerciseProblem is a problem of an exercise at a line of its lesson.
type exerciseProblem struct {
	line int
	text string
}

// checkExercise judges, each on a copy of the session's database, the
// exercise's starting SQL (it must be judged wrong), its accept blocks
// (right) and its reject blocks (wrong) against its solution, with the
// judge the page uses, and says what is judged wrongly.
func checkExercise(ctx context.Context, s *engine.Session, c *lessons.Cell) (problems []exerciseProblem, err error) {
	if c.Go {
		return checkGoExercise(ctx, s, c)
	}
	snap, err := s.Serialize()
	if err != nil {
		return nil, err
	}
	defer func() {
		if rerr := restore(ctx, s, snap); rerr != nil && err == nil {
			err = fmt.Errorf("restore the database after exercise: %w", rerr)
		}
	}()
	fresh := func(sql string) (judge.Answer, error) {
		if err := restore(ctx, s, snap); err != nil {
			return judge.Answer{}, fmt.Errorf("restore the database for an answer: %w", err)
		}
		return runAnswer(ctx, s, sql, c.Check)
	}
	want, err := fresh(c.Solution)
	if err != nil {
		return []exerciseProblem{{c.Line, "solution fails: " + err.Error()}}, nil
	}
	answers := append([]lessons.Answer{{SQL: c.Source, Line: c.Line}}, c.Reject...)
	answers = append(answers, c.Accept...)
	for i, a := range answers {
		accept := i > len(c.Reject)
		got, err := fresh(a.SQL)
		if msg := misjudged(got, err, want, c.Ordered, accept, i == 0); msg != "" {
			problems = append(problems, exerciseProblem{a.Line, msg})
		}
	}
	return problems, nil
}

// restore puts back the database snap holds, first rolling back a
// transaction an answer left open.
func restore(ctx context.Context, s *engine.Session, snap []byte) error {
	if s.InTransaction() {
		if r := s.Exec(ctx, "rollback"); r.Error != nil {
			return r.Error
		}
	}
	return s.Deserialize(snap)
}

// misjudged says how the judge gets an answer wrong: an accept block it
// rejects, or a reject block (or the starting SQL) it accepts; "" when
// the verdict is the intended one. An answer that fails to run is wrong.
func misjudged(got judge.Answer, runErr error, want judge.Answer, ordered, accept, start bool) string {
	var verdict string
	if runErr != nil {
		verdict = "your SQL fails: " + runErr.Error()
	} else {
		verdict = judge.Verdict(got, want, ordered)
	}
	switch {
	case accept && verdict != "":
		return "an accepted answer is judged wrong: " + verdict
	case !accept && verdict == "" && start:
		return "the starting SQL already gives the solution's result"
	case !accept && verdict == "":
		return "a rejected answer is judged right"
	}
	return ""
}

// runAnswer runs sql on s, then the exercise's check query if it has one,
// and returns the answer they are judged by: the check's last table of
// rows, or else sql's; when sql's last table is a query plan, the rows of
// the query it explains too.
func runAnswer(ctx context.Context, s *engine.Session, sql, check string) (judge.Answer, error) {
	res := s.Exec(ctx, sql)
	if res.Error != nil {
		return judge.Answer{}, res.Error
	}
	if check != "" {
		res = s.Exec(ctx, check)
		if res.Error != nil {
			return judge.Answer{}, fmt.Errorf("the check query fails after it: %w", res.Error)
		}
		return judge.Answer{Rows: lastTable(res)}, nil
	}
	last := lastTable(res)
	q, ok := judge.Explained(lastSQL(res))
	if !ok || last == nil {
		return judge.Answer{Rows: last}, nil
	}
	rows := s.Exec(ctx, q)
	if rows.Error != nil {
		return judge.Answer{}, fmt.Errorf("the query it explains fails: %w", rows.Error)
	}
	return judge.Answer{Plan: last, Rows: lastTable(rows)}, nil
}

// lastTable is the result of r's last statement that returns rows; nil
// if none does.
func lastTable(r engine.Result) *judge.Table {
	if i := lastTableIndex(r); i >= 0 {
		st := r.Statements[i]
		return &judge.Table{Columns: st.Columns, Rows: st.Rows}
	}
	return nil
}

// lastSQL is the text of r's last statement that returns rows.
func lastSQL(r engine.Result) string {
	if i := lastTableIndex(r); i >= 0 {
		return r.Statements[i].SQL
	}
	return ""
}

func lastTableIndex(r engine.Result) int {
	for i := len(r.Statements) - 1; i >= 0; i-- {
		if r.Statements[i].Columns != nil {
			return i
		}
	}
	return -1
}

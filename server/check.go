package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// checkCourse loads the course in fsys and runs every lesson's cells in
// page order, as a reader's browser will. Every cell must run; every
// exercise's solution must run, and its starting SQL must not already be
// a right answer. It returns one problem per failure, as "file:line: …".
func checkCourse(ctx context.Context, fsys fs.FS) (lessonCount int, problems []string, err error) {
	course, err := lessons.Load(fsys)
	if err != nil {
		return 0, nil, err
	}
	problems = checkLinks(fsys, course)
	for _, l := range course.Lessons {
		p, err := checkLesson(ctx, l)
		if err != nil {
			return 0, nil, fmt.Errorf("lesson %s: %w", l.Slug, err)
		}
		problems = append(problems, p...)
	}
	return len(course.Lessons), problems, nil
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

func checkLesson(ctx context.Context, l *lessons.Lesson) ([]string, error) {
	s, err := engine.Open(engine.Options{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var problems []string
	where := func(c *lessons.Cell, line int) string { return fmt.Sprintf("%s.md:%d", l.Slug, c.Line+line) }
	for _, c := range l.Cells() {
		if c.Kind == lessons.Exercise {
			msg, err := checkExercise(ctx, s, c)
			if err != nil {
				return nil, err
			}
			if msg != "" {
				problems = append(problems, where(c, 0)+": exercise: "+msg)
			}
		}
		v, err := runCell(ctx, s, c, 0, runner.Options{})
		if err != nil {
			return nil, err
		}
		line, problem := failure(v)
		switch {
		case c.Fails && problem == "":
			problems = append(problems, where(c, 0)+": a ```sql fails cell runs without an error")
		case !c.Fails && problem != "":
			problems = append(problems, where(c, line)+": "+problem)
		}
	}
	return problems, nil
}

// checkExercise runs exercise c's solution and its starting SQL on copies
// of the session's database and says what is wrong, or "".
func checkExercise(ctx context.Context, s *engine.Session, c *lessons.Cell) (problem string, err error) {
	snap, err := s.Serialize()
	if err != nil {
		return "", err
	}
	defer func() {
		if rerr := s.Deserialize(snap); rerr != nil && err == nil {
			err = fmt.Errorf("restore the database after exercise: %w", rerr)
		}
	}()
	want, err := judged(ctx, s, c.Solution, c.Check)
	if err != nil {
		return "solution fails: " + err.Error(), nil
	}
	if err := s.Deserialize(snap); err != nil {
		return "", err
	}
	got, err := judged(ctx, s, c.Source, c.Check)
	if err == nil && sameAnswer(got, want, c.Ordered) {
		return "the starting SQL already gives the solution's result", nil
	}
	return "", nil
}

// judged runs sql, then check if there is one, and returns the answer
// they are judged by: check's result, or else sql's.
func judged(ctx context.Context, s *engine.Session, sql, check string) (*engine.Statement, error) {
	res := s.Exec(ctx, sql)
	if res.Error == nil && check != "" {
		res = s.Exec(ctx, check)
	}
	if res.Error != nil {
		return nil, res.Error
	}
	return answer(res), nil
}

// answer is the result a reader's SQL is judged by: that of its last
// statement that returns rows; nil if none does.
func answer(r engine.Result) *engine.Statement {
	for i := len(r.Statements) - 1; i >= 0; i-- {
		if r.Statements[i].Columns != nil {
			return &r.Statements[i]
		}
	}
	return nil
}

// sameAnswer reports whether two answers have the same number of columns
// and the same rows, in the same order if ordered. Column names do not
// matter. The page's check (web/static/js/exercise.js) judges the same way.
func sameAnswer(a, b *engine.Statement, ordered bool) bool {
	if a == nil || b == nil {
		return a == b
	}
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	return reflect.DeepEqual(rowKeys(a.Rows, ordered), rowKeys(b.Rows, ordered))
}

// rowKeys renders rows as comparable strings, sorted unless ordered.
func rowKeys(rows []engine.Row, ordered bool) []string {
	keys := make([]string, len(rows))
	for i, r := range rows {
		keys[i] = fmt.Sprintf("%#v", []any(r))
	}
	if !ordered {
		sort.Strings(keys)
	}
	return keys
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	fsys := lessons.Content()
	if fset.NArg() > 0 {
		fsys = os.DirFS(fset.Arg(0))
	}
	n, problems, err := checkCourse(context.Background(), fsys)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if len(problems) > 0 {
		return errors.New("check: the course has problems")
	}
	fmt.Fprintf(stdout, "dbtour: %d lesson(s): every cell runs and every exercise checks\n", n)
	return nil
}

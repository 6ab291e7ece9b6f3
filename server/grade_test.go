package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/course"
	"github.com/dbtour/dbtour/lessons/handin"
)

// sumLesson is a lesson with one exercise at cell 1: the sum of the
// rows of t, which rows says.
func sumLesson(rows string) string {
	return "---\ntitle: Sums\norder: 1\n---\n\n```sql\ncreate table t (n integer);\ninsert into t values " + rows + ";\n```\n\n" +
		"```sql exercise\n-- The sum of n.\nselect n from t;\n```\n```sql solution\nselect sum(n) from t;\n```\n"
}

// writeCourse writes a one-lesson course into dir and returns its version.
func writeCourse(t *testing.T, dir, rows string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sums.md"), []byte(sumLesson(rows)), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := lessons.SourceVersion(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// writeHandIn writes a hand-in of one answer to cell 1 of lesson sums.
func writeHandIn(t *testing.T, dir, file, learner, version, answer string, solved bool) {
	t.Helper()
	h := &handin.HandIn{Format: handin.Format, Version: handin.FormatVersion, Learner: learner,
		HandedIn: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), Course: handin.Course{Version: version}, Scope: "lesson",
		Lessons: []handin.Lesson{{Slug: "sums", Exercises: []handin.Exercise{{Cell: 1, Answer: answer, Edited: true, Solved: solved}}}}}
	b, err := handin.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGrade grades a folder of hand-ins, as a collecting server leaves
// it, against the current course (rows 1, 2, 3: the sum is 6) while an
// older version (rows 1, 2: the sum is 3) is kept in courses/.
func TestGrade(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	current := writeCourse(t, filepath.Join(root, "lessons"), "(1), (2), (3)")
	handins := filepath.Join(root, "handins")
	old := writeCourse(t, filepath.Join(handins, coursesDir, "old"), "(1), (2)")
	for _, h := range []struct{ file, learner, version, answer string }{
		{"a.json", "Right", current, "select sum(n) from t"},
		{"b.json", "Wrong", current, "select count(n) from t"},
		{"c.json", "Tampered", current, "select 5"},
		{"d.json", "Slow", current, slowSQL},
		{"e.json", "Old", old, "select 3"},
		{"f.json", "Unknown", "00000000000000ff", "select 6"},
		{"g.json", "Also wrong", current, "SELECT count(n)\n  FROM t;"},
	} {
		writeHandIn(t, handins, h.file, h.learner, h.version, h.answer, h.learner == "Tampered" || h.learner == "Right")
	}
	if err := os.WriteFile(filepath.Join(handins, "z.json"), []byte(`{"format": "dbtour-handin", "version": 1, "extra": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := run([]string{"grade", "-json", "-timeout", "100ms", "-lessons", filepath.Join(root, "lessons"), handins}, &out, &errs); err != nil {
		t.Fatalf("grade: %v (%s)", err, errs.String())
	}
	var r gradeReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("-json: %v\n%s", err, out.String())
	}
	byLearner := map[string]gradedHandIn{}
	for _, h := range r.HandIns {
		byLearner[h.Learner] = h
	}
	for _, tt := range []struct {
		learner, reason, flag string
		solved                bool
	}{
		{"Right", "", "", true},
		{"Wrong", "A row is missing or has a wrong value", "", false},
		{"Tampered", "A row is missing or has a wrong value", "", false},
		{"Slow", "time limit", "", false},
		{"Old", "", "", true},
		{"Unknown", "", "written for course version 00000000000000ff, which is not available: graded against", true},
		{"", "", "", false}, // z.json
	} {
		h := byLearner[tt.learner]
		if tt.learner == "" {
			if !strings.Contains(h.Error, `unknown field "extra"`) || len(h.Exercises) != 0 {
				t.Errorf("an invalid file: got %+v, want it not graded, saying why", h)
			}
			continue
		}
		if len(h.Exercises) != 1 {
			t.Errorf("%s: got %d grades, want 1", tt.learner, len(h.Exercises))
			continue
		}
		e := h.Exercises[0]
		if e.Solved != tt.solved || !strings.Contains(e.Reason, tt.reason) || !strings.Contains(h.Flag, tt.flag) || (tt.flag == "" && h.Flag != "") {
			t.Errorf("%s: got solved=%v reason %q flag %q, want solved=%v reason with %q flag with %q",
				tt.learner, e.Solved, e.Reason, h.Flag, tt.solved, tt.reason, tt.flag)
		}
	}
	if len(r.Summary) != 1 {
		t.Fatalf("summary: got %+v, want one exercise", r.Summary)
	}
	s := r.Summary[0]
	if s.HandedIn != 7 || s.Solved != 3 || len(s.CommonWrong) == 0 || s.CommonWrong[0].Count != 2 ||
		normalize(s.CommonWrong[0].Answer) != "select count(n) from t" {
		t.Errorf("summary: got %+v, want 3 of 7 solved, count(n) the most common wrong answer (twice)", s)
	}
}

// slowSQL never ends by itself.
const slowSQL = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"

func TestGradeOutputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	v := writeCourse(t, filepath.Join(dir, "lessons"), "(1), (2), (3)")
	writeHandIn(t, dir, "a.json", "=HYPERLINK(1)", v, "select count(*) from t", true)
	grade := func(args ...string) string {
		var out, errs bytes.Buffer
		if err := run(append([]string{"grade", "-lessons", filepath.Join(dir, "lessons")}, append(args, filepath.Join(dir, "a.json"))...), &out, &errs); err != nil {
			t.Fatalf("grade %v: %v (%s)", args, err, errs.String())
		}
		return out.String()
	}
	text := grade()
	for _, want := range []string{"=HYPERLINK(1) (", "0 of 1 solved", "WRONG (the file says solved)", "Summary per exercise", "1× select count(*) from t"} {
		if !strings.Contains(text, want) {
			t.Errorf("the table lacks %q:\n%s", want, text)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(grade("-csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][1] != "'=HYPERLINK(1)" || rows[1][6] != "sums" || rows[1][9] != "false" || rows[1][10] != "true" {
		t.Errorf("-csv: got %q, want a header and one row, the name kept from being a formula", rows)
	}
}

func TestGradeUsage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"nothing to grade", []string{"grade"}, "no hand-in files or folder given"},
		{"both outputs", []string{"grade", "-csv", "-json", "x"}, "exclude each other"},
		{"an empty folder", []string{"grade", t.TempDir()}, "no hand-in files"},
		{"a missing file", []string{"grade", "/nonexistent/a.json"}, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// TestNewLesson writes a skeleton, which dbtour check passes, and
// refuses to write over it or to take a bad name.
func TestNewLesson(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"new", "lesson", filepath.Join(dir, "window-functions")}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	r, err := course.Check(context.Background(), os.DirFS(dir))
	if err != nil || r.Lessons != 1 || len(r.Problems) > 0 {
		t.Fatalf("check of the skeleton: %d lessons, %v, %q", r.Lessons, err, r.Problems)
	}
	c, err := lessons.Load(os.DirFS(dir))
	if err != nil || c.Lessons[0].Title != "Window functions" {
		t.Errorf("the skeleton's title: %v", err)
	}
	for _, tt := range []struct {
		name, want string
	}{
		{filepath.Join(dir, "window-functions"), "file exists"},
		{filepath.Join(dir, "Bad Name"), "a lesson's name is"},
	} {
		if err := run([]string{"new", "lesson", tt.name}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("new lesson %s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

package main

import (
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/course"
	"github.com/dbtour/dbtour/lessons/handin"
	"github.com/dbtour/dbtour/wasm/engine"
)

// coursesDir is the folder of a collect directory where the server keeps
// the sources of every course version it served, one folder per version,
// so that `dbtour grade DIR` grades each hand-in against its own lessons.
const coursesDir = "courses"

// gradeReport is what `dbtour grade` finds: every hand-in's grades and a
// summary per exercise. -json writes it as is.
type gradeReport struct {
	HandIns []gradedHandIn    `json:"handIns"`
	Summary []exerciseSummary `json:"summary"`
}

// gradedHandIn is one hand-in file, graded.
type gradedHandIn struct {
	File          string    `json:"file"`
	Learner       string    `json:"learner,omitempty"`
	HandedIn      time.Time `json:"handedIn,omitzero"`
	CourseVersion string    `json:"courseVersion,omitempty"`
	// GradedAgainst is the version of the course it was graded against.
	GradedAgainst string `json:"gradedAgainst,omitempty"`
	// Flag says why the grades may not be what the learner saw: the
	// course it was written for is not available.
	Flag string `json:"flag,omitempty"`
	// Error says why the file could not be read; it has no grades then.
	Error     string           `json:"error,omitempty"`
	Solved    int              `json:"solved"`
	Exercises []gradedExercise `json:"exercises"`
}

// gradedExercise is one answer of a hand-in with its grade.
type gradedExercise struct {
	Lesson string `json:"lesson"`
	Cell   int    `json:"cell"`
	Line   int    `json:"line"`
	Solved bool   `json:"solved"`
	// PageSolved is what the learner's page said; never trusted.
	PageSolved bool   `json:"pageSolved"`
	Edited     bool   `json:"edited"`
	Reason     string `json:"reason,omitempty"`
	Answer     string `json:"answer"`
}

// exerciseSummary is how the class did on one exercise.
type exerciseSummary struct {
	Lesson    string `json:"lesson"`
	Cell      int    `json:"cell"`
	Line      int    `json:"line"`
	HandedIn  int    `json:"handedIn"`
	Attempted int    `json:"attempted"`
	Solved    int    `json:"solved"`
	// CommonWrong are the most frequent wrong answers (edited ones), most
	// frequent first.
	CommonWrong []wrongAnswer `json:"commonWrong"`
}

// wrongAnswer is a wrong answer, as written by its first author, how many
// gave it (after collapsing white space) and why it is wrong.
type wrongAnswer struct {
	Answer string `json:"answer"`
	Count  int    `json:"count"`
	Reason string `json:"reason"`
}

// maxCommonWrong is how many wrong answers a summary names per exercise.
const maxCommonWrong = 3

// runGrade is `dbtour grade [flags] HANDIN...|DIR`.
func runGrade(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("grade", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("lessons", "", "grade against the course in `DIR` (default: the built-in course) hand-ins whose own course version is not available")
	asCSV := fset.Bool("csv", false, "write one CSV row per learner and exercise")
	asJSON := fset.Bool("json", false, "write the grades and the summary as JSON")
	limit := fset.Duration("timeout", engine.DefaultTimeLimit, "time limit of each statement of an answer")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dbtour grade [flags] HANDIN.json...|DIR\n\nRe-runs every answer of the hand-ins (or of every *.json in DIR) and grades it.")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return errors.New("grade: no hand-in files or folder given")
	}
	if *asCSV && *asJSON {
		return errors.New("grade: -csv and -json exclude each other")
	}
	courses, err := newCourseSet(*dir)
	if err != nil {
		return err
	}
	files, err := handInFiles(fset.Args(), courses, stderr)
	if err != nil {
		return err
	}
	report, err := gradeAll(context.Background(), files, courses, *limit)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	case *asCSV:
		return writeGradesCSV(stdout, report)
	}
	return writeGradesText(stdout, report)
}

// courseSet is every course a hand-in may have been written for, by
// version, and the one to grade against when its own is not there.
type courseSet struct {
	byVersion map[string]*lessons.Course
	fallback  *lessons.Course
	// fallbackName says where the fallback came from, for flags.
	fallbackName string
}

// newCourseSet holds the built-in course and, when dir is set, the
// course in dir, which is then the fallback.
func newCourseSet(dir string) (*courseSet, error) {
	cs := &courseSet{byVersion: map[string]*lessons.Course{}}
	builtIn, err := cs.add(lessons.Content())
	if err != nil {
		return nil, fmt.Errorf("grade: the built-in course: %w", err)
	}
	cs.fallback, cs.fallbackName = builtIn, "the built-in course"
	if dir != "" {
		if cs.fallback, err = cs.add(os.DirFS(dir)); err != nil {
			return nil, fmt.Errorf("grade: -lessons %s: %w", dir, err)
		}
		cs.fallbackName = dir
	}
	return cs, nil
}

// add loads the course in fsys and holds it under its version.
func (cs *courseSet) add(fsys fs.FS) (*lessons.Course, error) {
	c, err := lessons.Load(fsys)
	if err != nil {
		return nil, err
	}
	cs.byVersion[c.Version] = c
	return c, nil
}

// forHandIn returns the course h was written for, or the fallback and a
// flag saying so.
func (cs *courseSet) forHandIn(h *handin.HandIn) (c *lessons.Course, flag string) {
	if c, ok := cs.byVersion[h.Course.Version]; ok {
		return c, ""
	}
	return cs.fallback, fmt.Sprintf("written for course version %s, which is not available: graded against %s (version %s)",
		h.Course.Version, cs.fallbackName, cs.fallback.Version)
}

// handInFiles lists the hand-in files args name: files as given, and the
// *.json files in a folder, whose courses/ folder adds the course
// versions a collecting server kept.
func handInFiles(args []string, cs *courseSet, stderr io.Writer) ([]string, error) {
	var files []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("grade: %w", err)
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		found, err := filepath.Glob(filepath.Join(arg, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("grade: %w", err)
		}
		files = append(files, found...)
		kept, _ := filepath.Glob(filepath.Join(arg, coursesDir, "*")) // the pattern is valid
		for _, d := range kept {
			if _, err := cs.add(os.DirFS(d)); err != nil {
				fmt.Fprintf(stderr, "dbtour: grade: skipping the course kept in %s: %v\n", d, err)
			}
		}
	}
	if len(files) == 0 {
		return nil, errors.New("grade: no hand-in files (*.json) found")
	}
	return files, nil
}

// gradeAll grades every file and sums up the class's answers.
func gradeAll(ctx context.Context, files []string, cs *courseSet, limit time.Duration) (*gradeReport, error) {
	r := &gradeReport{HandIns: []gradedHandIn{}, Summary: []exerciseSummary{}}
	for _, f := range files {
		g, err := gradeFile(ctx, f, cs, limit)
		if err != nil {
			return nil, fmt.Errorf("grade %s: %w", f, err)
		}
		r.HandIns = append(r.HandIns, g)
	}
	r.Summary = summarize(r.HandIns)
	return r, nil
}

// gradeFile reads and grades one hand-in; a file that does not read is
// reported in the result, not as an error.
func gradeFile(ctx context.Context, file string, cs *courseSet, limit time.Duration) (gradedHandIn, error) {
	g := gradedHandIn{File: file, Exercises: []gradedExercise{}}
	h, err := readHandIn(file)
	if err != nil {
		g.Error = err.Error()
		return g, nil
	}
	c, flag := cs.forHandIn(h)
	g.Learner, g.HandedIn, g.CourseVersion, g.GradedAgainst, g.Flag = h.Learner, h.HandedIn, h.Course.Version, c.Version, flag
	for _, hl := range h.Lessons {
		exs, err := gradeHandInLesson(ctx, c, hl, limit)
		if err != nil {
			return g, err
		}
		g.Exercises = append(g.Exercises, exs...)
	}
	for _, e := range g.Exercises {
		if e.Solved {
			g.Solved++
		}
	}
	return g, nil
}

// readHandIn reads a hand-in file, no larger than handin.MaxSize.
func readHandIn(file string) (*handin.HandIn, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, handin.MaxSize+1))
	if err != nil {
		return nil, err
	}
	return handin.Parse(data)
}

// gradeHandInLesson grades the answers of one lesson of a hand-in
// against course c, in the order of the hand-in.
func gradeHandInLesson(ctx context.Context, c *lessons.Course, hl handin.Lesson, limit time.Duration) ([]gradedExercise, error) {
	answers := map[int]string{}
	for _, e := range hl.Exercises {
		answers[e.Cell] = e.Answer
	}
	var grades map[int]course.Grade
	if l := lessonBySlug(c, hl.Slug); l != nil {
		var err error
		if grades, err = course.GradeLesson(ctx, l, answers, limit); err != nil {
			return nil, err
		}
	}
	exs := make([]gradedExercise, 0, len(hl.Exercises))
	for _, e := range hl.Exercises {
		g, ok := grades[e.Cell]
		if !ok {
			g.Reason = fmt.Sprintf("the course has no lesson %s", hl.Slug)
		}
		exs = append(exs, gradedExercise{Lesson: hl.Slug, Cell: e.Cell, Line: g.Line, Solved: g.Solved,
			PageSolved: e.Solved, Edited: e.Edited, Reason: g.Reason, Answer: e.Answer})
	}
	return exs, nil
}

func lessonBySlug(c *lessons.Course, slug string) *lessons.Lesson {
	for _, l := range c.Lessons {
		if l.Slug == slug {
			return l
		}
	}
	return nil
}

// summarize counts, per exercise in order of first appearance, how many
// handed it in, attempted it (edited the starting SQL) and solved it,
// and the most common wrong answers.
func summarize(hs []gradedHandIn) []exerciseSummary {
	type key struct {
		lesson string
		cell   int
	}
	var order []key
	sums := map[key]*exerciseSummary{}
	wrong := map[key]map[string]*wrongAnswer{}
	for _, h := range hs {
		for _, e := range h.Exercises {
			k := key{e.Lesson, e.Cell}
			s := sums[k]
			if s == nil {
				s = &exerciseSummary{Lesson: e.Lesson, Cell: e.Cell, Line: e.Line, CommonWrong: []wrongAnswer{}}
				sums[k], wrong[k] = s, map[string]*wrongAnswer{}
				order = append(order, k)
			}
			s.HandedIn++
			if e.Edited {
				s.Attempted++
			}
			switch {
			case e.Solved:
				s.Solved++
			case e.Edited:
				n := normalize(e.Answer)
				if wrong[k][n] == nil {
					wrong[k][n] = &wrongAnswer{Answer: e.Answer, Reason: e.Reason}
				}
				wrong[k][n].Count++
			}
		}
	}
	out := make([]exerciseSummary, 0, len(order))
	for _, k := range order {
		s := sums[k]
		for _, w := range wrong[k] {
			s.CommonWrong = append(s.CommonWrong, *w)
		}
		slices.SortFunc(s.CommonWrong, func(a, b wrongAnswer) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.Answer, b.Answer))
		})
		s.CommonWrong = s.CommonWrong[:min(len(s.CommonWrong), maxCommonWrong)]
		out = append(out, *s)
	}
	return out
}

// normalize makes answers that differ only in white space, case or a
// final semicolon count as one wrong answer.
func normalize(sql string) string {
	return strings.ToLower(strings.TrimRight(strings.Join(strings.Fields(sql), " "), "; "))
}

// oneLine shows SQL on one line of a table, cut to n characters.
func oneLine(sql string, n int) string {
	s := strings.Join(strings.Fields(sql), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// verdictWord is a grade as a word; a wrong answer the page called
// solved is marked, since the file was changed by hand or the lesson
// changed.
func verdictWord(e gradedExercise) string {
	switch {
	case e.Solved:
		return "solved"
	case e.PageSolved:
		return "WRONG (the file says solved)"
	case !e.Edited:
		return "not attempted"
	}
	return "wrong"
}

// writeGradesText writes a table per learner, then the summary.
func writeGradesText(w io.Writer, r *gradeReport) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, h := range r.HandIns {
		if h.Error != "" {
			fmt.Fprintf(tw, "%s: NOT GRADED: %s\n\n", h.File, h.Error)
			continue
		}
		fmt.Fprintf(tw, "%s (%s, handed in %s): %d of %d solved\n", h.Learner, h.File,
			h.HandedIn.UTC().Format("2006-01-02 15:04 UTC"), h.Solved, len(h.Exercises))
		if h.Flag != "" {
			fmt.Fprintf(tw, "  FLAG: %s\n", h.Flag)
		}
		fmt.Fprintln(tw, "  lesson\texercise\tgrade\tanswer\twhy")
		for _, e := range h.Exercises {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", e.Lesson, exerciseName(e.Cell, e.Line), verdictWord(e), oneLine(e.Answer, 50), e.Reason)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw, "Summary per exercise")
	fmt.Fprintln(tw, "  lesson\texercise\tsolved\tattempted\thanded in")
	for _, s := range r.Summary {
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\n", s.Lesson, exerciseName(s.Cell, s.Line), s.Solved, s.Attempted, s.HandedIn)
		for _, wa := range s.CommonWrong {
			fmt.Fprintf(tw, "  \t  %d× %s\t\t\t%s\n", wa.Count, oneLine(wa.Answer, 60), wa.Reason)
		}
	}
	return tw.Flush()
}

// exerciseName names an exercise for a table: its cell and its line in
// the lesson file, when known.
func exerciseName(cell, line int) string {
	if line == 0 {
		return fmt.Sprintf("cell %d", cell)
	}
	return fmt.Sprintf("cell %d (line %d)", cell, line)
}

// writeGradesCSV writes one row per learner and exercise, and a row per
// unreadable file.
func writeGradesCSV(w io.Writer, r *gradeReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"file", "learner", "handed_in", "course_version", "graded_against", "flag", "lesson", "cell", "line",
		"solved", "page_solved", "edited", "reason", "answer"})
	for _, h := range r.HandIns {
		head := []string{h.File, safeCSV(h.Learner), "", h.CourseVersion, h.GradedAgainst, h.Flag}
		if !h.HandedIn.IsZero() {
			head[2] = h.HandedIn.UTC().Format(time.RFC3339)
		}
		if h.Error != "" {
			cw.Write(append(head[:5:5], "not graded: "+h.Error, "", "", "", "", "", "", "", ""))
			continue
		}
		for _, e := range h.Exercises {
			cw.Write(append(slices.Clone(head), e.Lesson, strconv.Itoa(e.Cell), strconv.Itoa(e.Line),
				strconv.FormatBool(e.Solved), strconv.FormatBool(e.PageSolved), strconv.FormatBool(e.Edited), e.Reason, safeCSV(e.Answer)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCSV keeps a learner's text from being read as a formula by a
// spreadsheet that opens the CSV: text starting with =, +, @, a tab, a
// carriage return, or a minus that does not start a SQL comment, gets a
// leading apostrophe.
func safeCSV(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if !strings.HasPrefix(s, "--") {
			return "'" + s
		}
	}
	return s
}

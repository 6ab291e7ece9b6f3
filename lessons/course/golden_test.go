package course

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
	"github.com/dbtour/dbtour/web"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestCourseGolden pins the result of every cell of the course that ships,
// one golden file per lesson (testdata/SLUG.golden), so that a
// change to a lesson, the engine or a program shows up as a diff to read.
// Run with -update after a deliberate change. Results that read the clock
// (SQL calling now-functions, timings a program prints) are marked, not
// pinned: they differ on every run.
func TestCourseGolden(t *testing.T) {
	t.Parallel()
	course, err := lessons.Load(lessons.Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range course.Lessons {
		t.Run(l.Slug, func(t *testing.T) {
			t.Parallel()
			got, err := courseTranscript(context.Background(), l)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", l.Slug+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./lessons/course -run CourseGolden -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the lesson's results (-update rewrites it); %s", file, firstDifference(string(want), got))
			}
		})
	}
}

// firstDifference describes the first line where got differs from want.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, wl, gl)
		}
	}
	return "they differ"
}

// goldenNow is GORM's clock in golden runs.
var goldenNow = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

// courseTranscript runs a lesson's cells in page order and writes each
// result as text, in the words the page uses (package web).
func courseTranscript(ctx context.Context, l *lessons.Lesson) (string, error) {
	s, err := engine.Open(engine.Options{})
	if err != nil {
		return "", err
	}
	defer s.Close()
	var b strings.Builder
	for i, c := range l.Cells() {
		o, err := Run(ctx, s, c, runner.Options{Now: goldenNow})
		if err != nil {
			return "", fmt.Errorf("%s.md:%d: %w", l.Slug, c.Line, err)
		}
		fmt.Fprintf(&b, "## %s.md:%d cell %d\n", l.Slug, c.Line, i)
		switch {
		case o.Program != nil:
			writeProgram(&b, o.Program)
		case o.CSV != nil:
			writeCSV(&b, o.CSV)
		case readsClock.MatchString(c.Source):
			b.WriteString("(reads the clock: not pinned)\n")
		default:
			writeResult(&b, o.Result)
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// readsClock matches SQL whose results depend on when it runs.
var readsClock = regexp.MustCompile(`(?i)'now'|unixepoch\(\s*\)|current_(timestamp|date|time)|random\(`)

// durations matches times a program prints.
var durations = regexp.MustCompile(`\b\d+(\.\d+)?\s?(ns|µs|us|ms|s|m)\b`)

func writeResult(b *strings.Builder, r engine.Result) {
	for _, st := range r.Statements {
		if st.Columns == nil {
			fmt.Fprintf(b, "%s\n  %s\n", web.FirstLine(st.SQL), web.Describe(st.Changes))
			continue
		}
		fmt.Fprintf(b, "%s\n  | %s |\n", web.FirstLine(st.SQL), strings.Join(st.Columns, " | "))
		for _, row := range st.Rows {
			cells := make([]string, len(row))
			for i, v := range row {
				cells[i], _ = web.FormatValue(v)
			}
			fmt.Fprintf(b, "  | %s |\n", strings.Join(cells, " | "))
		}
		if st.Truncated {
			fmt.Fprintf(b, "  %s\n", web.TruncationNote(len(st.Rows), st.TotalRows))
		}
	}
	if r.Error != nil {
		fmt.Fprintf(b, "error: %v\n", r.Error)
	}
}

func writeProgram(b *strings.Builder, p *ProgramOutcome) {
	fmt.Fprintf(b, "program %s\n", p.Name)
	for _, st := range p.Result.Statements {
		fmt.Fprintf(b, "  sql: %s (%d rows)", st.SQL, st.Rows)
		if st.Error != "" {
			fmt.Fprintf(b, " error: %s", st.Error)
		}
		b.WriteString("\n")
	}
	for _, line := range strings.Split(strings.TrimRight(p.Result.Output, "\n"), "\n") {
		fmt.Fprintf(b, "  out: %s\n", durations.ReplaceAllString(line, "<time>"))
	}
	if p.Result.Error != "" {
		fmt.Fprintf(b, "error: %s\n", p.Result.Error)
	}
}

func writeCSV(b *strings.Builder, c *CSVOutcome) {
	if c.Error != "" {
		fmt.Fprintf(b, "csv into %s: error: %s\n", c.Table, c.Error)
		return
	}
	fmt.Fprintf(b, "csv into %s: %d rows\n", c.Table, c.Rows)
}

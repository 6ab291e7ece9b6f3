package lessons

// Lesson is one page of the course.
type Lesson struct {
	// Slug names the lesson in URLs: its file name without ".md".
	Slug string
	// Title and Summary come from the front matter.
	Title   string
	Summary string
	// Order places the lesson in the course, lowest first.
	Order int
	// Part is the part of the course the lesson belongs to, one of Parts;
	// the front page groups lessons under their parts.
	Part string
	// Blocks are the page's content in reading order.
	Blocks []Block
	// Hidden lessons (by the course file) are rendered, so links to them
	// work, but left out of the front page, the pager and a hand-in of
	// the whole course.
	Hidden bool
}

// Block is either prose (HTML rendered from the lesson's Markdown) or a
// cell; exactly one of HTML and Cell is set.
type Block struct {
	HTML string
	Cell *Cell
}

// CellKind says what a cell is for.
type CellKind int

const (
	// Query is an editable, runnable SQL cell.
	Query CellKind = iota
	// Setup is SQL that prepares the page's database before its first
	// cell runs; the page shows it folded.
	Setup
	// Exercise is a cell the reader completes; it checks itself against a
	// hidden reference solution.
	Exercise
	// Program runs a Go example program (GORM or database/sql) compiled
	// into the engine; Source is empty and Program names the example.
	Program
	// CSV imports its Source, CSV text with a header row, into the table
	// named Table.
	CSV
)

// Cell is a fenced block of a lesson that runs against the page's
// database.
type Cell struct {
	Kind CellKind
	// Source is the SQL (or, for CSV cells, the CSV) as written in the
	// lesson.
	Source string
	// Line is the line of the opening fence in the lesson's file.
	Line int
	// Params are the values of the cell's named parameters (for SQL
	// cells) or of the program's inputs (for Program cells), which the
	// page shows as form fields the reader may change.
	Params []Param
	// Program names the example program of a Program cell.
	Program string
	// Table names the table a CSV cell fills.
	Table string
	// Fails marks a SQL cell written to show an error: dbtour check
	// requires it to fail, and the page shows SQLite's message.
	Fails bool

	// The rest is for exercises only.

	// Solution is the reference SQL; a reader's SQL is right when it gives
	// the same result.
	Solution string
	// Check, when set, is a query run after the reader's SQL (and after the
	// solution) whose results are compared instead: for exercises that
	// change the database rather than query it.
	Check string
	// Ordered reports whether row order matters in the comparison.
	Ordered bool
	// Go marks a Go exercise (```go exercise): Source, Solution and the
	// Accept and Reject answers are Go files of package programs, run
	// interpreted, and judged by their output and Check's result.
	Go bool
	// Hints are revealed to the reader one at a time.
	Hints []string
	// Accept are other right answers and Reject plausible wrong ones:
	// dbtour check requires the judge to accept each of the first and
	// reject each of the second, so the judge is tested on the lesson's
	// own exercise. The page never shows them.
	Accept []Answer
	Reject []Answer
}

// Answer is SQL written as an answer to an exercise, with the line of its
// opening fence in the lesson's file, for messages.
type Answer struct {
	SQL  string
	Line int
}

// Cells returns the lesson's cells in page order, the order in which they
// run against the page's database.
func (l *Lesson) Cells() []*Cell {
	var cells []*Cell
	for _, b := range l.Blocks {
		if b.Cell != nil {
			cells = append(cells, b.Cell)
		}
	}
	return cells
}

// Parts are the parts of the course, in the order a beginner reads them.
var Parts = []string{"SQL basics", "Design", "SQL in depth", "Go", "Practice"}

// Param is a named value a reader may change before running a cell.
type Param struct {
	Name  string
	Value string
}

// ParamMap returns the cell's parameters by name.
func (c *Cell) ParamMap() map[string]string {
	m := make(map[string]string, len(c.Params))
	for _, p := range c.Params {
		m[p.Name] = p.Value
	}
	return m
}

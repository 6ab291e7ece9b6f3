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
	// Blocks are the page's content in reading order.
	Blocks []Block
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
)

// Cell is a fenced SQL block of a lesson.
type Cell struct {
	Kind CellKind
	// Source is the SQL as written in the lesson.
	Source string
	// Line is the line of the opening fence in the lesson's file.
	Line int

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
	// Hints are revealed to the reader one at a time.
	Hints []string
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

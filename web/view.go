package web

// LessonLink points to a lesson from another page.
type LessonLink struct {
	Href    string
	Title   string
	Summary string
	// Exercises is how many exercises the lesson has, for the reader's
	// progress on the front page.
	Exercises int
	// Part is the part of the course the lesson belongs to; the front page
	// lists lessons under their parts' headings.
	Part string
}

// Site locates the site from a page: every link is relative, so a site
// works under any path of any host.
type Site struct {
	// Root is the path from the page to the site's root ("" or "../../").
	Root string
	// Assets is the path from the page to the versioned static assets,
	// like "../../static/3f2a9c1e7b/".
	Assets string
}

// IndexView is the course's front page: the list of lessons.
type IndexView struct {
	Site
	Title   string
	Lessons []LessonLink
}

// LessonView is one lesson page, with every cell's result precomputed so
// the page reads fully before any wasm loads.
type LessonView struct {
	Site
	Title  string
	Blocks []BlockView
	// TimeLimitMs bounds each statement of the lesson's own cells in the
	// reader's browser (the reader's edits keep the engine's default).
	TimeLimitMs int
	// Prev and Next are the neighbouring lessons; nil at either end.
	Prev, Next *LessonLink
}

// hasCells reports whether a lesson has cells, and so a database.
func hasCells(v LessonView) bool {
	for _, b := range v.Blocks {
		if b.Cell != nil {
			return true
		}
	}
	return false
}

// BlockView is prose HTML or a cell; exactly one is set.
type BlockView struct {
	HTML string
	Cell *CellView
}

// CellView is a SQL cell with the result of running it in page order.
type CellView struct {
	// Index is the cell's position among the page's cells, from 0.
	Index int
	// Setup marks a cell that prepares the database and is shown folded.
	Setup  bool
	Source string
	Result ResultView
	// Exercise is set for a cell that checks itself.
	Exercise *ExerciseView
	// Params are the cell's named parameters, or its program's inputs,
	// shown as form fields the reader may change.
	Params []Param
	// Program is set for a cell that runs an example program; CSV for one
	// that imports CSV text. Source and Result are unused then.
	Program *ProgramView
	CSV     *CSVView
}

// Param is a named value with a form field on the page.
type Param struct {
	Name  string
	Value string
}

// ResultView is what a SQL cell's script did: one StatementView per
// statement that ran, in script order, then the error that stopped the
// script, if any.
type ResultView struct {
	Statements []StatementView
	// Error is nil when every statement ran.
	Error *ErrorView
}

// StatementView is one statement's outcome as the page shows it.
type StatementView struct {
	// SQL is the statement's own text; its first line captions the result.
	SQL string
	// Columns names the result columns; nil for a statement that returns
	// no rows, which shows Changes instead.
	Columns []string
	// Rows are the rows shown. Each value is nil, int64, float64, string
	// or []byte, as SQLite stored it (FormatValue shows it).
	Rows [][]any
	// Truncated reports that rows were dropped; TotalRows then counts
	// them all, or is -1 when there were too many to count.
	Truncated bool
	TotalRows int64
	// Changes counts the rows the statement inserted, updated or deleted.
	Changes int64
}

// ErrorView is why a script stopped: SQLite's message and where in the
// cell it points, both from 1.
type ErrorView struct {
	Message      string
	Line, Column int
}

// ProgramView is an example program's cell: its name, its Go source (the
// file that was compiled) and what running it in page order did.
type ProgramView struct {
	Name   string
	Source string
	Result ProgramResultView
}

// ProgramResultView is what a program did: the SQL statements it made
// SQLite run, in order; what it printed; and its error ("" for none).
type ProgramResultView struct {
	Statements []ProgramStatementView
	Output     string
	Error      string
}

// ProgramStatementView is one SQL statement a program ran, with its bound
// values written in, and the rows it affected (-1 when unknown) or its
// error.
type ProgramStatementView struct {
	SQL   string
	Rows  int64
	Error string
}

// CSVView is a CSV cell: the table it fills and how many rows it
// imported, or why it failed.
type CSVView struct {
	Table string
	Rows  int
	Error string
}

// ExerciseView is what the page needs to check an exercise in the
// browser: the reference solution, the optional check query, whether row
// order matters, and the hints.
type ExerciseView struct {
	Solution string
	Check    string
	Ordered  bool
	Hints    []string
}

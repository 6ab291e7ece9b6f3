package web

import "github.com/dbtour/dbtour/wasm/engine"

// LessonLink points to a lesson from another page.
type LessonLink struct {
	Href    string
	Title   string
	Summary string
}

// IndexView is the course's front page: the list of lessons.
type IndexView struct {
	// Root is the relative path from the page to the site's root ("" or
	// "../../"), so an exported site works under any path.
	Root    string
	Title   string
	Lessons []LessonLink
}

// LessonView is one lesson page, with every cell's result precomputed so
// the page reads fully before any wasm loads.
type LessonView struct {
	Root   string
	Title  string
	Blocks []BlockView
	// Prev and Next are the neighbouring lessons; nil at either end.
	Prev, Next *LessonLink
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
	Result engine.Result
}

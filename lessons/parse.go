package lessons

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown renders lesson prose. Raw HTML in a lesson is dropped
// (goldmark's default), so a lesson cannot inject script into its page.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// Error is a problem at a line of a lesson file.
type Error struct {
	File string
	Line int
	Err  error
}

// Error formats the problem as file:line: message, as compilers do.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// errorAt is a problem at a line of the lesson being parsed; Parse adds
// the file name.
func errorAt(line int, format string, args ...any) error {
	return &Error{Line: line, Err: fmt.Errorf(format, args...)}
}

// Parse reads one lesson file: front matter between "---" lines, then
// Markdown whose ```sql, ```csv and ```go orm= fences become cells (and
// parts of the cell before them: an exercise's solution, check, accept,
// reject and hint blocks; a cell's params). The lesson's slug is the file
// name without ".md". Errors are *Error values naming file and line.
func Parse(file string, src []byte) (*Lesson, error) {
	l, err := parse(strings.TrimSuffix(file, ".md"), src)
	var e *Error
	if errors.As(err, &e) {
		e.File = file
	}
	return l, err
}

func parse(slug string, src []byte) (*Lesson, error) {
	l := &Lesson{Slug: slug}
	body, bodyLine, err := parseFrontMatter(l, src)
	if err != nil {
		return nil, err
	}
	doc := markdown.Parser().Parse(text.NewReader(body))
	var prose bytes.Buffer
	flush := func() {
		if prose.Len() > 0 {
			l.Blocks = append(l.Blocks, Block{HTML: prose.String()})
			prose.Reset()
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		f, err := parseFence(n, body, bodyLine)
		if err != nil {
			return nil, err
		}
		switch {
		case f == nil:
			if err := markdown.Renderer().Render(&prose, body, n); err != nil {
				return nil, errorAt(bodyLine, "render: %v", err)
			}
		case f.part != "":
			if err := attach(l, prose.Len() > 0, f); err != nil {
				return nil, err
			}
		default:
			flush()
			l.Blocks = append(l.Blocks, Block{Cell: f.cell})
		}
	}
	flush()
	return l, validate(l)
}

// validate checks what only the whole lesson shows.
func validate(l *Lesson) error {
	cells := l.Cells()
	if len(cells) == 0 {
		return errorAt(1, "a lesson needs at least one ```sql cell")
	}
	for _, c := range cells {
		if c.Kind == Exercise && c.Solution == "" {
			return errorAt(c.Line, "exercise has no ```sql solution after it")
		}
	}
	return nil
}

// attach adds a part to the cell right before it: a solution, check,
// accept, reject or hint to an exercise, or params to a SQL or program
// cell. An exercise's parts may come in any order, but a solution and a
// check only once each.
func attach(l *Lesson, proseBetween bool, f *fence) error {
	var prev *Cell
	if n := len(l.Blocks); n > 0 && !proseBetween {
		prev = l.Blocks[n-1].Cell
	}
	if f.part == "params" {
		if prev == nil || (prev.Kind != Query && prev.Kind != Program) || prev.Params != nil {
			return errorAt(f.line, "```params must follow a ```sql or ```go orm=NAME cell directly, once")
		}
		params, err := parseParams(f.text, f.line)
		prev.Params = params
		return err
	}
	if prev == nil || prev.Kind != Exercise {
		return errorAt(f.line, "```%s must follow a ```sql exercise (or its other parts) directly", f.info)
	}
	if goPart := f.part == "solution" || f.part == "accept" || f.part == "reject"; goPart && f.goPart != prev.Go {
		want := map[bool]string{true: "go", false: "sql"}[prev.Go]
		return errorAt(f.line, "```%s after a ```%s exercise: write ```%s %s", f.info, want, want, f.part)
	}
	switch f.part {
	case "solution":
		return setOnce(&prev.Solution, f)
	case "check":
		return setOnce(&prev.Check, f)
	case "accept":
		prev.Accept = append(prev.Accept, Answer{SQL: f.text, Line: f.line})
	case "reject":
		prev.Reject = append(prev.Reject, Answer{SQL: f.text, Line: f.line})
	case "hint":
		prev.Hints = append(prev.Hints, f.text)
	}
	return nil
}

// setOnce sets *field to f's text unless an earlier fence already set it.
func setOnce(field *string, f *fence) error {
	if *field != "" {
		return errorAt(f.line, "an exercise has one ```%s; this is a second", f.info)
	}
	*field = f.text
	return nil
}

// parseParams reads "name = value" lines; the value is the rest of the
// line, trimmed, and may be empty.
func parseParams(text string, fenceLine int) ([]Param, error) {
	params := []Param{}
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok || !validName(name) {
			return nil, errorAt(fenceLine+1+i, "want name = value (a name is letters, digits and _), got %q", line)
		}
		if seen[name] {
			return nil, errorAt(fenceLine+1+i, "parameter %q given twice", name)
		}
		seen[name] = true
		params = append(params, Param{Name: name, Value: strings.TrimSpace(value)})
	}
	return params, nil
}

// validName reports whether s is a parameter, program or table name:
// letters, digits, _ and -, not starting with a digit.
func validName(s string) bool {
	for i, r := range s {
		letter := r == '_' || r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return s != ""
}

// fence is a fenced block that dbtour gives a meaning: a cell, or a part
// of the exercise before it.
type fence struct {
	cell *Cell  // a new cell; nil for a part
	part string // "solution", "check", "accept", "reject", "hint" or "params"; "" for a cell
	// goPart marks a Go exercise's solution, accept or reject block.
	goPart bool
	info   string // the info string, for messages
	text   string
	line   int
}

// parseFence returns what n is, or nil if n is prose.
func parseFence(n ast.Node, src []byte, firstLine int) (*fence, error) {
	block, ok := n.(*ast.FencedCodeBlock)
	if !ok || block.Info == nil {
		return nil, nil
	}
	info := strings.Join(strings.Fields(string(block.Info.Segment.Value(src))), " ")
	f := &fence{info: info, line: firstLine + bytes.Count(src[:block.Info.Segment.Start], []byte("\n"))}
	if err := classify(f); err != nil || (f.cell == nil && f.part == "") {
		return nil, err
	}
	var text strings.Builder
	for i := 0; i < block.Lines().Len(); i++ {
		seg := block.Lines().At(i)
		text.Write(seg.Value(src))
	}
	f.text = strings.TrimRight(text.String(), "\n")
	empty := strings.TrimSpace(f.text) == ""
	if program := f.cell != nil && f.cell.Kind == Program; empty != program {
		if program {
			return nil, errorAt(f.line, "leave ```%s empty: the page shows the program's own source file", info)
		}
		return nil, errorAt(f.line, "empty ```%s block", info)
	}
	if f.cell != nil {
		f.cell.Source, f.cell.Line = f.text, f.line
	}
	return f, nil
}

// classify sets what f is from its info string: a cell, a part, or
// neither (another language's code, which stays prose).
func classify(f *fence) error {
	kind, arg, _ := strings.Cut(f.info, " ")
	switch {
	case f.info == "sql":
		f.cell = &Cell{Kind: Query}
	case f.info == "sql fails":
		f.cell = &Cell{Kind: Query, Fails: true}
	case f.info == "sql setup":
		f.cell = &Cell{Kind: Setup}
	case f.info == "sql exercise", f.info == "sql exercise ordered":
		f.cell = &Cell{Kind: Exercise, Ordered: f.info == "sql exercise ordered"}
	case f.info == "sql solution", f.info == "sql check", f.info == "sql accept", f.info == "sql reject":
		f.part = strings.TrimPrefix(f.info, "sql ")
	case f.info == "go exercise":
		f.cell = &Cell{Kind: Exercise, Go: true}
	case f.info == "go solution", f.info == "go accept", f.info == "go reject":
		f.part, f.goPart = strings.TrimPrefix(f.info, "go "), true
	case f.info == "hint", f.info == "params":
		f.part = f.info
	case kind == "go" && strings.HasPrefix(arg, "orm="):
		f.cell = &Cell{Kind: Program, Program: strings.TrimPrefix(arg, "orm=")}
		if !validName(f.cell.Program) {
			return errorAt(f.line, "```go orm=NAME: bad program name %q", f.cell.Program)
		}
	case kind == "csv" && strings.HasPrefix(arg, "table="):
		f.cell = &Cell{Kind: CSV, Table: strings.TrimPrefix(arg, "table=")}
		if !validName(f.cell.Table) {
			return errorAt(f.line, "```csv table=NAME: bad table name %q", f.cell.Table)
		}
	case kind == "sql" || kind == "csv":
		return errorAt(f.line, "unknown cell kind %q (want ```sql, ```sql fails, ```sql setup, ```sql exercise [ordered], ```sql solution, ```sql check, ```sql accept, ```sql reject, ```hint, ```params, ```csv table=NAME, ```go orm=NAME or ```go exercise)", f.info)
	}
	return nil
}

// parseFrontMatter fills l from the "key: value" lines between the
// leading "---" lines and returns the Markdown after them with the line
// number it starts on.
func parseFrontMatter(l *Lesson, src []byte) (body []byte, bodyLine int, err error) {
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil, 0, errorAt(1, "want front matter starting with ---")
	}
	for i := 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			if l.Title == "" {
				return nil, 0, errorAt(i+1, "front matter has no title")
			}
			rest := strings.Join(lines[i+1:], "")
			return []byte(rest), i + 2, nil
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := setField(l, line); err != nil {
			return nil, 0, errorAt(i+1, "%v", err)
		}
	}
	return nil, 0, errorAt(1, "front matter is not closed by ---")
}

// setField sets the front matter field that line ("key: value") names.
func setField(l *Lesson, line string) error {
	key, value, ok := strings.Cut(line, ":")
	if !ok {
		return fmt.Errorf("want key: value, got %q", line)
	}
	value = strings.TrimSpace(value)
	if unq, err := strconv.Unquote(value); err == nil {
		value = unq
	}
	switch strings.TrimSpace(key) {
	case "title":
		l.Title = value
	case "summary":
		l.Summary = value
	case "order":
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("order: want a whole number, got %q", value)
		}
		l.Order = n
	case "part":
		if !slices.Contains(Parts, value) {
			return fmt.Errorf("part: want one of %q, got %q", Parts, value)
		}
		l.Part = value
	default:
		return fmt.Errorf("unknown front matter key %q (want title, summary, order or part)", key)
	}
	return nil
}

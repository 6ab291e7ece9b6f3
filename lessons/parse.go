package lessons

import (
	"bytes"
	"errors"
	"fmt"
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
// Markdown whose ```sql fences become cells. The lesson's slug is the file
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
		cell, err := parseCell(n, body, bodyLine)
		if err != nil {
			return nil, err
		}
		if cell == nil {
			if err := markdown.Renderer().Render(&prose, body, n); err != nil {
				return nil, errorAt(bodyLine, "render: %v", err)
			}
			continue
		}
		flush()
		l.Blocks = append(l.Blocks, Block{Cell: cell})
	}
	flush()
	if len(l.Cells()) == 0 {
		return nil, errorAt(1, "a lesson needs at least one ```sql cell")
	}
	return l, nil
}

// parseCell returns the cell n is, or nil if n is prose.
func parseCell(n ast.Node, src []byte, firstLine int) (*Cell, error) {
	fence, ok := n.(*ast.FencedCodeBlock)
	if !ok || fence.Info == nil {
		return nil, nil
	}
	info := strings.Fields(string(fence.Info.Segment.Value(src)))
	if len(info) == 0 || info[0] != "sql" {
		return nil, nil
	}
	line := firstLine + bytes.Count(src[:fence.Info.Segment.Start], []byte("\n"))
	cell := &Cell{Kind: Query, Line: line}
	switch strings.Join(info[1:], " ") {
	case "":
	case "setup":
		cell.Kind = Setup
	default:
		return nil, errorAt(line, "unknown cell kind %q (want ```sql or ```sql setup)", strings.Join(info[1:], " "))
	}
	var text strings.Builder
	for i := 0; i < fence.Lines().Len(); i++ {
		seg := fence.Lines().At(i)
		text.Write(seg.Value(src))
	}
	cell.Source = strings.TrimRight(text.String(), "\n")
	if strings.TrimSpace(cell.Source) == "" {
		return nil, errorAt(line, "empty sql cell")
	}
	return cell, nil
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
	default:
		return fmt.Errorf("unknown front matter key %q (want title, summary or order)", key)
	}
	return nil
}

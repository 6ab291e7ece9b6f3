package web

import (
	"encoding/hex"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dbtour/dbtour/sqlfmt"
)

// The page script (web/static/js/results.js) mirrors every function here,
// so a result reads the same whether the server or the browser computed it.

const (
	// BlobShown is how many bytes of a blob are shown as hex.
	BlobShown = 16
	// TextShown is how many characters of a long text are shown before
	// the reader expands it.
	TextShown = 160
)

// FormatValue returns how a result value is shown and its CSS class: NULL
// as NULL, numbers as SQLite writes them (a REAL always with a point: 7.0),
// a blob as x'hex' (its first BlobShown bytes) and its length, text as it
// is. The vectors in web/testdata/format.json hold it and results.js alike.
func FormatValue(v any) (text, class string) {
	switch v := v.(type) {
	case nil:
		return "NULL", "null"
	case int64:
		return strconv.FormatInt(v, 10), "num"
	case float64:
		return sqlfmt.Real(v), "num"
	case []byte:
		return formatBlob(v), "blob"
	case string:
		return v, "text"
	}
	return "?", "text"
}

// formatBlob shows a blob as x'…' with its length, shortened past
// BlobShown bytes.
func formatBlob(b []byte) string {
	shown, more := b, ""
	if len(b) > BlobShown {
		shown, more = b[:BlobShown], "…"
	}
	return "x'" + hex.EncodeToString(shown) + more + "' (" + Count(len(b), "byte") + ")"
}

// Clip returns the start of a text longer than TextShown characters, to
// show until the reader expands it; ok is false for a short text.
func Clip(s string) (head string, ok bool) {
	if utf8.RuneCountInString(s) <= TextShown {
		return "", false
	}
	n := 0
	for i := range s {
		if n == TextShown {
			return s[:i], true
		}
		n++
	}
	return s, true
}

// Count says "1 byte", "2,048 bytes": n with thousands separators and
// the word, plural unless n is 1.
func Count(n int, word string) string {
	if n != 1 {
		word += "s"
	}
	return group(n) + " " + word
}

// group writes n with commas between groups of three digits.
func group(n int) string {
	digits, sign := strconv.Itoa(n), ""
	if n < 0 {
		digits, sign = digits[1:], "-"
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// NumericColumns reports, for each column of st, whether it holds
// numbers only (NULLs aside, at least one number): such a column's
// heading is right-aligned like its values.
func NumericColumns(st StatementView) []bool {
	num := make([]bool, len(st.Columns))
	for i := range st.Columns {
		seen := false
		num[i] = true
		for _, row := range st.Rows {
			switch row[i].(type) {
			case nil:
			case int64, float64:
				seen = true
			default:
				num[i] = false
			}
		}
		num[i] = num[i] && seen
	}
	return num
}

// Describe says what a statement without result columns did.
func Describe(changes int64) string {
	switch changes {
	case 0:
		return "Done."
	case 1:
		return "1 row changed."
	}
	return Count(int(changes), "row") + " changed."
}

// TruncationNote says how many of a statement's rows are shown; total is
// -1 when the statement had too many rows to count.
func TruncationNote(shown int, total int64) string {
	if total < 0 {
		return "Showing the first " + Count(shown, "row") + "; there are more."
	}
	return "Showing the first " + group(shown) + " of " + Count(int(total), "row") + "."
}

// FirstLine returns the first line of a statement, shortened, as the
// caption of its result.
func FirstLine(sql string) string {
	line, _, more := strings.Cut(sql, "\n")
	if r := []rune(line); len(r) > 72 {
		return string(r[:72]) + "…"
	}
	if more {
		return line + " …"
	}
	return line
}

// keepSpace escapes s for HTML text and writes its whitespace as
// character references, except a lone space between other characters: the
// page minifier collapses runs of literal whitespace, and a value must
// keep its line breaks and runs of spaces (results show them, pre-wrap).
func keepSpace(s string) string {
	s = html.EscapeString(s)
	var b strings.Builder
	for i, r := range s {
		lone := r == ' ' && i > 0 && i < len(s)-1 && !isSpace(s[i-1]) && !isSpace(s[i+1])
		if isSpace(byte(r)) && r < 0x80 && !lone {
			fmt.Fprintf(&b, "&#%d;", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isSpace reports whether c is whitespace to HTML.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// homeHref is the link to the course's front page from a page at root.
func homeHref(root string) string {
	if root == "" {
		return "./"
	}
	return root
}

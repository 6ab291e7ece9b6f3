package web

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
)

// FormatValue returns how a result value is shown and its CSS class. It
// matches the page script's formatting (web/static/js/results.js), so a
// result reads the same whether the server or the browser computed it.
func FormatValue(v any) (text, class string) {
	switch v := v.(type) {
	case nil:
		return "NULL", "null"
	case int64:
		return strconv.FormatInt(v, 10), "num"
	case float64:
		return formatReal(v), "num"
	case []byte:
		return "x'" + hex.EncodeToString(v) + "'", "blob"
	case string:
		return v, "text"
	}
	return "?", "text"
}

// formatReal formats f as JavaScript's Number.prototype.toString does:
// the shortest digits that read back as f, in exponent form below 1e-6
// and from 1e21.
func formatReal(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	if a := math.Abs(f); a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // like 1.5e-07 or 1e+21
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[:1]
	exp = strings.TrimLeft(exp[1:], "0")
	return mant + "e" + sign + exp
}

// Describe says what a statement without result columns did.
func Describe(changes int64) string {
	switch changes {
	case 0:
		return "Done."
	case 1:
		return "1 row changed."
	}
	return strconv.FormatInt(changes, 10) + " rows changed."
}

// TruncationNote says how many of a statement's rows are shown; total is
// -1 when the statement had too many rows to count.
func TruncationNote(shown int, total int64) string {
	if total < 0 {
		return "Showing the first " + strconv.Itoa(shown) + " rows; there are more."
	}
	return "Showing the first " + strconv.Itoa(shown) + " of " + strconv.FormatInt(total, 10) + " rows."
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

// homeHref is the link to the course's front page from a page at root.
func homeHref(root string) string {
	if root == "" {
		return "./"
	}
	return root
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

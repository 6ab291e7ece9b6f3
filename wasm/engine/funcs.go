package engine

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// boundFunctions replaces SQLite's instr, replace and two-argument trim,
// ltrim and rtrim with versions whose work grows with their arguments'
// length, not with its square, and LIKE with one that stops at the time
// limit (see like). SQLite's own compare each position of one
// string with the whole of the other: one call on long strings ran for
// minutes, and SQLite's progress handler, which enforces the time limit,
// is not called inside a function. The results are SQLite's.
//
// GLOB stays SQLite's (the query planner uses an index for GLOB 'abc*'
// only with the built-in one); its work is bounded by MaxLikePattern and
// the string length limit instead.
func boundFunctions(conn *sqlite3.Conn) error {
	const flags = sqlite3.DETERMINISTIC | sqlite3.INNOCUOUS
	funcs := []struct {
		name string
		n    int
		fn   sqlite3.ScalarFunction
	}{
		{"instr", 2, instr},
		{"replace", 3, replace},
		{"trim", 2, trimFunc(true, true)},
		{"ltrim", 2, trimFunc(true, false)},
		{"rtrim", 2, trimFunc(false, true)},
		{"like", 2, like},
		{"like", 3, like},
	}
	for _, f := range funcs {
		if err := conn.CreateFunction(f.name, f.n, flags, f.fn); err != nil {
			return fmt.Errorf("function %s: %w", f.name, err)
		}
	}
	return nil
}

// instr(X, Y) is the 1-based position of the first Y in X, in characters
// (in bytes when both are blobs), 0 when there is none, NULL when either
// is NULL. https://sqlite.org/lang_corefunc.html#instr
func instr(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	if arg[0].Type() == sqlite3.BLOB && arg[1].Type() == sqlite3.BLOB {
		h, n := arg[0].RawBlob(), arg[1].RawBlob()
		ctx.ResultInt64(int64(strings.Index(string(h), string(n)) + 1))
		return
	}
	h, n := arg[0].RawText(), arg[1].RawText()
	i := strings.Index(string(h), string(n))
	if i < 0 {
		ctx.ResultInt64(0)
		return
	}
	ctx.ResultInt64(int64(charCount(h[:i]) + 1))
}

// charCount counts the UTF-8 characters in b as SQLite does: every byte
// that does not continue a character.
func charCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

// replace(X, Y, Z) is X with every Y replaced by Z, as text; X when Y is
// empty (for SQLite, when it starts with a NUL byte); NULL when X, Y or,
// past that, Z is NULL. https://sqlite.org/lang_corefunc.html#replace
func replace(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	x, y := string(arg[0].RawText()), string(arg[1].RawText())
	if y == "" || y[0] == 0 {
		ctx.ResultText(x)
		return
	}
	if arg[2].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	z := string(arg[2].RawText())
	n := strings.Count(x, y)
	if size := len(x) + n*(len(z)-len(y)); size > ctx.Conn().Limit(sqlite3.LIMIT_LENGTH, -1) {
		ctx.ResultError(sqlite3.TOOBIG)
		return
	}
	ctx.ResultText(strings.ReplaceAll(x, y, z))
}

// trimFunc is trim, ltrim or rtrim with a set of characters to remove:
// from the left, the right or both. https://sqlite.org/lang_corefunc.html#trim
func trimFunc(left, right bool) sqlite3.ScalarFunction {
	return func(ctx sqlite3.Context, arg ...sqlite3.Value) {
		if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		x, set := string(arg[0].RawText()), charSet(arg[1].RawText())
		in := func(r string) bool { _, ok := set[r]; return ok }
		if left {
			for x != "" {
				_, n := utf8.DecodeRuneInString(x)
				if !in(x[:n]) {
					break
				}
				x = x[n:]
			}
		}
		if right {
			for x != "" {
				_, n := utf8.DecodeLastRuneInString(x)
				if !in(x[len(x)-n:]) {
					break
				}
				x = x[:len(x)-n]
			}
		}
		ctx.ResultText(x)
	}
}

// charSet is the set of the characters of b, each as its UTF-8 bytes.
func charSet(b []byte) map[string]struct{} {
	set := map[string]struct{}{}
	s := string(b)
	for s != "" {
		_, n := utf8.DecodeRuneInString(s)
		set[s[:n]] = struct{}{}
		s = s[n:]
	}
	return set
}

package engine

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// maxLikeFuncPattern bounds, in bytes, the pattern of the engine's LIKE,
// which stops at the time limit and so can take a longer one than GLOB.
const maxLikeFuncPattern = 50_000

// errEscape is SQLite's error for an ESCAPE that is not one character.
var errEscape = errors.New("ESCAPE expression must be a single character")

// like is SQL's LIKE, like(pattern, string[, escape]), as SQLite's own
// computes it (https://sqlite.org/lang_expr.html#like): % matches any
// run of characters, _ one character, ASCII letters match either case, an
// escape character makes the next one literal. Unlike SQLite's, it checks
// the time limit as it goes: its work can grow with the string's length
// times the pattern's, and SQLite's progress handler is not called inside
// a function. No lesson relies on LIKE using an index, which only the
// built-in one can (GLOB stays built-in for that).
func like(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	pattern := cString(arg[0].RawText())
	if len(arg[0].RawText()) > maxLikeFuncPattern {
		ctx.ResultError(fmt.Errorf("LIKE pattern too long: it may have at most %d bytes", maxLikeFuncPattern))
		return
	}
	esc := rune(-1)
	if len(arg) == 3 {
		if arg[2].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		e := cString(arg[2].RawText())
		if len(e) == 0 {
			ctx.ResultError(errEscape)
			return
		}
		r, n := utf8Read(e)
		if n != len(e) {
			ctx.ResultError(errEscape)
			return
		}
		esc = r
	}
	p := compiledLike(ctx, pattern, esc)
	if !p.ok { // an escape with nothing after it matches nothing
		ctx.ResultInt64(0)
		return
	}
	match, err := likeMatch(p.tokens, cString(arg[1].RawText()), ctx.Conn().GetInterrupt().Err)
	if err != nil {
		ctx.ResultError(sqlite3.INTERRUPT)
		return
	}
	ctx.ResultBool(match)
}

// likePattern is a pattern read into tokens, with the escape character
// it was read with; ok is false for one that matches nothing.
type likePattern struct {
	tokens []likeToken
	esc    rune
	ok     bool
}

// compiledLike returns pattern read with esc, reusing the tokens SQLite
// keeps for the statement while the pattern argument stays the same (a
// LIKE over a table reads its pattern once, not once a row).
func compiledLike(ctx sqlite3.Context, pattern []byte, esc rune) *likePattern {
	if p, ok := ctx.GetAuxData(0).(*likePattern); ok && p.esc == esc {
		return p
	}
	tokens, ok := likeTokens(pattern, esc)
	p := &likePattern{tokens: tokens, esc: esc, ok: ok}
	ctx.SetAuxData(0, p)
	return p
}

// likeToken is one element of a LIKE pattern: % (any), _ (one) or a
// literal character.
type likeToken struct {
	any, one bool
	lit      rune
}

// likeTokens reads pattern with escape character esc (-1 for none). As in
// SQLite, an escape character that is % or _ stops that one being a
// wildcard. ok is false when the pattern ends in an escape character.
func likeTokens(pattern []byte, esc rune) (tokens []likeToken, ok bool) {
	for len(pattern) > 0 {
		c, n := utf8Read(pattern)
		pattern = pattern[n:]
		switch {
		case c == esc:
			if len(pattern) == 0 {
				return nil, false
			}
			c, n = utf8Read(pattern)
			pattern = pattern[n:]
			tokens = append(tokens, likeToken{lit: c})
		case c == '%':
			tokens = append(tokens, likeToken{any: true})
		case c == '_':
			tokens = append(tokens, likeToken{one: true})
		default:
			tokens = append(tokens, likeToken{lit: c})
		}
	}
	return tokens, true
}

// likeMatch reports whether str, UTF-8 as SQLite reads it, matches
// tokens, calling stop every so often and giving up with its error. It
// backtracks only to the last %, so its work is at most the string's
// length times the pattern's.
func likeMatch(tokens []likeToken, str []byte, stop func() error) (bool, error) {
	ti, si := 0, 0
	star, starSi := -1, 0
	for steps := 0; si < len(str); steps++ {
		if steps&0x3fff == 0x3fff {
			if err := stop(); err != nil {
				return false, err
			}
		}
		c, n := rune(str[si]), 1
		if c >= 0x80 {
			c, n = utf8Read(str[si:])
		}
		switch {
		case ti < len(tokens) && tokens[ti].any:
			star, starSi = ti, si
			ti++
		case ti < len(tokens) && (tokens[ti].one || sameFolded(tokens[ti].lit, c)):
			ti++
			si += n
		case star >= 0:
			ti = star + 1
			if str[starSi] < 0x80 {
				starSi++
			} else {
				_, m := utf8Read(str[starSi:])
				starSi += m
			}
			si = starSi
		default:
			return false, nil
		}
	}
	for ti < len(tokens) && tokens[ti].any {
		ti++
	}
	return ti == len(tokens), nil
}

// sameFolded compares two characters as LIKE does: ASCII letters in
// either case, everything else exactly.
func sameFolded(a, b rune) bool {
	if a == b {
		return true
	}
	if a < 0x80 && b < 0x80 {
		return lowerASCII(a) == lowerASCII(b)
	}
	return false
}

func lowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// cString is b up to its first NUL byte: SQLite's LIKE reads its
// arguments as C strings.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// utf8Read decodes one character from b as sqlite3Utf8Read does: it is
// lenient with invalid UTF-8 in exactly SQLite's way, so that LIKE
// compares the same characters SQLite's would.
func utf8Read(b []byte) (rune, int) {
	c := uint32(b[0])
	n := 1
	if c >= 0xc0 {
		c = utf8Trans1(c)
		for n < len(b) && b[n]&0xc0 == 0x80 {
			c = c<<6 + uint32(b[n]&0x3f)
			n++
		}
		if c < 0x80 || c&0xFFFFF800 == 0xD800 || c&0xFFFFFFFE == 0xFFFE {
			c = 0xFFFD
		}
	}
	return rune(c), n
}

// utf8Trans1 is SQLite's sqlite3Utf8Trans1: the payload bits of a lead
// byte from 0xc0 up.
func utf8Trans1(c uint32) uint32 {
	switch i := c - 0xc0; {
	case i < 32:
		return i
	case i < 48:
		return i - 32
	case i < 56:
		return i - 48
	default:
		return [8]uint32{0, 1, 2, 3, 0, 1, 0, 0}[i-56]
	}
}

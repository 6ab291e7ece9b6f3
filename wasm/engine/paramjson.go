package engine

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// ParseParams decodes parameters sent as JSON (engine.js's fast exec path
// does) into what Exec binds: an array binds by position, an object by
// name, and no bytes mean none. A null is NULL, an integral number within
// ±2^53 an integer, another number a real, a string text and a boolean
// 0 or 1. JSON has no bigint or Infinity, so engine.js tags them as
// {"int": "digits"} and {"real": "Infinity"|"-Infinity"|"NaN"}. It is a
// small parser for that shape only, in time linear in len(b), without
// recursion: encoding/json's decoder would add about 260 KB to engine.wasm.
func ParseParams(b []byte) ([]any, error) {
	if len(b) == 0 {
		return nil, nil
	}
	p := &paramParser{b: b}
	var out []any
	var err error
	switch p.space() {
	case '[':
		out, err = p.list()
	case '{':
		var named Named
		named, err = p.named()
		out = []any{named}
	default:
		return nil, errors.New("params must be an array or an object")
	}
	if err == nil && p.space() != 0 {
		err = p.fail("unexpected text after the parameters")
	}
	return out, err
}

// paramParser reads JSON from b at i.
type paramParser struct {
	b []byte
	i int
}

// space skips white space and returns the next byte, or 0 at the end.
func (p *paramParser) space() byte {
	for p.i < len(p.b) {
		switch c := p.b[p.i]; c {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return c
		}
	}
	return 0
}

func (p *paramParser) fail(msg string) error {
	return fmt.Errorf("params: %s at byte %d", msg, p.i)
}

// expect consumes byte c after white space.
func (p *paramParser) expect(c byte) error {
	if p.space() != c {
		return p.fail(fmt.Sprintf("want %q", c))
	}
	p.i++
	return nil
}

// list reads [v, …] of parameter values.
func (p *paramParser) list() ([]any, error) {
	p.i++ // [
	out := []any{}
	if p.space() == ']' {
		p.i++
		return out, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, fmt.Errorf("params[%d]: %w", len(out), err)
		}
		out = append(out, v)
		switch p.space() {
		case ',':
			p.i++
		case ']':
			p.i++
			return out, nil
		default:
			return nil, p.fail("want , or ]")
		}
	}
}

// named reads {"name": v, …} of parameter values.
func (p *paramParser) named() (Named, error) {
	out := Named{}
	err := p.object(func(k string) error {
		v, err := p.value()
		if err != nil {
			return fmt.Errorf("params.%s: %w", k, err)
		}
		out[k] = v
		return nil
	})
	return out, err
}

// object reads {"key": …, …}, calling field to read each value.
func (p *paramParser) object(field func(key string) error) error {
	p.i++ // {
	if p.space() == '}' {
		p.i++
		return nil
	}
	for {
		if p.space() != '"' {
			return p.fail("want a key")
		}
		k, err := p.str()
		if err != nil {
			return err
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		if err := field(k); err != nil {
			return err
		}
		switch p.space() {
		case ',':
			p.i++
		case '}':
			p.i++
			return nil
		default:
			return p.fail("want , or }")
		}
	}
}

// value reads one parameter value.
func (p *paramParser) value() (any, error) {
	switch c := p.space(); {
	case c == '"':
		return p.str()
	case c == '{':
		return p.tagged()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for word, v := range map[string]any{"null": nil, "true": true, "false": false} {
		if p.i+len(word) <= len(p.b) && string(p.b[p.i:p.i+len(word)]) == word {
			p.i += len(word)
			return v, nil
		}
	}
	return nil, p.fail("want a value")
}

// number reads a JSON number: an integral one within ±2^53 binds as an
// integer, as a JavaScript number does through goValue.
func (p *paramParser) number() (any, error) {
	start := p.i
	for p.i < len(p.b) && isNumberByte(p.b[p.i]) {
		p.i++
	}
	f, err := strconv.ParseFloat(string(p.b[start:p.i]), 64)
	if err != nil {
		return nil, fmt.Errorf("number %s: %w", p.b[start:p.i], err)
	}
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		return int64(f), nil
	}
	return f, nil
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// tagged reads {"int": "digits"} or {"real": "Infinity"|"-Infinity"|"NaN"}.
func (p *paramParser) tagged() (any, error) {
	fields := map[string]string{}
	err := p.object(func(k string) error {
		if p.space() != '"' {
			return p.fail("want a string")
		}
		v, err := p.str()
		fields[k] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	if digits, ok := fields["int"]; ok && len(fields) == 1 {
		n, err := strconv.ParseInt(digits, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("integer %s does not fit in 64 bits", digits)
		}
		return n, nil
	}
	if real, ok := fields["real"]; ok && len(fields) == 1 {
		switch real {
		case "Infinity":
			return math.Inf(1), nil
		case "-Infinity":
			return math.Inf(-1), nil
		case "NaN":
			return math.NaN(), nil
		}
	}
	return nil, fmt.Errorf("cannot bind the object %v", fields)
}

// str reads a JSON string. A lone surrogate becomes U+FFFD, as it does
// when a JavaScript string crosses through syscall/js.
func (p *paramParser) str() (string, error) {
	p.i++ // "
	var out []byte
	for start := p.i; p.i < len(p.b); {
		switch c := p.b[p.i]; c {
		case '"':
			out = append(out, p.b[start:p.i]...)
			p.i++
			return validUTF8(out), nil
		case '\\':
			out = append(out, p.b[start:p.i]...)
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			out = utf8.AppendRune(out, r)
			start = p.i
		default:
			p.i++
		}
	}
	return "", p.fail("unterminated string")
}

// validUTF8 is b as a string with each byte that is not part of valid
// UTF-8 replaced by U+FFFD, as encoding/json and JavaScript read it.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return string(out)
}

// escape reads one escape sequence after a backslash.
func (p *paramParser) escape() (rune, error) {
	if p.i+1 >= len(p.b) {
		return 0, p.fail("bad escape")
	}
	c := p.b[p.i+1]
	p.i += 2
	if r, ok := map[byte]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}[c]; ok {
		return r, nil
	}
	if c != 'u' {
		return 0, p.fail("bad escape")
	}
	r, err := p.hex4()
	if err != nil {
		return 0, err
	}
	if utf16.IsSurrogate(r) && p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
		save := p.i
		p.i += 2
		if r2, err := p.hex4(); err == nil {
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				return pair, nil
			}
		}
		p.i = save
	}
	if utf16.IsSurrogate(r) {
		return utf8.RuneError, nil
	}
	return r, nil
}

// hex4 reads the four hex digits of a \u escape.
func (p *paramParser) hex4() (rune, error) {
	if p.i+4 > len(p.b) {
		return 0, p.fail("bad \\u escape")
	}
	n, err := strconv.ParseUint(string(p.b[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, p.fail("bad \\u escape")
	}
	p.i += 4
	return rune(n), nil
}

package engine

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// maxSafeInteger is the largest integer a JavaScript number holds exactly.
const maxSafeInteger = 1<<53 - 1

// MarshalJSON encodes a row for JavaScript without losing a value's type:
// NULL is null, text a string, an integer or a finite real a number.
// Values JSON has no number for are tagged objects: {"int":"…"} for an
// integer beyond ±(2^53-1), {"real":"Infinity"|"-Infinity"|"NaN"},
// {"real":"7"} for a whole REAL up to ±(2^53-1) (JSON would not tell it
// from an INTEGER) and {"blob":"<base64>"}.
func (r Row) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, v := range r {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendValue(b, v); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// appendValue appends the JSON form of one SQLite value to b.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		if v > maxSafeInteger || v < -maxSafeInteger {
			b = append(b, `{"int":"`...)
			return append(strconv.AppendInt(b, v, 10), `"}`...), nil
		}
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		switch {
		case math.IsInf(v, 1):
			return append(b, `{"real":"Infinity"}`...), nil
		case math.IsInf(v, -1):
			return append(b, `{"real":"-Infinity"}`...), nil
		case math.IsNaN(v):
			return append(b, `{"real":"NaN"}`...), nil
		case v == math.Trunc(v) && math.Abs(v) <= maxSafeInteger:
			// A whole REAL would read as an integer in JavaScript; the
			// page shows it as SQLite does, 7.0, so it is tagged.
			b = append(b, `{"real":"`...)
			return append(strconv.AppendFloat(b, v, 'g', -1, 64), `"}`...), nil
		}
		return strconv.AppendFloat(b, v, 'g', -1, 64), nil
	case []byte:
		b = append(b, `{"blob":"`...)
		return append(base64.StdEncoding.AppendEncode(b, v), `"}`...), nil
	case string:
		return appendString(b, v), nil
	default:
		s, err := json.Marshal(v)
		return append(b, s...), err
	}
}

// AppendJSON appends r as JSON to b: the same document json.Marshal gives,
// written directly. A result crosses into JavaScript as JSON, and for a
// large result encoding/json's reflection and its check of every row's
// MarshalJSON output cost as much as running the query.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"statements":[`...)
	for i := range r.Statements {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = r.Statements[i].appendJSON(b); err != nil {
			return nil, err
		}
	}
	b = append(b, ']')
	if e := r.Error; e != nil {
		b = append(b, `,"error":{"message":`...)
		b = appendString(b, e.Message)
		b = append(b, `,"code":`...)
		b = strconv.AppendInt(b, int64(e.Code), 10)
		b = append(b, `,"statement":`...)
		b = strconv.AppendInt(b, int64(e.Statement), 10)
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(e.Column), 10)
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendJSON appends st as JSON, with the fields and names of its tags.
func (st *Statement) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"sql":`...)
	b = appendString(b, st.SQL)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(st.Offset), 10)
	b = append(b, `,"columns":`...)
	b = appendStrings(b, st.Columns)
	b = append(b, `,"declTypes":`...)
	b = appendStrings(b, st.DeclTypes)
	b = append(b, `,"rows":`...)
	if st.Rows == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, row := range st.Rows {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			for j, v := range row {
				if j > 0 {
					b = append(b, ',')
				}
				var err error
				if b, err = appendValue(b, v); err != nil {
					return nil, err
				}
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	if st.Truncated {
		b = append(b, `,"truncated":true`...)
	}
	if st.ByteLimit {
		b = append(b, `,"byteLimit":true`...)
	}
	b = append(b, `,"totalRows":`...)
	b = strconv.AppendInt(b, st.TotalRows, 10)
	b = append(b, `,"changes":`...)
	b = strconv.AppendInt(b, st.Changes, 10)
	b = append(b, `,"lastInsertRowid":`...)
	b = strconv.AppendInt(b, st.LastInsertRowID, 10)
	b = append(b, `,"durationMs":`...)
	b = strconv.AppendFloat(b, st.DurationMs, 'g', -1, 64)
	return append(b, '}'), nil
}

// appendStrings appends a list of strings, or null for none.
func appendStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString appends s as a JSON string. As in encoding/json, invalid
// UTF-8 becomes U+FFFD, and U+2028 and U+2029 are escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

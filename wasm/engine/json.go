package engine

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
)

// maxSafeInteger is the largest integer a JavaScript number holds exactly.
const maxSafeInteger = 1<<53 - 1

// MarshalJSON encodes a row for JavaScript without losing a value's type:
// NULL is null, text a string, an integer or a finite real a number.
// Values JSON has no number for are tagged objects: {"int":"…"} for an
// integer beyond ±(2^53-1), {"real":"Infinity"|"-Infinity"|"NaN"} and
// {"blob":"<base64>"}.
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
		}
		return strconv.AppendFloat(b, v, 'g', -1, 64), nil
	case []byte:
		b = append(b, `{"blob":"`...)
		return append(base64.StdEncoding.AppendEncode(b, v), `"}`...), nil
	default:
		s, err := json.Marshal(v)
		return append(b, s...), err
	}
}

// Package wiretest reads values written as the engine sends them to the
// page (engine.Row's JSON), for the test vectors that Go and JavaScript
// twins share (lessons/testdata/judge.json, web/testdata/format.json).
package wiretest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// Value decodes one value: null, text, a number (an int64 when written
// without a point or exponent, else a float64), {"int": "digits"},
// {"real": "text"} or {"blob": "base64"}. A plain number with a point or
// exponent must not be whole below 2^53: JavaScript would read it as an
// integer, so the engine tags such a REAL, and a vector must too.
func Value(raw json.RawMessage) (any, error) {
	var tagged map[string]string
	if json.Unmarshal(raw, &tagged) == nil && len(tagged) == 1 {
		for kind, text := range tagged {
			switch kind {
			case "int":
				return strconv.ParseInt(text, 10, 64)
			case "real":
				return strconv.ParseFloat(text, 64)
			case "blob":
				return base64.StdEncoding.DecodeString(text)
			}
		}
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	n, ok := v.(json.Number)
	if !ok {
		return v, nil
	}
	if !strings.ContainsAny(string(n), ".eE") {
		return n.Int64()
	}
	f, err := n.Float64()
	if err == nil && f == float64(int64(f)) && f < 1<<53 && f > -(1<<53) {
		return nil, errors.New("a whole REAL below 2^53 must be tagged {\"real\": …} for JavaScript")
	}
	return f, err
}

package engine

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestParseParams(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in      string
		want    []any
		wantErr string
	}{
		{"", nil, ""},
		{"[]", []any{}, ""},
		{` [1, -2.5, "a\"b", true, false, null] `, []any{int64(1), -2.5, `a"b`, true, false, nil}, ""},
		{`[9007199254740992, 9007199254740993.5e3, 1e400]`, []any{int64(1 << 53), 9007199254740993.5e3, nil}, "number 1e400"},
		{`[{"int": "9223372036854775807"}, {"real": "-Infinity"}]`, []any{int64(math.MaxInt64), math.Inf(-1)}, ""},
		{`{":id": 1, "name": "é\u00e9\ud83d\ude00"}`, []any{Named{":id": int64(1), "name": "éé😀"}}, ""},
		{`["\ud800 lone"]`, []any{"\ufffd lone"}, ""},
		{`[{"int": "99999999999999999999"}]`, nil, "does not fit in 64 bits"},
		{`[{"blob": "AA=="}]`, nil, "cannot bind the object"},
		{`[1,]`, nil, "want a value"},
		{`[1 2]`, nil, "want , or ]"},
		{`{"a" 1}`, nil, "want ':'"},
		{`["open`, nil, "unterminated string"},
		{`["\x"]`, nil, "bad escape"},
		{`["\u12"]`, nil, "bad \\u escape"},
		{`[1] x`, nil, "unexpected text after the parameters"},
		{`"a"`, nil, "params must be an array or an object"},
		{`[[1]]`, nil, "want a value"},
	} {
		got, err := ParseParams([]byte(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: got %v, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %#v, %v; want %#v", tt.in, got, err, tt.want)
		}
	}
}

// FuzzParseParams feeds the parameter parser arbitrary bytes: it must
// not panic, must give only values Exec binds, and must accept every JSON
// array of plain values that encoding/json accepts, with the same values.
func FuzzParseParams(f *testing.F) {
	for _, seed := range []string{"", "[]", `[1, "a", null, true, -0.5e3]`, `{"a": {"int": "12"}, ":b": {"real": "NaN"}}`,
		`["\ud83d\ude00", "\u0000"]`, `[1,`, `{"a":`, `["\`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := ParseParams(b)
		if err != nil {
			return
		}
		for _, v := range flatten(got) {
			switch v.(type) {
			case nil, int64, float64, string, bool:
			default:
				t.Fatalf("%q gave a value of type %T", b, v)
			}
		}
		var plain []any
		if json.Unmarshal(b, &plain) != nil || len(plain) != len(got) {
			return
		}
		for i, v := range plain {
			if f, ok := v.(float64); ok && f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
				v = int64(f)
			}
			if _, isMap := v.(map[string]any); !isMap && !reflect.DeepEqual(v, got[i]) && !strings.ContainsRune(string(b), '\\') {
				t.Fatalf("%q: value %d is %#v, encoding/json reads %#v", b, i, got[i], v)
			}
		}
	})
}

// flatten lists the values of parsed parameters, named or positional.
func flatten(params []any) []any {
	if len(params) == 1 {
		if named, ok := params[0].(Named); ok {
			out := []any{}
			for _, v := range named {
				out = append(out, v)
			}
			return out
		}
	}
	return params
}

package engine

import (
	"context"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestRowMarshalJSON(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		row  Row
		want string
	}{
		{"null", Row{nil}, `[null]`},
		{"integers", Row{int64(0), int64(-7), int64(maxSafeInteger)}, `[0,-7,9007199254740991]`},
		{"huge integers", Row{int64(maxSafeInteger + 1), int64(math.MinInt64)},
			`[{"int":"9007199254740992"},{"int":"-9223372036854775808"}]`},
		{"reals", Row{1.5, 1e300, -0.25}, `[1.5,1e+300,-0.25]`},
		{"whole reals", Row{7.0, math.Copysign(0, -1), float64(maxSafeInteger)},
			`[{"real":"7"},{"real":"-0"},{"real":"9.007199254740991e+15"}]`},
		{"non-finite reals", Row{math.Inf(1), math.Inf(-1), math.NaN()},
			`[{"real":"Infinity"},{"real":"-Infinity"},{"real":"NaN"}]`},
		{"text", Row{"a\"<b>\n"}, `["a\"\u003cb\u003e\n"]`},
		{"blob", Row{[]byte{0, 1, 0xff}}, `[{"blob":"AAH/"}]`},
		{"empty", Row{}, `[]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.row)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestResultAppendJSON checks AppendJSON against encoding/json: the same
// document, value for value, for results of every shape.
func TestResultAppendJSON(t *testing.T) {
	t.Parallel()
	s, err := Open(Options{MaxRows: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		script string
	}{
		{"no statements", "-- nothing"},
		{"every type", "select null, 1, -2.5, 'é\"\\\n\t<>&\u2028\x01', x'00ff', 9007199254740993, 1e999, -1e999"},
		{"invalid UTF-8", "select cast(x'61ff62' as text)"},
		{"no rows, no columns", "create table t(a text); insert into t values ('x'), ('y'), ('z')"},
		{"truncated", "select a as \"col\"\"name\" from t"},
		{"empty result", "select a from t where 0"},
		{"an error after a statement", "select 1;\n  selec 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := s.Exec(ctx, tt.script)
			want, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := res.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, got)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

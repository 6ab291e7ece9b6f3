package engine

import (
	"encoding/json"
	"math"
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

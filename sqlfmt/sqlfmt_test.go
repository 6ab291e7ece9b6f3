package sqlfmt

import (
	"context"
	"math"
	"testing"

	"github.com/dbtour/dbtour/wasm/engine"
)

// TestRealAsSQLite compares Real with SQLite's own REAL-to-TEXT
// conversion on the engine, for values a lesson shows. (SQLite's last of
// 17 digits can differ from the correctly rounded one Real writes.)
func TestRealAsSQLite(t *testing.T) {
	t.Parallel()
	s, err := engine.Open(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range []float64{
		7, -7, 1250, 0, math.Copysign(0, -1), 0.1, -2.5, 400 * 1.1, 0.1 + 0.2, 953.8333333333334, 14.285714285714286,
		0.0001, 0.00012345, 1e-5, 1.5e-7, 1e15, 1e16, 1.7e16, 1e17, 1.5e17, 1e21, 1e300,
		9007199254740992, 1.2345678901234568e17, math.MaxFloat64, math.Inf(1), math.Inf(-1),
		-551115891318730.6, 818241487365241.6, // 17 digits ending in a tie: rounded away from zero
	} {
		res := s.Exec(context.Background(), "select cast(? as text)", f)
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		want := res.Statements[0].Rows[0][0].(string)
		if got := Real(f); got != want {
			t.Errorf("Real(%v) = %q, SQLite writes %q", f, got, want)
		}
	}
}

func TestNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		v    any
		want string
		ok   bool
	}{
		{int64(-3), "-3", true},
		{int64(math.MinInt64), "-9223372036854775808", true},
		{7.0, "7.0", true},
		{"7", "", false},
		{nil, "", false},
	} {
		if got, ok := Number(tt.v); got != tt.want || ok != tt.ok {
			t.Errorf("Number(%#v) = %q, %v; want %q, %v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

package runner

import (
	"context"
	"reflect"
	"testing"

	"github.com/dbtour/dbtour/lessons/programs"
)

// TestProgramsRepeat runs programs twice, each time on a new session, and
// wants the same SQL and output: a program that kept state between runs
// (a package-level slice that Create fills with IDs, say) would send
// different SQL the second time, in the browser as on the server.
func TestProgramsRepeat(t *testing.T) {
	t.Parallel()
	type step struct {
		program string
		in      programs.Inputs
	}
	for _, tt := range []struct {
		name  string
		steps []step
	}{
		{"authors and books", []step{
			{"gorm-authors", programs.Inputs{"authors": "8"}},
			{"gorm-preload", nil},
		}},
		{"albums", []step{
			{"gorm-migrate", nil},
			{"gorm-create", programs.Inputs{"title": "Blue", "artist": "Joni Mitchell", "year": "1971"}},
			{"gorm-update", nil},
		}},
		{"playlists", []step{{"gorm-soft-delete", programs.Inputs{"name": "Evening"}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var runs [2][]Result
			for i := range runs {
				s := open(t)
				for _, st := range tt.steps {
					res, err := Run(context.Background(), s, st.program, st.in, Options{Now: fixedNow})
					if err != nil {
						t.Fatal(err)
					}
					if res.Error != "" {
						t.Fatalf("run %d: %s: %s", i+1, st.program, res.Error)
					}
					res.DurationMs = 0
					runs[i] = append(runs[i], *res)
				}
			}
			if !reflect.DeepEqual(runs[0], runs[1]) {
				t.Errorf("second run differs:\n got %+v\nwant %+v", runs[1], runs[0])
			}
		})
	}
}

//go:build !js || interp

package runner

import (
	"context"
	"testing"

	"github.com/dbtour/dbtour/lessons/programs"
)

// BenchmarkPreload compares one run of a GORM program compiled and
// interpreted from its source (the interpreter's start-up included, as
// every edited run pays it), on a database that has its tables.
func BenchmarkPreload(b *testing.B) {
	src, err := programs.Source("gorm-preload")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s := open(b)
	if _, err := Run(ctx, s, "gorm-authors", programs.Inputs{"authors": "8"}, Options{}); err != nil {
		b.Fatal(err)
	}
	runs := map[string]func() (*Result, error){
		"compiled":    func() (*Result, error) { return Run(ctx, s, "gorm-preload", nil, Options{}) },
		"interpreted": func() (*Result, error) { return RunSource(ctx, s, "gorm-preload", src, nil, Options{}) },
	}
	for _, name := range []string{"compiled", "interpreted"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				res, err := runs[name]()
				if err != nil || res.Error != "" {
					b.Fatalf("%v %+v", err, res)
				}
			}
		})
	}
}

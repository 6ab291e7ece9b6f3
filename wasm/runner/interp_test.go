package runner

import (
	"context"
	"testing"

	"github.com/dbtour/dbtour/lessons/programs"
)

// TestInterpretedProgramsMatchCompiled runs every course program twice on
// a fresh database, compiled and interpreted from its own source, and
// wants the same statements, output and error.
func TestInterpretedProgramsMatchCompiled(t *testing.T) {
	for _, name := range programs.Names() {
		t.Run(name, func(t *testing.T) {
			src, err := programs.Source(name)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			in := programs.Inputs{}
			compiled, err := Run(ctx, open(t), name, in, Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			interpreted, err := RunSource(ctx, open(t), name, src, in, Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			if d := Difference(compiled, interpreted); d != "" {
				t.Error(d)
			}
		})
	}
}

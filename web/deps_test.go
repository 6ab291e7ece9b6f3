package web

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies holds web to its own view types: the pages render what
// the server converted into them, so web needs neither the engine that
// computes results nor the programs and GORM behind program cells.
func TestDependencies(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, tt := range []struct{ prefix, why string }{
		{"github.com/dbtour/dbtour/wasm/engine", "results arrive as ResultView"},
		{"github.com/dbtour/dbtour/wasm/runner", "program runs arrive as ProgramResultView"},
		{"github.com/dbtour/dbtour/lessons/programs", "a program's source arrives as text"},
		{"github.com/dbtour/dbtour/lessons/course", "cells run before the page is built"},
		{"gorm.io/", "GORM belongs to the programs"},
		{"github.com/ncruces/go-sqlite3", "SQLite belongs to the engine"},
	} {
		for _, d := range deps {
			if strings.HasPrefix(d, tt.prefix) {
				t.Errorf("web depends on %s: it should not (%s)", d, tt.why)
			}
		}
	}
}

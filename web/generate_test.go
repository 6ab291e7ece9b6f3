package web

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedCodeIsCurrent fails when a *.templ file changed without
// `./build.sh gen`: the committed *_templ.go must be what templ generates.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.templ")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templ files found (%v)", err)
	}
	for _, f := range files {
		var out, stderr bytes.Buffer
		cmd := exec.Command("go", "tool", "templ", "generate", "-stdout", "-f", f)
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("templ generate %s: %v\n%s", f, err, stderr.String())
		}
		committed, err := os.ReadFile(strings.TrimSuffix(f, ".templ") + "_templ.go")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), committed) {
			t.Errorf("%s: generated code is stale: run ./build.sh gen", f)
		}
	}
}

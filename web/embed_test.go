package web

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestStaticHoldsDisk holds that the embedded assets are web/static on
// disk, but for an engine's raw .wasm, which the slim build leaves out
// when it embeds its .br and .gz: a file added to web/static that the
// slim build's patterns miss fails here under -tags slim.
func TestStaticHoldsDisk(t *testing.T) {
	t.Parallel()
	embedded := Static()
	err := fs.WalkDir(os.DirFS("static"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") {
			return err // go:embed leaves out dot and underscore files, as intended
		}
		if has(embedded, name) || rawEngine(name) && has(embedded, name+".br") && has(embedded, name+".gz") {
			return nil
		}
		t.Errorf("web/static/%s is not embedded", name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// rawEngine reports whether name is an engine's raw .wasm.
func rawEngine(name string) bool {
	return strings.HasPrefix(name, "engine/") && strings.HasSuffix(name, ".wasm")
}

func has(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

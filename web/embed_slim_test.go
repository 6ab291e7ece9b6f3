//go:build slim

package web

import (
	"io/fs"
	"testing"
)

// TestSlimLeavesOutRawEngines holds that the slim build embeds no
// engine's raw .wasm, only its .br and .gz.
func TestSlimLeavesOutRawEngines(t *testing.T) {
	t.Parallel()
	raw, err := fs.Glob(Static(), "engine/*.wasm")
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) != 0 {
		t.Errorf("embedded raw engines: %v", raw)
	}
	packed, err := fs.Glob(Static(), "engine/*.wasm.gz")
	if err != nil {
		t.Fatal(err)
	}
	if len(packed) == 0 {
		t.Error("no engine embedded as .gz")
	}
}

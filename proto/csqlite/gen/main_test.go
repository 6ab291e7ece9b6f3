package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// translated is a miniature of go-sqlite3-wasm's sqlite3.go: the shapes
// gen reads.
const translated = `package sqlite3_wasm

import (
	"encoding/binary"
	"math"
)

type Module struct{ _env Xenv }

func New(v0 Xenv) *Module { return &Module{_env: v0} }

type Xenv = interface {
	Xgo_func(v0, v1, v2, v3 int32)
	Xgo_busy_timeout(v0, v1 int32) int32
	Xgo_read(v0, v1, v2 int32, v3 int64) int32
	Xmemory() Memory
}
type Memory = interface {
	Slice() *[]byte
	Grow(delta, max int64) int64
}

func (m *Module) Xsqlite3_open_v2(v0, v1, v2, v3 int32) int32 { return 0 }
func (m *Module) Xsqlite3_free(v0 int32)                      {}
func (m *Module) Xmain_mptest(v0, v1 int32) int32             { return 0 }
func (m *Module) X__stack_pointer() *int32                    { return nil }
func (m *Module) _internal(v0 int32) int32                    { return v0 }

func load32(mem []byte, addr uint32) uint32 { return binary.LittleEndian.Uint32(mem[addr:]) }

const big = math.MaxInt8 < 0
`

// TestRun generates the stand-in's files from the miniature and checks
// what each must and must not hold.
func TestRun(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "sqlite3.go"), []byte(translated), 0o644); err != nil {
		t.Fatal(err)
	}
	exported := []string{"sqlite3_open_v2", "sqlite3_free"}
	if err := run(src, out, exported, []string{"log", "pow"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file       string
		want, none []string
	}{
		{"api.go", []string{"type Xenv = interface", "type Memory = interface"}, []string{"type Module"}},
		{"calls.go", []string{
			"//go:wasmimport sqlite3 sqlite3_open_v2\nfunc sqlite3_sqlite3_open_v2(v0, v1, v2, v3 int32) int32",
			"prev := enter(m)",
			"sqlite3_sqlite3_free(v0)\n\tcurrent = prev\n}",
			`panic("sqlite3: main_mptest is not built in")`,
		}, []string{"wasmimport sqlite3 main_mptest", "X__stack_pointer", "_internal"}},
		{"exports.go", []string{
			"//go:wasmexport sqlite3_env_go_func\nfunc env_go_func(v0, v1, v2, v3 int32) { current.env.Xgo_func(v0, v1, v2, v3) }",
			"func env_go_read(v0, v1, v2 int32, v3 int64) int32 { return current.env.Xgo_read(v0, v1, v2, v3) }",
			"func env_log(x float64) float64 { return libc._log(x) }",
			"func env_pow(x, y float64) float64 { return libc._pow(x, y) }",
		}, []string{"busy_timeout", "Xmemory"}},
		{"helpers.go", []string{"func load32(", "const big", `"encoding/binary"`, `"math"`}, []string{"func New("}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(out, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("%s lacks %q:\n%s", tt.file, w, body)
				}
			}
			for _, n := range tt.none {
				if strings.Contains(string(body), n) {
					t.Errorf("%s holds %q:\n%s", tt.file, n, body)
				}
			}
		})
	}
}

// TestRunUnknownLibc fails on a libc import gen has no signature for,
// rather than writing an export that does not compile.
func TestRunUnknownLibc(t *testing.T) {
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "sqlite3.go"), []byte(translated), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(src, t.TempDir(), nil, []string{"frexp"})
	if err == nil || !strings.Contains(err.Error(), "frexp") {
		t.Errorf("got %v, want an error naming frexp", err)
	}
}

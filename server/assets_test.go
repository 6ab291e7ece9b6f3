package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dbtour/dbtour/server/compress"
)

// engineBody stands in for an engine: big enough to compress, varied
// enough that a wrong slice or a wrong coding shows.
var engineBody = func() []byte {
	var b bytes.Buffer
	b.WriteString("\x00asm\x01\x00\x00\x00")
	for i := range 4000 {
		b.WriteByte(byte(i * 7 % 251))
	}
	return b.Bytes()
}()

// precompressedFS returns the static files as the build makes them: the
// engine beside its .br and .gz, or (slim) only as those.
func precompressedFS(t *testing.T, slim bool) fstest.MapFS {
	t.Helper()
	br, err := compress.Brotli(engineBody)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := compress.Gzip(engineBody)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"js/lesson.js":          {Data: []byte("export const answer = 42;\n")},
		"engine/engine.wasm.br": {Data: br},
		"engine/engine.wasm.gz": {Data: gz},
	}
	if !slim {
		fsys["engine/engine.wasm"] = &fstest.MapFile{Data: engineBody}
	}
	return fsys
}

// TestPrecompressedOnly serves an engine embedded with and without its
// raw file: every response, ETag included, is the same.
func TestPrecompressedOnly(t *testing.T) {
	t.Parallel()
	full, slim := precompressedFS(t, false), precompressedFS(t, true)
	fullAssets, err := loadAssets(newMinifier(), full)
	if err != nil {
		t.Fatal(err)
	}
	slimAssets, err := loadAssets(newMinifier(), slim)
	if err != nil {
		t.Fatal(err)
	}
	if v, w := version(fullAssets), version(slimAssets); v != w {
		t.Errorf("version: %s with the raw engine, %s without", v, w)
	}
	etag := fullAssets["engine/engine.wasm"].etag
	for _, tt := range []struct {
		name         string
		header       map[string]string
		wantStatus   int
		wantEncoding string
		wantBody     []byte
	}{
		{"brotli", map[string]string{"Accept-Encoding": "gzip, deflate, br"}, 200, "br", slim["engine/engine.wasm.br"].Data},
		{"gzip", map[string]string{"Accept-Encoding": "gzip, deflate"}, 200, "gzip", slim["engine/engine.wasm.gz"].Data},
		{"identity", nil, 200, "", engineBody},
		{"neither coding accepted", map[string]string{"Accept-Encoding": "br;q=0, gzip;q=0"}, 200, "", engineBody},
		{"range of the raw body", map[string]string{"Range": "bytes=4-11"}, 206, "", engineBody[4:12]},
		{"range of the gzip body", map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=0-1"}, 206, "gzip", []byte{0x1f, 0x8b}},
		{"unchanged", map[string]string{"If-None-Match": etag}, 304, "", nil},
		{"unchanged gzip", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag[:len(etag)-1] + `-gz"`}, 304, "", nil},
		{"changed", map[string]string{"If-None-Match": `"0000000000000000"`}, 200, "", engineBody},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var etags []string
			for variant, assets := range map[string]map[string]*asset{"raw embedded": fullAssets, "siblings only": slimAssets} {
				a, ok := assets["engine/engine.wasm"]
				if !ok {
					t.Fatalf("%s: no engine/engine.wasm in %v", variant, assets)
				}
				req := httptest.NewRequest("GET", "/engine.wasm", nil)
				for k, v := range tt.header {
					req.Header.Set(k, v)
				}
				rec := httptest.NewRecorder()
				a.serve(rec, req)
				if rec.Code != tt.wantStatus || rec.Header().Get("Content-Encoding") != tt.wantEncoding {
					t.Errorf("%s: got %d %q, want %d %q", variant, rec.Code, rec.Header().Get("Content-Encoding"), tt.wantStatus, tt.wantEncoding)
				}
				if !bytes.Equal(rec.Body.Bytes(), tt.wantBody) {
					t.Errorf("%s: body of %d bytes %.16q…, want %d bytes %.16q…", variant, rec.Body.Len(), rec.Body.Bytes(), len(tt.wantBody), tt.wantBody)
				}
				etags = append(etags, rec.Header().Get("ETag"))
			}
			if etags[0] != etags[1] || etags[0] == "" {
				t.Errorf("ETags differ or are missing: %q", etags)
			}
		})
	}
}

func TestAssetNames(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		files []string
		want  []string
	}{
		{"raw with siblings", []string{"a.wasm", "a.wasm.br", "a.wasm.gz"}, []string{"a.wasm"}},
		{"siblings only", []string{"a.wasm.br", "a.wasm.gz"}, []string{"a.wasm"}},
		{"raw with one sibling", []string{"a.js", "a.js.gz"}, []string{"a.js"}},
		{"a lone compressed file is itself", []string{"b.tar.gz"}, []string{"b.tar.gz"}},
		{"one of two siblings is itself", []string{"a.wasm.br"}, []string{"a.wasm.br"}},
		{"in folders", []string{"x/a.wasm.br", "x/a.wasm.gz", "y/a.wasm.gz", "icon.svg"}, []string{"icon.svg", "x/a.wasm", "y/a.wasm.gz"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte(f)}
			}
			got, err := assetNames(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGunzipWhenAsked holds that a corrupt .gz is found only when a
// client needs the raw body: start-up and the encoded forms never
// decompress it.
func TestGunzipWhenAsked(t *testing.T) {
	t.Parallel()
	assets, err := loadAssets(newMinifier(), fstest.MapFS{
		"engine/engine.wasm.br": {Data: []byte("brotli bytes")},
		"engine/engine.wasm.gz": {Data: []byte("not gzip")},
	})
	if err != nil {
		t.Fatalf("start-up decompressed the .gz: %v", err)
	}
	for _, tt := range []struct {
		accept     string
		wantStatus int
	}{{"br", 200}, {"gzip", 200}, {"", 500}} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/engine.wasm", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		assets["engine/engine.wasm"].serve(rec, req)
		if rec.Code != tt.wantStatus {
			t.Errorf("Accept-Encoding %q: got %d, want %d", tt.accept, rec.Code, tt.wantStatus)
		}
		if cc := rec.Header().Get("Cache-Control"); rec.Code != 200 && cc != "no-store" {
			t.Errorf("Accept-Encoding %q: error cached (Cache-Control %q)", tt.accept, cc)
		}
	}
}

// TestExportSiblingsOnly exports a site whose engine is embedded only
// as its .br and .gz: the export holds the raw engine too.
func TestExportSiblingsOnly(t *testing.T) {
	t.Parallel()
	slim := precompressedFS(t, true)
	s, err := newServer(context.Background(), withStatic(slim))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := s.export(dir); err != nil {
		t.Fatal(err)
	}
	engine := filepath.Join(dir, "static", s.version, "engine", "engine.wasm")
	for _, tt := range []struct {
		file string
		want []byte
	}{
		{engine, engineBody},
		{engine + ".br", slim["engine/engine.wasm.br"].Data},
		{engine + ".gz", slim["engine/engine.wasm.gz"].Data},
	} {
		if got, err := os.ReadFile(tt.file); err != nil || !bytes.Equal(got, tt.want) {
			t.Errorf("%s: got %d bytes (%v), want %d", tt.file, len(got), err, len(tt.want))
		}
	}
}

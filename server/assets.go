package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"mime"
	"net/http"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dbtour/dbtour/server/compress"
	"github.com/dbtour/dbtour/web"
	"github.com/tdewolff/minify/v2"
)

// asset is a prepared response: minified and compressed once, at start-up
// or, for the engine, at build time.
type asset struct {
	body   []byte
	br, gz []byte // compressed forms; nil when not worth it
	// gunzip makes body from gz, once, when body was not embedded (the
	// slim build leaves the engines' raw .wasm out); nil otherwise.
	gunzip      func() ([]byte, error)
	contentType string
	etag        string
	// immutable marks a versioned asset, cached by browsers for a year.
	immutable bool
}

// minCompress is the size below which compressing is not worth a header.
const minCompress = 1024

// newAsset prepares body for serving as contentType, minifying text.
func newAsset(m *minify.M, contentType string, body []byte) (*asset, error) {
	body, err := minifyType(m, contentType, body)
	if err != nil {
		return nil, err
	}
	a := &asset{body: body, contentType: contentType, etag: etagOf(body)}
	if len(body) >= minCompress && compressible(contentType) {
		if a.br, err = compress.Brotli(body); err == nil {
			a.gz, err = compress.Gzip(body)
		}
	}
	return a, err
}

// compressible reports whether contentType gains from compression.
func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "json") ||
		strings.Contains(contentType, "javascript") || strings.Contains(contentType, "svg") ||
		contentType == "application/wasm" || strings.Contains(contentType, "manifest")
}

// serve writes the asset in the best encoding the client accepts,
// answering If-None-Match with 304 and Range requests as
// http.ServeContent does.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	if strings.HasPrefix(a.contentType, "text/javascript") {
		h.Set("Content-Security-Policy", web.ScriptCSP)
	}
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	body, etag := a.body, a.etag
	if a.br != nil || a.gz != nil {
		h.Add("Vary", "Accept-Encoding")
	}
	switch enc := acceptEncoding(r.Header.Get("Accept-Encoding")); {
	case a.br != nil && enc["br"]:
		body, etag = a.br, a.etag[:len(a.etag)-1]+`-br"`
		h.Set("Content-Encoding", "br")
	case a.gz != nil && enc["gzip"]:
		body, etag = a.gz, a.etag[:len(a.etag)-1]+`-gz"`
		h.Set("Content-Encoding", "gzip")
	case a.gunzip != nil:
		var err error
		if body, err = a.gunzip(); err != nil {
			h.Set("Cache-Control", "no-store") // not a year of this error
			http.Error(w, "the asset's gzip form is corrupt", http.StatusInternalServerError)
			return
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptEncoding returns the codings an Accept-Encoding header accepts:
// those listed without a q weight of zero.
func acceptEncoding(header string) map[string]bool {
	ok := map[string]bool{}
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		weight, hasQ := strings.CutPrefix(strings.ToLower(strings.ReplaceAll(params, " ", "")), "q=") // Q=0 is q=0 (RFC 9110)
		q, err := strconv.ParseFloat(weight, 64)
		ok[strings.ToLower(name)] = !hasQ || err != nil || q > 0
	}
	return ok
}

// precompressed lists the suffixes of build-time compressed siblings:
// engine.wasm.br is engine.wasm compressed with brotli at its best, too
// slow to do at start-up.
var precompressed = []string{".br", ".gz"}

// loadAssets prepares every file of fsys, keyed by its path. A file with
// precompressed siblings is not minified; the siblings are its encodings.
func loadAssets(m *minify.M, fsys fs.FS) (map[string]*asset, error) {
	names, err := assetNames(fsys)
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	assets := map[string]*asset{}
	for _, name := range names {
		if assets[name], err = loadAsset(m, fsys, name); err != nil {
			return nil, fmt.Errorf("load assets: %s: %w", name, err)
		}
	}
	return assets, nil
}

// assetNames lists the assets in fsys: its files, each precompressed
// sibling standing for its base name. The base need not be a file: the
// slim build embeds the engines as their .br and .gz only.
func assetNames(fsys fs.FS) ([]string, error) {
	files := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[name] = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for name := range files {
		names[baseOf(files, name)] = true
	}
	return slices.Sorted(maps.Keys(names)), nil
}

// baseOf returns the file that name is a precompressed sibling of: one
// that is in files, or whose .br and .gz both are. Any other name is its
// own base.
func baseOf(files map[string]bool, name string) string {
	for _, ext := range precompressed {
		if base, ok := strings.CutSuffix(name, ext); ok && (files[base] || files[base+".br"] && files[base+".gz"]) {
			return base
		}
	}
	return name
}

// loadAsset prepares the asset name. One with both precompressed
// siblings is served from them, its raw body read from fsys or, when
// fsys lacks it, made from the .gz when first asked for.
func loadAsset(m *minify.M, fsys fs.FS, name string) (*asset, error) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	br, brErr := fs.ReadFile(fsys, name+".br")
	gz, gzErr := fs.ReadFile(fsys, name+".gz")
	body, err := fs.ReadFile(fsys, name)
	if brErr != nil || gzErr != nil {
		if err != nil {
			return nil, err
		}
		return newAsset(m, ctype, body)
	}
	// The ETag names the siblings, which are there with or without the
	// raw file: the version is the same in both builds.
	a := &asset{body: body, br: br, gz: gz, contentType: ctype, etag: etagOf(br, gz)}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.gunzip = sync.OnceValues(func() ([]byte, error) { return compress.Gunzip(gz) })
	case err != nil:
		return nil, err
	}
	return a, nil
}

// etagOf names the concatenation of parts by its content, as a strong
// ETag.
func etagOf(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:8]) + `"`
}

// version names a set of assets by their content: it changes whenever
// any asset does, so versioned URLs can be cached for good.
func version(assets map[string]*asset) string {
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s %s\n", n, assets[n].etag)
	}
	return hex.EncodeToString(h.Sum(nil))[:10]
}

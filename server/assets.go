package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dbtour/dbtour/server/compress"
	"github.com/dbtour/dbtour/web"
	"github.com/tdewolff/minify/v2"
)

// asset is a prepared response: minified and compressed once, at start-up
// or, for the engine, at build time.
type asset struct {
	body        []byte
	br, gz      []byte // compressed forms; nil when not worth it
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
		switch enc := acceptEncoding(r.Header.Get("Accept-Encoding")); {
		case a.br != nil && enc["br"]:
			body, etag = a.br, a.etag[:len(a.etag)-1]+`-br"`
			h.Set("Content-Encoding", "br")
		case a.gz != nil && enc["gzip"]:
			body, etag = a.gz, a.etag[:len(a.etag)-1]+`-gz"`
			h.Set("Content-Encoding", "gzip")
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
	assets := map[string]*asset{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isSibling(fsys, name) {
			return err
		}
		a, err := loadAsset(m, fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		assets[name] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	return assets, nil
}

// isSibling reports whether name is a precompressed form of another file.
func isSibling(fsys fs.FS, name string) bool {
	for _, ext := range precompressed {
		if base, ok := strings.CutSuffix(name, ext); ok {
			if _, err := fs.Stat(fsys, base); err == nil {
				return true
			}
		}
	}
	return false
}

func loadAsset(m *minify.M, fsys fs.FS, name string) (*asset, error) {
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	br, brErr := fs.ReadFile(fsys, name+".br")
	gz, gzErr := fs.ReadFile(fsys, name+".gz")
	if brErr != nil || gzErr != nil {
		return newAsset(m, ctype, body)
	}
	return &asset{body: body, br: br, gz: gz, contentType: ctype, etag: etagOf(body)}, nil
}

// etagOf names body by its content, as a strong ETag.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
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

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"

	"github.com/tdewolff/minify/v2"
)

// asset is a prepared response body: minified once at start-up.
type asset struct {
	body        []byte
	contentType string
	etag        string
}

// newAsset prepares body for serving as contentType.
func newAsset(m *minify.M, contentType string, body []byte) (asset, error) {
	body, err := minifyType(m, contentType, body)
	if err != nil {
		return asset{}, err
	}
	sum := sha256.Sum256(body)
	return asset{body: body, contentType: contentType, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}, nil
}

// serve writes the asset, answering If-None-Match with 304 and Range
// requests as http.ServeContent does.
func (a asset) serve(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", a.contentType)
	w.Header().Set("ETag", a.etag)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// loadAssets prepares every file of fsys, keyed by its URL path under
// prefix.
func loadAssets(m *minify.M, fsys fs.FS, prefix string) (map[string]asset, error) {
	assets := map[string]asset{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a, err := newAsset(m, ctype, body)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		assets[prefix+name] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	return assets, nil
}

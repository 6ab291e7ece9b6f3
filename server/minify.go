package main

import (
	"fmt"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// newMinifier returns a minifier for every text type dbtour serves.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

// minifyType minifies b when its content type is one the minifier knows
// and returns it unchanged otherwise (images, wasm).
func minifyType(m *minify.M, contentType string, b []byte) ([]byte, error) {
	mediatype, _, _ := strings.Cut(contentType, ";")
	if _, _, fn := m.Match(mediatype); fn == nil {
		return b, nil
	}
	out, err := m.Bytes(mediatype, b)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", mediatype, err)
	}
	return out, nil
}

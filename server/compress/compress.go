// Package compress compresses response bodies the way dbtour serves them:
// brotli and gzip, each at its best compression; and decompresses them,
// to tell whether a precompressed file still matches its source.
package compress

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/andybalholm/brotli"
)

// Brotli returns b compressed with brotli at quality 11.
func Brotli(b []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := write(brotli.NewWriterLevel(&out, brotli.BestCompression), b); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Gzip returns b compressed with gzip at level 9.
func Gzip(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, _ := gzip.NewWriterLevel(&out, gzip.BestCompression) // a valid level never fails
	if err := write(w, b); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Unbrotli returns brotli-compressed b decompressed.
func Unbrotli(b []byte) ([]byte, error) {
	return io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
}

// Gunzip returns gzip-compressed b decompressed.
func Gunzip(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// write writes b through w and closes it, which flushes it.
func write(w io.WriteCloser, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}

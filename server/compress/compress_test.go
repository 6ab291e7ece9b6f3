package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	plain := bytes.Repeat([]byte("select * from lessons; "), 500)
	for _, tt := range []struct {
		name   string
		encode func([]byte) ([]byte, error)
		decode func(io.Reader) (io.Reader, error)
	}{
		{"brotli", Brotli, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
		{"gzip", Gzip, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	} {
		enc, err := tt.encode(plain)
		if err != nil {
			t.Fatal(err)
		}
		if len(enc) >= len(plain)/10 {
			t.Errorf("%s: %d bytes from %d, want a tenth or less", tt.name, len(enc), len(plain))
		}
		r, err := tt.decode(bytes.NewReader(enc))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%s: round trip differs (%v)", tt.name, err)
		}
	}
}

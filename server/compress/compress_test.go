package compress

import (
	"bytes"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	plain := bytes.Repeat([]byte("select * from lessons; "), 500)
	for _, tt := range []struct {
		name   string
		encode func([]byte) ([]byte, error)
		decode func([]byte) ([]byte, error)
	}{
		{"brotli", Brotli, Unbrotli},
		{"gzip", Gzip, Gunzip},
	} {
		enc, err := tt.encode(plain)
		if err != nil {
			t.Fatal(err)
		}
		if len(enc) >= len(plain)/10 {
			t.Errorf("%s: %d bytes from %d, want a tenth or less", tt.name, len(enc), len(plain))
		}
		if got, err := tt.decode(enc); err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%s: round trip differs (%v)", tt.name, err)
		}
		if _, err := tt.decode(plain); err == nil {
			t.Errorf("%s: decoding bytes that are not %s succeeds", tt.name, tt.name)
		}
	}
}

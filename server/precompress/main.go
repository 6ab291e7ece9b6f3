// Command precompress writes NAME.br and NAME.gz beside each file it is
// given, unless they already hold that file's bytes. build.sh runs it on
// the engines, whose best brotli compression takes too long for start-up;
// the server serves the siblings as the file's encodings.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/dbtour/dbtour/server/compress"
)

func main() {
	for _, name := range os.Args[1:] {
		if err := precompress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

// encodings are the siblings precompress writes, each with its encoder
// and decoder.
var encodings = []struct {
	ext            string
	encode, decode func([]byte) ([]byte, error)
}{
	{".br", compress.Brotli, compress.Unbrotli},
	{".gz", compress.Gzip, compress.Gunzip},
}

// precompress writes name's siblings when they are missing or hold other
// bytes. It compares contents, not times: builds that overlap or copy
// files can leave an older sibling with a newer time.
func precompress(name string) error {
	body, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	for _, e := range encodings {
		if old, err := os.ReadFile(name + e.ext); err == nil {
			if plain, err := e.decode(old); err == nil && bytes.Equal(plain, body) {
				continue
			}
		}
		enc, err := e.encode(body)
		if err != nil {
			return fmt.Errorf("%s%s: %w", name, e.ext, err)
		}
		// Write beside, then rename: a reader never sees half a file.
		tmp := name + e.ext + ".new"
		if err := os.WriteFile(tmp, enc, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, name+e.ext); err != nil {
			return err
		}
	}
	return nil
}

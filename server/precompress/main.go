// Command precompress writes NAME.br and NAME.gz beside each file it is
// given, unless they are newer than the file. build.sh runs it on
// engine.wasm, whose best brotli compression takes too long for start-up;
// the server serves the siblings as the file's encodings.
package main

import (
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

// precompress writes name's siblings when they are missing or stale.
func precompress(name string) error {
	src, err := os.Stat(name)
	if err != nil {
		return err
	}
	for ext, encode := range map[string]func([]byte) ([]byte, error){".br": compress.Brotli, ".gz": compress.Gzip} {
		if dst, err := os.Stat(name + ext); err == nil && dst.ModTime().After(src.ModTime()) {
			continue
		}
		body, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		enc, err := encode(body)
		if err != nil {
			return fmt.Errorf("%s%s: %w", name, ext, err)
		}
		if err := os.WriteFile(name+ext, enc, 0o644); err != nil {
			return err
		}
	}
	return nil
}

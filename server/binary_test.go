//go:build e2e

package main

import (
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryAlone copies the built binary (bin/dbtour, from ./build.sh
// build) into an empty directory and serves the full course from it:
// every page and asset must be inside the binary.
func TestBinaryAlone(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("..", "bin", "dbtour"))
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(src)
	if err != nil {
		t.Fatalf("%v: run ./build.sh build first", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dbtour")
	if err := os.WriteFile(bin, body, 0o755); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "-addr", addr)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/nonexistent", "HOME=" + dir}
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	base := "http://" + addr
	waitHealthy(t, base+"/healthz")
	page := get(t, base+"/lessons/first-database/", "")
	if !strings.Contains(page, ">The C Programming Language</td>") {
		t.Errorf("lesson page lacks its precomputed results")
	}
	assets := regexp.MustCompile(`src="\.\./\.\./(static/[0-9a-f]+/)js/lesson\.js"`).FindStringSubmatch(page)
	if assets == nil {
		t.Fatal("the lesson page has no lesson.js script")
	}
	wasmURL := base + "/" + assets[1] + "engine/engine.wasm"
	if got := get(t, wasmURL, "application/wasm"); !strings.HasPrefix(got, "\x00asm") {
		t.Errorf("engine.wasm: got %q…", got[:min(8, len(got))])
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the binary wrote %d files next to itself", len(entries)-1)
	}

	// SIGTERM shuts the server down gracefully: exit status 0.
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v\n%s", err, logs.String())
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitHealthy(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited 2 minutes for %s to answer 200 (the server compresses its assets at start-up)", url)
}

// get fetches url, checks status 200 and, if given, the content type.
func get(t *testing.T, url, contentType string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %v", url, res.StatusCode, err)
	}
	if ct := res.Header.Get("Content-Type"); contentType != "" && ct != contentType {
		t.Errorf("%s: content type %q, want %q", url, ct, contentType)
	}
	return string(b)
}

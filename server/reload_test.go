package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWatchRendersSavedLessons saves a lesson in a served folder and
// expects the page to change; then saves a broken one and expects the
// last good page to stay.
func TestWatchRendersSavedLessons(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "intro.md")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("---\ntitle: First title\n---\n\n```sql\nselect 'first' as v;\n```\n")
	fsys := os.DirFS(dir)
	logs := &lockedLog{}
	s, err := newServer(context.Background(), withLessons(fsys), withLogger(slog.New(slog.NewTextHandler(logs, nil))))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.watch(ctx, fsys, 10*time.Millisecond)

	page := func() string {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/lessons/intro/", nil))
		b, _ := io.ReadAll(rec.Result().Body)
		return string(b)
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); !ok(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("waited a minute for %s; log: %s", what, logs)
			}
		}
	}
	if !strings.Contains(page(), "First title") {
		t.Fatal("the first version is not served")
	}
	// A different size as well as a later time: some file systems keep
	// whole seconds only.
	write("---\ntitle: Second, longer title\n---\n\n```sql\nselect 'second' as v;\n```\n")
	waitFor("the saved lesson", func() bool { return strings.Contains(page(), "Second, longer title") })
	if !strings.Contains(page(), "<td class=\"text\">second</td>") {
		t.Error("the saved lesson's cell result is not rendered anew")
	}

	write("---\ntitle: Broken\n---\n\n```sql exercize\nselect 1;\n```\n")
	// The watcher may also see the file half written (empty, no front
	// matter) and log that; what matters is that it names the broken line
	// once the save is whole.
	waitFor("a log of the broken lesson naming intro.md:5", func() bool {
		l := logs.String()
		return strings.Contains(l, "do not load") && strings.Contains(l, "intro.md:5")
	})
	if got := page(); !strings.Contains(got, "Second, longer title") {
		t.Errorf("a broken save replaced the last good page: %.200s", got)
	}
}

// lockedLog is a log the watcher writes while the test reads it.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

package lessons

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds the lesson parser arbitrary files, seeded with the
// course's own lessons: it must not panic, and a file it refuses must get
// an *Error naming the file and a line within it. Run with
// go test -fuzz=FuzzParse ./lessons (or ./build.sh fuzz).
func FuzzParse(f *testing.F) {
	entries, err := os.ReadDir("content")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if src, err := os.ReadFile("content/" + e.Name()); err == nil && strings.HasSuffix(e.Name(), ".md") {
			f.Add(src)
		}
	}
	f.Add([]byte("---\ntitle: T\n---\n```sql exercise\nselect 1;\n```\n```sql solution\n"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("x.md", src)
		if err == nil {
			if l == nil {
				t.Fatal("no lesson and no error")
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			return // a problem of the whole file (no line to name)
		}
		if e.File != "x.md" || e.Line < 0 || e.Line > strings.Count(string(src), "\n")+2 {
			t.Errorf("error %v does not point into the file (%d lines)", err, strings.Count(string(src), "\n")+1)
		}
	})
}

package lessons_test

import (
	"context"
	"testing"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/wasm/engine"
)

// TestContent runs every cell of the embedded course, in page order on one
// database per lesson, as the reader's browser will: none may fail.
func TestContent(t *testing.T) {
	t.Parallel()
	course, err := lessons.Load(lessons.Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range course.Lessons {
		t.Run(l.Slug, func(t *testing.T) {
			s, err := engine.Open(engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, c := range l.Cells() {
				if res := s.Exec(context.Background(), c.Source); res.Error != nil {
					t.Errorf("%s.md:%d: %v", l.Slug, c.Line, res.Error)
				}
			}
		})
	}
}

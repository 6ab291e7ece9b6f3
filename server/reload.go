package main

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/dbtour/dbtour/lessons"
)

// reload renders the course in fsys anew and serves it in place of the
// current pages; the assets stay. On error the current pages stay.
func (s *server) reload(ctx context.Context, fsys fs.FS) error {
	course, err := lessons.Load(fsys)
	if err != nil {
		return fmt.Errorf("load lessons: %w", err)
	}
	next := &server{version: s.version, files: map[string]*asset{}}
	s.mu.RLock()
	for p, a := range s.files {
		if a.immutable {
			next.files[p] = a
		}
	}
	s.mu.RUnlock()
	if err := next.addPages(ctx, s.min, course); err != nil {
		return err
	}
	s.mu.Lock()
	s.files = next.files
	s.mu.Unlock()
	return nil
}

// watch re-renders the course in fsys whenever one of its lesson files
// changes, checking every interval until ctx ends: a teacher editing a
// lesson sees the change on reload. A lesson that does not load is logged
// and the last good pages keep being served. Changes are measured from
// the state of the files when watch is called, and a change is rendered
// once the files have stayed as they are for one interval: a file being
// written is not read half-way.
func (s *server) watch(ctx context.Context, fsys fs.FS, interval time.Duration) {
	last := fingerprint(fsys)
	seen := last
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			now := fingerprint(fsys)
			if now != last && now == seen {
				last = now
				s.rerender(ctx, fsys)
			}
			seen = now
		}
	}()
}

// rerender reloads the course and logs how that went.
func (s *server) rerender(ctx context.Context, fsys fs.FS) {
	if err := s.reload(ctx, fsys); err != nil {
		s.log.Error("lessons changed but do not load; still serving the last good version", "error", err.Error())
		return
	}
	s.log.Info("lessons changed: pages rendered anew")
}

// fingerprint sums up the names, sizes and times of the lesson files and
// the course file in fsys: it changes when one is saved, added or removed.
func fingerprint(fsys fs.FS) string {
	names, _ := fs.Glob(fsys, "*.md") // the pattern is valid
	if _, err := fs.Stat(fsys, lessons.CourseFile); err == nil {
		names = append(names, lessons.CourseFile)
	}
	var fp string
	for _, name := range names {
		info, err := fs.Stat(fsys, name)
		if err != nil {
			fp += name + " unreadable;"
			continue
		}
		fp += fmt.Sprintf("%s %d %d;", name, info.Size(), info.ModTime().UnixNano())
	}
	return fp
}

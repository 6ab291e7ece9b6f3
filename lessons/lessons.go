// Package lessons loads the course: lesson files written in Markdown, with
// front matter and fenced SQL cells, as documented in lessons/README.md.
// The course that ships with dbtour is embedded, so the binary carries it.
package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
)

//go:embed content
var content embed.FS

// Content returns the course that ships inside the binary.
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // "content" is a valid path by construction
	}
	return sub
}

// Course is a loaded, immutable set of lessons in course order.
type Course struct {
	// Lessons are in course order; hidden ones (see CourseFile) last.
	Lessons []*Lesson
	// Title is the course file's title, or "" for the default.
	Title string
	// Version is SourceVersion of the course's files.
	Version string
}

// Load parses every *.md file at the top of fsys. It fails on the first
// malformed lesson, naming its file and line.
func Load(fsys fs.FS) (*Course, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, fmt.Errorf("list lessons: %w", err)
	}
	c := &Course{}
	for _, name := range names {
		if strings.EqualFold(name, "README.md") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read lesson: %w", err)
		}
		l, err := Parse(name, src)
		if err != nil {
			return nil, err
		}
		c.Lessons = append(c.Lessons, l)
	}
	if len(c.Lessons) == 0 {
		return nil, fmt.Errorf("no lessons (*.md files) found")
	}
	sort.SliceStable(c.Lessons, func(i, j int) bool { return c.Lessons[i].Order < c.Lessons[j].Order })
	return c, shape(fsys, c)
}

// shape applies fsys's course file to c and names c's version.
func shape(fsys fs.FS, c *Course) error {
	cf, err := readCourseFile(fsys)
	if err != nil {
		return err
	}
	if err := cf.apply(c); err != nil {
		return err
	}
	c.Version, err = SourceVersion(fsys)
	return err
}

// partsInOrder checks that lessons, in course order, go through the
// course's parts in the order of Parts, so that the front page's parts
// hold consecutive lessons. A lesson without a part may stand anywhere.
func partsInOrder(ls []*Lesson) error {
	last, lastSlug := 0, ""
	for _, l := range ls {
		if l.Part == "" {
			continue
		}
		i := slices.Index(Parts, l.Part)
		if i < last {
			return fmt.Errorf("%s.md: part %q (order %d) comes after lesson %s of part %q: give it an order within its part",
				l.Slug, l.Part, l.Order, lastSlug, Parts[last])
		}
		last, lastSlug = i, l.Slug
	}
	return nil
}

package lessons

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// CourseFile is the name of the optional file in a course folder that
// gives the course a title, its parts and lesson order, and the lessons
// to hide, so a teacher shapes a course without editing its lessons.
const CourseFile = "course.txt"

// courseFile is what a course file says.
type courseFile struct {
	title string
	// listed are the lessons the file names, in its order, each with the
	// part it was named under ("" before any part line).
	listed []listedLesson
	// hide names lessons left out of the course's contents.
	hide map[string]bool
	// lines are where each slug is named, for messages.
	lines map[string]int
}

// listedLesson is a lesson the course file names, with its part.
type listedLesson struct {
	slug, part string
}

// slugPattern is what a lesson's slug (its file name without .md) must
// look like to be named in a course file.
var slugPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// readCourseFile reads fsys's course file; a missing one is an empty
// course file. Errors are *Error values naming the file and line.
func readCourseFile(fsys fs.FS) (*courseFile, error) {
	cf := &courseFile{hide: map[string]bool{}, lines: map[string]int{}}
	src, err := fs.ReadFile(fsys, CourseFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cf, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", CourseFile, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	part := ""
	for n := 1; sc.Scan(); n++ {
		if err := cf.line(strings.TrimSpace(sc.Text()), n, &part); err != nil {
			return nil, &Error{File: CourseFile, Line: n, Err: err}
		}
	}
	return cf, sc.Err()
}

// line reads one line of a course file; part is the part lessons named
// from here on belong to.
func (cf *courseFile) line(text string, n int, part *string) error {
	if text == "" || strings.HasPrefix(text, "#") {
		return nil
	}
	key, value, found := strings.Cut(text, ":")
	value = strings.TrimSpace(value)
	if !found {
		return cf.name(text, n, func() { cf.listed = append(cf.listed, listedLesson{text, *part}) })
	}
	switch strings.TrimSpace(key) {
	case "title":
		if cf.title != "" {
			return errors.New("a second title")
		}
		cf.title = value
	case "part":
		*part = value
	case "hide":
		return cf.name(value, n, func() { cf.hide[value] = true })
	default:
		return fmt.Errorf("unknown key %q (want title, part or hide, or a lesson's name alone on its line)", key)
	}
	if value == "" {
		return fmt.Errorf("%s: empty value", strings.TrimSpace(key))
	}
	return nil
}

// name records a lesson named at line n once, by add.
func (cf *courseFile) name(slug string, n int, add func()) error {
	if !slugPattern.MatchString(slug) {
		return fmt.Errorf("%q is not a lesson's name (its file name without .md)", slug)
	}
	if at, ok := cf.lines[slug]; ok {
		return fmt.Errorf("lesson %s is named twice (first at line %d)", slug, at)
	}
	cf.lines[slug] = n
	add()
	return nil
}

// apply shapes c's lessons, in their own order, by the course file: when
// it lists lessons, those are the course's contents in its order and
// parts, and the others are hidden; hide lines hide lessons. Hidden
// lessons go last. A name that is no lesson is an error.
func (cf *courseFile) apply(c *Course) error {
	c.Title = cf.title
	bySlug := map[string]*Lesson{}
	for _, l := range c.Lessons {
		bySlug[l.Slug] = l
	}
	for slug, line := range cf.lines {
		if bySlug[slug] == nil {
			return &Error{File: CourseFile, Line: line, Err: fmt.Errorf("there is no lesson %s (no file %s.md)", slug, slug)}
		}
	}
	if len(cf.listed) == 0 {
		for _, l := range c.Lessons {
			l.Hidden = cf.hide[l.Slug]
		}
		if err := partsInOrder(visible(c.Lessons)); err != nil {
			return err
		}
	} else {
		var ordered []*Lesson
		for _, ll := range cf.listed {
			l := bySlug[ll.slug]
			l.Part, l.Hidden = ll.part, cf.hide[ll.slug]
			ordered = append(ordered, l)
		}
		for _, l := range c.Lessons {
			if !slices.Contains(ordered, l) {
				l.Hidden = true
				ordered = append(ordered, l)
			}
		}
		c.Lessons = ordered
	}
	// Hidden lessons last, each group in its order.
	c.Lessons = append(visible(c.Lessons), hidden(c.Lessons)...)
	return nil
}

func visible(ls []*Lesson) []*Lesson {
	return slices.DeleteFunc(slices.Clone(ls), func(l *Lesson) bool { return l.Hidden })
}

func hidden(ls []*Lesson) []*Lesson {
	return slices.DeleteFunc(slices.Clone(ls), func(l *Lesson) bool { return !l.Hidden })
}

// Visible returns the course's lessons that are not hidden, in course
// order: what the front page lists and a hand-in of the whole course
// holds.
func (c *Course) Visible() []*Lesson { return visible(c.Lessons) }

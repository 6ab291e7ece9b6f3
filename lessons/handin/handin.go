// Package handin is the hand-in file: what a learner's page downloads (or
// sends to `dbtour serve -collect`) so that a teacher can grade it with
// `dbtour grade`. The format is plain, versioned JSON, documented in
// lessons/README.md (Hand-in files); Parse reads it as hostile input.
package handin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format names the file's kind; FormatVersion is the version of the
// format this package reads and writes.
const (
	Format        = "dbtour-handin"
	FormatVersion = 1
)

// Limits on a hand-in: far above a whole course's answers (the built-in
// course has about 120 exercises), far below what could hurt a server.
const (
	MaxSize        = 1 << 20 // bytes of JSON
	MaxLearner     = 100     // characters of a name
	MaxTitle       = 200     // characters of a course title
	MaxLessons     = 500
	MaxExercises   = 500 // per lesson
	MaxAnswer      = 64 << 10
	MaxCell        = 9999
	maxSlugLength  = 100
	courseScope    = "course"
	lessonScope    = "lesson"
	versionPattern = `^[0-9a-f]{16}$`
)

// HandIn is one learner's work on one lesson or on the whole course.
type HandIn struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Learner is the name the learner typed.
	Learner string `json:"learner"`
	// HandedIn is when the page wrote the file, by the learner's clock.
	HandedIn time.Time `json:"handedIn"`
	Course   Course    `json:"course"`
	// Scope is "lesson" (one lesson's exercises) or "course" (every
	// lesson's).
	Scope   string   `json:"scope"`
	Lessons []Lesson `json:"lessons"`
}

// Course names the course the work was done on.
type Course struct {
	// Version is the course's lessons.SourceVersion.
	Version string `json:"version"`
	Title   string `json:"title"`
}

// Lesson is the learner's answers to one lesson's exercises.
type Lesson struct {
	Slug      string     `json:"slug"`
	Exercises []Exercise `json:"exercises"`
}

// Exercise is the learner's answer to one exercise.
type Exercise struct {
	// Cell is the exercise's index among its page's cells, from 0.
	Cell int `json:"cell"`
	// Answer is the text in the exercise's editor when the file was
	// made: SQL, or Go source for a Go exercise.
	Answer string `json:"answer"`
	// Edited is false when Answer is the exercise's starting text.
	Edited bool `json:"edited"`
	// Solved is what the page judged; a grader never trusts it.
	Solved bool `json:"solved"`
}

// Parse reads a hand-in strictly: at most MaxSize bytes, one JSON object
// with exactly the documented fields and nothing after it, each value
// within its limits.
func Parse(data []byte) (*HandIn, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("hand-in: %d bytes, more than the %d allowed", len(data), MaxSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var h HandIn
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("hand-in: not valid JSON of the format: %w", err)
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("hand-in: data after the JSON object")
	}
	if err := h.Validate(); err != nil {
		return nil, fmt.Errorf("hand-in: %w", err)
	}
	return &h, nil
}

var (
	slugOK    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)
	versionOK = regexp.MustCompile(versionPattern)
)

// Validate says what is wrong with h, or nil.
func (h *HandIn) Validate() error {
	switch {
	case h.Format != Format:
		return fmt.Errorf("format %q, want %q", h.Format, Format)
	case h.Version != FormatVersion:
		return fmt.Errorf("format version %d, want %d", h.Version, FormatVersion)
	case h.HandedIn.IsZero():
		return errors.New("no handedIn time")
	case !versionOK.MatchString(h.Course.Version):
		return fmt.Errorf("course version %q: want 16 hex digits", h.Course.Version)
	case h.Scope != lessonScope && h.Scope != courseScope:
		return fmt.Errorf("scope %q: want %q or %q", h.Scope, lessonScope, courseScope)
	case len(h.Lessons) == 0 || len(h.Lessons) > MaxLessons:
		return fmt.Errorf("%d lessons: want 1 to %d", len(h.Lessons), MaxLessons)
	}
	if err := text("learner", h.Learner, 1, MaxLearner); err != nil {
		return err
	}
	if err := text("course title", h.Course.Title, 0, MaxTitle); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, l := range h.Lessons {
		if !slugOK.MatchString(l.Slug) || len(l.Slug) > maxSlugLength {
			return fmt.Errorf("lesson %q: not a lesson's name", l.Slug)
		}
		if seen[l.Slug] {
			return fmt.Errorf("lesson %s twice", l.Slug)
		}
		seen[l.Slug] = true
		if err := l.validate(); err != nil {
			return fmt.Errorf("lesson %s: %w", l.Slug, err)
		}
	}
	return nil
}

func (l *Lesson) validate() error {
	if len(l.Exercises) > MaxExercises {
		return fmt.Errorf("%d exercises, more than %d", len(l.Exercises), MaxExercises)
	}
	cells := map[int]bool{}
	for _, e := range l.Exercises {
		switch {
		case e.Cell < 0 || e.Cell > MaxCell:
			return fmt.Errorf("cell %d: want 0 to %d", e.Cell, MaxCell)
		case cells[e.Cell]:
			return fmt.Errorf("cell %d twice", e.Cell)
		case len(e.Answer) > MaxAnswer:
			return fmt.Errorf("cell %d: an answer of %d bytes, more than %d", e.Cell, len(e.Answer), MaxAnswer)
		case !utf8.ValidString(e.Answer):
			return fmt.Errorf("cell %d: the answer is not UTF-8", e.Cell)
		}
		cells[e.Cell] = true
	}
	return nil
}

// text checks a one-line text field: its length in characters, and no
// control characters (a name must not forge lines of a report).
func text(what, s string, minLen, maxLen int) error {
	n := utf8.RuneCountInString(s)
	switch {
	case !utf8.ValidString(s):
		return fmt.Errorf("%s: not UTF-8", what)
	case n < minLen || n > maxLen || (minLen > 0 && strings.TrimSpace(s) == ""):
		return fmt.Errorf("%s: %d characters, want %d to %d", what, n, minLen, maxLen)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%s: holds a control character", what)
	}
	return nil
}

// Marshal writes h as the page does: indented JSON.
func Marshal(h *HandIn) ([]byte, error) {
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("hand-in: %w", err)
	}
	return append(b, '\n'), nil
}

package handin

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// sample is a valid hand-in of one lesson.
func sample() *HandIn {
	return &HandIn{
		Format: Format, Version: FormatVersion, Learner: "Ada Lovelace",
		HandedIn: time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC),
		Course:   Course{Version: "0123456789abcdef", Title: "Learn databases"},
		Scope:    "lesson",
		Lessons: []Lesson{{Slug: "joins", Exercises: []Exercise{
			{Cell: 6, Answer: "select 1;", Edited: true, Solved: true},
			{Cell: 9, Answer: "-- your SQL\n", Edited: false, Solved: false},
		}}},
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	want := sample()
	b, err := Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip: got %+v, want %+v", got, want)
	}
}

// TestREADMEExample parses the example in lessons/README.md, so the
// documentation shows a file the grader reads.
func TestREADMEExample(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(\\{\n  \"format\": \"dbtour-handin\".*?\n\\})\n```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("lessons/README.md has no example hand-in (a ```json block starting with the format)")
	}
	if _, err := Parse(m[1]); err != nil {
		t.Errorf("the README's example: %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	valid, err := Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(h *HandIn)) string {
		h := sample()
		f(h)
		b, err := Marshal(h)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, tt := range []struct {
		name, data, want string
	}{
		{"not JSON", "hello", "not valid JSON"},
		{"an array", "[]", "not valid JSON"},
		{"an unknown field", strings.Replace(string(valid), `"scope"`, `"admin": true, "scope"`, 1), `unknown field "admin"`},
		{"data after the object", string(valid) + "{}", "data after the JSON object"},
		{"oversize", string(valid) + strings.Repeat(" ", MaxSize), "more than the"},
		{"a string for a number", strings.Replace(string(valid), `"cell": 6`, `"cell": "6"`, 1), "cannot unmarshal"},
		{"a fraction for a cell", strings.Replace(string(valid), `"cell": 6`, `"cell": 6.5`, 1), "cannot unmarshal"},
		{"another format", edit(func(h *HandIn) { h.Format = "x" }), `format "x"`},
		{"a later format version", edit(func(h *HandIn) { h.Version = 2 }), "format version 2"},
		{"no learner", edit(func(h *HandIn) { h.Learner = "  " }), "learner: 2 characters"},
		{"a long name", edit(func(h *HandIn) { h.Learner = strings.Repeat("é", MaxLearner+1) }), "learner: 101 characters"},
		{"a newline in the name", edit(func(h *HandIn) { h.Learner = "Ada\nBob,1" }), "control character"},
		{"no time", edit(func(h *HandIn) { h.HandedIn = time.Time{} }), "no handedIn"},
		{"a bad course version", edit(func(h *HandIn) { h.Course.Version = "../../etc" }), "course version"},
		{"a bad scope", edit(func(h *HandIn) { h.Scope = "all" }), "scope"},
		{"no lessons", edit(func(h *HandIn) { h.Lessons = nil }), "0 lessons"},
		{"a path for a lesson", edit(func(h *HandIn) { h.Lessons[0].Slug = "../secret" }), "not a lesson's name"},
		{"a lesson twice", edit(func(h *HandIn) { h.Lessons = append(h.Lessons, h.Lessons[0]) }), "lesson joins twice"},
		{"a negative cell", edit(func(h *HandIn) { h.Lessons[0].Exercises[0].Cell = -1 }), "cell -1"},
		{"a cell twice", edit(func(h *HandIn) { h.Lessons[0].Exercises[1].Cell = 6 }), "cell 6 twice"},
		{"a huge answer", edit(func(h *HandIn) { h.Lessons[0].Exercises[0].Answer = strings.Repeat("x", MaxAnswer+1) }), "more than 65536"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

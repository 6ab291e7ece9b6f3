package lessons

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeCourseTable holds the README's table of what the course
// covers to the course itself: every lesson in course order, with its
// part, title and number of exercises.
func TestReadmeCourseTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| ([^|]+) \| \[([^\]]+)\]\(lessons/content/([a-z0-9-]+)\.md\) \| [^|]+ \| (\d+) \|$`)
	var got []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		got = append(got, strings.Join(m[1:], " / "))
	}
	course, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range course.Lessons {
		n := 0
		for _, c := range l.Cells() {
			if c.Kind == Exercise {
				n++
			}
		}
		want = append(want, fmt.Sprintf("%s / %s / %s / %d", l.Part, l.Title, l.Slug, n))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README's course table:\n%s\nwant (the course):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

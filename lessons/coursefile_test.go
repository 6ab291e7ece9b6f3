package lessons

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// courseFS is three lessons, a (SQL basics), b and c (Go), and a course
// file with the given text ("" for none).
func courseFS(courseFile string) fstest.MapFS {
	lesson := func(order int, part string) *fstest.MapFile {
		return &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: T%d\norder: %d\npart: %s\n---\n```sql\nselect 1;\n```\n", order, order, part)}
	}
	fsys := fstest.MapFS{"a.md": lesson(1, "SQL basics"), "b.md": lesson(2, "Go"), "c.md": lesson(3, "Go")}
	if courseFile != "" {
		fsys[CourseFile] = &fstest.MapFile{Data: []byte(courseFile)}
	}
	return fsys
}

// describe writes a course's lessons as "slug(part)" or "slug(hidden)".
func describe(c *Course) string {
	var parts []string
	for _, l := range c.Lessons {
		if l.Hidden {
			parts = append(parts, l.Slug+"(hidden)")
		} else {
			parts = append(parts, l.Slug+"("+l.Part+")")
		}
	}
	return c.Title + ": " + strings.Join(parts, " ")
}

func TestCourseFile(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, file, want string
	}{
		{"none", "", ": a(SQL basics) b(Go) c(Go)"},
		{"a title only", "# for 3B\ntitle: Databases for 3B\n", "Databases for 3B: a(SQL basics) b(Go) c(Go)"},
		{"hide one", "hide: b\n", ": a(SQL basics) c(Go) b(hidden)"},
		{"own order and parts", "title: Mine\npart: Start\nc\na\npart: Later\nb\n", "Mine: c(Start) a(Start) b(Later)"},
		{"a subset: the rest is hidden", "part: Only\nc\n", ": c(Only) a(hidden) b(hidden)"},
		{"lessons before any part", "b\na\n", ": b() a() c(hidden)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(courseFS(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(c); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCourseFileErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, file, want string
	}{
		{"unknown lesson", "part: P\na\nzz\n", "course.txt:3: there is no lesson zz (no file zz.md)"},
		{"named twice", "a\nhide: a\n", "course.txt:2: lesson a is named twice (first at line 1)"},
		{"unknown key", "titel: x\n", `course.txt:1: unknown key "titel" (want title, part or hide, or a lesson's name alone on its line)`},
		{"not a name", "../etc/passwd\n", `course.txt:1: "../etc/passwd" is not a lesson's name (its file name without .md)`},
		{"two titles", "title: a\ntitle: b\n", "course.txt:2: a second title"},
		{"empty part", "part:\n", "course.txt:1: part: empty value"},
		{"hidden part out of place is fine, a shown one is not", "hide: a\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(courseFS(tt.file))
			if got := fmt.Sprint(err); (tt.want == "" && err != nil) || (tt.want != "" && got != tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSourceVersion(t *testing.T) {
	t.Parallel()
	plain, err := SourceVersion(courseFS(""))
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) != 16 {
		t.Errorf("version %q: want 16 hex digits", plain)
	}
	for _, tt := range []struct {
		name   string
		change func(fstest.MapFS)
	}{
		{"a lesson edited", func(f fstest.MapFS) { f["a.md"].Data = append(f["a.md"].Data, '\n') }},
		{"a lesson added", func(f fstest.MapFS) { f["d.md"] = &fstest.MapFile{Data: []byte("x")} }},
		{"a course file", func(f fstest.MapFS) { f[CourseFile] = &fstest.MapFile{Data: []byte("hide: a\n")} }},
		{"a lesson renamed", func(f fstest.MapFS) { f["z.md"] = f["c.md"]; delete(f, "c.md") }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := courseFS("")
			tt.change(fsys)
			v, err := SourceVersion(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if v == plain {
				t.Errorf("the version stayed %s", v)
			}
		})
	}
	c, err := Load(courseFS(""))
	if err != nil || c.Version != plain {
		t.Errorf("Load: version %q (%v), want %q", c.Version, err, plain)
	}
}

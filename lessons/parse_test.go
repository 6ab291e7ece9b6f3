package lessons

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: \"Demo: one\"\nsummary: A demo.\norder: 3\n---\n\n# Hello\n\nSome *prose*.\n\n```sql setup\ncreate table t(x);\n```\n\n```sql\nselect 1;\n\nselect 2;\n```\n\n```go\nfmt.Println()\n```\n"
	l, err := Parse("demo.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Slug != "demo" || l.Title != "Demo: one" || l.Summary != "A demo." || l.Order != 3 {
		t.Errorf("got front matter %q %q %q %d", l.Slug, l.Title, l.Summary, l.Order)
	}
	cells := l.Cells()
	want := []Cell{
		{Kind: Setup, Source: "create table t(x);", Line: 11},
		{Kind: Query, Source: "select 1;\n\nselect 2;", Line: 15},
	}
	if len(cells) != len(want) {
		t.Fatalf("got %d cells, want %d", len(cells), len(want))
	}
	for i := range want {
		if *cells[i] != want[i] {
			t.Errorf("cell %d: got %+v, want %+v", i, *cells[i], want[i])
		}
	}
	if len(l.Blocks) != 4 {
		t.Fatalf("got %d blocks, want prose, setup, query, prose", len(l.Blocks))
	}
	if got := l.Blocks[0].HTML; !strings.Contains(got, `<h1 id="hello">Hello</h1>`) || !strings.Contains(got, "<em>prose</em>") {
		t.Errorf("prose: got %q", got)
	}
	if got := l.Blocks[3].HTML; !strings.Contains(got, `<code class="language-go">`) {
		t.Errorf("a go fence stays prose: got %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, src, want string
	}{
		{"no front matter", "# Hi\n", "x.md:1: want front matter starting with ---"},
		{"unclosed front matter", "---\ntitle: x\n", "x.md:1: front matter is not closed by ---"},
		{"no title", "---\norder: 1\n---\n", "x.md:3: front matter has no title"},
		{"bad key", "---\ntitle: x\nauthor: me\n---\n", `x.md:3: unknown front matter key "author" (want title, summary or order)`},
		{"bad order", "---\ntitle: x\norder: first\n---\n", `x.md:3: order: want a whole number, got "first"`},
		{"unknown cell kind", "---\ntitle: x\n---\ntext\n\n```sql exercize\nselect 1;\n```\n", `x.md:6: unknown cell kind "exercize" (want ` + "```sql or ```sql setup)"},
		{"empty cell", "---\ntitle: x\n---\n```sql\n\n```\n", "x.md:4: empty sql cell"},
		{"no cells", "---\ntitle: x\n---\njust prose\n", "x.md:1: a lesson needs at least one ```sql cell"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.md", []byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a *lessons.Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("got %q, want %q", err, tt.want)
			}
		})
	}
}

func TestLoadEmbedded(t *testing.T) {
	t.Parallel()
	c, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Lesson(c.Lessons[0].Slug); err != nil {
		t.Errorf("first lesson: %v", err)
	}
	if _, err := c.Lesson("no-such-lesson"); !errors.Is(err, ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
}

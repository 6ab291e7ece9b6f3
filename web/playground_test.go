package web

import "testing"

func TestPlaygroundPage(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, PlaygroundPage(PlaygroundView{Site: Site{Root: "../", Assets: "../static/v1/"},
		Title: "Playground", Example: "select '<b>x</b>';"}))
	for _, tt := range []struct {
		name, selector, attr, want string
	}{
		{"page script, a module from the assets", `main script[type=module]`, "src", "../static/v1/js/playground.js"},
		{"example as text in the editor's place", `[data-testid=pg-editor] code`, "", "select '<b>x</b>';"},
		{"file picker takes the three kinds", `[data-testid=pg-file]`, "accept", ".sqlite,.sqlite3,.db,.sql,.csv,application/x-sqlite3,text/csv"},
		{"header links the playground relatively", `[data-testid=playground-link]`, "href", "../playground/"},
		{"Run", `button[data-action=run]`, "", "Run"},
		{"Export .sqlite", `button[data-action=export-sqlite]`, "", "Export .sqlite"},
		{"Export .sql", `button[data-action=export-sql]`, "", "Export .sql"},
		{"Share", `button[data-action=share]`, "", "Share"},
		{"schema panel", `[data-testid=pg-schema] h2`, "", "Schema"},
	} {
		sel := doc.Find(tt.selector)
		if sel.Length() != 1 {
			t.Errorf("%s: %d elements match %s, want 1", tt.name, sel.Length(), tt.selector)
			continue
		}
		got := sel.Text()
		if tt.attr != "" {
			got = sel.AttrOr(tt.attr, "")
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if _, hidden := doc.Find(`[data-testid=pg-app]`).Attr("hidden"); !hidden {
		t.Error("the controls show without JavaScript, where they cannot work")
	}
}

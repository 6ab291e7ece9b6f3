package programs

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// registry are the package's names that are not part of any program.
var registry = map[string]bool{
	"Lookup": true, "Names": true, "Source": true, "Entry": true,
	"Program": true, "Env": true, "Of": true, "Symbols": true,
	"all": true, "sources": true, "entry": true, "register": true, "words": true,
}

// TestSymbolsListEveryName: an edited program sees every top-level name
// of the package that the compiled one sees.
func TestSymbolsListEveryName(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, obj := range f.Scope.Objects {
			if _, ok := Symbols[obj.Name]; !ok && !registry[obj.Name] {
				t.Errorf("%s: %s is missing from Symbols", name, obj.Name)
			}
		}
	}
}

package programs

import (
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		ident string
		want  []string
	}{
		{"login", []string{"login"}},
		{"addCustomer", []string{"add", "customer"}},
		{"gormNPlusOne", []string{"gorm", "n", "plus", "one"}},
		{"timeRoundtrip", []string{"time", "roundtrip"}},
	} {
		if got := words(tt.ident); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.ident, got, tt.want)
		}
	}
}

// TestRegistry: every registered program's source file declares its
// function, and every function of a program's shape is registered, so a
// new program cannot be left out.
func TestRegistry(t *testing.T) {
	t.Parallel()
	registered := map[string]bool{}
	for _, name := range Names() {
		fn := Entry(name)
		registered[fn] = true
		src, err := Source(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if obj := f.Scope.Lookup(fn); obj == nil || obj.Kind.String() != "func" {
			t.Errorf("%s: its source file declares no function %s", name, fn)
		}
	}
	for name, v := range Symbols {
		if v.Kind() != reflect.Func {
			continue
		}
		if _, ok := Of(v.Interface()); ok && !registered[name] {
			t.Errorf("%s has a program's shape but is not in all", name)
		}
	}
	if _, ok := Lookup("no-such-program"); ok || Entry("no-such-program") != "" {
		t.Error("an unknown name found a program")
	}
}

//go:build !js || interp

package runner

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/runner/symbols"
	"github.com/traefik/yaegi/interp"
)

// programsPath is the compiled package the course's programs live in; an
// edited program sees its other names (models, helpers) through it.
const programsPath = "github.com/dbtour/dbtour/lessons/programs"

// Allowed lists the packages an edited program may import, sorted.
func Allowed() []string {
	var paths []string
	for k := range symbols.Symbols {
		paths = append(paths, k[:strings.LastIndex(k, "/")])
	}
	slices.Sort(paths)
	return paths
}

// interpret compiles source, a Go file of package programs written as the
// course's programs are, into a Program whose function runs interpreted
// under g, printing to out. The entry is the function called entry, or
// with entry "" the first function with a program's signature.
func interpret(source, entry string, out io.Writer, g *guard) (programs.Program, error) {
	// The interpreter prints a panic's trace to Stderr; the run's error
	// already says what happened.
	i := interp.New(interp.Options{Stdout: out, Stderr: io.Discard, Args: []string{}, Env: []string{}})
	for _, exports := range []interp.Exports{symbols.Symbols, programsExports(), g.exports()} {
		if err := i.Use(exports); err != nil {
			return nil, fmt.Errorf("interpreter: %w", err)
		}
	}
	f, err := parser.ParseFile(i.FileSet(), "program.go", source, parser.ParseComments)
	if err != nil {
		return nil, parseProblem(err)
	}
	if err := prepare(i.FileSet(), f); err != nil {
		return nil, err
	}
	prelude, err := parser.ParseFile(i.FileSet(), "prelude.go", preludeFor(f), 0)
	if err != nil {
		return nil, fmt.Errorf("interpreter prelude: %w", err)
	}
	for _, file := range []*ast.File{prelude, f} {
		if err := compileAndRun(i, file); err != nil {
			return nil, placeIntRange(i.FileSet(), f, err)
		}
	}
	return entryOf(i, f, entry)
}

// compileAndRun compiles one file into the interpreter and runs its
// package-level declarations.
func compileAndRun(i *interp.Interpreter, f *ast.File) (err error) {
	defer func() {
		// The interpreter panics on some programs it cannot compile
		// (range over an integer, say) instead of returning an error.
		if v := recover(); v != nil {
			msg := fmt.Sprintf("the interpreter cannot compile this program (%v)", v)
			if fmt.Sprint(v) == "nil type" {
				msg = rangeOverInt
			}
			err = &SourceError{Line: 1, Column: 1, Msg: msg}
		}
	}()
	p, err := i.CompileAST(f)
	if err == nil {
		_, err = i.Execute(p)
	}
	if err != nil {
		return sourceProblem(err)
	}
	return nil
}

// rangeOverInt is what the interpreter's "nil type" panic means in a
// learner's program: yaegi cannot range over an integer.
const rangeOverInt = "the interpreter cannot range over an integer (for i := range n): write for i := 0; i < n; i++ instead"

// placeIntRange moves a range-over-integer error from the file's first
// line to the loop that causes it, when one loop plainly ranges over an
// integer (a literal, len(...) or arithmetic); other errors pass as they
// are.
func placeIntRange(fset *token.FileSet, f *ast.File, err error) error {
	var bad *SourceError
	if !errors.As(err, &bad) || bad.Msg != rangeOverInt {
		return err
	}
	var loops []token.Pos
	ast.Inspect(f, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && plainlyInt(r.X) {
			loops = append(loops, r.For)
		}
		return true
	})
	if len(loops) != 1 {
		return err
	}
	at := fset.Position(loops[0])
	return &SourceError{Line: at.Line, Column: at.Column, Msg: bad.Msg}
}

// plainlyInt reports whether x is an integer by its form alone.
func plainlyInt(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.CallExpr:
		fn, ok := x.Fun.(*ast.Ident)
		return ok && (fn.Name == "len" || fn.Name == "cap")
	case *ast.BinaryExpr:
		return x.Op == token.ADD || x.Op == token.SUB || x.Op == token.MUL || x.Op == token.QUO
	case *ast.ParenExpr:
		return plainlyInt(x.X)
	}
	return false
}

// prepare checks f's package and imports and rewrites it for the
// interpreter: package main, the compiled package's own declarations
// where f repeats them unchanged, sql.Null[T] instances, and the guards.
func prepare(fset *token.FileSet, f *ast.File) error {
	if f.Name.Name != "programs" {
		return &SourceError{Line: fset.Position(f.Name.Pos()).Line, Column: fset.Position(f.Name.Pos()).Column,
			Msg: fmt.Sprintf("the file must stay in package programs, not %s", f.Name.Name)}
	}
	f.Name.Name = "main"
	allowed := Allowed()
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != "embed" && !slices.Contains(allowed, path) {
			pos := fset.Position(imp.Path.Pos())
			return &SourceError{Line: pos.Line, Column: pos.Column,
				Msg: fmt.Sprintf("import %q is not allowed here; a program may import %s", path, strings.Join(allowed, ", "))}
		}
	}
	useCompiled(fset, f)
	dropImport(f, "embed") // used by //go:embed variables only, which stay compiled
	nullInstances(f)
	addGuards(f)
	return nil
}

// useCompiled drops from f what must stay compiled: a model type
// declared exactly as in the compiled package, with no methods in f, so
// that GORM sees the named compiled type (an interpreted struct type has
// no name, hence no table), and a //go:embed variable, whose files only
// the compiled package holds.
func useCompiled(fset *token.FileSet, f *ast.File) {
	compiled := compiledTypes()
	methods := map[string]bool{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			methods[receiverName(fd.Recv.List[0].Type)] = true
		}
	}
	f.Decls = slices.DeleteFunc(f.Decls, func(d ast.Decl) bool {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			return false
		}
		gd.Specs = slices.DeleteFunc(gd.Specs, func(s ast.Spec) bool {
			switch s := s.(type) {
			case *ast.TypeSpec:
				want, ok := compiled[s.Name.Name]
				return ok && !methods[s.Name.Name] && squeezed(printed(fset, uncommented(s.Type))) == want
			case *ast.ValueSpec:
				_, ok := programs.Symbols[s.Names[0].Name]
				return ok && len(s.Names) == 1 && isEmbed(gd, s)
			}
			return false
		})
		return gd.Tok != token.IMPORT && len(gd.Specs) == 0
	})
}

// dropImport removes the import of path from f.
func dropImport(f *ast.File, path string) {
	quoted := strconv.Quote(path)
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			gd.Specs = slices.DeleteFunc(gd.Specs, func(s ast.Spec) bool { return s.(*ast.ImportSpec).Path.Value == quoted })
		}
	}
}

func receiverName(t ast.Expr) string {
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func isEmbed(gd *ast.GenDecl, s *ast.ValueSpec) bool {
	for _, doc := range []*ast.CommentGroup{gd.Doc, s.Doc} {
		for _, c := range docList(doc) {
			if strings.HasPrefix(c.Text, "//go:embed ") {
				return true
			}
		}
	}
	return false
}

func docList(doc *ast.CommentGroup) []*ast.Comment {
	if doc == nil {
		return nil
	}
	return doc.List
}

// compiledTypes are the compiled package's type declarations, printed,
// by name.
func compiledTypes() map[string]string {
	types := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range programs.Names() {
		src, err := programs.Source(name)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, s := range gd.Specs {
					ts := s.(*ast.TypeSpec)
					types[ts.Name.Name] = squeezed(printed(fset, ts.Type))
				}
			}
		}
	}
	return types
}

// uncommented drops the field comments of t, which a printing of it
// would include.
func uncommented(t ast.Expr) ast.Expr {
	ast.Inspect(t, func(n ast.Node) bool {
		if f, ok := n.(*ast.Field); ok {
			f.Doc, f.Comment = nil, nil
		}
		return true
	})
	return t
}

// squeezed is s without white space: two printings of one declaration
// may align its fields differently.
func squeezed(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func printed(fset *token.FileSet, n ast.Node) string {
	var b strings.Builder
	printer.Fprint(&b, fset, n)
	return b.String()
}

// nullInstances rewrites sql.Null[T] to sql.Null_T (see symbols.NullTypes).
func nullInstances(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		field := exprField(n)
		if field == nil {
			return true
		}
		ix, ok := (*field).(*ast.IndexExpr)
		if !ok {
			return true
		}
		sel, ok := ix.X.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Null" {
			return true
		}
		name := "Null_" + strings.TrimPrefix(printed(token.NewFileSet(), ix.Index), "time.")
		if _, known := symbols.NullTypes[name]; known {
			*field = &ast.SelectorExpr{X: sel.X, Sel: &ast.Ident{NamePos: sel.Sel.NamePos, Name: name}}
		}
		return true
	})
}

// exprField returns the type expression a node holds, where sql.Null[T]
// can appear: a field, a var declaration, a composite literal.
func exprField(n ast.Node) *ast.Expr {
	switch n := n.(type) {
	case *ast.Field:
		return &n.Type
	case *ast.ValueSpec:
		if n.Type != nil {
			return &n.Type
		}
	case *ast.CompositeLit:
		if n.Type != nil {
			return &n.Type
		}
	}
	return nil
}

// preludeFor declares, in package main, every name of the compiled
// package that f does not declare itself, and min and max, which the
// interpreter lacks as builtins.
func preludeFor(f *ast.File) string {
	declared := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				declared[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					declared[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						declared[n.Name] = true
					}
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package main\n\nimport programs %q\n\n", programsPath)
	names := make([]string, 0, len(programs.Symbols))
	for name := range programs.Symbols {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if declared[name] {
			continue
		}
		if programs.Symbols[name].Kind() == reflect.Pointer && programs.Symbols[name].IsNil() {
			fmt.Fprintf(&b, "type %s = programs.%s\n", name, name)
		} else {
			fmt.Fprintf(&b, "var %s = programs.%s\n", name, name)
		}
	}
	for _, fn := range []struct{ name, op string }{{"min", "<"}, {"max", ">"}} {
		if !declared[fn.name] {
			fmt.Fprintf(&b, "func %s[T int | int64 | float64 | string](x T, ys ...T) T {\n\tfor _, y := range ys {\n\t\tif y %s x {\n\t\t\tx = y\n\t\t}\n\t}\n\treturn x\n}\n", fn.name, fn.op)
		}
	}
	return b.String()
}

// programsExports are the compiled package's names for the interpreter.
func programsExports() interp.Exports {
	return interp.Exports{programsPath + "/programs": programs.Symbols}
}

// entryOf finds the program's function in the interpreted f: the one
// called entry, or with entry "" the first of f's functions that has a
// program's signature.
func entryOf(i *interp.Interpreter, f *ast.File, entry string) (programs.Program, error) {
	var candidates []string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && (entry == "" || fd.Name.Name == entry) {
			candidates = append(candidates, fd.Name.Name)
		}
	}
	for _, name := range candidates {
		v, err := i.Eval(name)
		if err != nil || !v.IsValid() || v.Kind() != reflect.Func {
			continue
		}
		if p, ok := programs.Of(v.Interface()); ok {
			return p, nil
		}
	}
	want := "a function"
	if entry != "" {
		want = "the function " + entry
	}
	return nil, &SourceError{Line: 1, Column: 1, Msg: want + " with the signature " +
		"func(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error or func(db *gorm.DB, in Inputs, out io.Writer) error"}
}

// parseProblem turns the parser's first error into a SourceError.
func parseProblem(err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return &SourceError{Line: list[0].Pos.Line, Column: list[0].Pos.Column, Msg: list[0].Msg}
	}
	return err
}

// yaegiPos finds "program.go:LINE:COL: message" in an interpreter error.
var yaegiPos = regexp.MustCompile(`program\.go:(\d+):(\d+): (.*)`)

// sourceProblem turns an interpreter error into a SourceError when it
// names a place in the reader's program.
func sourceProblem(err error) error {
	var p interp.Panic
	if errors.As(err, &p) {
		return fmt.Errorf("the program panicked: %v", p.Value)
	}
	m := yaegiPos.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	return &SourceError{Line: line, Column: col, Msg: m[3]}
}

// durations matches a printed time.Duration, which differs between runs.
var durations = regexp.MustCompile(`\d+(\.\d+)? ?(ns|µs|ms|s|m)\b`)

// Difference says how two runs of a program differ (their statements,
// output and error, with printed durations masked), or "" when they do
// not: the check that an interpreted program does what the compiled one
// does.
func Difference(compiled, interpreted *Result) string {
	mask := func(s string) string { return durations.ReplaceAllString(s, "<duration>") }
	if a, b := mask(compiled.Error), mask(interpreted.Error); a != b {
		return fmt.Sprintf("error %q, interpreted %q", a, b)
	}
	if a, b := mask(compiled.Output), mask(interpreted.Output); a != b {
		return fmt.Sprintf("output %q, interpreted %q", a, b)
	}
	if len(compiled.Statements) != len(interpreted.Statements) {
		return fmt.Sprintf("%d statements, interpreted %d", len(compiled.Statements), len(interpreted.Statements))
	}
	for i, a := range compiled.Statements {
		if b := interpreted.Statements[i]; a != b {
			return fmt.Sprintf("statement %d %+v, interpreted %+v", i+1, a, b)
		}
	}
	return ""
}

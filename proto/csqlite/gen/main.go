// Command gen writes the Go side of the engine prototype's SQLite shim: a
// package with go-sqlite3-wasm's API (Module, New, Xenv, Memory and every
// X method) whose methods call SQLite built by clang as a wasm side module
// instead of the wasm2go translation. It reads the API from the translated
// sqlite3.go of the go-sqlite3-wasm module that go-sqlite3 requires, so the
// shim follows that module's releases without hand edits.
//
//	go run ./proto/csqlite/gen -src DIR -out DIR -exports FILE [libc import names...]
//
// It writes three files into -out:
//   - api.go: the Xenv and Memory types, copied;
//   - calls.go: an imported function per X method (module "sqlite3"), and
//     the method calling it with the calling Module made current; a method
//     whose function the side module does not export (-exports lists those
//     it does) panics instead, so that no import is left unresolved;
//   - exports.go: a //go:wasmexport function per Xenv callback and per libc
//     import named on the command line, which SQLite imports;
//   - helpers.go: the translation's top-level helpers (load32, store64, ...),
//     which go-sqlite3-wasm's libc.go uses.
//
// The hand-written rest of the package (shim/) supplies Module, New and the
// memory layout.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// handWritten are the X methods the shim defines itself (they are not
// calls into SQLite) and the callbacks it exports itself.
var handWritten = map[string]bool{
	"X__indirect_function_table": true,
	"X__stack_pointer":           true,
	"X_initialize":               true,
	"Xgo_busy_timeout":           true,
}

func main() {
	src := flag.String("src", "", "the go-sqlite3-wasm module directory")
	out := flag.String("out", "", "the shim package directory to write into")
	exports := flag.String("exports", "", "a file naming the side module's exported functions, one a line")
	flag.Parse()
	if *src == "" || *out == "" || *exports == "" {
		flag.Usage()
		os.Exit(2)
	}
	names, err := os.ReadFile(*exports)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(*src, *out, strings.Fields(string(names)), flag.Args()); err != nil {
		log.Fatal(err)
	}
}

// run parses the translated module and writes the generated files.
func run(src, out string, exported, libc []string) error {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join(src, "sqlite3.go"), nil, parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("parse sqlite3.go: %w", err)
	}
	api, env, methods, helpers := collect(file)
	if env == nil || len(methods) == 0 {
		return fmt.Errorf("sqlite3.go: no Xenv interface or no X methods")
	}
	exports, err := exportsFile(fset, env, libc)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"api.go":     apiFile(fset, api),
		"calls.go":   callsFile(fset, methods, exported),
		"exports.go": exports,
		"helpers.go": helpersFile(fset, file, helpers),
	}
	for name, body := range files {
		formatted, err := format.Source(body)
		if err != nil {
			return fmt.Errorf("format %s: %w\n%s", name, err, body)
		}
		if err := os.WriteFile(filepath.Join(out, name), formatted, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// collect returns the Xenv and Memory type declarations, the Xenv
// interface, the exported methods of *Module that call into SQLite, and
// the top-level helper functions and constants.
func collect(file *ast.File) (api []*ast.GenDecl, env *ast.InterfaceType, methods []*ast.FuncDecl, helpers []ast.Decl) {
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if d.Tok == token.CONST {
				helpers = append(helpers, d)
			}
			for _, spec := range d.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok || (ts.Name.Name != "Xenv" && ts.Name.Name != "Memory") {
					continue
				}
				api = append(api, d)
				if it, ok := ts.Type.(*ast.InterfaceType); ok && ts.Name.Name == "Xenv" {
					env = it
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "New" {
				helpers = append(helpers, d)
			} else if strings.HasPrefix(d.Name.Name, "X") && !handWritten[d.Name.Name] {
				methods = append(methods, d)
			}
		}
	}
	return api, env, methods, helpers
}

// helpersFile copies the helpers with the translation's imports (less
// embed), each import kept in use.
func helpersFile(fset *token.FileSet, file *ast.File, helpers []ast.Decl) []byte {
	var b bytes.Buffer
	b.WriteString(header + "import (\n")
	keep := map[string]string{"encoding/binary": "binary.LittleEndian", "math": "math.Pi",
		"math/bits": "bits.UintSize", "runtime": "runtime.GOARCH", "unsafe": "unsafe.Sizeof(0)"}
	var uses []string
	for _, imp := range file.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		if use, ok := keep[path]; ok {
			fmt.Fprintf(&b, "\t%q\n", path)
			uses = append(uses, use)
		}
	}
	b.WriteString(")\n\n")
	for _, use := range uses {
		fmt.Fprintf(&b, "var _ = %s\n", use)
	}
	for _, d := range helpers {
		printer.Fprint(&b, fset, d)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

const header = "// Code generated by proto/csqlite/gen. DO NOT EDIT.\n\npackage sqlite3_wasm\n\n"

// apiFile copies the Xenv and Memory types.
func apiFile(fset *token.FileSet, api []*ast.GenDecl) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, d := range api {
		printer.Fprint(&b, fset, d)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// callsFile writes, for each X method, the import of SQLite's export and a
// method that calls it with m current, so that SQLite's callbacks reach
// m's Xenv.
func callsFile(fset *token.FileSet, methods []*ast.FuncDecl, exported []string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, m := range methods {
		name := strings.TrimPrefix(m.Name.Name, "X")
		params, args := fieldList(fset, m.Type.Params)
		results, _ := fieldList(fset, m.Type.Results)
		if !slices.Contains(exported, name) {
			fmt.Fprintf(&b, "// %s is not in the side module.\nfunc (m *Module) %s(%s) %s {\n\tpanic(%q)\n}\n\n",
				m.Name.Name, m.Name.Name, params, results, "sqlite3: "+name+" is not built in")
			continue
		}
		fmt.Fprintf(&b, "//go:wasmimport sqlite3 %s\nfunc sqlite3_%s(%s) %s\n\n", name, name, params, results)
		fmt.Fprintf(&b, "// %s calls SQLite's %s.\nfunc (m *Module) %s(%s) %s {\n\tprev := enter(m)\n", m.Name.Name, name, m.Name.Name, params, results)
		if results == "" {
			fmt.Fprintf(&b, "\tsqlite3_%s(%s)\n\tcurrent = prev\n}\n\n", name, args)
		} else {
			fmt.Fprintf(&b, "\tr := sqlite3_%s(%s)\n\tcurrent = prev\n\treturn r\n}\n\n", name, args)
		}
	}
	return b.Bytes()
}

// exportsFile writes a //go:wasmexport function for each Xenv callback (but
// Xmemory) and each named libc function, which SQLite imports from "env".
// Callbacks go to the current Module's Xenv; libc functions to the Module
// methods that go-sqlite3-wasm's libc.go defines.
func exportsFile(fset *token.FileSet, env *ast.InterfaceType, libc []string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	for _, f := range env.Methods.List {
		ft, ok := f.Type.(*ast.FuncType)
		if !ok || f.Names[0].Name == "Xmemory" || handWritten[f.Names[0].Name] {
			continue
		}
		name := strings.TrimPrefix(f.Names[0].Name, "X")
		params, args := fieldList(fset, ft.Params)
		results, _ := fieldList(fset, ft.Results)
		ret := ""
		if results != "" {
			ret = "return "
		}
		fmt.Fprintf(&b, "//go:wasmexport sqlite3_env_%s\nfunc env_%s(%s) %s { %scurrent.env.%s(%s) }\n\n",
			name, name, params, results, ret, f.Names[0].Name, args)
	}
	slices.Sort(libc)
	for _, name := range libc {
		params, ok := libcParams[name]
		if !ok {
			return nil, fmt.Errorf("SQLite imports %s, a libc function gen does not know", name)
		}
		fmt.Fprintf(&b, "//go:wasmexport sqlite3_env_%s\nfunc env_%s(%s) %s { return libc._%s(%s) }\n\n",
			name, name, params, libcResult(name), name, libcArgs(params))
	}
	return b.Bytes(), nil
}

// libcParams are the signatures of the libc functions SQLite imports (C's
// math.h and localtime_r), as go-sqlite3-wasm's libc.go declares them.
var libcParams = map[string]string{
	"localtime_r": "timer, buf int32",
	"atan2":       "y, x float64",
	"pow":         "x, y float64",
	"fmod":        "x, y float64",
}

// libcResult is the result type of a libc function.
func libcResult(name string) string {
	if name == "localtime_r" {
		return "int32"
	}
	return "float64"
}

// libcArgs turns a parameter list into its argument names.
func libcArgs(params string) string {
	var names []string
	for _, p := range strings.Split(params, ",") {
		names = append(names, strings.Fields(p)[0])
	}
	return strings.Join(names, ", ")
}

func init() {
	for _, f := range []string{"log", "log10", "log2", "exp", "acos", "asin", "atan", "cos", "sin", "tan",
		"cosh", "sinh", "tanh", "acosh", "asinh", "atanh", "sqrt", "ceil", "floor", "trunc"} {
		libcParams[f] = "x float64"
	}
}

// fieldList prints a parameter or result list with names v0, v1, ...
// (results unnamed) and returns it with the comma-separated argument names.
func fieldList(fset *token.FileSet, fl *ast.FieldList) (decl, args string) {
	if fl == nil {
		return "", ""
	}
	var parts, names []string
	for _, f := range fl.List {
		var t bytes.Buffer
		printer.Fprint(&t, fset, f.Type)
		if len(f.Names) == 0 {
			parts = append(parts, t.String())
			continue
		}
		var fieldNames []string
		for _, n := range f.Names {
			fieldNames = append(fieldNames, n.Name)
		}
		names = append(names, fieldNames...)
		parts = append(parts, strings.Join(fieldNames, ", ")+" "+t.String())
	}
	decl = strings.Join(parts, ", ")
	if len(names) == 0 && len(parts) > 1 {
		decl = "(" + decl + ")"
	}
	return decl, strings.Join(names, ", ")
}

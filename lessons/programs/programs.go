// Package programs holds the Go example programs of the course: small
// functions that use database/sql or GORM, compiled into the engine so a
// lesson can run them in the reader's browser. Each lives in a file of its
// own, and the page shows that file: the code a reader sees is the code
// that ran.
package programs

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Program is the one contract between the course's programs and what
// runs them (package wasm/runner): run on env, under ctx, which carries
// the run's time limit. The course's programs are written in one of two
// shapes, against database/sql or against GORM; Of adapts either.
type Program func(ctx context.Context, env Env) error

// Env is what a program runs with: the page's database, the reader's
// inputs and where to print.
type Env struct {
	// DB is the page's database through database/sql.
	DB *sql.DB
	// GORM opens DB through GORM, anew on each call. The runner's opener
	// records every statement GORM runs, for the page to show.
	GORM func() (*gorm.DB, error)
	In   Inputs
	Out  io.Writer
}

// Of makes a Program of f, a function in one of the two shapes the
// course's programs are written in, and reports whether f has one:
//
//	func(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error
//	func(db *gorm.DB, in Inputs, out io.Writer) error
//
// A GORM program gets env.GORM's database, bound to ctx.
func Of(f any) (Program, bool) {
	switch f := f.(type) {
	case func(context.Context, *sql.DB, Inputs, io.Writer) error:
		return func(ctx context.Context, env Env) error { return f(ctx, env.DB, env.In, env.Out) }, true
	case func(*gorm.DB, Inputs, io.Writer) error:
		return func(ctx context.Context, env Env) error {
			db, err := env.GORM()
			if err != nil {
				return fmt.Errorf("open the database through GORM: %w", err)
			}
			return f(db.WithContext(ctx), env.In, env.Out)
		}, true
	}
	return nil, false
}

// Inputs are the values a reader typed into the program's form fields,
// by name, as the lesson's ```params block declares them.
type Inputs map[string]string

// Int returns the input name as an integer, with a message a reader can
// act on when it is not one.
func (in Inputs) Int(name string) (int, error) {
	n, err := strconv.Atoi(in[name])
	if err != nil {
		return 0, fmt.Errorf("input %s: want a whole number, got %q", name, in[name])
	}
	return n, nil
}

//go:embed *.go
var sources embed.FS

// Lookup returns the program called name.
func Lookup(name string) (Program, bool) {
	e, ok := all[name]
	return e.run, ok
}

// Entry returns the name of the function the program called name runs,
// which its source file declares ("" for no such program): an edited
// program runs from the function of that name.
func Entry(name string) string {
	return all[name].fn
}

// Names lists every program's name, sorted.
func Names() []string {
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Source returns the Go source file of the program called name.
func Source(name string) (string, error) {
	e, ok := all[name]
	if !ok {
		return "", fmt.Errorf("no example program %q", name)
	}
	file := strings.Join(words(e.fn), "_") + ".go"
	b, err := sources.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("program %s: %w", name, err)
	}
	return string(b), nil
}

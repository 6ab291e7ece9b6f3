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

	"gorm.io/gorm"
)

// SQLFunc is an example written against database/sql. ctx carries the
// run's time limit.
type SQLFunc func(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error

// GORMFunc is an example written against GORM; db already carries the
// run's time limit.
type GORMFunc func(db *gorm.DB, in Inputs, out io.Writer) error

// Program is one example: exactly one of SQL and GORM is set.
type Program struct {
	// File is the program's source file in this package.
	File string
	SQL  SQLFunc
	GORM GORMFunc
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
	p, ok := all[name]
	return p, ok
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
	p, ok := all[name]
	if !ok {
		return "", fmt.Errorf("no example program %q", name)
	}
	b, err := sources.ReadFile(p.File)
	if err != nil {
		return "", fmt.Errorf("program %s: %w", name, err)
	}
	return string(b), nil
}

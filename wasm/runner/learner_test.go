//go:build !js || interp

package runner

import (
	"context"
	"strings"
	"testing"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

// gormProgram wraps body as a GORM program's function, in a file of
// package programs, with decls after it.
func gormProgram(body, decls string) string {
	return `package programs

import (
	"database/sql"
	"errors"
	"fmt"
	"io"

	"gorm.io/gorm"
)

var _ = errors.New
var _ sql.NullString

func learner(db *gorm.DB, in Inputs, out io.Writer) error {
` + body + `
}
` + decls
}

// TestLearnerPrograms runs programs a learner would write, interpreted,
// and pins what they do: where Go and the interpreter agree, Go's output;
// where they do not (docs/go-interpreter.md, "What still differs"), the
// difference as it is, so that the page's notes stay true and a better
// interpreter shows up as a failing case to update.
func TestLearnerPrograms(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body, decls string
		// output is what the run prints; errorHas, a part of its error
		// ("" for none).
		output, errorHas string
		asGo             bool // the same as compiled Go
	}{
		{"sql.Null[T] from the standard library", `var n sql.Null[string]
	if err := db.Raw("select null").Scan(&n).Error; err != nil {
		return err
	}
	fmt.Fprintln(out, n.Valid)
	return nil`, "", "false\n", "", true},
		{"min and max", `fmt.Fprintln(out, min(3, 1, 2), max(2.5, 1))
	return nil`, "", "1 2.5\n", "", true},
		{"errors.Is through a wrapped error", `err := fmt.Errorf("find: %w", gorm.ErrRecordNotFound)
	fmt.Fprintln(out, errors.Is(err, gorm.ErrRecordNotFound))
	return nil`, "", "true\n", "", true},
		{"the course's model, as declared", `if err := db.AutoMigrate(&Album{}); err != nil {
		return err
	}
	db.Create(&Album{Title: "Blue"})
	var n int64
	db.Model(&Album{}).Count(&n)
	fmt.Fprintln(out, n)
	return nil`, "", "1\n", "", true},
		{"range over an integer", `for i := range 3 {
		fmt.Fprint(out, i)
	}
	return nil`, "", "", "line 16, column 1: the interpreter cannot range over an integer", false},
		{"closures share the loop variable (Go 1.22 gives 012)", `var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Fprint(out, i) })
	}
	for _, f := range fs {
		f()
	}
	return nil`, "", "333", "", false},
		{"a model of the learner's own has no table name", `if err := db.AutoMigrate(&Note{}); err != nil {
		return err
	}
	return db.Create(&Note{Text: "hi"}).Error`, `type Note struct {
	ID   uint
	Text string
}`, "", "say the table, db.Table", false},
		{"a model of the learner's own, with its table named", `if err := db.Table("notes").AutoMigrate(&Note{}); err != nil {
		return err
	}
	if err := db.Table("notes").Create(&Note{Text: "hi"}).Error; err != nil {
		return err
	}
	var notes []Note
	if err := db.Table("notes").Find(&notes).Error; err != nil {
		return err
	}
	fmt.Fprintln(out, len(notes), notes[0].Text)
	return nil`, `type Note struct {
	ID   uint
	Text string
}`, "1 hi\n", "", true},
		{"a TableName method is invisible to GORM", `return db.AutoMigrate(&Note{})`, `type Note struct {
	ID   uint
	Text string
}

func (Note) TableName() string { return "notes" }`, "", "say the table, db.Table", false},
		{"a BeforeCreate hook on a course model is refused: its type is compiled", `a := Album{Title: "Blue"}
	if err := db.AutoMigrate(&a); err != nil {
		return err
	}
	if err := db.Create(&a).Error; err != nil {
		return err
	}
	fmt.Fprintln(out, a.Artist == "")
	return nil`, `func (a *Album) BeforeCreate(tx *gorm.DB) error {
	a.Artist = "set by the hook"
	return nil
}`, "", "cannot define new methods on non-local type programs.Album", false},
		{"errors.As into the program's own error type", `var err error = &notFound{"x"}
	var nf *notFound
	fmt.Fprintln(out, errors.As(fmt.Errorf("w: %w", err), &nf))
	return nil`, `type notFound struct{ what string }

func (e *notFound) Error() string { return e.what + " not found" }`, "", "errors: *target must be interface or implement error", false},
		{"a String method is invisible to compiled fmt", `fmt.Fprintln(out, celsius(21))
	return nil`, `type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }`, "21\n", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s, err := engine.Open(engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			res, err := RunSource(context.Background(), s, "", gormProgram(c.body, c.decls), programs.Inputs{}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Output != c.output {
				t.Errorf("output %q, want %q", res.Output, c.output)
			}
			switch {
			case c.errorHas == "" && res.Error != "" && c.asGo:
				t.Errorf("error %q, want none", res.Error)
			case c.errorHas != "" && !strings.Contains(res.Error, c.errorHas):
				t.Errorf("error %q, want it to say %q", res.Error, c.errorHas)
			}
			t.Logf("as Go: %v; error: %q", c.asGo, res.Error)
		})
	}
}

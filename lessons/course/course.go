// Package course runs a course's cells as a reader's browser does, on the
// same engine: it decides what a cell's run means (ran, or failed and
// where), judges exercises (package judge) and checks a whole course
// (Check). The server renders pages from its outcomes and prints Check's
// problems; neither decision lives in the view.
package course

import (
	"context"
	"fmt"
	"strings"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// Outcome is what running one cell did. Exactly one part is used, by the
// cell's kind: Result for SQL cells, Program for program cells and Go
// exercises (Name "", Source the starting program), CSV for CSV cells.
type Outcome struct {
	Result  engine.Result
	Program *ProgramOutcome
	CSV     *CSVOutcome
}

// ProgramOutcome is what an example program did, with the Go source the
// page shows.
type ProgramOutcome struct {
	Name   string
	Source string
	Result *runner.Result
}

// CSVOutcome is how many rows a CSV cell imported into Table, or why it
// failed.
type CSVOutcome struct {
	Table string
	Rows  int
	Error string
}

// Run runs c on s as the reader's browser will, in page order. A cell
// that fails carries its error in the Outcome (see Failure); err is for
// an engine that could not run at all.
func Run(ctx context.Context, s *engine.Session, c *lessons.Cell, opts runner.Options) (Outcome, error) {
	switch c.Kind {
	case lessons.Program:
		p, err := runProgram(ctx, s, c, opts)
		return Outcome{Program: p}, err
	case lessons.Exercise:
		if c.Go { // the starting program, interpreted
			p := &ProgramOutcome{Source: c.Source}
			var err error
			p.Result, err = runner.RunSource(ctx, s, "", c.Source, c.ParamMap(), opts)
			return Outcome{Program: p}, err
		}
	case lessons.CSV:
		o := &CSVOutcome{Table: c.Table}
		n, err := s.ImportCSV(c.Table, []byte(c.Source))
		if err != nil {
			o.Error = err.Error()
		}
		o.Rows = n
		return Outcome{CSV: o}, nil
	}
	return Outcome{Result: s.Exec(ctx, c.Source, args(c.Params)...)}, nil
}

func runProgram(ctx context.Context, s *engine.Session, c *lessons.Cell, opts runner.Options) (*ProgramOutcome, error) {
	p := &ProgramOutcome{Name: c.Program}
	src, err := programs.Source(c.Program)
	if err != nil { // there is no such program: a problem of the lesson
		p.Result = &runner.Result{Error: unknownProgram(err)}
		return p, nil
	}
	p.Source = src
	p.Result, err = runner.Run(ctx, s, c.Program, c.ParamMap(), opts)
	return p, err
}

// unknownProgram says that a program does not exist, and which do.
func unknownProgram(err error) string {
	return fmt.Sprintf("%v (there are: %s)", err, strings.Join(programs.Names(), ", "))
}

// Failure says why a cell's run failed and at which line of the cell, or
// "" when it ran.
func (o Outcome) Failure() (line int, problem string) {
	switch {
	case o.Program != nil && o.Program.Result.Error != "" && o.Program.Name == "":
		return o.Program.Result.Line, "the exercise's starting program fails: " + o.Program.Result.Error
	case o.Program != nil && o.Program.Result.Error != "":
		return 0, "program " + o.Program.Name + " fails: " + o.Program.Result.Error
	case o.CSV != nil && o.CSV.Error != "":
		return 0, "CSV import fails: " + o.CSV.Error
	case o.Result.Error != nil:
		return o.Result.Error.Line, fmt.Sprintf("cell fails: %v", o.Result.Error)
	}
	return 0, ""
}

// UnknownPrograms returns, as "file:line: …", every program cell of the
// course whose program does not exist: the server refuses to start with
// one, as with any other malformed lesson.
func UnknownPrograms(c *lessons.Course) []string {
	var problems []string
	for _, l := range c.Lessons {
		for _, cell := range l.Cells() {
			if cell.Kind != lessons.Program {
				continue
			}
			if _, err := programs.Source(cell.Program); err != nil {
				problems = append(problems, fmt.Sprintf("%s.md:%d: ```go orm=%s: %s", l.Slug, cell.Line, cell.Program, unknownProgram(err)))
			}
		}
	}
	return problems
}

// args are the arguments a SQL cell runs with: its parameters by name,
// or none.
func args(ps []lessons.Param) []any {
	if len(ps) == 0 {
		return nil
	}
	named := engine.Named{}
	for _, p := range ps {
		named[p.Name] = p.Value
	}
	return []any{named}
}

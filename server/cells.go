package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
	"github.com/dbtour/dbtour/web"
)

// runCell runs c on s as the reader's browser will, in page order, and
// returns the cell's view with its result. A cell that fails carries its
// error in the view; err is for an engine that could not run at all.
func runCell(ctx context.Context, s *engine.Session, c *lessons.Cell, index int, opts runner.Options) (*web.CellView, error) {
	v := &web.CellView{Index: index, Setup: c.Kind == lessons.Setup, Source: c.Source,
		Exercise: exerciseView(c), Params: paramViews(c.Params)}
	switch c.Kind {
	case lessons.Program:
		p, err := programView(ctx, s, c, opts)
		if err != nil {
			return nil, err
		}
		v.Program = p
	case lessons.CSV:
		v.CSV = &web.CSVView{Table: c.Table}
		n, err := s.ImportCSV(c.Table, []byte(c.Source))
		if err != nil {
			v.CSV.Error = err.Error()
		}
		v.CSV.Rows = n
	default:
		v.Result = s.Exec(ctx, c.Source, args(c.Params)...)
	}
	return v, nil
}

func programView(ctx context.Context, s *engine.Session, c *lessons.Cell, opts runner.Options) (*web.ProgramView, error) {
	v := &web.ProgramView{Name: c.Program}
	src, err := programs.Source(c.Program)
	if err != nil { // there is no such program: a problem of the lesson
		v.Result = &runner.Result{Error: fmt.Sprintf("%v (there are: %s)", err, strings.Join(programs.Names(), ", "))}
		return v, nil
	}
	v.Source = src
	v.Result, err = runner.Run(ctx, s, c.Program, c.ParamMap(), opts)
	return v, err
}

// failure says why a cell's run failed and at which line of the cell, or
// "" when it ran.
func failure(v *web.CellView) (line int, problem string) {
	switch {
	case v.Program != nil && v.Program.Result.Error != "":
		return 0, "program " + v.Program.Name + " fails: " + v.Program.Result.Error
	case v.CSV != nil && v.CSV.Error != "":
		return 0, "CSV import fails: " + v.CSV.Error
	case v.Result.Error != nil:
		return v.Result.Error.Line, fmt.Sprintf("cell fails: %v", v.Result.Error)
	}
	return 0, ""
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

// paramViews are the form fields of a cell's parameters.
func paramViews(ps []lessons.Param) []web.Param {
	var out []web.Param
	for _, p := range ps {
		out = append(out, web.Param{Name: p.Name, Value: p.Value})
	}
	return out
}

// exerciseView is what the page needs of an exercise cell; nil for others.
func exerciseView(c *lessons.Cell) *web.ExerciseView {
	if c.Kind != lessons.Exercise {
		return nil
	}
	return &web.ExerciseView{Solution: c.Solution, Check: c.Check, Ordered: c.Ordered, Hints: c.Hints}
}

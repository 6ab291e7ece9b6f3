package main

import (
	"context"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/course"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
	"github.com/dbtour/dbtour/web"
)

// runCell runs c on s in page order (course.Run) and returns the cell's
// view with its result, the index-th cell of its page.
func runCell(ctx context.Context, s *engine.Session, c *lessons.Cell, index int, opts runner.Options) (*web.CellView, error) {
	o, err := course.Run(ctx, s, c, opts)
	if err != nil {
		return nil, err
	}
	v := &web.CellView{Index: index, Setup: c.Kind == lessons.Setup, Source: c.Source,
		Exercise: exerciseView(c), Params: paramViews(c.Params), Result: resultView(o.Result)}
	if p := o.Program; p != nil {
		v.Program = &web.ProgramView{Name: p.Name, Source: p.Source, Result: programResultView(p.Result)}
	}
	if csv := o.CSV; csv != nil {
		v.CSV = &web.CSVView{Table: csv.Table, Rows: csv.Rows, Error: csv.Error}
	}
	return v, nil
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

// resultView is what the page shows of a SQL script's result.
func resultView(r engine.Result) web.ResultView {
	v := web.ResultView{Statements: make([]web.StatementView, len(r.Statements))}
	for i, st := range r.Statements {
		rows := make([][]any, len(st.Rows))
		for j, row := range st.Rows {
			rows[j] = row
		}
		v.Statements[i] = web.StatementView{SQL: st.SQL, Columns: st.Columns, Rows: rows,
			Truncated: st.Truncated, TotalRows: st.TotalRows, Changes: st.Changes}
	}
	if e := r.Error; e != nil {
		v.Error = &web.ErrorView{Message: e.Message, Line: e.Line, Column: e.Column}
	}
	return v
}

// programResultView is what the page shows of a program's run.
func programResultView(r *runner.Result) web.ProgramResultView {
	v := web.ProgramResultView{Output: r.Output, Error: r.Error,
		Statements: make([]web.ProgramStatementView, len(r.Statements))}
	for i, st := range r.Statements {
		v.Statements[i] = web.ProgramStatementView{SQL: st.SQL, Rows: st.Rows, Error: st.Error}
	}
	return v
}

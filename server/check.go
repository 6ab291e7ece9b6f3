package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/course"
)

// runCheck is `dbtour check [DIR]`: it checks the course in DIR, or the
// built-in one, with course.Check and prints each problem.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	fsys := lessons.Content()
	if fset.NArg() > 0 {
		fsys = lessonsFS(fset.Arg(0))
	}
	r, err := course.Check(context.Background(), fsys)
	if err != nil {
		return err
	}
	for _, p := range r.Problems {
		fmt.Fprintln(stderr, p)
	}
	if len(r.Problems) > 0 {
		return errors.New("check: the course has problems")
	}
	fmt.Fprintf(stdout, "dbtour: %d lesson(s), %d exercise(s): every cell runs and every exercise checks, %d accepted and rejected answers judged as written\n",
		r.Lessons, r.Exercises, r.Answers)
	return nil
}

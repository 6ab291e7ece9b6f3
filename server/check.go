package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/wasm/engine"
)

// checkCourse loads the course in fsys and runs every lesson's cells in
// page order, as a reader's browser will. It returns one problem per
// failing cell, as "file:line: message".
func checkCourse(ctx context.Context, fsys fs.FS) (lessonCount int, problems []string, err error) {
	course, err := lessons.Load(fsys)
	if err != nil {
		return 0, nil, err
	}
	for _, l := range course.Lessons {
		s, err := engine.Open(engine.Options{})
		if err != nil {
			return 0, nil, err
		}
		for _, c := range l.Cells() {
			if res := s.Exec(ctx, c.Source); res.Error != nil {
				problems = append(problems, fmt.Sprintf("%s.md:%d: cell fails: %v", l.Slug, c.Line+res.Error.Line, res.Error))
			}
		}
		s.Close()
	}
	return len(course.Lessons), problems, nil
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	fsys := lessons.Content()
	if fset.NArg() > 0 {
		fsys = os.DirFS(fset.Arg(0))
	}
	n, problems, err := checkCourse(context.Background(), fsys)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if len(problems) > 0 {
		return errors.New("check: the course has failing cells")
	}
	fmt.Fprintf(stdout, "dbtour: %d lessons, every cell runs\n", n)
	return nil
}

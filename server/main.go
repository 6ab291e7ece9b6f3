// Command dbtour serves the dbtour course, or writes it out as a static
// site. Every page and asset is embedded: the binary is the whole site.
//
// Usage:
//
//	dbtour serve [-addr :8080] [-lessons DIR]
//	dbtour export [-lessons DIR] DIR
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const usage = `dbtour: an in-browser course in working with databases

Usage:
  dbtour serve [flags]       serve the course over HTTP
  dbtour export [flags] DIR  write the course into DIR as a static site

Run "dbtour COMMAND -h" for a command's flags.
`

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "dbtour:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stderr)
	case "export":
		return runExport(args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stderr, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// courseFlags adds the flags every command shares and returns the server
// options they select.
func courseFlags(fs *flag.FlagSet) func() []option {
	dir := fs.String("lessons", "", "serve the lessons in `DIR` instead of the built-in course")
	return func() []option {
		if *dir == "" {
			return nil
		}
		return []option{withLessons(os.DirFS(*dir))}
	}
}

func runServe(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen on `host:port`")
	opts := courseFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := newServer(ctx, append(opts(), withLogger(log))...)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr: *addr, Handler: s,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	_, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("serve: -addr %q: %w", *addr, err)
	}
	log.Info("serving the course", "url", "http://localhost:"+port+"/")
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runExport(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := courseFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("export: want exactly one output directory")
	}
	s, err := newServer(context.Background(), opts()...)
	if err != nil {
		return err
	}
	n, err := s.export(fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "dbtour: wrote %d files to %s\n", n, fs.Arg(0))
	return nil
}

// Command dbtour serves the dbtour course, writes it out as a static site,
// or checks a course. Every page and asset is embedded: the binary is the
// whole site.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

const usage = `dbtour: an in-browser course in working with databases

Usage:
  dbtour serve [flags]       serve the course over HTTP
  dbtour export [flags] DIR  write the course into DIR as a static site
  dbtour check [DIR]         run every cell of the course in DIR (default:
                             the built-in course) and report what fails
  dbtour grade [flags] HANDIN...|DIR
                             re-run and grade learners' hand-in files
  dbtour new lesson NAME     write a lesson skeleton NAME.md that passes check
  dbtour version             print the version

Run "dbtour COMMAND -h" for a command's flags.
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "dbtour:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stderr)
	case "export":
		return runExport(args[1:], stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "grade":
		return runGrade(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "dbtour", buildVersion())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// buildVersion describes the build: module version and VCS revision when
// the build recorded them.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			v += " " + s.Value
		}
	}
	return v + " " + info.GoVersion
}

// courseFlag adds -lessons and returns the server options it selects
// and the lessons folder, if one was given.
func courseFlag(fset *flag.FlagSet) func() ([]option, fs.FS) {
	dir := fset.String("lessons", "", "use the lessons in `DIR` instead of the built-in course (and render them anew when a file changes)")
	return func() ([]option, fs.FS) {
		if *dir == "" {
			return nil, nil
		}
		fsys := lessonsFS(*dir)
		return []option{withLessons(fsys)}, fsys
	}
}

func runServe(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen on `host:port` (\":8080\" is every interface, for a classroom LAN)")
	base := fs.String("base", "/", "serve under this URL `path`, e.g. /dbtour/ behind a reverse proxy that keeps the prefix")
	opts := courseFlag(fs)
	collect := fs.String("collect", "", "take learners' hand-ins (POST /handin) into `DIR`, for dbtour grade; off by default")
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("serve: -addr %q: %w", *addr, err)
	}
	if !strings.HasPrefix(*base, "/") || !strings.HasSuffix(*base, "/") {
		return fmt.Errorf("serve: -base %q: want a path that starts and ends with /", *base)
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	course, lessonsDir := opts()
	if *collect != "" {
		course = append(course, withCollect(*collect))
	}
	s, err := newServer(ctx, append(course, withLogger(log))...)
	if err != nil {
		return err
	}
	if lessonsDir != nil {
		s.watch(ctx, lessonsDir, time.Second)
	}
	srv := &http.Server{
		Addr: *addr, Handler: underBase(*base, s),
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Info("serving the course", "url", "http://localhost:"+port+*base)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// underBase serves h under the URL path base; "/" is h itself.
func underBase(base string, h http.Handler) http.Handler {
	if base == "/" {
		return h
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), h))
	mux.Handle(strings.TrimSuffix(base, "/"), http.RedirectHandler(base, http.StatusMovedPermanently))
	return mux
}

func runExport(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := courseFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("export: want exactly one output directory")
	}
	course, _ := opts()
	s, err := newServer(context.Background(), course...)
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

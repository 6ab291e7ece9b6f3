package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/handin"
)

// handInPath is the URL path of the hand-in endpoint: GET says whether
// the server collects hand-ins; POST, with -collect, hands one in.
const handInPath = "/handin"

// Limits of the collect endpoint.
const (
	// handInBurst hand-ins may come from one address at once, then one
	// every handInEvery: a class hands in a few times an hour.
	handInBurst = 5
	handInEvery = 12 * time.Second
	// maxHandIns bounds how many files one run of the server writes, so
	// that a flood from many addresses cannot fill the disk.
	maxHandIns = 20000
)

// collector writes hand-ins into a folder. The folder is never served:
// nothing in it is read back by the server except to check that a course
// version is kept.
type collector struct {
	dir     string
	lessons fs.FS // the course being served, kept in dir/courses/VERSION
	limit   *rateLimiter
	now     func() time.Time
	log     *slog.Logger

	mu      sync.Mutex
	written int
	kept    map[string]bool // course versions kept in dir/courses
}

// newCollector makes dir (private to the server's user) and keeps the
// course in fsys there.
func newCollector(dir string, fsys fs.FS, log *slog.Logger) (*collector, error) {
	if err := os.MkdirAll(filepath.Join(dir, coursesDir), 0o700); err != nil {
		return nil, fmt.Errorf("collect: %w", err)
	}
	c := &collector{dir: dir, lessons: fsys, limit: newRateLimiter(handInBurst, handInEvery), now: time.Now,
		log: log, kept: map[string]bool{}}
	if _, err := c.keepCourse(""); err != nil {
		return nil, err
	}
	return c, nil
}

// collectStatus is what GET /handin answers: whether POST takes hand-ins.
type collectStatus struct {
	Collect  bool `json:"collect"`
	MaxBytes int  `json:"maxBytes,omitempty"`
}

// handleStatus tells the page whether to offer sending a hand-in.
func (s *server) handleHandInStatus(w http.ResponseWriter, _ *http.Request) {
	st := collectStatus{}
	if s.collect != nil {
		st = collectStatus{Collect: true, MaxBytes: handin.MaxSize}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, st)
}

// handInReply is the answer to a POST: the file's receipt, or why not.
type handInReply struct {
	Receipt string `json:"receipt,omitempty"`
	Error   string `json:"error,omitempty"`
}

// ServeHTTP takes one hand-in, as hostile input: rate-limited per
// address, from this site's pages only, JSON only, at most
// handin.MaxSize bytes, valid by handin.Parse, and written under a name
// the server makes, never over another file.
func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	status, reply := c.take(w, r)
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", fmt.Sprint(int(handInEvery.Seconds())))
	}
	writeJSON(w, status, reply)
}

// take checks and stores one hand-in, returning the response.
func (c *collector) take(w http.ResponseWriter, r *http.Request) (int, handInReply) {
	fail := func(status int, msg string) (int, handInReply) { return status, handInReply{Error: msg} }
	if !c.limit.allow(clientAddr(r), c.now()) {
		return fail(http.StatusTooManyRequests, "too many hand-ins from your address: wait a little")
	}
	if !sameOrigin(r) {
		return fail(http.StatusForbidden, "hand-ins come from this site's pages only")
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return fail(http.StatusUnsupportedMediaType, "a hand-in is sent as application/json")
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, handin.MaxSize))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return fail(http.StatusRequestEntityTooLarge, fmt.Sprintf("a hand-in is at most %d bytes", handin.MaxSize))
	case err != nil:
		return fail(http.StatusBadRequest, "the hand-in did not arrive whole")
	}
	h, err := handin.Parse(data)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	name, err := c.store(data)
	if err != nil {
		c.log.Error("hand-in not stored", "error", err.Error())
		return fail(http.StatusInsufficientStorage, "the server could not store the hand-in")
	}
	if _, err := c.keepCourse(h.Course.Version); err != nil {
		c.log.Error("course not kept for grading", "error", err.Error())
	}
	c.log.Info("hand-in", "file", name, "learner", h.Learner, "lessons", len(h.Lessons))
	return http.StatusCreated, handInReply{Receipt: name}
}

// store writes data as a new file in the collect folder, named by the
// time it arrived and a hash of its content, and returns the name. The
// same content arriving twice within a millisecond is one file; no file
// is ever written over.
func (c *collector) store(data []byte) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.written >= maxHandIns {
		return "", fmt.Errorf("%d hand-ins stored since start: no more", c.written)
	}
	sum := sha256.Sum256(data)
	name := c.now().UTC().Format("20060102T150405.000Z") + "-" + hex.EncodeToString(sum[:6]) + ".json"
	tmp, err := os.CreateTemp(c.dir, ".handin-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	// A link never replaces an existing name: the file appears whole,
	// once.
	if err := os.Link(tmp.Name(), filepath.Join(c.dir, name)); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	c.written++
	return name, nil
}

// keepCourse copies the course being served into dir/courses/VERSION
// unless it is kept already or its version is not want ("" is any), so
// that `dbtour grade` grades hand-ins against the lessons they were
// written for even after the lessons change. It reports whether the
// course is kept.
func (c *collector) keepCourse(want string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.kept[want] {
		return true, nil
	}
	v, err := lessons.SourceVersion(c.lessons)
	if err != nil || (want != "" && v != want) {
		return false, err
	}
	dest := filepath.Join(c.dir, coursesDir, v)
	if _, err := os.Stat(dest); err == nil {
		c.kept[v] = true
		return true, nil
	}
	if err := copyCourse(c.lessons, dest); err != nil {
		return false, fmt.Errorf("keep course %s: %w", v, err)
	}
	c.kept[v] = true
	return true, nil
}

// copyCourse writes fsys's lesson files and course file into a new
// folder dest, whole or not at all.
func copyCourse(fsys fs.FS, dest string) error {
	tmp, err := os.MkdirTemp(filepath.Dir(dest), ".course-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	names, _ := fs.Glob(fsys, "*.md") // the pattern is valid
	if _, err := fs.Stat(fsys, lessons.CourseFile); err == nil {
		names = append(names, lessons.CourseFile)
	}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o600); err != nil {
			return err
		}
	}
	return os.Rename(tmp, dest)
}

// clientAddr is the address a request came from, without its port: a
// rate limit applies to a machine, not a connection.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// sameOrigin reports whether a request comes from this site's pages: a
// browser sends Origin with a POST, and it must name the host the
// request was sent to (or, behind a reverse proxy that rewrites Host,
// the one it forwards). Tools that send no Origin (curl) are let
// through; they could as well copy the file. (A browser would not send
// another site's JSON POST anyway: it asks first, and the server does
// not answer CORS.)
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Host == r.Host || u.Host == r.Header.Get("X-Forwarded-Host")
}

// writeJSON writes v as the response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v) // small structs of strings always encode
}

// rateLimiter is a token bucket per address: burst requests at once, then
// one per every.
type rateLimiter struct {
	burst   float64
	every   time.Duration
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxBuckets bounds the addresses a rate limiter remembers; past it,
// addresses whose buckets have filled up again are forgotten.
const maxBuckets = 10000

func newRateLimiter(burst int, every time.Duration) *rateLimiter {
	return &rateLimiter{burst: float64(burst), every: every, buckets: map[string]*bucket{}}
}

// allow takes a token from addr's bucket at time now, if it has one.
func (l *rateLimiter) allow(addr string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[addr]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.forgetFull(now)
		}
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[addr] = b
	}
	b.tokens = min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.every))
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetFull drops the buckets that would be full at now.
func (l *rateLimiter) forgetFull(now time.Time) {
	for addr, b := range l.buckets {
		if b.tokens+float64(now.Sub(b.at))/float64(l.every) >= l.burst {
			delete(l.buckets, addr)
		}
	}
}

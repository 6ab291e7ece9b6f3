package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/handin"
)

// collectCourse is a one-lesson course for the collect tests.
var collectCourse = fstest.MapFS{"sums.md": &fstest.MapFile{Data: []byte(sumLesson("(1), (2), (3)"))}}

// collectServer serves collectCourse on a real listener, collecting into
// a new folder unless collect is false.
func collectServer(t *testing.T, collect bool) (*httptest.Server, string, *server) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "handins")
	opts := []option{withLessons(collectCourse)}
	if collect {
		opts = append(opts, withCollect(dir))
	}
	s, err := newServer(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, dir, s
}

// validHandIn is a hand-in of collectCourse's exercise.
func validHandIn(t *testing.T, learner, slug string) []byte {
	t.Helper()
	v, err := lessons.SourceVersion(collectCourse)
	if err != nil {
		t.Fatal(err)
	}
	b, err := handin.Marshal(&handin.HandIn{Format: handin.Format, Version: handin.FormatVersion, Learner: learner,
		HandedIn: time.Now(), Course: handin.Course{Version: v}, Scope: "lesson",
		Lessons: []handin.Lesson{{Slug: slug, Exercises: []handin.Exercise{{Cell: 1, Answer: "select sum(n) from t", Edited: true, Solved: true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends body to the server's path with a content type and headers.
func post(t *testing.T, url, contentType string, body io.Reader, headers map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// stored lists the hand-in files in dir.
func stored(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var receiptName = regexp.MustCompile(`^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}\.json$`)

func TestCollectTakesAHandIn(t *testing.T) {
	t.Parallel()
	ts, dir, _ := collectServer(t, true)
	body := validHandIn(t, "../../etc/passwd", "sums")
	res := post(t, ts.URL+handInPath+"?name=../../evil.json", "application/json; charset=utf-8", bytes.NewReader(body),
		map[string]string{"Origin": ts.URL, "X-File-Name": "evil.json"})
	var reply handInReply
	if err := json.NewDecoder(res.Body).Decode(&reply); err != nil || res.StatusCode != http.StatusCreated {
		t.Fatalf("got %d %+v (%v), want 201 and a receipt", res.StatusCode, reply, err)
	}
	if !receiptName.MatchString(reply.Receipt) {
		t.Errorf("receipt %q: want a name the server made (time and hash)", reply.Receipt)
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'self'",
		"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "Content-Type": "application/json"} {
		if got := res.Header.Get(h); !strings.HasPrefix(got, want) {
			t.Errorf("header %s: got %q, want %q", h, got, want)
		}
	}
	files := stored(t, dir)
	if len(files) != 1 || filepath.Base(files[0]) != reply.Receipt {
		t.Fatalf("files in the folder: %q, want only %s", files, reply.Receipt)
	}
	if got, _ := os.ReadFile(files[0]); !bytes.Equal(got, body) {
		t.Errorf("the stored file differs from what was sent")
	}
	for _, p := range []string{"../evil.json", "../../evil.json", "etc/passwd"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("a file %s was written", p)
		}
	}
	// The course the hand-in was written for is kept for grading.
	v, _ := lessons.SourceVersion(collectCourse)
	if _, err := os.Stat(filepath.Join(dir, coursesDir, v, "sums.md")); err != nil {
		t.Errorf("the course is not kept in courses/%s: %v", v, err)
	}
	// Nothing in the folder is served back.
	for _, p := range []string{handInPath + "/" + reply.Receipt, "/" + reply.Receipt, "/" + coursesDir + "/" + v + "/sums.md", "/handins/" + reply.Receipt} {
		r, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode == http.StatusOK {
			t.Errorf("GET %s: 200, want the folder never served", p)
		}
	}
}

func TestCollectRefusesHostileInput(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, contentType string
		body              func(t *testing.T) io.Reader
		headers           map[string]string
		status            int
		reason            string
	}{
		{"oversize", "application/json", func(t *testing.T) io.Reader {
			return io.MultiReader(bytes.NewReader(validHandIn(t, "Ada", "sums")), strings.NewReader(strings.Repeat(" ", handin.MaxSize)))
		}, nil, http.StatusRequestEntityTooLarge, "at most"},
		{"not JSON", "application/json", func(*testing.T) io.Reader { return strings.NewReader("learner=Ada") }, nil, http.StatusBadRequest, "not valid JSON"},
		{"JSON of another shape", "application/json", func(*testing.T) io.Reader { return strings.NewReader(`{"format": "dbtour-handin", "path": "/etc"}`) }, nil, http.StatusBadRequest, `unknown field "path"`},
		{"two objects", "application/json", func(t *testing.T) io.Reader {
			return io.MultiReader(bytes.NewReader(validHandIn(t, "Ada", "sums")), strings.NewReader(`{}`))
		}, nil, http.StatusBadRequest, "data after"},
		{"a path for a lesson", "application/json", func(t *testing.T) io.Reader { return bytes.NewReader(validHandIn(t, "Ada", "../../x")) }, nil, http.StatusBadRequest, "not a lesson's name"},
		{"a form post", "text/plain", func(t *testing.T) io.Reader { return bytes.NewReader(validHandIn(t, "Ada", "sums")) }, nil, http.StatusUnsupportedMediaType, "application/json"},
		{"from another site", "application/json", func(t *testing.T) io.Reader { return bytes.NewReader(validHandIn(t, "Ada", "sums")) },
			map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden, "this site's pages"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts, dir, _ := collectServer(t, true)
			res := post(t, ts.URL+handInPath, tt.contentType, tt.body(t), tt.headers)
			var reply handInReply
			json.NewDecoder(res.Body).Decode(&reply)
			if res.StatusCode != tt.status || !strings.Contains(reply.Error, tt.reason) {
				t.Errorf("got %d %q, want %d with %q", res.StatusCode, reply.Error, tt.status, tt.reason)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("a refusal lacks the security headers")
			}
			if files := stored(t, dir); len(files) != 0 {
				t.Errorf("files were written: %q", files)
			}
		})
	}
}

// TestCollectRateLimit sends more hand-ins than one address may at once.
func TestCollectRateLimit(t *testing.T) {
	t.Parallel()
	ts, dir, _ := collectServer(t, true)
	var codes []int
	for i := range handInBurst + 3 {
		res := post(t, ts.URL+handInPath, "application/json", bytes.NewReader(validHandIn(t, "Ada "+string(rune('A'+i)), "sums")), nil)
		codes = append(codes, res.StatusCode)
		if res.StatusCode == http.StatusTooManyRequests && res.Header.Get("Retry-After") == "" {
			t.Errorf("a 429 without Retry-After")
		}
	}
	for i, c := range codes {
		want := http.StatusCreated
		if i >= handInBurst {
			want = http.StatusTooManyRequests
		}
		if c != want {
			t.Errorf("request %d: got %d, want %d (all: %v)", i+1, c, want, codes)
		}
	}
	if n := len(stored(t, dir)); n != handInBurst {
		t.Errorf("%d files, want %d", n, handInBurst)
	}
}

func TestRateLimiterRefills(t *testing.T) {
	t.Parallel()
	l := newRateLimiter(2, time.Second)
	t0 := time.Unix(0, 0)
	for _, tt := range []struct {
		addr  string
		after time.Duration
		want  bool
	}{
		{"a", 0, true}, {"a", 0, true}, {"a", 0, false}, // the burst is spent
		{"b", 0, true}, // another address has its own
		{"a", 999 * time.Millisecond, false}, {"a", time.Second, true}, {"a", time.Second, false},
		{"a", 10 * time.Second, true}, {"a", 10 * time.Second, true}, {"a", 10 * time.Second, false}, // refilled to the burst only
	} {
		if got := l.allow(tt.addr, t0.Add(tt.after)); got != tt.want {
			t.Errorf("%s at %v: got %v, want %v", tt.addr, tt.after, got, tt.want)
		}
	}
}

// TestCollectNeverOverwrites stores the same hand-in at the same
// millisecond (one file) and a millisecond later (a second file).
func TestCollectNeverOverwrites(t *testing.T) {
	t.Parallel()
	_, dir, s := collectServer(t, true)
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	s.collect.now = func() time.Time { return now }
	body := validHandIn(t, "Ada", "sums")
	first, err := s.collect.store(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, first), []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := s.collect.store(body)
	if err != nil || again != first {
		t.Fatalf("the same content again: %q, %v; want the same name", again, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, first)); string(got) != "kept" {
		t.Errorf("the file was written over")
	}
	now = now.Add(time.Millisecond)
	later, err := s.collect.store(body)
	if err != nil || later == first {
		t.Errorf("a millisecond later: %q, %v; want a new file", later, err)
	}
}

// TestReadOnlyWithoutCollect: without -collect the server takes no POST
// and says so to the page.
func TestReadOnlyWithoutCollect(t *testing.T) {
	t.Parallel()
	ts, _, _ := collectServer(t, false)
	for _, p := range []string{"/", "/lessons/sums/", handInPath} {
		res := post(t, ts.URL+p, "application/json", bytes.NewReader(validHandIn(t, "Ada", "sums")), nil)
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: got %d, want 405", p, res.StatusCode)
		}
	}
	for _, tt := range []struct {
		collect bool
		want    string
	}{{false, `{"collect":false}`}, {true, `{"collect":true,"maxBytes":1048576}`}} {
		ts, _, _ := collectServer(t, tt.collect)
		res, err := http.Get(ts.URL + handInPath)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.TrimSpace(string(b)) != tt.want {
			t.Errorf("GET %s with collect %v: got %s, want %s", handInPath, tt.collect, b, tt.want)
		}
	}
}

func TestSameOrigin(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		origin, forwarded string
		want              bool
	}{
		{"", "", true}, // not a browser
		{"http://class.lan:8080", "", true},
		{"http://evil.example", "", false},
		{"http://class.lan:8080.evil.example", "", false},
		{"null", "", false}, // a sandboxed or file: page
		{"https://school.example", "school.example", true},
		{"https://evil.example", "school.example", false},
	} {
		r := httptest.NewRequest(http.MethodPost, "http://class.lan:8080"+handInPath, nil)
		if tt.origin != "" {
			r.Header.Set("Origin", tt.origin)
		}
		if tt.forwarded != "" {
			r.Header.Set("X-Forwarded-Host", tt.forwarded)
		}
		if got := sameOrigin(r); got != tt.want {
			t.Errorf("Origin %q, X-Forwarded-Host %q: got %v, want %v", tt.origin, tt.forwarded, got, tt.want)
		}
	}
}

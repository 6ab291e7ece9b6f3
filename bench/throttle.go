package main

import (
	"net/http"
	"sync"
	"time"
)

// link emulates a slow network link on the server's side: every response
// waits rtt before its headers and then shares one downlink of rate bytes
// per second with the responses sent at the same time. DevTools network
// emulation does not reach a page's dedicated workers, which is where both
// engines download their wasm, so the benchmark slows the link here.
type link struct {
	rtt  time.Duration
	rate float64 // bytes per second

	mu   sync.Mutex
	free time.Time // when the downlink is next free
}

// chunk is how many bytes the link sends at a time.
const chunk = 16 << 10

// reserve books n bytes on the downlink and returns when they are sent.
func (l *link) reserve(n int) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	start := time.Now()
	if l.free.After(start) {
		start = l.free
	}
	l.free = start.Add(time.Duration(float64(n) / l.rate * float64(time.Second)))
	return l.free
}

// handler wraps h so that its responses travel over the link.
func (l *link) handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(l.rtt)
		h.ServeHTTP(&slowWriter{ResponseWriter: w, l: l}, r)
	})
}

// slowWriter paces writes to the link's rate.
type slowWriter struct {
	http.ResponseWriter
	l *link
}

func (s *slowWriter) Write(b []byte) (int, error) {
	written := 0
	for len(b) > 0 {
		n := min(len(b), chunk)
		time.Sleep(time.Until(s.l.reserve(n)))
		m, err := s.ResponseWriter.Write(b[:n])
		written += m
		if err != nil {
			return written, err
		}
		if f, ok := s.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		b = b[n:]
	}
	return written, nil
}

//go:build !js || interp

package runner

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// The guard's limits on an edited program. The interpreter runs a call
// on the Go stack of the engine, which a runaway recursion would
// exhaust (a fatal error, not a panic): maxDepth stops it long before,
// and low, because the interpreter unwinds a panic in time that grows
// with the square of the depth (3.4 s from 2,000 calls deep, 0.15 s
// from 500, natively). maxMake bounds one make's length or capacity and
// maxHeap the heap a run may grow by (the heap is the engine's, shared
// by whatever else runs), so that an allocation in a loop ends with a
// message instead of an engine out of memory.
const (
	maxDepth   = 500
	maxMake    = 64 << 20
	maxHeap    = 512 << 20
	clockEvery = 1 << 4  // Ticks between looks at the clock
	heapEvery  = 1 << 10 // Ticks between looks at the heap
)

// guard watches one run of an interpreted program. The runner rewrites
// the program to call it (see rewrite.go): Tick at the top of every loop
// body, Enter and a deferred Leave at the start of every function, Go around every go
// statement, Size around every make's length.
type guard struct {
	ctx      context.Context
	depth    atomic.Int64
	ticks    atomic.Int64
	heapBase uint64
	mu       sync.Mutex
	failure  error          // the first goroutine's panic
	running  sync.WaitGroup // the program's goroutines under way
}

func newGuard(ctx context.Context) *guard {
	return &guard{ctx: ctx, heapBase: heapBytes()}
}

// exports are the guard's functions as the interpreter imports them,
// under the import path guardPath.
func (g *guard) exports() map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		guardPath + "/" + guardName: {
			"Tick":  reflect.ValueOf(g.Tick),
			"Enter": reflect.ValueOf(g.Enter),
			"Leave": reflect.ValueOf(g.Leave),
			"Go":    reflect.ValueOf(g.Go),
			"Size":  reflect.ValueOf(g.Size),
		},
	}
}

// Tick stops the program once its context is done (the session's time
// limit, whose Err reads the clock, or Stop), every clockEvery calls, or
// its heap has grown past maxHeap, every heapEvery calls. One iteration
// of a loop may be slow (one that allocates a megabyte takes a while in
// the browser), so the clock is read often.
func (g *guard) Tick() {
	n := g.ticks.Add(1)
	if n%clockEvery != 0 {
		return
	}
	if err := g.ctx.Err(); err != nil {
		panic(&StopError{Reason: fmt.Sprintf("it ran past its time limit (%v)", err)})
	}
	if n%heapEvery == 0 {
		g.checkHeap()
	}
}

// checkHeap stops the program once the heap has grown by maxHeap.
func (g *guard) checkHeap() {
	if now := heapBytes(); now > g.heapBase && now-g.heapBase > maxHeap {
		panic(&StopError{Reason: fmt.Sprintf("it used more than %d MiB of memory", maxHeap>>20)})
	}
}

// Enter counts a call (Leave, deferred, uncounts it) and stops the
// program past maxDepth calls deep; it looks at the clock as Tick does,
// for recursion that loops no loop.
func (g *guard) Enter() {
	if g.depth.Add(1) > maxDepth {
		panic(&StopError{Reason: fmt.Sprintf("its calls nested more than %d deep (endless recursion?)", maxDepth)})
	}
	g.Tick()
}

// Leave uncounts a call that Enter counted.
func (g *guard) Leave() { g.depth.Add(-1) }

// Go runs f, a go statement's call, so that a panic in it fails the run
// instead of killing the engine.
func (g *guard) Go(f func()) {
	g.running.Add(1)
	defer g.running.Done()
	defer func() {
		if v := recover(); v != nil {
			g.mu.Lock()
			defer g.mu.Unlock()
			if g.failure == nil {
				g.failure = goroutinePanic(v)
			}
		}
	}()
	f()
}

// goroutinePanic words a goroutine's panic; a guard's own stop keeps its
// reason.
func goroutinePanic(v any) error {
	var stop *StopError
	if err, ok := v.(error); ok && errors.As(err, &stop) {
		return stop
	}
	return &StopError{Reason: fmt.Sprintf("a goroutine panicked: %v", v)}
}

// Size checks one make's length or capacity, and the heap: a loop that
// makes large slices grows it faster than Tick looks.
func (g *guard) Size(n int) int {
	if n > maxMake {
		panic(&StopError{Reason: fmt.Sprintf("make asked for %d elements (at most %d here)", n, maxMake)})
	}
	g.checkHeap()
	return n
}

// settle waits, at most d, for the program's goroutines to end: one that
// panics as the program returns (its own deferred calls run before the
// guard's) still fails the run.
func (g *guard) settle(d time.Duration) {
	done := make(chan struct{})
	go func() {
		g.running.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// goroutineFailure is the first panic of the program's goroutines.
func (g *guard) goroutineFailure() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.failure
}

// heapBytes is the memory the heap's objects take now, live or not yet
// collected; reading it does not stop the world.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

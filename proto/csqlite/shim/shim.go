//go:build js && wasm

// Package sqlite3_wasm is go-sqlite3-wasm's API over SQLite built by clang
// as a wasm side module that shares Go's linear memory (design B). The
// module's static data, its C stack and its heap live in arenas Go
// allocated and never frees, so a pointer SQLite returns is an address in
// Go's memory, and go-sqlite3 reads and writes it through a slice that
// starts at address 0: no copies, as with the wasm2go translation.
//
// One SQLite instance serves every Module (go-sqlite3 makes one per
// connection): a call into SQLite makes its Module current, and SQLite's
// callbacks go to the current Module's Xenv.
package sqlite3_wasm

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"
)

// Module is one go-sqlite3 connection's handle on the shared SQLite.
type Module struct {
	env    Xenv
	memory *[]byte // libc.go's view of memory
}

// arenaSize is the first arena: SQLite's data, a 1 MiB C stack and the
// heap's first pool. The heap grows by more arenas (env_go_heap_grow).
const arenaSize = 8 << 20

// scratchSize is the room for go-sqlite3's StackAlloc (X__stack_pointer),
// which is not SQLite's C stack.
const scratchSize = 64 << 10

var (
	current *Module  // the Module whose call into SQLite is under way
	linear  []byte   // all of linear memory, indexed by address
	libc    *Module  // the receiver for libc.go's functions
	arenas  [][]byte // every arena handed to SQLite, kept alive
	scratch []byte   // the memory below scratchSP
	stackSP int32    // go-sqlite3's stack pointer into scratch
	loaded  bool     // the side module is instantiated and initialized
)

//go:wasmimport sqlite3host load
func hostLoad(arena, size uint32) int32

// New returns a Module for a new connection; the first call instantiates
// SQLite in a Go-allocated arena. It points env's memory at all of linear
// memory, so go-sqlite3 reads SQLite's pointers as addresses.
func New(env Xenv) *Module {
	if !loaded {
		load()
	}
	*env.Xmemory().Slice() = linear
	return &Module{env: env, memory: &linear}
}

// load builds the linear-memory view, has the loader instantiate SQLite in
// a new arena and runs SQLite's initialization.
func load() {
	view := (*struct {
		data     unsafe.Pointer
		len, cap int
	})(unsafe.Pointer(&linear))
	view.len, view.cap = 1<<32-1, 1<<32-1 // data stays 0: linear[addr] is the byte at addr
	libc = &Module{memory: &linear}
	arena := newArena(arenaSize)
	if rc := hostLoad(addr(arena), uint32(len(arena))); rc != 0 {
		panic(fmt.Sprintf("sqlite3: the loader could not instantiate SQLite (%d)", rc))
	}
	scratch = make([]byte, scratchSize)
	stackSP = int32(addr(scratch) + scratchSize)
	prev := enter(&Module{})
	sqlite3__initialize()
	current = prev
	loaded = true
}

//go:wasmimport sqlite3 _initialize
func sqlite3__initialize()

// newArena allocates size bytes aligned to a 64 KiB page and keeps them.
func newArena(size int) []byte {
	const page = 64 << 10
	b := make([]byte, size+page)
	off := (page - int(addr(b)%page)) % page
	b = b[off : off+size]
	arenas = append(arenas, b)
	return b
}

// addr is the linear-memory address of b's first byte.
func addr(b []byte) uint32 { return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b)))) }

// env_go_heap_grow gives SQLite's allocator pages more memory, as
// memory.grow would: it returns the first new page's index.
//
//go:wasmexport sqlite3_env_go_heap_grow
func env_go_heap_grow(pages int32) int32 {
	arena := newArena(int(pages) << 16)
	return int32(addr(arena) >> 16)
}

// enter makes m current and returns the Module that was.
func enter(m *Module) *Module {
	prev := current
	current = m
	return prev
}

// X_initialize does nothing: SQLite is initialized once, by the first New.
func (m *Module) X_initialize() {}

// X__stack_pointer is go-sqlite3's stack for short-lived arguments; it is
// separate from SQLite's own C stack, which a wasm global holds.
func (m *Module) X__stack_pointer() *int32 { return &stackSP }

// X__indirect_function_table is for loading wasm2go extensions, which the
// prototype does not support.
func (m *Module) X__indirect_function_table() *[]any { return new([]any) }

// env_go_busy_timeout yields for a millisecond before go-sqlite3's busy
// timeout handler runs, which then does not sleep (it sleeps only when
// called again within a millisecond). A sleep here would leave every
// goroutine waiting with SQLite's frames on the wasm stack, and Go cannot
// return to JS's event loop for the timer from there; yielding lets the
// connection that holds the lock run and its timers fire.
//
//go:wasmexport sqlite3_env_go_busy_timeout
func env_go_busy_timeout(count, tmout int32) int32 {
	m := current
	for start := time.Now(); time.Since(start) < time.Millisecond; {
		runtime.Gosched()
		current = m
	}
	return m.env.Xgo_busy_timeout(count, tmout)
}

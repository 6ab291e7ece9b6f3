// side.c: SQLite as a side module that lives in Go's linear memory (design
// B). It is go-sqlite3-wasm's own main.c with one change: its allocator
// (TLSF) takes its first pool at __heap_base..__heap_end, which the loader
// places in a Go-allocated arena, and asks Go for more (go_heap_grow)
// instead of growing the memory it shares with Go's runtime.
#include <stddef.h>

size_t go_heap_grow(size_t pages);
#define __builtin_wasm_memory_grow(mem, pages) go_heap_grow(pages)

#include "main.c"

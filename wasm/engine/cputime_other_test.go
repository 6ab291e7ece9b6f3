//go:build !unix

package engine

import "time"

// cpuTime is wall time where the process's CPU time cannot be read (wasm
// under Node runs single-threaded, so the two are close there).
func cpuTime() time.Duration {
	return time.Duration(time.Now().UnixNano())
}

package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"
)

// busyWait shows the busy timeout: while A holds the write lock, B's
// begin immediate fails at once with a timeout of 0, and waits for A's
// commit with a timeout of two seconds.
func busyWait(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	a, b, err := connPair(ctx, db)
	if err != nil {
		return err
	}
	defer a.Close()
	defer b.Close()

	if _, err := a.ExecContext(ctx, "begin immediate"); err != nil {
		return err
	}
	fmt.Fprintln(out, "A: begin immediate (A holds the write lock)")
	tryBegin(ctx, b, out, 0)

	// A commits 100 ms from now, from another goroutine.
	committed := make(chan error, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		_, err := a.ExecContext(ctx, "commit")
		committed <- err
	}()
	tryBegin(ctx, b, out, 2000)
	if err := <-committed; err != nil {
		return fmt.Errorf("A's commit: %w", err)
	}
	_, err = b.ExecContext(ctx, "commit")
	return err
}

// tryBegin sets conn's busy timeout and starts an immediate transaction
// on it, printing how long that took and how it ended.
func tryBegin(ctx context.Context, conn *sql.Conn, out io.Writer, timeoutMs int) {
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("pragma busy_timeout = %d", timeoutMs)); err != nil {
		fmt.Fprintln(out, "B: pragma busy_timeout fails:", err)
		return
	}
	start := time.Now()
	_, err := conn.ExecContext(ctx, "begin immediate")
	waited := time.Since(start).Round(10 * time.Millisecond)
	result := "got the lock"
	if err != nil {
		result = err.Error()
	}
	fmt.Fprintf(out, "B: busy_timeout %d, begin immediate: %s after %v\n", timeoutMs, result, waited)
}

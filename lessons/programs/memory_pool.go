package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"
)

// memoryPool opens three in-memory databases the way a test might, and
// shows which of them a pool's second connection can see: with
// ":memory:" every connection opens a database of its own.
func memoryPool(ctx context.Context, _ *sql.DB, _ Inputs, out io.Writer) error {
	tries := []struct {
		dsn      string
		maxConns int
	}{
		{":memory:", 0},                  // 0: no limit
		{":memory:", 1},                  // fix 1: one connection
		{"file:/pool-demo?vfs=memdb", 0}, // fix 2: a shared database
	}
	for _, t := range tries {
		fmt.Fprintf(out, "%s, max open connections %d:\n  ", t.dsn, t.maxConns)
		if err := twoAtOnce(ctx, t.dsn, t.maxConns); err != nil {
			fmt.Fprintln(out, "fails:", err)
		} else {
			fmt.Fprintln(out, "both queries see the table")
		}
	}
	return nil
}

// twoAtOnce creates a table, then counts its rows while another query's
// rows are still open, so the pool must lend out a second connection.
func twoAtOnce(ctx context.Context, dsn string, maxConns int) error {
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(maxConns)

	if _, err := db.ExecContext(ctx, "create table todo (title text)"); err != nil {
		return err
	}
	rows, err := db.QueryContext(ctx, "select title from todo")
	if err != nil {
		return err
	}
	defer rows.Close() // holds its connection until closed

	// With one connection, this waits for the rows above: give it a
	// deadline so the wait cannot last for ever.
	ctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	var n int
	return db.QueryRowContext(ctx, "select count(*) from todo").Scan(&n)
}

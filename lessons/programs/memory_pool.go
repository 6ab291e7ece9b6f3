package programs

import (
	"context"
	"crypto/rand"
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
		label    string
		dsn      string
		maxConns int // 0: no limit
	}{
		{":memory:, no limit", ":memory:", 0},
		{":memory:, SetMaxOpenConns(1)", ":memory:", 1},
		{"file:/NAME?vfs=memdb, no limit", memdbDSN("pool-demo"), 0},
	}
	for _, t := range tries {
		fmt.Fprintf(out, "%s\n  ", t.label)
		if err := twoAtOnce(ctx, t.dsn, t.maxConns); err != nil {
			fmt.Fprintln(out, "fails:", err)
		} else {
			fmt.Fprintln(out, "both queries see the table")
		}
	}
	return nil
}

// memdbDSN names a new shared in-memory database: the name starts with
// "/", so every connection that opens it opens the same database, and it
// ends in random text, so that programs running at the same time in one
// process (tests in parallel, say) never share it.
func memdbDSN(prefix string) string {
	return "file:/" + prefix + "-" + rand.Text() + "?vfs=memdb"
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

	if maxConns == 1 {
		// The only connection is busy with the rows above, so the count
		// below can only wait, for ever: give the wait a deadline.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
	}
	var n int
	return db.QueryRowContext(ctx, "select count(*) from todo").Scan(&n)
}

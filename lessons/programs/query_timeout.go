package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"
)

// queryTimeout gives a slow query a deadline. The driver watches the
// context while SQLite works and interrupts the query when it expires.
func queryTimeout(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	ms, err := in.Int("timeout_ms")
	if err != nil {
		return err
	}
	ms = min(ms, 2000) // this page stops any program after 5 s anyway
	ctx, cancel := context.WithTimeout(ctx, time.Duration(ms)*time.Millisecond)
	defer cancel() // release the timer even when the query ends early

	// Counting to a billion, one row at a time, takes far too long.
	const slow = `with recursive n(i) as (
		select 1 union all select i + 1 from n where i < 1000000000
	) select count(*) from n`

	start := time.Now()
	var count int
	err = db.QueryRowContext(ctx, slow).Scan(&count)
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case ctx.Err() != nil:
		// The driver interrupted the query: ctx.Err() says why.
		fmt.Fprintf(out, "stopped after %v: %v\n", took, ctx.Err())
		fmt.Fprintf(out, "the query returned: %v\n", err)
	case err != nil:
		return fmt.Errorf("count: %w", err)
	default:
		fmt.Fprintf(out, "counted %d rows in %v\n", count, took)
	}
	return nil
}

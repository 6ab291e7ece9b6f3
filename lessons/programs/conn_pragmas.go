package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// connPragmas shows that a pragma run with Exec reaches one connection of
// the pool, while pragmas in the data source name reach every connection
// the pool opens.
func connPragmas(ctx context.Context, _ *sql.DB, _ Inputs, out io.Writer) error {
	byExec, err := sql.Open("sqlite3", memdbDSN("pragma-exec"))
	if err != nil {
		return err
	}
	defer byExec.Close()
	if _, err := byExec.ExecContext(ctx, "pragma busy_timeout = 5000"); err != nil {
		return err
	}
	fmt.Fprintln(out, "pragma busy_timeout = 5000 through Exec:")
	if err := showTimeouts(ctx, byExec, out); err != nil {
		return err
	}

	dsn := memdbDSN("pragma-dsn") + "&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	byDSN, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return err
	}
	defer byDSN.Close()
	fmt.Fprintln(out, "the same pragma in the data source name:")
	return showTimeouts(ctx, byDSN, out)
}

// showTimeouts takes two connections from db at once and prints each
// one's busy timeout: a pragma's setting belongs to a connection.
func showTimeouts(ctx context.Context, db *sql.DB, out io.Writer) error {
	for i := 1; i <= 2; i++ {
		conn, err := db.Conn(ctx) // kept until the function returns
		if err != nil {
			return err
		}
		defer conn.Close()
		var ms int
		err = conn.QueryRowContext(ctx, "pragma busy_timeout").Scan(&ms)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  connection %d: busy_timeout %d ms\n", i, ms)
	}
	return nil
}

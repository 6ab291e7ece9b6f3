package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// twoConnections opens two connections to the page's database and shows
// what each can do while the other is in a transaction: a reader sees
// only committed data, and a second writer is refused with SQLITE_BUSY.
func twoConnections(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	a, b, err := connPair(ctx, db)
	if err != nil {
		return err
	}
	defer a.Close()
	defer b.Close()
	step := func(who *sql.Conn, name, stmt string) {
		if _, err := who.ExecContext(ctx, stmt); err != nil {
			fmt.Fprintf(out, "%s: %s\n   -> %v\n", name, stmt, err)
			return
		}
		fmt.Fprintf(out, "%s: %s\n", name, stmt)
	}
	show := func(who *sql.Conn, name string) {
		var bal int
		err := who.QueryRowContext(ctx, "select balance from accounts where owner = 'Ana'").Scan(&bal)
		if err != nil {
			fmt.Fprintf(out, "%s reads Ana's balance\n   -> %v\n", name, err)
			return
		}
		fmt.Fprintf(out, "%s reads Ana's balance: %d\n", name, bal)
	}

	step(a, "A", "begin")
	step(a, "A", "update accounts set balance = balance + 500 where owner = 'Ana'")
	show(a, "A")
	show(b, "B") // B still sees the last committed value
	step(b, "B", "update accounts set balance = balance - 100 where owner = 'Bo'")
	step(a, "A", "commit")
	show(b, "B")
	step(b, "B", "update accounts set balance = balance - 100 where owner = 'Bo'")

	var mode string
	if err := a.QueryRowContext(ctx, "pragma journal_mode = wal").Scan(&mode); err != nil {
		return err
	}
	fmt.Fprintf(out, "A: pragma journal_mode = wal\n   -> journal mode is still %q\n", mode)
	return nil
}

// connPair takes two connections from db's pool, each with a busy
// timeout of 0, so that a locked database fails at once instead of
// waiting.
func connPair(ctx context.Context, db *sql.DB) (a, b *sql.Conn, err error) {
	if a, err = impatientConn(ctx, db); err != nil {
		return nil, nil, err
	}
	if b, err = impatientConn(ctx, db); err != nil {
		a.Close()
		return nil, nil, err
	}
	return a, b, nil
}

// impatientConn takes a connection from db's pool and sets its busy
// timeout to 0.
func impatientConn(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := c.ExecContext(ctx, "pragma busy_timeout = 0"); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

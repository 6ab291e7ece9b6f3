package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// lostUpdate has two clients deposit into Ana's account at the same
// time by reading her balance, adding in Go and writing the sum back:
// first without a transaction, then in deferred transactions, then in
// immediate ones.
func lostUpdate(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	a, b, err := connPair(ctx, db)
	if err != nil {
		return err
	}
	defer a.Close()
	defer b.Close()
	A := &client{name: "A", conn: a, out: out}
	B := &client{name: "B", conn: b, out: out}

	fmt.Fprintln(out, "1. No transaction: A deposits 100, B deposits 50")
	A.read(ctx)
	B.read(ctx)
	A.write(ctx, 100)
	B.write(ctx, 50)
	A.read(ctx)

	fmt.Fprintln(out, "\n2. Deferred transactions")
	A.exec(ctx, "begin")
	B.exec(ctx, "begin")
	A.read(ctx)
	B.read(ctx)
	A.write(ctx, 100)
	B.write(ctx, 50)
	A.exec(ctx, "commit")
	B.exec(ctx, "rollback")
	A.exec(ctx, "commit")

	fmt.Fprintln(out, "\n3. Immediate transactions")
	A.exec(ctx, "begin immediate")
	B.exec(ctx, "begin immediate")
	A.read(ctx)
	A.write(ctx, 100)
	A.exec(ctx, "commit")
	B.exec(ctx, "begin immediate")
	B.read(ctx)
	B.write(ctx, 50)
	B.exec(ctx, "commit")
	A.read(ctx)
	return nil
}

// client is one connection acting for one user, remembering the balance
// it last read.
type client struct {
	name string
	conn *sql.Conn
	out  io.Writer
	seen int
}

// exec runs stmt and prints it, with the error if it fails: a failure is
// part of the story, so it is shown, not returned.
func (c *client) exec(ctx context.Context, stmt string, args ...any) {
	_, err := c.conn.ExecContext(ctx, stmt, args...)
	if len(args) > 0 {
		stmt = fmt.Sprintf("%s  [%v]", stmt, args[0])
	}
	fmt.Fprintf(c.out, "  %s: %s\n", c.name, stmt)
	if err != nil {
		fmt.Fprintf(c.out, "     -> %v\n", err)
	}
}

// read reads Ana's balance into c.seen.
func (c *client) read(ctx context.Context) {
	err := c.conn.QueryRowContext(ctx,
		"select balance from accounts where owner = 'Ana'").Scan(&c.seen)
	if err != nil {
		fmt.Fprintf(c.out, "  %s: read fails: %v\n", c.name, err)
		return
	}
	fmt.Fprintf(c.out, "  %s: reads Ana's balance: %d\n", c.name, c.seen)
}

// write sets Ana's balance to what c read plus amount.
func (c *client) write(ctx context.Context, amount int) {
	c.exec(ctx, "update accounts set balance = ? where owner = 'Ana'", c.seen+amount)
}

package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// beginOnPool runs "begin" with db.Exec, as if db were one connection,
// and shows an insert escaping the transaction; then does the same with
// BeginTx, which keeps every statement on the transaction's connection.
func beginOnPool(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	if _, err := db.ExecContext(ctx, "create table audit (event text)"); err != nil {
		return err
	}

	// Wrong: begin runs on some connection, which goes back to the pool
	// still inside its transaction.
	if _, err := db.ExecContext(ctx, "begin"); err != nil {
		return err
	}
	// Another goroutine borrows that connection meanwhile (here, we do).
	busy, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	// So this insert runs on a second connection, outside the transaction,
	_, err = db.ExecContext(ctx, "insert into audit values ('with Exec')")
	if err != nil {
		return err
	}
	// and the rollback, on the first, cannot undo it.
	if _, err := busy.ExecContext(ctx, "rollback"); err != nil {
		return err
	}
	busy.Close()
	if err := countAudit(ctx, db, out, `Exec("begin") ... rollback`); err != nil {
		return err
	}

	// Right: BeginTx pins one connection to tx until Commit or Rollback.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "insert into audit values ('with BeginTx')"); err != nil {
		return err
	}
	if err := tx.Rollback(); err != nil {
		return err
	}
	return countAudit(ctx, db, out, "BeginTx ... Rollback")
}

// countAudit prints how many rows the audit table holds.
func countAudit(ctx context.Context, db *sql.DB, out io.Writer, what string) error {
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from audit").Scan(&n); err != nil {
		return err
	}
	fmt.Fprintf(out, "after %s: %d row(s) in audit\n", what, n)
	return nil
}

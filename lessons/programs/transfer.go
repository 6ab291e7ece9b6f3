package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// transfer moves money between two accounts, all or nothing, and
// prints the balances before and after.
func transfer(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	amount, err := in.Int("cents")
	if err != nil {
		return err
	}
	if err := printBalances(ctx, db, out, "before"); err != nil {
		return err
	}
	if err := creditAndDebit(ctx, db, in["from"], in["to"], amount); err != nil {
		fmt.Fprintf(out, "transfer failed, nothing changed:\n  %v\n", err)
	} else {
		fmt.Fprintln(out, "transfer committed")
	}
	return printBalances(ctx, db, out, "after")
}

// creditAndDebit credits to and then debits from, inside one transaction.
func creditAndDebit(ctx context.Context, db *sql.DB, from, to string, cents int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// Rollback after a Commit does nothing, so deferring it is safe, and
	// every return below that skips Commit undoes the transaction.
	defer tx.Rollback()

	if err := addTo(ctx, tx, to, cents); err != nil {
		return fmt.Errorf("credit %s: %w", to, err)
	}
	if err := addTo(ctx, tx, from, -cents); err != nil {
		return fmt.Errorf("debit %s: %w", from, err)
	}
	return tx.Commit()
}

// addTo changes one account's balance by cents. Statements run on tx,
// not db: only tx's connection is inside the transaction.
func addTo(ctx context.Context, tx *sql.Tx, owner string, cents int) error {
	res, err := tx.ExecContext(ctx,
		"update accounts set balance = balance + ? where owner = ?", cents, owner)
	if err != nil {
		return err
	}
	// An update that matches no row is no error in SQL, but it is here.
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected for %q: %w", owner, err)
	}
	if n != 1 {
		return fmt.Errorf("no account for %q", owner)
	}
	return nil
}

// printBalances lists every account's balance.
func printBalances(ctx context.Context, db *sql.DB, out io.Writer, when string) error {
	rows, err := db.QueryContext(ctx, "select owner, balance from accounts order by id")
	if err != nil {
		return err
	}
	defer rows.Close()
	fmt.Fprintf(out, "%s:", when)
	for rows.Next() {
		var owner string
		var balance int
		if err := rows.Scan(&owner, &balance); err != nil {
			return err
		}
		fmt.Fprintf(out, "  %s %d.%02d", owner, balance/100, balance%100)
	}
	fmt.Fprintln(out)
	return rows.Err()
}

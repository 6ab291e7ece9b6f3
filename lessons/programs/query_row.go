package programs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
)

// queryRow reads one account with QueryRow. The note column may be
// NULL, which a plain string cannot hold, so it is scanned into a
// sql.Null[string] that says whether there was a value.
func queryRow(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	var (
		balance int
		note    sql.Null[string]
	)
	err := db.QueryRowContext(ctx,
		"select balance, note from accounts where owner = ?", in["owner"],
	).Scan(&balance, &note)
	if errors.Is(err, sql.ErrNoRows) {
		fmt.Fprintf(out, "no account for %s\n", in["owner"])
		return nil
	}
	if err != nil {
		return fmt.Errorf("read account: %w", err)
	}

	fmt.Fprintf(out, "%s has %d.%02d\n", in["owner"], balance/100, balance%100)
	if note.Valid {
		fmt.Fprintf(out, "note: %s\n", note.V)
	} else {
		fmt.Fprintln(out, "note: NULL")
	}
	return nil
}

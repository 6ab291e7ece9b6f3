package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
)

// preparedInsert opens an account for every name in the input names,
// with one prepared statement: SQLite parses and plans the insert once,
// and each Exec only binds new values and runs it.
func preparedInsert(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	stmt, err := db.PrepareContext(ctx,
		"insert into accounts (owner, balance) values (?, 0)")
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	// A prepared statement holds resources until it is closed.
	defer stmt.Close()

	for _, name := range strings.Split(in["names"], ",") {
		name = strings.TrimSpace(name)
		res, err := stmt.ExecContext(ctx, name)
		if err != nil {
			return fmt.Errorf("open an account for %s: %w", name, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "account %d: %s\n", id, name)
	}
	return nil
}

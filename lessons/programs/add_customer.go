package programs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/ncruces/go-sqlite3"
)

// addCustomer inserts a customer from the inputs email and name, and
// tells the possible failures apart by SQLite's error codes.
func addCustomer(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	err := insertCustomer(ctx, db, in["email"], in["name"])
	if err == nil {
		fmt.Fprintf(out, "added %s\n", in["email"])
		return nil
	}

	// errors.As finds SQLite's own error inside the wrapped one.
	var sqlErr *sqlite3.Error
	if !errors.As(err, &sqlErr) {
		return err
	}
	fmt.Fprintf(out, "error:         %v\n", err)
	fmt.Fprintf(out, "code:          %d\n", sqlErr.Code())
	fmt.Fprintf(out, "extended code: %d\n", sqlErr.ExtendedCode())

	switch {
	case sqlErr.ExtendedCode() == sqlite3.CONSTRAINT_UNIQUE:
		// A mistake the user can fix: say so in their words.
		fmt.Fprintln(out, "-> that email is taken: choose another one")
	case sqlErr.Code() == sqlite3.CONSTRAINT:
		// Any other constraint: the input broke a rule of the table.
		fmt.Fprintln(out, "-> the table refused the customer")
	default:
		// Not the user's doing (a full disk, a bug): pass it up.
		return err
	}
	return nil
}

// insertCustomer adds one customer. Its error says what it was doing and
// wraps SQLite's with %w, so that callers can still inspect it.
func insertCustomer(ctx context.Context, db *sql.DB, email, name string) error {
	_, err := db.ExecContext(ctx,
		"insert into customers (email, name) values (?, ?)", email, name)
	if err != nil {
		return fmt.Errorf("add customer %s: %w", email, err)
	}
	return nil
}

package programs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
)

// findCustomer looks a customer up by the input email. Finding nobody is
// an answer, not a failure, so the program says so and carries on.
func findCustomer(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	name, err := customerName(ctx, db, in["email"])
	switch {
	case errors.Is(err, sql.ErrNoRows):
		fmt.Fprintf(out, "nobody has that email\n  (%v)\n", err)
	case err != nil:
		return err
	default:
		fmt.Fprintf(out, "%s belongs to %s\n", in["email"], name)
	}
	return nil
}

// customerName returns the name of the customer with the email. When
// there is none, QueryRow's Scan returns sql.ErrNoRows; the error
// wraps it with %w, so errors.Is still recognises it.
func customerName(ctx context.Context, db *sql.DB, email string) (string, error) {
	var name string
	err := db.QueryRowContext(ctx,
		"select name from customers where email = ?", email).Scan(&name)
	if err != nil {
		return "", fmt.Errorf("find customer %s: %w", email, err)
	}
	return name, nil
}

package programs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
)

// login checks a name and a password against the users table twice: once
// with SQL glued together from strings, once with placeholders.
func login(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	name, password := in["user"], in["password"]

	// Wrong: the inputs become part of the SQL text, so an input that
	// contains a quote can end the string and write SQL of its own.
	glued := "select name from users where name = '" + name +
		"' and password = '" + password + "'"
	fmt.Fprintf(out, "glued together:\n  %s\n", glued)
	if err := tryLogin(ctx, db, out, glued); err != nil {
		return err
	}

	// Right: the SQL text never changes, and the inputs travel beside it
	// as values for the two ? placeholders.
	const bound = "select name from users where name = ? and password = ?"
	fmt.Fprintf(out, "\nwith placeholders:\n  %s\n  values %q, %q\n", bound, name, password)
	return tryLogin(ctx, db, out, bound, name, password)
}

// tryLogin runs a login query and prints who it let in, if anyone.
func tryLogin(ctx context.Context, db *sql.DB, out io.Writer, query string, args ...any) error {
	var who string
	err := db.QueryRowContext(ctx, query, args...).Scan(&who)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		fmt.Fprintln(out, "  -> no such user: login refused")
	case err != nil:
		// A stray quote in glued SQL is often just a syntax error.
		fmt.Fprintf(out, "  -> the query failed: %v\n", err)
	default:
		fmt.Fprintf(out, "  -> logged in as %s\n", who)
	}
	return nil
}

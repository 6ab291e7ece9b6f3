package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// userOrders is the allow-list: each choice a reader may make, and the
// ORDER BY clause it stands for. Only these strings ever reach the SQL.
var userOrders = map[string]string{
	"name":   "name",
	"newest": "joined desc, name",
	"oldest": "joined, name",
}

// sortUsers lists the users in the order the input sort asks for. A
// column name cannot be a ? placeholder, so it is picked from a list.
func sortUsers(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	orderBy, ok := userOrders[in["sort"]]
	if !ok {
		fmt.Fprintf(out, "cannot sort by %q: choose name, newest or oldest\n", in["sort"])
		return nil
	}
	query := "select name, joined from users order by " + orderBy
	fmt.Fprintln(out, query)

	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, joined string
		if err := rows.Scan(&name, &joined); err != nil {
			return fmt.Errorf("read a user: %w", err)
		}
		fmt.Fprintf(out, "  %-8s %s\n", name, joined)
	}
	return rows.Err()
}

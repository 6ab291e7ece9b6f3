package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// sqlBasics opens nothing itself: db is a *sql.DB already connected to
// this page's database. It creates a table, inserts with Exec and reads
// with Query and Scan.
func sqlBasics(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	_, err := db.ExecContext(ctx, `create table if not exists notes (
		id   integer primary key,
		body text not null
	)`)
	if err != nil {
		return fmt.Errorf("create table: %w", err)
	}

	res, err := db.ExecContext(ctx, "insert into notes (body) values (?)", in["note"])
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	id, _ := res.LastInsertId()
	fmt.Fprintf(out, "inserted note %d\n", id)

	rows, err := db.QueryContext(ctx, "select id, body from notes order by id")
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		fmt.Fprintf(out, "%d: %s\n", id, body)
	}
	return rows.Err()
}

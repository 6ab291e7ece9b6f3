package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"
)

// timeRoundtrip stores the same moment twice, once in a time zone two
// hours east of UTC and once in UTC, shows the text the driver wrote,
// and reads both back into time.Time values.
func timeRoundtrip(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	// Declared datetime, not text: the driver hands a text column's
	// values to Scan as strings, which a time.Time cannot take.
	_, err := db.ExecContext(ctx, `create table deliveries (
		id         integer primary key,
		shipped_at datetime not null
	)`)
	if err != nil {
		return err
	}
	local := time.Date(2024, 3, 15, 16, 30, 0, 0, time.FixedZone("UTC+2", 2*60*60))
	for _, t := range []time.Time{local, local.UTC()} {
		if _, err := db.ExecContext(ctx,
			"insert into deliveries (shipped_at) values (?)", t); err != nil {
			return err
		}
	}

	rows, err := db.QueryContext(ctx,
		"select id, shipped_at, cast(shipped_at as text) from deliveries order by id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var at time.Time
		var stored string
		if err := rows.Scan(&id, &at, &stored); err != nil {
			return err
		}
		fmt.Fprintf(out, "row %d: stored %q, read back %v, same moment: %v\n",
			id, stored, at, at.Equal(local))
	}
	return rows.Err()
}

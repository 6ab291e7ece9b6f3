package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"
)

// poolStats sets the limits of db's connection pool and watches, with
// db.Stats, how many connections it opens and lends out.
func poolStats(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	db.SetMaxOpenConns(4)                   // at most 4 connections at once
	db.SetMaxIdleConns(2)                   // keep up to 2 unused ones open
	db.SetConnMaxLifetime(30 * time.Minute) // replace each after 30 minutes
	db.SetConnMaxIdleTime(5 * time.Minute)  // close one unused for 5 minutes

	show := func(moment string) {
		s := db.Stats()
		fmt.Fprintf(out, "%-26s open %d, in use %d, idle %d\n",
			moment+":", s.OpenConnections, s.InUse, s.Idle)
	}
	show("start")

	// A transaction keeps its connection until Commit or Rollback.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	show("transaction open")

	// A query on db meanwhile needs a connection of its own. Scan
	// returns it to the pool as soon as the row is read.
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from accounts").Scan(&n); err != nil {
		return err
	}
	show("after a query on db")

	if err := tx.Rollback(); err != nil {
		return err
	}
	show("transaction done")
	return nil
}

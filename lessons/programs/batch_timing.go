package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"
)

// batchTiming inserts the same rows four ways and prints how long each
// took. Times vary from run to run and machine to machine: compare the
// four with each other.
func batchTiming(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	n, err := in.Int("rows")
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `create table if not exists readings (
		id     integer primary key,
		sensor integer not null,
		value  real    not null
	)`)
	if err != nil {
		return err
	}
	const insert = "insert into readings (sensor, value) values (?, ?)"

	ways := []struct {
		name string
		run  func() error
	}{
		{"one Exec per row, autocommit", func() error {
			for i := 0; i < n; i++ {
				if _, err := db.ExecContext(ctx, insert, i%10, float64(i)/2); err != nil {
					return err
				}
			}
			return nil
		}},
		{"one Exec per row, one tx", func() error {
			return inTx(ctx, db, func(tx *sql.Tx) error {
				for i := 0; i < n; i++ {
					if _, err := tx.ExecContext(ctx, insert, i%10, float64(i)/2); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{"prepared statement, one tx", func() error {
			return inTx(ctx, db, func(tx *sql.Tx) error {
				stmt, err := tx.PrepareContext(ctx, insert)
				if err != nil {
					return err
				}
				defer stmt.Close()
				for i := 0; i < n; i++ {
					if _, err := stmt.ExecContext(ctx, i%10, float64(i)/2); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{"multi-row INSERTs of 500, one tx", func() error {
			return inTx(ctx, db, func(tx *sql.Tx) error {
				for first := 0; first < n; first += 500 {
					rows := min(500, n-first)
					query := "insert into readings (sensor, value) values " +
						strings.Repeat("(?, ?), ", rows-1) + "(?, ?)"
					args := make([]any, 0, 2*rows)
					for i := first; i < first+rows; i++ {
						args = append(args, i%10, float64(i)/2)
					}
					if _, err := tx.ExecContext(ctx, query, args...); err != nil {
						return err
					}
				}
				return nil
			})
		}},
	}

	for _, way := range ways {
		if _, err := db.ExecContext(ctx, "delete from readings"); err != nil {
			return err
		}
		start := time.Now()
		if err := way.run(); err != nil {
			return fmt.Errorf("%s: %w", way.name, err)
		}
		took := time.Since(start)
		fmt.Fprintf(out, "%-35s %.1f ms\n", way.name, float64(took.Microseconds())/1000)
	}
	return nil
}

// inTx runs f inside a transaction and commits it if f succeeds.
func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

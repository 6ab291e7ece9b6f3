package programs

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// migrationFiles are the migrations, compiled into the program: the
// binary carries its schema with it.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate runs the embedded migrations twice: the first run applies them
// all, the second finds nothing to do.
func migrate(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	for run := 1; run <= 2; run++ {
		fmt.Fprintf(out, "run %d:\n", run)
		if err := applyMigrations(ctx, db, migrationFiles, out); err != nil {
			return fmt.Errorf("run %d: %w", run, err)
		}
	}
	return nil
}

// applyMigrations runs, in name order, every file in fsys's migrations
// folder that the schema_migrations table does not list, each in a
// transaction of its own with the row that records it.
func applyMigrations(ctx context.Context, db *sql.DB, fsys fs.FS, out io.Writer) error {
	_, err := db.ExecContext(ctx,
		"create table if not exists schema_migrations (name text primary key)")
	if err != nil {
		return err
	}
	names, err := fs.Glob(fsys, "migrations/*.sql") // sorted by name
	if err != nil {
		return err
	}
	for _, name := range names {
		var done bool
		err := db.QueryRowContext(ctx,
			"select count(*) > 0 from schema_migrations where name = ?", name).Scan(&done)
		if err != nil {
			return err
		}
		if done {
			continue
		}
		script, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := applyOne(ctx, db, name, string(script)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(out, "  applied %s: %s\n", name, strings.TrimSpace(string(script)))
	}
	fmt.Fprintln(out, "  up to date")
	return nil
}

// applyOne runs one migration and records it, all or nothing.
func applyOne(ctx context.Context, db *sql.DB, name, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		"insert into schema_migrations (name) values (?)", name); err != nil {
		return err
	}
	return tx.Commit()
}

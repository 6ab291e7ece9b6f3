package engine

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/ncruces/go-sqlite3/ext/serdes"
)

// fileHeader starts every SQLite database file.
const fileHeader = "SQLite format 3\x00"

// ErrNotDatabase is returned by Deserialize for bytes that are not an
// SQLite database file.
var ErrNotDatabase = errors.New("not an SQLite database file")

// serdesMu serializes calls into ext/serdes, which hands each call's
// buffer to SQLite through one package-level channel: two sessions
// serializing at once could otherwise swap buffers.
var serdesMu sync.Mutex

// BackupTo copies the whole database into the database at uri (a SQLite
// URI such as "file:/name?vfs=memdb"), replacing what was there: to hand
// the page's database to code that opens its own connections.
func (s *Session) BackupTo(uri string) error {
	if err := s.guard(context.Background(), func() error { return s.conn.Backup("main", uri) }); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// RestoreFrom replaces the database with a copy of the one at uri, the
// reverse of BackupTo.
func (s *Session) RestoreFrom(uri string) error {
	err := s.guard(context.Background(), func() error {
		s.clearCache()
		return s.conn.Restore("main", uri)
	})
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// Serialize returns the whole database as the bytes of a .sqlite file:
// for download, and as a snapshot that Deserialize restores in one step.
//
// https://sqlite.org/c3ref/serialize.html
func (s *Session) Serialize() ([]byte, error) {
	var b []byte
	err := s.guard(context.Background(), func() (err error) {
		serdesMu.Lock()
		defer serdesMu.Unlock()
		b, err = serdes.Serialize(s.conn, "main")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("serialize: %w", err)
	}
	return b, nil
}

// Deserialize replaces the database with the one in data (a .sqlite
// file, or a snapshot from Serialize), whose schema must read. On error
// the database is unchanged.
//
// https://sqlite.org/c3ref/deserialize.html
func (s *Session) Deserialize(data []byte) error {
	if !bytes.HasPrefix(data, []byte(fileHeader)) {
		return fmt.Errorf("deserialize: %w", ErrNotDatabase)
	}
	err := s.guard(context.Background(), func() error {
		old, err := s.serializeLocked()
		if err != nil {
			return err
		}
		if err := s.deserializeLocked(bytes.Clone(data)); err != nil {
			return err
		}
		if _, err := s.query("select count(*) from sqlite_schema"); err != nil {
			if rerr := s.deserializeLocked(old); rerr != nil {
				return fmt.Errorf("%w (and restoring the old database: %v)", err, rerr)
			}
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("deserialize: %w", err)
	}
	return nil
}

// serializeLocked copies the database; the caller holds guard.
func (s *Session) serializeLocked() ([]byte, error) {
	serdesMu.Lock()
	defer serdesMu.Unlock()
	return serdes.Serialize(s.conn, "main")
}

// deserializeLocked replaces the database with data; the caller holds
// guard.
func (s *Session) deserializeLocked(data []byte) error {
	s.clearCache()
	serdesMu.Lock()
	defer serdesMu.Unlock()
	return serdes.Deserialize(s.conn, "main", data)
}

// Dump returns the database as SQL text that recreates it: tables and
// their rows, then indexes, views and triggers, in one transaction, as the
// sqlite3 shell's .dump does. Generated columns are left for SQLite to
// compute again.
func (s *Session) Dump() (string, error) {
	var b strings.Builder
	err := s.guard(context.Background(), func() error {
		objs, err := s.query(`select type, name, sql from sqlite_schema
		where sql is not null and name not like 'sqlite\_%' escape '\'
		order by type <> 'table', rowid`)
		if err != nil {
			return err
		}
		b.WriteString("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")
		for _, o := range objs {
			b.WriteString(text(o[2]) + ";\n")
			if text(o[0]) == "table" {
				if err := s.dumpRows(&b, text(o[1])); err != nil {
					return fmt.Errorf("%s: %w", text(o[1]), err)
				}
			}
		}
		if err := s.dumpSequence(&b); err != nil {
			return err
		}
		b.WriteString("COMMIT;\n")
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("dump: %w", err)
	}
	return b.String(), nil
}

// dumpRows writes an INSERT for every row of table, naming its stored
// columns: generated ones cannot be inserted.
func (s *Session) dumpRows(b *strings.Builder, table string) error {
	cols, err := s.query(`select name from pragma_table_xinfo(?) where hidden = 0 order by cid`, table)
	if err != nil {
		return err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quoteIdent(text(c[0]))
	}
	list := strings.Join(names, ",")
	rows, err := s.query("select " + list + " from " + quoteIdent(table))
	if err != nil {
		return err
	}
	for _, r := range rows {
		b.WriteString("INSERT INTO " + quoteIdent(table) + "(" + list + ") VALUES(")
		for i, v := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(literal(v))
		}
		b.WriteString(");\n")
	}
	return nil
}

// dumpSequence writes the AUTOINCREMENT counters, when there are any.
func (s *Session) dumpSequence(b *strings.Builder) error {
	exists, err := s.query(`select 1 from sqlite_schema where name = 'sqlite_sequence'`)
	if err != nil || len(exists) == 0 {
		return err
	}
	rows, err := s.query(`select name, seq from sqlite_sequence`)
	if err != nil {
		return err
	}
	b.WriteString("DELETE FROM sqlite_sequence;\n")
	for _, r := range rows {
		fmt.Fprintf(b, "INSERT INTO sqlite_sequence VALUES(%s,%s);\n", literal(r[0]), literal(r[1]))
	}
	return nil
}

// literal writes v as an SQL literal of the same type.
func literal(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return realLiteral(v)
	case string:
		if strings.IndexByte(v, 0) >= 0 { // SQLite's parser stops at a NUL
			return "CAST(X'" + strings.ToUpper(hex.EncodeToString([]byte(v))) + "' AS TEXT)"
		}
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case []byte:
		return "X'" + strings.ToUpper(hex.EncodeToString(v)) + "'"
	}
	return "NULL"
}

// realLiteral writes f so that SQLite reads back the same real.
func realLiteral(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "1e999"
	case math.IsInf(f, -1):
		return "-1e999"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

package engine

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// ImportCSV creates table from CSV data whose first record names the
// columns, and returns how many rows it inserted. Each column gets the
// narrowest type all its values fit: INTEGER, then REAL, else TEXT; an
// empty field is NULL. A UTF-8 byte order mark before the header is
// dropped. The table must not exist; on error nothing changes. The import
// runs under the session's time limit.
func (s *Session) ImportCSV(table string, data []byte) (rows int, err error) {
	var inner error // importCSV's own error, which names the table already
	err = s.guard(context.Background(), func() error {
		rows, inner = s.importCSV(table, bytes.TrimPrefix(data, []byte("\ufeff")))
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", table, err)
	}
	return rows, inner
}

// importCSV is ImportCSV inside the session's guard.
func (s *Session) importCSV(table string, data []byte) (int, error) {
	n, err := s.importRecords(table, data)
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, sqlite3.INTERRUPT):
		return 0, fmt.Errorf("import %s: stopped: it ran past the %v time limit", table, s.opts.TimeLimit)
	}
	return 0, fmt.Errorf("import %s: %s", table, message(err))
}

// importRecords reads the CSV and inserts its records in a savepoint.
func (s *Session) importRecords(table string, data []byte) (int, error) {
	records, err := s.readCSV(data)
	if err != nil {
		return 0, err
	}
	if len(records) == 0 {
		return 0, errors.New("no header line")
	}
	header, body := records[0], records[1:]
	types := inferTypes(len(header), body)
	if err := s.conn.Exec("SAVEPOINT import_csv"); err != nil {
		return 0, err
	}
	done := false
	defer func() { // also when go-sqlite3 panics half-way
		if !done {
			s.conn.SetInterrupt(context.Background()) // past the time limit, SQLite would refuse to roll back; guard restores it
			s.conn.Exec("ROLLBACK TO import_csv; RELEASE import_csv")
		}
	}()
	if err := s.insertCSV(table, header, types, body); err != nil {
		return 0, err
	}
	done = true
	return len(body), s.conn.Exec("RELEASE import_csv")
}

// readCSV reads every record of data, within the session's time limit.
func (s *Session) readCSV(data []byte) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.ReuseRecord = false
	var records [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return records, nil
		}
		if err != nil {
			return nil, err
		}
		records = append(records, rec)
		if len(records)%1024 == 0 && s.conn.GetInterrupt().Err() != nil {
			return nil, sqlite3.INTERRUPT
		}
	}
}

// insertCSV creates the table and inserts the records.
func (s *Session) insertCSV(table string, header, types []string, body [][]string) error {
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = quoteIdent(strings.TrimSpace(h)) + " " + types[i]
	}
	if err := s.conn.Exec("CREATE TABLE " + quoteIdent(table) + " (" + strings.Join(cols, ", ") + ")"); err != nil {
		return err
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(header)), ", ")
	stmt, _, err := s.conn.Prepare("INSERT INTO " + quoteIdent(table) + " VALUES (" + marks + ")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for n, rec := range body {
		if n%256 == 0 {
			if s.conn.GetInterrupt().Err() != nil {
				return sqlite3.INTERRUPT
			}
		}
		for i, field := range rec {
			if err := bindValue(stmt, i+1, csvValue(field, types[i])); err != nil {
				return err
			}
		}
		if err := stmt.Exec(); err != nil {
			return fmt.Errorf("line %d: %w", n+2, err)
		}
	}
	return nil
}

// inferTypes returns the narrowest SQLite type of each of n columns.
func inferTypes(n int, body [][]string) []string {
	types := make([]string, n)
	for i := range types {
		types[i] = "INTEGER"
		for _, rec := range body {
			f := strings.TrimSpace(rec[i])
			switch {
			case f == "":
			case types[i] == "INTEGER" && isInt(f):
			case types[i] != "TEXT" && isReal(f):
				types[i] = "REAL"
			default:
				types[i] = "TEXT"
			}
		}
	}
	return types
}

func isInt(s string) bool  { _, err := strconv.ParseInt(s, 10, 64); return err == nil }
func isReal(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }

// csvValue converts a field to the column's type; empty is NULL.
func csvValue(field, typ string) any {
	f := strings.TrimSpace(field)
	switch {
	case f == "":
		return nil
	case typ == "INTEGER":
		n, _ := strconv.ParseInt(f, 10, 64)
		return n
	case typ == "REAL":
		r, _ := strconv.ParseFloat(f, 64)
		return r
	}
	return field
}

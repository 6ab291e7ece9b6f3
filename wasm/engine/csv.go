package engine

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ImportCSV creates table from CSV data whose first record names the
// columns, and returns how many rows it inserted. Each column gets the
// narrowest type all its values fit: INTEGER, then REAL, else TEXT; an
// empty field is NULL. The table must not exist; on error nothing changes.
func (s *Session) ImportCSV(table string, data []byte) (rows int, err error) {
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", table, err)
	}
	if len(records) == 0 {
		return 0, fmt.Errorf("import %s: %w", table, errors.New("no header line"))
	}
	header, body := records[0], records[1:]
	types := inferTypes(len(header), body)
	if err := s.conn.Exec("SAVEPOINT import_csv"); err != nil {
		return 0, fmt.Errorf("import %s: %w", table, err)
	}
	if err := s.insertCSV(table, header, types, body); err != nil {
		s.conn.Exec("ROLLBACK TO import_csv; RELEASE import_csv")
		return 0, fmt.Errorf("import %s: %s", table, message(err))
	}
	if err := s.conn.Exec("RELEASE import_csv"); err != nil {
		return 0, fmt.Errorf("import %s: %w", table, err)
	}
	return len(body), nil
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

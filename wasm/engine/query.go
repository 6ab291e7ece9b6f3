package engine

// query runs one internal statement (not the reader's) and returns all its
// rows; internal statements need no limits or error positions.
func (s *Session) query(sql string, args ...any) ([]Row, error) {
	stmt, _, err := s.conn.Prepare(sql)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	if err := bindArgs(stmt, args); err != nil {
		return nil, err
	}
	var rows []Row
	for stmt.Step() {
		rows = append(rows, readRow(stmt, stmt.ColumnCount()))
	}
	return rows, stmt.Err()
}

// text returns v as a string: "" for NULL.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// integer returns v as an int64: 0 for anything but an integer.
func integer(v any) int64 {
	if n, ok := v.(int64); ok {
		return n
	}
	return 0
}

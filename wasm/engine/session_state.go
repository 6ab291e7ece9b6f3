package engine

import "time"

// SetTimeLimit changes how long one statement of this session may run
// from now on; d <= 0 restores DefaultTimeLimit. A page gives its lesson's
// own cells a generous limit and the reader's experiments the default, on
// one database.
func (s *Session) SetTimeLimit(d time.Duration) {
	if d <= 0 {
		d = DefaultTimeLimit
	}
	s.opts.TimeLimit = d
}

// InTransaction reports whether a transaction is open on the session's
// database: a copy taken now (Serialize) would not carry it.
//
// https://sqlite.org/c3ref/get_autocommit.html
func (s *Session) InTransaction() bool {
	return s.conn != nil && !s.conn.GetAutocommit() // a closed session has none
}

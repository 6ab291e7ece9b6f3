package engine

import "github.com/ncruces/go-sqlite3"

// maxCached bounds the prepared statements a session keeps for reuse.
const maxCached = 64

// cached is a prepared statement kept for the script text it was
// prepared from, and how many bytes of that text followed it.
type cached struct {
	stmt *sqlite3.Stmt
	tail int
}

// prepare compiles the first statement of text, or reuses the statement
// compiled from the same text before: a page or program that runs the
// same SQL again and again (a lookup, an insert with parameters) skips
// SQLite's parser. A reused statement has been reset; its old bindings are
// cleared here. SQLite re-prepares a kept statement by itself when the
// schema has changed since.
func (s *Session) prepare(text string) (stmt *sqlite3.Stmt, tail string, err error) {
	if c, ok := s.cache[text]; ok {
		if c.stmt.BindCount() > 0 {
			if err := c.stmt.ClearBindings(); err != nil {
				return nil, "", err
			}
		}
		return c.stmt, text[len(text)-c.tail:], nil
	}
	stmt, tail, err = s.conn.Prepare(text)
	if err != nil || stmt == nil {
		return stmt, tail, err
	}
	if len(s.cache) >= maxCached {
		s.clearCache()
	}
	if s.cache == nil {
		s.cache = map[string]cached{}
	}
	s.cache[text] = cached{stmt: stmt, tail: len(tail)}
	return stmt, tail, nil
}

// forget closes the statement kept for text, after it failed.
func (s *Session) forget(text string) {
	if c, ok := s.cache[text]; ok {
		closeStmt(c.stmt)
		delete(s.cache, text)
	}
}

// clearCache closes every kept statement: before the database is closed
// or replaced, and when the cache is full.
func (s *Session) clearCache() {
	for _, c := range s.cache {
		closeStmt(c.stmt)
	}
	clear(s.cache)
}

// closeStmt frees stmt. Close reports the statement's last error, which
// its run has reported already; after SQLITE_NOMEM go-sqlite3 panics with
// it, once SQLite has freed the statement.
func closeStmt(stmt *sqlite3.Stmt) {
	defer func() { _ = recover() }()
	stmt.Close()
}

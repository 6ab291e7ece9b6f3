package runner

import (
	"errors"
	"sync"

	"gorm.io/gorm"
)

// recorder keeps every statement GORM runs, in the order they run. It
// hooks GORM's callbacks right after each statement executes: GORM's
// logger hears of a statement only when its whole call returns, after
// the statements that call nests (a create's associations, a query's
// preloads), which would list a parent after its children.
type recorder struct {
	mu  sync.Mutex
	res *Result
}

// register adds the recorder to db's create, query, update, delete, row
// and raw callback chains.
func (r *recorder) register(db *gorm.DB) error {
	const name = "dbtour:record"
	cb := db.Callback()
	rows := func(db *gorm.DB) int64 { return db.Statement.RowsAffected }
	unknown := func(*gorm.DB) int64 { return -1 } // Row leaves scanning to its caller
	return errors.Join(
		cb.Create().After("gorm:create").Before("gorm:save_after_associations").Register(name, r.record(rows)),
		cb.Query().After("gorm:query").Before("gorm:preload").Register(name, r.record(rows)),
		cb.Update().After("gorm:update").Before("gorm:save_after_associations").Register(name, r.record(rows)),
		cb.Delete().After("gorm:delete").Register(name, r.record(rows)),
		cb.Row().After("gorm:row").Register(name, r.record(unknown)),
		cb.Raw().After("gorm:raw").Register(name, r.record(rows)),
	)
}

// record returns a callback that records the statement db just ran, with
// its values written in, rows from count, and its error.
func (r *recorder) record(count func(*gorm.DB) int64) func(*gorm.DB) {
	return func(db *gorm.DB) {
		if db.Statement.SQL.Len() == 0 {
			return // the call failed before it had SQL to run
		}
		st := Statement{SQL: db.Dialector.Explain(db.Statement.SQL.String(), db.Statement.Vars...), Rows: count(db)}
		if db.Error != nil {
			st.Error = db.Error.Error()
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		r.res.Statements = append(r.res.Statements, st)
	}
}

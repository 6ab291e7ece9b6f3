package engine

import (
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// bindArgs binds args to a statement that has parameters: by name when
// args is one Named, else by position.
func bindArgs(stmt *sqlite3.Stmt, args []any) error {
	n := stmt.BindCount()
	if len(args) == 0 || n == 0 {
		return nil
	}
	if named, ok := args[0].(Named); ok && len(args) == 1 {
		return bindNamed(stmt, named)
	}
	if n != len(args) {
		return fmt.Errorf("statement has %d parameters, got %d values", n, len(args))
	}
	for i, a := range args {
		if err := bindValue(stmt, i+1, a); err != nil {
			return fmt.Errorf("parameter %d: %w", i+1, err)
		}
	}
	return nil
}

// bindNamed binds every parameter of stmt from named; each must be given.
func bindNamed(stmt *sqlite3.Stmt, named Named) error {
	for i := 1; i <= stmt.BindCount(); i++ {
		name := stmt.BindName(i)
		if name == "" {
			return fmt.Errorf("parameter %d has no name: pass values by position", i)
		}
		v, ok := named[name]
		if !ok {
			v, ok = named[name[1:]]
		}
		if !ok {
			return fmt.Errorf("no value for parameter %s", name)
		}
		if err := bindValue(stmt, i, v); err != nil {
			return fmt.Errorf("parameter %s: %w", name, err)
		}
	}
	return nil
}

// bindValue binds one Go value with the SQLite type that matches it.
func bindValue(stmt *sqlite3.Stmt, i int, v any) error {
	switch v := v.(type) {
	case nil:
		return stmt.BindNull(i)
	case int64:
		return stmt.BindInt64(i, v)
	case int:
		return stmt.BindInt64(i, int64(v))
	case float64:
		return stmt.BindFloat(i, v)
	case bool:
		return stmt.BindBool(i, v)
	case string:
		return stmt.BindText(i, v)
	case []byte:
		return stmt.BindBlob(i, v)
	default:
		return fmt.Errorf("cannot bind a value of type %T", v)
	}
}

// Package symbols is the interpreter's view of the compiled packages a
// reader's edited program may import: a minimal table made by yaegi
// extract (go generate), rather than yaegi's whole standard library, so
// that the engine carries only what the course's programs use. The file
// for github.com/ncruces/go-sqlite3 was extracted the same way and then
// cut by hand to its error types and constants.
package symbols

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols context database/sql errors fmt io io/fs strings strconv time encoding/csv crypto/rand gorm.io/gorm gorm.io/gorm/clause gorm.io/gorm/logger

import (
	"database/sql"
	"reflect"
	"time"
)

// Symbols maps "path/name" to the package's exported names, as yaegi's
// Interpreter.Use takes them.
var Symbols = map[string]map[string]reflect.Value{}

// NullTypes are the instances of the generic sql.Null[T] an interpreted
// program may use: the interpreter cannot instantiate a compiled generic
// type, so the runner rewrites sql.Null[T] to sql.Null_T, one of these.
var NullTypes = map[string]reflect.Value{
	"Null_string":  reflect.ValueOf((*sql.Null[string])(nil)),
	"Null_int":     reflect.ValueOf((*sql.Null[int])(nil)),
	"Null_int64":   reflect.ValueOf((*sql.Null[int64])(nil)),
	"Null_float64": reflect.ValueOf((*sql.Null[float64])(nil)),
	"Null_bool":    reflect.ValueOf((*sql.Null[bool])(nil)),
	"Null_Time":    reflect.ValueOf((*sql.Null[time.Time])(nil)),
}

func init() {
	for name, v := range NullTypes {
		Symbols["database/sql/sql"][name] = v
	}
}

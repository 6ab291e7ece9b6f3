package programs

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"unicode"
)

// all is every example program, registered by its function (see register
// for how its name and source file follow).
var all = register(
	addCustomer,
	batchTiming,
	beginOnPool,
	busyWait,
	connPragmas,
	findCustomer,
	gormAuthors,
	gormBasics,
	gormCreate,
	gormDelete,
	gormErrors,
	gormJoins,
	gormMigrate,
	gormNPlusOne,
	gormPreload,
	gormQuery,
	gormSoftDelete,
	gormUpdate,
	login,
	lostUpdate,
	memoryPool,
	migrate,
	ordersReport,
	poolStats,
	preparedInsert,
	queryRow,
	queryTimeout,
	sortUsers,
	sqlBasics,
	timeRoundtrip,
	transfer,
	twoConnections,
)

// entry is a registered program: the name of its function and the
// program made of it.
type entry struct {
	fn  string
	run Program
}

// register makes the registry of fns, the programs' functions. A
// program's name, which a lesson's ```go orm=NAME cell uses, is its
// function's name in kebab case (gormNPlusOne: gorm-n-plus-one), and its
// source file is that name in snake case (gorm_n_plus_one.go), so each is
// spelled once, as the function. A function of neither shape (see Of) is
// a mistake in this package, and stops start-up.
func register(fns ...any) map[string]entry {
	reg := map[string]entry{}
	for _, f := range fns {
		full := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
		fn := full[strings.LastIndex(full, ".")+1:]
		run, ok := Of(f)
		if !ok {
			panic(fmt.Sprintf("programs: %s has neither program shape", fn))
		}
		reg[strings.Join(words(fn), "-")] = entry{fn: fn, run: run}
	}
	return reg
}

// words splits a Go identifier into its lower-cased words, at each
// capital: gormNPlusOne is gorm, n, plus, one.
func words(ident string) []string {
	var out []string
	start := 0
	for i, r := range ident {
		if unicode.IsUpper(r) && i > start {
			out = append(out, strings.ToLower(ident[start:i]))
			start = i
		}
	}
	return append(out, strings.ToLower(ident[start:]))
}

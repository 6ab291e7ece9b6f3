package programs

import "reflect"

// Symbols are this package's own names (models, helpers, the programs
// themselves) for the interpreter that runs a reader's edited program
// (package wasm/runner): an edited file still sees the rest of the
// package compiled, as the compiled file does. Types are given as nil
// pointers, the interpreter's convention; a test keeps the map complete.
var Symbols = map[string]reflect.Value{
	// types
	"Album":    reflect.ValueOf((*Album)(nil)),
	"Author":   reflect.ValueOf((*Author)(nil)),
	"Book":     reflect.ValueOf((*Book)(nil)),
	"Customer": reflect.ValueOf((*Customer)(nil)),
	"Inputs":   reflect.ValueOf((*Inputs)(nil)),
	"Member":   reflect.ValueOf((*Member)(nil)),
	"Order":    reflect.ValueOf((*Order)(nil)),
	"OrderRow": reflect.ValueOf((*OrderRow)(nil)),
	"Playlist": reflect.ValueOf((*Playlist)(nil)),
	"client":   reflect.ValueOf((*client)(nil)),

	// variables
	"migrationFiles": reflect.ValueOf(&migrationFiles).Elem(),
	"userOrders":     reflect.ValueOf(&userOrders).Elem(),

	// functions
	"addCustomer":     reflect.ValueOf(addCustomer),
	"addTo":           reflect.ValueOf(addTo),
	"applyMigrations": reflect.ValueOf(applyMigrations),
	"applyOne":        reflect.ValueOf(applyOne),
	"batchTiming":     reflect.ValueOf(batchTiming),
	"beginOnPool":     reflect.ValueOf(beginOnPool),
	"busyWait":        reflect.ValueOf(busyWait),
	"connPair":        reflect.ValueOf(connPair),
	"connPragmas":     reflect.ValueOf(connPragmas),
	"countAudit":      reflect.ValueOf(countAudit),
	"creditAndDebit":  reflect.ValueOf(creditAndDebit),
	"customerName":    reflect.ValueOf(customerName),
	"findCustomer":    reflect.ValueOf(findCustomer),
	"gormAuthors":     reflect.ValueOf(gormAuthors),
	"gormBasics":      reflect.ValueOf(gormBasics),
	"gormCreate":      reflect.ValueOf(gormCreate),
	"gormDelete":      reflect.ValueOf(gormDelete),
	"gormErrors":      reflect.ValueOf(gormErrors),
	"gormJoins":       reflect.ValueOf(gormJoins),
	"gormMigrate":     reflect.ValueOf(gormMigrate),
	"gormNPlusOne":    reflect.ValueOf(gormNPlusOne),
	"gormPreload":     reflect.ValueOf(gormPreload),
	"gormQuery":       reflect.ValueOf(gormQuery),
	"gormSoftDelete":  reflect.ValueOf(gormSoftDelete),
	"gormUpdate":      reflect.ValueOf(gormUpdate),
	"impatientConn":   reflect.ValueOf(impatientConn),
	"inTx":            reflect.ValueOf(inTx),
	"insertCustomer":  reflect.ValueOf(insertCustomer),
	"loadOrders":      reflect.ValueOf(loadOrders),
	"login":           reflect.ValueOf(login),
	"lostUpdate":      reflect.ValueOf(lostUpdate),
	"memdbDSN":        reflect.ValueOf(memdbDSN),
	"memoryPool":      reflect.ValueOf(memoryPool),
	"migrate":         reflect.ValueOf(migrate),
	"ordersReport":    reflect.ValueOf(ordersReport),
	"poolStats":       reflect.ValueOf(poolStats),
	"preparedInsert":  reflect.ValueOf(preparedInsert),
	"printBalances":   reflect.ValueOf(printBalances),
	"queryRow":        reflect.ValueOf(queryRow),
	"queryTimeout":    reflect.ValueOf(queryTimeout),
	"showTimeouts":    reflect.ValueOf(showTimeouts),
	"sortUsers":       reflect.ValueOf(sortUsers),
	"sqlBasics":       reflect.ValueOf(sqlBasics),
	"timeRoundtrip":   reflect.ValueOf(timeRoundtrip),
	"transfer":        reflect.ValueOf(transfer),
	"tryBegin":        reflect.ValueOf(tryBegin),
	"tryLogin":        reflect.ValueOf(tryLogin),
	"twoAtOnce":       reflect.ValueOf(twoAtOnce),
	"twoConnections":  reflect.ValueOf(twoConnections),
	"writeCSV":        reflect.ValueOf(writeCSV),
}

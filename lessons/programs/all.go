package programs

// all is every example program by the name a lesson's ```go orm=NAME
// cell uses.
var all = map[string]Program{
	"gorm-basics": {File: "gorm_basics.go", GORM: gormBasics},
	"sql-basics":  {File: "sql_basics.go", SQL: sqlBasics},
}

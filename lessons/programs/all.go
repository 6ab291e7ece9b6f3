package programs

// all is every example program by the name a lesson's ```go orm=NAME
// cell uses.
var all = map[string]Program{
	"gorm-basics": {File: "gorm_basics.go", GORM: gormBasics},
	"login":       {File: "login.go", SQL: login},
	"sort-users":  {File: "sort_users.go", SQL: sortUsers},
	"sql-basics":  {File: "sql_basics.go", SQL: sqlBasics},
}

package programs

// all is every example program by the name a lesson's ```go orm=NAME
// cell uses.
var all = map[string]Program{
	"add-customer":  {File: "add_customer.go", SQL: addCustomer},
	"find-customer": {File: "find_customer.go", SQL: findCustomer},
	"gorm-errors":   {File: "gorm_errors.go", GORM: gormErrors},
	"gorm-basics":   {File: "gorm_basics.go", GORM: gormBasics},
	"login":         {File: "login.go", SQL: login},
	"sort-users":    {File: "sort_users.go", SQL: sortUsers},
	"sql-basics":    {File: "sql_basics.go", SQL: sqlBasics},
}

package programs

// all is every example program by the name a lesson's ```go orm=NAME
// cell uses.
var all = map[string]Program{
	"add-customer":     {File: "add_customer.go", SQL: addCustomer},
	"batch-timing":     {File: "batch_timing.go", SQL: batchTiming},
	"find-customer":    {File: "find_customer.go", SQL: findCustomer},
	"gorm-authors":     {File: "gorm_authors.go", GORM: gormAuthors},
	"gorm-basics":      {File: "gorm_basics.go", GORM: gormBasics},
	"gorm-create":      {File: "gorm_create.go", GORM: gormCreate},
	"gorm-delete":      {File: "gorm_delete.go", GORM: gormDelete},
	"gorm-errors":      {File: "gorm_errors.go", GORM: gormErrors},
	"gorm-joins":       {File: "gorm_joins.go", GORM: gormJoins},
	"gorm-migrate":     {File: "gorm_migrate.go", GORM: gormMigrate},
	"gorm-n-plus-one":  {File: "gorm_n_plus_one.go", GORM: gormNPlusOne},
	"gorm-preload":     {File: "gorm_preload.go", GORM: gormPreload},
	"gorm-query":       {File: "gorm_query.go", GORM: gormQuery},
	"gorm-soft-delete": {File: "gorm_soft_delete.go", GORM: gormSoftDelete},
	"gorm-update":      {File: "gorm_update.go", GORM: gormUpdate},
	"login":            {File: "login.go", SQL: login},
	"pool-stats":       {File: "pool_stats.go", SQL: poolStats},
	"prepared-insert":  {File: "prepared_insert.go", SQL: preparedInsert},
	"query-row":        {File: "query_row.go", SQL: queryRow},
	"query-timeout":    {File: "query_timeout.go", SQL: queryTimeout},
	"sort-users":       {File: "sort_users.go", SQL: sortUsers},
	"sql-basics":       {File: "sql_basics.go", SQL: sqlBasics},
	"transfer":         {File: "transfer.go", SQL: transferProgram},
}

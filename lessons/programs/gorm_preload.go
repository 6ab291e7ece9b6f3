package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormPreload lists every author with their books in two queries,
// however many authors there are.
func gormPreload(db *gorm.DB, in Inputs, out io.Writer) error {
	// Preload("Books") runs a second query for the books of all the
	// authors the first one found, and sorts them into each Books.
	var authors []Author
	err := db.Preload("Books", func(q *gorm.DB) *gorm.DB { return q.Order("year") }).
		Order("id").Find(&authors).Error
	if err != nil {
		return err
	}

	for _, a := range authors {
		fmt.Fprintf(out, "%s: %d book(s)\n", a.Name, len(a.Books))
	}
	return nil
}

package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormNPlusOne lists every author with their books the slow way: one
// query for the authors, then one more query for each author's books.
func gormNPlusOne(db *gorm.DB, in Inputs, out io.Writer) error {
	var authors []Author
	if err := db.Order("id").Find(&authors).Error; err != nil {
		return err
	}

	for i := range authors {
		// One query per author: with N authors, N more queries.
		err := db.Where("author_id = ?", authors[i].ID).Order("year").
			Find(&authors[i].Books).Error
		if err != nil {
			return err
		}
	}

	for _, a := range authors {
		fmt.Fprintf(out, "%s: %d book(s)\n", a.Name, len(a.Books))
	}
	return nil
}

package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormJoins lists every book with its author in a single query: a book
// belongs to one author, so a join adds one author to each book's row.
func gormJoins(db *gorm.DB, in Inputs, out io.Writer) error {
	var books []Book
	err := db.Joins("Author").Order("books.year").Find(&books).Error
	if err != nil {
		return err
	}

	for _, b := range books {
		fmt.Fprintf(out, "%d  %s, by %s\n", b.Year, b.Title, b.Author.Name)
	}
	return nil
}

package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// Author has many books: GORM links them through Book.AuthorID.
type Author struct {
	ID    uint
	Name  string `gorm:"not null"`
	Books []Book
}

// Book belongs to an author: AuthorID holds the key, and Author can hold
// the author's row when a query loads it.
type Book struct {
	ID       uint
	Title    string `gorm:"not null"`
	Year     int
	AuthorID uint
	Author   *Author
}

// gormAuthors creates the tables and saves the first n authors of a
// small shelf together with their books.
func gormAuthors(db *gorm.DB, in Inputs, out io.Writer) error {
	n, err := in.Int("authors")
	if err != nil {
		return err
	}
	// The authors to save: a new slice on every run, since Create
	// writes the IDs SQLite chose into it.
	shelf := []Author{
		{Name: "Ursula K. Le Guin", Books: []Book{{Title: "A Wizard of Earthsea", Year: 1968}, {Title: "The Dispossessed", Year: 1974}}},
		{Name: "Chinua Achebe", Books: []Book{{Title: "Things Fall Apart", Year: 1958}}},
		{Name: "Toni Morrison", Books: []Book{{Title: "Song of Solomon", Year: 1977}, {Title: "Beloved", Year: 1987}}},
		{Name: "Wisława Szymborska"}, // a poet with no book on this shelf
		{Name: "Italo Calvino", Books: []Book{{Title: "Invisible Cities", Year: 1972}}},
		{Name: "Octavia E. Butler", Books: []Book{{Title: "Kindred", Year: 1979}, {Title: "Parable of the Sower", Year: 1993}}},
		{Name: "Kazuo Ishiguro", Books: []Book{{Title: "The Remains of the Day", Year: 1989}}},
		{Name: "Jorge Luis Borges", Books: []Book{{Title: "Ficciones", Year: 1944}}},
	}
	if n < 1 || n > len(shelf) {
		return fmt.Errorf("authors: choose 1 to %d", len(shelf))
	}

	// books gets a foreign key to authors, from the AuthorID field.
	if err := db.AutoMigrate(&Author{}, &Book{}); err != nil {
		return err
	}

	// Creating the authors saves their books too: GORM inserts the
	// authors, learns their IDs, sets each book's AuthorID and inserts
	// the books.
	authors := shelf[:n]
	if err := db.Create(&authors).Error; err != nil {
		return err
	}
	for _, a := range authors {
		fmt.Fprintf(out, "author %d, %s: %d book(s)\n", a.ID, a.Name, len(a.Books))
	}
	return nil
}

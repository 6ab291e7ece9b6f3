package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormCreate inserts albums: one from the inputs, then several at once.
func gormCreate(db *gorm.DB, in Inputs, out io.Writer) error {
	year, err := in.Int("year")
	if err != nil {
		return err
	}

	// Create takes a pointer, and fills in the ID SQLite chose.
	a := Album{Title: in["title"], Artist: in["artist"], ReleaseYear: year}
	if err := db.Create(&a).Error; err != nil {
		return fmt.Errorf("create %s: %w", a.Title, err)
	}
	fmt.Fprintf(out, "created album %d: %s, price %d\n", a.ID, a.Title, a.PriceCents)

	// A slice becomes one INSERT with a row per element.
	more := []Album{
		{Title: "Kind of Blue", Artist: "Miles Davis", ReleaseYear: 1959, PriceCents: 1299},
		{Title: "Blue Train", Artist: "John Coltrane", ReleaseYear: 1958, PriceCents: 1199},
		{Title: "Rumours", Artist: "Fleetwood Mac", ReleaseYear: 1977, PriceCents: 1499},
		{Title: "Tapestry", Artist: "Carole King", ReleaseYear: 1971, PriceCents: 1099},
	}
	res := db.Create(&more)
	if res.Error != nil {
		return fmt.Errorf("create albums: %w", res.Error)
	}
	fmt.Fprintf(out, "created %d more, with IDs", res.RowsAffected)
	for _, m := range more {
		fmt.Fprintf(out, " %d", m.ID)
	}
	fmt.Fprintln(out)
	return nil
}

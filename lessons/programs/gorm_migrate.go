package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// Album is a model: a struct GORM maps to a table. By convention the
// table is the plural of the type's name in snake case (albums), each
// field a column in snake case (ReleaseYear -> release_year), and a
// field called ID the primary key. Tags in `gorm:"..."` change the rest.
type Album struct {
	ID          uint
	Title       string `gorm:"not null"`
	Artist      string `gorm:"not null;index"`
	ReleaseYear int
	PriceCents  int    `gorm:"column:price;not null;default:999"`
	Notes       string `gorm:"-"` // not stored: no column at all
}

// gormMigrate creates the albums table from the Album struct.
func gormMigrate(db *gorm.DB, in Inputs, out io.Writer) error {
	// AutoMigrate compares the struct with the table and creates what is
	// missing: the table, then its index.
	if err := db.AutoMigrate(&Album{}); err != nil {
		return fmt.Errorf("migrate albums: %w", err)
	}
	fmt.Fprintln(out, "albums table ready")
	return nil
}

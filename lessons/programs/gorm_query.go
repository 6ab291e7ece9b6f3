package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormQuery reads albums back: one by primary key, one by a condition,
// and a list with Where, Order and Find.
func gormQuery(db *gorm.DB, in Inputs, out io.Writer) error {
	year, err := in.Int("year")
	if err != nil {
		return err
	}

	// First with a number looks the primary key up.
	var one Album
	if err := db.First(&one, 2).Error; err != nil {
		return fmt.Errorf("album 2: %w", err)
	}
	fmt.Fprintf(out, "album 2: %s by %s\n", one.Title, one.Artist)

	// First with a condition: the ? is a bound parameter.
	var bySomeone Album
	if err := db.First(&bySomeone, "artist = ?", "Carole King").Error; err != nil {
		return fmt.Errorf("Carole King: %w", err)
	}
	fmt.Fprintf(out, "by Carole King: %s\n", bySomeone.Title)

	// Find fills a slice with every row that matches.
	var older []Album
	err = db.Where("release_year < ?", year).Order("release_year").Find(&older).Error
	if err != nil {
		return fmt.Errorf("albums before %d: %w", year, err)
	}
	fmt.Fprintf(out, "%d album(s) released before %d:\n", len(older), year)
	for _, a := range older {
		fmt.Fprintf(out, "  %d  %s\n", a.ReleaseYear, a.Title)
	}
	return nil
}

package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormUpdate changes albums with Update, Updates and a bulk Update, and
// shows the one trap: Updates with a struct skips zero values.
func gormUpdate(db *gorm.DB, in Inputs, out io.Writer) error {
	var a Album
	if err := db.First(&a, "title = ?", "Rumours").Error; err != nil {
		return err
	}

	// Update sets one column of the model's row (found by its ID).
	if err := db.Model(&a).Update("price", 1299).Error; err != nil {
		return err
	}

	// Updates with a struct sets its non-zero fields only: the 0 here
	// is taken as "not set", so the price is left alone.
	err := db.Model(&a).Updates(Album{Artist: "Fleetwood Mac (UK)", PriceCents: 0}).Error
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "after Updates with a struct: %s, price %d\n", a.Artist, a.PriceCents)

	// A map sets every key it has, zero values included.
	if err := db.Model(&a).Updates(map[string]any{"price": 0}).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "after Updates with a map: price %d\n", a.PriceCents)

	// Where + Update changes every matching row in one statement.
	res := db.Model(&Album{}).Where("release_year < ?", 1970).
		Update("price", gorm.Expr("price - 200"))
	if res.Error != nil {
		return res.Error
	}
	fmt.Fprintf(out, "discounted %d album(s) from the 1950s and 60s\n", res.RowsAffected)
	return nil
}

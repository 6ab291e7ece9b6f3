package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// Playlist embeds gorm.Model, which adds four fields: ID, CreatedAt,
// UpdatedAt, which GORM fills in, and DeletedAt, which turns on soft
// delete.
type Playlist struct {
	gorm.Model
	Name string `gorm:"not null"`
}

// gormSoftDelete deletes a playlist softly: the row stays, marked with
// the time of its deletion, and ordinary queries stop seeing it.
func gormSoftDelete(db *gorm.DB, in Inputs, out io.Writer) error {
	if err := db.AutoMigrate(&Playlist{}); err != nil {
		return err
	}
	lists := []Playlist{{Name: "Morning"}, {Name: "Workout"}, {Name: in["name"]}}
	if err := db.Create(&lists).Error; err != nil {
		return err
	}

	// Delete only sets deleted_at.
	if err := db.Delete(&lists[1]).Error; err != nil {
		return err
	}

	// Every query adds "deleted_at IS NULL" by itself.
	var visible []Playlist
	if err := db.Order("id").Find(&visible).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "Find sees %d playlists\n", len(visible))

	// Unscoped lifts that filter, for this query only.
	var all []Playlist
	if err := db.Unscoped().Order("id").Find(&all).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "Unscoped().Find sees %d\n", len(all))

	// Unscoped().Delete removes a row for good.
	res := db.Unscoped().Delete(&lists[0])
	fmt.Fprintf(out, "deleted %q for good: %d row(s)\n", lists[0].Name, res.RowsAffected)
	return res.Error
}

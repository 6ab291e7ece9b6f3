package programs

import (
	"fmt"
	"io"

	"gorm.io/gorm"
)

// Member is one row of the members table. GORM derives the table name
// from the type (Member -> members) and a column from each field
// (JoinedYear -> joined_year); ID becomes the primary key.
type Member struct {
	ID         uint
	Name       string `gorm:"not null;unique"`
	JoinedYear int
}

// gormBasics creates, reads, updates and deletes members through GORM.
func gormBasics(db *gorm.DB, in Inputs, out io.Writer) error {
	// Create the table if it is missing, from the struct.
	if err := db.AutoMigrate(&Member{}); err != nil {
		return err
	}

	year, err := in.Int("year")
	if err != nil {
		return err
	}
	m := Member{Name: in["name"], JoinedYear: year}
	if err := db.Create(&m).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "created member %d: %s\n", m.ID, m.Name)

	var first Member
	if err := db.First(&first, m.ID).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "read back: %+v\n", first)

	// Every GORM call returns the *gorm.DB; its Error field says whether
	// the SQL failed.
	var recent []Member
	if err := db.Where("joined_year >= ?", year).Order("name").Find(&recent).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "%d member(s) joined in %d or later\n", len(recent), year)

	if err := db.Model(&first).Update("joined_year", year-1).Error; err != nil {
		return err
	}
	fmt.Fprintf(out, "updated: %+v\n", first)

	result := db.Where("joined_year < ?", 1900).Delete(&Member{})
	if result.Error != nil {
		return result.Error
	}
	fmt.Fprintf(out, "deleted %d member(s) who joined before 1900\n", result.RowsAffected)
	return nil
}

package programs

import (
	"errors"
	"fmt"
	"io"

	"gorm.io/gorm"
)

// gormDelete removes albums, and shows that GORM refuses a Delete with
// no condition at all.
func gormDelete(db *gorm.DB, in Inputs, out io.Writer) error {
	// Delete by primary key.
	res := db.Delete(&Album{}, 1)
	if res.Error != nil {
		return res.Error
	}
	fmt.Fprintf(out, "deleted album 1: %d row(s)\n", res.RowsAffected)

	// Delete every row that matches a condition.
	res = db.Where("artist = ?", in["artist"]).Delete(&Album{})
	if res.Error != nil {
		return res.Error
	}
	fmt.Fprintf(out, "deleted albums by %s: %d row(s)\n", in["artist"], res.RowsAffected)

	// No condition: GORM stops before sending any SQL, so that an empty
	// filter cannot wipe the table. (db.Where("1 = 1") would allow it.)
	err := db.Delete(&Album{}).Error
	if errors.Is(err, gorm.ErrMissingWhereClause) {
		fmt.Fprintf(out, "delete everything: %v\n", err)
	} else if err != nil {
		return err
	}
	return nil
}

package programs

import (
	"errors"
	"fmt"
	"io"

	"gorm.io/gorm"
)

// Customer is a row of the customers table this page made.
type Customer struct {
	ID    int
	Email string
	Name  string
}

// Order is a row of the orders table; CustomerID must name a customer.
type Order struct {
	ID         int
	CustomerID int
	Quantity   int
}

// gormErrors meets GORM's sentinel errors and tests for them with
// errors.Is. Its db was opened with gorm.Config{TranslateError: true}.
func gormErrors(db *gorm.DB, in Inputs, out io.Writer) error {
	// First wants exactly one row, so none is an error.
	var c Customer
	err := db.First(&c, "email = ?", in["email"]).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		fmt.Fprintf(out, "First: %v\n", err)
	case err != nil:
		return err
	default:
		fmt.Fprintf(out, "First: found %s\n", c.Name)
	}

	// Find fills a slice, and an empty slice is no error.
	var all []Customer
	res := db.Where("email = ?", in["email"]).Find(&all)
	if res.Error != nil {
		return res.Error
	}
	fmt.Fprintf(out, "Find: %d customer(s), error %v\n", res.RowsAffected, res.Error)

	// TranslateError turns a UNIQUE violation into gorm.ErrDuplicatedKey
	// and a FOREIGN KEY violation into gorm.ErrForeignKeyViolated.
	err = db.Create(&Customer{Email: "ana@example.com", Name: "Ana again"}).Error
	switch {
	case errors.Is(err, gorm.ErrDuplicatedKey):
		fmt.Fprintf(out, "Create customer: %v: that email is taken\n", err)
	case err != nil:
		return err
	}
	err = db.Create(&Order{CustomerID: 99, Quantity: 1}).Error
	switch {
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		fmt.Fprintf(out, "Create order: %v: no customer 99\n", err)
	case err != nil:
		return err
	}
	return nil
}

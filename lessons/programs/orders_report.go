package programs

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// OrderRow is one row of the orders table, as the report reads it.
type OrderRow struct {
	ID       int
	Customer string
	Total    int // in cents
}

// ordersReport fills an orders table, reads it into a slice of structs,
// writes the slice out as CSV, and totals each customer's orders twice:
// in Go over the slice, and in SQL with group by.
func ordersReport(ctx context.Context, db *sql.DB, _ Inputs, out io.Writer) error {
	if _, err := db.ExecContext(ctx, `
		create table orders (
		  id       integer primary key,
		  customer text    not null,
		  total    integer not null
		);
		insert into orders (customer, total) values
		  ('Ana', 2598), ('Bo', 1299), ('Ana', 899), ('Cy', 1798), ('Bo', 999);`); err != nil {
		return fmt.Errorf("create orders: %w", err)
	}

	orders, err := loadOrders(ctx, db)
	if err != nil {
		return err
	}
	if err := writeCSV(out, orders); err != nil {
		return err
	}

	inGo := map[string]int{}
	for _, o := range orders {
		inGo[o.Customer] += o.Total
	}
	fmt.Fprintln(out, "\ntotals computed in Go:  ", inGo)

	inSQL := map[string]int{}
	rows, err := db.QueryContext(ctx,
		"select customer, sum(total) from orders group by customer")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var customer string
		var sum int
		if err := rows.Scan(&customer, &sum); err != nil {
			return err
		}
		inSQL[customer] = sum
	}
	fmt.Fprintln(out, "totals computed in SQL: ", inSQL)
	return rows.Err()
}

// loadOrders reads every order into a slice, one struct per row.
func loadOrders(ctx context.Context, db *sql.DB) ([]OrderRow, error) {
	rows, err := db.QueryContext(ctx, "select id, customer, total from orders order by id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orders []OrderRow
	for rows.Next() {
		var o OrderRow
		if err := rows.Scan(&o.ID, &o.Customer, &o.Total); err != nil {
			return nil, err
		}
		orders = append(orders, o)
	}
	return orders, rows.Err()
}

// writeCSV writes orders as CSV with a header row; the csv package
// quotes any field that needs it.
func writeCSV(out io.Writer, orders []OrderRow) error {
	w := csv.NewWriter(out)
	w.Write([]string{"id", "customer", "total"})
	for _, o := range orders {
		w.Write([]string{strconv.Itoa(o.ID), o.Customer, strconv.Itoa(o.Total)})
	}
	w.Flush() // Write buffers; Flush sends it, Error reports any failure
	return w.Error()
}

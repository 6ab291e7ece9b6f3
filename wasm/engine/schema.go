package engine

import (
	"context"
	"fmt"
)

// Schema describes the database's tables and views, for the schema panel
// and for autocomplete.
type Schema struct {
	Tables []Table `json:"tables"`
}

// Table is a table or a view.
type Table struct {
	Name string `json:"name"`
	// Type is "table" or "view".
	Type     string    `json:"type"`
	SQL      string    `json:"sql"`
	Columns  []Column  `json:"columns"`
	Indexes  []Index   `json:"indexes"`
	Triggers []Trigger `json:"triggers"`
	// Note says why a view could not be described (it names a table or
	// column that is gone); its columns are then empty.
	Note string `json:"note,omitempty"`
}

// Column is one column of a table or view.
type Column struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	NotNull bool   `json:"notNull"`
	// PrimaryKey is the column's position in the primary key, from 1; 0
	// when it is not part of it.
	PrimaryKey int `json:"primaryKey"`
	// Default is the default value's SQL text; "" when there is none.
	Default string `json:"default"`
	// References is the "table(column)" a foreign key points to; "" when
	// there is none.
	References string `json:"references"`
}

// Index is an index on a table, explicit or made by a UNIQUE or PRIMARY
// KEY constraint.
type Index struct {
	Name    string   `json:"name"`
	Unique  bool     `json:"unique"`
	Columns []string `json:"columns"`
	// Origin is "c" for CREATE INDEX, "u" for UNIQUE, "pk" for PRIMARY KEY.
	Origin string `json:"origin"`
}

// Trigger is a trigger on a table or view.
type Trigger struct {
	Name string `json:"name"`
	SQL  string `json:"sql"`
}

// Schema reads the main database's tables and views, in name order. A
// view that no longer works (its table was dropped) is listed with a
// note instead of failing the whole schema.
func (s *Session) Schema() (Schema, error) {
	sch := Schema{Tables: []Table{}}
	err := s.guard(context.Background(), func() error {
		rows, err := s.query(`select name, type, coalesce(sql, '') from sqlite_schema
		where type in ('table', 'view') and name not like 'sqlite\_%' escape '\' order by name`)
		if err != nil {
			return err
		}
		for _, r := range rows {
			t := Table{Name: text(r[0]), Type: text(r[1]), SQL: text(r[2])}
			if err := s.describeTable(&t); err != nil {
				if t.Type != "view" {
					return fmt.Errorf("schema of %s: %w", t.Name, err)
				}
				t.Columns, t.Indexes, t.Triggers = []Column{}, []Index{}, []Trigger{}
				t.Note = "cannot be described: " + message(err)
			}
			sch.Tables = append(sch.Tables, t)
		}
		return nil
	})
	if err != nil {
		return Schema{}, fmt.Errorf("schema: %w", err)
	}
	return sch, nil
}

// describeTable fills in t's columns, indexes and triggers.
func (s *Session) describeTable(t *Table) error {
	cols, err := s.query(`select name, type, "notnull", coalesce(dflt_value, ''), pk from pragma_table_info(?)`, t.Name)
	if err != nil {
		return err
	}
	refs, err := s.foreignKeys(t.Name)
	if err != nil {
		return err
	}
	t.Columns = []Column{}
	for _, c := range cols {
		name := text(c[0])
		t.Columns = append(t.Columns, Column{Name: name, Type: text(c[1]), NotNull: integer(c[2]) != 0,
			Default: text(c[3]), PrimaryKey: int(integer(c[4])), References: refs[name]})
	}
	if t.Indexes, err = s.indexes(t.Name); err != nil {
		return err
	}
	trigs, err := s.query(`select name, sql from sqlite_schema where type = 'trigger' and tbl_name = ? order by name`, t.Name)
	if err != nil {
		return err
	}
	t.Triggers = []Trigger{}
	for _, r := range trigs {
		t.Triggers = append(t.Triggers, Trigger{Name: text(r[0]), SQL: text(r[1])})
	}
	return nil
}

// foreignKeys maps each referencing column of table to "table(column)".
func (s *Session) foreignKeys(table string) (map[string]string, error) {
	rows, err := s.query(`select "from", "table", coalesce("to", '') from pragma_foreign_key_list(?)`, table)
	if err != nil {
		return nil, err
	}
	refs := map[string]string{}
	for _, r := range rows {
		refs[text(r[0])] = text(r[1]) + "(" + text(r[2]) + ")"
	}
	return refs, nil
}

// indexes lists the indexes of table with their columns.
func (s *Session) indexes(table string) ([]Index, error) {
	rows, err := s.query(`select name, "unique", origin from pragma_index_list(?) order by name`, table)
	if err != nil {
		return nil, err
	}
	idx := []Index{}
	for _, r := range rows {
		cols, err := s.query(`select coalesce(name, '<expression>') from pragma_index_info(?) order by seqno`, text(r[0]))
		if err != nil {
			return nil, err
		}
		ix := Index{Name: text(r[0]), Unique: integer(r[1]) != 0, Origin: text(r[2]), Columns: []string{}}
		for _, c := range cols {
			ix.Columns = append(ix.Columns, text(c[0]))
		}
		idx = append(idx, ix)
	}
	return idx, nil
}

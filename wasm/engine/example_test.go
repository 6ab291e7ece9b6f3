package engine_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dbtour/dbtour/wasm/engine"
)

func ExampleSession_Exec() {
	s, err := engine.Open(engine.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	res := s.Exec(context.Background(), `
		create table pets(name text, legs int);
		insert into pets values ('cat', 4), ('bird', 2);
		select name from pets where legs > ?;
		select nonsense;`, 3)
	for _, st := range res.Statements {
		fmt.Printf("%s -> columns %v, rows %v, changed %d\n", st.SQL, st.Columns, st.Rows, st.Changes)
	}
	fmt.Println(res.Error)
	// Output:
	// create table pets(name text, legs int); -> columns [], rows [], changed 0
	// insert into pets values ('cat', 4), ('bird', 2); -> columns [], rows [], changed 2
	// select name from pets where legs > ?; -> columns [name], rows [[cat]], changed 0
	// line 5, column 10: no such column: nonsense
}

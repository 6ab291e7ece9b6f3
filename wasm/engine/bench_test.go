package engine

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"
)

// benchSession is a session holding a 1,000-row table.
func benchSession(b *testing.B) *Session {
	b.Helper()
	s, err := Open(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	res := s.Exec(context.Background(), `create table items(id integer primary key, name text, price real, note blob);
		insert into items select value, 'item ' || value, value * 1.25, randomblob(8) from generate_series(1, 1000)`)
	if res.Error != nil {
		b.Fatal(res.Error)
	}
	return s
}

// BenchmarkExecLessonQuery is a lesson-sized query: 50 rows, four columns.
func BenchmarkExecLessonQuery(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for b.Loop() {
		if res := s.Exec(ctx, "select * from items where id <= 50"); res.Error != nil {
			b.Fatal(res.Error)
		}
	}
}

// BenchmarkExecPointLookup is the per-call cost: one primary-key lookup.
func BenchmarkExecPointLookup(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		if res := s.Exec(ctx, "select name from items where id = ?", int64(i%1000+1)); res.Error != nil {
			b.Fatal(res.Error)
		}
	}
}

// BenchmarkMarshalResult encodes 1,000 rows as the JSON that crosses into
// JavaScript.
func BenchmarkMarshalResult(b *testing.B) {
	res := benchSession(b).Exec(context.Background(), "select * from items")
	b.ResetTimer()
	for b.Loop() {
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeserialize resets a database to a snapshot.
func BenchmarkDeserialize(b *testing.B) {
	s := benchSession(b)
	snap, err := s.Serialize()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(snap)))
	for b.Loop() {
		if err := s.Deserialize(snap); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecInsertParams is one parameterized insert per call, inside
// a transaction, as a program inserting rows one by one does.
func BenchmarkExecInsertParams(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	if res := s.Exec(ctx, "create table log(id integer primary key, at integer, msg text); begin"); res.Error != nil {
		b.Fatal(res.Error)
	}
	for i := 0; b.Loop(); i++ {
		if res := s.Exec(ctx, "insert into log(at, msg) values (?, ?)", int64(i), "message"); res.Error != nil {
			b.Fatal(res.Error)
		}
	}
}

// BenchmarkAppendResultJSON is BenchmarkMarshalResult with the direct
// encoder that engine.wasm uses.
func BenchmarkAppendResultJSON(b *testing.B) {
	res := benchSession(b).Exec(context.Background(), "select * from items")
	b.ResetTimer()
	var buf []byte
	for b.Loop() {
		var err error
		if buf, err = res.AppendJSON(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLikeScan is a LIKE over every row of a 10,000-row table, as
// the browser benchmark's "20 LIKE scans" does one: the engine's own LIKE
// (see like) called once per row.
func BenchmarkLikeScan(b *testing.B) {
	s := benchSession(b)
	ctx := context.Background()
	if res := s.Exec(ctx, "insert into items(name) select 'item ' || value from generate_series(1001, 10000)"); res.Error != nil {
		b.Fatal(res.Error)
	}
	for i := 0; b.Loop(); i++ {
		if res := s.Exec(ctx, "select count(*) from items where name like ?", "%"+strconv.Itoa(i%90+10)+"%"); res.Error != nil {
			b.Fatal(res.Error)
		}
	}
}

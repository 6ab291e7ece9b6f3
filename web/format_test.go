package web

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dbtour/dbtour/internal/wiretest"
)

// TestFormatVectors holds FormatValue and Clip to testdata/format.json,
// which results.js must pass too (web/jstest/results.test.mjs).
func TestFormatVectors(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/format.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Values []struct {
			Name        string
			Value       json.RawMessage
			Text, Class string
		}
		Clip []struct {
			Name, Text string
			Head       *string
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Values) < 25 || len(v.Clip) < 4 {
		t.Fatalf("got %d values and %d clips; the file lost some", len(v.Values), len(v.Clip))
	}
	for _, c := range v.Values {
		value, err := wiretest.Value(c.Value)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if text, class := FormatValue(value); text != c.Text || class != c.Class {
			t.Errorf("%s: FormatValue(%#v) = %q %q, want %q %q", c.Name, value, text, class, c.Text, c.Class)
		}
	}
	for _, c := range v.Clip {
		head, ok := Clip(c.Text)
		if ok != (c.Head != nil) || (ok && head != *c.Head) {
			t.Errorf("%s: Clip = %q, %v; want %v", c.Name, head, ok, c.Head)
		}
	}
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// lessonSkeleton is the lesson `dbtour new lesson` writes: every kind of
// cell a lesson usually needs, an exercise with accepted and rejected
// answers, and nothing that `dbtour check` finds wrong. %s is the title.
const lessonSkeleton = "---\n" +
	"title: %s\n" +
	"summary: One sentence for the front page.\n" +
	"order: 1000\n" +
	"---\n\n" +
	"Say what the reader will learn. Cells run in page order on the page's own\n" +
	"database; the setup cell below is shown folded.\n\n" +
	"```sql setup\n" +
	"create table fruit (name text not null, colour text);\n" +
	"insert into fruit values ('apple', 'green'), ('pear', 'green'), ('cherry', 'red');\n" +
	"```\n\n" +
	"A cell the reader edits and runs:\n\n" +
	"```sql\n" +
	"select name, colour from fruit order by name;\n" +
	"```\n\n" +
	"A cell that shows an error on purpose:\n\n" +
	"```sql fails\n" +
	"insert into fruit (colour) values ('blue');\n" +
	"```\n\n" +
	"```sql exercise\n" +
	"-- How many fruits of each colour? Columns: colour, fruits.\n" +
	"select colour from fruit;\n" +
	"```\n" +
	"```sql solution\n" +
	"select colour, count(*) as fruits from fruit group by colour;\n" +
	"```\n" +
	"```sql accept\n" +
	"select colour, count(name) from fruit group by colour;\n" +
	"```\n" +
	"```sql accept\n" +
	"select distinct colour, (select count(*) from fruit f where f.colour = fruit.colour) from fruit;\n" +
	"```\n" +
	"```sql reject\n" +
	"select colour, count(*) from fruit;\n" +
	"```\n" +
	"```hint\n" +
	"GROUP BY colour, and count(*) in the select list.\n" +
	"```\n"

// lessonName is what a new lesson's name (its file name without .md, and
// its URL) may be.
var lessonName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// runNew is `dbtour new lesson PATH/NAME`: it writes NAME.md, never over
// an existing file.
func runNew(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() != 2 || fset.Arg(0) != "lesson" {
		return errors.New("new: usage: dbtour new lesson [DIR/]NAME")
	}
	path := strings.TrimSuffix(fset.Arg(1), ".md")
	name := filepath.Base(path)
	if !lessonName.MatchString(name) {
		return fmt.Errorf("new: %q: a lesson's name is lower-case letters, digits and dashes, like joins-2", name)
	}
	f, err := os.OpenFile(path+".md", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	if _, err := fmt.Fprintf(f, lessonSkeleton, titleOf(name)); err != nil {
		f.Close()
		return fmt.Errorf("new: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("new: %w", err)
	}
	fmt.Fprintf(stdout, "dbtour: wrote %s.md; preview it with dbtour serve -lessons %s\n", path, filepath.Dir(path+".md"))
	return nil
}

// titleOf makes a title from a lesson's name: "joins-2" is "Joins 2".
func titleOf(name string) string {
	t := strings.ReplaceAll(name, "-", " ")
	return strings.ToUpper(t[:1]) + t[1:]
}

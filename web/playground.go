package web

// PlaygroundView is the playground page: a free editor on a database of
// the reader's own. Everything on it happens in the browser, so the view
// only locates the site and names the starting SQL.
type PlaygroundView struct {
	Site
	Title string
	// Example is the editor's text on a first visit; the reader's own text
	// replaces it afterwards (kept in the browser).
	Example string
}

// PlaygroundExample is the SQL the playground starts with: it builds a
// small table on the first run and queries it, so the schema panel and
// the results both have something to show.
const PlaygroundExample = `create table if not exists notes (
  id integer primary key,
  body text not null,
  written text default (date('now'))
);
insert into notes (body) values ('Hello from the playground');
select * from notes;
`

create table books (
  id    integer primary key,
  title text not null
);

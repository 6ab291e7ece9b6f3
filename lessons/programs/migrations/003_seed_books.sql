insert into books (title, price) values ('Dune', 1299), ('Emma', 799);

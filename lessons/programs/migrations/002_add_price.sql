alter table books add column price integer not null default 0;

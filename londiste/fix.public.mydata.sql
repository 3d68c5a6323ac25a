insert into public.mydata (id, data) values ('7', 'x');

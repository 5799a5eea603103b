-- Issue 16: a contract renews on its own until notice is given (the default), for the same term.
alter table client add column auto_renew boolean not null default true;

-- Status over time: each change of a client's status with the day it takes effect. The status in
-- effect on a day is the latest change on or before it (ties: the later row); with no change the
-- client is ACTIVE. client.status stays the status in effect today.
create table client_status_change (
    id           bigserial primary key,
    client_id    bigint      not null references client (id),
    status       varchar(20) not null check (status in ('ACTIVE', 'OFFBOARDING', 'OFFBOARDED')),
    effective_on date        not null,
    recorded_at  timestamptz not null default now()
);
create index client_status_change_client_idx on client_status_change (client_id, effective_on);

-- When earlier status changes took effect is not known: they keep applying to every month, as they did.
insert into client_status_change (client_id, status, effective_on)
select id, status, date '1900-01-01' from client where status <> 'ACTIVE';

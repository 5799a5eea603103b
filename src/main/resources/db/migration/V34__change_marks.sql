-- A cheap, exact fingerprint of "has anything been written to these tables since": every
-- statement that writes client, client_score or scoring_model leaves one mark per writing
-- transaction (its transaction id). A page cache compares count and sum of the marks, which change
-- with every committed write, whoever made it (this instance, another one, psql), and with nothing
-- uncommitted. Reading the marks is an index range over a few rows; the fingerprint they replace
-- read the transaction ids of every scorecard of the month (2,000 heap rows, about 5 ms of
-- PostgreSQL per dashboard request at 2,000 clients).
--
-- One row per transaction, never updated: writers never wait for each other here (a single counter
-- row would queue every writer behind the longest open transaction and could deadlock two of them).
-- database.ChangeMarks prunes old marks; a prune changes the fingerprint once, which only costs a
-- rebuild.
create table change_mark (
    table_name text        not null,
    xid        xid8        not null default pg_current_xact_id(),
    marked_at  timestamptz not null default now(),
    primary key (table_name, xid)
);

create function mark_change() returns trigger language plpgsql as $$
begin
    insert into change_mark (table_name) values (tg_table_name) on conflict do nothing;
    return null;
end
$$;

create trigger client_changed after insert or update or delete or truncate on client
    for each statement execute function mark_change();
create trigger client_score_changed after insert or update or delete or truncate on client_score
    for each statement execute function mark_change();
create trigger scoring_model_changed after insert or update or delete or truncate on scoring_model
    for each statement execute function mark_change();

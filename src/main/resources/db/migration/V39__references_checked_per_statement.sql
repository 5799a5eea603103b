-- The two references that imports write by the hundred thousand, monthly_snapshot -> client and
-- client_score -> scoring_model, checked once per statement instead of once per row.
--
-- Why: PostgreSQL checks a foreign key with one query per inserted row, queued until the statement
-- ends. Storing 120,000 rows (psql \copy into a copy of each table, with and without the key, on a
-- 2-core machine) took 1.6 -> 2.9 s for snapshots and 2.3 -> 3.4 s for scorecards; in an import the
-- scorecards' checks ran after the COPY's last row, when the engine had nothing left to overlap them
-- with. The triggers below check a statement's rows as a set, the distinct keys against the
-- referenced table: 0.1-0.3 s for the same rows.
--
-- They keep what the foreign keys guaranteed:
-- - every row a statement inserts or updates names an existing parent, and those parents are locked
--   FOR KEY SHARE as a foreign key locks them: a concurrent delete of one waits for this
--   transaction, then finds its rows and is refused;
-- - a parent that rows name cannot be deleted, have its key changed or be truncated without them;
-- - a violation is SQLSTATE 23503, foreign_key_violation, as before.
-- Other references (incidents, ballots, cases, …) stay plain foreign keys: they are written a few
-- rows at a time.

-- After insert or update of a child table; tg_argv: the child's column, the parent table, its key.
create function check_references_exist() returns trigger language plpgsql as $$
declare
    named  bigint;
    locked bigint;
begin
    execute format('select count(distinct %I) from new_rows', tg_argv[0]) into named;
    execute format('select count(*) from (select 1 from %2$I p where p.%3$I in (select %1$I from new_rows)'
                   ' for key share of p) parents', tg_argv[0], tg_argv[1], tg_argv[2]) into locked;
    if locked < named then
        raise foreign_key_violation using
            message = format('insert or update on table "%s" names a "%s" that does not exist',
                             tg_table_name, tg_argv[1]),
            detail = format('%s.%s must match %s.%s', tg_table_name, tg_argv[0], tg_argv[1], tg_argv[2]);
    end if;
    return null;
end
$$;

-- After delete or update of a parent table; tg_argv: the child table, its column, the parent's key.
-- An update is refused only when it changes a key that rows name.
create function refuse_dropping_referenced() returns trigger language plpgsql as $$
declare
    referenced boolean;
begin
    if tg_op = 'DELETE' then
        execute format('select exists (select 1 from %1$I c where c.%2$I in (select %3$I from old_rows))',
                       tg_argv[0], tg_argv[1], tg_argv[2]) into referenced;
    elsif tg_op = 'UPDATE' then
        execute format('select exists (select 1 from %1$I c where c.%2$I in (select o.%3$I from old_rows o'
                       ' where not exists (select 1 from new_rows n where n.%3$I = o.%3$I)))',
                       tg_argv[0], tg_argv[1], tg_argv[2]) into referenced;
    else
        execute format('select exists (select 1 from %1$I)', tg_argv[0]) into referenced;
    end if;
    if referenced then
        raise foreign_key_violation using
            message = format('%s on table "%s" leaves rows of "%s" naming what is gone',
                             lower(tg_op), tg_table_name, tg_argv[0]),
            detail = format('%s.%s must match %s.%s', tg_argv[0], tg_argv[1], tg_table_name, tg_argv[2]);
    end if;
    return null;
end
$$;

alter table monthly_snapshot drop constraint monthly_snapshot_client_id_fkey;

create trigger monthly_snapshot_client_inserted after insert on monthly_snapshot
    referencing new table as new_rows
    for each statement execute function check_references_exist('client_id', 'client', 'id');
create trigger monthly_snapshot_client_updated after update on monthly_snapshot
    referencing new table as new_rows
    for each statement execute function check_references_exist('client_id', 'client', 'id');
create trigger client_deleted_with_snapshots after delete on client
    referencing old table as old_rows
    for each statement execute function refuse_dropping_referenced('monthly_snapshot', 'client_id', 'id');
create trigger client_key_changed_with_snapshots after update on client
    referencing old table as old_rows new table as new_rows
    for each statement execute function refuse_dropping_referenced('monthly_snapshot', 'client_id', 'id');
-- After the whole truncate: "truncate client, monthly_snapshot" passes, "truncate client" alone does not.
create trigger client_truncated_with_snapshots after truncate on client
    for each statement execute function refuse_dropping_referenced('monthly_snapshot', 'client_id', 'id');

alter table client_score drop constraint client_score_model_version_fkey;

create trigger client_score_version_inserted after insert on client_score
    referencing new table as new_rows
    for each statement execute function check_references_exist('model_version', 'scoring_model', 'version');
create trigger client_score_version_updated after update on client_score
    referencing new table as new_rows
    for each statement execute function check_references_exist('model_version', 'scoring_model', 'version');
create trigger scoring_model_deleted_with_scores after delete on scoring_model
    referencing old table as old_rows
    for each statement execute function refuse_dropping_referenced('client_score', 'model_version', 'version');
create trigger scoring_model_key_changed_with_scores after update on scoring_model
    referencing old table as old_rows new table as new_rows
    for each statement execute function refuse_dropping_referenced('client_score', 'model_version', 'version');
create trigger scoring_model_truncated_with_scores after truncate on scoring_model
    for each statement execute function refuse_dropping_referenced('client_score', 'model_version', 'version');

-- Audit entries are stored as facts, not English sentences: a code naming the sentence
-- (audit.event.<code> in the message bundles), its arguments, the fields one save changed with
-- their old and new values, and the client's name at the time (the log is filtered by it).
alter table audit_entry add column client_name varchar(200);
alter table audit_entry add column code varchar(80);
alter table audit_entry add column args jsonb;
alter table audit_entry add column changes jsonb;
alter table audit_entry alter column summary drop not null;

-- Entries written before: the client's current name, and the field each changed as a change list.
update audit_entry e set client_name = c.name from client c where c.id = e.client_id;
update audit_entry set changes = jsonb_build_array(jsonb_build_object('field', field, 'old', old_value, 'new', new_value))
 where field is not null;

-- Converted where the English sentence had one fixed shape; every other earlier entry keeps a null
-- code and its English summary, which the page shows marked as recorded in English before translation.
update audit_entry set code = 'client.created', args = jsonb_build_array(client_name)
 where entity_type = 'CLIENT' and action = 'CREATED' and client_name is not null
   and summary = 'Client ' || client_name || ' created';
update audit_entry set code = 'client.changed', args = jsonb_build_array(client_name)
 where entity_type = 'CLIENT' and action = 'CHANGED' and client_name is not null and field is not null;
update audit_entry set code = 'snapshot.changed',
       args = jsonb_build_array(client_name, jsonb_build_object('m', substring(summary from ' for (\d{4}-\d{2}): ')))
 where entity_type = 'SNAPSHOT' and action = 'CHANGED' and client_name is not null and field is not null
   and summary ~ '^Metrics of .* for \d{4}-\d{2}: ';
update audit_entry set code = 'model.' || lower(substring(action from 7)), args = jsonb_build_array(entity_id::text)
 where entity_type = 'scoring_model' and action in ('MODEL_DRAFTED', 'MODEL_EDITED', 'MODEL_DISCARDED', 'MODEL_ACTIVATED')
   and entity_id is not null;

create index audit_entry_client_name_idx on audit_entry (lower(client_name), occurred_at desc);

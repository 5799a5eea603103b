create table app_user (
    id            bigserial primary key,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    role          varchar(20)  not null check (role in ('OWNER', 'ACCOUNT_MANAGER', 'STAFF')),
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    version       integer      not null default 0
);
create unique index app_user_username_uk on app_user (lower(username));

-- Who changed what and when; written in the same transaction as the change it records.
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(100) not null,
    action      varchar(40)  not null,
    entity_type varchar(40)  not null,
    entity_id   bigint,
    client_id   bigint,
    field       varchar(60),
    old_value   text,
    new_value   text,
    summary     varchar(500) not null
);
create index audit_entry_occurred_idx on audit_entry (occurred_at desc);
create index audit_entry_client_idx on audit_entry (client_id, occurred_at desc);
create index audit_entry_actor_idx on audit_entry (lower(actor), occurred_at desc);

-- A file uploaded for preview, kept server-side until it is committed or abandoned:
-- the commit reads these bytes, never a copy sent back by the browser.
create table import_upload (
    token       varchar(64)  primary key,
    username    varchar(100) not null,
    file_name   varchar(255) not null,
    sha256      char(64)     not null,
    content     bytea        not null,
    created_at  timestamptz  not null default now()
);
create index import_upload_created_idx on import_upload (created_at);

-- Every committed import: who, when, which file, what it did.
create table import_run (
    id              bigserial    primary key,
    imported_at     timestamptz  not null,
    username        varchar(100) not null,
    file_name       varchar(255) not null,
    sha256          char(64)     not null,
    rows_total      integer      not null,
    rows_new        integer      not null,
    rows_changed    integer      not null,
    rows_unchanged  integer      not null,
    clients_created integer      not null default 0
);
create index import_run_sha256_idx on import_run (sha256, imported_at);
create index import_run_imported_idx on import_run (imported_at desc);

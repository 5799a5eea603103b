-- Issue 15, importing: raw PSA exports. A source is one PSA installation (e.g. "Our ConnectWise"):
-- its settings, its layouts (one per kind of export, found again by the header's fingerprint), the
-- names it uses for clients, and the tickets it exported (time entries may name a ticket, not a client).
create table psa_source (
    id          bigserial    primary key,
    name        varchar(100) not null check (name = btrim(name) and name <> ''),
    psa         varchar(40)  not null,
    settings    jsonb        not null,
    -- values the last previews saw (board:Security → rows), offered by the settings page to categorise
    seen_values jsonb        not null default '{}',
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     integer      not null default 0
);
create unique index psa_source_name_uk on psa_source (lower(name));

-- A saved column mapping: the next upload whose header has the same fingerprint uses it.
create table psa_layout (
    id           bigserial    primary key,
    source_id    bigint       not null references psa_source (id) on delete cascade,
    kind         varchar(20)  not null check (kind in ('TICKETS', 'INVOICES', 'TIME_ENTRIES')),
    layout_id    varchar(60)  not null,
    fingerprint  varchar(128) not null,
    mapping      jsonb        not null,
    date_order   varchar(20),
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create unique index psa_layout_fingerprint_uk on psa_layout (fingerprint);
create index psa_layout_source_idx on psa_layout (source_id);

-- What a PSA's client name (or company id) means: a client, or ignored (client_id null). Learned once,
-- used by every later upload of the source. psa_key: 'ref:' + company id, or 'name:' + lower-case trimmed name.
create table psa_alias (
    source_id   bigint       not null references psa_source (id) on delete cascade,
    psa_key     varchar(320) not null,
    psa_name    varchar(300) not null,
    client_id   bigint       references client (id) on delete cascade,
    decided_by  varchar(100) not null,
    decided_at  timestamptz  not null,
    primary key (source_id, psa_key)
);

-- Names a preview could not match, waiting for someone to map, create or ignore them.
create table psa_unmatched (
    source_id   bigint       not null references psa_source (id) on delete cascade,
    psa_key     varchar(320) not null,
    psa_name    varchar(300) not null,
    psa_ref     varchar(100),
    file_name   varchar(255) not null,
    rows_seen   bigint       not null default 0,
    first_seen  timestamptz  not null,
    last_seen   timestamptz  not null,
    primary key (source_id, psa_key)
);

-- The clients a source knows (matched at least once): for them, a month the file covers with no rows is 0.
create table psa_source_client (
    source_id   bigint not null references psa_source (id) on delete cascade,
    client_id   bigint not null references client (id) on delete cascade,
    primary key (source_id, client_id)
);

-- Which PSA client each ticket belongs to, from the tickets files committed: a time entry naming only a
-- ticket (Autotask's ticketID) finds its client here. Up to millions of rows, written by COPY.
create table psa_ticket (
    source_id   bigint       not null references psa_source (id) on delete cascade,
    ticket_id   varchar(100) not null,
    client_name varchar(300),
    client_ref  varchar(100),
    primary key (source_id, ticket_id)
);

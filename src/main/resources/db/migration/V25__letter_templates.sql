-- Issue 16: letter templates the owner edits, per kind and language. A kind and language without a
-- row uses the default from the message bundles (document.template.<kind>).
create table letter_template (
    kind       varchar(20)  not null check (kind in ('NOTICE', 'PRICE_RAISE')),
    language   varchar(2)   not null check (language in ('en', 'it')),
    body       text         not null,
    updated_by varchar(100) not null,
    updated_at timestamptz  not null default now(),
    primary key (kind, language)
);

-- Issue 16: one iCalendar feed per user. Calendar applications cannot send headers, so the feed's
-- URL carries a secret; only its SHA-256 is stored, and replacing or revoking it ends the old URL.
create table calendar_feed (
    user_id     bigint primary key references app_user (id),
    secret_hash char(64)    not null unique,
    language    varchar(5)  not null default 'en',
    created_at  timestamptz not null default now()
);

-- Personal API tokens: only a SHA-256 hash is stored; the token is shown once when created.
create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64) not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Staff polls ("worst five clients"). Who voted and what was voted live in separate tables
-- that share only the poll, so no query can join a ballot to a person.
create table poll (
    id              bigserial primary key,
    title           varchar(200) not null check (title = btrim(title) and title <> ''),
    opens_on        date     not null,
    closes_on       date     not null,
    picks           smallint not null default 5 check (picks between 1 and 10),
    closed_early_on date,
    -- PollClosed has been published for this poll (early close or the daily check).
    announced       boolean  not null default false,
    created_at      timestamptz not null default now(),
    check (closes_on >= opens_on)
);
create index poll_closes_idx on poll (closes_on desc);

-- Who has voted, never what. The primary key makes a second ballot by the same person impossible.
create table poll_voter (
    poll_id bigint not null references poll (id),
    user_id bigint not null references app_user (id),
    primary key (poll_id, user_id)
);

-- What was voted, never who or when: a random id (made in Java), no user, no timestamp, no sequence.
create table ballot (
    id      uuid   not null primary key,
    poll_id bigint not null references poll (id)
);
create index ballot_poll_idx on ballot (poll_id);

create table ballot_pick (
    ballot_id uuid     not null references ballot (id),
    rank      smallint not null check (rank between 1 and 10),
    client_id bigint   not null references client (id),
    primary key (ballot_id, rank),
    constraint ballot_pick_distinct_client_uk unique (ballot_id, client_id)
);
create index ballot_pick_client_idx on ballot_pick (client_id);

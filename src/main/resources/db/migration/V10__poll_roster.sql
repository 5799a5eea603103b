-- Who may vote in a poll: the accounts enabled when it opened, frozen then (issue 11). Accounts
-- created or enabled later cannot vote, so the owner cannot add voters whose ballots they know
-- once real people have started voting. Every voter sees this roster with each account's creation
-- date. Names and roles are copied so the roster shows what was true at opening.
create table poll_roster (
    poll_id            bigint       not null references poll (id),
    user_id            bigint       not null references app_user (id),
    display_name       varchar(200) not null,
    role               varchar(20)  not null,
    account_created_at timestamptz  not null,
    primary key (poll_id, user_id)
);

alter table poll
    -- When the roster was taken: the first moment the poll was seen open. Null until then.
    add column roster_taken_at timestamptz,
    -- Closed by the owner before everyone on the roster had voted: ballots discarded unread, no results.
    add column withdrawn boolean not null default false;

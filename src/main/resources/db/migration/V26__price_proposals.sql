-- Issue 16: price-raise proposals. An accepted one changes the client's contract_mrr on its
-- effective date (applied = true once done, by the clients module's API).
create table price_proposal (
    id              bigserial primary key,
    client_id       bigint         not null references client (id),
    state           varchar(10)    not null default 'OPEN'
                    check (state in ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    current_price   numeric(14, 2) check (current_price >= 0),
    proposed_price  numeric(14, 2) not null check (proposed_price > 0),
    effective_on    date           not null,
    letter_language varchar(2)     not null default 'en' check (letter_language in ('en', 'it')),
    letter          text,
    withdraw_reason varchar(2000),
    opened_by       varchar(100)   not null,
    opened_at       timestamptz    not null default now(),
    closed_by       varchar(100),
    closed_at       timestamptz,
    applied         boolean        not null default false,
    version         integer        not null default 0
);
create unique index price_proposal_open_uk on price_proposal (client_id) where state = 'OPEN';
create index price_proposal_due_idx on price_proposal (effective_on) where state = 'ACCEPTED' and not applied;

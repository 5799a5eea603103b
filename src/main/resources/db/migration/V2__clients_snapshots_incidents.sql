create table client (
    id                 bigserial primary key,
    name               varchar(200) not null check (name = btrim(name) and name <> ''),
    external_ref       varchar(100),
    industry           varchar(100),
    account_manager_id bigint references app_user (id),
    status             varchar(20) not null default 'ACTIVE'
                       check (status in ('ACTIVE', 'OFFBOARDING', 'OFFBOARDED')),
    payment_terms      varchar(10) not null default 'NET_30'
                       check (payment_terms in ('PREPAID', 'NET_15', 'NET_30', 'NET_45', 'NET_60')),
    contract_start     date,
    contract_end       date,
    notice_period_days integer check (notice_period_days >= 0),
    contract_mrr       numeric(14, 2) check (contract_mrr >= 0),
    endpoints          integer check (endpoints >= 0),
    notes              text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (contract_end is null or contract_start is null or contract_end > contract_start)
);
create unique index client_name_uk on client (lower(name));
create unique index client_external_ref_uk on client (external_ref) where external_ref is not null;
create index client_account_manager_idx on client (account_manager_id);

-- One row per client and calendar month; a null metric means "no data", never zero.
create table monthly_snapshot (
    id                          bigserial primary key,
    client_id                   bigint not null references client (id),
    month                       date   not null check (extract(day from month) = 1),
    new_tickets                 integer check (new_tickets >= 0),
    reopened_tickets            integer check (reopened_tickets >= 0),
    admin_requests              integer check (admin_requests >= 0),
    escalations                 integer check (escalations >= 0),
    invoices_issued             integer check (invoices_issued >= 0),
    disputed_invoices           integer check (disputed_invoices >= 0),
    late_payments               integer check (late_payments >= 0),
    avg_days_to_pay             numeric(8, 2) check (avg_days_to_pay >= 0),
    revenue                     numeric(14, 2) check (revenue >= 0),
    delivery_cost               numeric(14, 2) check (delivery_cost >= 0),
    hours_spent                 numeric(10, 2) check (hours_spent >= 0),
    recommendations_made        integer check (recommendations_made >= 0),
    recommendations_implemented integer check (recommendations_implemented >= 0),
    recommendations_ignored     integer check (recommendations_ignored >= 0),
    security_incidents          integer check (security_incidents >= 0),
    endpoints                   integer check (endpoints >= 0),
    updated_at                  timestamptz not null default now(),
    version                     integer not null default 0,
    constraint monthly_snapshot_client_month_uk unique (client_id, month)
);
create index monthly_snapshot_month_idx on monthly_snapshot (month);

create table incident (
    id           bigserial primary key,
    client_id    bigint not null references client (id),
    occurred_on  date not null,
    category     varchar(40) not null check (category in ('ABUSIVE_TREATMENT', 'DISRESPECT_OF_EXPERTISE',
                 'UNREASONABLE_DEMANDS', 'SECURITY_NEGLIGENCE', 'ERRATIC_COMMUNICATION', 'OTHER')),
    description  varchar(2000) not null,
    logged_by_id bigint not null references app_user (id),
    logged_at    timestamptz not null default now()
);
create index incident_client_idx on incident (client_id, occurred_on);
create index incident_logged_by_idx on incident (logged_by_id);

-- Issue 16: offboarding cases, their checklists and the editable checklist template.

create table offboarding_template_item (
    id               bigserial primary key,
    position         integer      not null,
    days_before_exit integer      not null check (days_before_exit between 0 and 3650),
    title_en         varchar(300) not null check (btrim(title_en) <> ''),
    title_it         varchar(300) not null check (btrim(title_it) <> '')
);

-- The playbook's checklist (PRODUCT §8), due dates counted back from the exit date.
insert into offboarding_template_item (position, days_before_exit, title_en, title_it) values
 (1, 60, 'Review the contract''s termination terms', 'Rileggere le clausole di recesso del contratto'),
 (2, 55, 'Prepare precise, professional reasons', 'Preparare motivazioni precise e professionali'),
 (3, 50, 'Tell the client by phone or in person, then in writing', 'Comunicarlo al cliente a voce o di persona, poi per iscritto'),
 (4, 30, 'Hand over credentials and documentation', 'Consegnare credenziali e documentazione'),
 (5, 21, 'Backups and data export', 'Backup ed esportazione dei dati'),
 (6, 21, 'Domains and DNS', 'Domini e DNS'),
 (7, 14, 'Licences and vendor accounts transferred', 'Licenze e account dei fornitori trasferiti'),
 (8, 0,  'Remove the monitoring/RMM agents at the agreed date', 'Rimuovere gli agenti di monitoraggio/RMM alla data concordata'),
 (9, 0,  'Final invoice or refund of prepaid services', 'Fattura finale o rimborso dei servizi prepagati'),
 (10, 0, 'Answer the new provider''s questions', 'Rispondere alle domande del nuovo fornitore'),
 (11, 0, 'Offer referrals to other MSPs when the relationship allows', 'Proporre altri MSP quando il rapporto lo consente');

create table offboarding_case (
    id              bigserial primary key,
    client_id       bigint       not null references client (id),
    state           varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'COMPLETED', 'WITHDRAWN')),
    decision        varchar(30)  not null,
    reasons         text         not null,
    exit_date       date         not null,
    letter_language varchar(2)   not null default 'en' check (letter_language in ('en', 'it')),
    letter          text,
    withdraw_reason varchar(2000),
    opened_by       varchar(100) not null,
    opened_at       timestamptz  not null default now(),
    closed_by       varchar(100),
    closed_at       timestamptz,
    version         integer      not null default 0
);
-- One open case per client: the second is refused even when two owners press at once.
create unique index offboarding_case_open_uk on offboarding_case (client_id) where state = 'OPEN';

create table offboarding_item (
    id          bigserial primary key,
    case_id     bigint       not null references offboarding_case (id),
    position    integer      not null,
    title       varchar(300) not null,
    assignee_id bigint references app_user (id),
    due_on      date,
    done_by     varchar(100),
    done_at     timestamptz,
    version     integer      not null default 0
);
create index offboarding_item_case_idx on offboarding_item (case_id, position);
create index offboarding_item_assignee_idx on offboarding_item (assignee_id);

-- importing: where a background preview or commit has got, so that the page's progress poll
-- can be answered by any instance, not only the one running the job. One row per upload token.
create table import_job (
    token       varchar(64)  primary key,
    username    varchar(100) not null,
    is_commit   boolean      not null,
    phase       varchar(20)  not null,
    rows_done   bigint       not null default 0,
    rows_total  bigint       not null default 0,
    state       varchar(20)  not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    failure     varchar(100),
    outcome     varchar(30),
    started_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index import_job_started_idx on import_job (started_at);

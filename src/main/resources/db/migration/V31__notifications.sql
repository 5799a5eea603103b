-- notifications (issue 17): every table here is written only by the notifications module.

-- What each user wants to be told, and how. No row: the defaults (everything on).
create table notification_choice (
    user_id     bigint  primary key references app_user (id),
    digest_mail boolean not null default true,
    digest_app  boolean not null default true,
    alerts_mail boolean not null default true,
    alerts_app  boolean not null default true
);

-- In-app notifications. Facts, not sentences: kind plus a JSON payload of codes, names and
-- numbers, written in the reader's language when the page is read.
create table notification (
    id         bigserial   primary key,
    user_id    bigint      not null references app_user (id),
    kind       varchar(20) not null check (kind in ('DIGEST', 'ALERT')),
    payload    jsonb       not null,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

-- Mail waiting to be sent, written in the transaction of what causes it and sent after the
-- commit by MailOutbox (one instance at a time, ShedLock "mailOutbox"). A failed attempt waits
-- longer each time; after the last one the message is FAILED and listed for the owner.
create table mail_outbox (
    id              bigserial    primary key,
    user_id         bigint       not null references app_user (id),
    recipient       varchar(320) not null,
    kind            varchar(20)  not null check (kind in ('DIGEST', 'ALERT', 'PREVIEW')),
    subject         varchar(300) not null,
    text_body       text         not null,
    html_body       text         not null,
    status          varchar(10)  not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'QUEUED';
create index mail_outbox_failed_idx on mail_outbox (created_at desc) where status = 'FAILED';

-- One digest per user and month: inserted in the transaction that queues the digest, so a
-- second instance, a second run or a restart half-way never queues it twice, and a run that
-- died before committing leaves nothing behind and is caught up by the next one.
create table digest_delivery (
    user_id   bigint      not null references app_user (id),
    month     date        not null,
    queued_at timestamptz not null,
    primary key (user_id, month)
);

-- What alerts last said about each client: its grade band and dealbreakers. A change is alerted
-- once, when it differs from this; rows are written in the rescoring transaction.
create table alert_state (
    client_id    bigint  primary key,
    grade        varchar(2),
    dealbreakers text    not null default ''
);

-- Several application instances on one database share everything that used to live in one
-- JVM's memory. Each table here is written only by the module named in its comment.

-- users: HTTP sessions (Spring Session JDBC's schema for PostgreSQL, version 4.0; its own
-- initializer is off so that Flyway owns these tables). PRINCIPAL_NAME lets a user's sessions
-- be found, and ended, from any instance.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- users: failed password checks and the locks they started, by key (a client network, a
-- username, or the pair); see SignInThrottle for the rules. Rows older than an hour are deleted.
create table sign_in_failure (
    key       varchar(300) not null,
    failed_at timestamptz  not null
);
create index sign_in_failure_key_idx on sign_in_failure (key, failed_at);
create index sign_in_failure_at_idx on sign_in_failure (failed_at);

create table sign_in_lock (
    key          varchar(300) primary key,
    locked_until timestamptz  not null
);

-- database: ShedLock's table, so that each scheduled job runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Scoring models: versioned, exactly one ACTIVE; a definition is the whole model as JSON so
-- that an earlier version can be read back exactly as it was when its scores were computed.
create table scoring_model (
    version      integer primary key check (version >= 1),
    status       varchar(10)  not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    definition   jsonb        not null,
    based_on     integer references scoring_model (version),
    created_by   varchar(100) not null,
    created_at   timestamptz  not null default now(),
    activated_by varchar(100),
    activated_at timestamptz,
    check ((status = 'DRAFT') = (activated_at is null))
);
create unique index scoring_model_one_active_uk on scoring_model (status) where status = 'ACTIVE';
create unique index scoring_model_one_draft_uk on scoring_model (status) where status = 'DRAFT';

-- Version 1 is the default table of the product specification (ScoringModel.defaults()).
insert into scoring_model (version, status, definition, created_by, activated_by, activated_at)
values (1, 'ACTIVE', '{
  "rules": [
    {"key": "late_payments", "category": "payment", "good": 0, "bad": 3, "weight": 15, "window_months": 6, "enabled": true},
    {"key": "days_to_pay", "category": "payment", "good": 30, "bad": 60, "weight": 10, "window_months": 3, "enabled": true},
    {"key": "disputed_invoices", "category": "payment", "good": 0, "bad": 0.20, "weight": 10, "window_months": 6, "enabled": true},
    {"key": "ticket_load", "category": "service_load", "good": 0.5, "bad": 2.0, "weight": 10, "window_months": 3, "enabled": true},
    {"key": "reopened_tickets", "category": "service_load", "good": 0.05, "bad": 0.25, "weight": 5, "window_months": 3, "enabled": true},
    {"key": "admin_requests", "category": "service_load", "good": 0.2, "bad": 1.0, "weight": 5, "window_months": 3, "enabled": true},
    {"key": "escalations", "category": "relationship", "good": 0, "bad": 2, "weight": 10, "window_months": 3, "enabled": true},
    {"key": "ignored_recommendations", "category": "relationship", "good": 0.10, "bad": 0.60, "weight": 10, "window_months": 12, "enabled": true},
    {"key": "red_flag_incidents", "category": "relationship", "good": 0, "bad": 3, "weight": 5, "window_months": 12, "enabled": true},
    {"key": "staff_vote", "category": "relationship", "good": 0, "bad": 0.15, "weight": 5, "window_months": 15, "enabled": true},
    {"key": "security_incidents", "category": "security", "good": 0, "bad": 3, "weight": 10, "window_months": 6, "enabled": true},
    {"key": "gross_margin", "category": "profitability", "good": 0.60, "bad": 0.20, "weight": 15, "window_months": 3, "enabled": true}
  ],
  "dealbreakers": [
    {"key": "abusive_treatment", "enabled": true, "thresholds": {"min_incidents": 1, "window_months": 12}},
    {"key": "recurring_late_payments", "enabled": true, "thresholds": {"min_late_payments": 3, "min_late_payments_prepaid": 1, "window_months": 6}},
    {"key": "repeated_security_alarms", "enabled": true, "thresholds": {"min_security_incidents": 3, "security_window_months": 6, "min_ignored_share": 0.50, "recommendations_window_months": 12}},
    {"key": "disrespect", "enabled": true, "thresholds": {"min_incidents": 2, "window_months": 12}}
  ],
  "grade_bands": {"a": 85, "b": 70, "c": 55, "d": 40},
  "minimum_completeness": 0.5,
  "worsening_points": 10,
  "drain_revenue_top_percent": 20,
  "drain_effort_top_percent": 20,
  "target_margin": 0.50,
  "dependency_share": 0.15
}', 'system', 'system', now());

-- One scorecard per client, month and model version. Only the active version is kept current;
-- earlier versions keep the scores they had when they were retired.
create table client_score (
    model_version           integer      not null references scoring_model (version),
    client_id               bigint       not null,
    month                   date         not null check (extract(day from month) = 1),
    score                   numeric(4, 1),
    grade                   char(1) check (grade in ('A', 'B', 'C', 'D', 'F')),
    payment                 numeric(4, 1),
    service_load            numeric(4, 1),
    relationship            numeric(4, 1),
    security                numeric(4, 1),
    profitability           numeric(4, 1),
    data_completeness       numeric(4, 3) not null,
    recommendation          varchar(25)  not null,
    worsening               boolean      not null,
    score_change_3m         numeric(5, 1),
    drain                   boolean      not null,
    dependency_risk         boolean      not null,
    suggested_monthly_price numeric(14, 2),
    current_monthly_revenue numeric(14, 2),
    -- Where the client stood in the portfolio when scored (null outside it): lets one client
    -- be rescored without recomputing every month's portfolio.
    revenue_share           numeric(9, 6),
    effort_share            numeric(9, 6),
    revenue_rank            integer,
    effort_rank             integer,
    portfolio_size          integer,
    reasons                 jsonb        not null,
    dealbreakers            jsonb        not null,
    rules                   jsonb        not null,
    primary key (model_version, client_id, month)
);
create index client_score_month_idx on client_score (model_version, month);

-- Rescoring one client shifts the portfolio of three months; the other clients' scorecards can only
-- change where a drain or dependency-risk verdict moves. The stored flagged ones are read through
-- this partial covering index (an index-only scan over a few hundred rows) instead of every
-- scorecard of the three months (about 6,000 wide rows at 2,000 clients, 15 ms).
create index client_score_flagged_idx on client_score (model_version, month)
    include (client_id, score, drain, dependency_risk, revenue_share, effort_share, revenue_rank, effort_rank,
             portfolio_size)
    where drain or dependency_risk;

-- monthly_snapshot_month_figures_idx (month) include (…) serves every lookup by month that this plain
-- index served; keeping both cost each import about 0.2 s of its 120,000-row COPY for nothing.
drop index monthly_snapshot_month_idx;

-- Rescoring one client shifts the portfolio of three months; the other clients' scorecards can only
-- change where a drain or dependency-risk verdict moves. The stored flagged ones are found through
-- this partial index (a few hundred rows, 3–5 ms at 2,000 clients) instead of reading every
-- scorecard of the three months (about 6,000 wide rows, 15 ms). Covering columns gained nothing
-- measurable and cost every full rescore their upkeep.
create index client_score_flagged_idx on client_score (model_version, month)
    where drain or dependency_risk;

-- monthly_snapshot_month_figures_idx (month) include (…) serves every lookup by month that this plain
-- index served; keeping both cost each import about 0.2 s of its 120,000-row COPY for nothing.
drop index monthly_snapshot_month_idx;

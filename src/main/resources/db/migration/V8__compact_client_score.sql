-- Scorecards stored compactly (issue 5: a full rescore within 5 s). The rule breakdown was about
-- 2 KB of JSONB a row, most of it explanation sentences the engine can write again from the
-- numbers; now it is the numbers only and the sentences are rebuilt when one client's scorecard
-- is read. Rule points are derived from the sub-scores and the version's weights. Plain text
-- rather than arrays: COPY parses one text column several times faster than numeric[]/text[].
-- Scores are derived data: the table is emptied here and the application rescores the active
-- version at start-up when it has no stored scores.
truncate client_score;

alter table client_score
    drop column reasons,
    drop column dealbreakers,
    drop column rules,
    -- each enabled rule of the version, in model order, comma-separated: "value:sub_score", or
    -- nothing when the rule had no data; e.g. "2:33.3,31.5:95.0,,…"
    add column rule_breakdown       text not null,
    -- the closing day of the staff poll the staff vote rule measured (its sentence names it)
    add column staff_poll_closed_on date,
    -- the recommendation's reasons and the dealbreakers that hold: "code sentence" each (the code
    -- has no spaces), e.g. {"reason.grade Grade C (score 63.4)"}
    add column reasons              text[] not null,
    add column dealbreakers         text[] not null;


-- Rescoring one client after a snapshot edit recomputes the portfolio of the three months the
-- edit shifts: one aggregation over those months' revenue, hours and tickets. Covering them
-- makes it an index-only scan (about 15 ms instead of 40–70 ms at 120,000 snapshots, where each
-- month's rows lie in a different heap page). Only scoring reads snapshots by month this way.
create index monthly_snapshot_month_figures_idx
    on monthly_snapshot (month) include (client_id, revenue, hours_spent, new_tickets);

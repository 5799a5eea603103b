-- Scorecards stored compactly (issue 5: a full rescore within 5 s). The rule breakdown was about
-- 2 KB of JSONB a row, most of it explanation sentences the engine can write again from the
-- numbers; now it is numbers only, in the order of the version's enabled rules, and the
-- sentences are rebuilt when one client's scorecard is read. Rule points are derived from the
-- sub-scores and the version's weights. Scores are derived data: the table is emptied and the
-- application rescores the active version at start-up when it has no stored scores.
truncate client_score;

alter table client_score
    drop column reasons,
    drop column dealbreakers,
    drop column rules,
    -- measured value and sub-score of each enabled rule of the version, in model order; null = no data
    add column rule_values       numeric[] not null,
    add column rule_sub_scores   numeric[] not null,
    -- the closing day of the staff poll the staff vote rule measured (its sentence names it)
    add column staff_poll_closed_on date,
    -- the recommendation's reasons (stable code and sentence) and the dealbreakers that hold
    add column reason_codes      text[]    not null,
    add column reason_texts      text[]    not null,
    add column dealbreaker_keys  text[]    not null,
    add column dealbreaker_texts text[]    not null;

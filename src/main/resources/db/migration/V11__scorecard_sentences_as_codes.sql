-- Store facts, render words (issue 12): a scorecard's reasons are kept as sentence codes and their
-- arguments, never as English text; every language, the API's English included, is written from
-- the message bundles when a scorecard is read. The dealbreakers column goes: a dealbreaker that
-- holds is always among the reasons (code "dealbreaker.<key>"), so storing it twice bought nothing.
-- Scores are derived data: the table is emptied here and the application rescores the active
-- version at start-up when it has no stored scores.
truncate client_score;

alter table client_score
    drop column reasons,
    drop column dealbreakers,
    -- the recommendation's reasons in order, ';'-separated, each "code arg arg…"; an argument is a
    -- kind letter and its value, e.g. "reason.grade SC P63.4;reason.dependency_risk F0.1523"
    add column reasons text not null;

-- Reasons that explain (issue 13 item 4): every recommendation now names the rules that cost the
-- most points, payment terms are stored as words of the bundles rather than codes ("net 30 days",
-- not NET_30), and a rule's sentence says how many months of figures a longer window covers. The
-- stored reasons change form, not the scores: the table is emptied and the application rescores the
-- active version at start-up (RescoreOnStartup), as after V11. Scorecards are derived data.
truncate client_score;

-- The scores "worsening" compares with, three months before the months an import reaches, are read by
-- month (StoredPositions.scores). With the client and the score in the month index, that read is an
-- index-only range instead of one heap page per client: after a restart, reading month M-2 of 2,000
-- clients took 170 ms of a 1 s monthly import (bench/import-bench.sh). The key is unchanged, so every
-- query that used the old index uses this one.
create index client_score_month_scores_idx on client_score (model_version, month) include (client_id, score);
drop index client_score_month_idx;

-- What a client's scorecard page reads is kept until something it shows changes (dashboard.KeptReads,
-- issue 18): besides clients, stored scores and models (V34), it shows the client's monthly figures, its
-- red-flag incidents, an accepted price raise and its account manager's name. Each of those tables now
-- leaves change marks too (see V34 for how they work), so a write by anyone, on any instance or at a psql
-- prompt, is seen by the next page view. One small insert per writing statement; an import's COPY is one.
create trigger monthly_snapshot_changed after insert or update or delete or truncate on monthly_snapshot
    for each statement execute function mark_change();
create trigger incident_changed after insert or update or delete or truncate on incident
    for each statement execute function mark_change();
create trigger price_proposal_changed after insert or update or delete or truncate on price_proposal
    for each statement execute function mark_change();
create trigger app_user_changed after insert or update or delete or truncate on app_user
    for each statement execute function mark_change();

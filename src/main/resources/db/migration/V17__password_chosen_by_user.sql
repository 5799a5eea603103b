-- A user created by the owner with an initial password must choose their own at first sign-in.
-- Existing users have signed in with theirs already (or could have): they are not asked.
alter table app_user add column must_change_password boolean not null default false;

-- users (issue 17): what mail needs. An address is optional (without one a user is told in the
-- application only); the language is the one the user last chose in the application, used for
-- whatever is written to them while they are away (digest, alerts). email_refused_at: the SMTP
-- server refused this address outright (a 5xx answer for the recipient), shown on the users page
-- until the address is changed.
alter table app_user add column email varchar(320);
alter table app_user add column language varchar(2) not null default 'en' check (language in ('en', 'it'));
alter table app_user add column email_refused_at timestamptz;

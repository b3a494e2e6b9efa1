-- The language a user reads Cairn in (en or nl): the one they last used in the UI, or the one set for them by an
-- admin or through the API. Notifications to the user are written in it; empty until it is known.
alter table app_user add column language text;

-- Security procedures beyond incidents: the types of procedure (a security review, access to a secure zone, a
-- penetration test, a patching round, an off-boarding, and admins' own), each a JSON definition of its form, phases and
-- steps. type_key is the stable name admins use; a retired type starts no new runs.
create table isms_procedure_type (
    id          uuid primary key,
    type_key    text        not null unique,
    definition  jsonb       not null,
    retired     boolean     not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    version     bigint      not null
);

-- The regime facts of an incident (an instant per regime trigger, such as GDPR's awareness) and its decision records
-- (is this a personal-data breach, the GDPR risk, NIS2 significant, DORA major, SEC material, HIPAA 4-factor). Each
-- change is a new version: nothing is overwritten, so the history is the rows of one key ordered by version.
create table compliance_fact (
    incident_id   uuid        not null,
    fact          text        not null,
    version       bigint      not null check (version >= 1),
    at            timestamptz not null,
    justification text        not null,
    set_by        uuid        not null,
    set_by_name   text        not null,
    set_at        timestamptz not null,
    primary key (incident_id, fact, version)
);

create table compliance_decision (
    incident_id     uuid        not null,
    kind            text        not null,
    version         bigint      not null check (version >= 1),
    inputs          jsonb       not null,
    criteria        jsonb       not null,
    result          text        not null,
    rationale       text        not null,
    override_reason text,
    established_at  timestamptz not null,
    decided_by      uuid        not null,
    decided_by_name text        not null,
    decided_at      timestamptz not null,
    primary key (incident_id, kind, version)
);

-- NIS2 Art. 3 of Implementing Regulation 2024/2690: the financial-loss threshold is 5 % of the previous year's turnover
-- when that is below EUR 500 000.
alter table legal_entity add column annual_turnover_eur bigint check (annual_turnover_eur >= 0);
-- Which regimes apply besides GDPR, NIS2 and DORA: SEC Form 8-K for registrants, HIPAA for covered entities.
alter table legal_entity add column sec_registrant boolean not null default false;
alter table legal_entity add column hipaa_covered_entity boolean not null default false;

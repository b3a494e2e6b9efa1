-- The legal entities of the organisation and their regulatory profile (the compliance module's table).
create table legal_entity (
    id                            uuid primary key,
    name                          text not null,
    jurisdictions                 text[] not null,
    nis2                          text not null check (nis2 in ('essential', 'important', 'not-in-scope')),
    dora_financial_entity         boolean not null,
    gdpr_role                     text not null check (gdpr_role in ('controller', 'processor', 'both')),
    supervisory_authority_name    text not null,
    supervisory_authority_contact text not null,
    privacy_officer               uuid,
    version                       bigint not null,
    updated_at                    timestamptz not null
);
create unique index legal_entity_name_unique on legal_entity (lower(name));

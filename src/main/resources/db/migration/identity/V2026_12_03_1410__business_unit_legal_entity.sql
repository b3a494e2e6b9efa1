-- The legal entity a business unit belongs to; its regulatory profile is the compliance module's.
alter table business_unit add column legal_entity uuid;

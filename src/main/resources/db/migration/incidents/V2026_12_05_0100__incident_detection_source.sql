-- How an incident was detected (MET-5): by a system (automated, with the tool), by a person inside the organisation,
-- or by someone outside it (a customer, a provider, a CSIRT), with who or what. Older incidents stay unknown.
alter table incident add column detection_source text
    check (detection_source in ('AUTOMATED', 'INTERNAL_HUMAN', 'EXTERNAL'));
alter table incident add column detected_by text;

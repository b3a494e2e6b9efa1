-- Recurrence detection looks for earlier incidents of the same category within a window (see SimilarIncidents):
-- with this index the category and the window are one index range, which the GIN index on the search vector then
-- narrows to incidents that share words with the new one.
create index incident_category_reported on incident (category_class, category_type, reported_at desc);

package io.cairn.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * The incidents a filter lets a metric count, as a condition on the table {@code incident} (alias {@code i}) with its
 * parameters in order. Duplicates merged into another incident are never counted: they are that incident.
 */
record IncidentScope(String condition, List<Object> parameters) {

    IncidentScope {
        parameters = List.copyOf(parameters);
    }

    static IncidentScope of(MetricsFilter filter) {
        StringBuilder condition = new StringBuilder("i.merged_into is null");
        List<Object> parameters = new ArrayList<>();
        if (filter.businessUnit() != null) {
            condition.append(" and i.business_unit_id = ?");
            parameters.add(filter.businessUnit().value());
        }
        if (filter.legalEntity() != null) {
            condition.append(" and i.business_unit_id in (select id from business_unit where legal_entity = ?)");
            parameters.add(filter.legalEntity());
        }
        if (filter.team() != null) {
            condition.append(" and i.team_id = ?");
            parameters.add(filter.team().value());
        }
        if (filter.categoryClass() != null) {
            condition.append(" and i.category_class = ?");
            parameters.add(filter.categoryClass());
        }
        if (filter.categoryType() != null) {
            condition.append(" and i.category_type = ?");
            parameters.add(filter.categoryType());
        }
        if (filter.priority() != null) {
            condition.append(" and i.priority = ?");
            parameters.add(filter.priority());
        }
        if (filter.severity() != null) {
            condition.append(" and i.severity = ?");
            parameters.add(filter.severity().name());
        }
        if (filter.detectionSource() != null) {
            condition.append(" and i.detection_source = ?");
            parameters.add(filter.detectionSource().name());
        }
        return new IncidentScope(condition.toString(), parameters);
    }

    /** The parameters of a statement: those before the condition's, the condition's, then those after. */
    List<Object> around(List<?> before, List<?> after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(parameters);
        all.addAll(after);
        return all;
    }
}

package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The places that name the incident's columns agree, without a database: the fields of {@link IncidentRow}, the
 * constructor Spring Data reads a row with, the columns of {@link NewIncidentsImpl#INSERT} and of
 * {@link IncidentStates#COLUMNS}, the values {@link IncidentRow#insertValues} inserts and the
 * {@link IncidentRow#snapshot} the audit trail takes its digest of. A column added in one place and not in another
 * fails here.
 */
class IncidentColumnsTest {

    /** The columns the database gives a new incident: the number from a sequence, the version from Spring Data. */
    private static final List<String> GIVEN_BY_THE_DATABASE = List.of("number", "version");

    @Test
    void theInsertAndTheAuditedStatesNameTheFieldsColumnsInTheirOrder() {
        List<String> fields = fieldColumns();

        assertThat(insertColumns()).isEqualTo(fields);
        assertThat(Arrays.stream(IncidentStates.COLUMNS.split(","))
                        .map(String::trim)
                        .toList())
                .isEqualTo(fields);
        assertThat(Arrays.stream(NewIncidentsImpl.INSERT
                                .substring(
                                        NewIncidentsImpl.INSERT.indexOf("values"),
                                        NewIncidentsImpl.INSERT.indexOf("returning"))
                                .split(","))
                        .count())
                .isEqualTo(fields.size());
    }

    @Test
    void theConstructorTakesEveryFieldButThoseTheDatabaseGivesInTheirOrder() {
        List<String> parameters = Arrays.stream(constructor().getParameters())
                .map(Parameter::getName)
                .toList();

        assertThat(parameters)
                .isEqualTo(fields().stream()
                        .map(Field::getName)
                        .filter(name -> !GIVEN_BY_THE_DATABASE.contains(name))
                        .toList());
    }

    @Test
    void eachConstructorArgumentLandsInItsOwnInsertValueAndChangesTheSnapshot() throws Exception {
        Object[] arguments = arguments();
        Incident incident = constructor().newInstance(arguments);
        Object[] values = incident.insertValues();
        List<String> inserted = insertColumns().stream()
                .filter(column -> !column.equals("number"))
                .toList();
        assertThat(values).hasSize(inserted.size());

        Parameter[] parameters = constructor().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Object[] changed = arguments.clone();
            changed[i] = another(changed[i]);
            Incident other = constructor().newInstance(changed);
            int column = inserted.indexOf(column(parameters[i].getName()));

            assertThat(column).as(parameters[i].getName()).isNotNegative();
            Object[] otherValues = other.insertValues();
            for (int j = 0; j < values.length; j++) {
                assertThat(Objects.equals(otherValues[j], values[j]))
                        .as("insert value %d (%s) after changing %s", j, inserted.get(j), parameters[i].getName())
                        .isEqualTo(j != column);
            }
            assertThat(other.snapshot()).as(parameters[i].getName()).isNotEqualTo(incident.snapshot());
        }
    }

    @Test
    void theNumberIsInTheSnapshotAndANewIncidentIsInsertedAtVersionZero() throws Exception {
        Incident incident = constructor().newInstance(arguments());
        String unnumbered = incident.snapshot();
        incident.numbered(7);

        assertThat(incident.snapshot()).isNotEqualTo(unnumbered);
        Object[] values = incident.insertValues();
        assertThat(values[values.length - 1]).isEqualTo(0L);
    }

    private static List<Field> fields() {
        return Arrays.stream(IncidentRow.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .toList();
    }

    private static List<String> fieldColumns() {
        return fields().stream().map(field -> column(field.getName())).toList();
    }

    private static List<String> insertColumns() {
        Matcher columns = Pattern.compile("insert into incident \\(([^)]*)\\)").matcher(NewIncidentsImpl.INSERT);
        assertThat(columns.find()).isTrue();
        return Arrays.stream(columns.group(1).split(",")).map(String::trim).toList();
    }

    /** The column Spring Data JDBC maps a property to: snake case. */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Constructor<Incident> constructor() {
        Constructor<?>[] constructors = Incident.class.getDeclaredConstructors();
        assertThat(constructors).hasSize(1);
        return (Constructor<Incident>) constructors[0];
    }

    /** A distinct, present value for each parameter, so that each can be told from the others. */
    private static Object[] arguments() {
        Parameter[] parameters = constructor().getParameters();
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            arguments.add(valueOf(parameters[i].getType(), i));
        }
        return arguments.toArray();
    }

    private static Object valueOf(Class<?> type, int index) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == String.class) {
            return "text " + index;
        }
        if (type == int.class) {
            return index;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-03-02T09:00:00Z").plusSeconds(index);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new AssertionError("no test value for a parameter of type " + type);
    }

    private static Object another(Object value) {
        if (value instanceof UUID) {
            return UUID.randomUUID();
        }
        if (value instanceof String text) {
            return text + " changed";
        }
        if (value instanceof Integer number) {
            return number + 100;
        }
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Instant instant) {
            return instant.plusSeconds(3_600);
        }
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getEnumConstants()[1];
        }
        throw new AssertionError("no other value for " + value);
    }
}

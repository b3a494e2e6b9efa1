package io.cairn.compliance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping of a regime file, read field by field: each problem is noted with the line and column where it lies (from
 * SnakeYAML's marks), and the reading goes on so that one load names every problem of a file.
 */
final class YamlMapping {

    private final String file;
    private final String path;
    private final MappingNode node;
    private final List<RegimeProblem> problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    private YamlMapping(String file, String path, MappingNode node, List<RegimeProblem> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        for (NodeTuple field : node.getValue()) {
            String key = field.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            if (fields.putIfAbsent(key, field) != null) {
                problem(field.getKeyNode(), ComplianceRefusals.FIELD_TWICE, key);
            }
        }
    }

    /** The node as a mapping, or empty with a problem noted at it; {@code path} names it in messages. */
    static Optional<YamlMapping> of(String file, String path, Node node, List<RegimeProblem> problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMapping(file, path, mapping, problems));
        }
        problems.add(at(file, node, ComplianceRefusals.NOT_A_MAPPING, path));
        return Optional.empty();
    }

    /** Notes a problem for every field that is not one of the known ones. */
    YamlMapping allowing(Set<String> known) {
        fields.forEach((key, field) -> {
            if (!known.contains(key)) {
                problem(
                        field.getKeyNode(),
                        ComplianceRefusals.UNKNOWN_FIELD,
                        key,
                        String.join(", ", new TreeSet<>(known)));
            }
        });
        return this;
    }

    /** The single value of a field that must be there. */
    Optional<String> text(String key) {
        return field(key).flatMap(value -> scalar(key, value));
    }

    /** The single value of a field that may be left out. */
    Optional<String> optionalText(String key) {
        return fields.containsKey(key) ? text(key) : Optional.empty();
    }

    /** The value of a field read by the parser, or empty with a problem naming {@code what} it should have been. */
    <T> Optional<T> value(String key, String what, Function<String, T> parser) {
        return text(key).flatMap(text -> parsed(nodeOf(key), text, what, parser));
    }

    /** Like {@link #value}, for a field that may be left out. */
    <T> Optional<T> optionalValue(String key, String what, Function<String, T> parser) {
        return fields.containsKey(key) ? value(key, what, parser) : Optional.empty();
    }

    /** A field that is a mapping itself. */
    Optional<YamlMapping> mapping(String key) {
        return field(key).flatMap(value -> of(file, qualified(key), value, problems));
    }

    /** The items of a field that is a list; empty when the field is absent and {@code required} is false. */
    Optional<List<Node>> list(String key, boolean required) {
        if (!required && !fields.containsKey(key)) {
            return Optional.of(List.of());
        }
        return field(key).flatMap(value -> {
            if (value instanceof SequenceNode sequence) {
                return Optional.of(sequence.getValue());
            }
            problem(value, ComplianceRefusals.NOT_A_LIST, qualified(key));
            return Optional.empty();
        });
    }

    /** A list item that is a mapping itself; {@code itemPath} names it in messages: {@code stages[2]}. */
    Optional<YamlMapping> itemMapping(Node item, String itemPath) {
        return of(file, itemPath, item, problems);
    }

    /** The value of a field of a mapping node without reading it: to learn the ids of a list before its items. */
    static Optional<String> peek(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple field : mapping.getValue()) {
                if (field.getKeyNode() instanceof ScalarNode name
                        && name.getValue().equals(key)
                        && field.getValueNode() instanceof ScalarNode value) {
                    return Optional.of(value.getValue().strip());
                }
            }
        }
        return Optional.empty();
    }

    /** The value of a field of this mapping as written, without noting any problem. */
    Optional<String> peek(String key) {
        return peek(node, key);
    }

    /** The single value of a list item, or empty with a problem noted at it. */
    Optional<String> item(String key, Node item) {
        return scalar(key, item);
    }

    /** Reads the text of a node with the parser, noting a problem naming {@code what} it should have been. */
    <T> Optional<T> parsed(Node at, String text, String what, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text.strip()));
        } catch (RuntimeException e) {
            problem(at, ComplianceRefusals.BAD_VALUE, text, what);
            return Optional.empty();
        }
    }

    /** The node of a field's value, for a problem found later; the mapping's own when the field is absent. */
    Node nodeOf(String key) {
        return fields.containsKey(key) ? fields.get(key).getValueNode() : node;
    }

    /** Whether any problem was noted in the file so far. */
    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Notes a problem at a node. */
    void problem(Node at, ComplianceRefusals reason, Object... arguments) {
        problems.add(at(file, at, reason, arguments));
    }

    /** The dotted path of a field of this mapping, as messages name it: {@code stages[2].clock}. */
    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Optional<Node> field(String key) {
        NodeTuple field = fields.get(key);
        if (field == null) {
            problem(node, ComplianceRefusals.FIELD_MISSING, qualified(key));
            return Optional.empty();
        }
        return Optional.of(field.getValueNode());
    }

    private Optional<String> scalar(String key, Node value) {
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue());
        }
        if (value instanceof ScalarNode) {
            problem(value, ComplianceRefusals.FIELD_MISSING, qualified(key));
        } else {
            problem(value, ComplianceRefusals.NOT_TEXT, qualified(key));
        }
        return Optional.empty();
    }

    static RegimeProblem at(String file, Node node, ComplianceRefusals reason, Object... arguments) {
        Mark mark = node.getStartMark();
        return mark == null
                ? RegimeProblem.of(file, 0, 0, reason, arguments)
                : RegimeProblem.of(file, mark.getLine() + 1, mark.getColumn() + 1, reason, arguments);
    }
}

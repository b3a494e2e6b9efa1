package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class and method of {@code src/main} stays small enough for a person to hold in their head: no top-level type
 * with more than {@value #MAX_TYPE_LINES} lines of code, no method or constructor with more than
 * {@value #MAX_METHOD_LINES}. Lines of code are the lines that are not blank once comments are taken out, so that
 * neither Javadoc nor blank lines count against a class.
 */
class CodeSizeTest {

    static final int MAX_TYPE_LINES = 300;
    static final int MAX_METHOD_LINES = 40;

    private static List<Source> sources;

    @BeforeAll
    static void parseTheMainSources() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(Source::parse)
                    .toList();
        }
    }

    @Test
    void noClassOrMethodIsLongerThanAPersonCanHoldInTheirHead() {
        Set<String> tooLong = new TreeSet<>();
        for (Source source : sources) {
            for (TypeDeclaration<?> type : source.unit().getTypes()) {
                String name = type.getFullyQualifiedName().orElse(type.getNameAsString());
                if (source.linesOfCode(type) > MAX_TYPE_LINES) {
                    tooLong.add(name + " (" + source.linesOfCode(type) + ")");
                }
                type.findAll(CallableDeclaration.class).stream()
                        .filter(callable -> source.linesOfCode(body(callable)) > MAX_METHOD_LINES)
                        .forEach(callable -> tooLong.add(name + "#" + callable.getNameAsString() + " ("
                                + source.linesOfCode(body(callable)) + ")"));
            }
        }

        assertThat(tooLong)
                .as("classes over %d lines of code and methods over %d (split them)", MAX_TYPE_LINES, MAX_METHOD_LINES)
                .isEmpty();
    }

    /** What a method or constructor does: its body, without the signature (a long parameter list is not logic). */
    private static Node body(CallableDeclaration<?> callable) {
        if (callable instanceof MethodDeclaration method) {
            return method.getBody().map(Node.class::cast).orElse(method);
        }
        return ((ConstructorDeclaration) callable).getBody();
    }

    /** A parsed source file with the numbers of its lines that hold code. */
    private record Source(CompilationUnit unit, BitSet codeLines) {

        static Source parse(Path file) {
            try {
                String text = Files.readString(file);
                CompilationUnit unit = StaticJavaParser.parse(text);
                return new Source(unit, codeLines(unit, text.lines().toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int linesOfCode(Node node) {
            return node.getRange()
                    .map(range ->
                            codeLines.get(range.begin.line, range.end.line + 1).cardinality())
                    .orElse(0);
        }

        /** The lines (numbered from 1) that are not blank once the comments are blanked out. */
        private static BitSet codeLines(CompilationUnit unit, List<String> text) {
            char[][] lines = text.stream().map(String::toCharArray).toArray(char[][]::new);
            for (Comment comment : unit.getAllComments()) {
                comment.getRange().ifPresent(range -> {
                    for (int line = range.begin.line; line <= range.end.line; line++) {
                        char[] chars = lines[line - 1];
                        int from = line == range.begin.line ? range.begin.column - 1 : 0;
                        int to = line == range.end.line ? Math.min(range.end.column, chars.length) : chars.length;
                        Arrays.fill(chars, from, to, ' ');
                    }
                });
            }
            BitSet code = new BitSet();
            for (int line = 1; line <= lines.length; line++) {
                if (!new String(lines[line - 1]).isBlank()) {
                    code.set(line);
                }
            }
            return code;
        }
    }
}

package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class and method of {@code src/main} stays small enough for a person to hold in their head: no top-level type
 * longer than {@value #MAX_TYPE_LINES} lines, no method or constructor longer than {@value #MAX_METHOD_LINES}.
 */
class CodeSizeTest {

    static final int MAX_TYPE_LINES = 300;
    static final int MAX_METHOD_LINES = 40;


    private static List<CompilationUnit> sources;

    @BeforeAll
    static void parseTheMainSources() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().map(CodeSizeTest::parse).toList();
        }
    }

    @Test
    void noClassOrMethodIsLongerThanAPersonCanHoldInTheirHead() {
        Set<String> tooLong = new TreeSet<>();
        for (CompilationUnit source : sources) {
            for (TypeDeclaration<?> type : source.getTypes()) {
                String name = type.getFullyQualifiedName().orElse(type.getNameAsString());
                if (lines(type) > MAX_TYPE_LINES) {
                    tooLong.add(name);
                }
                type.findAll(CallableDeclaration.class).stream()
                        .filter(callable -> lines(callable) > MAX_METHOD_LINES)
                        .forEach(callable -> tooLong.add(name + "#" + callable.getNameAsString()));
            }
        }

        assertThat(tooLong).as("classes over %d lines and methods over %d (split them)", MAX_TYPE_LINES,
                MAX_METHOD_LINES).isEmpty();
    }

    private static int lines(Node node) {
        return node.getRange().map(range -> range.end.line - range.begin.line + 1).orElse(0);
    }

    private static CompilationUnit parse(Path file) {
        try {
            return StaticJavaParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

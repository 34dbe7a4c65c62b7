package io.jclas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule of docs/architecture.md: no package imports one that imports it, in any module. */
class PackageCyclesTest {

    @Test
    void noPackageUsesOneThatUsesIt() throws IOException {
        // Surefire runs in the module folder; the modules are its siblings.
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<Path> roots;
        try (Stream<Path> modules = Files.list(repo)) {
            roots = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(6, roots.size(), "source folders found: " + roots);
        PackageGraph graph = PackageGraph.scan(roots);
        assertTrue(graph.edgeCount() > 40, "the scan found only " + graph.edgeCount() + " package dependencies");
        assertEquals(List.of(), graph.cycles(), "packages that use each other (see docs/architecture.md)");
    }

    @Test
    void aCycleIsReportedWithTheFilesThatCloseIt(@TempDir Path src) throws IOException {
        write(src, "io/jclas/a/A.java", "package io.jclas.a;\nimport io.jclas.b.sub.B;\nclass A {}\n");
        write(src, "io/jclas/b/sub/B.java", "package io.jclas.b.sub;\nclass B { Object c = new io.jclas.c.C(); }\n");
        write(src, "io/jclas/c/C.java", "package io.jclas.c;\n/** {@link io.jclas.b.sub.B} */\nclass C {"
                + " String s = \"io.jclas.b.B\"; Object a = io.jclas.a.A.class; }\n");
        write(src, "io/jclas/d/D.java", "package io.jclas.d;\n// io.jclas.a.A\nimport io.jclas.a.*;\nclass D {}\n");
        PackageGraph graph = PackageGraph.scan(List.of(src));
        assertEquals(4, graph.edgeCount());
        assertEquals(List.of("io.jclas.a → io.jclas.b (io/jclas/a/A.java) → io.jclas.c (io/jclas/b/sub/B.java)"
                + " → io.jclas.a (io/jclas/c/C.java)"), graph.cycles());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}

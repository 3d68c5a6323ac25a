package org.skytools.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloaderTest {
    /** Loaded from the test jar. */
    static final class Sample {}

    @Test
    void loadsTheJarsClassesUnderThePrefixesAndSkipsTheOnesThatCannotLoad(@TempDir Path dir) throws IOException {
        String sample = Sample.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream in = ClassPreloaderTest.class.getClassLoader().getResourceAsStream(sample)) {
            put(out, sample, in.readAllBytes());
            put(out, "org/skytools/Broken.class", new byte[] {1, 2, 3});
            put(out, "org/other/Elsewhere.class", new byte[] {1, 2, 3});
            put(out, "org/skytools/notes.txt", new byte[] {1});
        }
        Path notAJar = Files.createDirectory(dir.resolve("classes"));
        String classPath = jar + File.pathSeparator + notAJar + File.pathSeparator + dir.resolve("missing.jar");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ClassPreloader.load(classPath, List.of("org/skytools/"), loader))
                    .isEqualTo(1);
            assertThat(ClassPreloader.load(classPath, List.of("org/nothing/"), loader))
                    .isZero();
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}

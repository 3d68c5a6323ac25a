package org.skytools.common.cli;

import java.io.File;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads, without initialising, every class of the class path's jars under some package prefixes.
 * A class-data-sharing training run calls it so that the archive also holds the classes its few
 * commands do not reach (the replay and copy paths of a daemon): they then start without reading
 * and verifying those classes from the jars.
 */
public final class ClassPreloader {
    private ClassPreloader() {}

    /**
     * Loads the classes of {@code java.class.path} whose names start with one of {@code prefixes}
     * (in internal form, {@code org/skytools/}); returns how many loaded. Classes that cannot be
     * loaded here (a missing optional dependency) are skipped.
     */
    public static int load(List<String> prefixes) {
        return load(System.getProperty("java.class.path", ""), prefixes, ClassPreloader.class.getClassLoader());
    }

    /** Loads the matching classes of the jars on {@code classPath} through {@code loader}. */
    static int load(String classPath, List<String> prefixes, ClassLoader loader) {
        int loaded = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.endsWith(".class")
                            && !name.endsWith("module-info.class")
                            && prefixes.stream().anyMatch(name::startsWith)) {
                        loaded += loadOne(loader, name);
                    }
                }
            } catch (IOException e) {
                // an unreadable jar only leaves its classes out of the archive
            }
        }
        return loaded;
    }

    private static int loadOne(ClassLoader loader, String entry) {
        String className =
                entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        try {
            Class.forName(className, false, loader);
            return 1;
        } catch (ClassNotFoundException | LinkageError e) {
            return 0;
        }
    }
}

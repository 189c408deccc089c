package io.deepline.pipelines.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The classes that ship in the same place as an anchor class: its target/classes directory when Maven runs the
 * tests, or its jar. A scan of what is built, so a check over "every stage" cannot miss one added later.
 */
public final class CodeSourceClasses {

    private CodeSourceClasses() {
    }

    /** Every class under {@code packagePrefix} in {@code anchor}'s code source, loaded without initialising it. */
    public static List<Class<?>> of(Class<?> anchor, String packagePrefix) {
        try {
            Path location = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return scan(location, packagePrefix, anchor.getClassLoader());
            }
            try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
                return scan(jar.getPath("/"), packagePrefix, anchor.getClassLoader());
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes next to " + anchor.getName() + ": " + e, e);
        }
    }

    private static List<Class<?>> scan(Path root, String packagePrefix, ClassLoader loader) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (!name.startsWith(packagePrefix) || name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name + " is in " + root + " but does not load: " + e, e);
                }
            }
        }
        return classes;
    }
}

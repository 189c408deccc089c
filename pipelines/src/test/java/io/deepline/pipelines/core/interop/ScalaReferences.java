package io.deepline.pipelines.core.interop;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * Finds compiled classes that use Scala's collection or runtime packages, whose classes differ between Scala 2.12
 * (Spark 3.5) and 2.13 (Spark 4): only {@code io.deepline.pipelines.core.interop} may. Reads the class files, not the
 * sources, so it also sees a use that names no Scala type in the source ({@code var xs = row.getSeq(0);
 * xs.size()}). It counts what a class itself uses: the classes it names (calls on, casts to, extends, implements),
 * the types of its own fields and methods, and their generic signatures. Calling a Spark method whose signature
 * mentions a Scala type, to hand its result straight to the adapter, is not a use.
 *
 * <p>A plain class-file reader rather than ArchUnit: it needs no new dependency, and ArchUnit's dependency model
 * does not see the member signatures checked here the same way on every version.
 */
public final class ScalaReferences {
    /** Binary-name prefixes whose classes are not the same on both Scala lines. */
    static final List<String> LINE_SPECIFIC = List.of("scala/collection/", "scala/runtime/");
    static final String ADAPTER = "io/deepline/pipelines/core/interop/";

    private ScalaReferences() {
    }

    /** The class directory (target/classes or target/test-classes) that {@code type} was loaded from. */
    public static Path classesOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException(type.getName() + " was loaded from " + location + ", not a class"
                        + " directory; run this check from the module's own build (mvn test), not from a jar");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    /** Class name to the line-specific Scala types it uses, for each class under {@code root} outside the adapter. */
    public static Map<String, Set<String>> outsideAdapter(Path root) {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.startsWith(ADAPTER)) {
                    continue;
                }
                Set<String> used = used(file);
                if (!used.isEmpty()) {
                    found.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), used);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes under " + root, e);
        }
        return found;
    }

    /** Fails, naming each class outside the adapter under {@code root} that uses them and the Scala types it uses. */
    public static void assertNoneOutsideAdapter(Path root) {
        Map<String, Set<String>> found = outsideAdapter(root);
        Assertions.assertEquals(Map.of(), found, () -> "classes under " + root + " use Scala classes that differ"
                + " between Scala 2.12 and 2.13 (class -> Scala types): " + found + "; go through"
                + " io.deepline.pipelines.core.interop (ScalaCollections, ScalaFunctions, ScalaClassTags) instead");
    }

    /** The line-specific Scala types one class file uses. */
    static Set<String> used(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            return used(new DataInputStream(in));
        }
    }

    private static Set<String> used(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two constant-pool slots
                }
                default -> throw new IOException("unknown constant-pool tag " + tag);
            }
        }
        List<String> named = new ArrayList<>();
        classNames.forEach(index -> named.add(utf8[index]));
        in.skipNBytes(6); // access flags, this class, super class (both also in the constant pool as classes)
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces, idem
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int m = 0; m < n; m++) {
                in.skipNBytes(4); // access flags, name
                named.add(utf8[in.readUnsignedShort()]);
                attributes(in, utf8, named);
            }
        }
        attributes(in, utf8, named);
        Set<String> used = new TreeSet<>();
        for (String text : named) {
            for (String prefix : LINE_SPECIFIC) {
                int at = text.indexOf(prefix);
                while (at >= 0) {
                    int end = at;
                    while (end < text.length() && ";<[".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    used.add(text.substring(at, end).replace('/', '.'));
                    at = text.indexOf(prefix, end);
                }
            }
        }
        return used;
    }

    /** Skips a member's or the class's attributes, keeping the generic signature's text. */
    private static void attributes(DataInputStream in, String[] utf8, List<String> named) throws IOException {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("Signature".equals(name)) {
                named.add(utf8[in.readUnsignedShort()]);
            } else {
                in.skipNBytes(length);
            }
        }
    }
}

package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Structure checks of the pages a run writes (run pages, registry pages): the page parses as XML, has the named
 * sections, every file it links or shows exists inside its folder, and every image is a PNG of the plots' size
 * and a sensible weight (not blank, not huge).
 */
public final class PageChecks {

    private PageChecks() {
    }

    /** The parsed page; fails if {@code index.html} is missing or not well-formed. */
    public static Document page(Path folder) throws IOException {
        Path index = folder.resolve("index.html");
        assertTrue(Files.isRegularFile(index), index + " is missing");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            return factory.newDocumentBuilder().parse(index.toFile());
        } catch (Exception e) {
            throw new AssertionError(index + " is not well-formed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the page in {@code folder}: the sections by id, the images it must show (by file name), every link and
     * image resolving to a file under the folder, and every image a valid PNG.
     *
     * @return the page's image file names, in page order
     */
    public static List<String> assertPage(Path folder, List<String> sections, List<String> images)
            throws IOException {
        Document page = page(folder);
        List<String> ids = attributes(page, "*", "id");
        for (String section : sections) {
            assertTrue(ids.contains(section), "the page in " + folder + " lacks the section '" + section + "': " + ids);
        }
        List<String> shown = attributes(page, "img", "src");
        assertTrue(shown.containsAll(images), "the page shows " + shown + " but should show " + images);
        List<String> files = new ArrayList<>(shown);
        files.addAll(attributes(page, "a", "href"));
        for (String file : files) {
            assertTrue(!file.contains(":") && !file.startsWith("/") && !file.contains(".."),
                    "'" + file + "' is not a path inside the folder");
            assertTrue(Files.isRegularFile(folder.resolve(file)), folder + " lacks " + file + ", which its page links");
        }
        for (String image : shown) {
            assertPng(folder.resolve(image));
        }
        assertEquals(0, page.getElementsByTagName("script").getLength(), "no scripts");
        return shown;
    }

    /** An 800 x 500 PNG with some drawing on it: more than 5 kB, less than 1 MB. */
    public static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), file + ": PNG signature");
        assertTrue(bytes.length > 5_000 && bytes.length < 1_000_000, file + " weighs " + bytes.length + " bytes");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, file + " does not decode");
        assertEquals(800, image.getWidth(), file + " width");
        assertEquals(500, image.getHeight(), file + " height");
    }

    /** The text of the element with this id. */
    public static String text(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no element with id '" + id + "'");
    }

    private static List<String> attributes(Document page, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList nodes = page.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            String v = ((Element) nodes.item(i)).getAttribute(attribute);
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }
}

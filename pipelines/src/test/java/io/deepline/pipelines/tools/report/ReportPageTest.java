package io.deepline.pipelines.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The page parses as XML, shows the headline metrics, run facts, per-class table and every scalar metric, links its
 * files and the JSON, and escapes all text.
 */
class ReportPageTest {

    static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage() + "\n" + html, e);
        }
    }

    /** The folded table of every scalar metric as name → shown value. */
    static Map<String, String> metricTable(Document page) {
        return keyValues((Element) page.getElementsByTagName("details").item(0));
    }

    /** A section's (or any element's) name → value rows: a th, then one td. */
    static Map<String, String> keyValues(Element element) {
        Map<String, String> table = new LinkedHashMap<>();
        NodeList rows = element.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            NodeList heads = ((Element) rows.item(i)).getElementsByTagName("th");
            NodeList cells = ((Element) rows.item(i)).getElementsByTagName("td");
            if (heads.getLength() == 1 && cells.getLength() == 1) {
                table.put(heads.item(0).getTextContent(), cells.item(0).getTextContent());
            }
        }
        return table;
    }

    /** The element with this id. */
    static Element byId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("the page has no element with id '" + id + "'");
    }

    static List<String> attributes(Document page, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList nodes = page.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    @Test
    void showsScalarMetricsJsonImagesAndLinks() {
        String json = "{\"accuracy\": 0.9666666666666667, \"trainRows\": 120, \"modelType\": \"DeepClassifier\","
                + " \"confusionMatrix\": [[1, 0], [0, 1]], \"perClass\": {\"0\": {\"recall\": 0.5, \"support\": 2}},"
                + " \"logLoss\": NaN, \"note\": null}";
        ReportPage page = new ReportPage("iris", json).withImage("learning-curve.png", "Learning curve")
                .withImage("confusion.png", null).withLink("history.csv", "History")
                .withFacts(new LinkedHashMap<>(Map.of("model", "DeepClassifier"))).withKeptEpoch("12 of 17")
                .withClassNames(new String[] {"setosa"});
        String html = page.toHtml();
        Document doc = parse(html);

        Map<String, String> table = metricTable(doc);
        assertEquals(List.of("accuracy", "trainRows", "modelType", "logLoss", "note"), new ArrayList<>(table.keySet()),
                "scalars in order, arrays and the per-class table left out");
        assertEquals("0.966667", table.get("accuracy"));
        assertEquals("120", table.get("trainRows"));
        assertEquals("DeepClassifier", table.get("modelType"));
        assertEquals("NaN", table.get("logLoss"));
        Map<String, String> headline = keyValues(byId(doc, "metrics"));
        assertEquals(List.of("accuracy", "logLoss", "weights kept from epoch"), new ArrayList<>(headline.keySet()),
                "the headline: quality numbers (not counts, not names) and the kept epoch");
        assertEquals("12 of 17", headline.get("weights kept from epoch"));
        assertEquals(Map.of("model", "DeepClassifier"), keyValues(byId(doc, "run")));
        Element perClass = byId(doc, "per-class");
        assertEquals(2, perClass.getElementsByTagName("tr").getLength(), "a header and one row per class");
        assertEquals("classrecallsupport", ((Element) perClass.getElementsByTagName("tr").item(0)).getTextContent());
        assertEquals("setosa (0)0.52", ((Element) perClass.getElementsByTagName("tr").item(1)).getTextContent());

        assertEquals(List.of("learning-curve.png", "confusion.png"), attributes(doc, "img", "src"));
        assertEquals(List.of(String.valueOf(PngPlot.WIDTH), String.valueOf(PngPlot.WIDTH)),
                attributes(doc, "img", "width"));
        assertEquals(List.of("learning-curve.png", "confusion.png", "history.csv", "metrics.json"),
                attributes(doc, "a", "href"), "each plot links to its full-size image, then the tables and JSON");
        assertEquals(0, doc.getElementsByTagName("pre").getLength(), "the JSON is linked, not printed again");
        assertTrue(ReportPage.isReportPage(html));
        assertTrue(ReportPage.isReportPage("<h2>Metrics JSON</h2>"), "a page of the earlier layout is ours too");
        assertFalse(ReportPage.isReportPage("<html><body>someone else's</body></html>"));
        assertEquals("iris", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
    }

    @Test
    void escapesEveryText() {
        String json = "{\"a<b>&c\": \"<script>alert('x')</script>\", \"q\\\"uote\": 1.5}";
        String html = new ReportPage("R&D <test>", json).withImage("plot.png", "x < y & \"z\"").toHtml();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("R&D"), html);
        assertTrue(html.contains("R&amp;D &lt;test&gt;"), html);
        Document doc = parse(html);
        Map<String, String> table = metricTable(doc);
        assertEquals("<script>alert('x')</script>", table.get("a<b>&c"), "the parser gets the original text back");
        assertEquals("1.5", table.get("q\"uote"));
        assertEquals(List.of("x < y & \"z\""), attributes(doc, "img", "alt"));
        assertEquals("R&D <test>", doc.getElementsByTagName("h1").item(0).getTextContent());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> new ReportPage("r", "{\"accuracy\": 0.9,"));
        assertTrue(notJson.getMessage().contains("does not parse") && notJson.getMessage().contains("line 1"),
                notJson.getMessage());
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> new ReportPage("r", "[1, 2]"));
        assertTrue(array.getMessage().contains("must be an object") && array.getMessage().contains("array"),
                array.getMessage());
        IllegalArgumentException title = assertThrows(IllegalArgumentException.class,
                () -> new ReportPage(" ", "{}"));
        assertTrue(title.getMessage().contains("title"), title.getMessage());
        ReportPage page = new ReportPage("r", "{}");
        for (String bad : new String[] {"../x.png", "/tmp/x.png", "hdfs://nn/x.png", "a b.png", "", "x\".png"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> page.withImage(bad, "c"));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("plain file name"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> page.withLink(null, "c"));
    }
}

package io.deepline.pipelines.report;

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

/** The page parses as XML, shows every scalar metric and the JSON, embeds its files, and escapes all text. */
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

    /** The metric table as name → shown value. */
    static Map<String, String> metricTable(Document page) {
        Map<String, String> table = new LinkedHashMap<>();
        NodeList rows = page.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            NodeList cells = ((Element) rows.item(i)).getElementsByTagName("td");
            if (cells.getLength() == 2) {
                table.put(cells.item(0).getTextContent(), cells.item(1).getTextContent());
            }
        }
        return table;
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
                .withImage("confusion.png", null).withLink("history.csv", "History");
        String html = page.toHtml();
        Document doc = parse(html);

        Map<String, String> table = metricTable(doc);
        assertEquals(List.of("accuracy", "trainRows", "modelType", "perClass.0.recall", "perClass.0.support",
                "logLoss", "note"), new ArrayList<>(table.keySet()), "scalars in order, nested ones dotted, arrays left out");
        assertEquals("0.966667", table.get("accuracy"));
        assertEquals("120", table.get("trainRows"));
        assertEquals("DeepClassifier", table.get("modelType"));
        assertEquals("0.5", table.get("perClass.0.recall"));
        assertEquals("NaN", table.get("logLoss"));

        assertEquals(List.of("learning-curve.png", "confusion.png"), attributes(doc, "img", "src"));
        assertEquals(List.of(String.valueOf(PngPlot.WIDTH), String.valueOf(PngPlot.WIDTH)),
                attributes(doc, "img", "width"));
        assertEquals(List.of("history.csv"), attributes(doc, "a", "href"));
        String listing = doc.getElementsByTagName("pre").item(0).getTextContent();
        assertTrue(listing.contains("\"confusionMatrix\"") && listing.contains("0.9666666666666667"),
                "the full JSON, at full precision: " + listing);
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

package io.deepline.pipelines.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A report folder for a real fitted classifier lands through Hadoop FileSystem (a plain path and a file: URI),
 * and everything its page points to is there and decodes.
 */
@ExtendWith(SparkSessionExtension.class)
class ReportFolderTest {
    private static final String[] IRIS = {"setosa", "versicolor", "virginica"};
    private static TrainingHistory history;
    private static ClassificationReport report;

    @BeforeAll
    static void fitIris() {
        SparkSession spark = SparkSessionExtension.session();
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {4}).setMaxEpochs(3)
                .setNumWorkers(1).setSeed(3).fit(iris);
        history = model.trainingHistory();
        report = ClassificationReport.of(model.transform(iris), "label", "prediction", "probability", 3);
    }

    private static HadoopFiles files(SparkSession spark) {
        return new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    }

    private static byte[] read(HadoopFiles files, String path) {
        try (InputStream in = files.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    private static String metricsJson() {
        return "{\"accuracy\": " + report.accuracy() + ", \"f1Macro\": " + report.f1Macro() + "}";
    }

    @Test
    void writesPageLearningCurveConfusionAndTables(SparkSession spark, @TempDir Path dir) {
        HadoopFiles files = files(spark);
        String folder = dir.resolve("model/report").toString();
        List<String> written = new ReportFolder("iris <4 units>", metricsJson()).withHistory(history)
                .withConfusion(report, IRIS)
                .withTable("notes.csv", "Notes", "a,b\n1,2\n")
                .write(files, folder);
        assertEquals(List.of("learning-curve.png", "confusion.png", "throughput.png", "history.csv", "confusion.csv",
                "notes.csv", "metrics.json", "index.html"), written);

        Document page = ReportPageTest.parse(files.readText(folder + "/index.html"));
        List<String> linked = new ArrayList<>(ReportPageTest.attributes(page, "img", "src"));
        linked.addAll(ReportPageTest.attributes(page, "a", "href"));
        assertEquals(written.subList(0, written.size() - 1).stream().sorted().toList(),
                linked.stream().distinct().sorted().toList(), "the page shows every file written, nothing else");
        for (String image : ReportPageTest.attributes(page, "img", "src")) {
            PlotsTest.assertPlotSize(read(files, folder + "/" + image));
        }
        assertEquals(String.valueOf(report.accuracy()).substring(0, 4),
                ReportPageTest.metricTable(page).get("accuracy").substring(0, 4));

        String[] historyLines = files.readText(folder + "/history.csv").split("\n");
        assertEquals("epoch,loss,seconds,examples,examplesPerSecond", historyLines[0]);
        assertEquals(history.numEpochs() + 1, historyLines.length);
        for (int e = 0; e < history.numEpochs(); e++) {
            String[] cells = historyLines[e + 1].split(",");
            EpochStats stats = history.epochs().get(e);
            assertEquals(stats.epoch(), Integer.parseInt(cells[0]));
            assertEquals(stats.loss(), Double.parseDouble(cells[1]), 0.0, "exact round trip");
        }

        String[] confusionLines = files.readText(folder + "/confusion.csv").split("\n");
        assertEquals("true\\predicted,setosa,versicolor,virginica", confusionLines[0]);
        long[][] c = report.confusion();
        for (int i = 0; i < 3; i++) {
            String[] cells = confusionLines[i + 1].split(",");
            assertEquals(IRIS[i], cells[0]);
            for (int j = 0; j < 3; j++) {
                assertEquals(c[i][j], Long.parseLong(cells[j + 1]), "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void writesToAFileUriWithOnlyWhatItIsGiven(SparkSession spark, @TempDir Path dir) {
        HadoopFiles files = files(spark);
        String folder = dir.resolve("r").toUri().toString();
        assertTrue(folder.startsWith("file:"), folder);
        List<String> written = new ReportFolder("regression", "{\"rmse\": 0.25}").withHistory(TrainingHistory.empty())
                .withPlot("selection.png", "Selection", new SelectionCurvePlot("l2", "rmse", List.of("0.0", "0.1"),
                        new double[] {0.2, 0.3}, new double[] {0.5, 0.4}, 1))
                .write(files, folder);
        assertEquals(List.of("selection.png", "metrics.json", "index.html"), written,
                "no history, no confusion: no such files");
        assertEquals("{\"rmse\": 0.25}", files.readText(folder + "/metrics.json"), "the JSON as given, linked");
        assertTrue(files.exists(folder + "/index.html"));
        assertTrue(dir.resolve("r/index.html").toFile().isFile(), "the file: URI is the local directory");
        PlotsTest.assertPlotSize(read(files, folder + "/selection.png"));
        assertFalse(files.exists(folder + "/learning-curve.png"));
    }

    @Test
    void badInputFailsBeforeAnyFileIsWritten(SparkSession spark, @TempDir Path dir) {
        HadoopFiles files = files(spark);
        String folder = dir.resolve("bad").toString();
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "not json").withHistory(history).write(files, folder));
        assertTrue(json.getMessage().contains("metrics JSON"), json.getMessage());
        assertFalse(files.exists(folder), "nothing is written for a bad report");

        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "{}").withConfusion(report, new String[] {"a", "b"}).write(files, folder));
        assertTrue(labels.getMessage().contains("3 classes"), labels.getMessage());
        assertFalse(files.exists(folder));

        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "{}").withTable("history.csv", "mine", "a\n"));
        assertTrue(reserved.getMessage().contains("'history.csv'"), reserved.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "{}").withTable("t.csv", "t", "a\n").withTable("t.csv", "u", "b\n"));
        assertTrue(twice.getMessage().contains("already has a file named 't.csv'"), twice.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "{}").write(files, " "));
        assertTrue(blank.getMessage().contains("report directory"), blank.getMessage());
    }
}

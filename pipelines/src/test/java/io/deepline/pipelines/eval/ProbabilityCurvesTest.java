package io.deepline.pipelines.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.tools.report.CalibrationPlot;
import io.deepline.pipelines.tools.report.PngPlot;
import io.deepline.pipelines.tools.report.ProbabilityCurvePlot;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.Tuple2;

/** The binned one-pass curves agree with MLlib's exact ones, and a calibrated score lies on the diagonal. */
@ExtendWith(SparkSessionExtension.class)
class ProbabilityCurvesTest {

    private static final StructType SCHEMA = new StructType().add("label", DataTypes.DoubleType)
            .add("probability", SQLDataTypes.VectorType());

    /** Calibrated by construction: p uniform, label 1 with probability p. */
    private static Dataset<Row> binary(SparkSession spark, int n) {
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = random.nextDouble();
            double label = random.nextDouble() < p ? 1 : 0;
            rows.add(RowFactory.create(label, Vectors.dense(1 - p, p)));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(2);
    }

    @Test
    void binaryCurvesMatchMllibAndCalibrationFollowsTheDiagonal(SparkSession spark) {
        Dataset<Row> scored = binary(spark, 4000).cache();
        ProbabilityCurves curves = ProbabilityCurves.of(scored, "label", "probability", 10).orElseThrow();
        assertEquals(1, curves.numCurves(), "binary: the curve of class 1 only");
        assertEquals(1, curves.curveClass(0));

        BinaryClassificationMetrics mllib = new BinaryClassificationMetrics(scored.javaRDD()
                .map(r -> new Tuple2<Object, Object>(((org.apache.spark.ml.linalg.Vector) r.get(1)).apply(1),
                        r.getDouble(0))).rdd());
        assertEquals(mllib.areaUnderROC(), curves.areaUnderRoc(0), 2e-3, "AUC within the bin width");
        assertEquals(mllib.areaUnderPR(), curves.areaUnderPr(0), 1e-2, "AP close to MLlib's");
        double[][] roc = curves.roc(0);
        assertEquals(0.0, roc[0][0]);
        assertEquals(1.0, roc[0][roc[0].length - 1], 1e-12);
        assertEquals(1.0, roc[1][roc[1].length - 1], 1e-12);

        double[][] calibration = curves.calibration();
        assertEquals(ProbabilityCurves.CALIBRATION_BINS, calibration[0].length);
        for (int b = 0; b < calibration[0].length; b++) {
            assertTrue(Math.abs(calibration[0][b] - calibration[1][b]) < 0.08, "bin " + b + ": predicted "
                    + calibration[0][b] + ", observed " + calibration[1][b]);
            assertTrue(calibration[0][b] >= b * 0.1 && calibration[0][b] < (b + 1) * 0.1, "mean inside its bin");
        }
        for (byte[] png : List.of(ProbabilityCurvePlot.roc(curves, null).toPng(),
                ProbabilityCurvePlot.precisionRecall(curves, new String[] {"no", "yes"}).toPng(),
                new CalibrationPlot(curves).toPng())) {
            BufferedImage image = decode(png);
            assertEquals(PngPlot.WIDTH, image.getWidth());
            assertEquals(PngPlot.HEIGHT, image.getHeight());
        }
        scored.unpersist();
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneVsRestUpToTheLimitAndNamedErrors(SparkSession spark) {
        List<Row> rows = List.of(RowFactory.create(0.0, Vectors.dense(0.8, 0.1, 0.1)),
                RowFactory.create(1.0, Vectors.dense(0.2, 0.3, 0.5)), RowFactory.create(2.0, Vectors.dense(0.1, 0.3,
                        0.6)), RowFactory.create(2.0, Vectors.dense(0.5, 0.1, 0.4)));
        Dataset<Row> scored = spark.createDataFrame(rows, SCHEMA);
        ProbabilityCurves curves = ProbabilityCurves.of(scored, "label", "probability", 3).orElseThrow();
        assertEquals(3, curves.numCurves());
        assertEquals(2, curves.positives(2));
        assertEquals(1.0, curves.areaUnderRoc(0), 1e-12, "class 0 ranks first everywhere");
        assertEquals(0.75, curves.areaUnderRoc(2), 1e-12, "class 2: one of its rows ranks below a negative");
        assertTrue(ProbabilityCurves.of(scored, "label", "probability", 2).isEmpty(), "beyond the limit: none");
        IllegalArgumentException notVector = assertThrows(IllegalArgumentException.class,
                () -> ProbabilityCurves.of(scored, "probability", "label", 3));
        assertTrue(notVector.getMessage().contains("'label'") && notVector.getMessage().contains("vectors"),
                notVector.getMessage());
    }
}

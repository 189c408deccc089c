package io.deepline.pipelines.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Seeded synthetic sequence tasks for tests: generated as code, so nothing is stored as data. */
public final class SequenceTasks {
    static final DataType STEP_VECTORS = DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType));
    static final DataType SERIES = DataTypes.createArrayType(DataTypes.DoubleType);
    static final DataType TOKENS = DataTypes.createArrayType(DataTypes.IntegerType);

    private SequenceTasks() {
    }

    static Dataset<Row> frame(SparkSession spark, DataType featuresType, DataType labelType, List<Row> rows) {
        StructType schema = new StructType().add("seq", featuresType, true).add("label", labelType, true);
        return spark.createDataFrame(rows, schema);
    }

    /**
     * Sequences of 3–12 steps of 2 features; the class is 1 when feature 0's mean over the sequence is positive.
     * A network must read every step, and the length varies, so masks matter.
     */
    public static Dataset<Row> signOfMean(SparkSession spark, int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 3 + random.nextInt(10);
            double shift = random.nextGaussian() * 0.5;
            List<List<Double>> steps = new ArrayList<>();
            double sum = 0;
            for (int t = 0; t < length; t++) {
                double x = shift + random.nextGaussian() * 0.5;
                sum += x;
                steps.add(List.of(x, random.nextGaussian()));
            }
            rows.add(RowFactory.create(steps, sum > 0 ? 1.0 : 0.0));
        }
        return frame(spark, STEP_VECTORS, DataTypes.DoubleType, rows);
    }

    /**
     * Windows of 8–24 past values of sin(ω t + φ) (ω in [0.2, 0.6], random phase), labelled with the next value:
     * one-step-ahead forecasting of a univariate series.
     */
    static Dataset<Row> sineWindows(SparkSession spark, int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 8 + random.nextInt(17);
            double omega = 0.2 + 0.4 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            List<Double> window = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                window.add(Math.sin(omega * t + phase));
            }
            rows.add(RowFactory.create(window, Math.sin(omega * length + phase)));
        }
        return frame(spark, SERIES, DataTypes.DoubleType, rows);
    }

    /** Token sequences of 2–10 ids in [4, vocabulary); class 1 when the sequence contains id 4. */
    static Dataset<Row> containsToken(SparkSession spark, int n, int vocabulary, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 2 + random.nextInt(9);
            List<Integer> ids = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                ids.add(5 + random.nextInt(vocabulary - 5));
            }
            boolean positive = random.nextBoolean();
            if (positive) {
                ids.set(random.nextInt(length), 4);
            }
            rows.add(RowFactory.create(ids, positive ? 1.0 : 0.0));
        }
        return frame(spark, TOKENS, DataTypes.DoubleType, rows);
    }

    /**
     * Token sequences of 4–12 ids holding id 4 (A) and id 5 (B) once each at random places among ids in
     * [6, vocabulary); class 1 when A comes before B. Every sequence has the same bag of special tokens, so only the
     * order tells the classes apart: an attention model needs its positional encodings.
     */
    static Dataset<Row> tokenOrder(SparkSession spark, int n, int vocabulary, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 4 + random.nextInt(9);
            List<Integer> ids = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                ids.add(6 + random.nextInt(vocabulary - 6));
            }
            int a = random.nextInt(length);
            int b = random.nextInt(length - 1);
            b = b >= a ? b + 1 : b;
            ids.set(a, 4);
            ids.set(b, 5);
            rows.add(RowFactory.create(ids, a < b ? 1.0 : 0.0));
        }
        return frame(spark, TOKENS, DataTypes.DoubleType, rows);
    }

    /**
     * A flip-flop tagging task: token ids in [4, vocabulary), sequences of 4–16 steps. Id 4 is a switch: its tag
     * is 0; every other token is tagged 1 + (the number of switches seen so far, mod 2). The tag depends on the
     * whole prefix, so the tagger must carry state along the sequence.
     */
    static Dataset<Row> flipFlopTags(SparkSession spark, int n, int vocabulary, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 4 + random.nextInt(13);
            List<Integer> ids = new ArrayList<>();
            List<Double> tags = new ArrayList<>();
            int switches = 0;
            for (int t = 0; t < length; t++) {
                boolean flip = random.nextDouble() < 0.2;
                ids.add(flip ? 4 : 5 + random.nextInt(vocabulary - 5));
                switches += flip ? 1 : 0;
                tags.add(flip ? 0.0 : 1.0 + switches % 2);
            }
            rows.add(RowFactory.create(ids, tags));
        }
        return frame(spark, TOKENS, SERIES, rows);
    }
}

package io.deepline.jobs.model;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.metrics.LogProbabilityMetrics;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.generative.VariationalAutoEncoder;
import io.deepline.pipelines.generative.VariationalAutoEncoderModel;
import io.deepline.pipelines.tools.report.ImageGrid;
import io.deepline.pipelines.tools.report.ReportFolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.type: VariationalAutoEncoder}: a VAE (Kingma &amp; Welling 2014), unsupervised (no {@code data.label}
 * needed). Its test metrics summarise the reconstruction log-probability of the test rows; when a row is a square
 * grey image (a square number of features, e.g. 784 = 28×28) the report shows a grid of {@value #SAMPLES} rows the
 * model generates from z ~ N(0, I), {@value #SAMPLE_FILE}.
 */
public final class VariationalAutoEncoderFactory implements ModelFactory {
    /** Generated images in the report's grid, 8 × 8. */
    static final int SAMPLES = 64;
    /** The grid's file name in the report folder. */
    static final String SAMPLE_FILE = "samples.png";

    @Override
    public String type() {
        return "VariationalAutoEncoder";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new VariationalAutoEncoder();
    }

    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public TestMetrics evaluateUnsupervised(Dataset<Row> scored, Transformer fitted) {
        String column = ((VariationalAutoEncoderModel) fitted).getReconstructionLogProbCol();
        if (column.isEmpty()) {
            throw new JobConfigException("model.params.reconstructionLogProbCol", "is empty, so the test split gets no"
                    + " log-probabilities to report", "Remove it (default reconstructionLogProb) or name a column");
        }
        return LogProbabilityMetrics.evaluate(scored, column);
    }

    @Override
    public ReportFolder addToReport(ReportFolder folder, Transformer fitted, long seed) {
        VariationalAutoEncoderModel vae = (VariationalAutoEncoderModel) fitted;
        int side = squareSide(vae.numFeatures());
        if (side < 0) {
            return folder;
        }
        ImageGrid grid = ImageGrid.of(ImageGrid.firstImages(vae.sample(SAMPLES, seed), vae.getFeaturesCol(), SAMPLES),
                side, side, 8);
        return folder.withPlot(SAMPLE_FILE, SAMPLES + " images generated from z ~ N(0, I), decoded to their mean",
                grid::toPng);
    }

    /** The side of a square image of {@code pixels} values, or −1 when {@code pixels} is not a square. */
    static int squareSide(int pixels) {
        int side = (int) Math.round(Math.sqrt(pixels));
        return side * side == pixels ? side : -1;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof VariationalAutoEncoderModel m) {
            facts.put("numFeatures", m.numFeatures());
            facts.put("latentSize", m.getLatentSize());
            facts.put("reconstructionDistribution", m.getReconstructionDistribution());
        }
        return facts;
    }
}

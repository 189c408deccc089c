package io.deepline.pipelines.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Raw pixels and raw measurements are called unscaled; standardized data with outliers and [0, 1] pixels are not. */
class InputScaleHintTest {

    private static LabeledDataProfile profile(double[]... rows) {
        LabeledDataProfile p = new LabeledDataProfile();
        for (double[] r : rows) {
            p.add(RowFactory.create(Vectors.dense(r), 0.0));
        }
        return p;
    }

    @Test
    void rawPixelsGetOneHintNamingTheKeys() {
        LabeledDataProfile pixels = profile(new double[] {0, 0, 255, 128}, new double[] {0, 200, 255, 0});
        Optional<String> hint = InputScaleHint.message(pixels, "features", "ImageClassifier");
        assertTrue(hint.isPresent());
        assertTrue(hint.get().contains("'features'") && hint.get().contains("divideBy: 255")
                && hint.get().contains("standardize: true") && hint.get().contains("up to 255"), hint.get());
        assertEquals(255, pixels.maxAbsFeature());
    }

    @Test
    void scaledInputsGetNone() {
        // A standardized column with one z = 12 outlier among many rows: RMS near 1.
        double[][] rows = new double[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i == 0 ? 12 : (i % 2 == 0 ? 0.9 : -0.9), 0.5};
        }
        assertTrue(InputScaleHint.message(profile(rows), "f", "s").isEmpty());
        assertTrue(InputScaleHint.message(profile(new double[] {0, 1, 0.5}), "f", "s").isEmpty(), "[0, 1] pixels");
        LabeledDataProfile merged = profile(new double[] {30, 40}).merge(profile(new double[] {50, 60}));
        assertEquals(Math.sqrt((900 + 1600 + 2500 + 3600) / 4.0), merged.featureRms(), 1e-12, "merged partitions");
        assertTrue(InputScaleHint.message(merged, "f", "s").get().contains("<the largest value>"),
                "not pixel-like: no 255 suggested");
    }
}

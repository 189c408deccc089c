package io.deepline.pipelines.classification.perceptron;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.ModelSizeLimit;
import io.deepline.pipelines.core.persist.StageMetadata;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * The saved form of a {@link PerceptronClassificationModel}:
 * <pre>
 * path/metadata/          Spark's params JSON + {deeplineFormat, numFeatures}
 * path/data/weights.json  {weights: [w], intercept: b, mistakesPerEpoch: [...], converged}
 * </pre>
 * JSON doubles round-trip exactly (Jackson writes the shortest decimal that reads back to the same double), so a
 * loaded model predicts bit for bit as the saved one.
 */
final class PerceptronModelPersistence {
    static final String WEIGHTS_FILE = "/data/weights.json";

    /** The JSON layout of {@code data/weights.json}. */
    record WeightsFile(double[] weights, double intercept, long[] mistakesPerEpoch, boolean converged) {
    }

    private PerceptronModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final PerceptronClassificationModel model;

        Writer(PerceptronClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            PerceptronWeights weights = model.state();
            if (weights == null) {
                throw new IllegalStateException(model.uid() + " has no weights to save; fit it first");
            }
            StageMetadata.save(model, path, sc(), Json.MAPPER.createObjectNode().put("numFeatures",
                    weights.numFeatures()));
            WeightsFile file = new WeightsFile(weights.w(), weights.b(), model.mistakesPerEpoch(), model.converged());
            try {
                new HadoopFiles(sc().hadoopConfiguration()).writeText(path + WEIGHTS_FILE,
                        Json.MAPPER.writeValueAsString(file));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the weights of " + model.uid(), e);
            }
        }
    }

    static final class Reader extends MLReader<PerceptronClassificationModel> {
        @Override
        public PerceptronClassificationModel load(String path) {
            StageMetadata metadata = StageMetadata.load(path, sc(), PerceptronClassificationModel.class);
            int numFeatures = metadata.field("numFeatures").asInt();
            WeightsFile file = readWeights(new HadoopFiles(sc().hadoopConfiguration()), path + WEIGHTS_FILE,
                    numFeatures);
            PerceptronClassificationModel model = new PerceptronClassificationModel(metadata.uid());
            metadata.applyParamsTo(model);
            model.setState(new PerceptronWeights(file.weights(), file.intercept()), file.mistakesPerEpoch(),
                    file.converged());
            return model;
        }

        private static WeightsFile readWeights(HadoopFiles files, String file, int numFeatures) {
            if (!files.exists(file)) {
                throw new IllegalStateException("the model directory is incomplete: " + file + " is missing;"
                        + " save the model again (model.write().overwrite().save(dir))");
            }
            WeightsFile weights;
            try {
                weights = Json.MAPPER.readValue(ModelSizeLimit.current().readText(files, file), WeightsFile.class);
            } catch (ModelSizeLimit.Exceeded e) {
                throw e;
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalStateException("cannot read the weights at " + file + " (corrupt: " + e.getMessage()
                        + "); save the model again", e);
            }
            if (weights == null || weights.weights() == null || weights.mistakesPerEpoch() == null
                    || weights.weights().length != numFeatures) {
                throw new IllegalStateException("the weights at " + file + " are corrupt: expected " + numFeatures
                        + " weights (the metadata's numFeatures) and a mistakesPerEpoch list; save the model again");
            }
            return weights;
        }
    }
}

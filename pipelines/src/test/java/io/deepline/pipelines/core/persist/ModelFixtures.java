package io.deepline.pipelines.core.persist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the saved-model fixtures that later versions must keep loading (see
 * {@code DeepClassificationModelPersistenceTest}). Run it only when a new format version is introduced, so the
 * fixture of the previous format stays as it was:
 * <pre>
 * mvn -q -pl pipelines dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java $(cat conf/jvm17.opts) -cp pipelines/target/classes:pipelines/target/test-classes:$(cat pipelines/target/cp.txt) \
 *     io.deepline.pipelines.core.persist.ModelFixtures pipelines/src/test/resources/fixtures
 * </pre>
 */
public final class ModelFixtures {
    /** The fixture directory of format 1, relative to the fixtures root. */
    public static final String CLASSIFIER_FORMAT_1 = "deep-classification-model-format1";

    private ModelFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args[0]).toAbsolutePath();
        SparkSession spark = SparkSessionExtension.session();
        List<Row> iris = DataSamples.iris(spark).collectAsList();
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {5}).setMaxEpochs(3)
                .setNumWorkers(1).setSeed(1).fit(DataSamples.iris(spark));
        Path dir = root.resolve(CLASSIFIER_FORMAT_1);
        model.write().overwrite().save(dir.resolve("model").toString());
        ArrayNode expected = Json.MAPPER.createArrayNode();
        for (int i = 0; i < iris.size(); i += 30) {
            Vector features = iris.get(i).getAs(0);
            ObjectNode row = expected.addObject();
            row.putPOJO("features", features.toArray());
            row.putPOJO("probability", model.predictProbability(features).toArray());
        }
        Files.writeString(dir.resolve("expected.json"), Json.MAPPER.writeValueAsString(expected));
        spark.stop();
    }
}

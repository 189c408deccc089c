package io.deepline.pipelines.core.persist;

import io.deepline.pipelines.core.io.Json;
import java.lang.reflect.InvocationTargetException;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * Writer and reader for stages whose whole state is their Params, such as our estimators. Like Spark's
 * DefaultParamsWritable, but the metadata carries {@value DeeplineFormat#KEY} and loading checks it.
 */
public final class ParamsOnlyPersistence {
    private ParamsOnlyPersistence() {
    }

    public static MLWriter writer(Params stage) {
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                StageMetadata.save(stage, path, sc(), Json.MAPPER.createObjectNode());
            }
        };
    }

    /** A reader that builds {@code type} through its public (String uid) constructor. */
    public static <T extends Params> MLReader<T> reader(Class<T> type) {
        return new MLReader<>() {
            @Override
            public T load(String path) {
                StageMetadata metadata = StageMetadata.load(path, sc(), type);
                T stage = newInstance(type, metadata.uid());
                metadata.applyParamsTo(stage);
                return stage;
            }
        };
    }

    /** Builds a stage through its public (String uid) constructor, as Spark's readers do. */
    public static <T> T newInstance(Class<T> type, String uid) {
        try {
            return type.getConstructor(String.class).newInstance(uid);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + " needs a public (String uid) constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + type.getName() + ": " + e.getCause(), e.getCause());
        }
    }
}

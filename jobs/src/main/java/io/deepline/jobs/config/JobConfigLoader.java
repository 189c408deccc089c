package io.deepline.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a YAML job file into a validated {@link JobConfig}. Strict on purpose: an unknown key, a duplicate key or a
 * value of the wrong type is an error, because a silently ignored typo ({@code learningRte}) would train the wrong
 * model without telling anyone.
 *
 * <p>Two steps: the YAML becomes a tree whose keys are checked against the records ({@link KnownKeys}), then Jackson
 * binds the tree to the records, whose constructors check the values.
 */
public final class JobConfigLoader {

    private final ObjectMapper mapper = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A count such as folds or tune.parallelism must be an integer: 1.5 is a mistake, not 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses job-file text. */
    public JobConfig parse(String yaml) {
        return parse(yaml, JobConfig.class, "name, data, model and output (see conf/examples/)");
    }

    /** Parses the text of a {@code predict} job file. */
    public PredictJobConfig parsePredict(String yaml) {
        return parse(yaml, PredictJobConfig.class, "name and predict (see conf/examples/predict-digits.yaml)");
    }

    private <T> T parse(String yaml, Class<T> type, String keys) {
        try {
            JsonNode tree = mapper.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new JobConfigException("", "the job file is empty", "Write a mapping with the keys " + keys);
            }
            KnownKeys.check(tree, type, "");
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw JacksonErrors.translate(e);
        }
    }

    /**
     * Reads and parses the job file at {@code location}, any Hadoop path (so spark-submit can point at
     * {@code hdfs:///jobs/x.yaml}); relative paths are resolved against the current directory.
     */
    public JobConfig load(String location, Configuration hadoopConf) {
        return parse(read(location, hadoopConf));
    }

    /**
     * The text of the job file at {@code location}, as {@link #load} reads it; {@code retrain} keeps it with each
     * registry version as the job that was run.
     */
    public String readText(String location, Configuration hadoopConf) {
        return read(location, hadoopConf);
    }

    /** Reads and parses a {@code predict} job file, as {@link #load}. */
    public PredictJobConfig loadPredict(String location, Configuration hadoopConf) {
        return parsePredict(read(location, hadoopConf));
    }

    private static String read(String location, Configuration hadoopConf) {
        Path path = new Path(location);
        String text;
        try {
            FileSystem fs = path.getFileSystem(hadoopConf);
            try (InputStream in = fs.open(path)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (FileNotFoundException e) {
            throw new JobConfigException("", "job file '" + location + "' does not exist",
                    "Check the path; a relative path is resolved against the current directory ("
                            + System.getProperty("user.dir") + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw new JobConfigException("", "cannot read job file '" + location + "': " + e.getMessage(),
                    "Check the path and its permissions", e);
        }
        return text;
    }
}

package io.deepline.jobs.train;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.core.data.InvalidDataException;

/**
 * The one place that maps columns back to the job file, for messages: which key names a column of the user's
 * data, and what a column the training pipeline wrote ({@code standardizedFeatures}, {@code labelIndex},
 * {@code tokenIds}) was made from. The model's own data checks name the columns it reads, which are often such
 * internal ones; a user knows only the job file's keys and the data's columns.
 */
public final class JobColumns {

    private JobColumns() {
    }

    /** The key that names {@code column} of the user's data: {@code data.label}, or the input's key. */
    public static String keyOf(String column, InputSchema input) {
        return column.equals(input.label()) ? "data.label" : input.kind().key();
    }

    /**
     * {@code failure} as a job-file problem if it is, or wraps, a model's data check
     * ({@link InvalidDataException}): the message names the key and the user's columns besides the pipeline's
     * columns; any other failure as it is.
     */
    public static RuntimeException explain(RuntimeException failure, TrainingPipeline plan, InputSchema input) {
        InvalidDataException data = InvalidDataException.in(failure).orElse(null);
        if (data == null) {
            return failure;
        }
        String message = data.getMessage();
        String features = "'" + plan.featuresColumn() + "'";
        String label = plan.labelColumn() == null ? null : "'" + plan.labelColumn() + "'";
        boolean aboutLabel = label != null && message.contains(label)
                && (!message.contains(features) || message.indexOf(label) < message.indexOf(features));
        String key = aboutLabel ? "data.label" : input.kind().key();
        if (!input.features().contains(plan.featuresColumn())) {
            message = message.replace(features, features + " (" + madeFrom(input) + ")");
        }
        if (label != null && !plan.labelColumn().equals(input.label())) {
            message = message.replace(label, label + " (the class numbers of data.label column '" + input.label()
                    + "')");
        }
        return new JobConfigException(key, message, "", data);
    }

    private static String madeFrom(InputSchema input) {
        if (input.kind() == InputKind.TEXT) {
            return "the word ids of data.text column '" + input.inputColumn() + "'";
        }
        return "the features made from data.features column(s) " + String.join(", ",
                input.features().stream().map(f -> "'" + f + "'").toList());
    }
}

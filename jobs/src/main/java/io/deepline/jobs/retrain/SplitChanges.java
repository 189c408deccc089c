package io.deepline.jobs.retrain;

import io.deepline.jobs.config.JobConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed, between the champion's job file and this run's, in what decides a row's split: the split section
 * and the columns whose values are hashed. Any change can put rows the champion trained on into this run's holdout,
 * where they flatter the champion, so {@code retrain} warns about it.
 */
final class SplitChanges {

    private SplitChanges() {
    }

    /** The changed keys, each with its old and new value; empty when rows split as they did for the champion. */
    static List<String> between(JobConfig champion, JobConfig now) {
        List<String> changes = new ArrayList<>();
        compare(changes, "split", champion, now, JobConfig::split);
        compare(changes, "data.label", champion, now, c -> c.data().label());
        compare(changes, "data.features", champion, now, c -> c.data().features());
        compare(changes, "data.text", champion, now, c -> c.data().text());
        compare(changes, "data.sequence", champion, now, c -> c.data().sequence());
        return changes;
    }

    private static void compare(List<String> changes, String key, JobConfig champion, JobConfig now,
                                Function<JobConfig, Object> value) {
        Object before = value.apply(champion);
        Object after = value.apply(now);
        if (!Objects.equals(before, after)) {
            changes.add(key + " " + before + " -> " + after);
        }
    }
}

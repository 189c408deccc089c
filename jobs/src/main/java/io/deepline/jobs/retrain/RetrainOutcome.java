package io.deepline.jobs.retrain;

import io.deepline.jobs.registry.Decision;
import io.deepline.jobs.train.TrainOutcome;
import java.util.List;
import java.util.Locale;

/**
 * What a retrain run did.
 *
 * @param challenger the challenger's training outcome (its metrics are on the fresh holdout split)
 * @param decision   the promotion decision, as written to {@code decision.json}
 * @param versionDir the new version's directory
 * @param pruned     versions deleted by {@code registry.keep}
 */
public record RetrainOutcome(TrainOutcome challenger, Decision decision, String versionDir, List<Integer> pruned) {

    public RetrainOutcome {
        pruned = List.copyOf(pruned);
    }

    /** A few lines for a person at a terminal or in a scheduler's log. */
    public String summary() {
        StringBuilder text = new StringBuilder(challenger.summary());
        String champion = decision.championVersion() == null ? "no champion yet"
                : String.format(Locale.ROOT, "champion v%d %s %.6f", decision.championVersion(), decision.metric(),
                decision.championScore());
        text.append(String.format(Locale.ROOT, "  version   v%d (%s)%n  challenger %s %.6f; %s%n  decision  %s%n",
                decision.challengerVersion(), versionDir, decision.metric(), decision.challengerScore(), champion,
                decision.promoted() ? "promoted to champion" : "not promoted, the champion stays"));
        if (!pruned.isEmpty()) {
            text.append("  pruned    versions ").append(pruned).append(System.lineSeparator());
        }
        return text.toString();
    }
}

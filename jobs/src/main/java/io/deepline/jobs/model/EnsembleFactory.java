package io.deepline.jobs.model;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.ModelSection;
import io.deepline.pipelines.ensemble.EnsembleEstimator;
import io.deepline.pipelines.ensemble.EnsembleModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ProbabilisticClassifier;

/**
 * {@code model.type: Ensemble}: the members of {@code model.members}, each configured as a model section of its own,
 * trained one after another on the same rows and combined by {@code model.kind} (pipelines'
 * {@code EnsembleEstimator}, course §3.3): {@code mean} of the predictions for regressors, {@code hard} (majority
 * vote) or {@code soft} (mean class probability) for classifiers.
 *
 * <p>{@code model.params} sets the ensemble's own Params: {@code seed}, and with a single member {@code numMembers}
 * (that many copies of it, differing in seed).
 */
public final class EnsembleFactory implements ModelFactory {

    private final boolean classifies;
    private final String kind;
    private final int members;

    private EnsembleFactory(boolean classifies, String kind, int members) {
        this.classifies = classifies;
        this.kind = kind;
        this.members = members;
    }

    /**
     * The ensemble a {@code type: Ensemble} section describes, its members configured by {@code types}.
     *
     * @throws JobConfigException naming the member or key that does not fit: a member that is not a one-label-per-row
     *                            classifier or regressor of feature columns, members of both kinds, a kind that does
     *                            not fit them, or an ensemble param that contradicts the members
     */
    static ConfiguredModel configure(ModelTypes types, ModelSection section, String sectionKey) {
        List<Estimator<?>> estimators = new ArrayList<>();
        Boolean classifies = null;
        for (int i = 0; i < section.members().size(); i++) {
            String key = JobConfigException.join(sectionKey, "members[" + i + "]");
            ConfiguredModel member = types.configure(section.members().get(i), key);
            ModelFactory f = member.factory();
            if (!f.supervised() || f.readsSequences() || f.labelsPerStep() || f.generatesSequences()) {
                throw new JobConfigException(JobConfigException.join(key, "type"), f.type() + " cannot be an"
                        + " ensemble member: members are classifiers or regressors of feature columns",
                        "Use DeepClassifier, PerceptronClassifier or DeepRegressor members");
            }
            if (classifies != null && classifies != f.classifies()) {
                throw new JobConfigException(JobConfigException.join(key, "type"), f.type() + " is a "
                        + noun(f.classifies()) + ", but the members before it are " + noun(classifies) + "s",
                        "Combine members of one kind");
            }
            classifies = f.classifies();
            estimators.add(member.estimator());
        }
        String kind = kindFor(section.kind(), classifies, sectionKey);
        if ("soft".equals(kind)) {
            for (int i = 0; i < estimators.size(); i++) {
                if (!(estimators.get(i) instanceof ProbabilisticClassifier<?, ?, ?>)) {
                    throw new JobConfigException(JobConfigException.join(sectionKey, "kind"), "soft averages class"
                            + " probabilities, but member " + i + " (" + section.members().get(i).type()
                            + ") predicts none", "Use kind: hard");
                }
            }
        }
        EnsembleEstimator ensemble;
        try {
            ensemble = new EnsembleEstimator(estimators);
        } catch (IllegalArgumentException e) {
            // The members were checked above; this is the estimator's own check of them, kept as a safety net.
            throw new JobConfigException(JobConfigException.join(sectionKey, "members"), e.getMessage(), "", e);
        }
        requireOwnParams(section, sectionKey);
        ParamBinder.bind(ensemble, section.params(), JobConfigException.join(sectionKey, "params"));
        if (classifies) {
            ensemble.setVoting(kind);
            if (kind.equals("hard")) {
                // A vote has no probabilities; the job then reads none.
                ensemble.setProbabilityCol("");
            }
        }
        return new ConfiguredModel(new EnsembleFactory(classifies, kind, ensemble.getNumMembers()), ensemble);
    }

    /** The kind the file names, or the default (soft, mean), checked against the members' kind. */
    private static String kindFor(String kind, boolean classifies, String sectionKey) {
        if (kind == null) {
            return classifies ? "soft" : "mean";
        }
        if (classifies == kind.equals("mean")) {
            throw new JobConfigException(JobConfigException.join(sectionKey, "kind"), "is " + kind + ", but the"
                    + " members are " + noun(classifies) + "s", classifies ? "Use hard (majority vote) or soft"
                    + " (mean class probability)" : "Use mean: a regression ensemble averages the predictions");
        }
        return kind;
    }

    /** voting is model.kind; numMembers is the number of members unless one member is copied. */
    private static void requireOwnParams(ModelSection section, String sectionKey) {
        String params = JobConfigException.join(sectionKey, "params");
        if (section.params().containsKey("voting")) {
            throw new JobConfigException(JobConfigException.join(params, "voting"), "is set by model.kind",
                    "Remove it; write kind: hard or kind: soft");
        }
        if (section.params().containsKey("numMembers") && section.members().size() > 1) {
            throw new JobConfigException(JobConfigException.join(params, "numMembers"), "is given with "
                    + section.members().size() + " members, each of which trains once", "Remove numMembers, or"
                    + " list one member to train numMembers copies of it with different seeds");
        }
    }

    private static String noun(boolean classifies) {
        return classifies ? "classifier" : "regressor";
    }

    @Override
    public String type() {
        return ModelSection.ENSEMBLE;
    }

    /** Not used: an ensemble's estimator is built from its members' sections by {@link #configure}. */
    @Override
    public Estimator<?> newEstimator() {
        throw new IllegalStateException("an ensemble is built from its members; configure it through ModelTypes");
    }

    @Override
    public boolean classifies() {
        return classifies;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind);
        facts.put("numMembers", fitted instanceof EnsembleModel m ? m.members().size() : members);
        return facts;
    }
}

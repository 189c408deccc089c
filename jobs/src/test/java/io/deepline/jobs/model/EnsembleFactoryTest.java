package io.deepline.jobs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.ensemble.EnsembleEstimator;
import org.junit.jupiter.api.Test;

/** {@code model.type: Ensemble}: its members configured as model sections, and its kind checked against them. */
class EnsembleFactoryTest {

    private static ConfiguredModel configure(String model) {
        JobConfig config = new JobConfigLoader().parse("""
                name: ensemble
                data: {path: in.csv, label: y}
                model: %s
                output: {model: out}
                """.formatted(model));
        return ModelTypes.standard().configure(config.model(), "model");
    }

    private static void refused(String model, String keyPath, String fragment) {
        JobConfigException e = assertThrows(JobConfigException.class, () -> configure(model));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }

    @Test
    void membersAreConfiguredAsTheirOwnSectionsAndCombinedByKind() {
        ConfiguredModel model = configure("""
                {type: Ensemble, kind: hard, params: {seed: 9},
                 members: [{type: DeepClassifier, params: {hiddenLayers: [4], seed: 1}},
                           {type: DeepClassifier, params: {seed: 2}}]}""");

        EnsembleEstimator ensemble = assertInstanceOf(EnsembleEstimator.class, model.estimator());
        assertEquals(2, ensemble.getNumMembers());
        assertEquals("hard", ensemble.getVoting());
        assertEquals("", ensemble.getProbabilityCol(), "a vote writes no probabilities");
        assertEquals(9L, ensemble.getSeed());
        DeepClassifier first = assertInstanceOf(DeepClassifier.class, ensemble.estimators().get(0));
        assertEquals(1L, first.getOrDefault(first.getParam("seed")));
        assertTrue(model.factory().classifies());
        assertEquals("Ensemble", model.factory().type());

        ConfiguredModel regression = configure("{type: Ensemble, members: [{type: DeepRegressor}],"
                + " params: {numMembers: 3}}");
        assertFalse(regression.factory().classifies());
        assertEquals(3, ((EnsembleEstimator) regression.estimator()).getNumMembers());
        assertEquals("mean", regression.factory().facts(null).get("kind"));
    }

    @Test
    void aKindMustFitTheMembers() {
        refused("{type: Ensemble, kind: mean, members: [{type: DeepClassifier}]}", "model.kind",
                "Use hard (majority vote) or soft");
        refused("{type: Ensemble, kind: soft, members: [{type: DeepRegressor}]}", "model.kind", "Use mean");
        refused("{type: Ensemble, kind: soft, members: [{type: DeepClassifier}, {type: PerceptronClassifier}]}",
                "model.kind", "member 1 (PerceptronClassifier) predicts none");
        refused("{type: Ensemble, members: [{type: DeepClassifier}, {type: DeepRegressor}]}",
                "model.members[1].type", "Combine members of one kind");
    }

    @Test
    void membersAndEnsembleParamsAreCheckedWhereTheyAreWritten() {
        refused("{type: Ensemble, members: [{type: DeepClassifier, params: {learningRte: 0.1}}]}",
                "model.members[0].params.learningRte", "learningRate");
        refused("{type: Ensemble, members: [{type: AutoEncoder}]}", "model.members[0].type",
                "cannot be an ensemble member");
        refused("{type: Ensemble, params: {numMembers: 3}, members: [{type: DeepClassifier}, {type: DeepClassifier}]}",
                "model.params.numMembers", "each of which trains once");
        refused("{type: Ensemble, params: {voting: hard}, members: [{type: DeepClassifier}]}",
                "model.params.voting", "model.kind");
        refused("{type: Ensembl, members: [{type: DeepClassifier}]}", "model.members", "type: Ensemble");
    }
}

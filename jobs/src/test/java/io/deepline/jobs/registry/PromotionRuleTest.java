package io.deepline.jobs.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromotionRuleTest {

    @Test
    void theFirstRunAlwaysPromotes() {
        Decision d = new PromotionRule("f1Macro", 0.5).decide(1, 0.1, null, null);

        assertTrue(d.promoted(), d.reason());
        assertNull(d.championVersion());
        assertNull(d.championScore());
        assertTrue(d.reason().contains("first run"), d.reason());
    }

    @Test
    void higherIsBetterForF1() {
        PromotionRule rule = new PromotionRule("f1Macro", 0.0);

        assertFalse(rule.lowerIsBetter());
        assertTrue(rule.decide(3, 0.91, 2, 0.90).promoted());
        assertFalse(rule.decide(3, 0.89, 2, 0.90).promoted());
    }

    @Test
    void lowerIsBetterForRmse() {
        PromotionRule rule = new PromotionRule("rmse", 0.0);

        assertTrue(rule.lowerIsBetter());
        assertTrue(rule.decide(3, 1.2, 2, 1.5).promoted());
        assertFalse(rule.decide(3, 1.6, 2, 1.5).promoted());
    }

    @Test
    void minImprovementIsABoundaryThatPromotesWhenMetExactly() {
        PromotionRule higher = new PromotionRule("accuracy", 0.01);
        // 0.93 - 0.92 is 0.010000000000000009 but 0.57 - 0.56 is 0.009999999999999898 in doubles.
        assertTrue(higher.decide(2, 0.93, 1, 0.92).promoted());
        assertTrue(higher.decide(2, 0.57, 1, 0.56).promoted());
        assertFalse(higher.decide(2, 0.9299, 1, 0.92).promoted());

        PromotionRule lower = new PromotionRule("logLoss", 0.05);
        assertTrue(lower.decide(2, 0.25, 1, 0.30).promoted()); // 0.30 - 0.25 = 0.04999999999999999
        assertFalse(lower.decide(2, 0.26, 1, 0.30).promoted());
    }

    @Test
    void aTiePromotesOnlyWhenNoImprovementIsRequired() {
        assertTrue(new PromotionRule("r2", 0.0).decide(2, 0.5, 1, 0.5).promoted());
        assertFalse(new PromotionRule("r2", 0.001).decide(2, 0.5, 1, 0.5).promoted());
    }

    @Test
    void aNanChallengerNeverPromotesAndANanChampionAlwaysLoses() {
        PromotionRule rule = new PromotionRule("f1Macro", 0.0);

        Decision nan = rule.decide(2, Double.NaN, 1, 0.5);
        assertFalse(nan.promoted());
        assertTrue(nan.reason().contains("NaN"), nan.reason());
        assertFalse(rule.decide(1, Double.NaN, null, null).promoted());
        assertTrue(rule.decide(2, 0.1, 1, Double.NaN).promoted());
    }

    @Test
    void theDecisionCarriesEveryFieldAndRoundTripsThroughJson() {
        Decision d = new PromotionRule("rmse", 0.1).decide(4, 2.0, 3, 2.05);

        assertEquals(new Decision(false, "rmse", 4, 3, 2.0, 2.05, 0.1, d.reason()), d);
        assertTrue(d.reason().startsWith("not promoted") && d.reason().contains("lower is better"), d.reason());
        String json = d.toJson();
        for (String key : new String[] {"promoted", "metric", "challengerVersion", "championVersion",
                "challengerScore", "championScore", "minImprovement", "reason"}) {
            assertTrue(json.contains("\"" + key + "\""), json);
        }
        assertEquals(d, Decision.fromJson(json));
        Decision first = new PromotionRule("rmse", 0.1).decide(1, Double.NaN, null, null);
        assertTrue(first.toJson().contains("\"championVersion\" : null"), first.toJson());
        assertTrue(Double.isNaN(Decision.fromJson(first.toJson()).challengerScore()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rmse", "mse", "mae", "logLoss", "meanReconstructionError", "gaussianNll"})
    void errorsAndLossesAreLowerIsBetter(String metric) {
        assertTrue(MetricDirection.of(metric).lowerIsBetter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"accuracy", "f1Macro", "weightedF1", "precisionMacro", "recallMacro", "auc", "r2",
            "meanReconstructionLogProb", "tokenAccuracy"})
    void scoresAreHigherIsBetter(String metric) {
        assertFalse(MetricDirection.of(metric).lowerIsBetter());
    }

    @Test
    void anUnknownMetricIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromotionRule("speed", 0.0));
        assertTrue(e.getMessage().contains("'speed'") && e.getMessage().contains("f1*")
                && e.getMessage().contains("rmse"), e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PromotionRule("rmse", -0.1));
        assertThrows(IllegalArgumentException.class, () -> new PromotionRule("rmse", Double.NaN));
        PromotionRule rule = new PromotionRule("rmse", 0.0);
        assertThrows(IllegalArgumentException.class, () -> rule.decide(2, 1.0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> rule.decide(2, 1.0, null, 1.0));
    }
}

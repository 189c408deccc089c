package io.deepline.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.eval.ClassificationReportEvaluator;
import io.deepline.pipelines.testing.CodeSourceClasses;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.util.Identifiable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deepline's stages are registered for {@link ServiceLoader} under Spark ML's stage types, as spark-mllib 4 registers
 * its own: Spark 4's ML on Connect finds the stages it may construct (by the uid constructor) and load (by the static
 * {@code load(path)}) that way. Every public concrete stage in the build must be registered, so a new one cannot be
 * forgotten. No Spark session: ServiceLoader and reflection only.
 */
class StageServicesTest {

    private static final String PACKAGE = "io.deepline.pipelines.";
    private static final String PACKAGE_NAME = "io.deepline.pipelines";

    @ParameterizedTest
    @ValueSource(classes = {Estimator.class, Transformer.class, Evaluator.class})
    void everyPublicStageIsRegisteredAndNothingElse(Class<?> stageType) {
        Set<String> built = builtStages(stageType);
        assertEquals(built, registered(stageType), "META-INF/services/" + stageType.getName()
                + " must list exactly the public concrete " + stageType.getSimpleName() + " classes in " + PACKAGE_NAME
                + " (add a new stage there, and give it a public no-arg constructor)");
    }

    @ParameterizedTest
    @ValueSource(classes = {Estimator.class, Transformer.class, Evaluator.class})
    void registeredStagesInstantiateAndOfferWhatConnectCalls(Class<?> stageType) throws Exception {
        List<ServiceLoader.Provider<?>> ours = ServiceLoader.load(stageType).stream()
                .filter(p -> p.type().getName().startsWith(PACKAGE))
                .collect(Collectors.toList());
        assertTrue(!ours.isEmpty(), "ServiceLoader finds no Deepline " + stageType.getSimpleName());
        for (ServiceLoader.Provider<?> provider : ours) {
            Class<?> type = provider.type();
            Identifiable stage = (Identifiable) provider.get();
            assertTrue(stage.uid() != null && !stage.uid().isEmpty(),
                    type.getName() + " made by ServiceLoader has no uid");
            Identifiable byUid = (Identifiable) type.getConstructor(String.class).newInstance("svc_1");
            assertEquals("svc_1", byUid.uid(), type.getName() + "(String uid) must keep the uid it is given");
            Method load = type.getMethod("load", String.class);
            assertTrue(Modifier.isStatic(load.getModifiers()), type.getName() + ".load(String) must be static");
            assertTrue(type.isAssignableFrom(load.getReturnType()),
                    type.getName() + ".load(String) returns " + load.getReturnType().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {DeepClassifier.class, DeepClassificationModel.class, ClassificationReportEvaluator.class})
    void scanSeesKnownStages(Class<?> known) {
        // Guards the scan itself: were it to find nothing (say, from the wrong code source), the equality above
        // could pass with two empty sets.
        Set<String> all = CodeSourceClasses.of(DeepClassifier.class, PACKAGE).stream()
                .map(Class::getName).collect(Collectors.toSet());
        assertTrue(all.contains(known.getName()),
                known.getName() + " missing from the scan: " + all.size() + " classes");
    }

    private static Set<String> builtStages(Class<?> stageType) {
        return CodeSourceClasses.of(DeepClassifier.class, PACKAGE).stream()
                .filter(stageType::isAssignableFrom)
                .filter(c -> Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers())
                        && !c.isInterface() && (c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers())))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> registered(Class<?> stageType) {
        return ServiceLoader.load(stageType).stream()
                .map(p -> p.type().getName())
                .filter(n -> n.startsWith(PACKAGE))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

/**
 * Rosenblatt's perceptron as a Spark ML binary classifier (the course, section 1.7), trained by iterative
 * parameter mixing (McDonald, Hall and Mann 2010, "Distributed training strategies for the structured
 * perceptron", uniform mixing).
 *
 * <p>The model predicts {@code y = psi(w.x + b)} with {@code psi(z) = -1 + 2 I[z > 0]}, labels 0 and 1 standing
 * for -1 and +1. Training starts from {@code w = 0, b = 0} and, on every mistake, applies
 * {@code w <- w + y x, b <- b + y}. Each epoch the driver broadcasts {@code (w, b)}, every partition makes one
 * shuffled pass of that rule over its rows, and the driver averages the partitions' weights. An epoch without a
 * mistake proves every training point is classified correctly, and training stops.
 *
 * <ul>
 *   <li>{@link io.deepline.pipelines.classification.perceptron.PerceptronClassifier} /
 *       {@link io.deepline.pipelines.classification.perceptron.PerceptronClassificationModel}: the Spark ML
 *       stages;</li>
 *   <li>{@code PerceptronWeights}: the plain-array state and the update rule;</li>
 *   <li>{@code SignedRows}, {@code PerceptronEpoch}, {@code EpochSum}, {@code ParameterMixing}: the cached
 *       partitions, the worker pass, the mixing sum and the driver loop;</li>
 *   <li>{@code BinaryLabels}: the 0/1 label check on top of the shared data profile;</li>
 *   <li>{@code PerceptronModelPersistence}: {@code metadata/} plus {@code data/weights.json}.</li>
 * </ul>
 */
package io.deepline.pipelines.classification.perceptron;

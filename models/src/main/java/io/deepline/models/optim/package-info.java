/**
 * Optimizers written to the course's formulas, as DL4J updaters: {@link io.deepline.models.optim.HeavyBallMomentum}
 * (§5.2) and {@link io.deepline.models.optim.SeedAdam} (§5.3). Each is a pair: a Jackson-serialisable
 * {@link org.nd4j.linalg.learning.config.IUpdater} configuration that goes into a
 * {@code NeuralNetConfiguration}, and the {@link org.nd4j.linalg.learning.GradientUpdater} it instantiates, which
 * keeps its state in the flat view DL4J hands it (so the state is saved, restored and averaged with the rest of
 * the network's optimizer state).
 *
 * <p>Sign convention: DL4J's {@code applyUpdater} turns the gradient array, in place, into the step that
 * {@code NegativeDefaultStepFunction} then <em>subtracts</em> from the parameters (params ← params − update).
 */
package io.deepline.models.optim;

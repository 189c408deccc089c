/**
 * Image stages: {@link io.deepline.pipelines.vision.ImageClassifier}, a convolutional network (LeCun et al. 1998)
 * over images stored as flat {@code Vector}s, trained by parameter averaging like every Deepline network.
 */
package io.deepline.pipelines.vision;

/**
 * Test support shared through the pipelines test-jar: the SparkSession JUnit 5 extension, data-sample
 * loaders and the stage contract assertions every Deepline stage must pass.
 */
package io.deepline.pipelines.testing;

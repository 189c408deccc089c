/**
 * End-to-end tests of the packaged artifacts, run by failsafe in {@code mvn verify}: they launch the shaded jobs
 * jar in a child JVM the way {@code bin/deepline} does, so they catch what in-process tests cannot (shading,
 * service files, the classpath, JVM flags, exit codes and what reaches stderr).
 */
package io.deepline.it;

/**
 * The YAML job file: immutable, validated records ({@link io.deepline.jobs.config.JobConfig} and one record per
 * section) and the loader that reads them. Every problem surfaces as a
 * {@link io.deepline.jobs.config.JobConfigException} naming the full key path (for example {@code split.train}
 * or {@code data.featurs}) and saying how to fix it, so a user never has to read a stack trace to repair a job
 * file.
 *
 * <p>Later job types extend this format. New sections and keys must be optional with a default, so that existing
 * job files keep working.
 */
package io.deepline.jobs.config;

/**
 * The versioned model registry on any Hadoop FileSystem, used by the {@code retrain} command.
 *
 * <pre>
 * &lt;registry&gt;/&lt;name&gt;/versions/&lt;n&gt;/model/          the PipelineModel
 *                              metrics.json    the test metrics
 *                              job.yaml        the job as run
 *                              decision.json   the promotion decision ({@link io.deepline.jobs.registry.Decision})
 *                              _SUCCESS        written last: a version without it is invisible
 * &lt;registry&gt;/&lt;name&gt;/CHAMPION                      the champion's version number, replaced by write-then-rename
 * &lt;registry&gt;/&lt;name&gt;/LOCK                          held by the one retrain of this name that may run
 * </pre>
 *
 * {@link io.deepline.jobs.registry.ModelRegistry} reads and writes the layout,
 * {@link io.deepline.jobs.registry.RetrainLock} keeps two retrains of one name apart, and
 * {@link io.deepline.jobs.registry.PromotionRule} decides whether a challenger replaces the champion. A crash at
 * any step leaves the champion unchanged and at most an invisible version, which the next run removes under the
 * lock ({@link io.deepline.jobs.registry.ModelRegistry#removeIncomplete()}).
 */
package io.deepline.jobs.registry;

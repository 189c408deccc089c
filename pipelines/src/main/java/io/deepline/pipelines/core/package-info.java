/**
 * The lowest layer of the library, below every stage: reading and checking rows into mini-batches
 * ({@code data}), data-parallel training by parameter averaging ({@code train}, {@code collective},
 * {@code device}), persistence ({@code persist}, {@code io}), batched scoring ({@code inference}), the Params every
 * stage shares ({@code param}) and the only door to Scala ({@code interop}). Nothing here knows a stage or a tool;
 * {@code PackageStructureTest} checks it.
 */
package io.deepline.pipelines.core;

/**
 * The NCCL collective for the CUDA backend. Only {@link io.deepline.pipelines.core.collective.gpu.NcclRendezvous} (plain
 * Java, how the ranks agree on NCCL's id) is in every build; {@code NcclCollective} itself is compiled only under
 * the {@code gpu} Maven profile, from {@code src/gpu/java}, and {@link io.deepline.pipelines.core.collective.Collectives}
 * loads it by name.
 */
package io.deepline.pipelines.core.collective.gpu;

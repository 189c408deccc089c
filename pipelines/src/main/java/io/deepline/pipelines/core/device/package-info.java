/**
 * Which accelerator a Spark task's networks run on: {@link io.deepline.pipelines.core.device.GpuBinding} binds the task's
 * thread to the GPU Spark assigned it, and does nothing on the CPU backend; {@link
 * io.deepline.pipelines.core.device.WorkerNetworks} keeps each task thread's networks on its device.
 */
package io.deepline.pipelines.core.device;

#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript, spark.worker.resource.gpu.discoveryScript):
# prints the GPUs this host's executor may use in Spark's ResourceInformation JSON, e.g.
#   {"name": "gpu", "addresses": ["0", "1"]}
# The addresses are CUDA device ordinals, which Deepline's workers bind ND4J to (GpuAssignment). With
# CUDA_VISIBLE_DEVICES set, nvidia-smi still lists every GPU, so the visible ones are renumbered from 0 as CUDA does.
set -euo pipefail

if [[ -n "${CUDA_VISIBLE_DEVICES:-}" ]]; then
  IFS=',' read -r -a visible <<< "$CUDA_VISIBLE_DEVICES"
  count=${#visible[@]}
elif command -v nvidia-smi > /dev/null 2>&1; then
  count=$(nvidia-smi --query-gpu=index --format=csv,noheader | grep -c '[0-9]' || true)
else
  echo "discover-gpus.sh: nvidia-smi is not on the PATH; install the NVIDIA driver or remove the gpu resource" >&2
  exit 1
fi

addresses=""
for ((i = 0; i < count; i++)); do
  addresses+="${addresses:+, }\"$i\""
done
echo "{\"name\": \"gpu\", \"addresses\": [${addresses}]}"

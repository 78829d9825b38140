#!/usr/bin/env bash
# Measures REST read latency while the sample server ingests eight corpus files, from a second process on loopback.
# Usage: benchmarks/rest-latency.sh WORKERS [idle]
#   WORKERS  concurrent clients of the load generator
#   idle     measure without uploading anything, so nothing is ingested
# Starts the Release build of samples/RagAnything.Server on 127.0.0.1:5000 with a fresh data folder, runs
# benchmarks/RagAnything.LoadGenerator for 20 s after a 3 s warm-up, prints the task states at the end, and stops
# the server. Run from the repository root with ../shared beside it.
set -euo pipefail

workers="${1:?usage: benchmarks/rest-latency.sh WORKERS [idle]}"
mode="${2:-ingest}"
corpus=../shared/corpus
data_dir="$(mktemp -d /tmp/rag-rest-latency.XXXXXX)"

dotnet build -c Release samples/RagAnything.Server >/dev/null
dotnet build -c Release benchmarks/RagAnything.LoadGenerator >/dev/null

RagAnything__DataDirectory="$data_dir" RagAnything__Hosting__RateLimit__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --project samples/RagAnything.Server >"$data_dir/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

for _ in $(seq 60); do
  curl -fs http://127.0.0.1:5000/health >/dev/null && break
  sleep 0.5
done

ingest=()
if [ "$mode" != idle ]; then
  files=(pdf_uk_planning_policy_76p.pdf pdf_chinese_half_year_report_95p.pdf pdf_dpr_paper_2col_13p.pdf
    pdf_plos_one_article_14p.pdf pdf_ibm_redbook_rcac_18p.pdf html_sec_10k_tables.html
    pdf_us_cfr_2col_damaged_19p.pdf md_wikipedia_ibm.md)
  ingest=(--ingest "$(printf "$corpus/%s," "${files[@]}" | sed 's/,$//')")
fi

timeout 300 dotnet run -c Release --no-build --project benchmarks/RagAnything.LoadGenerator -- \
  --workers "$workers" --duration 20 --warmup 3 "${ingest[@]}"

# Shows whether ingestion was still running when the measurement ended.
curl -fs "http://127.0.0.1:5000/api/v1/tasks?pageSize=50" | python3 -c \
  'import json, sys; print("task states at the end:", sorted(task["status"] for task in json.load(sys.stdin)["items"]))'

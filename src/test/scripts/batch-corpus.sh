#!/usr/bin/env bash
# Builds a folder of plain-text documents from the cnews sample corpus, written K times over
# (issue 19): K=10 gives 4,380 files (about 14 MB), K=70 30,660 files (95 MB). On demand only,
# never in CI: `src/test/scripts/batch-corpus.sh 10 target/corpus-x10`, then
# `./tiqu bench --batch target/corpus-x10`.
set -euo pipefail
times="${1:?usage: batch-corpus.sh TIMES OUT_DIR [CORPUS.jsonl]}"
out="${2:?usage: batch-corpus.sh TIMES OUT_DIR [CORPUS.jsonl]}"
corpus="${3:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/../shared/benchmarks/corpus/cnews-sample.jsonl}"
python3 - "$times" "$out" "$corpus" <<'PY'
import json, os, sys
times, out, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3]
texts = []
with open(corpus, encoding="utf-8") as f:
    for line in f:
        text = json.loads(line).get("text")
        if text and text.strip():
            texts.append(text)
for k in range(times):
    folder = os.path.join(out, f"{k:03d}")
    os.makedirs(folder, exist_ok=True)
    for i, text in enumerate(texts):
        with open(os.path.join(folder, f"cnews-{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
print(f"{out}: {times * len(texts)} files")
PY

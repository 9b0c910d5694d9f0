#!/bin/bash
cd /work/main
npx tsx packages/provider/tmp-smoke/server.ts > /tmp/bench-server.out 2>/tmp/bench-server.err &
PID=$!
for i in $(seq 1 60); do [ -s /tmp/bench-server.out ] && break; sleep 0.25; done
INFO=$(head -1 /tmp/bench-server.out); echo "$INFO" | python3 -c "import sys,json; d=json.load(sys.stdin); print('bytes',d['bytes'],'cnt',d['cnt'],d['rsp'])"
URL=$(echo "$INFO" | python3 -c "import sys,json; print(json.load(sys.stdin)['url'])")
export INFO
CH=/BKNURI0001/v2/bank/accounts/deposit/transactions
for p in /plain $CH; do node packages/provider/tmp-smoke/load.mjs $URL $p 3 8 > /dev/null; done
for r in $(seq 1 ${R:-6}); do
  a=$(node packages/provider/tmp-smoke/load.mjs $URL ${PLAIN:-/plain} 4 8 | python3 -c "import sys,json; print(json.load(sys.stdin)['rps'])")
  b=$(node packages/provider/tmp-smoke/load.mjs $URL $CH 4 8 | python3 -c "import sys,json; d=json.load(sys.stdin); print(d['rps'], d['bad'])")
  echo "plain $a chain $b ratio $(python3 -c "print(round(${b% *}/$a,2))")"
done
kill $PID

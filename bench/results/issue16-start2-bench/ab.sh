#!/usr/bin/env bash
# ab.sh ROUNDS RUNS name1 cmd1 name2 cmd2 ...  : alternated hyperfine rounds; prints median wall, mean cpu per name
rounds=$1; runs=$2; shift 2
names=(); cmds=()
while [ $# -gt 0 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
n=${#names[@]}
out=$(mktemp -d)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r=0;r<rounds;r++)); do
  args=()
  for ((i=0;i<n;i++)); do k=$(( (i + r) % n )); args+=(-n "${names[$k]}" "${cmds[$k]}"); done
  hyperfine -N -w 2 -r "$runs" --style none --export-json "$out/r$r.json" "${args[@]}" >/dev/null 2>&1 || { echo failed; hyperfine -N -r 1 "${args[@]}"; exit 1; }
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out"/r*.json | jq -r '.results[] | . as $r | .times[] | [$r.command, (. * 1000)] | @tsv' > "$out/t.tsv"
cat "$out"/r*.json | jq -r '.results[] | [.command, ((.user + .system) * 1000), (.user*1000), (.system*1000)] | @tsv' > "$out/c.tsv"
for nm in "${names[@]}"; do
  med=$(awk -F'\t' -v n="$nm" '$1==n {print $2}' "$out/t.tsv" | sort -n | awk '{a[NR]=$1} END {print (NR%2? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  cpu=$(awk -F'\t' -v n="$nm" '$1==n {s+=$2; u+=$3; y+=$4; c++} END {printf "%.1f (user %.1f sys %.1f)", s/c, u/c, y/c}' "$out/c.tsv")
  printf '%-28s wall median %7.1f ms   cpu mean %s\n' "$nm" "$med" "$cpu"
done
rm -rf "$out"

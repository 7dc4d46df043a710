#!/usr/bin/env bash
# Build step: the class-data-sharing archive (AppCDS) that ./ludus maps when it runs on the JDK
# that built it (the launcher names it the same way: by the java binary's real path). Without
# it, the first ./ludus command after a build makes the archive with only the classes that one
# command loads: after a first `ludus compile` (as bench/run starts), every `ludus run` loaded
# ~60 classes from the jar again (~10 ms). Training runs compile and run a program that touches
# what a first hour touches, and run it again from the compile cache and without it; the
# classes they load (-XX:DumpLoadedClassList) then go into one static archive (-Xshare:dump)
# that holds the JDK's classes too. Mapped in place of the JDK's own archive plus a dynamic one
# on top (-XX:ArchiveClassesAtExit, as this script made before), it starts every run sooner:
# on Java 17, ./ludus run examples/hello.ld 185.6 -> 181.4 ms compiling, 147.0 -> 140.7 from the
# compile cache (medians of 21 alternated runs), the bench programs' whole runs 3.5% less
# (geometric mean, 9 alternated rounds). The JVM flags must be the launcher's (ludus script).
#   cds-archive.sh JDK_HOME LUDUS_JAR
set -euo pipefail
jdk="$1"; jar="$2"
java="$jdk/bin/java"
[ -x "$java" ] || exit 0
v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null | head -1)"
real="$(readlink -f "$java")"
key="${real//[^A-Za-z0-9._-]/_}"
out="$(dirname "$jar")/ludus-cds-$key.jsa"
log="$out.log"
flags=(-Xss16m -XX:StackReservedPages=0)
[ "${v:-0}" -ge 21 ] && flags+=(--add-exports java.base/jdk.internal.vm=ALL-UNNAMED)
flags+=(-XX:+UseParallelGC)
# where the classes come from, as the launcher says (the archive records it: ludus script)
classes=("-Xbootclasspath/a:$jar" -cp "$jar")
rm -f "$out"
train="$(mktemp -d)"; trap 'rm -rf "$train"' EXIT
cat > "$train/train.ld" <<'LD'
& printing, strings, numbers, lists, dicts, tuples, sets, loops, pipelines, patterns, the turtle
fn greet (name) -> join (["Hello, ", name, "!"])
print! (greet ("world"), show (42), "{1} and {:b}")
fn fact {
  (0) -> 1
  (n) -> mult (n, fact (dec (n)))
}
let xs = map (fact, range (1, 8))
print! (fold (add, xs, 0), filter (even?, xs), count (xs), first (xs), rest (xs))
let d = #{:a 1, :b 2}
let e = assoc (update (d, :a, inc), :c, 3)
print! (e :a, get (:b, e), keys (e), values (e), "{e}", eq? (d, e))
let counts = fold (fn (acc, w) -> update (acc, w, fn (n) -> if n then inc (n) else 1), [:x, :y, :x], #{})
print! (counts)
let (p, q) = (3, 4)
print! (add ((1, 2), (p, q)), mult ((1, 2), 2), dist ((p, q)), sub (p, q), div (p, q), floor (2.5))
let s = loop (10, 0) with (k, acc) -> if zero? (k) then acc else recur (dec (k), add (acc, k))
let total = do range (100) > map (inc, _) > filter (odd?, _) > fold (add, _, 0)
print! (s, total, ${1, 2}, concat ([1], [2]), append ([1], 2), at ([1, 2], 0), string (:k))
match (1, "a") with {
  (1, str) -> print! (str, to_number (" 42 "), string (3.5), count ("abc"))
  _ -> nil
}
fn kind {
  (#{:kind :a, :n n}) -> n
  (acct) -> acct :n
}
let accts = map (fn (i) -> #{:kind if even? (i) then :a else :b, :n i}, range (40))
let f = add (1, _)
let g = if eq? (count (accts), 40) then inc else dec
print! (fold (fn (acc, a) -> add (acc, kind (a)), accts, 0), f (2), g (3), map (f, [1, 2]))
let big = fold (fn (acc, i) -> assoc (acc, at ([:p, :q, :r, :s, :t, :u, :v, :w, :x, :y], mod (i, 10)), i), range (100), #{})
let ints = loop (0, 0) with (i, acc) -> if lt? (i, 1000) then recur (inc (i), add (acc, mod (i, 7))) else acc
print! (count (keys (big)), ints, last ([1, 2]), butlast ([1, 2]), slice ([1, 2, 3], 1, 2), round (sum_of_squares (3, 4)))
& vector code (VecBodies, VecLoops), a long list, counting in a dict, the Ludus half of the prelude
fn vstep ((pos, vel, path)) -> {
  let vel2 = add (vel, mult (pos, -0.01))
  let pos2 = add (pos, mult (vel2, 0.1))
  (pos2, vel2, add (path, dist (sub (pos2, pos))))
}
fn vrun (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, st) -> if zero? (k) then st else recur (dec (k), vstep (st))
let vocab = [:p, :q, :r, :s, :t]
fn draws (n) -> loop (n, 42, []) with (k, seed, acc) -> if zero? (k) then acc else {
  let s2 = mod (mult (seed, 16807), 2147483647)
  recur (dec (k), s2, append (acc, at (vocab, mod (s2, 5))))
}
fn bump {
  (nil) -> 1
  (n) -> inc (n)
}
fn safe? {
  (_, _, []) -> true
  (q, d, [c, ...cs]) -> if eq? (abs (sub (q, c)), d) then false else safe? (q, inc (d), cs)
}
let tally = fold (fn (m, w) -> update (m, w, bump), draws (300), #{})
print! (vrun (10), tally, safe? (1, 1, [4, 6]), second ([1, 2]), some? (nil), unwrap_or ((:err, "no"), 3))
& records' inline caches (a number field read, assoc and update of a number field, a lookup):
& the method-handle shapes their first links use are then archived, not spun at every run
fn rec_make (i) -> #{:id i, :kind if even? (i) then :c else :s, :balance mod (i, 7)}
fn rec_credit (r) -> assoc (r, :balance, add (r :balance, 1))
fn rec_total (rs) -> fold (fn (acc, r) -> if eq? (r :kind, :s) then add (acc, r :balance) else acc, rs, 0)
let recs = map (fn (r) -> update (r, :id, inc), map (rec_credit, map (rec_make, range (40))))
print! (rec_total (recs), rec_total (map (rec_credit, recs)))
forward! (10); right! (0.25); forward! (10)
#{:done true}
LD
# Training: (1) compiling (the compiler's classes matter most; a cache miss) and keeping the
# classes, with the syntax-error path set up, through picocli (--svg); (2) the same program from
# the compile cache; (3) compiling it without the cache, as `./ludus run FILE` with
# LUDUS_COMPILE_CACHE=0 does. Each writes the list of the classes it loaded.
: > "$log"
static_archive() {
  local n lists=()
  for n in 1 2 3; do
    local args=("${classes[@]}" dev.ludus.cli.Main run "$train/train.ld")
    case $n in
      1) args=(-Dludus.compileCache="$train/kept" -Dludus.train.syntaxErrors=true "${args[@]}" --svg "$train/t.svg") ;;
      2) args=(-Dludus.compileCache="$train/kept" "${args[@]}") ;;
    esac
    "$java" "${flags[@]}" -XX:DumpLoadedClassList="$train/$n.lst" "${args[@]}" >> "$log" 2>&1 || return 1
    lists+=("$train/$n.lst")
  done
  # Lists that number their classes (JDK 21+ writes "id:" for each) cannot simply be joined.
  if grep -q ' id: ' "${lists[@]}"; then return 1; fi
  # one list, each class once, in the order first loaded (the dump loads them in that order)
  awk '!seen[$0]++' "${lists[@]}" > "$train/classes.lst"
  "$java" -Xshare:dump -XX:SharedClassListFile="$train/classes.lst" -XX:SharedArchiveFile="$out" \
      "${flags[@]}" "${classes[@]}" >> "$log" 2>&1
}
# Otherwise (a JDK whose lists cannot be joined, or a failed dump): a dynamic archive on top of
# the JDK's own, written at the exit of training run (1), as ./ludus writes one when it has none.
dynamic_archive() {
  rm -f "$out"
  "$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$out" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dludus.compileCache="$train/kept2" -Dludus.train.syntaxErrors=true "${classes[@]}" dev.ludus.cli.Main run "$train/train.ld" \
    --svg "$train/t.svg" >> "$log" 2>&1
}
if ! static_archive && ! dynamic_archive; then
  echo "ludus: no class-data-sharing archive (see $log)" >&2
  rm -f "$out"
fi

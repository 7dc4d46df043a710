#!/usr/bin/env bash
# Build step (JDK 25+ only): an ahead-of-time cache of the classes `ludus` loads and links
# (JEP 483/514), made by training runs of the freshly shaded ludus.jar. The ./ludus launcher maps
# it when it runs on that same JDK: start-up without loading, verifying and linking the
# compiler's and runtime's classes again. The JVM flags must be the launcher's (ludus script).
#   aot-cache.sh JDK_HOME LUDUS_JAR REPO_ROOT
set -euo pipefail
jdk="$1"; jar="$2"; root="$3"
java="$jdk/bin/java"
[ -x "$java" ] || exit 0
v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null | head -1)"
[ "${v:-0}" -ge 25 ] || exit 0
# named as the launcher (./ludus) names it: by the java binary's real path
real="$(readlink -f "$java")"
key="${real//[^A-Za-z0-9._-]/_}"
out="$(dirname "$jar")/ludus-aot-$key.aot"
conf="$out.conf"; log="$out.log"
flags=(-Xss16m -XX:StackReservedPages=0 --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -XX:+UseParallelGC)
rm -f "$out" "$conf"
train="$(mktemp -d)"; trap 'rm -rf "$train"' EXIT
# what a first hour touches: printing, collections, strings, the turtle, a panic, processes
cat > "$train/train.ld" <<'LD'
fn greet (name) -> join (["Hello, ", name, "!"])
print! (greet ("world"))
let xs = map (inc, range (10))
let d = #{:a 1, :b 2}
print! (fold (add, xs, 0), keys (d), "{d}")
forward! (10); right! (0.25); forward! (10)
let me = self ()
let p = spawn! (fn () -> receive { (:ping, from) -> send (from, :pong) })
send (p, (:ping, me))
receive { :pong -> :ok }
LD
{
  # compiling (an edited program: the compiler's classes matter most) and keeping the classes, as ./ludus does
  "$java" "${flags[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$conf" -Dludus.compileCache="$train/kept" -Dludus.train.syntaxErrors=true \
    "-Xbootclasspath/a:$jar" -cp "$jar" dev.ludus.cli.Main run "$train/train.ld" --svg "$train/t.svg" || true
  "$java" "${flags[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$out" "-Xbootclasspath/a:$jar" -cp "$jar"
} > "$log" 2>&1 || { echo "ludus: no AOT cache (see $log)" >&2; rm -f "$out"; }
rm -f "$conf"

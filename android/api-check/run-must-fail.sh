#!/usr/bin/env bash
# Runs the must-fail cases of must-fail.txt (beside this script): for each,
# copies one file of android/src/main (or, with "bindings: android", of the
# Android flavour of the generated bindings) with one line replaced by a
# plausible wrong one and compiles it against the API stubs; the compiler
# must reject it with the expected error. A case whose line is no longer in
# the file fails too, so the cases follow the adapters and the bindings.
#
#   run-must-fail.sh WORK_DIR MAIN_CLASSES ANDROID_BINDINGS ANDROID_CLASSES CLASSPATH
#   (called by scripts/test-android-jvm.sh)
#
# MAIN_CLASSES is android/src/main compiled with the JVM copy of the
# bindings, ANDROID_CLASSES with the Android flavour (generated in
# ANDROID_BINDINGS): the changed copy is compiled alone against the matching
# one, as a friend (it may use the module's internal members).
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$HERE/../src/main/kotlin"
work=$1
main_classes=$2
android_bindings=$3
android_classes=$4
classpath=$5
: "${KOTLINC:?}"

rejected=0
failures=0
check() {
    local name=$1 file=$2 from=$3 to=$4 error=$5 bindings=$6
    local copy="$work/case-$((rejected + failures))"
    local root=$MAIN against=$main_classes
    case $bindings in
        '') ;;
        android) root=$android_bindings against=$android_classes ;;
        *)
            echo "must-fail: $name: unknown 'bindings: $bindings' (only 'android')" >&2
            failures=$((failures + 1))
            return
            ;;
    esac
    mkdir -p "$copy"
    local count
    count=$(grep -cF -- "$from" "$root/$file" || true)
    if [[ $count != 1 ]]; then
        echo "must-fail: $name: the line '$from' occurs $count times in $root/$file (expected once): update must-fail.txt" >&2
        failures=$((failures + 1))
        return
    fi
    FROM=$from TO=$to python3 -c 'import os,sys; s=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(s.replace(os.environ["FROM"], os.environ["TO"]))' \
        "$root/$file" "$copy/$(basename "$file")"
    if "$KOTLINC" -Werror -jvm-target 17 -Xfriend-paths="$against" -cp "$against:$classpath" -d "$copy/out" "$copy/$(basename "$file")" >"$copy/log" 2>&1; then
        echo "must-fail: ACCEPTED (the stubs are too lenient): $name" >&2
        failures=$((failures + 1))
    elif grep -qiF -- "$error" "$copy/log"; then
        # A deprecation is a warning, which -Werror makes fatal.
        echo "rejected: $name -- $(grep -iF -- "$error" "$copy/log" | head -n1 | sed -E 's/^.*: (error|warning): //')"
        rejected=$((rejected + 1))
    else
        echo "must-fail: $name: rejected, but not with '$error':" >&2
        grep 'error:' "$copy/log" >&2 || cat "$copy/log" >&2
        failures=$((failures + 1))
    fi
}

# must-fail.txt: blocks of "case:", "file:", "from:", "to:", "error:" lines
# (and an optional "bindings:" line), blank-line separated.
declare -A field=()
flush() {
    if [[ ${#field[@]} -gt 0 ]]; then
        check "${field[case]}" "${field[file]}" "${field[from]}" "${field[to]}" "${field[error]}" "${field[bindings]:-}"
    fi
    field=()
}
while IFS= read -r line || [[ -n $line ]]; do
    case $line in
        '#'*) ;;
        '') flush ;;
        *) field[${line%%:*}]="${line#*: }" ;;
    esac
done <"$HERE/must-fail.txt"
flush

echo "must-fail: $rejected rejected, $failures not"
(( rejected > 0 && failures == 0 ))

#!/usr/bin/env bash
# Runs the must-fail cases of must-fail.txt (beside this script): for each,
# copies one file of android/src/main with one line replaced by a plausible
# wrong one and compiles it against the API stubs; the compiler must reject
# it with the expected error. A case whose line is no longer in the file
# fails too, so the cases follow the adapters.
#
#   run-must-fail.sh WORK_DIR MAIN_CLASSES CLASSPATH   (called by scripts/test-android-jvm.sh)
#
# MAIN_CLASSES is android/src/main compiled: the changed copy is compiled
# alone against it, as a friend (it may use the module's internal members).
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$HERE/../src/main/kotlin"
work=$1
main_classes=$2
classpath="$2:$3"
: "${KOTLINC:?}"

rejected=0
failures=0
check() {
    local name=$1 file=$2 from=$3 to=$4 error=$5
    local copy="$work/case-$((rejected + failures))"
    mkdir -p "$copy"
    local count
    count=$(grep -cF -- "$from" "$MAIN/$file" || true)
    if [[ $count != 1 ]]; then
        echo "must-fail: $name: the line '$from' occurs $count times in $file (expected once): update must-fail.txt" >&2
        failures=$((failures + 1))
        return
    fi
    FROM=$from TO=$to python3 -c 'import os,sys; s=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(s.replace(os.environ["FROM"], os.environ["TO"]))' \
        "$MAIN/$file" "$copy/$(basename "$file")"
    if "$KOTLINC" -Werror -jvm-target 17 -Xfriend-paths="$main_classes" -cp "$classpath" -d "$copy/out" "$copy/$(basename "$file")" >"$copy/log" 2>&1; then
        echo "must-fail: ACCEPTED (the stubs are too lenient): $name" >&2
        failures=$((failures + 1))
    elif grep -qiF -- "$error" "$copy/log"; then
        echo "rejected: $name -- $(grep -iF -- "$error" "$copy/log" | head -n1 | sed 's/^.*: error: //')"
        rejected=$((rejected + 1))
    else
        echo "must-fail: $name: rejected, but not with '$error':" >&2
        grep 'error:' "$copy/log" >&2 || cat "$copy/log" >&2
        failures=$((failures + 1))
    fi
}

# must-fail.txt: blocks of "case:", "file:", "from:", "to:", "error:" lines, blank-line separated.
declare -A field=()
flush() {
    if [[ ${#field[@]} -gt 0 ]]; then
        check "${field[case]}" "${field[file]}" "${field[from]}" "${field[to]}" "${field[error]}"
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

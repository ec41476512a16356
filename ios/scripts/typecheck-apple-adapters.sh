#!/usr/bin/env bash
# Type-checks the Apple-only adapters (Sources/FlowStateHeat/Apple/) on Linux,
# inside the Swift chroot, from the staged package root (see
# scripts/test-swift.sh):
#
# 1. AppleSDKDeclarations/{EventKit,BackgroundTasks,UIKit,AppleFoundation,os}.swift
#    become modules of those names, EventKit with EventKitEnums/ (library
#    evolution on, so EventKit's enums are non-frozen as in the SDK);
# 2. the whole FlowStateHeat module (generated bindings, platform-neutral
#    layer, Apple/) is compiled to SIL against them in Swift 6 language mode
#    (complete concurrency checking) with warnings as errors;
# 3. every AppleSDKDeclarations/MustFail/*.swift, added to the module, must be
#    rejected with every diagnostic named on its `// expect:` lines.
set -Eeuo pipefail

die() { printf 'apple-adapters: ERROR: %s\n' "$*" >&2; exit 1; }

declarations=AppleSDKDeclarations
modules=.build/apple-sdk-declarations
rm -rf "$modules"
mkdir -p "$modules"
for module in EventKit BackgroundTasks UIKit AppleFoundation os; do
    module_sources=("$declarations/$module.swift")
    if [[ $module == EventKit ]]; then
        module_sources+=("$declarations"/EventKitEnums/*.swift)
    fi
    # -suppress-warnings: only "Foundation was not compiled with library
    # evolution", which is true of corelibs Foundation and irrelevant here.
    swiftc -emit-module -parse-as-library -enable-library-evolution -swift-version 6 -suppress-warnings \
        -module-name "$module" -emit-module-path "$modules/$module.swiftmodule" "${module_sources[@]}"
done

mapfile -t sources < <(find Sources/FlowStateHeat -name '*.swift' | sort)
apple=$(printf '%s\n' "${sources[@]}" | grep -c '/Apple/' || true)
[[ $apple -gt 0 ]] || die "no Apple adapter sources found"
# -emit-sil, not -typecheck: the data-race checks (region isolation) run on SIL.
compile() {
    swiftc -emit-sil -o /dev/null -wmo -swift-version 6 -strict-concurrency=complete -warnings-as-errors \
        -module-name FlowStateHeat -I "$modules" -I Sources/FlowStateHeatFFI \
        -Xfrontend -import-module -Xfrontend AppleFoundation \
        "${sources[@]}" "$@"
}

compile || die "the FlowStateHeat module with its Apple adapters does not compile in Swift 6 mode"
echo "apple-adapters: ${#sources[@]} files (${apple} in Apple/) compiled to SIL against the SDK declarations: Swift 6 mode, complete concurrency checking, 0 warnings"

rejected=0
for case_file in "$declarations"/MustFail/*.swift; do
    name=$(basename "$case_file" .swift)
    mapfile -t expected < <(sed -n 's|^// expect: ||p' "$case_file")
    [[ ${#expected[@]} -gt 0 ]] || die "$case_file has no '// expect:' line"
    if output=$(compile "$case_file" 2>&1); then
        die "must-fail $name compiled"
    fi
    for diagnostic in "${expected[@]}"; do
        grep -F -- "$diagnostic" <<<"$output" >/dev/null \
            || die "must-fail $name was rejected, but not with '$diagnostic':"$'\n'"$output"
        echo "apple-adapters: must-fail $name rejected: $(grep -F -m1 -- "$diagnostic" <<<"$output" | sed 's|^.*/||')"
    done
    rejected=$((rejected + 1))
done
[[ $rejected -gt 0 ]] || die "no must-fail cases ran"
echo "apple-adapters: $rejected must-fail cases rejected"

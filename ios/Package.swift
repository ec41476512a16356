// swift-tools-version:6.0
//
// FlowStateHeat: the Heat Engine's Rust core for iOS apps. The Swift API is
// the UniFFI-generated `FlowStateHeat.swift` (copied into
// Sources/FlowStateHeat/Generated/ by the scripts, never committed) plus the
// hand-written iOS layer next to it. Swift 6 language mode (Xcode 16+):
// complete data-race checking for everything here.
//
// The C side of the bindings, module `FlowStateHeatFFI`, comes from:
// - Apple platforms: `FlowStateHeatFFI.xcframework`, built by
//   scripts/build-xcframework.sh (static library + header + module map per
//   slice);
// - Linux (where the tests run): a system-library target holding the
//   generated header and module map, and the host-built static library
//   `libheat_ffi.a` in its `lib/` folder, staged by ../scripts/test-swift.sh.
// Without those build products the manifest stops with a message naming the
// script that makes them (rather than Xcode's "does not contain a binary
// artifact" or a missing module).
import Foundation
import PackageDescription

func requireBuildProducts(_ paths: [String], madeBy script: String) {
    let missing = paths.filter { !FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + $0) }
    guard missing.isEmpty else {
        fatalError("""
            FlowStateHeat: missing build products \(missing.joined(separator: ", ")). \
            Run \(script) first (they are generated from the Rust core, never committed).
            """)
    }
}

#if os(Linux)
let ffiDirectory = "Sources/FlowStateHeatFFI"
let ffiTarget: Target = .systemLibrary(name: "FlowStateHeatFFI", path: ffiDirectory)
requireBuildProducts(
    ["Sources/FlowStateHeat/Generated/FlowStateHeat.swift", ffiDirectory + "/module.modulemap", ffiDirectory + "/lib/libheat_ffi.a"],
    madeBy: "scripts/test-swift.sh (from the repository root)"
)
// The Rust static library and the system libraries it needs
// (`cargo rustc -- --print native-static-libs`; Swift links libc, libm,
// pthread and dl itself).
let coreLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-L", Context.packageDirectory + "/" + ffiDirectory + "/lib"]),
    .linkedLibrary("heat_ffi"),
    .linkedLibrary("gcc_s"),
    .linkedLibrary("util"),
    .linkedLibrary("rt"),
]
// EventKit's value enums for the platform-neutral layer where EventKit does
// not exist; the same file is part of the EventKit stand-in of the Apple
// adapter check. On Apple platforms the layer imports EventKit itself.
let eventKitEnumsTargets: [Target] = [.target(name: "EventKitEnums", path: "AppleSDKDeclarations/EventKitEnums")]
let eventKitEnums: [Target.Dependency] = ["EventKitEnums"]
#else
requireBuildProducts(
    ["FlowStateHeatFFI.xcframework", "Sources/FlowStateHeat/Generated/FlowStateHeat.swift"],
    madeBy: "ios/scripts/build-xcframework.sh (on a Mac with Xcode and rustup)"
)
let ffiTarget: Target = .binaryTarget(name: "FlowStateHeatFFI", path: "FlowStateHeatFFI.xcframework")
let coreLinkerSettings: [LinkerSetting] = []
let eventKitEnumsTargets: [Target] = []
let eventKitEnums: [Target.Dependency] = []
#endif

let package = Package(
    name: "FlowStateHeat",
    platforms: [.iOS(.v15)],
    products: [
        .library(name: "FlowStateHeat", targets: ["FlowStateHeat"]),
    ],
    targets: eventKitEnumsTargets + [
        ffiTarget,
        .target(
            name: "FlowStateHeat",
            dependencies: ["FlowStateHeatFFI"] + eventKitEnums,
            linkerSettings: coreLinkerSettings
        ),
        // Temporary store files and the shared golden fixtures, for both suites.
        .target(name: "FlowStateHeatTestSupport", dependencies: ["FlowStateHeat"], path: "Tests/FlowStateHeatTestSupport"),
        // The generated bindings themselves, against tests/fixtures.
        .testTarget(name: "FlowStateHeatBindingTests", dependencies: ["FlowStateHeat", "FlowStateHeatTestSupport"]),
        // The platform-neutral layer under the Apple adapters, with fakes and a real store file.
        .testTarget(name: "FlowStateHeatTests", dependencies: ["FlowStateHeat", "FlowStateHeatTestSupport"] + eventKitEnums),
    ]
)

import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

// Generated, never committed (README.md, "Build"):
// - the Kotlin bindings, by `../scripts/generate-bindings.sh --android`
//   (bindings/uniffi-android.toml: android = true);
// - src/main/jniLibs/<abi>/libheat_ffi.so, by `scripts/build-jni-libs.sh`.
val generatedBindings: File = file("../target/bindings/android")
val nativeLibraries: File = file("src/main/jniLibs") // AGP's default jniLibs folder
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

android {
    namespace = "app.flowstate.heat.android"
    compileSdk = 35

    defaultConfig {
        minSdk = 26
        // An app's R8 applies a library's consumer rules, never its own proguard-rules.pro.
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets {
        getByName("main") {
            kotlin.srcDir(generatedBindings)
        }
    }

    testOptions {
        // The JVM tests (src/test) call no Android API: the neutral layer only.
        unitTests.all { test ->
            test.useJUnitPlatform()
            // The host build of the engine (cargo build -p heat-ffi), loaded by the JVM bindings' JNA.
            test.systemProperty("jna.library.path", file("../target/debug").path)
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
        allWarningsAsErrors.set(true)
    }
}

dependencies {
    // 5.18.1 or later on Android: earlier releases race in Structure.getFieldOrder and crash.
    // The AAR carries libjnidispatch.so for every ABI.
    implementation("net.java.dev.jna:jna:5.18.1@aar")
    // The generated Android bindings annotate API-34-only code with @RequiresApi.
    implementation("androidx.annotation:annotation:1.9.1")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2")
    // HeatSyncWorker and CalendarChangeWorker are WorkManager workers the app's WorkManager instantiates.
    api("androidx.work:work-runtime-ktx:2.10.5")

    // `gradle test` runs src/test, as scripts/test-android-jvm.sh does on Linux.
    testImplementation(kotlin("test-junit5"))
    testImplementation("org.junit.jupiter:junit-jupiter:5.9.2")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher:1.9.2")
    testImplementation("net.java.dev.jna:jna:5.18.1") // the JVM jar: the AAR has no host native code
}

// The lifecycle scenarios (src/test/resources/lifecycle) are read with the
// cross-language suite's JSON reader, one file shared with tests/kotlin.
tasks.withType<org.jetbrains.kotlin.gradle.tasks.KotlinCompile>()
    .matching { it.name.contains("UnitTest") }
    .configureEach { source(file("../tests/kotlin/src/app/flowstate/heat/tests/Json.kt")) }

// Fail at the start of a build, with the command to run, rather than with
// hundreds of unresolved references or an app that crashes loading the library.
val checkGeneratedSources by tasks.registering {
    description = "Checks that the generated bindings and native libraries are in place."
    val bindingsFile = generatedBindings.resolve("app/flowstate/heat/heat_ffi.kt")
    val libraries = abis.map { nativeLibraries.resolve("$it/libheat_ffi.so") }
    doLast {
        if (!bindingsFile.isFile) {
            throw GradleException("$bindingsFile is missing: run ../scripts/generate-bindings.sh --android")
        }
        val missing = libraries.filterNot { it.isFile }
        if (missing.isNotEmpty()) {
            throw GradleException("native libraries missing ($missing): run scripts/build-jni-libs.sh")
        }
    }
}
tasks.named("preBuild") { dependsOn(checkGeneratedSources) }

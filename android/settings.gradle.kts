// The Android library module of the Flow State Heat Engine, buildable on its
// own (`gradle assembleRelease` here) or included in an app's build (see
// README.md). Plugin versions live here, not in build.gradle.kts, so that an
// app that includes the module keeps its own AGP and Kotlin versions.
pluginManagement {
    // gradle.properties: the same version scripts/setup-toolchains.sh installs for the Linux checks.
    val kotlinVersion: String by settings
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
    plugins {
        id("com.android.library") version "8.13.2"
        id("org.jetbrains.kotlin.android") version kotlinVersion
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "flowstate-heat"

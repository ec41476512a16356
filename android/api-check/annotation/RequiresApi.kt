// Compile-time stand-in for androidx.annotation.RequiresApi (androidx.annotation
// 1.9, as published in its API signature file), which the Android flavour of the
// generated bindings (`android = true`) uses, so that scripts/test-android-jvm.sh
// compiles that flavour too.
package androidx.annotation

@Retention(AnnotationRetention.BINARY)
@Target(
    AnnotationTarget.CLASS,
    AnnotationTarget.FUNCTION,
    AnnotationTarget.PROPERTY_GETTER,
    AnnotationTarget.PROPERTY_SETTER,
    AnnotationTarget.CONSTRUCTOR,
    AnnotationTarget.FIELD,
    AnnotationTarget.FILE,
)
annotation class RequiresApi(val value: Int = 1, val api: Int = 1)

package app.flowstate.heat.sync.model

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File
import kotlin.test.assertTrue

/** Every scenario under `src/test/resources/lifecycle/`, one test each. */
class LifecycleScenariosTest {
    @TestFactory
    fun scenarios(): List<DynamicTest> {
        val folder = javaClass.classLoader.getResource("lifecycle") ?: error("lifecycle/ is not on the test classpath")
        val files = File(folder.toURI()).listFiles { file -> file.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
        assertTrue(files.isNotEmpty(), "no scenarios in $folder")
        return files.map { file ->
            val scenario = LifecycleScenario(file.name, file.readText())
            DynamicTest.dynamicTest("${file.nameWithoutExtension}: ${scenario.name}") { scenario.run() }
        }
    }
}

package app.flowstate.heat.sync.model

/**
 * The JSON the lifecycle scenarios are written in, read into maps, lists,
 * strings, numbers (Long or Double), booleans and null. Small on purpose:
 * the test classpath has no JSON library.
 */
class Json private constructor(private val text: String) {
    private var at = 0

    private fun value(): Any? {
        space()
        return when (val c = text.getOrNull(at) ?: fail("a value")) {
            '{' -> objectValue()
            '[' -> arrayValue()
            '"' -> string()
            't' -> literal("true", true)
            'f' -> literal("false", false)
            'n' -> literal("null", null)
            else -> if (c == '-' || c.isDigit()) number() else fail("a value")
        }
    }

    private fun objectValue(): Map<String, Any?> {
        val map = linkedMapOf<String, Any?>()
        expect('{')
        space()
        if (peek('}')) return map.also { at++ }
        do {
            space()
            val key = string()
            space()
            expect(':')
            map[key] = value()
            space()
        } while (take(','))
        expect('}')
        return map
    }

    private fun arrayValue(): List<Any?> {
        val list = mutableListOf<Any?>()
        expect('[')
        space()
        if (peek(']')) return list.also { at++ }
        do {
            list += value()
            space()
        } while (take(','))
        expect(']')
        return list
    }

    private fun string(): String {
        expect('"')
        val out = StringBuilder()
        while (true) {
            when (val c = text.getOrNull(at++) ?: fail("a closing quote")) {
                '"' -> return out.toString()
                '\\' -> out.append(
                    when (val escaped = text.getOrNull(at++)) {
                        'n' -> '\n'
                        't' -> '\t'
                        'u' -> text.substring(at, at + 4).toInt(16).toChar().also { at += 4 }
                        else -> escaped ?: fail("an escape")
                    },
                )
                else -> out.append(c)
            }
        }
    }

    private fun number(): Any {
        val start = at
        while (at < text.length && (text[at].isDigit() || text[at] in "+-.eE")) at++
        val literal = text.substring(start, at)
        return literal.toLongOrNull() ?: literal.toDouble()
    }

    private fun literal(word: String, value: Any?): Any? {
        if (!text.startsWith(word, at)) fail(word)
        at += word.length
        return value
    }

    private fun space() {
        while (at < text.length && text[at].isWhitespace()) at++
    }

    private fun peek(c: Char) = text.getOrNull(at) == c

    private fun take(c: Char) = peek(c).also { if (it) at++ }

    private fun expect(c: Char) {
        if (!take(c)) fail("'$c'")
    }

    private fun fail(what: String): Nothing = throw IllegalArgumentException("JSON: expected $what at offset $at")

    companion object {
        fun parse(text: String): Any? = Json(text).run {
            val value = value()
            space()
            if (at != text.length) fail("the end")
            value
        }
    }
}

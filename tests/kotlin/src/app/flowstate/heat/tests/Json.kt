package app.flowstate.heat.tests

/**
 * A small JSON reader for the golden fixtures, so the suite needs no JSON
 * library. Numbers keep their source text: a heat is compared bit for bit,
 * so it is converted once, by `String.toDouble()` (correctly rounded).
 * Objects keep their source text too, to hand `source` to `eventsFromJson`.
 */
sealed interface Json {
    data class Obj(val fields: Map<String, Json>, val text: String) : Json
    data class Arr(val items: List<Json>) : Json
    data class Str(val value: String) : Json
    data class Num(val text: String) : Json
    data class Bool(val value: Boolean) : Json
    data object Null : Json

    operator fun get(key: String): Json =
        (this as? Obj)?.fields?.get(key) ?: throw IllegalArgumentException("no field \"$key\"")

    val list: List<Json> get() = (this as Arr).items
    val string: String get() = (this as Str).value
    val long: Long get() = (this as Num).text.toLong()
    val int: Int get() = (this as Num).text.toInt()
    val double: Double get() = (this as Num).text.toDouble()

    companion object {
        fun parse(text: String): Json = Parser(text).run {
            val value = value()
            skipSpace()
            require(pos == text.length) { "trailing text at $pos" }
            value
        }
    }
}

private class Parser(val text: String) {
    var pos = 0

    fun skipSpace() {
        while (pos < text.length && text[pos].isWhitespace()) pos++
    }

    fun value(): Json {
        skipSpace()
        require(pos < text.length) { "unexpected end of JSON" }
        return when (text[pos]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> Json.Str(str())
            't' -> literal("true", Json.Bool(true))
            'f' -> literal("false", Json.Bool(false))
            'n' -> literal("null", Json.Null)
            else -> num()
        }
    }

    private fun obj(): Json.Obj {
        val start = pos++
        val fields = LinkedHashMap<String, Json>()
        skipSpace()
        if (text[pos] == '}') return Json.Obj(fields, text.substring(start, ++pos))
        while (true) {
            skipSpace()
            val key = str()
            skipSpace()
            expect(':')
            fields[key] = value()
            skipSpace()
            if (text[pos] == '}') return Json.Obj(fields, text.substring(start, ++pos))
            expect(',')
        }
    }

    private fun arr(): Json.Arr {
        pos++
        val items = ArrayList<Json>()
        skipSpace()
        if (text[pos] == ']') { pos++; return Json.Arr(items) }
        while (true) {
            items += value()
            skipSpace()
            if (text[pos] == ']') { pos++; return Json.Arr(items) }
            expect(',')
        }
    }

    private fun str(): String {
        expect('"')
        val out = StringBuilder()
        while (text[pos] != '"') {
            val c = text[pos++]
            if (c != '\\') { out.append(c); continue }
            when (val e = text[pos++]) {
                'n' -> out.append('\n')
                't' -> out.append('\t')
                'r' -> out.append('\r')
                'b' -> out.append('\b')
                'f' -> out.append('\u000C')
                'u' -> { out.append(text.substring(pos, pos + 4).toInt(16).toChar()); pos += 4 }
                else -> out.append(e)
            }
        }
        pos++
        return out.toString()
    }

    private fun num(): Json.Num {
        val start = pos
        while (pos < text.length && text[pos] in "+-0123456789.eE") pos++
        require(pos > start) { "unexpected '${text[start]}' at $start" }
        return Json.Num(text.substring(start, pos))
    }

    private fun literal(word: String, value: Json): Json {
        require(text.startsWith(word, pos)) { "unexpected text at $pos" }
        pos += word.length
        return value
    }

    private fun expect(c: Char) {
        require(pos < text.length && text[pos] == c) { "expected '$c' at $pos" }
        pos++
    }
}

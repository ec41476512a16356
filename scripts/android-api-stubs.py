#!/usr/bin/env python3
"""Java stub sources of the Android API classes the Android adapters use.

    android-api-stubs.py STUBS_DIR API_FACTS OUT_DIR SOURCE_DIR...

STUBS_DIR is the `android-stubs` folder of the Python package
`chaquopy-stubs-android` (pinned in scripts/setup-toolchains.sh): type stubs
generated from the `android.jar` of one API level (the module's compileSdk), with every public class, method,
parameter type, static-ness and `@Nullable` return. This script turns the
top-level classes that the Kotlin files under SOURCE_DIR import (`import
android....`), plus their supertypes and the few classes in EXTRA_CLASSES,
into Java sources under OUT_DIR, for `javac`. The adapters are then compiled
against them: a wrong method, a wrong argument type, a missing constant or a
nullable return treated as non-null fails the build, as it would against the
real `android.jar`.

Why Java and not Kotlin stubs: Kotlin sees Java members as the real SDK's are
seen (platform types, static members of interfaces reachable through
implementing classes, SAM conversion, a Java `@Deprecated` member reported as
deprecated, which `-Werror` makes an error), which hand-written Kotlin would
not.

What the `.pyi` files lose, restored here:
- interface, abstract or final class, `protected` nested types and
  `@Deprecated` classes and members: from API_FACTS
  (android/api-check/android-<level>-api.txt), the class lines and the
  deprecated member lines of AOSP's frozen API signature file at the same
  level. Every generated class must have its line there (a nested class
  without one is left out and counted; android.R keeps only the ones listed),
  and a listed deprecated member the stubs do not have stops the script, so
  the facts and the stubs cannot drift apart;
- primitive return widths: `int` returns are Java `int` unless
  RETURN_WIDTHS says `long`/`short`; `float` returns are `double` unless it
  says `float`;
- constant values: every field gets a non-constant dummy, so nothing from
  here is ever inlined (and a Kotlin `const val` built from one is refused,
  as it should be where the real value is not a compile-time constant),
  but the few in CONSTANT_VALUES, which get their android.jar value.

A member whose signature names a type outside the generated set (or a
method type variable) is left out and counted: the adapters can then only
use it after the type is added to EXTRA_CLASSES, which keeps the check
strict, never permissive. Every stub body throws; nothing here ever runs.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Top-level classes the adapters reach without importing them (a return type
# they call methods on).
EXTRA_CLASSES = [
    "android.R",
    "android.content.ContentResolver",
    "android.content.SharedPreferences",
    "android.net.Uri",
    # Named with its package by the Android flavour of the bindings.
    "android.system.SystemCleaner",
]

# Compile-time constants whose value code must see (annotation arguments such
# as `@RequiresApi(Build.VERSION_CODES.UPSIDE_DOWN_CAKE)` in the Android flavour
# of the bindings), with their value in android.jar; every other field keeps a
# non-constant dummy.
CONSTANT_VALUES = {
    "android.os.Build.VERSION_CODES.UPSIDE_DOWN_CAKE": "34",
}

# Java return type of methods whose `.pyi` return (`int`, `float`) is ambiguous.
RETURN_WIDTHS = {
    "android.database.Cursor.getLong": "long",
    "android.database.Cursor.getShort": "short",
    "android.database.Cursor.getFloat": "float",
    "android.content.ContentUris.parseId": "long",
}

# `.pyi` union members that name the Java primitive of a parameter.
PRIMITIVES = {
    "java.jint": "int", "java.jlong": "long", "java.jboolean": "boolean", "java.jfloat": "float",
    "java.jdouble": "double", "java.jchar": "char", "java.jbyte": "byte", "java.jshort": "short",
}
# `java.chaquopy.JavaArrayJByte` and so on: primitive arrays.
PRIMITIVE_ARRAYS = {f"java.chaquopy.JavaArrayJ{v.capitalize()}": f"{v}[]" for v in PRIMITIVES.values()}
AMBIGUOUS_RETURNS = {"int": "int", "float": "double", "bool": "boolean", "str": "java.lang.String"}
DUMMIES = {
    "int": 'Integer.parseInt("0")', "long": 'Long.parseLong("0")', "boolean": 'Boolean.parseBoolean("false")',
    "float": 'Float.parseFloat("0")', "double": 'Double.parseDouble("0")', "short": 'Short.parseShort("0")',
    "byte": 'Byte.parseByte("0")', "char": '"0".charAt(0)', "java.lang.String": "new String()",
}
JAVA_KEYWORDS = set(
    "abstract assert boolean break byte case catch char class const continue default do double else enum "
    "extends final finally float for goto if implements import instanceof int interface long native new "
    "package private protected public return short static strictfp super switch synchronized this throw "
    "throws transient try void volatile while true false null var record yield".split()
)


class Unsupported(Exception):
    """A signature this generator cannot express; the member is left out."""


@dataclass
class JavaClass:
    name: str  # canonical, e.g. android.net.Uri.Builder
    module: str  # python module, e.g. android.net
    node: ast.ClassDef
    type_params: dict[str, tuple[str, str | None]]  # TypeVar name -> (Java name, bound)
    nested: list[JavaClass] = field(default_factory=list)

    @property
    def simple(self) -> str:
        return self.name.rsplit(".", 1)[1]


# --- the API facts (API_FACTS) ----------------------------------------------------


@dataclass
class ClassFacts:
    kind: str  # "interface", "abstract class", "final class" or "class"
    protected: bool
    deprecated: bool
    # Deprecated members, by key ("field NAME", "method name(T,...)",
    # "ctor(T,...)", parameter types erased), with their line.
    members: dict[str, str] = field(default_factory=dict)


def strip_annotations(text: str) -> str:
    """`text` without its annotations, arguments included (`@RequiresPermission(allOf={"a", b})`)."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "@":
            out.append(text[i])
            i += 1
            continue
        i = re.compile(r"@[\w.]+").match(text, i).end()
        if text.startswith("(", i):
            depth, quoted = 0, False
            while True:
                c = text[i]
                if c == '"':
                    quoted = not quoted
                elif not quoted and c == "(":
                    depth += 1
                elif not quoted and c == ")":
                    depth -= 1
                i += 1
                if depth == 0:
                    break
        while text.startswith(" ", i):
            i += 1
    return "".join(out)


def erased(java_type: str) -> str:
    """A parameter type as both sides can write it: no generics, varargs as arrays, no `java.lang.`."""
    previous = None
    while previous != java_type:
        previous, java_type = java_type, re.sub(r"<[^<>]*>", "", java_type)
    return re.sub(r"^java\.lang\.(?=[A-Z])", "", java_type.replace("...", "[]").strip())


def parameter_types(params: str) -> list[str]:
    types, depth, current = [], 0, ""
    for c in params:
        depth += {"<": 1, ">": -1}.get(c, 0)
        if c == "," and depth == 0:
            types.append(current)
            current = ""
        else:
            current += c
    return [erased(t) for t in types + [current] if t.strip()]


def member_key(line: str) -> str:
    """The key of a member line of the signature file."""
    text = strip_annotations(line.strip())
    if text.startswith("field "):
        return "field " + text.split(" = ", 1)[0].rstrip(";").split()[-1]
    m = re.fullmatch(r"ctor (?:[a-z]+ )*[\w.]+\((.*)\)(?: throws .*)?;", text) or re.fullmatch(
        r"method (?:[a-z]+ )*(?:<.*?> )?\S+ (\w+)\((.*)\)(?: throws .*)?;", text)
    if not m:
        raise SystemExit(f"android-api-stubs: cannot read the API facts line {line.strip()!r}")
    if text.startswith("ctor "):
        return f"ctor({','.join(parameter_types(m.group(1)))})"
    return f"method {m.group(1)}({','.join(parameter_types(m.group(2)))})"


def read_facts(path: Path) -> dict[str, ClassFacts]:
    facts: dict[str, ClassFacts] = {}
    package, current = None, None
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#") or line == "}":
            continue
        if m := re.fullmatch(r"package ([\w.]+) \{", line):
            package = m.group(1)
        elif line.startswith("    "):
            if current is None or "@Deprecated" not in line:
                raise SystemExit(f"android-api-stubs: {path}: {line.strip()!r} is not a deprecated member of a class")
            current.members[member_key(line)] = line.strip()
        elif m := re.match(r"  ((?:@[\w.]+ )*)((?:[a-z]+ )*)(class|interface) ([\w.]+)", line):
            modifiers = m.group(2).split()
            kind = "interface" if m.group(3) == "interface" else next(
                (f"{k} class" for k in ("final", "abstract") if k in modifiers), "class")
            deprecated = "@Deprecated" in m.group(1).split()
            current = facts[f"{package}.{m.group(4)}"] = ClassFacts(kind, "protected" in modifiers, deprecated)
        else:
            raise SystemExit(f"android-api-stubs: {path}: cannot read {line!r}")
    return facts


class Api:
    def __init__(self, stubs: Path):
        self.stubs = stubs
        self.modules: dict[str, tuple[ast.Module, dict[str, str]]] = {}
        self.classes: dict[str, JavaClass] = {}

    # --- reading the .pyi files -------------------------------------------------
    def module(self, module: str):
        if module not in self.modules:
            path = self.stubs.joinpath(*module.split(".")[1:], "__init__.pyi")
            tree = ast.parse(path.read_text())
            type_vars = {}
            for line in path.read_text().splitlines():
                m = re.match(r"(\w+) = typing\.TypeVar\('\w+'(?:, bound=([\w.]+))?\)\s*#\s*<(\w+)>", line.strip())
                if m:
                    type_vars[m.group(1)] = (m.group(3), m.group(2))
            self.modules[module] = (tree, type_vars)
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    self._index(module, f"{module}.{node.name}", node, type_vars)
        return self.modules[module]

    def _index(self, module, name, node, type_vars):
        params = {}
        for base in node.bases:
            if isinstance(base, ast.Subscript) and ast.unparse(base.value) == "typing.Generic":
                args = base.slice.elts if isinstance(base.slice, ast.Tuple) else [base.slice]
                params = {ast.unparse(a): type_vars[ast.unparse(a)] for a in args}
        cls = JavaClass(name, module, node, params)
        self.classes[name] = cls
        for child in node.body:
            if isinstance(child, ast.ClassDef):
                nested = self._index(module, f"{name}.{child.name}", child, type_vars)
                cls.nested.append(nested)
        return cls

    def is_package(self, dotted: str) -> bool:
        parts = dotted.split(".")
        return parts[0] == "android" and self.stubs.joinpath(*parts[1:], "__init__.pyi").is_file()

    def top_level_of(self, name: str) -> str:
        """The top-level class of an android canonical name (`android.net.Uri.Builder` -> `android.net.Uri`)."""
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            if self.is_package(".".join(parts[:cut])):
                return ".".join(parts[: cut + 1])
        raise KeyError(name)

    def resolve(self, expr: str, module: str) -> str:
        """Canonical name of a class reference as written in `module`'s .pyi."""
        if expr.split(".")[0] in ("android", "java", "javax", "dalvik", "org", "androidx"):
            return expr
        return f"{module}.{expr}"


class Generator:
    def __init__(self, api: Api, facts: dict[str, ClassFacts], roots: list[str]):
        self.api = api
        self.facts = facts
        self.included: set[str] = set()  # top-level android classes
        self.java_types: dict[str, str] = {}  # JDK class -> "interface" | "class" | "missing"
        self.dropped = 0
        self.deprecated = 0
        pending = list(roots)
        while pending:
            top = pending.pop()
            if top in self.included:
                continue
            self.api.module(top.rsplit(".", 1)[0])
            if top not in self.api.classes:
                raise SystemExit(f"android-api-stubs: {top} is not in the type stubs")
            if top not in facts:
                raise SystemExit(f"android-api-stubs: {top} has no class line in the API facts: copy it, and "
                                 "its nested classes' and deprecated members' lines, from the signature file")
            self.included.add(top)
            for cls in self.walk(self.api.classes[top]):
                for base in cls.node.bases:
                    ref = self.base_name(base)
                    resolved = self.api.resolve(ref, cls.module) if ref else ""
                    if resolved.startswith("android."):
                        pending.append(self.api.top_level_of(resolved))
        # The classes written: those of the included top-level classes that
        # the facts list; a nested class they do not list is left out.
        self.generated = {cls.name for top in self.included for cls in self.walk(self.api.classes[top], facts)}
        self.left_out = sum(1 for top in self.included for _ in self.walk(self.api.classes[top])) - len(self.generated)
        stale = sorted(set(facts) - self.generated)
        if stale:
            raise SystemExit(f"android-api-stubs: the API facts list classes that are not generated: {stale}")

    @staticmethod
    def walk(cls: JavaClass, only: dict[str, ClassFacts] | None = None):
        """`cls` and its nested classes; with `only`, those it lists (and their nested ones it lists)."""
        if only is None or cls.name in only:
            yield cls
            for nested in cls.nested:
                yield from Generator.walk(nested, only)

    @staticmethod
    def base_name(base: ast.expr) -> str | None:
        target = base.value if isinstance(base, ast.Subscript) else base
        name = ast.unparse(target)
        return None if name.startswith("typing.") else name

    # --- JDK types ---------------------------------------------------------------
    def collect_java_types(self):
        names: set[str] = set()
        for top in self.included:
            for cls in self.walk(self.api.classes[top]):
                for node in ast.walk(cls.node):
                    if isinstance(node, ast.Attribute):
                        text = ast.unparse(node)
                        if re.fullmatch(r"(java|javax)\.[a-z.]+\.[A-Z]\w*", text) and not text.startswith("java.chaquopy"):
                            names.add(text)
        out = subprocess.run(["javap", *sorted(names)], capture_output=True, text=True)
        for name in names:
            self.java_types[name] = "missing"
        for line in out.stdout.splitlines():
            m = re.match(r".*\b(class|interface) ([\w.$]+)", line)
            if m and m.group(2).replace("$", ".") in names:
                self.java_types[m.group(2).replace("$", ".")] = m.group(1)

    def is_interface(self, name: str) -> bool:
        if name.startswith("android."):
            return self.facts[name].kind == "interface"
        return self.java_types.get(name) == "interface"

    # --- types -------------------------------------------------------------------
    def java_type(self, expr: ast.expr, cls: JavaClass, *, returned: bool = False, owner: str = "") -> tuple[str, bool]:
        """(Java type, nullable) of a .pyi annotation."""
        members = self.union(expr)
        nullable = any(ast.unparse(m) == "None" for m in members)
        members = [m for m in members if ast.unparse(m) != "None"]
        texts = [ast.unparse(m) for m in members]
        for text in texts:
            if text in PRIMITIVES:
                return PRIMITIVES[text], nullable
        java = [m for m, t in zip(members, texts) if t not in ("int", "str", "bool", "float", "bytes")]
        if not java:
            if len(texts) != 1:
                raise Unsupported(" | ".join(texts))
            if returned and owner in RETURN_WIDTHS:
                return RETURN_WIDTHS[owner], nullable
            return AMBIGUOUS_RETURNS[texts[0]], nullable
        if len(java) > 1:
            raise Unsupported(" | ".join(texts))
        return self.reference(java[0], cls), nullable

    @staticmethod
    def union(expr: ast.expr) -> list[ast.expr]:
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            return Generator.union(expr.left) + Generator.union(expr.right)
        return [expr]

    def reference(self, expr: ast.expr, cls: JavaClass) -> str:
        if isinstance(expr, ast.Subscript):
            base = ast.unparse(expr.value)
            args = expr.slice.elts if isinstance(expr.slice, ast.Tuple) else [expr.slice]
            if base == "java.chaquopy.JavaArray":
                return self.reference(args[0], cls) + "[]"
            return f"{self.reference(expr.value, cls)}<{', '.join(self.reference(a, cls) for a in args)}>"
        text = ast.unparse(expr)
        if text in PRIMITIVE_ARRAYS:
            return PRIMITIVE_ARRAYS[text]
        for owner in self.enclosing(cls):
            if text in owner.type_params:
                return owner.type_params[text][0]
        if text.startswith("_"):
            raise Unsupported(f"method type variable {text}")
        name = self.api.resolve(text, cls.module)
        if name.startswith("android."):
            if name not in self.generated:
                raise Unsupported(f"{name} not generated")
            return name
        if name.startswith("java.chaquopy"):
            raise Unsupported(name)
        if self.java_types.get(name, "missing") == "missing":
            raise Unsupported(f"{name} not in the JDK")
        return name

    def enclosing(self, cls: JavaClass):
        name = cls.name
        while name in self.api.classes:
            yield self.api.classes[name]
            name = name.rsplit(".", 1)[0]

    # --- emitting ----------------------------------------------------------------
    def emit(self, out: Path) -> int:
        self.collect_java_types()
        written = 0
        for top in sorted(self.included):
            cls = self.api.classes[top]
            package = cls.module
            path = out.joinpath(*package.split("."), f"{cls.simple}.java")
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = ["// Generated by scripts/android-api-stubs.py from chaquopy-stubs-android and the API facts; do not edit.",
                     f"package {package};", ""]
            lines += self.emit_class(cls, indent="", nested_in=None)
            path.write_text("\n".join(lines) + "\n")
            written += 1
        return written

    def emit_class(self, cls: JavaClass, indent: str, nested_in: str | None) -> list[str]:
        facts = self.facts[cls.name]
        interface = facts.kind == "interface"
        if nested_in == "interface" and facts.protected:
            raise SystemExit(f"android-api-stubs: {cls.name} cannot be protected inside an interface")
        visibility = "protected" if facts.protected else "public"
        static = "static " if nested_in else ""
        bases = [b for b in cls.node.bases if self.base_name(b)]
        supers = []
        for base in bases:
            ref = self.base_name(base)
            if ref == "java.lang.Object":
                continue
            try:
                supers.append((self.reference(base, cls), self.is_interface(self.api.resolve(ref, cls.module))))
            except Unsupported as unsupported:
                raise SystemExit(f"android-api-stubs: base of {cls.name}: {unsupported}")
        params = ""
        if cls.type_params:
            params = "<" + ", ".join(
                name + (f" extends {self.reference(ast.parse(bound, mode='eval').body, cls)}" if bound else "")
                for name, bound in cls.type_params.values()
            ) + ">"
        deprecated = "@Deprecated " if facts.deprecated else ""
        self.deprecated += facts.deprecated
        if interface:
            if any(not is_interface for _, is_interface in supers):
                raise SystemExit(f"android-api-stubs: interface {cls.name} has a class base in the type stubs")
            header = f"{deprecated}{visibility} {static}interface {cls.simple}{params}"
            if supers:
                header += " extends " + ", ".join(name for name, _ in supers)
        else:
            classes = [name for name, is_interface in supers if not is_interface]
            interfaces = [name for name, is_interface in supers if is_interface]
            if len(classes) > 1:
                raise SystemExit(f"android-api-stubs: {cls.name} extends {classes}: the API facts make none an interface")
            # As in the SDK; javac then checks that a class that is not
            # abstract declares the methods of its interfaces.
            modifier = {"final class": "final ", "abstract class": "abstract "}.get(facts.kind, "")
            header = f"{deprecated}{visibility} {static}{modifier}class {cls.simple}{params}"
            if classes:
                header += f" extends {classes[0]}"
            if interfaces:
                header += " implements " + ", ".join(interfaces)
        body = [f"{indent}{header} {{"]
        inner = indent + "    "
        seen: set[str] = set()
        has_constructor = False
        missing = dict(facts.members)
        for node in cls.node.body:
            if not isinstance(node, (ast.AnnAssign, ast.FunctionDef)):
                continue
            matched = self.deprecated_matches(node, cls, facts)
            for key in matched:
                missing.pop(key, None)
            mark = "@Deprecated " if matched else ""
            try:
                if isinstance(node, ast.AnnAssign):
                    body.append(inner + mark + self.emit_field(node, cls, interface))
                    self.deprecated += bool(matched)
                else:
                    line, signature = self.emit_method(node, cls, interface)
                    if signature not in seen:
                        seen.add(signature)
                        body.append(inner + mark + line)
                        self.deprecated += bool(matched)
                        has_constructor |= node.name == "__init__"
            except Unsupported:
                self.dropped += 1
        if missing:
            raise SystemExit(f"android-api-stubs: {cls.name}: deprecated in the API facts but not in the type stubs: "
                             + "; ".join(missing.values()))
        if not interface and not has_constructor:
            # Subclass stubs need a super constructor; protected keeps the
            # adapters from constructing what the real API does not let them.
            body.append(f"{inner}protected {cls.simple}() {{ }}")
        for nested in cls.nested:
            if nested.name in self.generated:
                body += self.emit_class(nested, inner, "interface" if interface else "class")
        body.append(f"{indent}}}")
        return body

    def deprecated_matches(self, node: ast.AnnAssign | ast.FunctionDef, cls: JavaClass, facts: ClassFacts) -> list[str]:
        """The deprecated members of the facts that `node` is. A parameter type
        the stubs cannot express (the member is then left out) matches any."""
        if isinstance(node, ast.AnnAssign):
            key = f"field {ast.unparse(node.target)}"
            return [key] if key in facts.members else []
        args = [a for a in node.args.posonlyargs + node.args.args if a.arg != "self"]
        types: list[str | None] = []
        for arg in args:
            try:
                types.append(erased(self.java_type(arg.annotation, cls)[0]))
            except Unsupported:
                types.append(None)
        prefix = "ctor(" if node.name == "__init__" else f"method {node.name}("
        matches = []
        for key in facts.members:
            if key.startswith(prefix):
                listed = [t for t in key[len(prefix):-1].split(",") if t]
                if len(listed) == len(types) and all(t is None or t == l for t, l in zip(types, listed)):
                    matches.append(key)
        return matches

    def emit_field(self, node: ast.AnnAssign, cls: JavaClass, interface: bool) -> str:
        annotation = node.annotation
        if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) == "typing.ClassVar":
            annotation = annotation.slice
        else:
            raise Unsupported("instance field")
        java, nullable = self.java_type(annotation, cls, returned=True, owner=f"{cls.name}.{ast.unparse(node.target)}")
        name = ast.unparse(node.target)
        dummy = CONSTANT_VALUES.get(f"{cls.name}.{name}") or DUMMIES.get(java, "null")
        prefix = "" if interface else "public static final "
        return f"{self.nullability(nullable)}{prefix}{java} {name} = {dummy};"

    def emit_method(self, node: ast.FunctionDef, cls: JavaClass, interface: bool) -> tuple[str, str]:
        static = any(ast.unparse(d) == "staticmethod" for d in node.decorator_list)
        args = [a for a in node.args.posonlyargs + node.args.args if a.arg != "self"]
        if node.args.vararg or node.args.kwarg or node.args.kwonlyargs:
            raise Unsupported("python-only parameters")
        params = []
        for index, arg in enumerate(args):
            java, _ = self.java_type(arg.annotation, cls)
            name = arg.arg if arg.arg.isidentifier() and arg.arg not in JAVA_KEYWORDS and not arg.arg.startswith("arg") else f"arg{index}"
            params.append((java, name))
        signature = node.name + "(" + ",".join(java for java, _ in params) + ")"
        param_text = ", ".join(f"{java} {name}" for java, name in params)
        if node.name == "__init__":
            if interface:
                raise Unsupported("interface constructor")
            return f"public {cls.simple}({param_text}) {{ throw new UnsupportedOperationException(); }}", signature
        if not re.fullmatch(r"[A-Za-z]\w*", node.name) or node.name in JAVA_KEYWORDS:
            raise Unsupported(f"method name {node.name}")
        if node.returns is None or ast.unparse(node.returns) == "None":
            returns, nullable = "void", False
        else:
            returns, nullable = self.java_type(node.returns, cls, returned=True, owner=f"{cls.name}.{node.name}")
        annotation = self.nullability(nullable)
        if interface and not static:
            return f"{annotation}{returns} {node.name}({param_text});", signature
        modifiers = "public static " if static else "public "
        return f"{annotation}{modifiers}{returns} {node.name}({param_text}) {{ throw new UnsupportedOperationException(); }}", signature

    @staticmethod
    def nullability(nullable: bool) -> str:
        return "@org.jetbrains.annotations.Nullable " if nullable else ""


def imported_android_classes(api: Api, source_dirs: list[str]) -> set[str]:
    tops = set()
    for source_dir in source_dirs:
        for path in Path(source_dir).rglob("*.kt"):
            for m in re.finditer(r"^import (android\.[\w.]+)", path.read_text(), re.M):
                tops.add(api.top_level_of(m.group(1)))
    return tops


def main() -> None:
    if len(sys.argv) < 5:
        raise SystemExit(__doc__.split("\n\n")[1])
    stubs, facts, out, sources = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
    api = Api(stubs)
    roots = imported_android_classes(api, sources) | set(EXTRA_CLASSES)
    generator = Generator(api, read_facts(facts), sorted(roots))
    written = generator.emit(out)
    print(f"android-api-stubs: {written} top-level classes ({', '.join(sorted(generator.included))}); "
          f"{generator.dropped} members left out (types outside the set); "
          f"{generator.left_out} nested classes left out (not in {facts.name}); "
          f"{generator.deprecated} classes and members @Deprecated")


if __name__ == "__main__":
    main()

package io.github.sectrust4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exported surface of one of sectrust4j's modules, read from its compiled module descriptor (the tests run
 * on the class path, so the descriptor is read from the jar or classes directory a class of the module came
 * from): the public types of its unqualified exports, their public and protected members, and the types those
 * members' signatures name.
 */
final class ExportedSurface {
    private final ModuleDescriptor descriptor;
    private final List<Class<?>> types;

    private ExportedSurface(ModuleDescriptor descriptor, List<Class<?>> types) {
        this.descriptor = descriptor;
        this.types = types;
    }

    /** The module {@code member} was compiled into. */
    static ExportedSurface of(Class<?> member) {
        ModuleReference ref = ModuleFinder.of(location(member)).findAll().stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no module descriptor where " + member + " was loaded from"));
        Set<String> exported = exportedPackages(ref.descriptor());
        List<Class<?>> types = new ArrayList<>();
        try (ModuleReader reader = ref.open();
                Stream<String> names = reader.list()) {
            for (String name : names.filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .sorted()
                    .toList()) {
                String binaryName =
                        name.substring(0, name.length() - ".class".length()).replace('/', '.');
                if (!exported.contains(binaryName.substring(0, Math.max(0, binaryName.lastIndexOf('.'))))) {
                    continue; // not loaded: an implementation class may need an optional library (picocli)
                }
                Class<?> c = Class.forName(binaryName, false, member.getClassLoader());
                if (isPublicApi(c)) {
                    types.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return new ExportedSurface(ref.descriptor(), List.copyOf(types));
    }

    static Path location(Class<?> member) {
        try {
            return Path.of(
                    member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Packages exported to every module (qualified exports are internals shared with a named sibling). */
    static Set<String> exportedPackages(ModuleDescriptor d) {
        return d.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    ModuleDescriptor descriptor() {
        return descriptor;
    }

    /** The public types (top-level and nested) of the exported packages, by binary name. */
    List<Class<?>> types() {
        return types;
    }

    /** A public type reachable by name from outside: public itself and in every enclosing type. */
    static boolean isPublicApi(Class<?> c) {
        for (Class<?> x = c; x != null; x = x.getDeclaringClass()) {
            if (!Modifier.isPublic(x.getModifiers()) || x.isAnonymousClass() || x.isLocalClass() || x.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** Public or protected (callable or overridable from outside), and written in the source. */
    static boolean isApi(Member m) {
        return (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
                && !m.isSynthetic()
                && !(m instanceof Method method && method.isBridge());
    }

    /**
     * One line per type and per member, sorted within the type: the text the API baseline holds. Generic
     * signatures, modifiers, supertypes and thrown exceptions are all in it, so any change a caller could
     * notice changes the text.
     */
    List<String> signatureLines() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : types) {
            StringBuilder head = new StringBuilder(c.toGenericString());
            if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum() && !c.isRecord()) {
                head.append(" extends ").append(c.getGenericSuperclass().getTypeName());
            }
            Type[] interfaces = c.getGenericInterfaces();
            if (interfaces.length > 0) {
                head.append(c.isInterface() ? " extends " : " implements ")
                        .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
            }
            out.add(head.toString());
            TreeSet<String> members = new TreeSet<>();
            for (Field f : c.getDeclaredFields()) {
                if (isApi(f)) {
                    members.add("  " + f.toGenericString());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isApi(k)) {
                    members.add("  " + k.toGenericString());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isApi(m)) {
                    members.add("  " + m.toGenericString());
                }
            }
            out.addAll(members);
        }
        return out;
    }

    /** Every type a public signature of {@code c} names (supertypes, fields, parameters, results, throws, bounds). */
    static Set<Class<?>> referencedTypes(Class<?> c) {
        Set<Class<?>> out = new LinkedHashSet<>();
        collect(c.getGenericSuperclass(), out);
        for (Type t : c.getGenericInterfaces()) {
            collect(t, out);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            collect(v, out);
        }
        for (Field f : c.getDeclaredFields()) {
            if (isApi(f)) {
                collect(f.getGenericType(), out);
            }
        }
        List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
        executables.addAll(Arrays.asList(c.getDeclaredMethods()));
        for (Executable e : executables) {
            if (!isApi(e)) {
                continue;
            }
            if (e instanceof Method m) {
                collect(m.getGenericReturnType(), out);
            }
            for (Type t : e.getGenericParameterTypes()) {
                collect(t, out);
            }
            for (Type t : e.getGenericExceptionTypes()) {
                collect(t, out);
            }
            for (TypeVariable<?> v : e.getTypeParameters()) {
                collect(v, out);
            }
        }
        return out;
    }

    private static void collect(Type t, Set<Class<?>> out) {
        collect(t, out, new HashSet<>());
    }

    private static void collect(Type t, Set<Class<?>> out, Set<TypeVariable<?>> seen) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive()) {
                out.add(c);
            }
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            if (p.getOwnerType() != null) {
                collect(p.getOwnerType(), out, seen);
            }
            for (Type a : p.getActualTypeArguments()) {
                collect(a, out, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out, seen);
        } else if (t instanceof WildcardType w) {
            Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
                    .forEach(b -> collect(b, out, seen));
        } else if (t instanceof TypeVariable<?> v && seen.add(v)) { // <T extends Comparable<T>> refers to itself
            for (Type b : v.getBounds()) {
                collect(b, out, seen);
            }
        }
    }
}

package io.pra.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code docs/configuration.md} true to the code: lists the properties a
 * {@code @ConfigMapping} interface declares, and the ones the document names.
 */
public final class ConfigurationDocs {

    private static final Pattern DOCUMENTED = Pattern.compile("^\\|\\s*`([a-z0-9.\\-\"*<>]+)`\\s*\\|", Pattern.MULTILINE);

    private ConfigurationDocs() {
    }

    /** The repository's {@code docs/configuration.md}, found from the working directory upwards. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("configuration.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Property names documented in the first column of the document's tables. */
    public static Set<String> documentedProperties(Path document) {
        try {
            Set<String> names = new TreeSet<>();
            Matcher matcher = DOCUMENTED.matcher(Files.readString(document));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Property names a mapping interface declares under {@code prefix}: one per leaf method, in
     * kebab case as SmallRye Config names them; nested interfaces add a path segment.
     */
    public static Set<String> declaredProperties(String prefix, Class<?> mapping) {
        Set<String> names = new TreeSet<>();
        collect(prefix, mapping, names);
        return names;
    }

    private static void collect(String prefix, Class<?> type, Set<String> names) {
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getPackageName().equals(type.getPackageName())) {
                collect(name, returned, names);
            } else {
                names.add(name);
            }
        }
    }

    static String kebab(String camel) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < camel.length(); i++) {
            if (Character.isUpperCase(camel.charAt(i))) {
                words.add(camel.substring(start, i));
                start = i;
            }
        }
        words.add(camel.substring(start));
        return String.join("-", words).toLowerCase(Locale.ROOT);
    }
}

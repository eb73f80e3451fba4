package io.tienda.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.fail;

/**
 * The settings a module's Spring Boot jar can read from its environment, and whether an
 * environment variable binds to one of them the way Spring Boot binds it:
 * <ul>
 *   <li>a {@code ${NAME}} placeholder in the module's {@code application*.yml} or the platform's
 *       {@code tienda-defaults.properties};</li>
 *   <li>a property, by relaxed binding: {@code tienda.inbox.retention} from {@code TIENDA_INBOX_RETENTION},
 *       {@code eureka.instance.prefer-ip-address} from {@code EUREKA_INSTANCE_PREFERIPADDRESS} or
 *       {@code EUREKA_INSTANCE_PREFER_IP_ADDRESS}. The properties are those of the libraries' configuration
 *       metadata, the keys of the module's own configuration files, and the components of the Tienda
 *       {@code @ConfigurationProperties} records in the jar (read by reflection: no metadata is generated
 *       for most of them). Below a map or list property any name binds.</li>
 * </ul>
 */
final class ModuleSettings {

    private static final Map<String, ModuleSettings> READ = new ConcurrentHashMap<>();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static final Set<String> METADATA = Set.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    final String module;

    final Set<String> placeholders = new HashSet<>();

    /** Environment variable names that bind exactly (both relaxed forms of every property). */
    private final Set<String> exact = new HashSet<>();

    /** Forms of map and list properties: any variable below them binds. */
    private final Set<String> below = new HashSet<>();

    private ModuleSettings(String module) {
        this.module = module;
    }

    static ModuleSettings of(Fleet module) {
        return READ.computeIfAbsent(module.name(), name -> read(module));
    }

    boolean binds(String variable) {
        if (placeholders.contains(variable) || exact.contains(variable)) {
            return true;
        }
        return below.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    private static ModuleSettings read(Fleet module) {
        Path jar = Repo.path(module.jar());
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: the binding check reads the settings the built jar knows. Build it first, e.g. "
                    + "./mvnw -pl %s -am package -DskipTests (./mvnw verify from the root builds every jar before "
                    + "this module)", module.jar(), module.name());
        }
        ModuleSettings settings = new ModuleSettings(module.name());
        Path libraries = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            libraries = Files.createTempDirectory("deploy-checks-" + module.name());
            List<URL> classpath = new ArrayList<>();
            classpath.add(new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/"));
            List<String> classes = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (METADATA.contains(name) || METADATA.contains(name.replaceFirst("^BOOT-INF/classes/", ""))) {
                    settings.metadata(read(zip, entry));
                }
                else if (name.matches("BOOT-INF/classes/application[^/]*\\.(yml|yaml|properties)")) {
                    settings.configuration(name, new String(read(zip, entry), StandardCharsets.UTF_8));
                }
                else if (name.startsWith("BOOT-INF/classes/") && name.endsWith(".class")) {
                    if (mentionsConfigurationProperties(read(zip, entry))) {
                        classes.add(className(name.substring("BOOT-INF/classes/".length())));
                    }
                }
                else if (name.startsWith("BOOT-INF/lib/tienda-") && name.endsWith(".jar")) {
                    Path library = libraries.resolve(name.substring("BOOT-INF/lib/".length()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                    }
                    classpath.add(library.toUri().toURL());
                    classes.addAll(settings.library(library));
                }
                else if (name.startsWith("BOOT-INF/lib/") && name.contains("spring") && name.endsWith(".jar")) {
                    settings.nestedMetadata(zip, entry);
                }
            }
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new),
                    ModuleSettings.class.getClassLoader())) {
                for (String className : classes) {
                    settings.configurationProperties(loader, className);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            delete(libraries);
        }
        return settings;
    }

    /** A Tienda library in the jar: its classes and its defaults file. */
    private List<String> library(Path library) throws IOException {
        List<String> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(library.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class") && mentionsConfigurationProperties(read(zip, entry))) {
                    classes.add(className(name));
                }
                else if (name.equals("tienda-defaults.properties") || METADATA.contains(name)) {
                    byte[] content = read(zip, entry);
                    if (name.endsWith(".json")) {
                        metadata(content);
                    }
                    else {
                        configuration(name, new String(content, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return classes;
    }

    private void nestedMetadata(ZipFile zip, ZipEntry library) throws IOException {
        try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(library))) {
            for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                if (METADATA.contains(entry.getName())) {
                    metadata(nested.readAllBytes());
                }
            }
        }
    }

    private void metadata(byte[] json) throws IOException {
        for (JsonNode property : JSON.readTree(json).path("properties")) {
            String type = property.path("type").asText("");
            boolean map = type.startsWith("java.util.Map");
            boolean many = type.startsWith("java.util.List") || type.startsWith("java.util.Set")
                    || type.startsWith("java.util.Collection") || type.endsWith("[]");
            property(property.path("name").asText(), map, many);
        }
    }

    @SuppressWarnings("unchecked")
    private void configuration(String name, String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        if (name.endsWith(".properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new java.io.StringReader(text));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().forEach(key -> property(key, false, false));
            return;
        }
        for (Object document : new Yaml().loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                flatten("", (Map<String, Object>) map);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void flatten(String prefix, Map<String, Object> map) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested);
            }
            else {
                property(name, false, value instanceof Collection<?>);
            }
        });
    }

    private void configurationProperties(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        }
        catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null) {
            return;
        }
        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
        try {
            components(prefix, type, 0);
        }
        catch (TypeNotPresentException | LinkageError e) {
            // a component type from a library outside this class path: everything below the prefix binds
            property(prefix, true, false);
        }
    }

    private void components(String prefix, Class<?> type, int depth) {
        if (depth > 8) {
            return;
        }
        List<Map.Entry<String, Class<?>>> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(Map.entry(component.getName(), component.getType()));
            }
        }
        else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    members.add(Map.entry(field.getName(), field.getType()));
                }
            }
        }
        for (var member : members) {
            String name = prefix + "." + kebab(member.getKey());
            Class<?> memberType = member.getValue();
            if (Map.class.isAssignableFrom(memberType)) {
                property(name, true, false);
            }
            else if (Collection.class.isAssignableFrom(memberType) || memberType.isArray()) {
                property(name, false, true);
            }
            else if (memberType.getName().startsWith("io.tienda.") && !memberType.isEnum()
                    && !memberType.isInterface()) {
                components(name, memberType, depth + 1);
            }
            else {
                property(name, false, false);
            }
        }
    }

    private void property(String name, boolean map, boolean many) {
        for (String form : forms(name)) {
            if (!map) {
                exact.add(form);
            }
            if (map || many) {
                below.add(form);
            }
        }
    }

    /**
     * The variable names Spring Boot looks up for a property: dots become underscores and dashes are
     * dropped ({@code TIENDA_INBOX_RETENTION}), or, the older form it also accepts, dashes become underscores.
     */
    static Set<String> forms(String property) {
        String upper = property.toUpperCase(Locale.ROOT);
        return new HashSet<>(List.of(upper.replace("-", "").replace('.', '_'), upper.replace('-', '_').replace('.', '_')));
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static boolean mentionsConfigurationProperties(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1)
            .contains("org/springframework/boot/context/properties/ConfigurationProperties;");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // a temporary directory left behind is no reason to fail a check
        }
    }

    @Override
    public String toString() {
        return module;
    }
}

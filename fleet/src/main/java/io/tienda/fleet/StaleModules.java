package io.tienda.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decides which service jars need a build: a jar is stale when any file that goes into it is newer -
 * the module's {@code pom.xml} and {@code src/main}, the parent pom, and the same for every reactor
 * module it depends on outside test scope (e.g. platform/starter).
 */
final class StaleModules {

    enum State {

        /** The jar is newer than everything that goes into it. */
        FRESH,
        /** Something changed since the jar was built. */
        STALE,
        /** The module has sources but was never packaged. */
        NO_JAR,
        /** The module has no sources yet: nothing to build or run. */
        NOT_WRITTEN

    }

    record Status(String module, State state, String reason) {

        boolean needsBuild() {
            return state == State.STALE || state == State.NO_JAR;
        }

    }

    private final Path root;

    private final Map<String, Path> modulesByArtifact;

    StaleModules(Path root) {
        this.root = root;
        this.modulesByArtifact = reactorModules(root);
    }

    Status check(String module) {
        Path directory = root.resolve(module);
        if (!Files.isRegularFile(directory.resolve("pom.xml"))) {
            return new Status(module, State.NOT_WRITTEN, "no module " + module);
        }
        if (!Files.isDirectory(directory.resolve("src/main"))) {
            return new Status(module, State.NOT_WRITTEN, module + " has no sources yet");
        }
        Path jar = directory.resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            return new Status(module, State.NO_JAR, "no " + root.relativize(jar));
        }
        FileTime built = modified(jar);
        for (Path input : inputs(directory)) {
            Optional<Path> newer = newestFile(input).filter(file -> modified(file).compareTo(built) > 0);
            if (newer.isPresent()) {
                return new Status(module, State.STALE, root.relativize(newer.get()) + " changed");
            }
        }
        return new Status(module, State.FRESH, "up to date");
    }

    private List<Path> inputs(Path module) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(root.resolve("pom.xml"));
        for (Path dependency : reactorDependencies(module, new LinkedHashSet<>())) {
            inputs.add(dependency.resolve("pom.xml"));
            inputs.add(dependency.resolve("src/main"));
        }
        return inputs;
    }

    /** The module itself and, transitively, the reactor modules it uses at runtime. */
    private Set<Path> reactorDependencies(Path module, Set<Path> found) {
        if (!found.add(module)) {
            return found;
        }
        for (String artifact : runtimeDependencies(module.resolve("pom.xml"))) {
            Path dependency = modulesByArtifact.get(artifact);
            if (dependency != null) {
                reactorDependencies(dependency, found);
            }
        }
        return found;
    }

    private static Optional<Path> newestFile(Path input) {
        if (Files.isRegularFile(input)) {
            return Optional.of(input);
        }
        if (!Files.isDirectory(input)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile).max((a, b) -> modified(a).compareTo(modified(b)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** artifactId to module directory, from the parent pom's module list. */
    private static Map<String, Path> reactorModules(Path root) {
        Map<String, Path> modules = new HashMap<>();
        Path parent = root.resolve("pom.xml");
        if (!Files.isRegularFile(parent)) {
            return modules;
        }
        NodeList names = parse(parent).getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            Path directory = root.resolve(names.item(i).getTextContent().trim());
            Path pom = directory.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                childText(parse(pom).getDocumentElement(), "artifactId").ifPresent(id -> modules.put(id, directory));
            }
        }
        return modules;
    }

    /** The artifactIds of a pom's own dependencies, except test-scoped ones. */
    private static List<String> runtimeDependencies(Path pom) {
        List<String> artifacts = new ArrayList<>();
        if (!Files.isRegularFile(pom)) {
            return artifacts;
        }
        Optional<Element> dependencies = child(parse(pom).getDocumentElement(), "dependencies");
        if (dependencies.isEmpty()) {
            return artifacts;
        }
        NodeList children = dependencies.get().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element dependency && dependency.getTagName().equals("dependency")
                    && !childText(dependency, "scope").orElse("compile").equals("test")) {
                childText(dependency, "artifactId").ifPresent(artifacts::add);
            }
        }
        return artifacts;
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().trim());
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot read " + pom, ex);
        }
    }

}

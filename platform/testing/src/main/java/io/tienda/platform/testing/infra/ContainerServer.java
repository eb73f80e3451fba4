package io.tienda.platform.testing.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;

/**
 * A server in a Docker container. Host ports are fixed when the object is built, so that after
 * {@link #stop()} and {@link #start()} clients find the new container on the same ports. A restarted
 * container starts empty.
 */
abstract class ContainerServer<C extends GenericContainer<?>> implements Server {

    final C container;

    private final String name;

    ContainerServer(String name, C container, int... containerPorts) {
        this.name = name;
        this.container = container;
        int[] hostPorts = Ports.free(containerPorts.length);
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < containerPorts.length; i++) {
            bindings.add(hostPorts[i] + ":" + containerPorts[i]);
        }
        container.setPortBindings(bindings);
        container.withStartupTimeout(Duration.ofMinutes(3));
    }

    /** The image to run: {@code -Dtienda.image.<key>=...} overrides the default. */
    static String image(String key, String defaultImage) {
        return System.getProperty("tienda.image." + key, defaultImage);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (!container.isRunning()) {
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container.isRunning()) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void close() {
        stop();
    }

    String host() {
        return container.getHost();
    }

    int mappedPort(int containerPort) {
        return container.getMappedPort(containerPort);
    }

    @Override
    public String toString() {
        return name + " in " + container.getDockerImageName();
    }

}

package io.tienda.fleet;

import java.nio.file.Path;

/** Where the fleet keeps data, logs and its bookkeeping: everything under {@code <repository>/.fleet}. */
record FleetPaths(Path root) {

    FleetPaths {
        root = root.toAbsolutePath().normalize();
    }

    /** The repository: {@code -Dtienda.root}, else the working directory ({@code ./tienda} runs from it). */
    static FleetPaths fromEnvironment() {
        return new FleetPaths(Path.of(System.getProperty("tienda.root", ".")));
    }

    Path fleet() {
        return root.resolve(".fleet");
    }

    Path logs() {
        return fleet().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** The launcher's process id while it runs. */
    Path pidFile() {
        return fleet().resolve("fleet.pid");
    }

    /** One line saying where the launcher is: starting, ready, failed ..., stopping. */
    Path phaseFile() {
        return fleet().resolve("phase");
    }

    /** The processes the launcher started, so that status and down find them even after a crash. */
    Path processesFile() {
        return fleet().resolve("processes");
    }

    Path data(String server) {
        return fleet().resolve(server);
    }

}

package io.tienda.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tienda.fleet.ProcessesFile.Entry;

/** {@code status}: every server and service with its port, health, memory and URL. */
final class StatusCommand {

    /** Like {@code systemctl status}: 3 means "not running". */
    static final int NOT_RUNNING = 3;

    private final FleetPaths paths;

    private final PrintStream out;

    private final Probe probe = new Probe(Catalog.byName(Catalog.DISCOVERY).orElseThrow().port());

    StatusCommand(FleetPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    int run() {
        Optional<ProcessHandle> launcher = DownCommand.runningLauncher(paths);
        List<Entry> entries = ProcessesFile.read(paths.processesFile());
        if (launcher.isEmpty()) {
            out.println("The fleet is not running.");
            List<Entry> leftovers = entries.stream()
                .filter(entry -> !entry.commandHint().equals(Launcher.COMMAND_HINT))
                .filter(Entry::isAlive)
                .toList();
            if (!leftovers.isEmpty()) {
                out.println("Left over from a launcher that died: "
                        + String.join(", ", leftovers.stream().map(e -> e.name() + " (pid " + e.pid() + ")").toList())
                        + ". ./tienda down stops them.");
            }
            return NOT_RUNNING;
        }
        Set<Integer> registered = probe.registeredPorts();
        Table table = new Table("NAME", "PORT", "PID", "HEALTH", "RSS", "URL");
        Set<Long> counted = new HashSet<>();
        long total = 0;
        for (Entry entry : entries) {
            boolean inLauncher = entry.pid() == launcher.get().pid() && !entry.name().equals("launcher");
            long rss = inLauncher ? -1 : rss(entry);
            if (rss > 0 && counted.add(entry.pid())) {
                total += rss;
            }
            table.row(entry.name(), entry.port() == 0 ? "-" : String.valueOf(entry.port()), String.valueOf(entry.pid()),
                    health(entry, registered), inLauncher ? "(launcher)" : Table.megabytes(rss), entry.url());
        }
        out.print(table.render());
        out.println();
        out.println("Phase: " + phase() + "; total RSS " + Table.megabytes(total) + ".");
        return 0;
    }

    /** Services are single JVMs; PostgreSQL is a postmaster plus one process per connection. */
    private static long rss(Entry entry) {
        if (!entry.isAlive()) {
            return -1;
        }
        return entry.name().equals("launcher") ? Processes.rssKilobytes(entry.pid())
                : Processes.treeRssKilobytes(entry.pid());
    }

    /** The mail reader and the trace collector answer on their listing; ClickHouse on /ping. */
    private static boolean servesItsOwnPage(Entry entry) {
        return entry.url().endsWith("/messages") || entry.url().endsWith("/traces");
    }

    private String health(Entry entry, Set<Integer> registered) {
        if (entry.name().equals("launcher")) {
            return entry.isAlive() ? "UP" : "DOWN";
        }
        return switch (entry.probe()) {
            case TCP -> Probe.acceptsConnections(entry.port()) ? "UP" : "DOWN";
            case HTTP -> probe.answers200(servesItsOwnPage(entry) ? entry.url() : entry.url() + "/ping") ? "UP" : "DOWN";
            case READINESS -> {
                if (!entry.isAlive()) {
                    yield "EXITED";
                }
                String health = probe.health(Catalog.byName(entry.name()).map(ServiceSpec::managementPort)
                        .orElse(entry.port()));
                boolean needsRegistration = !entry.name().equals(Catalog.DISCOVERY);
                yield needsRegistration && "UP".equals(health) && !registered.contains(entry.port())
                        ? "UP (not in Eureka)" : health;
            }
        };
    }

    private String phase() {
        try {
            return Files.readString(paths.phaseFile()).trim();
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

}

package io.tienda.fleet;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the whole platform on one machine without Docker; {@code ./tienda} is its front end. Commands:
 * {@code up} (the default), {@code status}, {@code down}, {@code infra} (stop or start one server of the
 * running fleet), {@code stale} (which service jars need a build) and {@code help}.
 */
public final class Fleet {

    private Fleet() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("infra")) {
            // talks to the running launcher; no fleet options
            System.exit(new InfraCommand(InfraPorts.DEFAULT.control(), System.out, System.err)
                .run(Arrays.asList(args).subList(1, args.length)));
            return;
        }
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
        }
        catch (IllegalArgumentException ex) {
            System.err.println("tienda: " + ex.getMessage());
            System.exit(2);
            return;
        }
        FleetPaths paths = FleetPaths.fromEnvironment();
        int code = switch (options.command()) {
            case UP -> {
                logInfrastructureTo(paths);
                yield new Launcher(paths, options, System.out).run();
            }
            case STATUS -> new StatusCommand(paths, System.out).run();
            case DOWN -> new DownCommand(paths, System.out).run();
            case STALE -> stale(paths, options, System.out, System.err);
            case AOT_TRAINING -> {
                // the servers' own warnings only, in the training's log
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
                yield LauncherTraining.run(System.out);
            }
            case HELP -> {
                System.out.print(HELP);
                yield 0;
            }
        };
        System.exit(code);
    }

    /**
     * Prints the modules whose jars must be built, one per line, for {@code ./tienda} to hand to Maven.
     * Modules without sources are mentioned on stderr: their services are skipped, not built.
     */
    static int stale(FleetPaths paths, Options options, PrintStream out, PrintStream err) {
        StaleModules modules = new StaleModules(paths.root());
        List<String> toBuild = new ArrayList<>();
        for (ServiceSpec service : options.services()) {
            StaleModules.Status status = modules.check(service.name());
            if (status.needsBuild()) {
                toBuild.add(service.name());
                err.println("  " + service.name() + ": " + status.reason());
            }
            else if (status.state() == StaleModules.State.NOT_WRITTEN) {
                err.println("  " + service.name() + ": " + status.reason() + ", skipped");
            }
        }
        toBuild.forEach(out::println);
        return 0;
    }

    /**
     * Kafka, MongoDB and GreenMail run in this JVM and log through SLF4J; their warnings go to
     * {@code .fleet/logs/infra.log}, not to the terminal. Must run before the first logger exists.
     */
    private static void logInfrastructureTo(FleetPaths paths) {
        paths.logs().toFile().mkdirs();
        System.setProperty("org.slf4j.simpleLogger.logFile", paths.log("infra").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.tienda", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }

    static final String HELP = """
            Usage: ./tienda <command> [options] [service...]

              up [service...]     build what is stale, then run the infrastructure and the services
                                  in the foreground; Ctrl-C stops everything
                -d                run in the background; returns once everything is ready
                --clean           delete .fleet/ (all data and logs) first
                --no-build        run the jars as they are
                --infra-only      run only PostgreSQL, Kafka, Redis, MongoDB, ClickHouse and SMTP
                --timeout SECONDS how long one service may take to become ready (default 300)
                --parallel N      how many JVMs may boot at the same time (default: 2 x cores + 1)
              down                stop the fleet and anything a crashed launcher left behind
              status              health, ports, memory and URLs of everything that runs
              logs [service]      follow the logs (all of them, or one service's)
              infra [stop|start server]
                                  list the running fleet's servers, or stop one (its data kept) and start
                                  it again, to watch the services ride out an outage; servers: postgres
                                  kafka redis mongodb clickhouse smtp
              build [service...]  build the stale jars without running anything
              help                this text

            Services: discovery gateway product-service cart-service order-service payment-service
                      user-service inventory-service returns-service notification-service analytics-service
            Naming services runs only those (and discovery). Data and logs live in .fleet/.
            """;

}

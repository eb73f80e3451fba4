package io.tienda.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The launcher's command line: {@code [up|status|down|stale|help] [--infra-only] [--timeout SECONDS]
 * [--parallel N] [service...]}. {@code up} is the default command.
 *
 * @param services the services to run, in start order; discovery is added when anything needs it
 * @param timeout how long one service may take to become ready
 * @param parallel how many JVMs may be starting at the same time
 */
record Options(Command command, List<ServiceSpec> services, boolean infraOnly, Duration timeout, int parallel) {

    enum Command {

        UP, STATUS, DOWN, STALE, HELP,

        /** Not for people: the run that trains the launcher's own AOT cache ({@link LauncherTraining}). */
        AOT_TRAINING

    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    Options {
        services = List.copyOf(services);
    }

    static Options parse(List<String> args) {
        return parse(args, Runtime.getRuntime().availableProcessors());
    }

    /** {@code cores} decides the default parallelism. */
    static Options parse(List<String> args, int cores) {
        List<String> rest = new ArrayList<>(args);
        Command command = Command.UP;
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            String first = rest.get(0).toUpperCase(Locale.ROOT).replace('-', '_');
            for (Command candidate : Command.values()) {
                if (candidate.name().equals(first)) {
                    command = candidate;
                    rest.remove(0);
                }
            }
        }
        boolean infraOnly = false;
        Duration timeout = DEFAULT_TIMEOUT;
        // a start from an AOT cache is mostly waiting for stores and the registry, not computing
        int parallel = 2 * cores + 1;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (flagName(arg)) {
                case "--infra-only" -> infraOnly = true;
                case "--timeout" -> {
                    String value = flagValue(rest, i, arg);
                    i += arg.contains("=") ? 0 : 1;
                    timeout = Duration.ofSeconds(positive("--timeout", value));
                }
                case "--parallel" -> {
                    String value = flagValue(rest, i, arg);
                    i += arg.contains("=") ? 0 : 1;
                    parallel = positive("--parallel", value);
                }
                case "-h", "--help" -> command = Command.HELP;
                case "-d", "--detach", "--clean", "--no-build" -> throw new IllegalArgumentException(
                        arg + " is an option of ./tienda, not of the launcher");
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg + "; see ./tienda help");
                    }
                    if (Catalog.byName(arg).isEmpty()) {
                        throw new IllegalArgumentException(
                                "Unknown service " + arg + "; the fleet has: " + String.join(", ", Catalog.names()));
                    }
                    names.add(arg);
                }
            }
        }
        if ((command == Command.STATUS || command == Command.DOWN || command == Command.AOT_TRAINING)
                && (!names.isEmpty() || infraOnly)) {
            throw new IllegalArgumentException(command.name().toLowerCase(Locale.ROOT) + " takes no services or options");
        }
        if (infraOnly && !names.isEmpty()) {
            throw new IllegalArgumentException("--infra-only runs no services; drop " + String.join(", ", names));
        }
        return new Options(command, infraOnly ? List.of() : select(names), infraOnly, timeout, parallel);
    }

    /** All services when none are named; named ones in start order, with discovery, where they register. */
    static List<ServiceSpec> select(Set<String> names) {
        if (names.isEmpty()) {
            return Catalog.ALL;
        }
        return Catalog.ALL.stream()
            .filter(service -> names.contains(service.name()) || service.isDiscovery())
            .toList();
    }

    private static String flagName(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
    }

    private static String flagValue(List<String> args, int index, String arg) {
        int equals = arg.indexOf('=');
        if (equals > 0) {
            return arg.substring(equals + 1);
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args.get(index + 1);
    }

    private static int positive(String flag, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, not '" + value + "'");
    }

}

package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import io.tienda.e2e.Checkouts.Placed;
import io.tienda.e2e.Checkouts.Product;
import io.tienda.e2e.Checkouts.Shopper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout saga when its participants fail (DESIGN.md §6: a restart resumes the saga, every step
 * has a deadline, every reservation ends committed or released, at most one charge per order), on
 * the local fleet of this machine, whose launcher restarts a service JVM that dies:
 * <ul>
 * <li>order-service is killed with SIGKILL after inventory reserved the stock and before the payment
 * was authorised (payment-service is held with SIGSTOP until then); the launcher restarts it and
 * the restarted order-service finishes the saga;</li>
 * <li>payment-service is frozen with SIGSTOP for 30 s while orders are placed, then resumed; every
 * order ends confirmed or cancelled, none stays pending, and the stock adds up;</li>
 * <li>Kafka is stopped (through the launcher, {@code ./tienda infra stop kafka}) while one checkout
 * waits for its payment, and another is placed during the outage; once the broker is back both
 * end confirmed, paid once, with the stock and the mails to match.</li>
 * </ul>
 * The JVMs are found by their jar, {@code .fleet/app/<service>/app/<service>.jar}; without them (a fleet on
 * another machine) the tests are skipped. A frozen JVM is always resumed, a stopped broker always started.
 */
@ExtendWith(Fleet.class)
class CheckoutChaosIT {

    private static final String ORDER_SERVICE = "order-service";
    private static final String PAYMENT_SERVICE = "payment-service";
    private static final URI ORDER_SERVICE_URL = URI.create("http://localhost:8003");
    private static final URI PAYMENT_SERVICE_URL = URI.create("http://localhost:8004");
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RESTART = Outages.RESTART;
    /**
     * The saga's own deadlines: authorising waits 60 s a try, 3 tries, then compensates; the
     * sweeper looks every 5 s. Any order is final well within this.
     */
    private static final Duration SAGA = Duration.ofMinutes(4);
    private static final String VISA = "pm_card_visa";
    /** Longer than a producer waits for the broker (5 s), so every publication in between fails at least once. */
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(20);

    @BeforeEach
    void theFleetRunsHereAndTheSagasParticipantsAreReady() {
        if (Fleet.startedHere()) {
            // the run started the fleet: its JVMs must be found, a skip would hide a broken test
            assertThat(jvm(ORDER_SERVICE)).as("order-service's JVM of the fleet this run started").isPresent();
            assertThat(jvm(PAYMENT_SERVICE)).as("payment-service's JVM of the fleet this run started").isPresent();
        }
        assumeThat(jvm(ORDER_SERVICE)).as("order-service's JVM on this machine (the local fleet)").isPresent();
        assumeThat(jvm(PAYMENT_SERVICE)).as("payment-service's JVM on this machine (the local fleet)").isPresent();
        // a previous test may have restarted one of them
        Outages.awaitReady(ORDER_SERVICE_URL);
        Outages.awaitReady(PAYMENT_SERVICE_URL);
    }

    @Test
    void orderServiceKilledBetweenReservationAndPaymentIsRestartedAndFinishesTheSaga() throws Exception {
        Product product = Checkouts.productWithStock("CHAOS-KILL", 10);
        String sku = product.sku();
        Shopper shopper = Checkouts.newShopper();
        assertThat(Checkouts.fillCart(shopper, sku, 1).status()).isEqualTo(200);
        int before = Checkouts.available(sku);
        ProcessHandle payment = jvm(PAYMENT_SERVICE).orElseThrow();
        ProcessHandle orders = jvm(ORDER_SERVICE).orElseThrow();
        String commandLine = Processes.commandLine(orders);

        Placed placed;
        try {
            // payment-service cannot answer: the saga stops after step 1, the stock reserved
            signal(payment, "STOP");
            placed = Checkouts.placeOrder(shopper, "chaos-kill-" + UUID.randomUUID(), VISA);
            assertThat(placed.accepted()).as("checkout answered %d %s", placed.status(), placed.problem()).isTrue();
            await("the stock reserved").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> Checkouts.available(sku) == before - 1);
            assertThat(Checkouts.status(shopper, placed.orderId())).isEqualTo("PENDING");

            signal(orders, "KILL");
            assertThat(orders.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            signal(payment, "CONT");
        }

        // the launcher starts order-service again, with the same command line, and records the new pid
        ProcessHandle restarted = await("the launcher restarts order-service").atMost(RESTART)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jvm(ORDER_SERVICE).filter(p -> p.pid() != orders.pid()).orElse(null), Objects::nonNull);
        assertThat(Processes.commandLine(restarted)).as("the restarted JVM's command line").isEqualTo(commandLine);
        await("the new pid in .fleet/processes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> recordedPid(ORDER_SERVICE), pid -> pid.isPresent() && pid.get() == restarted.pid());
        assertThat(Files.readString(fleetDirectory().resolve("logs/order-service.log"), StandardCharsets.ISO_8859_1))
                .contains("order-service exited with code 137; restarting (attempt");
        Outages.awaitReady(ORDER_SERVICE_URL);

        // the restarted order-service resumes the saga from saga_instance: paid, or undone at the deadline
        String status = await("the order final").atMost(SAGA).pollInterval(Duration.ofSeconds(1))
                .until(() -> Checkouts.status(shopper, placed.orderId()), Checkouts::isFinal);
        System.out.printf("%n== order-service killed mid-checkout (pid %d, restarted as %d): the order ended %s ==%n",
                orders.pid(), restarted.pid(), status);
        assertThat(status).isIn("CONFIRMED", "CANCELLED");
        int confirmed = status.equals("CONFIRMED") ? 1 : 0;
        assertStockSettled(sku, 10, before - confirmed);
        assertPaidOnlyIfConfirmed(shopper, placed.orderId(), status);
    }

    @Test
    void ordersPlacedWhilePaymentServiceIsFrozenEndConfirmedOrCancelledAndNoneStaysPending() throws Exception {
        Product product = Checkouts.productWithStock("CHAOS-STOP", 10);
        String sku = product.sku();
        List<Shopper> shoppers = List.of(Checkouts.newShopper(), Checkouts.newShopper(), Checkouts.newShopper());
        for (Shopper shopper : shoppers) {
            assertThat(Checkouts.fillCart(shopper, sku, 1).status()).isEqualTo(200);
        }
        int before = Checkouts.available(sku);
        ProcessHandle payment = jvm(PAYMENT_SERVICE).orElseThrow();

        List<Placed> placed = new ArrayList<>();
        try {
            signal(payment, "STOP");
            for (Shopper shopper : shoppers) {
                Placed order = Checkouts.placeOrder(shopper, "chaos-stop-" + UUID.randomUUID(), VISA);
                assertThat(order.accepted()).as("checkout answered %d %s", order.status(), order.problem()).isTrue();
                placed.add(order);
            }
            await("the stock reserved").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> Checkouts.available(sku) == before - shoppers.size());

            // the outage: for 30 s nobody can be paid, so every order waits
            await("payment-service frozen for " + OUTAGE.toSeconds() + " s").during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(20)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> allPending(shoppers, placed));
        } finally {
            signal(payment, "CONT");
        }

        Map<String, String> statuses = new ConcurrentHashMap<>();
        await("every order final").atMost(SAGA).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (int i = 0; i < placed.size(); i++) {
                String id = placed.get(i).orderId();
                if (!Checkouts.isFinal(statuses.get(id))) {
                    String status = Checkouts.status(shoppers.get(i), id);
                    if (status != null) {
                        statuses.put(id, status);
                    }
                }
            }
            return statuses.size() == placed.size() && statuses.values().stream().allMatch(Checkouts::isFinal);
        });
        System.out.printf("%n== payment-service frozen for %d s mid-checkout: orders ended %s ==%n", OUTAGE.toSeconds(),
                statuses.values());
        assertThat(statuses.values()).allMatch(Set.of("CONFIRMED", "CANCELLED")::contains);
        int confirmed = (int) statuses.values().stream().filter("CONFIRMED"::equals).count();
        assertStockSettled(sku, 10, before - confirmed);
        for (int i = 0; i < placed.size(); i++) {
            String id = placed.get(i).orderId();
            assertPaidOnlyIfConfirmed(shoppers.get(i), id, statuses.get(id));
        }
    }

    @Test
    void checkoutsWaitingAndPlacedWhileKafkaIsDownEndConfirmedOncePaidWhenItIsBack() throws Exception {
        Outages.requireInfraControl();
        Product product = Checkouts.productWithStock("CHAOS-BROKER", 10);
        String sku = product.sku();
        Shopper waiting = Checkouts.newShopper();
        Shopper during = Checkouts.newShopper();
        assertThat(Checkouts.fillCart(waiting, sku, 1).status()).isEqualTo(200);
        assertThat(Checkouts.fillCart(during, sku, 1).status()).isEqualTo(200);
        int before = Checkouts.available(sku);
        ProcessHandle payment = jvm(PAYMENT_SERVICE).orElseThrow();

        List<Shopper> shoppers = List.of(waiting, during);
        List<Placed> placed = new ArrayList<>();
        try {
            try {
                // the first checkout gets its stock reserved, then waits: payment-service cannot take the command
                signal(payment, "STOP");
                Placed first = Checkouts.placeOrder(waiting, "chaos-broker-" + UUID.randomUUID(), VISA);
                assertThat(first.accepted()).as("checkout answered %d %s", first.status(), first.problem()).isTrue();
                placed.add(first);
                await("the stock reserved").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                        .until(() -> Checkouts.available(sku) == before - 1);
                Outages.stop("kafka");
            } finally {
                signal(payment, "CONT");
            }
            // the outage: reads go on, a checkout is still taken, and every order waits
            assertThat(Checkouts.status(waiting, placed.get(0).orderId())).isEqualTo("PENDING");
            Placed second = Checkouts.placeOrder(during, "chaos-broker-" + UUID.randomUUID(), VISA);
            assertThat(second.accepted()).as("checkout answered %d %s", second.status(), second.problem()).isTrue();
            placed.add(second);
            await("Kafka stopped for " + BROKER_OUTAGE.toSeconds() + " s").during(BROKER_OUTAGE)
                    .atMost(BROKER_OUTAGE.plusSeconds(20)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> allPending(shoppers, placed));
        } finally {
            Outages.start("kafka");
        }

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            statuses.add(Checkouts.awaitFinal(shoppers.get(i), placed.get(i).orderId(), SAGA).get("status").asString());
        }
        System.out.printf("%n== Kafka stopped for %d s mid-checkout: orders ended %s ==%n", BROKER_OUTAGE.toSeconds(),
                statuses);
        // nothing was lost on the way: the commands and replies held in the outboxes went out once it was back
        assertThat(statuses).containsExactly("CONFIRMED", "CONFIRMED");
        assertStockSettled(sku, 10, before - 2);
        for (int i = 0; i < placed.size(); i++) {
            assertPaidOnlyIfConfirmed(shoppers.get(i), placed.get(i).orderId(), "CONFIRMED");
            // and the consumers of the order's events are back too
            Mailbox.await(shoppers.get(i).email(), "the confirmation of the order placed " + (i == 0 ? "before" : "during")
                    + " the outage", mail -> mail.subject().matches("(Order|Pedido) .* (confirmed|confirmado)"));
        }
    }

    private static boolean allPending(List<Shopper> shoppers, List<Placed> placed) {
        for (int i = 0; i < placed.size(); i++) {
            if (!"PENDING".equals(Checkouts.status(shoppers.get(i), placed.get(i).orderId()))) {
                return false;
            }
        }
        return true;
    }

    /** Sold units left the shelf, every other unit is available again, nothing is held by a reservation. */
    private static void assertStockSettled(String sku, int received, int available) {
        String manager = Accounts.session(Account.MANAGER).accessToken();
        await("the stock of " + sku + " settles").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(Checkouts.available(sku)).as("public availability").isEqualTo(available);
                    JsonNode row = Checkouts.stock(sku, manager).orElseThrow();
                    assertThat(row.get("reserved").asInt()).as("units still reserved").isZero();
                    assertThat(row.get("onHand").asInt()).as("units on hand").isEqualTo(available);
                    assertThat(received - available).as("units sold").isBetween(0, received);
                });
    }

    /** A confirmed order is captured exactly once; any other has no money taken (declined, voided or no payment). */
    private static void assertPaidOnlyIfConfirmed(Shopper shopper, String orderId, String status) {
        await("the payments of " + status + " order " + orderId).atMost(Checkouts.EVENTUALLY)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    List<JsonNode> payments = Checkouts.payments(shopper, orderId);
                    if (status.equals("CONFIRMED")) {
                        assertThat(Checkouts.paymentsIn(payments, Set.of("CAPTURED"))).as(payments.toString()).isEqualTo(1);
                        assertThat(Checkouts.paymentsIn(payments, Checkouts.CHARGED)).as(payments.toString()).isEqualTo(1);
                    } else {
                        assertThat(Checkouts.paymentsIn(payments, Checkouts.CHARGED)).as(payments.toString()).isZero();
                        assertThat(payments).as(payments.toString())
                                .allMatch(p -> Set.of("VOIDED", "FAILED").contains(p.get("status").asString()));
                    }
                });
    }

    /** The fleet's JVM of the service: the java process running {@code .fleet/app/<service>/app/<service>.jar}. */
    private static Optional<ProcessHandle> jvm(String service) {
        // the launcher runs each service from its extracted jar, .fleet/app/<service>/app/<service>.jar
        String jar = ".fleet/app/" + service + "/app/" + service + ".jar";
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(true))
                .filter(process -> Processes.commandLine(process).contains(jar))
                // not a training run of its AOT cache, which starts the same jar for a few seconds
                // after a restart (signalling it instead left the serving JVM running)
                .filter(process -> !Processes.commandLine(process).contains("-XX:AOTCacheOutput="))
                .findFirst();
    }

    /** {@code kill -<signal> <pid>}. */
    private static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d: %s", signal, process.pid(),
                new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    /** The pid the launcher recorded for the service in {@code .fleet/processes}. */
    private static Optional<Long> recordedPid(String service) throws IOException {
        Path file = fleetDirectory().resolve("processes");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length > 1 && fields[0].equals(service)) {
                return Optional.of(Long.parseLong(fields[1]));
            }
        }
        return Optional.empty();
    }

    private static Path fleetDirectory() {
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (Files.isExecutable(dir.toPath().resolve("tienda")) && Files.exists(dir.toPath().resolve("pom.xml"))) {
                return dir.toPath().resolve(".fleet");
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with ./tienda)");
    }

    /** Command lines of processes, from the JDK or from /proc. */
    private static final class Processes {

        static String commandLine(ProcessHandle process) {
            Optional<String> fromJdk = process.info().commandLine();
            if (fromJdk.isPresent()) {
                return fromJdk.get();
            }
            try {
                byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
                return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            } catch (IOException e) {
                return "";
            }
        }
    }
}

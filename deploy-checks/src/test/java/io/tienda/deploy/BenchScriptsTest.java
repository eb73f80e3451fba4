package io.tienda.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway benchmark's own parts (e2e/bench), against a small HTTP server: the figures in the
 * README are only as good as the request they measure and the errors they count.
 */
class BenchScriptsTest {

    private static final String LIST = "{\"items\":[{\"id\":\"p-1\",\"slug\":\"luna\",\"categoryId\":\"c-3\","
            + "\"brand\":{\"id\":\"b-9\",\"slug\":\"nube\"},\"image\":{\"url\":\"x\"}}],\"total\":1}";

    private static final String PRODUCT_PATH = Repo.path("e2e/bench/product-path.sh").toString();

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theProductPathIsTheFirstItemsOwnIdNotOneNestedInIt() throws IOException {
        String base = serveCatalog(true);

        Repo.Result result = Repo.run("part of the repository", PRODUCT_PATH, base);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo("/api/v1/products/p-1");
    }

    @Test
    void noProductPathWhenTheReadDoesNotAnswer200() throws IOException {
        String base = serveCatalog(false);

        Repo.Result result = Repo.run("part of the repository", PRODUCT_PATH, base);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("does not answer 200");
    }

    @Test
    void theWrkScriptCountsEveryNon2xx() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            // Every third request is refused, as a rate limit or a missing product would be.
            boolean refuse = answered.incrementAndGet() % 3 == 0;
            if (refuse) {
                refused.incrementAndGet();
            }
            respond(exchange, refuse ? 404 : 200, "{}");
        });
        server.start();

        Repo.Result result = Repo.run("apt-get install -y wrk", "wrk", "-t2", "-c2", "-d1s",
                "-s", "e2e/bench/gateway.lua", "http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(result.exitCode()).as(result.output()).isZero();
        Matcher line = Pattern.compile("BENCH requests=(\\d+) errors=0 non2xx=(\\d+) \\[404=(\\d+)]").matcher(result.output());
        assertThat(line.find()).as(result.output()).isTrue();
        int requests = Integer.parseInt(line.group(1));
        int non2xx = Integer.parseInt(line.group(2));
        assertThat(requests).isGreaterThan(30);
        assertThat(line.group(3)).isEqualTo(line.group(2));
        // wrk leaves out the answers still in flight when it stops: at most one per connection.
        assertThat(non2xx).isBetween(refused.get() - 2, refused.get());
        assertThat(requests).isBetween(answered.get() - 2, answered.get());
    }

    /**
     * The rounds both benchmark scripts run (e2e/bench/lib.sh): every round's non-2xx answers add up,
     * and a run that had any ends in failure, so its figures cannot be mistaken for valid ones.
     */
    @Test
    void aRunWithAnyNon2xxFails() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> respond(exchange, 200, "{}"));
        server.createContext("/flaky", exchange -> respond(exchange, answered.incrementAndGet() % 4 == 0 ? 503 : 200, "{}"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        Repo.Result clean = runRounds(base, "/ok", "/ok");
        Repo.Result flaky = runRounds(base, "/ok", "/flaky");

        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("non-2xx responses in all measured rounds: 0");
        assertThat(flaky.exitCode()).as(flaky.output()).isNotZero();
        assertThat(flaky.output()).contains("they are not valid");
        Matcher rounds = Pattern.compile("round non2xx=(\\d+)").matcher(flaky.output());
        int sum = 0;
        while (rounds.find()) {
            sum += Integer.parseInt(rounds.group(1));
        }
        assertThat(sum).isPositive();
        assertThat(flaky.output()).contains("non-2xx responses in all measured rounds: " + sum);
    }

    /**
     * The medians that close a gateway-ab.sh run: the middle round, or the mean of the two middle ones;
     * a target with no figure in any round (product-service directly has no gateway CPU) gets "-", not 0.
     */
    @Test
    void theMedianOfTheRoundsIsTheMiddleFigureAndDashWhenThereIsNone() {
        String median = ". e2e/bench/lib.sh; printf '%s\\n' $1 | median";

        assertThat(Repo.run("apt-get install -y wrk", "bash", "-c", median, "median", "0.9 0.5 0.7").output().strip())
                .isEqualTo("0.7");
        assertThat(Repo.run("apt-get install -y wrk", "bash", "-c", median, "median", "4 1 3 2").output().strip())
                .isEqualTo("2.5");
        assertThat(Repo.run("apt-get install -y wrk", "bash", "-c", median, "median", "3.5 -2.5 -10 1").output().strip())
                .as("paired differences can be negative").isEqualTo("-0.75");
        assertThat(Repo.run("apt-get install -y wrk", "bash", "-c", median, "median", "- - - -").output().strip())
                .isEqualTo("-");
        Repo.Result underErrexit = Repo.run("apt-get install -y wrk", "bash", "-c",
                "set -euo pipefail; . e2e/bench/lib.sh; m=\"$(printf '%s\\n' - - | median)\"; echo \"median $m\"");
        assertThat(underErrexit.output()).as(underErrexit.output()).contains("median -");
    }

    /** No round starts while a JVM trains an AOT cache, as the launcher does after a start. */
    @Test
    void aRunWaitsForTheAotCacheTrainingToFinish() throws IOException, InterruptedException {
        // a stand-in whose command line carries the training flag, gone after four seconds
        Process training = new ProcessBuilder("bash", "-c", "sleep 4; true", "-XX:AOTCacheOutput=/tmp/stand-in.aot").start();
        try {
            Repo.Result result = Repo.run("apt-get install -y wrk", "bash", "-c", ". e2e/bench/lib.sh; wait_for_quiet");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("waiting for the AOT cache training to finish");
            assertThat(training.isAlive()).as("it returned only once the training was over").isFalse();
        } finally {
            training.destroyForcibly().waitFor();
        }
    }

    /** Two measured rounds, one per path, then the end-of-run check, as gateway.sh and gateway-ab.sh do. */
    private static Repo.Result runRounds(String base, String first, String second) {
        String script = ". e2e/bench/lib.sh; base=$1; shift; for path in \"$@\"; do export BENCH_PATH=$path; "
                + "wrk_round 2 1 \"$base\"; echo \"round non2xx=$(field \"$result\" non2xx)\"; done; check_non2xx";
        return Repo.run("apt-get install -y wrk", "bash", "-c", script, "rounds", base, first, second);
    }

    /** A product list whose first item nests other ids after its own, and that item's read. */
    private String serveCatalog(boolean itemExists) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/products", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/products")) {
                respond(exchange, 200, LIST);
            }
            else {
                respond(exchange, itemExists && path.equals("/api/v1/products/p-1") ? 200 : 404, "{}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

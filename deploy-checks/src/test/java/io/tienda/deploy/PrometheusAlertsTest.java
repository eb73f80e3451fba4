package io.tienda.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules compose's Prometheus loads (deploy/compose/alerts.yml), checked by Prometheus's own
 * promtool: the configuration and the rules parse, and each alert fires on the series its unit tests
 * (alerts.test.yml) feed it, with the labels and text an operator reads, and stays silent on healthy ones.
 */
class PrometheusAlertsTest {

    static final String PROMTOOL_HINT = "promtool: apt-get install -y prometheus (.ci/run does)";

    @Test
    void theConfigurationAndItsRuleFilesAreValid() {
        Repo.Result result = Repo.run(PROMTOOL_HINT, "promtool", "check", "config", "deploy/compose/prometheus.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found");
    }

    @Test
    void everyAlertFiresOnWhatItWatchesAndOnlyThen() {
        Repo.Result result = Repo.run(PROMTOOL_HINT, "promtool", "test", "rules", "deploy/compose/alerts.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasATest() {
        Set<String> alerts = new TreeSet<>();
        Map<String, Object> rules = new Yaml().load(Repo.read("deploy/compose/alerts.yml"));
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
            }
        }
        Set<String> tested = new TreeSet<>();
        Map<String, Object> tests = new Yaml().load(Repo.read("deploy/compose/alerts.test.yml"));
        for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                if (!((List<?>) check.get("exp_alerts")).isEmpty()) {
                    tested.add((String) check.get("alertname"));
                }
            }
        }
        assertThat(tested).as("alerts with a test that expects them to fire").isEqualTo(alerts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composesPrometheusLoadsTheRulesBesideItsConfiguration() {
        Map<String, Object> compose = new Yaml().load(Repo.read("docker-compose.yml"));
        Map<String, Object> prometheus = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
            .get("prometheus");
        assertThat((List<String>) prometheus.get("volumes")).contains(
            "./deploy/compose/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
            "./deploy/compose/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }
}

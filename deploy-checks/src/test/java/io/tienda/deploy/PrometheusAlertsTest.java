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
 * Where they go: compose's Alertmanager (deploy/compose/alertmanager.yml, checked by its own amtool),
 * which mails them through compose's SMTP catcher.
 */
class PrometheusAlertsTest {

    static final String PROMTOOL_HINT = "promtool: apt-get install -y prometheus (.ci/run does)";
    static final String AMTOOL_HINT = "amtool: apt-get install -y prometheus-alertmanager (.ci/run does)";

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
    void alertmanagersConfigurationIsValid() {
        Repo.Result result = Repo.run(AMTOOL_HINT, "amtool", "check-config", "deploy/compose/alertmanager.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").contains("1 receivers");
    }

    /** Prometheus sends to compose's Alertmanager, which mails through compose's own SMTP catcher. */
    @Test
    @SuppressWarnings("unchecked")
    void firingAlertsReachAlertmanagerAndItsMailReachesTheCatcher() {
        Map<String, Object> prometheus = new Yaml().load(Repo.read("deploy/compose/prometheus.yml"));
        List<Map<String, Object>> alertmanagers = (List<Map<String, Object>>) ((Map<String, Object>) prometheus
            .get("alerting")).get("alertmanagers");
        List<String> targets = alertmanagers.stream()
            .flatMap(am -> ((List<Map<String, Object>>) am.get("static_configs")).stream())
            .flatMap(config -> ((List<String>) config.get("targets")).stream()).toList();
        assertThat(targets).containsExactly("alertmanager:9093");

        Map<String, Object> compose = new Yaml().load(Repo.read("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> alertmanager = (Map<String, Object>) services.get("alertmanager");
        assertThat((List<String>) alertmanager.get("volumes"))
            .contains("./deploy/compose/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat((List<String>) alertmanager.get("command"))
            .contains("--config.file=/etc/alertmanager/alertmanager.yml");

        Map<String, Object> config = new Yaml().load(Repo.read("deploy/compose/alertmanager.yml"));
        String smarthost = (String) ((Map<String, Object>) config.get("global")).get("smtp_smarthost");
        assertThat(smarthost).isEqualTo("mailpit:1025");
        assertThat(services).containsKey("mailpit");
        assertThat(((Map<String, Object>) alertmanager.get("depends_on"))).containsKey("mailpit");
        List<Map<String, Object>> receivers = (List<Map<String, Object>>) config.get("receivers");
        assertThat(receivers).singleElement().satisfies(receiver -> assertThat(receiver.get("email_configs"))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isNotEmpty());
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

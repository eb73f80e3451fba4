package io.tienda.analytics.dashboard;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff dashboard's files are public; the data behind them is not. */
class DashboardIT extends AnalyticsServiceIT {

    @Test
    void servesThePageAndItsFilesWithoutAToken() {
        ApiReply page = api.get("/dashboard/index.html").expect(200);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        assertThat(page.body()).contains("data-testid=\"dashboard\"", "id=\"login-form\"", "id=\"kpi-gmv\"",
                "id=\"sales-chart\"", "vendor/chart.umd.min.js", "app.js", "<link rel=\"icon\" href=\"data:,\">");
        assertThat(api.get("/dashboard/").expect(200).body()).contains("data-testid=\"dashboard\"");
        assertThat(api.get("/dashboard/app.js").expect(200).body()).contains("from './api.js'", "'kpis'");
        assertThat(api.get("/dashboard/api.js").expect(200).body()).contains("/api/v1/auth/login",
                "/api/v1/analytics/", "sessionStorage");
        assertThat(api.get("/dashboard/style.css").expect(200).body()).isNotBlank();
        assertThat(api.get("/dashboard/vendor/chart.umd.min.js").expect(200).body()).contains("Chart.js v4");
        assertThat(api.get("/dashboard/vendor/chart.js-LICENSE.md").expect(200).body()).contains("MIT");
    }

    @Test
    void everyFileOfThePageLimitsItToItsOwnScriptsAndOrigin() {
        for (String path : new String[] {"/dashboard/", "/dashboard/index.html", "/dashboard/app.js",
                "/dashboard/style.css", "/dashboard/vendor/chart.umd.min.js"}) {
            assertThat(api.get(path).expect(200).headers().getFirst("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                            + "form-action 'self'; frame-ancestors 'none'");
        }
    }

    @Test
    void theDataStaysBehindAToken() {
        api.get("/api/v1/analytics/recent-orders").expectProblem(401, "unauthorized");
        api.get("/dashboard/missing.js").expect(404);
    }
}

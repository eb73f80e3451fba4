package io.tienda.gateway;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTest {

    @Test
    void runsOneEventLoopPerCoreUnlessToldOtherwise() {
        Properties unset = new Properties();
        GatewayApplication.oneEventLoopPerCore(unset, 2);
        assertThat(unset.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("2");

        Properties chosen = new Properties();
        chosen.setProperty("reactor.netty.ioWorkerCount", "8");
        GatewayApplication.oneEventLoopPerCore(chosen, 2);
        assertThat(chosen.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("8");
    }
}

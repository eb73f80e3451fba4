package io.tienda.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EurekaAppsTest {

    @Test
    void collectsThePortsOfInstancesThatAreUp() {
        String json = """
                {"applications":{"versions__delta":"1","apps__hashcode":"UP_2_","application":[
                  {"name":"GATEWAY","instance":[{"instanceId":"localhost:gateway:8080","app":"GATEWAY","status":"UP",
                    "port":{"$":8080,"@enabled":"true"}}]},
                  {"name":"ORDER-SERVICE","instance":[
                    {"status":"UP","port":{"$":8003,"@enabled":"true"}},
                    {"status":"STARTING","port":{"$":8103,"@enabled":"true"}}]}
                ]}}""";

        assertThat(EurekaApps.upPorts(json)).containsExactlyInAnyOrder(8080, 8003);
    }

    @Test
    void acceptsSingleObjectsWhereEurekaUsuallyWritesArrays() {
        String json = """
                {"applications":{"application":{"name":"CART-SERVICE",
                  "instance":{"status":"UP","port":{"$":"8002","@enabled":"true"}}}}}""";

        assertThat(EurekaApps.upPorts(json)).containsExactly(8002);
    }

    @Test
    void anEmptyRegistryHasNoPorts() {
        assertThat(EurekaApps.upPorts("{\"applications\":{\"versions__delta\":\"1\",\"application\":[]}}")).isEmpty();
    }

}

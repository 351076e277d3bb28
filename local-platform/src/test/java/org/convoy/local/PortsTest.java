package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(Map.of(PlatformConfig.SCHEDULING, port)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("port " + port + " (scheduling-service) is already in use")
                    .hasMessageContaining("--scheduling-port=<port>")
                    .hasMessageContaining("CONVOY_SCHEDULING_PORT=<port>");
        }
    }

    @Test
    void freePortsPass() {
        assertThatCode(() -> Ports.requireFree(Map.of(PlatformConfig.GATEWAY, Ports.anyFree()))).doesNotThrowAnyException();
    }
}

package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    void portsForTestsAreFreeDistinctAndBelowTheEphemeralRanges() {
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            chosen.add(Ports.anyFree());
        }

        assertThat(chosen).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(20000, 32000));
    }

    @Test
    void freePortsPass() {
        assertThatCode(() -> Ports.requireFree(Map.of(PlatformConfig.GATEWAY, Ports.anyFree()))).doesNotThrowAnyException();
    }
}

package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    @Test
    void defaultsPutTheGatewayOn8080AndDataUnderDotLocalData() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--home=/srv/convoy" }, Map.of());

        assertThat(config.port(PlatformConfig.GATEWAY)).isEqualTo(8080);
        assertThat(config.port(PlatformConfig.KAFKA)).isEqualTo(9092);
        assertThat(config.port(PlatformConfig.MONGO)).isEqualTo(27017);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/convoy/.local-data"));
        assertThat(config.serviceJar(PlatformConfig.REGISTRATION))
                .isEqualTo(Path.of("/srv/convoy/registration-service/target/registration-service.jar"));
        assertThat(config.reset()).isFalse();
        assertThat(config.clockFile()).as("the services keep the real time").isNull();
    }

    @Test
    void anAdjustableClockKeepsItsOffsetInTheDataDirectory() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--home=/srv/convoy", "--adjustable-clock" },
                Map.of());
        PlatformConfig fromEnvironment = PlatformConfig.from(new String[] { "--home=/srv/convoy" },
                Map.of("CONVOY_ADJUSTABLE_CLOCK", "true", "CONVOY_DATA_DIR", "demo"));

        assertThat(config.clockFile()).isEqualTo(Path.of("/srv/convoy/.local-data/clock"));
        assertThat(fromEnvironment.clockFile()).isEqualTo(Path.of("/srv/convoy/demo/clock"));
    }

    @Test
    void argumentsWinOverEnvironmentWhichWinsOverDefaults() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--gateway-port=9080", "--reset" },
                Map.of("CONVOY_GATEWAY_PORT", "7080", "CONVOY_REGISTRATION_PORT", "7081"));

        assertThat(config.port(PlatformConfig.GATEWAY)).isEqualTo(9080);
        assertThat(config.port(PlatformConfig.REGISTRATION)).isEqualTo(7081);
        assertThat(config.port(PlatformConfig.SCHEDULING)).isEqualTo(8082);
        assertThat(config.reset()).isTrue();
    }

    @Test
    void pointedAtAnExistingKafkaAndMongoDbTheLauncherOpensNeitherPort() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--kafka-bootstrap-servers=broker:9092",
                "--mongo-uri=mongodb://db:27017/{database}?replicaSet=rs0" }, Map.of());

        assertThat(config.portsToOpen()).doesNotContainKeys(PlatformConfig.KAFKA, PlatformConfig.KAFKA_CONTROLLER,
                PlatformConfig.MONGO).containsKey(PlatformConfig.GATEWAY);
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--mongo-uri=mongodb://db:27017/convoy" }, Map.of()))
                .hasMessageContaining("{database}");
    }

    @Test
    void zipkinRunsOnlyWhenAskedForOnItsOwnPortFromTheJarRunLocalFetches() {
        PlatformConfig without = PlatformConfig.from(new String[] { "--home=/srv/convoy" }, Map.of());
        PlatformConfig with = PlatformConfig.from(new String[] { "--home=/srv/convoy", "--zipkin", "--zipkin-port=19411" },
                Map.of());
        PlatformConfig ownJar = PlatformConfig.from(new String[] { "--home=/srv/convoy" },
                Map.of("CONVOY_ZIPKIN_JAR", "/opt/zipkin/zipkin.jar"));

        assertThat(without.zipkin()).isFalse();
        assertThat(without.portsToOpen()).doesNotContainKey(PlatformConfig.ZIPKIN);
        assertThat(without.port(PlatformConfig.ZIPKIN)).isEqualTo(9411);
        assertThat(with.zipkin()).isTrue();
        assertThat(with.portsToOpen()).containsEntry(PlatformConfig.ZIPKIN, 19411);
        assertThat(with.zipkinJar()).isEqualTo(Path.of("/srv/convoy/local-platform/target/zipkin/zipkin-server.jar"));
        assertThat(ownJar.zipkin()).as("naming a jar asks for Zipkin").isTrue();
        assertThat(ownJar.zipkinJar()).isEqualTo(Path.of("/opt/zipkin/zipkin.jar"));
    }

    @Test
    void badSettingsAreExplained() {
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--gateway-port=eighty" }, Map.of()))
                .hasMessageContaining("--gateway-port").hasMessageContaining("CONVOY_GATEWAY_PORT");
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--gatway-port=9080" }, Map.of()))
                .hasMessageContaining("Unknown setting --gatway-port");
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "start" }, Map.of()))
                .hasMessageContaining("Unknown argument start");
    }

    @Test
    void theFirstAdministratorHasADevelopmentDefaultThatTheEnvironmentReplaces() {
        PlatformConfig development = PlatformConfig.from(new String[0], Map.of());
        PlatformConfig configured = PlatformConfig.from(new String[0],
                Map.of("CONVOY_ADMIN_USERNAME", "ops", "CONVOY_ADMIN_PASSWORD", "a-much-longer-secret"));

        assertThat(development.adminUsername()).isEqualTo("admin");
        assertThat(development.developmentAdmin()).isTrue();
        assertThat(configured.adminUsername()).isEqualTo("ops");
        assertThat(configured.developmentAdmin()).isFalse();
        assertThat(configured.toString()).doesNotContain("a-much-longer-secret");
    }

    @Test
    void aShortAdministratorPasswordIsRefused() {
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--admin-password=short" }, Map.of()))
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void severalInstancesOfEachServiceRunOnPortsAHundredApartBehindOneGateway() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--instances=3" }, Map.of());

        assertThat(config.instancesOf(PlatformConfig.REGISTRATION)).isEqualTo(3);
        assertThat(config.instancesOf(PlatformConfig.GATEWAY)).isEqualTo(1);
        assertThat(config.port(PlatformConfig.NOTIFICATION, 0)).isEqualTo(8083);
        assertThat(config.port(PlatformConfig.NOTIFICATION, 2)).isEqualTo(8283);
        assertThat(config.portsToOpen()).containsEntry("registration-service-2", 8181)
                .containsEntry("scheduling-service-3", 8282).doesNotContainKey("gateway-2");
        assertThat(PlatformConfig.from(new String[0], Map.of("CONVOY_INSTANCES", "2")).instances()).isEqualTo(2);
        assertThat(PlatformConfig.from(new String[0], Map.of()).instances()).isEqualTo(1);
    }

    @Test
    void anInstanceCountOutOfRangeIsExplained() {
        for (String count : new String[] { "0", "5", "two" }) {
            assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--instances=" + count }, Map.of()))
                    .hasMessageContaining("--instances").hasMessageContaining("1 to 4");
        }
    }

    @Test
    void moreGatewaysTakeThePortsAHundredApartWithTheirManagementPorts() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--gateways=2", "--instances=2" }, Map.of());

        assertThat(config.instancesOf(PlatformConfig.GATEWAY)).isEqualTo(2);
        assertThat(config.portsToOpen()).containsEntry("gateway-2", 8180).containsEntry("gateway-management-2", 8190);
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--gateways=0" }, Map.of()))
                .hasMessageContaining("--gateways (CONVOY_GATEWAYS)").hasMessageContaining("1 to 4");
    }

    @Test
    void threeKafkaBrokersRunOnTheKafkaPortsAHundredApart() {
        PlatformConfig config = PlatformConfig.from(new String[] { "--kafka-brokers=3", "--kafka-port=19092",
                "--kafka-controller-port=19093" }, Map.of());

        assertThat(config.kafkaBrokers()).isEqualTo(3);
        assertThat(config.kafkaCluster()).isTrue();
        assertThat(config.kafkaPort(3)).isEqualTo(19292);
        assertThat(config.kafkaControllerPort(2)).isEqualTo(19193);
        assertThat(config.portsToOpen()).containsEntry(PlatformConfig.KAFKA, 19092)
                .containsEntry("kafka-2", 19192).containsEntry("kafka-3", 19292)
                .containsEntry(PlatformConfig.KAFKA_CONTROLLER, 19093)
                .containsEntry("kafka-controller-2", 19193).containsEntry("kafka-controller-3", 19293);
        assertThat(PlatformConfig.from(new String[0], Map.of("CONVOY_KAFKA_BROKERS", "3")).kafkaBrokers()).isEqualTo(3);
    }

    @Test
    void oneKafkaBrokerInTheLauncherIsTheDefault() {
        PlatformConfig config = PlatformConfig.from(new String[0], Map.of());

        assertThat(config.kafkaBrokers()).isEqualTo(1);
        assertThat(config.kafkaCluster()).isFalse();
        assertThat(config.portsToOpen()).doesNotContainKeys("kafka-2", "kafka-controller-2");
    }

    @Test
    void aClusterOtherThanOneOrThreeBrokersIsRefused() {
        for (String count : new String[] { "2", "0", "5", "three" }) {
            assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--kafka-brokers=" + count }, Map.of()))
                    .hasMessageContaining("--kafka-brokers").hasMessageContaining("CONVOY_KAFKA_BROKERS")
                    .hasMessageContaining("1").hasMessageContaining("3").hasMessageContaining("'" + count + "'");
        }
    }

    @Test
    void aClusterOfTheLaunchersOwnIsRefusedWithAnExistingKafka() {
        assertThatThrownBy(() -> PlatformConfig.from(new String[] { "--kafka-brokers=3",
                "--kafka-bootstrap-servers=broker:9092" }, Map.of()))
                .hasMessageContaining("--kafka-brokers").hasMessageContaining("--kafka-bootstrap-servers");
    }

    @Test
    void aBusySecondBrokerPortNamesTheSettingThatMovesAllOfThem() {
        assertThat(PlatformConfig.portKey("kafka-controller-3")).isEqualTo("kafka-controller-port");
        assertThat(PlatformConfig.portKey("kafka-2")).isEqualTo("kafka-port");
        assertThat(PlatformConfig.portKey("registration-service-2")).isEqualTo("registration-port");
    }
}

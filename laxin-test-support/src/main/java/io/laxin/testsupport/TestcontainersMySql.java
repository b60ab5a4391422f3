package io.laxin.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/** The third choice for MySQL: a container, only where a Docker engine answers. */
final class TestcontainersMySql {

    private TestcontainersMySql() {}

    static TestInfrastructure.MySql startIfDockerAvailable() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (!docker) {
            return null;
        }
        MySQLContainer container =
                new MySQLContainer("mysql:8.4").withUsername("root").withPassword("laxin-test");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String url = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306);
        return new TestInfrastructure.MySql(url, "root", "laxin-test");
    }
}

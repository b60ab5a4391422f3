package io.laxin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's route table says what {@code gateway.yml} routes, no more and no less: every proxied route has its
 * row with each of its paths and its service, and every row names a route that exists. (The API-docs routes are one
 * row, {@code *-docs}.)
 */
class RouteTableDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (.*) \\| ([a-z-]+) \\|$");
    private static final Pattern PATH = Pattern.compile("`(/[^`]*)`");

    record Route(String id, List<String> paths, String service) {}

    @SuppressWarnings("unchecked")
    private static Map<String, Route> configured() throws IOException {
        try (InputStream in = RouteTableDocTest.class.getResourceAsStream("/gateway.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            Map<String, Object> webflux = (Map<String, Object>) ((Map<String, Object>)
                            ((Map<String, Object>) ((Map<String, Object>) yml.get("spring")).get("cloud"))
                                    .get("gateway"))
                    .get("server");
            List<Map<String, Object>> routes =
                    (List<Map<String, Object>>) ((Map<String, Object>) webflux.get("webflux")).get("routes");
            Map<String, Route> byId = new LinkedHashMap<>();
            for (Map<String, Object> r : routes) {
                String id = (String) r.get("id");
                if (id.endsWith("-docs")) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                for (Object p : (List<Object>) r.get("predicates")) {
                    String predicate = p.toString();
                    if (predicate.startsWith("Path=")) {
                        paths.addAll(
                                List.of(predicate.substring("Path=".length()).split(",")));
                    }
                }
                Map<String, Object> metadata = (Map<String, Object>) r.get("metadata");
                byId.put(id, new Route(id, paths, metadata == null ? null : (String) metadata.get("service")));
            }
            return byId;
        }
    }

    private static Map<String, Route> documented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Routes"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        Map<String, Route> byId = new LinkedHashMap<>();
        for (String line : table.lines().toList()) {
            Matcher row = ROW.matcher(line.trim());
            if (row.matches() && !row.group(1).equals("*-docs")) {
                List<String> paths = new ArrayList<>();
                Matcher path = PATH.matcher(row.group(2));
                while (path.find()) {
                    paths.add(path.group(1));
                }
                byId.put(row.group(1), new Route(row.group(1), paths, row.group(3)));
            }
        }
        return byId;
    }

    @Test
    void shouldDocumentEveryRouteWithItsPathsAndServiceAndNoOther() throws IOException {
        Map<String, Route> configured = configured();
        Map<String, Route> documented = documented();

        assertThat(configured).as("routes in gateway.yml").isNotEmpty();
        assertThat(documented.keySet())
                .as("route ids in README.md's table")
                .containsExactlyInAnyOrderElementsOf(configured.keySet());
        configured.values().forEach(r -> {
            Route doc = documented.get(r.id());
            assertThat(doc.paths())
                    .as("README paths of route " + r.id())
                    .containsExactlyInAnyOrderElementsOf(r.paths());
            assertThat(doc.service()).as("README service of route " + r.id()).isEqualTo(r.service());
        });
    }
}

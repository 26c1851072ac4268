package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** values.yaml documents every value with a `## @param` line (Bitnami's style), and the README's table lists each. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE);

    private static Set<String> params() throws IOException {
        Matcher m = PARAM.matcher(Files.readString(Charts.CHART.resolve("values.yaml")));
        Set<String> params = new LinkedHashSet<>();
        while (m.find()) {
            params.add(m.group(1));
        }
        return params;
    }

    private static JsonNode values() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Charts.CHART.resolve("values.yaml").toFile());
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey(), out));
        } else {
            out.add(path);
        }
    }

    private static boolean documented(String path, Set<String> params) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (params.contains(p)) {
                return true;
            }
            if (!p.contains(".")) {
                return false;
            }
        }
    }

    @Test
    void everyValue_isDocumentedByItsOwnOrAnEnclosingParam() throws IOException {
        Set<String> params = params();
        List<String> leaves = new ArrayList<>();
        leaves(values(), "", leaves);

        assertThat(leaves).hasSizeGreaterThan(100).allSatisfy(l -> assertThat(documented(l, params)).as(l).isTrue());
    }

    @Test
    void everyParam_namesAnExistingValue() throws IOException {
        JsonNode values = values();

        assertThat(params()).allSatisfy(p -> assertThat(values.at("/" + p.replace('.', '/')).isMissingNode())
                .as(p).isFalse());
    }

    @Test
    void readme_listsEveryParam() throws IOException {
        String readme = Files.readString(Charts.CHART.resolve("README.md"));

        assertThat(params()).allSatisfy(p -> assertThat(readme).contains("| `" + p + "` |"));
    }
}

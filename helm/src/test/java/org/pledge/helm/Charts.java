package org.pledge.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The chart under test, rendered by helm-java (Helm's own Go code, no helm binary) and parsed by fabric8's model.
 * helm-java loads a 95 MB native library once per JVM: every test class shares this one instance.
 */
final class Charts {

    static final Path CHART = Path.of("pledge").toAbsolutePath();
    static final Path REQUIRED = Path.of("src/test/resources/values-required.yaml").toAbsolutePath();
    static final Path EVERYTHING = Path.of("src/test/resources/values-everything.yaml").toAbsolutePath();
    static final String RELEASE = "pledge";
    static final String NAMESPACE = "pledge";
    /** values key → component (object name suffix and app.kubernetes.io/component). */
    static final Map<String, String> COMPONENTS = Map.of("case", "case-service", "feedback", "feedback-service",
            "notification", "notification-service", "guarantee", "guarantee-service", "console", "console");

    private static final Helm HELM = new Helm(CHART);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Charts() {
    }

    static Helm helm() {
        return HELM;
    }

    /** helm template with the given values files (in order) and --set pairs; throws IllegalStateException on failure. */
    static String template(Map<String, ?> sets, Path... valuesFiles) {
        TemplateCommand command = HELM.template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, ?> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static List<HasMetadata> render(Map<String, ?> sets, Path... valuesFiles) {
        return parse(template(sets, valuesFiles));
    }

    /** With the mandatory references only (rendered once; callers must not change the objects). */
    static List<HasMetadata> renderRequired() {
        return Renders.REQUIRED_OBJECTS;
    }

    /** With every optional part on (rendered once; callers must not change the objects). */
    static List<HasMetadata> renderEverything() {
        return Renders.EVERYTHING_OBJECTS;
    }

    /** The two common renders, made on first use. */
    private static final class Renders {
        static final List<HasMetadata> REQUIRED_OBJECTS = List.copyOf(render(Map.of(), REQUIRED));
        static final List<HasMetadata> EVERYTHING_OBJECTS = List.copyOf(render(Map.of(), REQUIRED, EVERYTHING));
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed == null) {
            return List.of();
        }
        return parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Set<String> kindsAndNames(List<HasMetadata> objects) {
        return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String objectName(String component) {
        return RELEASE + "-" + component;
    }
}

package org.pledge.console.satisfaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.console.operations.ServicePart;
import org.pledge.console.operations.ServiceParts;
import org.pledge.console.satisfaction.SatisfactionFigures.Alerts;
import org.pledge.console.satisfaction.SatisfactionFigures.DayFigures;
import org.pledge.console.satisfaction.SatisfactionFigures.Figures;
import org.pledge.console.satisfaction.SatisfactionFigures.PainPoints;
import org.pledge.console.satisfaction.SatisfactionFigures.Satisfaction;
import org.pledge.console.satisfaction.SatisfactionFigures.ServiceType;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.shell.ConsoleFormats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /satisfaction} (operations, auditor): feedback-service's live figures (CSAT, CES, volume for the last hour,
 * day and 30 days, split on time / late), the 30-day series as a line chart, the pain points as a bar chart and the
 * open alerts, filtered by service type and channel. Each of the three answers is its own part: one that fails shows
 * a note and the others still show.
 */
@Controller
public class SatisfactionController {

    /** The channels feedback arrives through (feedback-service's {@code channel} values). */
    static final List<String> CHANNELS = List.of("SURVEY_LINK", "KIOSK", "CALL_CENTRE", "WEB_FORM");
    private static final Pattern SERVICE_TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String ALL = "all";

    private final ServiceApis apis;
    private final ServiceParts parts;
    private final ConsoleFormats fmt;
    private final MessageSource messages;
    private final ObjectMapper json;

    public SatisfactionController(ServiceApis apis, ServiceParts parts, ConsoleFormats fmt, MessageSource messages,
                                  ObjectMapper json) {
        this.apis = apis;
        this.parts = parts;
        this.fmt = fmt;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/satisfaction")
    String satisfaction(@RequestParam(name = "serviceType", required = false) String serviceType,
                        @RequestParam(name = "channel", required = false) String channel, Model model) {
        List<String> errors = new ArrayList<>();
        String type = blankOrAll(serviceType) ? ALL : serviceType.strip();
        if (!ALL.equals(type) && !SERVICE_TYPE.matcher(type).matches()) {
            errors.add("satisfaction.filter.invalid-service-type");
            type = ALL;
        }
        String via = blankOrAll(channel) ? ALL : channel.strip();
        if (!ALL.equals(via) && !CHANNELS.contains(via)) {
            errors.add("satisfaction.filter.invalid-channel");
            via = ALL;
        }
        String selectedType = type;
        String selectedChannel = via;

        ServicePart<Satisfaction> figures = parts.ask(Service.FEEDBACK, () -> apis.client(Service.FEEDBACK).get()
                .uri(uri -> uri.path("/api/satisfaction").queryParam("serviceType", selectedType)
                        .queryParam("channel", selectedChannel).build())
                .retrieve().body(Satisfaction.class));
        ServicePart<PainPoints> painPoints = parts.ask(Service.FEEDBACK, () -> apis.client(Service.FEEDBACK).get()
                .uri(uri -> uri.path("/api/pain-points").queryParam("serviceType", selectedType)
                        .queryParam("window", "P30D").build())
                .retrieve().body(PainPoints.class));
        ServicePart<Alerts> alerts = parts.ask(Service.FEEDBACK, () -> apis.client(Service.FEEDBACK).get()
                .uri("/api/satisfaction-alerts").retrieve().body(Alerts.class));
        ServicePart<List<ServiceType>> serviceTypes = parts.ask(Service.CASE, () -> apis.client(Service.CASE).get()
                .uri("/api/service-types").retrieve().body(new ParameterizedTypeReference<List<ServiceType>>() {
                }));

        model.addAttribute("filterErrors", errors);
        model.addAttribute("serviceType", selectedType);
        model.addAttribute("channel", selectedChannel);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("serviceTypes", serviceTypes.ok() && serviceTypes.value() != null
                ? serviceTypes.value().stream().map(ServiceType::code).sorted().toList() : List.of());
        model.addAttribute("figures", figures);
        model.addAttribute("painPoints", painPoints);
        model.addAttribute("alerts", alerts);
        if (figures.ok() && figures.value() != null && !figures.value().series().isEmpty()) {
            model.addAttribute("seriesChart", ChartJson.of(json, seriesChart(figures.value().series())));
        }
        if (painPoints.ok() && painPoints.value() != null && !painPoints.value().painPoints().isEmpty()) {
            model.addAttribute("painPointsChart", ChartJson.of(json, painPointsChart(painPoints.value())));
        }
        return "satisfaction/satisfaction";
    }

    /** CSAT per day over 30 days: all answers, on time, late (a gap where a day had no answer). */
    private Map<String, Object> seriesChart(List<DayFigures> series) {
        List<String> days = series.stream().map(day -> fmt.date(day.date())).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 48, "right", 16, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", days));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", word("satisfaction.csat")));
        option.put("series", List.of(
                line(word("satisfaction.all-answers"), series, DayFigures::figures),
                line(word("satisfaction.on-time"), series, day -> day.byTimeliness() == null ? null : day.byTimeliness().onTime()),
                line(word("satisfaction.late"), series, day -> day.byTimeliness() == null ? null : day.byTimeliness().late())));
        return option;
    }

    private static Map<String, Object> line(String name, List<DayFigures> series, Function<DayFigures, Figures> which) {
        List<Object> values = new ArrayList<>();
        for (DayFigures day : series) {
            Figures figures = which.apply(day);
            values.add(figures == null ? null : figures.csat());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("type", "line");
        line.put("connectNulls", false);
        line.put("data", values);
        return line;
    }

    /** The pain points named over 30 days, most named at the top. */
    private Map<String, Object> painPointsChart(PainPoints painPoints) {
        List<String> codes = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = painPoints.painPoints().size() - 1; i >= 0; i--) {
            codes.add(painPoints.painPoints().get(i).code());
            counts.add(painPoints.painPoints().get(i).count());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 160, "right", 24, "top", 16, "bottom", 32));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", codes));
        option.put("series", List.of(Map.of("name", word("satisfaction.pain-points.count"), "type", "bar",
                "data", counts)));
        return option;
    }

    private String word(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static boolean blankOrAll(String value) {
        return value == null || value.isBlank() || ALL.equalsIgnoreCase(value.strip());
    }
}
